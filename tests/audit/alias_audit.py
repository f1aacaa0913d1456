#!/usr/bin/env python3
"""Speaker aliases (issue 13, item 3): figures before and after, and a hand check of the links
the alias table makes (a speaker known only by a surname in one article -> a full name).

usage: tests/audit/alias_audit.py figures [--work DIR] [--before-bin DIR] [--bin DIR]
       tests/audit/alias_audit.py draw    [--work DIR] [--bin DIR] [--sample FILE] [--force]
       tests/audit/alias_audit.py show    [--work DIR] [--bin DIR] [--sample FILE] [ROW...]
       tests/audit/alias_audit.py score   [--sample FILE]

DIR (--bin, --before-bin) is a build folder holding indexer/news-index and
searcher/news-search (default: build). The corpora come from ../shared/corpora (or
$NEWS_SHARED_DIR/corpora): PolNeAR
train+dev (train/text, dev/text, with metadata.tsv as --manifest) and Reuters-21578 (unpacked
from reuters21578.tar.xz into WORK). Databases are built once into WORK (default
/tmp/alias-audit), one per build folder, and reused.

figures  per corpus: distinct speaker names given by `news-index --extract` (folded: case,
         dots and apostrophes ignored) with --before-bin and with --bin, the distinct
         speakers `news-search --speakers` lists with --bin (names linked by the alias table
         counted once), and the counts of a few speaker: queries with both.
draw     the population is every link the alias table makes: for each speaker that
         `news-search --speakers` lists with other names, the articles `speaker:"NAME"` finds
         whose speakers hold no NAME but a one-word name equal to NAME's last word (corpus,
         article id, the name as written, NAME). Sorted, then random.Random(20261207).sample
         of 100 over both corpora together; written sorted with empty verdict columns
         (refuses to overwrite without --force).
show     prints each row (or rows ROW..., numbered from 1): the article's title and date and
         its sentences that hold the surname, read from the database at run time (no corpus
         text is stored in the repository).
score    the share of rows judged right (verdict "right").

Columns of the sample (TSV): corpus, article, alias (as written), canonical, verdict (right or
wrong), reason (our words, no corpus text).
"""
import argparse
import collections
import json
import os
import random
import re
import subprocess
import sys
import tarfile

sys.dont_write_bytecode = True

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SHARED = os.environ.get("NEWS_SHARED_DIR") or os.path.join(os.path.dirname(REPO), "shared")
POLNEAR = os.path.join(SHARED, "corpora", "polnear")
REUTERS_TAR = os.path.join(SHARED, "corpora", "reuters21578", "reuters21578.tar.xz")
SAMPLE = os.path.join(HERE, "alias-audit-sample.tsv")
SEED = 20261207
SIZE = 100
COLUMNS = ["corpus", "article", "alias", "canonical", "verdict", "reason"]
QUERIES = ['speaker:"ronald reagan"', "speaker:reagan", 'speaker:"barack obama"', "speaker:obama",
           'speaker:"hillary clinton"', "speaker:clinton", 'speaker:"james baker"', "speaker:baker"]


def fold(name):
    return " ".join(re.sub(r"[.'’`]", " ", name).lower().split())


def tools(build):
    build = os.path.abspath(build)
    return os.path.join(build, "indexer", "news-index"), os.path.join(build, "searcher", "news-search")


def inputs(corpus, work):
    if corpus == "polnear":
        return ["--manifest", os.path.join(POLNEAR, "metadata.tsv"),
                os.path.join(POLNEAR, "train", "text"), os.path.join(POLNEAR, "dev", "text")]
    folder = os.path.join(work, "reuters")
    if not os.path.isdir(os.path.join(folder, "reuters21578")):
        os.makedirs(folder, exist_ok=True)
        with tarfile.open(REUTERS_TAR, "r:xz") as tar:
            if hasattr(tarfile, "data_filter"):
                tar.extractall(folder, filter="data")
            else:
                tar.extractall(folder)
    return [os.path.join(folder, "reuters21578")]


def database(build, corpus, work):
    """The database of @corpus built by @build's news-index (built once, then reused)."""
    index, _ = tools(build)
    tag = re.sub(r"[^A-Za-z0-9]+", "_", os.path.abspath(build)).strip("_")
    db = os.path.join(work, f"{corpus}-{tag}.db")
    if not os.path.isdir(db):
        subprocess.run([index, "--db", db, *inputs(corpus, work)], check=True, capture_output=True)
    return db


def extract_names(build, corpus, work):
    index, _ = tools(build)
    out = subprocess.run([index, "--extract", *inputs(corpus, work)], check=True, capture_output=True, text=True).stdout
    names = set()
    for line in out.splitlines():
        if line.startswith("{"):
            for s in json.loads(line).get("speakers", []):
                if fold(s["name"]):
                    names.add(fold(s["name"]))
    return names


def search(build, db, *args):
    _, s = tools(build)
    return subprocess.run([s, "--db", db, *args], capture_output=True, text=True).stdout


def figures(a):
    for corpus in ("polnear", "reuters"):
        before_db, after_db = database(a.before_bin, corpus, a.work), database(a.bin, corpus, a.work)
        before, after = extract_names(a.before_bin, corpus, a.work), extract_names(a.bin, corpus, a.work)
        listed = json.loads(search(a.bin, after_db, "--speakers", "--json"))["speakers"]
        people = [s for s in listed if s["kind"] == "person"]
        linked = sum(1 for s in people if any(len(fold(x).split()) == 1 for x in s["aliases"]))
        print(f"{corpus}: distinct speaker names {len(before)} before, {len(after)} after the name fixes; "
              f"distinct speakers after linking {len(listed)} ({len(people)} persons, {linked} of them with a "
              f"surname alone linked)")
        for q in QUERIES:
            b = search(a.before_bin, before_db, "--count", q).strip()
            n = search(a.bin, after_db, "--count", q).strip()
            print(f"  {q:28} {b:>5} -> {n:>5}")


def population(a):
    rows = []
    for corpus in ("polnear", "reuters"):
        db = database(a.bin, corpus, a.work)
        listed = json.loads(search(a.bin, db, "--speakers", "--json"))["speakers"]
        for s in listed:
            name = s["name"]
            if s["kind"] != "person" or '"' in name or len(fold(name).split()) < 2:
                continue
            surname = fold(name).split()[-1]
            if not any(fold(x) == surname for x in s["aliases"]):
                continue
            for line in search(a.bin, db, "--jsonl", "-n", "100000", f'speaker:"{name}"').splitlines():
                hit = json.loads(line)
                names = [x["name"] for x in hit.get("speakers", [])]
                if any(fold(x) == fold(name) for x in names):
                    continue  # the full name itself speaks there: no link
                for x in names:
                    if fold(x) == surname:
                        rows.append((corpus, hit["id"], x, name))
    return sorted(set(rows))


def read_sample(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            if cells[0] == "corpus":
                continue
            rows.append(dict(zip(COLUMNS, cells + [""] * (len(COLUMNS) - len(cells)))))
    return rows


def draw(a):
    if os.path.exists(a.sample) and not a.force:
        sys.exit(f"{a.sample} exists (judged?): --force to draw again")
    pop = population(a)
    picked = sorted(random.Random(SEED).sample(pop, min(SIZE, len(pop))))
    counts = collections.Counter(r[0] for r in pop)
    with open(a.sample, "w", encoding="utf-8") as f:
        f.write("# Speaker alias audit sample (issue 13, item 3). Written by tests/audit/alias_audit.py draw;\n")
        every = f" (all {len(pop)}: fewer than {SIZE})" if len(pop) < SIZE else ""
        f.write(f"# population: {len(pop)} links ({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))}); "
                f"random.Random({SEED}).sample of {SIZE}{every}.\n")
        f.write("# verdict and reason filled by hand after reading the article (alias_audit.py show N).\n")
        f.write("\t".join(COLUMNS) + "\n")
        for r in picked:
            f.write("\t".join([*r, "", ""]) + "\n")
    print(f"{len(pop)} links; {len(picked)} drawn into {a.sample}")


def show(a):
    rows = read_sample(a.sample)
    wanted = [int(x) for x in a.rows] or range(1, len(rows) + 1)
    for n in wanted:
        r = rows[n - 1]
        db = database(a.bin, r["corpus"], a.work)
        art = json.loads(search(a.bin, db, "--get", "--json", r["article"]))["articles"][0]
        surname = fold(r["canonical"]).split()[-1]
        text = art.get("title", "") + ". " + art.get("text", "")
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if surname in s.lower()]
        print(f"== {n}. {r['corpus']} {r['article']} ({art.get('date', '')}): {r['alias']} -> {r['canonical']}"
              f"  [{r['verdict']}] {r['reason']}")
        for s in sentences[:6]:
            print("   -", " ".join(s.split())[:300])


def score(a):
    rows = read_sample(a.sample)
    judged = [r for r in rows if r["verdict"]]
    right = sum(r["verdict"] == "right" for r in judged)
    print(f"{right} of {len(judged)} judged links right ({right / max(1, len(judged)):.2f}); {len(rows) - len(judged)} unjudged")
    for r in judged:
        if r["verdict"] != "right":
            print(f"  wrong: {r['corpus']} {r['article']}: {r['alias']} -> {r['canonical']}: {r['reason']}")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("command", choices=["figures", "draw", "show", "score"])
    p.add_argument("rows", nargs="*")
    p.add_argument("--work", default="/tmp/alias-audit")
    p.add_argument("--bin", default=os.path.join(REPO, "build"))
    p.add_argument("--before-bin", default=os.path.join(REPO, "build"))
    p.add_argument("--sample", default=SAMPLE)
    p.add_argument("--force", action="store_true")
    a = p.parse_args()
    os.makedirs(a.work, exist_ok=True)
    {"figures": figures, "draw": draw, "show": show, "score": score}[a.command](a)


if __name__ == "__main__":
    main()
