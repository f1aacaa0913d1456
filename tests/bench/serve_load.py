#!/usr/bin/env python3
"""news-serve under load (issue 14, item 5): a benchmark, not a test.

usage: tests/bench/serve_load.py [--build build] [--shared ../shared] [--work DIR] [--requests 5000]
                                 [--clients 8] [--threads 8] [--queries FILE] [--seed 1]

1. Indexes Reuters-21578 (../shared/corpora/reuters21578, unpacked into the scratch folder)
   with news-index, and starts news-serve on it on a free loopback port (--threads).
2. Runs --requests mixed requests from --clients threads, each on its own keep-alive
   connection (http.client): 50% searches (one word, two words, a phrase, an OR, some with a
   date range or sorted by date, pages of 10 or 50), 10% facets, 15% articles (ids of the
   corpus, percent-encoded), 15% speakers (the 60 speakers with most articles, with and
   without q), 10% CSV exports of 100 rows. Query words are drawn from the Reuters titles
   (or one query a line from --queries). Every answer must be a 200 with a body that parses.
3. Does it twice: plainly, then while news-index adds articles to the same database (runs of
   300 Reuters records copied under new ids, one after the other, until the load is done, so
   that the server reopens the database many times while it answers).
Reports errors, throughput, latency percentiles (p50, p99, overall and per kind), and the RSS
of news-serve after 500 and after all requests of the plain run (and at the end of the second).
The programs are copied into the scratch folder first (bench_common.snapshot_binaries)."""
import argparse
import atexit
import http.client
import json
import os
import random
import re
import select
import shutil
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
import urllib.parse

import bench_common as bc

STOP = {"the", "a", "an", "of", "to", "in", "and", "for", "on", "at", "by", "with", "from", "as", "is", "it", "be", "its",
        "said", "says", "say", "says", "up", "down", "not", "no", "new", "u.s.", "pct", "mln", "dlrs", "vs", "cts", "shr",
        "net", "qtr", "<", ">", "&", "-", "inc", "corp", "co", "ltd", "year", "1st", "2nd", "3rd", "4th"}


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def start_server(serve, db, threads, work):
    err = open(os.path.join(work, "serve.err"), "w")
    p = subprocess.Popen([serve, "--db", db, "--port", "0", "--threads", str(threads)], stdout=subprocess.PIPE,
                         stderr=err, text=True)
    m, line = None, ""
    for _ in range(5):  # (a wrapper such as heaptrack may print a line first)
        ready, _, _ = select.select([p.stdout], [], [], 60)
        line = p.stdout.readline() if ready else ""
        m = re.search(r"http://([\d.]+):(\d+)/", line)
        if m or not line:
            break
    if not m:
        p.kill()
        sys.exit(f"news-serve did not start: {line!r}")
    return p, m.group(1), int(m.group(2))


class Mix:
    """The requests: (kind, path), drawn with a seeded random generator."""

    def __init__(self, words, queries, ids, speakers, seed):
        self.words, self.queries, self.ids, self.speakers = words, queries, ids, speakers
        self.rnd = random.Random(seed)

    def query(self):
        r = self.rnd
        if self.queries:
            return r.choice(self.queries)
        w = self.words
        shape = r.random()
        if shape < 0.4:
            return r.choice(w)
        if shape < 0.65:
            return f"{r.choice(w)} {r.choice(w)}"
        if shape < 0.8:
            return f'"{r.choice(self.phrases)}"'
        return f"{r.choice(w)} OR {r.choice(w)}"

    def request(self):
        r = self.rnd
        x = r.random()
        q = urllib.parse.quote
        if x < 0.5:
            params = {"q": self.query(), "n": r.choice(["10", "10", "50"])}
            if r.random() < 0.2:
                month = r.choice(["02", "03", "04", "10"])
                params.update({"from": f"1987-{month}-01", "to": f"1987-{month}-28"})
            if r.random() < 0.2:
                params["sort"] = "-date"
            if r.random() < 0.2:
                params["offset"] = "10"
            return "search", "/api/v1/search?" + urllib.parse.urlencode(params, quote_via=q)
        if x < 0.6:
            params = [("q", self.query()), ("facet", "source"), ("facet", "month:12"), ("split", "source:3")]
            return "facets", "/api/v1/facets?" + urllib.parse.urlencode(params, quote_via=q)
        if x < 0.75:
            return "article", "/api/v1/article/" + q(r.choice(self.ids), safe="")
        if x < 0.9:
            path = "/api/v1/speaker/" + q(r.choice(self.speakers), safe="")
            if r.random() < 0.3:
                path += "?" + urllib.parse.urlencode({"q": r.choice(self.words)}, quote_via=q)
            return "speaker", path
        return "csv", "/api/v1/search.csv?" + urllib.parse.urlencode({"q": self.query(), "n": "100"}, quote_via=q)


def load(host, port, mix, requests, clients, pid, rss_at=()):
    """Runs the requests; returns (wall seconds, [(kind, ms)], errors, {count: rss_kb})."""
    todo = [mix.request() for _ in range(requests)]
    lock = threading.Lock()
    state = {"next": 0, "done": 0}
    lat, errors, rss = [], [], {}

    def worker():
        c = http.client.HTTPConnection(host, port, timeout=60)
        while True:
            with lock:
                i = state["next"]
                if i >= len(todo):
                    break
                state["next"] += 1
            kind, path = todo[i]
            t0 = time.perf_counter()
            try:
                c.request("GET", path)
                resp = c.getresponse()
                body = resp.read()
                ms = (time.perf_counter() - t0) * 1000
                if resp.status != 200:
                    errors.append(f"{resp.status} {path}: {body[:200]!r}")
                elif kind != "csv":
                    json.loads(body)
                elif not body.startswith(b"rank,id,"):
                    errors.append(f"bad CSV {path}")
            except (OSError, http.client.HTTPException, ValueError) as e:
                ms = (time.perf_counter() - t0) * 1000
                errors.append(f"{e!r} {path}")
                c.close()
                c = http.client.HTTPConnection(host, port, timeout=60)
            with lock:
                lat.append((kind, ms))
                state["done"] += 1
                if state["done"] in rss_at:
                    rss[state["done"]] = rss_kb(pid)
        c.close()

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    rss[requests] = rss_kb(pid)
    return wall, lat, errors, rss


def report(title, wall, lat, errors, extra=""):
    all_ms = [ms for _, ms in lat]
    print(f"\n### {title}\n")
    print(f"{len(lat)} requests, {len(errors)} errors, {wall:.1f} s: {len(lat) / wall:,.0f} requests/s; "
          f"latency p50 {bc.percentile(all_ms, 50):.1f} ms, p99 {bc.percentile(all_ms, 99):.1f} ms{extra}\n")
    print("| kind | requests | p50 ms | p99 ms |")
    print("|---|---:|---:|---:|")
    for kind in ["search", "facets", "article", "speaker", "csv"]:
        ms = [m for k, m in lat if k == kind]
        if ms:
            print(f"| {kind} | {len(ms)} | {bc.percentile(ms, 50):.1f} | {bc.percentile(ms, 99):.1f} |")
    for e in errors[:10]:
        print(f"    error: {e}")


def main():
    root = bc.ROOT
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--build", default=os.path.join(root, "build"))
    p.add_argument("--shared", default=bc.SHARED)
    p.add_argument("--work", help="scratch folder (default: a temporary one, removed at the end)")
    p.add_argument("--requests", type=int, default=5000)
    p.add_argument("--clients", type=int, default=8)
    p.add_argument("--threads", type=int, default=8)
    p.add_argument("--queries", help="a file of queries, one a line (default: words of the Reuters titles)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--plain-only", action="store_true", help="skip the run while news-index adds articles")
    a = p.parse_args()

    tar_path = os.path.join(a.shared, "corpora", "reuters21578", "reuters21578.tar.xz")
    if not os.path.exists(tar_path):
        sys.exit(f"{tar_path}: absent (the shared data is not beside the repository)")
    work = a.work or tempfile.mkdtemp(prefix="serve-load-")
    os.makedirs(work, exist_ok=True)
    try:
        index, search, serve = bc.snapshot_binaries(
            [os.path.join(a.build, "indexer", "news-index"), os.path.join(a.build, "searcher", "news-search"),
             os.path.join(a.build, "server", "news-serve")], work)[0]
        src = os.path.join(work, "reuters")
        if not os.path.isdir(src):
            with tarfile.open(tar_path) as tar:
                tar.extractall(src)
        db = os.path.join(work, "reuters.db")
        shutil.rmtree(db, ignore_errors=True)
        shutil.rmtree(os.path.join(work, "feeds"), ignore_errors=True)
        t0 = time.perf_counter()
        r = subprocess.run([index, "--progress", "never", "--db", db, src], capture_output=True, text=True)
        if r.returncode not in (0, 1):
            sys.exit(f"news-index failed: {r.stderr[-500:]}")
        print(f"indexed Reuters-21578 in {time.perf_counter() - t0:.0f} s: {r.stderr.strip().splitlines()[-1]}")

        # What to ask: title words, phrases of two title words, ids, the speakers with most articles.
        records = list(bc.reuters_records(tar_path))
        counts = {}
        phrases = set()
        for rec in records:
            toks = [t.strip(".,;:()'\"").lower() for t in rec["title"].split()]
            for t in toks:
                if t.isalpha() and len(t) > 2 and t not in STOP:
                    counts[t] = counts.get(t, 0) + 1
            for x, y in zip(toks, toks[1:]):
                if x.isalpha() and y.isalpha() and x not in STOP and y not in STOP:
                    phrases.add(f"{x} {y}")
        words = [w for w, _ in sorted(counts.items(), key=lambda kv: -kv[1])[:400]]
        queries = None
        if a.queries:
            with open(a.queries, encoding="utf-8") as f:
                queries = [line.strip() for line in f if line.strip()]
        r = subprocess.run([search, "--db", db, "--jsonl", "-n", "100000", "--", "said OR reuter OR the"], capture_output=True, text=True)
        ids = [json.loads(l)["id"] for l in r.stdout.splitlines() if l.strip()]
        rnd = random.Random(a.seed)
        ids = rnd.sample(ids, min(2000, len(ids)))
        r = subprocess.run([search, "--db", db, "--json", "--speakers"], capture_output=True, text=True)
        speakers = [s["name"] for s in json.loads(r.stdout)["speakers"] if s["kind"] == "person"][:60]
        print(f"query words {len(words)}, phrases {len(phrases)}, article ids {len(ids)}, speakers {len(speakers)}")

        proc, host, port = start_server(serve, db, a.threads, work)
        atexit.register(lambda: proc.poll() is None and proc.kill())  # (however the script ends)
        mix = Mix(words, queries, ids, speakers, a.seed)
        mix.phrases = sorted(phrases)
        print(bc.machine_line())
        print(f"news-serve --threads {a.threads}; {a.clients} clients, one keep-alive connection each; "
              f"{a.requests} requests per run; RSS at start {rss_kb(proc.pid) / 1024:.0f} MB")

        marks = tuple(n for n in (500, 1000, 2000, 5000, 10000, 20000, 50000) if n < a.requests)
        wall, lat, errors, rss = load(host, port, mix, a.requests, a.clients, proc.pid, rss_at=marks)
        ratio = rss[a.requests] / rss[500] if rss.get(500) else float("nan")
        series = ", ".join(f"{n}: {kb / 1024:.1f}" for n, kb in sorted(rss.items()))
        report("plain", wall, lat, errors,
               f"; RSS after 500 requests {rss.get(500, 0) / 1024:.1f} MB, after {a.requests} {rss[a.requests] / 1024:.1f} MB "
               f"(ratio {ratio:.3f}; MB after N requests: {series})")

        if a.plain_only:
            proc.terminate()
            proc.wait(timeout=30)
            return
        # The same while news-index adds articles: runs of 300 copied records, one after the other.
        feeds = os.path.join(work, "feeds")
        shutil.rmtree(feeds, ignore_errors=True)
        os.makedirs(feeds)
        stop = threading.Event()
        runs = {"runs": 0, "articles": 0, "failed": 0}

        def indexer():
            k = 0
            while not stop.is_set():
                path = os.path.join(feeds, f"copy-{k:03d}.jsonl")
                with open(path, "w", encoding="utf-8") as f:
                    for rec in records[k * 300:(k + 1) * 300]:
                        f.write(json.dumps({"id": f"copy-{rec['id']}", "title": rec["title"], "text": rec["text"],
                                            "date": rec["date"], "source": "Reuters copy"}) + "\n")
                rr = subprocess.run([index, "--progress", "never", "--db", db, path], capture_output=True, text=True)
                runs["runs"] += 1
                if rr.returncode == 0:
                    runs["articles"] += 300
                else:
                    runs["failed"] += 1
                k = (k + 1) % (len(records) // 300)

        def count(query):
            return subprocess.run([search, "--db", db, "--count", query], capture_output=True, text=True).stdout.strip()

        before = count("said")
        ti = threading.Thread(target=indexer)
        ti.start()
        time.sleep(1)  # (the first run under way)
        mix2 = Mix(words, queries, ids, speakers, a.seed + 1)
        mix2.phrases = sorted(phrases)
        wall, lat, errors, rss2 = load(host, port, mix2, a.requests, a.clients, proc.pid)
        stop.set()
        ti.join()
        after = count("said")
        report("while news-index adds articles", wall, lat, errors,
               f"; news-index runs during the load: {runs['runs']} ({runs['articles']} articles, {runs['failed']} failed); "
               f"`said` matched {before} articles before, {after} after; RSS at the end {rss2[a.requests] / 1024:.1f} MB")
        proc.terminate()
        proc.wait(timeout=30)
        with open(os.path.join(work, "serve.err")) as f:
            err = f.read().strip()
        if err:
            print(f"\nnews-serve stderr:\n{err[-2000:]}")
    finally:
        if not a.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
