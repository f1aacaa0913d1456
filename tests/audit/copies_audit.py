#!/usr/bin/env python3
"""Wire copies (issue 15, item 4): a hand check of the clusters news-index makes, on real news.

usage: tests/audit/copies_audit.py draw  [--work DIR] [--bin DIR] [--sample FILE] [--force]
       tests/audit/copies_audit.py show  [--work DIR] [--bin DIR] [--sample FILE] [ROW...] [--chars N]
       tests/audit/copies_audit.py score [--sample FILE]

DIR (--bin) is a build folder holding indexer/news-index and searcher/news-search (default:
build). The corpora come from ../shared/corpora (or $NEWS_SHARED_DIR/corpora): BBC full text
and Reuters-21578, unpacked into WORK (default /tmp/copies-audit) and indexed there once
(reused while the databases exist; remove WORK after changing the rules).

draw   the population is every cluster of two articles or more in both databases (read with
       `news-search --jsonl --no-collapse` over every article: each result's copies.cluster);
       sorted by (corpus, cluster id), then random.Random(SEED).sample of 100 (--seed; default
       20261210; the earlier samples, judged before later rule changes and kept as records:
       copies-audit-first.tsv 20261207, -second.tsv 20261208, -third.tsv 20261209), written
       sorted with empty verdict columns (refuses to overwrite a judged sample without --force).
       Also prints the population's figures: clusters and articles in them per corpus.
show   prints each row (or rows ROW..., numbered from 1): every member's id, date, source,
       title and the first N characters of its text (default 400), read from the database at
       run time: no corpus text is stored in the repository.
score  the share of rows judged right, overall and per corpus, and the wrong rows.

A cluster is right when all its articles are one story or one report: copies of one text
(reprints, a correction, a rerun), or updates of one report on one day that a reader would not
want listed twice. It is wrong when it holds two different stories: another day's edition of a
daily template, another company's filing in the same words, two events.

Columns of the sample (TSV): corpus, cluster (its first article's id), size, members (ids,
space-separated), verdict (right or wrong), reason (our words, no corpus text).
"""
import argparse
import collections
import json
import os
import random
import subprocess
import sys
import tarfile

sys.dont_write_bytecode = True  # no __pycache__ inside the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import audit_tsv  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SAMPLE = os.path.join(HERE, "copies-audit-sample.tsv")
SEED = 20261210  # (earlier samples, copies-audit-first/-second/-third.tsv: 20261207, 20261208, 20261209)
COLUMNS = ["corpus", "cluster", "size", "members", "verdict", "reason"]


def shared_dir():
    base = os.environ.get("NEWS_SHARED_DIR") or os.path.join(os.path.dirname(REPO), "shared")
    return os.path.join(base, "corpora")


def programs(build):
    index = os.path.join(build, "indexer", "news-index")
    search = os.path.join(build, "searcher", "news-search")
    for p in (index, search):
        if not os.access(p, os.X_OK):
            sys.exit(f"copies_audit: {p} not found: build first (cmake --build {build})")
    return index, search


def databases(work, build):
    """{corpus: database path}, indexing what is missing."""
    index, _ = programs(build)
    corpora = shared_dir()
    wanted = {"bbc": ("bbc-fulltext/bbc-fulltext.tar.xz", "bbc"),
              "reuters": ("reuters21578/reuters21578.tar.xz", "reuters21578")}
    out = {}
    os.makedirs(work, exist_ok=True)
    for corpus, (tar, folder) in wanted.items():
        db = os.path.join(work, corpus + ".db")
        out[corpus] = db
        if os.path.isdir(db):
            continue
        src = os.path.join(work, folder)
        if not os.path.isdir(src):
            path = os.path.join(corpora, tar)
            if not os.path.exists(path):
                sys.exit(f"copies_audit: {path} not found")
            with tarfile.open(path) as t:
                t.extractall(work)
        print(f"copies_audit: indexing {corpus} into {db}", file=sys.stderr)
        subprocess.run([index, "--progress", "never", "--db", db, src], check=True, cwd=work)
    return out


def search_json(search, db, *args):
    r = subprocess.run([search, "--db", db, *args], capture_output=True, text=True)
    if r.returncode not in (0, 1):
        sys.exit(f"copies_audit: news-search {' '.join(args)} exited {r.returncode}: {r.stderr}")
    return r.stdout


def clusters(search, db):
    """{cluster id: [member ids]} of every cluster of the database."""
    out = collections.defaultdict(list)
    for line in search_json(search, db, "--jsonl", "--no-collapse", "-n", "10000000", "--", "").splitlines():
        if not line.strip():
            continue
        hit = json.loads(line)
        c = hit.get("copies")
        if c:
            out[c["cluster"]].append(hit["id"])
    return {k: sorted(v) for k, v in out.items()}


def read_sample(path):
    return audit_tsv.read_rows(path, COLUMNS, "copies_audit")


def cmd_draw(a):
    _, search = programs(a.bin)
    if os.path.exists(a.sample) and any(r["verdict"] for r in read_sample(a.sample)) and not a.force:
        sys.exit(f"copies_audit: {a.sample} is judged already: --force to draw again")
    dbs = databases(a.work, a.bin)
    population = []
    for corpus, db in sorted(dbs.items()):
        cl = clusters(search, db)
        sizes = collections.Counter(len(m) for m in cl.values())
        print(f"{corpus}: {len(cl)} clusters holding {sum(len(m) for m in cl.values())} articles; sizes "
              + ", ".join(f"{n} of {s}" for s, n in sorted(sizes.items())))
        population += [(corpus, c, m) for c, m in cl.items()]
    population.sort()
    picked = sorted(random.Random(a.seed).sample(population, min(100, len(population))))
    with open(a.sample, "w", encoding="utf-8") as f:
        f.write("# Wire-copy audit sample (issue 15, item 4). Written by tests/audit/copies_audit.py draw;\n")
        f.write(f"# population: {len(population)} clusters ("
                + ", ".join(f"{c} {sum(1 for p in population if p[0] == c)}" for c in sorted(dbs)) + f"); "
                f"random.Random({a.seed}).sample of {len(picked)}.\n")
        f.write("# verdict (right: one story or report; wrong: two stories) and reason filled by hand after "
                "reading the articles (copies_audit.py show N).\n")
        f.write("\t".join(COLUMNS) + "\n")
        for corpus, c, members in picked:
            f.write("\t".join([corpus, c, str(len(members)), " ".join(members), "", ""]) + "\n")
    print(f"copies_audit: {len(picked)} clusters written to {a.sample}")


def cmd_show(a):
    _, search = programs(a.bin)
    dbs = databases(a.work, a.bin)
    rows = read_sample(a.sample)
    wanted = [int(x) for x in a.rows] or range(1, len(rows) + 1)
    for n in wanted:
        row = rows[n - 1]
        print(f"=== row {n}: {row['corpus']} cluster {row['cluster']} ({row['size']} articles)"
              + (f"  [{row['verdict']}: {row['reason']}]" if row["verdict"] else ""))
        for member in row["members"].split():
            out = search_json(search, dbs[row["corpus"]], "--get", "--json", "--", member)
            for art in json.loads(out)["articles"]:
                text = " ".join(art.get("text", "").split())
                print(f"--- {art['id']}  {art.get('date') or '(no date)'}  {art.get('source', '')}")
                print(f"    {art.get('title', '')}")
                print(f"    {text[:a.chars]}{'...' if len(text) > a.chars else ''}")
        print()


def cmd_score(a):
    rows = read_sample(a.sample)
    judged = [r for r in rows if r["verdict"] in ("right", "wrong")]
    if not judged:
        sys.exit("copies_audit: no row is judged yet")
    by = collections.defaultdict(lambda: [0, 0])
    for r in judged:
        by[r["corpus"]][0] += r["verdict"] == "right"
        by[r["corpus"]][1] += 1
    right = sum(v[0] for v in by.values())
    print(f"right: {right}/{len(judged)} = {right / len(judged):.3f}"
          + (f" ({len(rows) - len(judged)} rows not judged)" if len(judged) < len(rows) else ""))
    for corpus, (r, n) in sorted(by.items()):
        print(f"  {corpus}: {r}/{n} = {r / n:.3f}")
    for r in judged:
        if r["verdict"] == "wrong":
            print(f"  wrong: {r['corpus']} {r['cluster']} ({r['size']}): {r['reason']}")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("command", choices=["draw", "show", "score"])
    p.add_argument("rows", nargs="*")
    p.add_argument("--work", default="/tmp/copies-audit")
    p.add_argument("--bin", default=os.path.join(REPO, "build"))
    p.add_argument("--sample", default=SAMPLE)
    p.add_argument("--force", action="store_true")
    p.add_argument("--chars", type=int, default=400)
    p.add_argument("--seed", type=int, default=SEED)
    a = p.parse_args()
    {"draw": cmd_draw, "show": cmd_show, "score": cmd_score}[a.command](a)


if __name__ == "__main__":
    sys.dont_write_bytecode = True
    main()
