"""Shared helpers for the end-to-end tests: run the real binaries, check results.

Each test script is run by ctest with --index, --search, --source-dir, --shared and
--work; it exits 0 on success, 1 on failure, 77 when it must be skipped.
"""
import argparse
import json
import re
import os
import shutil
import subprocess
import sys

SKIP = 77


class Env:
    def __init__(self):
        p = argparse.ArgumentParser()
        p.add_argument("--index", required=True)
        p.add_argument("--search", required=True)
        p.add_argument("--source-dir", required=True)
        p.add_argument("--shared", required=True)
        p.add_argument("--work", required=True)
        a = p.parse_args()
        self.index_bin, self.search_bin = a.index, a.search
        self.source_dir, self.shared, self.work = a.source_dir, a.shared, a.work
        self.corpus = os.path.join(self.source_dir, "corpus")
        shutil.rmtree(self.work, ignore_errors=True)
        os.makedirs(self.work)
        self.failures = 0
        self.checks = 0

    def need_shared(self, *parts):
        path = os.path.join(self.shared, *parts)
        if not os.path.exists(path):
            print(f"SKIP: {path} is absent (the shared data is not beside the repository)")
            sys.exit(SKIP)
        return path

    def run(self, *args, stdin=None, env=None):
        e = dict(os.environ)
        e.pop("NEWS_DB", None)
        e["NO_COLOR"] = "1"
        if env:
            e.update(env)
        return subprocess.run(list(args), capture_output=True, text=True, input=stdin, env=e, cwd=self.work)

    def index(self, *args, **kw):
        return self.run(self.index_bin, "--progress", "never", *args, **kw)

    def reuters_sgm(self, name="reuters21578"):
        """Reuters-21578's .sgm files unpacked into WORK/name (skips without ../shared): its
        README.txt and vocabularies would be indexed as plain-text articles. Returns the folder."""
        import tarfile
        archive = self.need_shared("corpora", "reuters21578", "reuters21578.tar.xz")
        folder = os.path.join(self.work, name)
        os.makedirs(folder)
        with tarfile.open(archive) as tar:
            for m in tar.getmembers():
                if m.isfile() and m.name.endswith(".sgm"):
                    with open(os.path.join(folder, os.path.basename(m.name)), "wb") as out:
                        out.write(tar.extractfile(m).read())
        return folder

    def search(self, db, *args, **kw):
        return self.run(self.search_bin, "--db", db, *args, **kw)

    def ids(self, db, query, *extra):
        """Article ids matching query (all of them), as a set."""
        r = self.search(db, "--jsonl", "-n", "100000", "--no-collapse", *extra, "--", query)
        if r.returncode not in (0, 1):
            raise AssertionError(f"search {query!r} exited {r.returncode}: {r.stderr}")
        return {json.loads(l)["id"] for l in r.stdout.splitlines() if l.strip()}

    def check(self, cond, what):
        self.checks += 1
        if not cond:
            self.failures += 1
            print(f"FAIL: {what}")

    def equal(self, got, want, what):
        self.check(got == want, f"{what}: got {got!r}, want {want!r}")

    def finish(self):
        print(f"{self.checks - self.failures} passed, {self.failures} failed")
        sys.exit(1 if self.failures else 0)


def make_corpus(env, dest, n, seed=1):
    """Writes n plain-text articles into dest, recombined from the bundled corpus's
    paragraphs (deterministic for a seed). Returns the list of paths."""
    import random
    rnd = random.Random(seed)
    paras = []
    for root, _, files in os.walk(env.corpus):
        for f in sorted(files):
            if f.endswith(".txt"):
                text = open(os.path.join(root, f), encoding="utf-8").read()
                paras += [p for p in text.split("\n\n") if len(p) > 80 and not p.startswith("---")]
    os.makedirs(dest, exist_ok=True)
    paths = []
    for i in range(n):
        sub = os.path.join(dest, f"d{i % 10}")
        os.makedirs(sub, exist_ok=True)
        body = "\n\n".join(rnd.sample(paras, 4))
        path = os.path.join(sub, f"a{i:05d}.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"---\ntitle: Generated article {i}\ndate: 2023-{1 + i % 12:02d}-{1 + i % 28:02d}\n"
                    f"source: Outlet {i % 5}\n---\n\n{body}\n")
        paths.append(path)
    return paths


def db_state(env, db):
    """Every term of a database with its term and collection frequency, and the
    document count: equal for two databases holding the same articles."""
    r = env.run("xapian-delve", "-a", "-1", "-vv", db)
    if r.returncode != 0:
        raise AssertionError(f"xapian-delve failed on {db}: {r.stderr}")
    info = env.run("xapian-delve", db).stdout
    count = re.search(r"number of documents = (\d+)", info).group(1)
    # term, termfreq, collection freq; the last column (wdf upper bound) is only a
    # bound that deletions never lower, so it is left out.
    terms = [line.rsplit(" ", 1)[0] for line in r.stdout.splitlines()]
    return count, terms
