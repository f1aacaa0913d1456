#!/usr/bin/env python3
"""Two builds side by side on speaker:/quote: queries: index size and latency.

usage: tests/bench/pairing_bench.py --base OLD_BUILD [--new build] [--rounds 3] [--repeat 30]
                                    [--corpora polnear,reuters,bbc]

Each build indexes each corpus of ../shared/corpora into its own database (with --compact;
the builds may differ in schema) and reports the size. Then, --rounds times, the two builds
run the same batches alternately (`news-search --batch --stats`, every query repeated
--repeat times, JSON top 10 with snippets and shown quotes): one batch of speaker/quote
queries, one of other queries. Prints the medians over rounds of each batch's p50 and p95,
and the ratio new/old. Not a test: the figures vary with the machine and its load.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile

QUERIES = {
    "polnear": {
        "speaker/quote": ["speaker:trump quote:wall", "speaker:clinton quote:president", "speaker:trump quote:(wall OR mexico)",
                          "speaker:trump -quote:wall", "speaker:obama quote:america", "quote:emails",
                          'quote:"white house"', "speaker:trump", "speaker:sanders quote:(wall street)"],
        "other": ["trump", "clinton", "campaign rally", "trump OR clinton", '"white house"', "immigra*",
                  "health -clinton", "title:debate", "date:2016-09"],
    },
    "reuters": {
        "speaker/quote": ["speaker:baker quote:dollar", "speaker:volcker quote:dollar", "speaker:lawson quote:rates",
                          "speaker:baker -quote:dollar", "quote:dollar", 'quote:"interest rates"', "speaker:yeutter"],
        "other": ["oil", "bank rate", "coffee OR cocoa", '"interest rates"', "oil -opec", "gold date:1987-06-01..1987-10-31"],
    },
    "bbc": {
        "speaker/quote": ["speaker:blair quote:war", "speaker:brown quote:(tax OR budget)", "quote:election",
                          'quote:"prime minister"', "speaker:howard -quote:tax"],
        "other": ["election", "tony blair", "music OR film", '"prime minister"'],
    },
}


def unpack(tar_path, dest):
    if not os.path.isdir(dest):
        with tarfile.open(tar_path) as tar:
            tar.extractall(dest)
    return dest


def inputs(shared, corpus, scratch):
    root = os.path.join(shared, "corpora")
    if corpus == "polnear":
        p = os.path.join(root, "polnear")
        return ["--manifest", os.path.join(p, "metadata.tsv"), os.path.join(p, "train", "text"), os.path.join(p, "dev", "text")]
    if corpus == "reuters":
        return [unpack(os.path.join(root, "reuters21578", "reuters21578.tar.xz"), os.path.join(scratch, "reuters"))]
    tars = [f for f in os.listdir(os.path.join(root, "bbc-fulltext")) if f.endswith(".tar.xz")]
    return [unpack(os.path.join(root, "bbc-fulltext", tars[0]), os.path.join(scratch, "bbc"))]


def size_kib(path):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(path) for f in fs) // 1024


def batch(search, db, queries, repeat, scratch):
    qfile = os.path.join(scratch, "queries.tsv")
    with open(qfile, "w") as f:
        for i, q in enumerate(queries * repeat):
            f.write(f"{i}\t{q}\n")
    r = subprocess.run([search, "--db", db, "--batch", qfile, "--stats", "--json"], capture_output=True, text=True)
    m = re.search(r"p50 ([\d.]+) p95 ([\d.]+)", r.stderr)
    if not m:
        sys.exit(f"{search}: no statistics: {r.stderr[-300:]}")
    return float(m.group(1)), float(m.group(2))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--base", required=True, help="the other build folder (e.g. of an older commit)")
    p.add_argument("--new", default=os.path.join(root, "build"))
    p.add_argument("--shared", default=os.path.join(root, "..", "shared"))
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--repeat", type=int, default=30)
    p.add_argument("--corpora", default="polnear,reuters,bbc")
    a = p.parse_args()
    builds = {"old": a.base, "new": a.new}
    scratch = tempfile.mkdtemp(prefix="news-pairing-bench-")
    try:
        print("| corpus | batch | old p50 / p95 us | new p50 / p95 us | new/old p50 |")
        print("|---|---|---|---|---|")
        sizes = []
        for corpus in a.corpora.split(","):
            ins = inputs(a.shared, corpus, scratch)
            dbs = {}
            for name, build in builds.items():
                db = os.path.join(scratch, f"{corpus}-{name}.db")
                subprocess.run([os.path.join(build, "indexer", "news-index"), "--progress", "never", "--compact", "--db", db,
                                *ins], capture_output=True, check=False)
                dbs[name] = db
            sizes.append((corpus, size_kib(dbs["old"]), size_kib(dbs["new"])))
            for kind, queries in QUERIES[corpus].items():
                got = {"old": [], "new": []}
                for _ in range(a.rounds):
                    for name in ("old", "new"):
                        got[name].append(batch(os.path.join(builds[name], "searcher", "news-search"), dbs[name], queries,
                                               a.repeat, scratch))
                med = {n: (statistics.median(x[0] for x in v), statistics.median(x[1] for x in v)) for n, v in got.items()}
                print(f"| {corpus} | {kind} | {med['old'][0]:.0f} / {med['old'][1]:.0f} | {med['new'][0]:.0f} / "
                      f"{med['new'][1]:.0f} | {med['new'][0] / med['old'][0]:.2f} |")
        print()
        print("| corpus | old index KiB | new index KiB | change |")
        print("|---|---|---|---|")
        for corpus, old, new in sizes:
            print(f"| {corpus} | {old} | {new} | {100.0 * (new - old) / old:+.1f}% |")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
