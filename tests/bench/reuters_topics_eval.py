#!/usr/bin/env python3
"""Ranking quality and speed on Reuters-21578, its TOPICS categories taken as pseudo-relevance
judgements, scored by ../shared/eval/trec_score.py; several ranking configurations side by side.

usage: tests/bench/reuters_topics_eval.py [--build DIR] [--shared DIR] [--work DIR] [--reindex]
                                          [--depth 100] [--ranking SPEC]...

Reads ../shared/corpora/reuters21578/reuters21578.tar.xz (never unpacked into the repository),
writes its 21,577 stories with text as JSON Lines (id = NEWID, title, date, dateline, text, as
bc.reuters_records gives them; NEWID 12793, an empty UNPROC story, is left out) and indexes
them with news-index once (an index already in --work is reused unless --reindex).

Judgements: only the 13,476 stories with TOPICS="YES" count as judged (the editors assigned
their TOPICS, possibly none); a story's relevance to a category is 1 when its <TOPICS> lists
that category's code. Stories with TOPICS="NO" or "BYPASS" (8 of the NO ones carry codes
anyway) are unjudged, and like a judged story without the label they score as not relevant.
Queries: one per TOPICS category with at least 5 labelled judged stories -- 78 categories
(of the 120 codes used on judged stories) -- whose text is the category's description in
cat-descriptions_120396.txt, lowercased, punctuation dropped as cranfield_eval.py does
("Money Supply (MONEY-SUPPLY)" -> "money supply", "Money/Foreign Exchange" -> "money foreign
exchange"); the 78 commodity codes have no description there, so their code is their text
("coffee", "veg-oil" -> "veg oil", "cornglutenfeed").

These are weak judgements: a category's description is a short keyword query, unlike a
user's, and relevance is the label Reuters' editors gave a whole story, not a judgement of
the story against that query; the categories are of very different sizes (earn: 3,986
judged stories, so its recall@100 is at most 0.025; coconut, potato, propane: 6). Many labelled stories never use the description's words (an
"earn" story speaks of profits, "acq" of takeovers), and unlabelled stories that mention
the topic in passing count as misses. Useful to compare rankings with each other on the
same index, not as an absolute figure.

Each configuration is one `news-search --db DB --batch QUERIES --any --trec news -n DEPTH
--stats` (plus `--ranking SPEC` unless SPEC is empty; default: one run with none, i.e.
news-search's defaults), scored with MAP, nDCG@10, P@10, recall@100 and MRR; the latency
percentiles are those --stats prints (in-process, per query).
A benchmark, not a test: it asserts nothing. Compare configurations and builds on the same machine.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_common as bc  # noqa: E402

MIN_STORIES = 5  # a category becomes a query when at least this many judged stories carry it
MEASURES = ("map", "ndcg_cut_10", "P_10", "recall_100", "recip_rank")


def reuters_topics(tar_path):
    """{NEWID: (TOPICS attribute, [topic codes of <TOPICS><D>..</D></TOPICS>])} of every story."""
    out = {}
    with tarfile.open(tar_path, "r:xz") as tar:
        for m in tar.getmembers():
            if not re.search(r"reut2-\d+\.sgm$", m.name):
                continue
            data = tar.extractfile(m).read()
            for chunk in re.findall(rb"<REUTERS\b.*?>.*?</REUTERS>", data, re.S):
                head = re.match(rb"<REUTERS\b[^>]*>", chunk).group(0)
                newid = re.search(rb'NEWID="(\d+)"', head).group(1).decode()
                attr = re.search(rb'TOPICS="(\w+)"', head)
                t = re.search(rb"<TOPICS>(.*?)</TOPICS>", chunk, re.S)
                codes = [c.decode().strip() for c in re.findall(rb"<D>(.*?)</D>", t.group(1))] if t else []
                out[newid] = (attr.group(1).decode() if attr else "", codes)
    return out


def topic_descriptions(tar_path):
    """{code: description} of the TOPICS ("Subject Codes") section of cat-descriptions_120396.txt:
    a line "Description (CODE)", or a bare "CODE" (the commodity codes), whose text is then the
    code itself. The section ends at the line of underscores before the organisation codes."""
    with tarfile.open(tar_path, "r:xz") as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("cat-descriptions_120396.txt"))
        text = tar.extractfile(member).read().decode("utf-8", "replace")
    out, inside = {}, False
    for line in text.splitlines():
        s = line.strip()
        if s.startswith("****Subject Codes"):
            inside = True
            continue
        if not inside or not s or s.startswith("**"):
            continue
        if s.startswith("____"):
            break
        m = re.match(r"(.*?)\s*\(([A-Z0-9-]+)\)$", s)
        if m:
            out[m.group(2).lower()] = m.group(1)
        elif re.fullmatch(r"[A-Z0-9-]+", s):
            out[s.lower()] = s
    return out


def query_text(description):
    return " ".join(re.findall(r"[a-z0-9]+", description.lower()))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--build", default=os.path.join(bc.ROOT, "build"))
    p.add_argument("--shared", default=bc.SHARED)
    p.add_argument("--work", default=None, help="scratch folder (default: a temporary one); its index is reused")
    p.add_argument("--reindex", action="store_true", help="index again even when --work holds an index")
    p.add_argument("--depth", type=int, default=100, help="results per query")
    p.add_argument("--ranking", action="append", metavar="SPEC",
                   help='passed as news-search --ranking SPEC, e.g. "k1=1,b=0.5,title=0,near=0,stop=0"; '
                        '"" = no --ranking (the defaults); repeat to compare (default: one run with no --ranking)')
    a = p.parse_args()
    specs = a.ranking if a.ranking else [""]
    tar = os.path.join(a.shared, "corpora", "reuters21578", "reuters21578.tar.xz")
    scorer = os.path.join(a.shared, "eval", "trec_score.py")
    if not os.path.exists(tar):
        sys.exit(f"{tar}: not found (the shared data folder is needed)")
    work = os.path.abspath(a.work or tempfile.mkdtemp(prefix="news-reuters-topics-"))
    if os.path.commonpath([work, bc.ROOT]) == bc.ROOT:
        sys.exit(f"{work}: the work folder must be outside the repository")
    os.makedirs(work, exist_ok=True)
    (index, search), bin_line = bc.snapshot_binaries(
        [os.path.join(a.build, "indexer", "news-index"), os.path.join(a.build, "searcher", "news-search")], work)

    # Judgements and queries.
    topics = reuters_topics(tar)
    judged = {i: codes for i, (attr, codes) in topics.items() if attr == "YES"}
    counts = Counter(c for codes in judged.values() for c in set(codes))
    descriptions = topic_descriptions(tar)
    undescribed = sorted(c for c in counts if c not in descriptions)
    if undescribed:
        print(f"note: no description for {' '.join(undescribed)}: the code is the query", file=sys.stderr)
    cats = sorted(c for c, n in counts.items() if n >= MIN_STORIES)
    queries = os.path.join(work, "queries.tsv")
    with open(queries, "w") as f:
        for c in cats:
            f.write(f"{c}\t{query_text(descriptions.get(c, c))}\n")
    qrels = os.path.join(work, "qrels.txt")
    with open(qrels, "w") as f:
        # Relevant judgements only: trec_score scores a judged non-relevant story and an
        # unjudged one alike (not relevant), so the zeros would change nothing.
        for i in sorted(judged, key=int):
            for c in sorted(set(judged[i])):
                if c in cats:
                    f.write(f"{c} 0 {i} 1\n")

    # The index: one per --work, reused unless --reindex.
    db = os.path.join(work, "reuters.db")
    if os.path.isdir(db) and not a.reindex:
        index_line = f"index: {db} reused (made earlier, possibly by another build; --reindex to make it again)"
    else:
        docs = os.path.join(work, "reuters.jsonl")
        n = skipped = 0
        with open(docs, "w", encoding="utf-8") as f:
            for r in bc.reuters_records(tar):
                if not r["text"].strip():
                    skipped += 1  # NEWID 12793: an empty UNPROC story (TOPICS="NO")
                    continue
                rec = {k: r.get(k, "") for k in ("id", "title", "date", "dateline", "text")}
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
        part = db + ".part"  # renamed when complete, so that a db in --work is always a whole one
        shutil.rmtree(part, ignore_errors=True)
        shutil.rmtree(db, ignore_errors=True)
        r = subprocess.run([index, "--progress", "never", "--no-speakers", "--db", part, docs],
                           capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit(f"news-index failed: {r.stderr[-500:]}")
        os.rename(part, db)
        index_line = f"index: {n:,} stories written and indexed ({skipped} empty left out) into {db}"

    print(f"{len(cats)} queries (TOPICS categories with at least {MIN_STORIES} labelled stories, of "
          f"{len(counts)} used); {len(judged):,} judged stories (TOPICS=\"YES\"), "
          f"{sum(1 for codes in judged.values() if set(codes) & set(cats)):,} of them relevant to some query; "
          f"{sum(counts[c] for c in cats):,} relevant judgements")
    print(index_line)

    rows = []
    for k, spec in enumerate(specs):
        cmd = [search, "--db", db, "--batch", queries, "--any", "--trec", "news", "-n", str(a.depth), "--stats"]
        if spec:
            cmd += ["--ranking", spec]
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode not in (0, 1):
            sys.exit(f"news-search failed{' with --ranking ' + repr(spec) if spec else ''}: {r.stderr[-500:]}")
        run = os.path.join(work, f"run-{k}.txt")
        with open(run, "w") as f:
            f.write(r.stdout)  # docno = the record's own "id" (the story's NEWID): scored as it is
        s = subprocess.run([sys.executable, scorer, qrels, run], capture_output=True, text=True)
        if s.returncode != 0:
            sys.exit(f"trec_score failed: {s.stderr[-500:]}")
        values = {}
        for line in s.stdout.splitlines():
            m, q, v = line.split("\t")
            if q == "all":
                values[m] = float(v)
        stats = re.search(r"p50 ([\d.e+]+) p95 ([\d.e+]+) p99 ([\d.e+]+)", r.stderr)
        # How much of the top 10 the judgements say nothing about (TOPICS not "YES").
        top = {}
        for line in r.stdout.splitlines():
            x = line.split()
            if len(x) >= 4 and int(x[3]) <= 10:
                top.setdefault(x[0], []).append(x[2])
        shown = [d for ds in top.values() for d in ds]
        unjudged = sum(1 for d in shown if d not in judged) / len(shown) if shown else float("nan")
        rows.append((spec, values, stats.groups() if stats else ("?", "?", "?"), unjudged))

    print(f"\n| spec | {' | '.join(MEASURES)} | p50 µs |\n|---|{'---:|' * (len(MEASURES) + 1)}")
    for spec, values, lat, _ in rows:
        cells = " | ".join(f"{values[m]:.4f}" if m in values else "?" for m in MEASURES)
        p50 = f"{float(lat[0]):.0f}" if lat[0] != "?" else "?"
        print(f"| {spec or '(defaults)'} | {cells} | {p50} |")
    print(f"\nlatency (µs, in-process, --trec top {a.depth}, {len(cats)} queries):")
    for spec, _, lat, unjudged in rows:
        print(f"  {spec or '(defaults)'}: p50 {lat[0]} p95 {lat[1]} p99 {lat[2]}; "
              f"unjudged stories (TOPICS not \"YES\") in the top 10: {unjudged:.1%}")
    print(bc.machine_line())
    print(bin_line)


if __name__ == "__main__":
    main()
