#!/usr/bin/env python3
"""How news-index and news-search scale with the size of the archive.

usage: tests/bench/scale_bench.py [--sizes 20k,100k,300k,1M] [--seed 1] [--build DIR]
                                  [--work DIR] [--rounds 10] [--keep]

For each size, generates a synthetic corpus with gen_corpus.py (or reuses the one already in
--work: synthetic-N-seedS.jsonl), indexes it into a fresh database with news-index (full
extraction, one JSON Lines file), and reports per size: indexing wall and CPU cost per
article (µs/article), articles/s, peak RSS of news-index, index size on disk (total and per
article), and warm query latency over a fixed query set through
`news-search --batch --stats` (one untimed process first, then --rounds copies of the set in
one process): p50/p99 with TREC output (ids only), the text output and JSON (both with
snippets). The last line compares the cost per article of the biggest size with the smallest.
Prints one markdown table. Corpora are kept in --work (default /tmp/news-scale) for the next
run; databases are removed unless --keep. Not a test: figures vary with the machine.

Rough cost on a 2-core machine: 20k about 1 min, 100k about 5 min, 1M about an hour with
generation. news-index reads a big JSON Lines file in pieces of 8 MB and writes a bulk build
as segments of 1,024 documents merged at the end, so its memory does not grow with the corpus.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ inside the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_common as bc  # noqa: E402
import gen_corpus  # noqa: E402

QUERIES = [
    "oil", "government", "election", "shares", "minister", "dollar",
    "oil prices", "interest rates", "prime minister labour",
    "clinton OR blair", "wheat OR corn", "tax OR taxes",
    '"prime minister"', '"white house"', '"interest rates"', '"foreign policy"~3',
    "oil -opec", "election -trump",
    "date:1995", "election date:2001..2003", "oil date:1990-01-01..1990-06-30",
    "speaker:trump", 'speaker:"tony blair"', "speaker:clinton", "speaker:howard quote:government",
    "title:bank", "invest*",
]


def parse_size(s):
    m = re.fullmatch(r"(\d+(?:\.\d+)?)([kKmM]?)", s.strip())
    if not m:
        raise argparse.ArgumentTypeError(f"{s}: not a size (20000, 20k, 1M)")
    return int(float(m.group(1)) * {"": 1, "k": 1000, "m": 1000000}[m.group(2).lower()])


def batch_stats(search, db, qfile, fmt):
    r = subprocess.run([search, "--db", db, "--batch", qfile, "--stats", *fmt],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    m = re.search(r"p50 ([\d.e+]+) p95 ([\d.e+]+) p99 ([\d.e+]+)", r.stderr)
    if not m:
        raise RuntimeError(f"no --stats from news-search: {r.stderr[-500:]}")
    return float(m.group(1)), float(m.group(3))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", default="20k,100k,300k,1M")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--build", default=os.path.join(bc.ROOT, "build"))
    p.add_argument("--shared", default=bc.SHARED)
    p.add_argument("--work", default="/tmp/news-scale")
    p.add_argument("--rounds", type=int, default=10)
    p.add_argument("--keep", action="store_true", help="keep the databases in --work")
    a = p.parse_args()
    sizes = [parse_size(s) for s in a.sizes.split(",") if s.strip()]
    index, search, work = bc.programs_and_work(a.build, a.work)
    start = time.perf_counter()
    (index, search), bin_line = bc.snapshot_binaries([index, search], work)

    qfile = os.path.join(work, "queries.tsv")
    warm = os.path.join(work, "queries-warm.tsv")
    with open(qfile, "w") as f:
        for r in range(a.rounds):
            for i, q in enumerate(QUERIES, 1):
                f.write(f"r{r}q{i}\t{q}\n")
    with open(warm, "w") as f:
        for i, q in enumerate(QUERIES, 1):
            f.write(f"q{i}\t{q}\n")

    rows = []
    for n in sorted(sizes):
        corpus = os.path.join(work, f"synthetic-{n}-seed{a.seed}.jsonl")
        gen_secs = None
        if not os.path.exists(corpus):
            t0 = time.perf_counter()
            gen_corpus.generate(n, a.seed, corpus, a.shared)
            gen_secs = time.perf_counter() - t0
        corpus_mb = os.path.getsize(corpus) / 1e6
        db = os.path.join(work, f"db-{n}")
        shutil.rmtree(db, ignore_errors=True)
        print(f"{n:,} articles: indexing {corpus_mb:,.0f} MB ...", file=sys.stderr, flush=True)
        m = bc.run_measured([index, "--progress", "never", "--db", db, corpus], work)
        if m.returncode != 0:
            sys.exit(f"news-index failed on {corpus} (exit {m.returncode}): {m.stderr[-800:]}")
        size = bc.disk_mb(db)
        subprocess.run([search, "--db", db, "--batch", warm, "--trec", "w"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        t50, t99 = batch_stats(search, db, qfile, ["--trec", "bench"])
        x50, x99 = batch_stats(search, db, qfile, ["--color", "never"])
        j50, j99 = batch_stats(search, db, qfile, ["--json"])
        row = {"n": n, "mb": corpus_mb, "gen": gen_secs, "wall": m.wall, "cpu": m.cpu, "rss": m.maxrss_mb,
               "size": size, "t50": t50, "t99": t99, "x50": x50, "x99": x99, "j50": j50, "j99": j99}
        rows.append(row)
        print(f"  {n / m.wall:,.0f} articles/s, {m.maxrss_mb:,.0f} MB peak RSS, index {size:,.0f} MB, "
              f"p50 {t50:,.0f} µs", file=sys.stderr, flush=True)
        if not a.keep:
            shutil.rmtree(db, ignore_errors=True)

    print(f"Synthetic corpus (gen_corpus.py, seed {a.seed}); one news-index run per size; "
          f"{len(QUERIES)} queries x {a.rounds} rounds\n")
    print("| articles | corpus MB | index wall s | µs/article (wall) | µs/article (CPU) | articles/s | "
          "peak RSS MB | index MB | index KB/article | p50 µs (ids) | p99 µs (ids) | p50 µs (text) | "
          "p99 µs (text) | p50 µs (JSON) | p99 µs (JSON) |")
    print("|" + "---:|" * 15)
    for r in rows:
        n = r["n"]
        print(f"| {n:,} | {r['mb']:,.0f} | {r['wall']:,.1f} | {r['wall'] / n * 1e6:,.0f} | {r['cpu'] / n * 1e6:,.0f} | "
              f"{n / r['wall']:,.0f} | {r['rss']:,.0f} | {r['size']:,.0f} | {r['size'] * 1e3 / n:,.2f} | "
              f"{r['t50']:,.0f} | {r['t99']:,.0f} | {r['x50']:,.0f} | {r['x99']:,.0f} | {r['j50']:,.0f} | "
              f"{r['j99']:,.0f} |")
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        print(f"\nCost per article at {last['n']:,} / at {first['n']:,}: "
              f"{(last['wall'] / last['n']) / (first['wall'] / first['n']):.2f}x wall, "
              f"{(last['cpu'] / last['n']) / (first['cpu'] / first['n']):.2f}x CPU")
    print()
    gen = [f"{r['n']:,}: {r['gen']:.0f} s" for r in rows if r["gen"] is not None]
    print(bc.machine_line() + f"; whole benchmark {(time.perf_counter() - start) / 60:.1f} min"
          + (f"; corpus generation {', '.join(gen)}" if gen else "; corpora reused from " + work))
    print(bin_line)
    if not bc.HAVE_GNU_TIME:
        print("peak RSS is an upper bound (a child starts from this script's own peak): "
              "apt-get install -y time for news-index's own figure")


if __name__ == "__main__":
    main()
