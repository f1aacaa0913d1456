#!/usr/bin/env python3
"""Ranking quality and speed on the Cranfield collection (1,400 abstracts, 225 queries with
relevance judgements), scored by ../shared/eval/trec_score.py.

usage: tests/bench/cranfield_eval.py [--build DIR] [--work DIR] [--depth 100] [--ranking SPEC]...

Unpacks ../shared/corpora/cranfield/cranfield.tar.xz into the scratch folder, writes its
abstracts as JSON Lines (id, title, text = title + abstract), indexes them with news-index,
runs the 225 queries through one `news-search --batch --any --trec` (words only: the
queries' punctuation is dropped; --any because they are sentences, ranked by BM25), and
prints MAP, nDCG@10, P@10, recall@100 and MRR with the latency percentiles of the run. With
--ranking SPEC (repeatable; news-search --ranking, "" for its defaults), one run per SPEC on
the same index, one row each, side by side.
A benchmark, not a test: it asserts nothing. Compare two builds on the same machine.
"""
import argparse
import os
import re
import subprocess
import sys
import tarfile
import tempfile

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_common as bc  # noqa: E402


def smart_records(path):
    """(number, {field letter: text}) of a SMART-format file (.I n, then .T/.A/.B/.W lines)."""
    num, fields, cur = None, {}, None
    for line in open(path, encoding="utf-8"):
        m = re.match(r"\.([ITABW])\b\s*(.*)", line.rstrip("\n"))
        if m and m.group(1) == "I":
            if num is not None:
                yield num, fields
            num, fields, cur = m.group(2).strip(), {}, None
        elif m:
            cur = m.group(1)
            fields[cur] = fields.get(cur, "")
        elif cur:
            fields[cur] += line
    if num is not None:
        yield num, fields


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--build", default=os.path.join(bc.ROOT, "build"))
    p.add_argument("--shared", default=bc.SHARED)
    p.add_argument("--work", default=None, help="scratch folder (default: a temporary one)")
    p.add_argument("--depth", type=int, default=100, help="results per query")
    p.add_argument("--ranking", action="append", default=None,
                   help="news-search --ranking SPEC (repeatable: one row each; \"\" = its defaults)")
    a = p.parse_args()
    tar = os.path.join(a.shared, "corpora", "cranfield", "cranfield.tar.xz")
    scorer = os.path.join(a.shared, "eval", "trec_score.py")
    if not os.path.exists(tar):
        sys.exit(f"{tar}: not found (the shared data folder is needed)")
    work = a.work or tempfile.mkdtemp(prefix="news-cranfield-")
    os.makedirs(work, exist_ok=True)
    (index, search), bin_line = bc.snapshot_binaries(
        [os.path.join(a.build, "indexer", "news-index"), os.path.join(a.build, "searcher", "news-search")], work)
    with tarfile.open(tar) as t:
        t.extractall(work)
    cran = os.path.join(work, "cran")
    docs = os.path.join(work, "cranfield.jsonl")
    import json
    with open(docs, "w") as f:
        for num, fl in smart_records(os.path.join(cran, "cran.all.1400")):
            title = " ".join(fl.get("T", "").split())
            text = " ".join(fl.get("W", "").split())
            f.write(json.dumps({"id": num, "title": title, "text": text or title or "(empty)"}) + "\n")
    queries = os.path.join(work, "queries.tsv")
    with open(queries, "w") as f:
        for qid, (_, fl) in enumerate(smart_records(os.path.join(cran, "cran.qry")), 1):
            words = re.findall(r"[a-z0-9]+", fl.get("W", "").lower())
            f.write(f"{qid}\t{' '.join(words)}\n")
    qrels = os.path.join(work, "qrels.txt")
    with open(qrels, "w") as f:
        for line in open(os.path.join(cran, "cranqrel"), encoding="utf-8"):
            parts = line.split()
            if len(parts) == 3:
                q, d, grade = parts
                # Cleverdon's grades: 1 = complete answer ... 4 = minimum interest; -1 = not relevant.
                gain = 5 - int(grade) if int(grade) > 0 else 0
                f.write(f"{q} 0 {d} {gain}\n")
    db = os.path.join(work, "cran.db")
    subprocess.run(["rm", "-rf", db], check=True)
    r = subprocess.run([index, "--progress", "never", "--no-speakers", "--db", db, docs], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"news-index failed: {r.stderr[-500:]}")
    specs = a.ranking or [""]
    rows, latencies = [], []
    for spec in specs:
        extra = ["--ranking", spec] if spec else []
        r = subprocess.run([search, "--db", db, "--batch", queries, "--any", "--trec", "news", "-n", str(a.depth), "--stats"] + extra,
                           capture_output=True, text=True)
        if r.returncode not in (0, 1):
            sys.exit(f"news-search failed: {r.stderr[-500:]}")
        run = os.path.join(work, "run.txt")
        with open(run, "w") as f:
            f.write(r.stdout)  # docno = the record's own "id" (Cranfield's document number): scored as it is
        s = subprocess.run([sys.executable, scorer, qrels, run], capture_output=True, text=True)
        measures = {}
        for line in s.stdout.splitlines():
            m, q, v = line.split("\t")
            if q == "all" and m != "num_q":
                measures[m] = float(v)
        rows.append((spec or "(defaults)", measures))
        stats = re.search(r"p50 [\d.e+]+ p95 [\d.e+]+ p99 [\d.e+]+", r.stderr)
        latencies.append((spec or "(defaults)", stats.group(0) if stats else "?"))
    names = list(rows[0][1])
    print("| ranking | " + " | ".join(names) + " |\n|---|" + "---:|" * len(names))
    for spec, measures in rows:
        print(f"| {spec} | " + " | ".join(f"{measures[n]:.4f}" for n in names) + " |")
    print(f"\n225 queries; latency (µs, in-process, --trec top {a.depth}):")
    for spec, line in latencies:
        print(f"  {spec}: {line}")
    print(bc.machine_line())
    print(bin_line)


if __name__ == "__main__":
    main()
