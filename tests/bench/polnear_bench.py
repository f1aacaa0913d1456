#!/usr/bin/env python3
"""Indexing throughput and query latency on the PolNeAR articles (../shared/corpora/polnear).

usage: tests/bench/polnear_bench.py [--build build] [--runs 3] [--query-rounds 20]

Indexes train+dev (924 articles, metadata.tsv as the manifest) into a fresh database
--runs times and reports the median articles/s (full extraction) and the same with
--extract (reading and extraction only, no database), and what speakers cost: the indexing
time --no-speakers saves (the passes and the terms they add), and the time of the speaker
passes alone (--extract with and without them) as a share of indexing; then runs a fixed query set
--query-rounds times through `news-search --batch --stats` (in-process timing,
formatting of the top 10 included) and reports the median of the per-round p50/p95/p99.
Prints one markdown table. Not a test: figures vary with the machine and its load.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

QUERIES = [
    "trump", "clinton", "debate", "emails", "campaign rally", "trump clinton", "trump OR clinton",
    '"white house"', '"hillary clinton"', '"tax returns"~3', "immigra*", "health -clinton",
    "title:debate", "quote:america", "speaker:trump", "speaker:clinton quote:president",
    'source:"wash-post"', "source:breitbart trump", "date:2016-09", "date:2016-10-01..2016-10-15 debate",
    "person:obama", "(trump OR clinton) AND poll", "speaker:pence", "place:washington", "voters -poll",
]


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    p.add_argument("--build", default=os.path.join(root, "build"))
    p.add_argument("--shared", default=os.path.join(root, "..", "shared"))
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--query-rounds", type=int, default=20)
    a = p.parse_args()
    index = os.path.join(a.build, "indexer", "news-index")
    search = os.path.join(a.build, "searcher", "news-search")
    polnear = os.path.join(a.shared, "corpora", "polnear")
    if not os.path.isdir(polnear):
        sys.exit(f"{polnear}: not found")
    inputs = [os.path.join(polnear, "train", "text"), os.path.join(polnear, "dev", "text")]
    manifest = os.path.join(polnear, "metadata.tsv")
    n_articles = sum(len(os.listdir(d)) for d in inputs)
    work = tempfile.mkdtemp(prefix="news-bench-")
    try:
        rates, extract_rates, sizes, plain_rates, shares, pass_shares = [], [], [], [], [], []
        for run in range(a.runs):
            # Without speaker extraction, then with it: side by side in each run.
            plain_db = os.path.join(work, f"plain{run}")
            t0 = time.perf_counter()
            subprocess.run([index, "--progress", "never", "--no-speakers", "--db", plain_db, "--manifest", manifest,
                            *inputs], capture_output=True, check=True)
            plain_secs = time.perf_counter() - t0
            plain_rates.append(n_articles / plain_secs)
            shutil.rmtree(plain_db, ignore_errors=True)
            db = os.path.join(work, f"db{run}")
            t0 = time.perf_counter()
            r = subprocess.run([index, "--progress", "never", "--db", db, "--manifest", manifest, *inputs],
                               capture_output=True, text=True)
            secs = time.perf_counter() - t0
            if r.returncode != 0:
                sys.exit(f"news-index failed: {r.stderr}")
            rates.append(n_articles / secs)
            shares.append(1 - plain_secs / secs)
            sizes.append(sum(os.path.getsize(os.path.join(db, f)) for f in os.listdir(db)) / 1e6)
            t0 = time.perf_counter()
            subprocess.run([index, "--extract", "--manifest", manifest, *inputs], capture_output=True, check=True)
            extract_secs = time.perf_counter() - t0
            extract_rates.append(n_articles / extract_secs)
            # The speaker passes alone: --extract with and without them, over the full indexing time.
            t0 = time.perf_counter()
            subprocess.run([index, "--extract", "--no-speakers", "--manifest", manifest, *inputs], capture_output=True,
                           check=True)
            pass_shares.append(max(0.0, extract_secs - (time.perf_counter() - t0)) / secs)
        db = os.path.join(work, "db0")
        qfile = os.path.join(work, "queries.tsv")
        with open(qfile, "w") as f:
            for i, q in enumerate(QUERIES, 1):
                f.write(f"q{i}\t{q}\n")
        p50s, p95s, p99s = [], [], []
        for _ in range(a.query_rounds):
            r = subprocess.run([search, "--db", db, "--batch", qfile, "--stats"], capture_output=True, text=True)
            m = re.search(r"p50 ([\d.e+]+) p95 ([\d.e+]+) p99 ([\d.e+]+)", r.stderr)
            if not m:
                sys.exit(f"no stats from news-search: {r.stderr}")
            p50s.append(float(m.group(1)))
            p95s.append(float(m.group(2)))
            p99s.append(float(m.group(3)))
        med = statistics.median
        print(f"PolNeAR: {n_articles} articles, {a.runs} indexing runs, {a.query_rounds} rounds of {len(QUERIES)} queries\n")
        print("| measure | median | all runs |")
        print("|---|---:|---|")
        print(f"| news-index articles/s (full extraction, default --jobs) | {med(rates):,.0f} | {', '.join(f'{x:,.0f}' for x in rates)} |")
        print(f"| news-index --no-speakers articles/s (same run) | {med(plain_rates):,.0f} | {', '.join(f'{x:,.0f}' for x in plain_rates)} |")
        print(f"| share of indexing time due to speakers (their extraction and their terms) | {med(shares):.0%} | {', '.join(f'{x:.0%}' for x in shares)} |")
        print(f"| share of indexing time in the speaker passes (--extract with and without them) | {med(pass_shares):.0%} | {', '.join(f'{x:.0%}' for x in pass_shares)} |")
        print(f"| news-index --extract articles/s (no database) | {med(extract_rates):,.0f} | {', '.join(f'{x:,.0f}' for x in extract_rates)} |")
        print(f"| index size MB | {med(sizes):.1f} | |")
        print(f"| query p50 µs (top 10, text output with snippets) | {med(p50s):,.0f} | min {min(p50s):,.0f} max {max(p50s):,.0f} |")
        print(f"| query p95 µs | {med(p95s):,.0f} | |")
        print(f"| query p99 µs | {med(p99s):,.0f} | |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
