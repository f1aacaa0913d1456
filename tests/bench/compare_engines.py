#!/usr/bin/env python3
"""news-index/news-search against Omega (scriptindex), SQLite FTS5 and Lucene 8, on one corpus.

usage: tests/bench/compare_engines.py [--build DIR] [--runs 3] [--corpus reuters|polnear]
                                      [--limit N] [--rounds 10] [--warmup 3] [--cold 5]
                                      [--engines news,omega,sqlite,lucene] [--counts]
                                      [--work DIR] [--json FILE]

The script converts the corpus once into one JSON Lines file (id, title, date YYYY-MM-DD,
dateline, text) in a scratch folder (never inside the repository), and every engine
indexes that same data. Each of --runs runs indexes the corpus into a fresh index with
every engine in turn (wall and CPU seconds, peak RSS of the indexing process, articles/s,
MB/s of title+text, index size on disk, and for the Xapian-based ones the size after
xapian-compact), then times the same logical query set (single words, AND, OR, phrases,
NOT, date ranges; speaker filters for news-search only), translated into each engine's
syntax, in-process: --warmup untimed rounds, then --rounds timed rounds of every query
(parse, top 10, the stored id of each hit); p50/p95/p99 in microseconds. Cold start is the
wall time of one whole `news-search` process against one whole `quest` process on the same
query (median of --cold per run). The table shows the median over the runs.

Engines and what they need (the script installs nothing; missing ones are skipped and
named with the apt-get command that adds them):
  news      build/indexer/news-index, build/searcher/news-search (cmake --build build)
  omega     scriptindex, xapian-compact (xapian-omega, xapian-tools); query timing through
            the Python bindings (python3-xapian); cold start with quest (xapian-tools)
  sqlite    Python's sqlite3 module with FTS5 (built into Debian's python3)
  lucene    liblucene8-java and a JDK (default-jdk-headless); tests/bench/LuceneBench.java
            is compiled into the scratch folder
Not a test: figures vary with the machine and its load.
"""
import argparse
import glob
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # no __pycache__ inside the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_common as bc  # noqa: E402

# ------------------------------------------------------------------ the query set
# One logical query set per corpus, translated per engine below.
# ("word", w) ("and", w1, w2, ...) ("or", w1, w2, ...) ("phrase", "a b") ("not", pos, neg)
# ("date", from, to, words...) ("speaker", name, words...)  [speaker: news-search only]


def _reuters_queries():
    return [
        ("word", "oil"), ("word", "bank"), ("word", "dollar"), ("word", "wheat"), ("word", "coffee"),
        ("word", "gold"), ("word", "tariffs"), ("word", "takeover"),
        ("and", "oil", "prices"), ("and", "bank", "rate"), ("and", "trade", "deficit", "japan"),
        ("and", "wheat", "exports"), ("and", "stock", "split"), ("and", "crude", "output"),
        ("or", "coffee", "cocoa"), ("or", "gold", "silver"), ("or", "yen", "mark"), ("or", "merger", "acquisition"),
        ("phrase", "interest rates"), ("phrase", "trade deficit"), ("phrase", "money supply"),
        ("phrase", "federal reserve"), ("phrase", "crude oil prices"),
        ("not", "oil", "opec"), ("not", "bank", "loans"), ("not", "dollar", "yen"),
        ("date", "1987-03-02", "1987-03-02"), ("date", "1987-03-01", "1987-03-31", "oil"),
        ("date", "1987-04-01", "1987-04-15", "dividend"), ("date", "1987-06-01", "1987-10-31", "gold"),
    ], [
        ("speaker", "baker"), ("speaker", "volcker", "dollar"), ("speaker", "yeutter"), ("speaker", "lawson"),
    ]


def _polnear_queries():
    return [
        ("word", "trump"), ("word", "clinton"), ("word", "debate"), ("word", "emails"), ("word", "immigration"),
        ("word", "obamacare"), ("word", "pence"), ("word", "sanders"),
        ("and", "campaign", "rally"), ("and", "trump", "clinton"), ("and", "tax", "returns"),
        ("and", "foreign", "policy"), ("and", "supreme", "court"), ("and", "white", "voters"),
        ("or", "trump", "clinton"), ("or", "sanders", "cruz"), ("or", "iran", "syria"), ("or", "wall", "border"),
        ("phrase", "white house"), ("phrase", "hillary clinton"), ("phrase", "tax returns"),
        ("phrase", "supreme court"), ("phrase", "republican national convention"),
        ("not", "health", "clinton"), ("not", "voters", "poll"), ("not", "trump", "clinton"),
        ("date", "2016-09-26", "2016-09-26"), ("date", "2016-09-01", "2016-10-31", "debate"),
        ("date", "2016-07-01", "2016-07-31", "emails"), ("date", "2016-01-01", "2016-03-31", "trump"),
    ], [
        ("speaker", "trump"), ("speaker", "clinton", "president"), ("speaker", "pence"), ("speaker", "obama"),
    ]


QUERY_SETS = {"reuters": _reuters_queries, "polnear": _polnear_queries}


def to_news(q):
    k = q[0]
    if k == "word":
        return q[1]
    if k == "and":
        return " ".join(q[1:])
    if k == "or":
        return " OR ".join(q[1:])
    if k == "phrase":
        return f'"{q[1]}"'
    if k == "not":
        return f"{q[1]} -{q[2]}"
    if k == "date":
        d = f"date:{q[1]}" if q[1] == q[2] else f"date:{q[1]}..{q[2]}"
        return " ".join([*q[3:], d])
    if k == "speaker":
        return " ".join([f"speaker:{q[1]}", *q[2:]])
    raise ValueError(q)


def to_xapian(q):
    """Xapian::QueryParser syntax (default op AND, RangeProcessor on slot 0 'date:')."""
    if q[0] == "date":
        return " ".join([*q[3:], f"date:{q[1].replace('-', '')}..{q[2].replace('-', '')}"])
    return to_news(q)


def to_lucene(q):
    """Classic QueryParser syntax (default field text, default operator AND)."""
    if q[0] == "date":
        return " ".join([*q[3:], f"date:[{q[1].replace('-', '')} TO {q[2].replace('-', '')}]"])
    return to_news(q)


def to_fts5(q):
    """(MATCH expression or None, date from, date to)."""
    k = q[0]
    if k == "not":
        return (f"{q[1]} NOT {q[2]}", None, None)
    if k == "date":
        return (" ".join(q[3:]) or None, q[1], q[2])
    return (to_news(q), None, None)


def describe(q):
    return to_news(q)


# ------------------------------------------------------------------ workers (child processes)

def worker_floor(jsonl):
    """The floor: read the JSON Lines and split title+text into lower-case words."""
    word = re.compile(r"\w+")
    n = words = 0
    with open(jsonl, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            words += len(word.findall((r.get("title", "") + "\n" + r.get("text", "")).lower()))
            n += 1
    print(json.dumps({"articles": n, "words": words}))


def worker_sqlite_index(jsonl, db):
    import sqlite3
    if os.path.exists(db):
        os.unlink(db)
    con = sqlite3.connect(db)
    con.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, text, date UNINDEXED, "
                "tokenize='porter unicode61')")
    n = 0
    with con, open(jsonl, encoding="utf-8") as f:
        def rows():
            nonlocal n
            for line in f:
                r = json.loads(line)
                n += 1
                yield (r.get("id", ""), r.get("title", ""), r.get("text", ""), r.get("date", ""))
        con.executemany("INSERT INTO docs(id, title, text, date) VALUES (?, ?, ?, ?)", rows())
    con.close()
    print(json.dumps({"articles": n}))


def _timed_rounds(run_one, queries, rounds, warmup):
    micros = []
    for rnd in range(warmup + rounds):
        for q in queries:
            t0 = time.perf_counter()
            run_one(q)
            dt = (time.perf_counter() - t0) * 1e6
            if rnd >= warmup:
                micros.append(dt)
    return {"queries": len(micros), "p50": bc.percentile(micros, 50), "p95": bc.percentile(micros, 95),
            "p99": bc.percentile(micros, 99), "max": max(micros) if micros else None}


def worker_sqlite_query(db, qfile, rounds, warmup):
    import sqlite3
    with open(qfile) as f:
        queries = [tuple(x) for x in json.load(f)]
    con = sqlite3.connect(db)

    def sql(q, count=False):
        match, d0, d1 = to_fts5(q)
        what = "count(*)" if count else "id"
        where, args = [], []
        if match:
            where.append("docs MATCH ?")
            args.append(match)
        if d0:
            where.append("date BETWEEN ? AND ?")
            args += [d0, d1]
        s = f"SELECT {what} FROM docs WHERE {' AND '.join(where)}"
        if not count:
            s += " ORDER BY rank LIMIT 10" if match else " LIMIT 10"
        return s, args

    prepared = [sql(q) for q in queries]
    counts = [con.execute(*sql(q, True)).fetchone()[0] for q in queries]

    def run_one(i):
        s, args = prepared[i]
        return [row[0] for row in con.execute(s, args)]

    out = _timed_rounds(run_one, range(len(queries)), rounds, warmup)
    out["counts"] = counts
    print(json.dumps(out))


def worker_xapian_query(db, qfile, rounds, warmup):
    import xapian
    with open(qfile) as f:
        queries = [to_xapian(tuple(x)) for x in json.load(f)]
    database = xapian.Database(db)
    enquire = xapian.Enquire(database)
    qp = xapian.QueryParser()
    qp.set_database(database)
    qp.set_stemmer(xapian.Stem("english"))
    qp.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
    qp.set_default_op(xapian.Query.OP_AND)
    qp.add_prefix("title", "S")
    qp.add_rangeprocessor(xapian.RangeProcessor(0, "date:"))
    flags = (xapian.QueryParser.FLAG_DEFAULT | xapian.QueryParser.FLAG_BOOLEAN | xapian.QueryParser.FLAG_PHRASE
             | xapian.QueryParser.FLAG_LOVEHATE | xapian.QueryParser.FLAG_PURE_NOT)
    doccount = database.get_doccount()
    counts = []
    for q in queries:
        enquire.set_query(qp.parse_query(q, flags))
        counts.append(enquire.get_mset(0, 0, doccount).get_matches_estimated())

    def run_one(q):
        enquire.set_query(qp.parse_query(q, flags))
        ids = []
        for m in enquire.get_mset(0, 10):
            data = m.document.get_data().decode("utf-8", "replace")
            ids.append(data.split("\n", 1)[0][3:] if data.startswith("id=") else data)
        return ids

    out = _timed_rounds(run_one, queries, rounds, warmup)
    out["counts"] = counts
    print(json.dumps(out))


WORKERS = {
    "floor": lambda a: worker_floor(a[0]),
    "sqlite-index": lambda a: worker_sqlite_index(a[0], a[1]),
    "sqlite-query": lambda a: worker_sqlite_query(a[0], a[1], int(a[2]), int(a[3])),
    "xapian-query": lambda a: worker_xapian_query(a[0], a[1], int(a[2]), int(a[3])),
}

# ------------------------------------------------------------------ corpus

OMEGA_SCRIPT = """\
# Omega scriptindex index script of compare_engines.py
id : field boolean=Q unique=Q
title : field index=S index
date : field value=0 date=yyyymmdd
dateline : field
text : index
"""


def prepare_corpus(a, scratch):
    """One JSON Lines file (and the same records in scriptindex's dump format), made once."""
    tag = f"{a.corpus}-{a.limit or 'all'}"
    jsonl = os.path.join(scratch, f"{tag}.jsonl")
    dump = os.path.join(scratch, f"{tag}.omega")
    if not (os.path.exists(jsonl) and os.path.exists(dump)):
        if a.corpus == "reuters":
            src = os.path.join(a.shared, "corpora", "reuters21578", "reuters21578.tar.xz")
            if not os.path.exists(src):
                sys.exit(f"{src}: not found (--shared)")
            records = bc.reuters_records(src)
        else:
            src = os.path.join(a.shared, "corpora", "polnear")
            if not os.path.isdir(src):
                sys.exit(f"{src}: not found (--shared)")
            records = bc.polnear_records(src)
        n = 0
        with open(jsonl + ".tmp", "w", encoding="utf-8") as j, open(dump + ".tmp", "w", encoding="utf-8") as o:
            for r in records:
                if not r["text"].strip():
                    continue  # Reuters NEWID 12793 is an empty UNPROC story: no title, no text
                rec = {k: r.get(k, "") for k in ("id", "title", "date", "dateline", "text")}
                j.write(json.dumps(rec, ensure_ascii=False) + "\n")
                for k in ("id", "title", "date", "dateline", "text"):
                    v = rec[k].replace("-", "") if k == "date" else rec[k]
                    o.write(f"{k}=" + v.replace("\n", "\n=") + "\n")
                o.write("\n")
                n += 1
                if a.limit and n >= a.limit:
                    break
        os.replace(jsonl + ".tmp", jsonl)
        os.replace(dump + ".tmp", dump)
    n = text_bytes = 0
    with open(jsonl, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            n += 1
            text_bytes += len(r["title"].encode()) + len(r["text"].encode())
    return jsonl, dump, n, text_bytes / 1e6


# ------------------------------------------------------------------ tools

def python_with(module):
    """A Python interpreter that can import module: this one, else Debian's."""
    for py in dict.fromkeys([sys.executable, "/usr/bin/python3", shutil.which("python3") or ""]):
        if py and os.path.exists(py):
            r = subprocess.run([py, "-c", f"import {module}"], capture_output=True)
            if r.returncode == 0:
                return py
    return None


def sqlite_has_fts5(py):
    code = "import sqlite3; sqlite3.connect(':memory:').execute('CREATE VIRTUAL TABLE t USING fts5(x)')"
    return subprocess.run([py, "-c", code], capture_output=True).returncode == 0


def lucene_classpath():
    jars = []
    for name in ("core", "analyzers-common", "queryparser"):
        found = sorted(glob.glob(f"/usr/share/java/lucene-{name}-8*.jar")) or \
            sorted(glob.glob(f"/usr/share/java/lucene8-{name}*.jar"))
        if not found:
            return None
        jars.append(found[-1])
    return ":".join(jars)


def find_tools(a):
    here = os.path.dirname(os.path.abspath(__file__))
    t = {"skipped": []}
    t["news_index"] = os.path.join(a.build, "indexer", "news-index")
    t["news_search"] = os.path.join(a.build, "searcher", "news-search")
    want = set(a.engines.split(","))
    engines = []
    t["compact"] = shutil.which("xapian-compact")
    if not t["compact"]:
        t["skipped"].append(("compacted sizes", "xapian-compact not found", "apt-get install -y xapian-tools"))
    if "news" in want:
        if os.access(t["news_index"], os.X_OK) and os.access(t["news_search"], os.X_OK):
            engines.append("news")
        else:
            t["skipped"].append(("news-index/news-search", f"not built in {a.build}",
                                 "cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build"))
    if "omega" in want:
        t["scriptindex"] = shutil.which("scriptindex")
        t["quest"] = shutil.which("quest")
        t["py_xapian"] = python_with("xapian")
        if not t["scriptindex"]:
            t["skipped"].append(("Omega scriptindex", "scriptindex not found", "apt-get install -y xapian-omega"))
        else:
            engines.append("omega")
            if not t["py_xapian"]:
                t["skipped"].append(("Omega query latency", "no Python with the xapian module",
                                     "apt-get install -y python3-xapian"))
            if not t["quest"]:
                t["skipped"].append(("quest cold start", "quest not found", "apt-get install -y xapian-tools"))
    if "sqlite" in want:
        py = python_with("sqlite3")
        if py and sqlite_has_fts5(py):
            t["py_sqlite"] = py
            engines.append("sqlite")
        else:
            t["skipped"].append(("SQLite FTS5", "no Python sqlite3 with FTS5", "apt-get install -y python3"))
    if "lucene" in want:
        cp = lucene_classpath()
        java, javac = shutil.which("java"), shutil.which("javac")
        if cp and java and javac:
            t["lucene_cp"], t["java"], t["javac"] = cp, java, javac
            t["lucene_src"] = os.path.join(here, "LuceneBench.java")
            engines.append("lucene")
        else:
            t["skipped"].append(("Lucene 8", "liblucene8-java jars or java/javac not found",
                                 "apt-get install -y liblucene8-java default-jdk-headless"))
    t["engines"] = engines
    return t


# ------------------------------------------------------------------ one run per engine

def news_batch(tools, db, queries, scratch, rounds, fmt_args, tag):
    """news-search --batch --stats over `rounds` copies of the query set (after one whole
    untimed process as the warm-up). Returns (p50, p95, p99)."""
    qfile = os.path.join(scratch, f"news-{tag}.tsv")
    with open(qfile, "w") as f:
        for r in range(rounds):
            for i, q in enumerate(queries, 1):
                f.write(f"r{r}q{i}\t{to_news(q)}\n")
    warm = os.path.join(scratch, f"news-{tag}-warm.tsv")
    with open(warm, "w") as f:
        for i, q in enumerate(queries, 1):
            f.write(f"q{i}\t{to_news(q)}\n")
    subprocess.run([tools["news_search"], "--db", db, "--batch", warm, *fmt_args],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    r = subprocess.run([tools["news_search"], "--db", db, "--batch", qfile, "--stats", *fmt_args],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    m = re.search(r"p50 ([\d.e+]+) p95 ([\d.e+]+) p99 ([\d.e+]+)", r.stderr)
    if not m:
        raise RuntimeError(f"no --stats from news-search: {r.stderr[-500:]}")
    return float(m.group(1)), float(m.group(2)), float(m.group(3))


def news_counts(tools, db, queries, scratch):
    qfile = os.path.join(scratch, "news-count.tsv")
    with open(qfile, "w") as f:
        for i, q in enumerate(queries, 1):
            f.write(f"q{i}\t{to_news(q)}\n")
    r = subprocess.run([tools["news_search"], "--db", db, "--batch", qfile, "--count", "--jsonl"],
                       capture_output=True, text=True)
    by_qid = {}
    for line in r.stdout.splitlines():
        try:
            j = json.loads(line)
            by_qid[j.get("qid")] = j.get("count")
        except ValueError:
            pass
    counts = [by_qid.get(f"q{i}") for i in range(1, len(queries) + 1)]
    return counts


def cold_starts(cmd, n):
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append((time.perf_counter() - t0) * 1e3)
    return statistics.median(times)


def cold_pair(cmd_a, cmd_b, n):
    """Medians of n cold starts of each command, the two run alternately (after one untimed
    run of each: the page cache holds both databases and both programs)."""
    for cmd in (cmd_a, cmd_b):
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ta, tb = [], []
    for _ in range(n):
        for cmd, times in ((cmd_a, ta), (cmd_b, tb)):
            t0 = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times.append((time.perf_counter() - t0) * 1e3)
    return statistics.median(ta), statistics.median(tb)


def index_row(m, n, text_mb, path):
    if m.returncode not in (0,):
        raise RuntimeError(f"exit {m.returncode}: {m.stderr[-800:]}")
    return {"wall": m.wall, "cpu": m.cpu, "rss": m.maxrss_mb, "rate": n / m.wall, "mbs": text_mb / m.wall,
            "size": bc.disk_mb(path) if path else None}


def compact_mb(tools, db, scratch):
    if not tools.get("compact"):
        return None
    out = os.path.join(scratch, "compacted")
    shutil.rmtree(out, ignore_errors=True)
    r = subprocess.run([tools["compact"], db, out], capture_output=True, text=True)
    size = bc.disk_mb(out) if r.returncode == 0 else None
    shutil.rmtree(out, ignore_errors=True)
    return size


def run_once(a, tools, corpus, queries, speaker_queries, scratch, run, results, counts):
    jsonl, dump, n, text_mb = corpus
    qjson = os.path.join(scratch, "queries.json")
    with open(qjson, "w") as f:
        json.dump(queries, f)
    cold_q = to_news(next(q for q in queries if q[0] == "and"))

    def add(row, **kw):
        results.setdefault(row, []).append(kw)

    def log(msg):
        print(f"  run {run + 1}: {msg}", file=sys.stderr, flush=True)

    news_db = None
    # The floor and news-index --extract (no database) first.
    py = sys.executable
    m = bc.run_measured([py, os.path.abspath(__file__), "--worker", "floor", jsonl], scratch)
    add("floor", **index_row(m, n, text_mb, None))
    log(f"floor {n / m.wall:,.0f} articles/s")

    if "news" in tools["engines"]:
        m = bc.run_measured([tools["news_index"], "--extract", "--progress", "never", jsonl], scratch)
        add("extract", **index_row(m, n, text_mb, None))
        db = os.path.join(scratch, "news.db")
        shutil.rmtree(db, ignore_errors=True)
        m = bc.run_measured([tools["news_index"], "--progress", "never", "--db", db, jsonl], scratch)
        row = index_row(m, n, text_mb, db)
        row["compact"] = compact_mb(tools, db, scratch)
        row["p50"], row["p95"], row["p99"] = news_batch(tools, db, queries, scratch, a.rounds,
                                                        ["--trec", "bench"], "trec")
        news_cold = [tools["news_search"], "--db", db, "--color", "never", cold_q]
        if not ("omega" in tools["engines"] and tools.get("quest")):
            row["cold"] = cold_starts(news_cold, a.cold)  # else beside quest's, below
        add("news", **row)
        t = news_batch(tools, db, queries, scratch, a.rounds, ["--json"], "json")
        add("news-json", p50=t[0], p95=t[1], p99=t[2])
        t = news_batch(tools, db, queries, scratch, a.rounds, ["--color", "never"], "text")
        add("news-text", p50=t[0], p95=t[1], p99=t[2])
        t = news_batch(tools, db, speaker_queries, scratch, a.rounds, ["--trec", "bench"], "speaker")
        add("news-speaker", p50=t[0], p95=t[1], p99=t[2])
        if run == 0 and a.counts:
            counts["news-search"] = news_counts(tools, db, queries, scratch)
            counts["news-search speakers"] = news_counts(tools, db, speaker_queries, scratch)
        log(f"news-index {row['rate']:,.0f} articles/s, news-search p50 {row['p50']:,.0f} µs")
        news_db = db  # kept until quest's cold starts, which alternate with news-search's

    if "omega" in tools["engines"]:
        db = os.path.join(scratch, "omega.db")
        script = os.path.join(scratch, "omega.script")
        with open(script, "w") as f:
            f.write(OMEGA_SCRIPT)
        shutil.rmtree(db, ignore_errors=True)
        m = bc.run_measured([tools["scriptindex"], "--overwrite", db, script, dump], scratch)
        row = index_row(m, n, text_mb, db)
        row["compact"] = compact_mb(tools, db, scratch)
        if tools.get("py_xapian"):
            r = subprocess.run([tools["py_xapian"], os.path.abspath(__file__), "--worker", "xapian-query", db, qjson,
                                str(a.rounds), str(a.warmup)], capture_output=True, text=True)
            if r.returncode != 0:
                raise RuntimeError(f"xapian query worker: {r.stderr[-800:]}")
            j = json.loads(r.stdout)
            row.update(p50=j["p50"], p95=j["p95"], p99=j["p99"])
            if run == 0:
                counts["Omega (Xapian QueryParser)"] = j["counts"]
        if tools.get("quest"):
            quest_cold = [tools["quest"], "-d", db, "-o", "and", cold_q]
            if "news" in tools["engines"]:
                # Alternating processes: both medians see the same load; their ratio is the figure.
                ours, theirs = cold_pair(news_cold, quest_cold, a.cold)
                results["news"][-1]["cold"] = ours
                results["news"][-1]["cold_ratio"] = ours / theirs
                row["cold"] = theirs
                log(f"cold start news-search {ours:.2f} ms, quest {theirs:.2f} ms ({ours / theirs:.2f}x)")
            else:
                row["cold"] = cold_starts(quest_cold, a.cold)
        add("omega", **row)
        log(f"scriptindex {row['rate']:,.0f} articles/s")
        shutil.rmtree(db, ignore_errors=True)
    if news_db:
        shutil.rmtree(news_db, ignore_errors=True)

    if "sqlite" in tools["engines"]:
        db = os.path.join(scratch, "fts5.sqlite")
        m = bc.run_measured([tools["py_sqlite"], os.path.abspath(__file__), "--worker", "sqlite-index", jsonl, db],
                            scratch)
        row = index_row(m, n, text_mb, db)
        r = subprocess.run([tools["py_sqlite"], os.path.abspath(__file__), "--worker", "sqlite-query", db, qjson,
                            str(a.rounds), str(a.warmup)], capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError(f"sqlite query worker: {r.stderr[-800:]}")
        j = json.loads(r.stdout)
        row.update(p50=j["p50"], p95=j["p95"], p99=j["p99"])
        if run == 0:
            counts["SQLite FTS5"] = j["counts"]
        add("sqlite", **row)
        log(f"FTS5 {row['rate']:,.0f} articles/s")
        os.unlink(db)

    # Lucene twice: the inverted index alone (the stored id), and with title and text stored as
    # well, which is what news-search keeps for its snippets (a fair index size to compare).
    for variant, extra in (("lucene", []), ("lucene-stored", ["store"])):
        if "lucene" not in tools["engines"]:
            break
        cp = tools["lucene_classes"] + ":" + tools["lucene_cp"]
        idx = os.path.join(scratch, "lucene.idx")
        shutil.rmtree(idx, ignore_errors=True)
        m = bc.run_measured([tools["java"], *a.java_opts.split(), "-cp", cp, "LuceneBench", "index", jsonl, idx,
                             *extra], scratch)
        row = index_row(m, n, text_mb, idx)
        ltsv = os.path.join(scratch, "lucene-queries.tsv")
        with open(ltsv, "w") as f:
            for i, q in enumerate(queries, 1):
                f.write(f"q{i}\t{to_lucene(q)}\n")
        r = subprocess.run([tools["java"], *a.java_opts.split(), "-cp", cp, "LuceneBench", "query", idx, ltsv,
                            str(a.rounds), str(a.warmup)], capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError(f"LuceneBench query: {r.stderr[-800:]}")
        j = json.loads(r.stdout)
        row.update(p50=j["p50"], p95=j["p95"], p99=j["p99"])
        if run == 0 and variant == "lucene":
            counts["Lucene (classic QueryParser)"] = [j["counts"][f"q{i}"] for i in range(1, len(queries) + 1)]
        add(variant, **row)
        log(f"{variant} {row['rate']:,.0f} articles/s, {row['size']:.1f} MB")
        shutil.rmtree(idx, ignore_errors=True)


# ------------------------------------------------------------------ report

ROWS = [
    ("floor", "floor: read JSON + split words (Python)"),
    ("extract", "news-index --extract (read + extraction, no database)"),
    ("news", "**news-index / news-search** (full extraction)"),
    ("news-json", "news-search --json, top 10 with snippets (issue #5 target)"),
    ("news-text", "news-search, text output with snippets"),
    ("news-speaker", "news-search, speaker filters ({nspk} queries)"),
    ("omega", "Omega scriptindex / Xapian QueryParser (Python)"),
    ("sqlite", "SQLite FTS5 porter (Python sqlite3)"),
    ("lucene", "Lucene 8 EnglishAnalyzer (Java)"),
    ("lucene-stored", "Lucene 8, title and text stored too (as news-search keeps them for snippets)"),
]
COLS = [("rate", "articles/s", 0), ("mbs", "MB/s", 2), ("wall", "wall s", 2), ("cpu", "CPU s", 2),
        ("rss", "peak RSS MB", 0), ("size", "index MB", 1), ("compact", "compacted MB", 1),
        ("p50", "query p50 µs", 0), ("p95", "p95 µs", 0), ("p99", "p99 µs", 0), ("cold", "cold start ms", 1),
        ("cold_ratio", "cold / quest", 2)]


def med(rows, key):
    vals = [r[key] for r in rows if r.get(key) is not None]
    return statistics.median(vals) if vals else None


def report(a, tools, corpus, queries, speaker_queries, results, counts, elapsed):
    jsonl, _, n, text_mb = corpus
    print(f"Corpus: {a.corpus}{f' (first {a.limit})' if a.limit else ''}: {n:,} articles, {text_mb:.1f} MB of "
          f"title+text ({os.path.getsize(jsonl) / 1e6:.1f} MB as JSON Lines); {a.runs} runs, medians shown; "
          f"queries: {len(queries)} ({a.warmup} warm-up + {a.rounds} timed rounds each)\n")
    print("| engine | " + " | ".join(c[1] for c in COLS) + " |")
    print("|---|" + "---:|" * len(COLS))
    for key, label in ROWS:
        if key not in results:
            continue
        cells = [bc.fmt(med(results[key], c[0]), c[2]) for c in COLS]
        print(f"| {label.format(nspk=len(speaker_queries))} | " + " | ".join(cells) + " |")
    print()
    ratios = []
    news_rate, news_size = med(results.get("news", []), "rate"), med(results.get("news", []), "size")
    for key, what in (("omega", "Omega scriptindex"), ("lucene", "Lucene")):
        other = med(results.get(key, []), "rate")
        if news_rate and other:
            ratios.append(f"indexing {news_rate / other:.2f}x {what}'s articles/s")
    for key, what in (("lucene", "Lucene's (id stored)"), ("lucene-stored", "Lucene's (text stored)")):
        other = med(results.get(key, []), "size")
        if news_size and other:
            ratios.append(f"index {news_size / other:.1f}x {what}")
    if ratios:
        print("Ratios of the medians: " + "; ".join(ratios) + "\n")
    print(bc.machine_line() + f"; whole benchmark {elapsed / 60:.1f} min")
    if tools.get("bin_line"):
        print(tools["bin_line"])
    if not bc.HAVE_GNU_TIME:
        print("peak RSS is an upper bound (a child starts from this script's own peak): "
              "apt-get install -y time for the programs' own figures")
    for what, why, cmd in tools["skipped"]:
        print(f"skipped: {what} ({why}): {cmd}")
    if counts:
        names = [nm for nm in counts if nm != "news-search speakers"]
        print("\nMatching articles per query (run 1):\n")
        print("| query | " + " | ".join(names) + " |")
        print("|---|" + "---:|" * len(names))
        for i, q in enumerate(queries):
            cells = [bc.fmt(counts[nm][i]) if i < len(counts[nm]) else "—" for nm in names]
            print(f"| `{describe(q)}` | " + " | ".join(cells) + " |")
        spk = counts.get("news-search speakers", [])
        for i, q in enumerate(speaker_queries):
            cells = [bc.fmt(spk[i]) if nm == "news-search" and i < len(spk) else "—" for nm in names]
            print(f"| `{describe(q)}` | " + " | ".join(cells) + " |")


def main():
    if len(sys.argv) > 2 and sys.argv[1] == "--worker":
        WORKERS[sys.argv[2]](sys.argv[3:])
        return
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--build", default=os.path.join(bc.ROOT, "build"))
    p.add_argument("--shared", default=bc.SHARED)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--corpus", choices=sorted(QUERY_SETS), default="reuters")
    p.add_argument("--limit", type=int, default=0, help="index only the first N articles")
    p.add_argument("--rounds", type=int, default=10, help="timed rounds of the query set per run")
    p.add_argument("--warmup", type=int, default=3, help="untimed rounds before them (in-process engines)")
    p.add_argument("--cold", type=int, default=5, help="cold-start processes per run")
    p.add_argument("--engines", default="news,omega,sqlite,lucene")
    p.add_argument("--java-opts", default="", help="JVM options for LuceneBench (default: the JVM's)")
    p.add_argument("--counts", action="store_true", help="also print the number of matches per query and engine")
    p.add_argument("--work", help="scratch folder (kept; the converted corpus is reused); default: a temporary one")
    p.add_argument("--json", help="also write every run's figures to this JSON file")
    a = p.parse_args()
    a.build = os.path.abspath(a.build)

    start = time.perf_counter()
    tools = find_tools(a)
    scratch = os.path.abspath(a.work) if a.work else tempfile.mkdtemp(prefix="news-compare-")
    os.makedirs(scratch, exist_ok=True)
    if os.path.commonpath([scratch, bc.ROOT]) == bc.ROOT:
        sys.exit(f"{scratch}: the scratch folder must be outside the repository")
    try:
        print(f"scratch: {scratch}", file=sys.stderr)
        if "news" in tools["engines"]:
            (tools["news_index"], tools["news_search"]), tools["bin_line"] = bc.snapshot_binaries(
                [tools["news_index"], tools["news_search"]], scratch)
        corpus = prepare_corpus(a, scratch)
        queries, speaker_queries = QUERY_SETS[a.corpus]()
        if "lucene" in tools["engines"]:
            classes = os.path.join(scratch, "lucene-classes")
            os.makedirs(classes, exist_ok=True)
            r = subprocess.run([tools["javac"], "-nowarn", "-d", classes, "-cp", tools["lucene_cp"],
                                tools["lucene_src"]], capture_output=True, text=True)
            if r.returncode != 0:
                tools["engines"].remove("lucene")
                tools["skipped"].append(("Lucene 8", "javac failed: " + r.stderr.strip()[:300],
                                         "apt-get install -y liblucene8-java default-jdk-headless"))
            tools["lucene_classes"] = classes
        for what, why, cmd in tools["skipped"]:
            print(f"skipped: {what} ({why}): {cmd}", file=sys.stderr)
        results, counts = {}, {}
        for run in range(a.runs):
            run_once(a, tools, corpus, queries, speaker_queries, scratch, run, results, counts)
        if a.json:
            with open(a.json, "w") as f:
                json.dump({"results": results, "counts": counts, "queries": queries,
                           "speaker_queries": speaker_queries}, f, indent=1)
        report(a, tools, corpus, queries, speaker_queries, results, counts if a.counts else {},
               time.perf_counter() - start)
    finally:
        if not a.work:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
