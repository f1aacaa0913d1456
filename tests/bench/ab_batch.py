#!/usr/bin/env python3
"""Two news-search binaries side by side on one database and one query set.

usage: tests/bench/ab_batch.py --db DB --base BIN --new BIN [--base-db DB] [--set reuters|scale]
                               [--runs 3] [--rounds 10] [-- FORMAT ARGS, default --json]

--base-db: the base binary's own database (one built by its news-index, when the two read
different schemas); by default both read --db.

The query set is compare_engines.py's Reuters batch (--set reuters, 30 queries) or
scale_bench.py's (--set scale, 27 queries). Each run, for each binary in turn (alternated, so
that the machine's load falls on both alike): one untimed `--batch` process of the set, then
one `--batch --stats` process of --rounds copies of it. Prints each binary's medians over the
runs of the p50 and p95 that --stats reports (µs), and every run's pair. The batch files are
written to a scratch folder. Not a test: figures vary with the machine and its load.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True  # no __pycache__ inside the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def queries(which):
    if which == "reuters":
        import compare_engines as ce
        return [ce.to_news(q) for q in ce._reuters_queries()[0]]
    import scale_bench as sb
    return list(sb.QUERIES)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--db", required=True)
    p.add_argument("--base", required=True)
    p.add_argument("--new", required=True)
    p.add_argument("--base-db", help="the base binary's database (default: --db)")
    p.add_argument("--set", choices=["reuters", "scale"], default="reuters")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--rounds", type=int, default=10)
    p.add_argument("fmt", nargs="*")
    a = p.parse_args()
    fmt = a.fmt or ["--json"]
    qs = queries(a.set)
    with tempfile.TemporaryDirectory(prefix="news-ab-") as scratch:
        warm, timed = os.path.join(scratch, "warm.tsv"), os.path.join(scratch, "timed.tsv")
        with open(warm, "w") as f:
            f.writelines(f"q{i}\t{q}\n" for i, q in enumerate(qs, 1))
        with open(timed, "w") as f:
            f.writelines(f"r{r}q{i}\t{q}\n" for r in range(a.rounds) for i, q in enumerate(qs, 1))
        res = {a.base: [], a.new: []}
        dbs = {a.base: a.base_db or a.db, a.new: a.db}
        for _ in range(a.runs):
            for b in (a.base, a.new):
                subprocess.run([b, "--db", dbs[b], "--batch", warm, *fmt], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                r = subprocess.run([b, "--db", dbs[b], "--batch", timed, "--stats", *fmt],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                m = re.search(r"p50 ([\d.e+]+) p95 ([\d.e+]+)", r.stderr)
                if not m:
                    sys.exit(f"no --stats from {b}: {r.stderr[-300:]}")
                res[b].append((float(m.group(1)), float(m.group(2))))
    for name, b in (("base", a.base), ("new", a.new)):
        runs = res[b]
        print(f"{name}: p50 {statistics.median(x[0] for x in runs):.0f} us, p95 {statistics.median(x[1] for x in runs):.0f} us"
              f"  (runs: {', '.join(f'{x[0]:.0f}/{x[1]:.0f}' for x in runs)})  {b}")


if __name__ == "__main__":
    main()
