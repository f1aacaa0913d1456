#!/usr/bin/env python3
"""What --facet costs: the same queries with and without facets, side by side.

usage: tests/bench/facet_bench.py [--build DIR] [--work DIR] [--rounds 200] [--pairs 5]
                                  [--synthetic N] [--facets speaker,source,month]

On Reuters-21578 (../shared/corpora/reuters21578, indexed into --work), each query of QUERIES
is run --rounds times in one `news-search --batch --stats` process (warm), once plain and once
with `--facet speaker --facet source --facet month`; the two alternate --pairs times and the
table shows the medians of their p50s, the difference (what the facets add) and their ratio,
with each query's number of matches. With --synthetic N, the same on a synthetic archive of N
articles (gen_corpus.py, as scale_bench.py makes it; 1M takes about an hour to generate and
index on 2 cores), for the queries whose matches come closest to 10,000 and 100,000.
Not a test: figures vary with the machine; read the ratios.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tarfile

sys.dont_write_bytecode = True  # no __pycache__ inside the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_common as bc  # noqa: E402

QUERIES = ["oil", "said", "oil prices", "speaker:reagan", "quote:market", '"interest rates"']
SYNTHETIC_CANDIDATES = ["oil", "government", "election", "shares", "minister", "dollar", "said", "bank", "prices",
                        "war", "court", "police", "president", "market", "tax", "trade", "health", "school"]


def p50(search, db, qfile, extra):
    r = subprocess.run([search, "--db", db, "--batch", qfile, "--stats", "-n", "10", *extra],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    m = re.search(r"p50 ([\d.e+]+)", r.stderr)
    if not m:
        raise RuntimeError(f"no --stats from news-search: {r.stderr[-500:]}")
    return float(m.group(1))


def count(search, db, q):
    r = subprocess.run([search, "--db", db, "--count", "--", q], capture_output=True, text=True)
    return int(r.stdout.split()[0].replace(",", "")) if r.stdout.strip() and r.stdout.split()[0][0].isdigit() else 0


def side_by_side(search, db, work, queries, rounds, pairs, facet_args):
    rows = []
    for q in queries:
        qfile = os.path.join(work, "q.tsv")
        with open(qfile, "w") as f:
            for i in range(rounds):
                f.write(f"{i}\t{q}\n")
        p50(search, db, qfile, [])  # warm the page cache
        plain, faceted = [], []
        for _ in range(pairs):
            plain.append(p50(search, db, qfile, []))
            faceted.append(p50(search, db, qfile, facet_args))
        a, b = statistics.median(plain), statistics.median(faceted)
        rows.append((q, count(search, db, q), a, b))
    return rows


def print_rows(title, rows):
    print(f"\n{title}\n")
    print("| query | matches | p50 plain (µs) | p50 with facets (µs) | added (µs) | ratio |")
    print("|---|---:|---:|---:|---:|---:|")
    for q, n, a, b in rows:
        print(f"| `{q}` | {n:,} | {a:,.0f} | {b:,.0f} | {b - a:+,.0f} | {b / a:.2f} |")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--build", default=os.path.join(bc.ROOT, "build"))
    p.add_argument("--shared", default=bc.SHARED)
    p.add_argument("--work", default="/tmp/news-facet-bench")
    p.add_argument("--rounds", type=int, default=200)
    p.add_argument("--pairs", type=int, default=5)
    p.add_argument("--synthetic", type=int, default=0)
    p.add_argument("--facets", default="speaker,source,month")
    a = p.parse_args()
    index, search, work = bc.programs_and_work(a.build, a.work)
    (index, search), bin_line = bc.snapshot_binaries([index, search], work)
    facet_args = [x for f in a.facets.split(",") for x in ("--facet", f)]
    print(bc.machine_line())
    print(bin_line)
    print(f"facets: {' '.join(facet_args)}; {a.rounds} runs of each query per process, {a.pairs} pairs, medians")

    archive = os.path.join(a.shared, "corpora", "reuters21578", "reuters21578.tar.xz")
    if not os.path.exists(archive):
        sys.exit(f"{archive}: absent (the shared data is not beside the repository)")
    folder = os.path.join(work, "reuters")
    if not os.path.isdir(folder):
        with tarfile.open(archive) as t:
            t.extractall(folder, members=[m for m in t.getmembers() if m.name.endswith(".sgm")])
    db = os.path.join(work, "reuters.db")
    shutil.rmtree(db, ignore_errors=True)
    r = subprocess.run([index, "--progress", "never", "--db", db, folder], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"news-index failed: {r.stderr[-800:]}")
    print_rows("Reuters-21578", side_by_side(search, db, work, QUERIES, a.rounds, a.pairs, facet_args))

    if a.synthetic:
        import gen_corpus  # noqa: E402
        corpus = os.path.join(work, f"synthetic-{a.synthetic}.jsonl")
        if not os.path.exists(corpus):
            gen_corpus.generate(a.synthetic, 1, corpus, a.shared)
        sdb = os.path.join(work, f"synthetic-{a.synthetic}.db")
        if not os.path.isdir(sdb):
            r = subprocess.run([index, "--progress", "never", "--db", sdb, corpus], capture_output=True, text=True)
            if r.returncode != 0:
                sys.exit(f"news-index failed: {r.stderr[-800:]}")
        counts = {q: count(search, sdb, q) for q in SYNTHETIC_CANDIDATES}
        picked = []
        for target in (10_000, 100_000):
            q = min(counts, key=lambda q: abs(counts[q] - target))
            if q not in picked:
                picked.append(q)
        print_rows(f"Synthetic, {a.synthetic:,} articles (the queries nearest 10,000 and 100,000 matches)",
                   side_by_side(search, sdb, work, picked, max(20, a.rounds // 10), a.pairs, facet_args))


if __name__ == "__main__":
    main()
