#!/usr/bin/env python3
"""Wire copies (issue 15, item 4): exact duplicates found, recall of planted copies, indexing cost.

usage: tests/bench/copies_eval.py exact     [--bin DIR] [--work DIR]
       tests/bench/copies_eval.py synthetic [--bin DIR] [--work DIR] [--articles N] [--seed S]
       tests/bench/copies_eval.py cost      [--bin DIR] --base-bin DIR [--work DIR] [--runs N]

DIR is a build folder (default: build). The corpora come from ../shared/corpora (or
$NEWS_SHARED_DIR/corpora). WORK (default /tmp/copies-eval) holds unpacked corpora, databases
and generated files; nothing is written inside the repository.

exact      BBC full text and Reuters-21578 are indexed with DIR's news-index; every group of
           articles with the same title and text (whitespace aside, read from the corpus
           files) must be one cluster (`news-search --jsonl --no-collapse` over every article:
           copies.cluster). Prints groups found / groups per corpus; a group not found is
           listed with why the rules keep it apart (identical short items more than two days
           apart are two editions by design: see common/copies.h).
synthetic  N articles (default 1,000,000) from tests/bench/gen_corpus.py, with copies planted
           by tests/bench/gen_copies.py (5% of articles get 1-3 copies: a new headline, 10% of
           the words changed, a paragraph cut, another outlet, 0-2 days later), then
           DIR/tests/copies_check: news-index's own signatures and clustering without a
           database. Prints recall and false merges.
cost       news-index of BBC and Reuters into fresh databases with --base-bin's and DIR's
           binaries, alternately, --runs times (default 3): median wall and CPU seconds and
           the ratio new / base. Run it on a quiet machine.
"""
import argparse
import collections
import json
import os
import statistics
import subprocess
import sys
import tarfile
import time

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import bench_common as bc  # noqa: E402


def corpora_dir():
    base = os.environ.get("NEWS_SHARED_DIR") or os.path.join(os.path.dirname(REPO), "shared")
    return os.path.join(base, "corpora")


TARS = {"bbc": ("bbc-fulltext/bbc-fulltext.tar.xz", "bbc"),
        "reuters": ("reuters21578/reuters21578.tar.xz", "reuters21578")}


def unpacked(work, corpus):
    tar, folder = TARS[corpus]
    path = os.path.join(work, folder)
    if not os.path.isdir(path):
        with tarfile.open(os.path.join(corpora_dir(), tar)) as t:
            t.extractall(work)
    return path


def bins(build, search_too=True):
    index = os.path.join(build, "indexer", "news-index")
    search = os.path.join(build, "searcher", "news-search")
    for p in (index, search) if search_too else (index,):
        if not os.access(p, os.X_OK):
            sys.exit(f"copies_eval: {p} not found: build first")
    return index, search


def index(index_bin, db, src, cwd):
    subprocess.run(["rm", "-rf", db], check=True)
    subprocess.run([index_bin, "--progress", "never", "--db", db, src], check=True, cwd=cwd,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def clusters_of(search_bin, db):
    r = subprocess.run([search_bin, "--db", db, "--jsonl", "--no-collapse", "-n", "10000000", "--", ""],
                       capture_output=True, text=True, check=True)
    out = {}
    for line in r.stdout.splitlines():
        if line.strip():
            hit = json.loads(line)
            out[hit["id"]] = (hit.get("copies") or {}).get("cluster"), hit.get("date")
    return out


def cmd_exact(a):
    index_bin, search_bin = bins(a.bin)
    os.makedirs(a.work, exist_ok=True)
    readers = {"bbc": (bc.bbc_records, lambda r: f"bbc/{r['id']}.txt"),
               "reuters": (bc.reuters_records, None)}
    for corpus in ("bbc", "reuters"):
        src = unpacked(a.work, corpus)
        db = os.path.join(a.work, corpus + ".db")
        index(index_bin, db, src, a.work)
        found = clusters_of(search_bin, db)
        if corpus == "reuters":  # news-index's ids: reuters21578/reut2-NNN.sgm#NEWID
            by_newid = {k.rsplit("#", 1)[1]: k for k in found if "#" in k}
            id_of = lambda r: by_newid.get(r["id"])  # noqa: E731
        else:
            id_of = readers[corpus][1]
        groups = collections.defaultdict(list)
        records = readers[corpus][0](os.path.join(corpora_dir(), TARS[corpus][0]))
        for r in records:
            key = (" ".join(r["title"].split()), " ".join(r["text"].split()))
            if key[0] or key[1]:
                groups[key].append(id_of(r))
        dups = [(key, sorted(i for i in g if i)) for key, g in groups.items() if len(g) > 1]
        ok, apart = 0, []
        for key, g in dups:
            cl = {found.get(i, (None, None))[0] for i in g}
            if len(cl) == 1 and None not in cl:
                ok += 1
            else:
                apart.append((key, g))
        print(f"{corpus}: {ok} of {len(dups)} groups of identical articles are one cluster")
        for key, g in apart:
            dates = sorted({found.get(i, (None, None))[1] or "undated" for i in g})
            print(f"  apart: {' '.join(g)} (dates {', '.join(dates)}; {len(key[1].split())} words of text)")


def cmd_synthetic(a):
    os.makedirs(a.work, exist_ok=True)
    base = os.path.join(a.work, f"synthetic-{a.articles}-s{a.seed}.jsonl")
    planted = os.path.join(a.work, f"planted-{a.articles}-s{a.seed}.jsonl")
    truth = os.path.join(a.work, f"truth-{a.articles}-s{a.seed}.tsv")
    if not os.path.exists(base):
        subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"), "--articles", str(a.articles),
                        "--seed", str(a.seed), "--out", base], check=True)
    if not os.path.exists(truth):
        subprocess.run([sys.executable, os.path.join(HERE, "gen_copies.py"), "--in", base, "--out", planted,
                        "--truth", truth, "--seed", str(a.seed)], check=True)
    check = os.path.join(a.bin, "tests", "copies_check")
    t0 = time.time()
    subprocess.run([check, planted, truth], check=True)
    print(f"(copies_check: {time.time() - t0:.0f} s wall)")


def cmd_cost(a):
    new_index, _ = bins(a.bin, False)
    base_index, _ = bins(a.base_bin, False)
    os.makedirs(a.work, exist_ok=True)
    print(bc.machine_line())
    for corpus in ("bbc", "reuters"):
        src = unpacked(a.work, corpus)
        times = {"base": [], "new": []}
        for run in range(a.runs):
            for name, binary in (("base", base_index), ("new", new_index)):
                db = os.path.join(a.work, f"cost-{name}.db")
                subprocess.run(["rm", "-rf", db], check=True)
                m = bc.run_measured([binary, "--progress", "never", "--db", db, src], a.work)
                if m.returncode != 0:
                    sys.exit(f"copies_eval: {binary} failed: {m.stderr}")
                times[name].append((m.wall, m.cpu))
        med = {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for k, v in times.items()}
        print(f"{corpus}: news-index wall {med['base'][0]:.2f} -> {med['new'][0]:.2f} s "
              f"({med['new'][0] / med['base'][0]:.3f}x), CPU {med['base'][1]:.2f} -> {med['new'][1]:.2f} s "
              f"({med['new'][1] / med['base'][1]:.3f}x); medians of {a.runs}, alternating")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("command", choices=["exact", "synthetic", "cost"])
    p.add_argument("--bin", default=os.path.join(REPO, "build"))
    p.add_argument("--base-bin")
    p.add_argument("--work", default="/tmp/copies-eval")
    p.add_argument("--articles", type=int, default=1000000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--runs", type=int, default=3)
    a = p.parse_args()
    if a.command == "cost" and not a.base_bin:
        p.error("cost needs --base-bin")
    if os.path.abspath(a.work).startswith(REPO + os.sep):
        p.error("--work must be outside the repository (the corpora's texts stay out of it)")
    {"exact": cmd_exact, "synthetic": cmd_synthetic, "cost": cmd_cost}[a.command](a)


if __name__ == "__main__":
    main()
