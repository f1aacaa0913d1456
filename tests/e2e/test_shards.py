#!/usr/bin/env python3
"""Shards (issue 16): news-index --shards 3 and three stock xapian-tcpsrv processes serving
them on 127.0.0.1 give the same answers as one local database of the same articles (results
in order, counts, scores within 1e-9, facets); a shard that is down or too slow is named
(exit 3), or left out with --allow-partial and the answer flagged partial.

On the bundled corpus; with NEWS_SHARDS_CORPUS=reuters, on Reuters-21578 with the benchmark
query set (../shared), top 100.
"""
import json
import os
import signal
import socket
import subprocess
import sys
import time

from harness import Env

env = Env()
corpus_name = os.environ.get("NEWS_SHARDS_CORPUS", "bundled")
tcpsrv = subprocess.run(["sh", "-c", "command -v xapian-tcpsrv"], capture_output=True, text=True).stdout.strip()
if not tcpsrv:
    print("FAIL: xapian-tcpsrv is not installed (Debian: xapian-tools)")
    sys.exit(1)

# 1. The corpus, indexed into one database and into three shards.
if corpus_name == "reuters":
    corpus = env.reuters_sgm("reuters")
    sys.path.insert(0, os.path.join(env.source_dir, "tests", "bench"))
    sys.dont_write_bytecode = True
    import compare_engines  # noqa: E402
    words, speakers = compare_engines.QUERY_SETS["reuters"]()
    QUERIES = [compare_engines.to_news(q) for q in words + speakers]
    DEPTH = "100"
else:
    corpus = env.corpus
    QUERIES = ["tax", "tariffs", "running", "inflation OR prices", "\"grocery tax\"", "speaker:calloway",
               "quote:tax", "speaker:calloway quote:law", "person:ellison", "source:\"capital wire\"",
               "date:2024-10", "title:voters", "plant -tariff", "(china OR mexico) AND fentanyl", "said",
               "\"grocery tax\"~3", "calloway NEAR ohio", "speaker:fenwick OR quote:election",
               "speaker:obama", "speaker:\"barack obama\"", "person:clinton"]
    DEPTH = "100"
WILDCARDS = ["tax*", "elect*"]  # the same articles; scores may differ (each shard expands on its own)

one, sh = os.path.join(env.work, "one"), os.path.join(env.work, "sh")
r = env.index("--db", one, corpus)
env.check(r.returncode in (0, 1), f"index one database: exit {r.returncode}: {r.stderr[-500:]}")
r = env.index("--db", sh, "--shards", "3", corpus)
env.check(r.returncode in (0, 1), f"index three shards: exit {r.returncode}: {r.stderr[-500:]}")
stub = open(os.path.join(sh, "XAPIANDB")).read()
env.equal([l for l in stub.splitlines() if not l.startswith("#")], ["auto shard-00", "auto shard-01", "auto shard-02"],
          "the stub of --shards 3")
# A second run adds to the shards and finds every file unchanged; another N is refused.
r = env.index("--db", sh, corpus)
env.check(r.returncode == 0 and " 0 new, 0 changed" in r.stderr, f"a second run into the shards: {r.stderr[-300:]}")
r = env.index("--db", sh, "--shards", "2", corpus)
env.check(r.returncode == 3 and "holds 3 shards" in r.stderr, f"--shards 2 into 3 shards: exit {r.returncode}: {r.stderr}")


def fnv1a(s):
    h = 14695981039346656037
    for b in s.encode():
        h = ((h ^ b) * 1099511628211) % (1 << 64)
    return h


# Every article in exactly one shard: the one its id hashes to.
shard_dirs = [os.path.join(sh, f"shard-0{k}") for k in range(3)]
all_ids = env.ids(one, "")
per_shard = [env.ids(d, "") for d in shard_dirs]
env.equal(sum(len(s) for s in per_shard), len(all_ids), "articles over the shards")
env.equal(set().union(*per_shard), all_ids, "the shards' ids")
env.check(all(len(s) > 0 for s in per_shard), f"every shard holds articles: {[len(s) for s in per_shard]}")
misplaced = [i for k, s in enumerate(per_shard) for i in s if fnv1a(i.split("~")[0]) % 3 != k and fnv1a(i) % 3 != k]
env.equal(misplaced[:5], [], "articles in another shard than their id's")

# --check-shards: none twice in the shards; every one twice with the one database beside them.
r = env.search(sh, "--check-shards")
env.check(r.returncode == 0 and "no article id is in more than one" in r.stderr, f"--check-shards: {r.returncode} {r.stderr}")
r = env.run(env.search_bin, "--db", sh, "--db", one, "--check-shards")
listed = [l.split("\t") for l in r.stdout.splitlines()]
env.check(r.returncode == 1 and len(listed) == min(len(all_ids), 1000) and all(len(l) == 3 for l in listed),
          f"--check-shards with the whole database beside: exit {r.returncode}, {len(listed)} listed")

# 2. Three xapian-tcpsrv processes, on free ports.
servers = {}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(k):
    for _ in range(5):
        port = free_port()
        p = subprocess.Popen([tcpsrv, "--interface", "127.0.0.1", "--port", str(port), shard_dirs[k]],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
        line = ""
        while "Listening" not in line:
            line = p.stdout.readline()
            if not line:
                break
        if "Listening" in line:
            servers[k] = (p, port)
            return port
        p.wait()
    raise RuntimeError(f"xapian-tcpsrv for shard {k} would not start")


def stop_all():
    for p, _ in servers.values():
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        p.wait()


try:
    ports = [start(k) for k in range(3)]
    remote = os.path.join(env.work, "remote.stub")
    with open(remote, "w") as f:
        for port in ports:
            f.write(f"remote 127.0.0.1:{port}\n")
    tcp_args = [a for port in ports for a in ("--db", f"tcp://127.0.0.1:{port}")]

    def answer(dbs, query, *extra, depth=DEPTH):
        r = env.run(env.search_bin, *dbs, "--json", "-n", depth, *extra, "--", query)
        if r.returncode not in (0, 1):
            raise AssertionError(f"{dbs} {query!r}: exit {r.returncode}: {r.stderr}")
        return json.loads(r.stdout)

    def same(a, b, what, scores=True):
        env.equal(a["total"], b["total"], f"{what}: total")
        env.equal(a["total_relation"], b["total_relation"], f"{what}: total relation")
        ia, ib = [h["id"] for h in a["results"]], [h["id"] for h in b["results"]]
        if scores:
            env.equal(ib, ia, f"{what}: results in order")
            worst = max([abs(x["score"] - y["score"]) for x, y in zip(a["results"], b["results"])] + [0])
            env.check(worst <= 1e-9, f"{what}: scores differ by {worst}")
        else:
            env.equal(sorted(ib), sorted(ia), f"{what}: the same results")
        env.check(facet_counts(b) == facet_counts(a), f"{what}: facet counts differ")

    def facet_counts(j):
        """Each facet's values as (filter, counts), sorted: a value spelled two ways in the
        articles ("Chun Doo-hwan") may be shown as another shard's articles spell it."""
        out = []
        for f in j.get("facets") or []:
            values = sorted((v["filter"], json.dumps({k: x for k, x in v.items() if k not in ("value", "filter")}, sort_keys=True))
                            for v in f["values"])
            out.append((f["field"], f.get("distinct"), f.get("unit"), values))
        return out

    compared = 0
    for q in QUERIES:
        base = answer(["--db", one], q)
        if corpus_name == "bundled":
            env.check(base["total"] > 0, f"{q!r} finds something on the bundled corpus")
        for name, dbs in (("three local shards", ["--db", sh]), ("three remote shards", ["--db", remote]),
                          ("three tcp:// shards", tcp_args)):
            same(base, answer(dbs, q), f"{name}: {q!r}")
        same(answer(["--db", one], q, "--no-collapse"), answer(["--db", remote], q, "--no-collapse"),
             f"remote --no-collapse: {q!r}")
        compared += 1
    for q in WILDCARDS:  # every match: the top 100 may differ with the scores
        same(answer(["--db", one], q, "--no-collapse", depth="100000"), answer(["--db", remote], q, "--no-collapse", depth="100000"),
             f"remote wildcard {q!r}", scores=False)
    # Facets and stories, over every article and over a query.
    # (A phrase and a date range: matched by the matcher, which on a remote shard runs no match
    # spy of ours.)
    phrase, dates = (('"interest rates"', "date:1987-03-01..1987-03-31 oil") if corpus_name == "reuters"
                     else ('"grocery tax"', "date:2024-10-01..2024-12-31"))
    for q, extra in (("", ["--facet", "speaker", "--facet", "source", "--facet", "month"]),
                     ("tax OR said", ["--facet", "person:0", "--stories"]),
                     (phrase, ["--facet", "source", "--facet", "speaker"]),
                     (dates, ["--facet", "day", "--stories"])):
        same(answer(["--db", one], q, *extra), answer(["--db", remote], q, *extra), f"facets {extra} of {q!r}")
    # Counts, sources, speakers, an article by id.
    for extra, q in ((["--count", "--json"], "said"), (["--sources", "--json"], None), (["--speakers", "--json"], None)):
        args = extra + ([q] if q else [])
        a = json.loads(env.run(env.search_bin, "--db", one, *args).stdout)
        b = json.loads(env.run(env.search_bin, "--db", remote, *args).stdout)
        a.pop("databases", None)
        b.pop("databases", None)
        env.check(a == b, f"remote {' '.join(args)}: not the same as one database's")
    some_id = sorted(all_ids)[len(all_ids) // 2]
    a = env.run(env.search_bin, "--db", one, "--get", "--json", some_id)
    b = env.run(env.search_bin, "--db", remote, "--get", "--json", some_id)
    env.equal(json.loads(b.stdout)["articles"], json.loads(a.stdout)["articles"], "remote --get")
    # Spelling suggestions come from local shards only, and the output says so.
    r = env.run(env.search_bin, "--db", remote, "qzxv")
    env.check("spelling suggestions" in r.stderr and "local shards only" in r.stderr, f"remote: no suggestion said: {r.stderr}")

    # The same through "remote :PROGRAM ARGS" lines (xapian-progsrv on stdin/stdout).
    progsrv = subprocess.run(["sh", "-c", "command -v xapian-progsrv"], capture_output=True, text=True).stdout.strip()
    if progsrv:
        prog = os.path.join(env.work, "prog.stub")
        with open(prog, "w") as f:
            for d in shard_dirs:
                f.write(f"remote :{progsrv} {d}\n")
        same(answer(["--db", one], QUERIES[0]), answer(["--db", prog], QUERIES[0]), f"xapian-progsrv shards: {QUERIES[0]!r}")

    # 3. A shard down: named, exit 3; or left out with --allow-partial, flagged.
    p2, port2 = servers[2]
    os.killpg(p2.pid, signal.SIGKILL)
    p2.wait()
    r = env.run(env.search_bin, "--db", remote, "said")
    env.check(r.returncode == 3 and f"127.0.0.1:{port2}" in r.stderr, f"a shard down: exit {r.returncode}: {r.stderr}")
    r = env.run(env.search_bin, "--db", remote, "--get", some_id)
    env.check(r.returncode == 3 and f"127.0.0.1:{port2}" in r.stderr, f"--get with a shard down: exit {r.returncode}: {r.stderr}")
    r = env.run(env.search_bin, "--db", remote, "--allow-partial", "--json", "--count", "said")
    env.check(r.returncode == 0, f"--allow-partial --count: exit {r.returncode}: {r.stderr}")
    j = json.loads(r.stdout) if r.stdout.strip() else {}
    left = env.run(env.search_bin, "--db", shard_dirs[0], "--db", shard_dirs[1], "--count", "said").stdout.strip()
    env.check(r.returncode in (0, 1) and j.get("partial") is True and f"127.0.0.1:{port2}" in " ".join(j.get("missing_shards", [])),
              f"--allow-partial with a shard down: exit {r.returncode}: {r.stdout[:300]} {r.stderr}")
    env.equal(str(j.get("count")), left, "--allow-partial: the count of the shards that answered")
    r = env.run(env.search_bin, "--db", remote, "--allow-partial", "said")
    env.check(r.stdout.startswith("PARTIAL ANSWER: 2 of 3 shards answered"), f"partial in text: {r.stdout[:200]}")
    # A shard too slow (stopped): the timeout, then the same.
    p1, port1 = servers[1]
    os.killpg(p1.pid, signal.SIGSTOP)
    t0 = time.monotonic()
    r = env.run(env.search_bin, "--db", remote, "--timeout", "1", "said")
    took = time.monotonic() - t0
    env.check(r.returncode == 3 and f"127.0.0.1:{port1}" in r.stderr and "Timeout" in r.stderr,
              f"a shard too slow: exit {r.returncode}: {r.stderr}")
    env.check(took < 8, f"--timeout 1 took {took:.1f} s")
    r = env.run(env.search_bin, "--db", remote, "--timeout", "1", "--allow-partial", "--json", "said")
    j = json.loads(r.stdout) if r.stdout.strip() else {}
    env.equal(len(j.get("missing_shards", [])), 2, "two shards left out (one down, one stopped)")
    os.killpg(p1.pid, signal.SIGCONT)
    r = env.run(env.search_bin, "--db", remote, "--timeout", "abc", "said")
    env.check(r.returncode == 2 and "--timeout" in r.stderr, f"--timeout abc: {r.returncode} {r.stderr}")
    r = env.run(env.search_bin, "--db", "tcp://127.0.0.1:0", "said")
    env.check(r.returncode == 3 and "tcp://127.0.0.1:0" in r.stderr, f"tcp:// without a port: {r.returncode} {r.stderr}")
    bad = os.path.join(env.work, "bad.stub")
    with open(bad, "w") as f:
        f.write("auto one\nremote nowhere\n")
    r = env.run(env.search_bin, "--db", bad, "said")
    env.check(r.returncode == 3 and "bad.stub:2" in r.stderr, f"a bad stub line: {r.returncode} {r.stderr}")

    # news-serve on the shards: a shard going down between requests is left out (flagged),
    # and searched again once it is back.
    serve_bin = os.environ.get("NEWS_SERVE")
    if serve_bin and corpus_name == "bundled":
        ports[2] = start(2)  # (shard 2 back, on a new port)
        with open(remote, "w") as f:
            for port in ports:
                f.write(f"remote 127.0.0.1:{port}\n")
        srv = subprocess.Popen([serve_bin, "--db", remote, "--port", "0", "--allow-partial", "--timeout", "2"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
        try:
            line = srv.stdout.readline()
            url = line.split()[1].rstrip("/") if line.startswith("news-serve: http") else None
            env.check(url is not None, f"news-serve started: {line!r}")
            if url:
                import urllib.request

                def api(q):
                    with urllib.request.urlopen(f"{url}/api/v1/search?q={q}&n=0") as resp:
                        return json.loads(resp.read())
                full = api("said")
                env.check(not full.get("partial"), "news-serve: all shards answer")
                p0, _ = servers[0]
                os.killpg(p0.pid, signal.SIGKILL)
                p0.wait()
                part = api("said")
                env.check(part.get("partial") is True and part["total"] < full["total"],
                          f"news-serve: a shard down is flagged: {part.get('partial')} {part.get('total')} of {full['total']}")
                ports[0] = start(0)
                with open(remote, "w") as f:  # (stub read again by each new Searcher)
                    for port in ports:
                        f.write(f"remote 127.0.0.1:{port}\n")
                back = api("said")
                env.equal((back.get("partial"), back["total"]), (None, full["total"]), "news-serve: the shard back")
        finally:
            srv.send_signal(signal.SIGTERM)
            srv.wait(timeout=10)
finally:
    stop_all()

print(f"{compared} queries compared")
env.finish()
