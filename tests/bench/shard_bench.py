#!/usr/bin/env python3
"""Shards, local and remote: one database against three shards on disk and the same three shards
served by xapian-tcpsrv, side by side on the Reuters query set.

usage: tests/bench/shard_bench.py [--build DIR] [--index BIN] [--search BIN] [--shared DIR]
                                  [--work DIR] [--shards 3] [--rounds 10] [--repeats 5]
                                  [--no-json] [--reuse]

Reuters-21578 (../shared/corpora/reuters21578) is converted once into JSON Lines by
compare_engines.py's prepare_corpus() and indexed twice into --work: `news-index --db W/one`
and `news-index --db W/sh --shards 3`. Three stock `xapian-tcpsrv` processes (one per shard,
127.0.0.1, free ports) serve W/sh's shards, and the stub file W/remote.stub
(`remote 127.0.0.1:PORT` lines) opens them as one. The configurations:

  one local     news-search --db W/one
  3 local       news-search --db W/sh          (the sharded folder: its XAPIANDB stub)
  3 remote      news-search --db W/remote.stub

Latency: compare_engines.py's query set for Reuters (30 queries and its 4 speaker queries),
timed as compare_engines.py times news-search (its news_batch(): one untimed process over the
set, then one `--batch --stats` process over --rounds copies of it; `-n 10`), with `--trec` (ids
only) and `--json` (top 10 with snippets). Each of --repeats repeats runs every configuration
once per output, in a rotated order; the table gives the medians of the p50s and p99s and their
ratios to one local database.

Results: one pass of the set per configuration with `--trec`; a query is the same when the three
top-10 lists have the same ids in the same order and scores within 1e-6 as printed.

Network: the shards' traffic for one pass of the set (and for one query alone), through a small
counting TCP proxy in front of each server (Python threads; never used for the latency figures):
connections, messages each way (Xapian's remote protocol framing: type byte, length, data) and
payload bytes each way. (/proc/PID/io cannot count it: the servers use send()/recv(), which
rchar/wchar leave out, and xapian-tcpsrv's children are reaped without accounting.)

Needs xapian-tcpsrv (apt-get install -y xapian-tools); without it the remote rows are skipped.
Not a test: figures vary with the machine and its load.
"""
import argparse
import collections
import os
import select
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time

sys.dont_write_bytecode = True  # no __pycache__ inside the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_common as bc  # noqa: E402
import compare_engines as ce  # noqa: E402

CONFIGS = [("one", "one local database"), ("onex", "one local database, Xapian's BM25Weight"), ("local", "{n} local shards"),
           ("remote", "{n} remote shards (xapian-tcpsrv)")]
OUTPUTS = [("trec", ["--trec", "bench", "-n", "10"]), ("json", ["--json", "-n", "10"])]
ONE_QUERY = "oil prices"
# Xapian 1.4's remote protocol, client to server (common/remoteprotocol.h, enum message_type).
MSG_NAMES = ["ALLTERMS", "COLLFREQ", "DOCUMENT", "TERMEXISTS", "TERMFREQ", "VALUESTATS", "KEEPALIVE", "DOCLENGTH",
             "QUERY", "TERMLIST", "POSITIONLIST", "POSTLIST", "REOPEN", "UPDATE", "ADDDOCUMENT", "CANCEL",
             "DELETEDOCUMENTTERM", "COMMIT", "REPLACEDOCUMENT", "REPLACEDOCUMENTTERM", "DELETEDOCUMENT", "WRITEACCESS",
             "GETMETADATA", "SETMETADATA", "ADDSPELLING", "REMOVESPELLING", "GETMSET", "SHUTDOWN", "METADATAKEYLIST",
             "FREQS", "UNIQUETERMS", "POSITIONLISTCOUNT", "READACCESS"]


# ------------------------------------------------------------------ servers

def free_port():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class TcpServer:
    """One xapian-tcpsrv on 127.0.0.1 in its own session (its forked children in its process
    group); its stdout is drained by a thread, which counts the "Connection from" lines."""

    def __init__(self, tcpsrv, shard, timeout=20.0):
        self.port = free_port()
        self.connections = 0
        self.proc = subprocess.Popen([tcpsrv, "--interface", "127.0.0.1", "--port", str(self.port), shard],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        fd, buf, deadline = self.proc.stdout.fileno(), b"", time.monotonic() + timeout
        while b"Listening..." not in buf:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise RuntimeError(f"xapian-tcpsrv {shard}: no 'Listening...' after {timeout:.0f} s: {buf[-300:]!r}")
            chunk = os.read(fd, 4096)
            if not chunk:
                raise RuntimeError(f"xapian-tcpsrv {shard} exited ({self.proc.wait()}): {buf[-300:]!r}")
            buf += chunk
        self.tail = buf.split(b"Listening...", 1)[1]
        threading.Thread(target=self._drain, args=(fd,), daemon=True).start()

    def _drain(self, fd):
        while True:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                return
            if not chunk:
                return
            self.tail = (self.tail + chunk)[-4096:]
            self.connections += chunk.count(b"Connection from")

    def stop(self):
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)  # its own group: the server and its children
            except ProcessLookupError:
                pass
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()


class MessageCounter:
    """Counts the messages of one direction of a Xapian remote-protocol stream (1.4: one type
    byte, the length as encode_length() writes it: < 255 in one byte, else 0xff and 7-bit groups,
    the last with its high bit set, holding length - 255; then that many bytes)."""

    def __init__(self):
        self.messages, self.state, self.need, self.len, self.shift = 0, "type", 0, 0, 0
        self.types = collections.Counter()

    def feed(self, data):
        i, n = 0, len(data)
        while i < n:
            if self.state == "type":
                self.messages += 1
                self.types[data[i]] += 1
                self.state = "len"
                i += 1
            elif self.state == "len":
                b = data[i]
                i += 1
                if b < 255:
                    self.need, self.state = b, "body"
                else:
                    self.len, self.shift, self.state = 0, 0, "len7"
            elif self.state == "len7":
                b = data[i]
                i += 1
                self.len |= (b & 0x7f) << self.shift
                self.shift += 7
                if b & 0x80:
                    self.need, self.state = self.len + 255, "body"
            if self.state == "body":
                take = min(self.need, n - i)
                self.need -= take
                i += take
                if self.need == 0:
                    self.state = "type"


class CountingProxy:
    """127.0.0.1:port forwarding to one server: counts connections, bytes and messages each way."""

    def __init__(self, target_port):
        self.target = ("127.0.0.1", target_port)
        self.lock = threading.Lock()
        self.reset()
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.pumps = []
        threading.Thread(target=self._accept, daemon=True).start()

    def reset(self):
        with self.lock:
            self.connections, self.up, self.down = 0, 0, 0  # up: client to server
            self.up_msgs, self.down_msgs = [], []

    def _accept(self):
        while True:
            try:
                client, _ = self.sock.accept()
            except OSError:
                return
            server = socket.create_connection(self.target)
            for s in (client, server):
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            up, down = MessageCounter(), MessageCounter()
            with self.lock:
                self.connections += 1
                self.up_msgs.append(up)
                self.down_msgs.append(down)
            for src, dst, counter, attr in ((client, server, up, "up"), (server, client, down, "down")):
                t = threading.Thread(target=self._pump, args=(src, dst, counter, attr), daemon=True)
                t.start()
                self.pumps.append(t)

    def _pump(self, src, dst, counter, attr):
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                with self.lock:
                    setattr(self, attr, getattr(self, attr) + len(data))
                    counter.feed(data)
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (dst, src):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def settle(self, timeout=5.0):
        """Waits until every forwarded connection has closed (the client has exited)."""
        deadline = time.monotonic() + timeout
        for t in self.pumps:
            t.join(max(0.0, deadline - time.monotonic()))
        self.pumps = [t for t in self.pumps if t.is_alive()]

    def figures(self):
        with self.lock:
            return {"connections": self.connections, "up": self.up, "down": self.down,
                    "up_msgs": sum(c.messages for c in self.up_msgs),
                    "down_msgs": sum(c.messages for c in self.down_msgs),
                    "up_types": sum((c.types for c in self.up_msgs), collections.Counter())}

    def close(self):
        self.sock.close()


def cold_ms(search, db, fmt_args):
    """Wall milliseconds of one whole news-search process answering ONE_QUERY."""
    t0 = time.perf_counter()
    r = subprocess.run([search, "--db", db, *fmt_args, ONE_QUERY], stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    ms = (time.perf_counter() - t0) * 1e3
    if r.returncode != 0:
        raise RuntimeError(f"news-search --db {db} {ONE_QUERY!r}: exit {r.returncode}: {r.stderr[-500:]}")
    return ms


def write_stub(path, ports):
    with open(path, "w") as f:
        for p in ports:
            f.write(f"remote 127.0.0.1:{p}\n")


# ------------------------------------------------------------------ results

def trec_run(search, db, queries, scratch, tag):
    """{qid: [(docno, score as printed)]} of one --trec pass over the set."""
    qfile = os.path.join(scratch, f"check-{tag}.tsv")
    with open(qfile, "w") as f:
        for i, q in enumerate(queries, 1):
            f.write(f"q{i}\t{ce.to_news(q)}\n")
    r = subprocess.run([search, "--db", db, "--batch", qfile, "--trec", "bench", "-n", "10"],
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"news-search --db {db}: exit {r.returncode}: {r.stderr[-500:]}")
    out = {}
    for line in r.stdout.splitlines():
        f = line.split()
        if len(f) == 6:
            out.setdefault(f[0], []).append((f[2], f[4]))
    return out


def same_list(a, b):
    return len(a) == len(b) and all(x[0] == y[0] and abs(float(x[1]) - float(y[1])) <= 1.0001e-6
                                    for x, y in zip(a, b))


def how_differs(a, b):
    """A short description of how list b differs from list a."""
    if len(a) != len(b):
        return f"{len(b)} hits instead of {len(a)}"
    sa = sorted((d, round(float(s), 5)) for d, s in a)
    sb = sorted((d, round(float(s), 5)) for d, s in b)
    first = next(i for i, (x, y) in enumerate(zip(a, b)) if not same_list([x], [y]))
    if sa == sb:
        return f"same ids and scores, another order from rank {first + 1} (equal scores)"
    ids_a, ids_b = {d for d, _ in a}, {d for d, _ in b}
    low = min(float(s) for _, s in a) if a else 0.0
    if ids_a != ids_b and all(abs(float(s) - low) <= 1e-6 for d, s in b if d not in ids_a):
        return (f"from rank {first + 1}: other ids among those tied at the cutoff score {low:.6f} "
                f"({len(ids_b - ids_a)} of 10)")
    x, y = a[first], b[first]
    return f"rank {first + 1}: {y[0]} {y[1]} instead of {x[0]} {x[1]}"


# ------------------------------------------------------------------ main

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--build", default=os.path.join(bc.ROOT, "build"))
    p.add_argument("--index", help="news-index to use (default: BUILD/indexer/news-index)")
    p.add_argument("--search", help="news-search to use (default: BUILD/searcher/news-search)")
    p.add_argument("--shared", default=bc.SHARED)
    p.add_argument("--work", default="/tmp/news-shard-bench")
    p.add_argument("--shards", type=int, default=3)
    p.add_argument("--rounds", type=int, default=10, help="copies of the query set in each timed process")
    p.add_argument("--repeats", type=int, default=5, help="alternated runs of every configuration")
    p.add_argument("--no-json", action="store_true", help="time --trec only")
    p.add_argument("--reuse", action="store_true", help="keep the databases of an earlier run in --work")
    a = p.parse_args()
    start = time.perf_counter()

    archive = os.path.join(a.shared, "corpora", "reuters21578", "reuters21578.tar.xz")
    if not os.path.exists(archive):
        print(f"shard_bench: skipped: {archive} is absent (the shared data is not beside the repository; --shared)")
        return
    index = a.index or os.path.join(a.build, "indexer", "news-index")
    search = a.search or os.path.join(a.build, "searcher", "news-search")
    for tool in (index, search):
        if not os.access(tool, os.X_OK):
            sys.exit(f"{tool}: not built (cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build)")
    work = os.path.abspath(a.work)
    if os.path.commonpath([work, bc.ROOT]) == bc.ROOT:
        sys.exit(f"{work}: the work folder must be outside the repository")
    os.makedirs(work, exist_ok=True)
    (index, search), bin_line = bc.snapshot_binaries([index, search], work)
    tcpsrv = shutil.which("xapian-tcpsrv")
    n = a.shards
    labels = {k: v.format(n=n) for k, v in CONFIGS}
    outputs = OUTPUTS[:1] if a.no_json else OUTPUTS

    def log(msg):
        print(f"shard_bench: {msg}", file=sys.stderr, flush=True)

    # The corpus and the two databases.
    jsonl, _, articles, text_mb = ce.prepare_corpus(
        argparse.Namespace(corpus="reuters", limit=0, shared=a.shared), work)
    dbs = {"one": os.path.join(work, "one"), "local": os.path.join(work, "sh")}
    # The ranking remote shards use (Xapian's BM25Weight, no Bm25Source), on the one local
    # database: news-search with NEWS_XAPIAN_BM25=1, through a wrapper script.
    dbs["onex"] = dbs["one"]
    wrapper = os.path.join(work, "news-search-xapian-bm25")
    with open(wrapper, "w") as f:
        f.write(f"#!/bin/sh\nNEWS_XAPIAN_BM25=1 exec {shlex.quote(search)} \"$@\"\n")
    os.chmod(wrapper, 0o755)
    search_of = {"one": search, "onex": wrapper, "local": search, "remote": search}
    index_s = {}
    for key, extra in (("one", []), ("local", ["--shards", str(n)])):
        db = dbs[key]
        if a.reuse and os.path.exists(db):
            continue
        shutil.rmtree(db, ignore_errors=True)
        t0 = time.perf_counter()
        r = subprocess.run([index, "--progress", "never", "--db", db, *extra, jsonl], capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit(f"news-index --db {db} {' '.join(extra)}: exit {r.returncode}: {r.stderr[-800:]}")
        index_s[key] = time.perf_counter() - t0
        log(f"indexed {db} in {index_s[key]:.1f} s")
    shards = sorted(os.path.join(dbs["local"], d) for d in os.listdir(dbs["local"])
                    if d.startswith("shard-") and os.path.isdir(os.path.join(dbs["local"], d)))
    if len(shards) != n:
        sys.exit(f"{dbs['local']}: {len(shards)} shard folders, not {n} (--reuse with another --shards?)")

    queries, speaker_queries = ce.QUERY_SETS["reuters"]()
    qset = queries + speaker_queries
    servers, proxies = [], []
    configs = ["one", "onex", "local"]
    timings = {}  # (config, output) -> [(p50, p99)]
    cold = {}  # (config, output) -> [ms]
    net = {}  # output -> {"one": totals, "set": totals}
    try:
        if tcpsrv:
            for shard in shards:
                servers.append(TcpServer(tcpsrv, shard))
            dbs["remote"] = os.path.join(work, "remote.stub")
            write_stub(dbs["remote"], [s.port for s in servers])
            configs.append("remote")
            log("servers on ports " + ", ".join(str(s.port) for s in servers))
        else:
            log("xapian-tcpsrv not found (apt-get install -y xapian-tools): remote shards skipped")

        # The same results?
        runs = {c: trec_run(search_of[c], dbs[c], qset, work, c) for c in configs}
        differ = []
        for i, q in enumerate(qset, 1):
            qid, ref = f"q{i}", runs["one"].get(f"q{i}", [])
            notes = [f"{labels[c]}: {how_differs(ref, runs[c].get(qid, []))}"
                     for c in configs[1:] if not same_list(ref, runs[c].get(qid, []))]
            if notes:
                differ.append((ce.to_news(q), notes))

        # Latency, interleaved: every repeat runs each configuration once per output, rotated.
        conns_before = sum(s.connections for s in servers)
        for rep in range(a.repeats):
            order = configs[rep % len(configs):] + configs[:rep % len(configs)]
            for out, fmt_args in outputs:
                for c in order:
                    p50, _, p99 = ce.news_batch({"news_search": search_of[c]}, dbs[c], qset, work, a.rounds, fmt_args, f"{c}-{out}")
                    timings.setdefault((c, out), []).append((p50, p99))
                for c in order:
                    cold.setdefault((c, out), []).append(cold_ms(search_of[c], dbs[c], fmt_args))
            log(f"repeat {rep + 1}/{a.repeats}: " + ", ".join(
                f"{c} {out} p50 {timings[(c, out)][-1][0]:,.0f}" for out, _ in outputs for c in configs))
        timed_processes = 3 * a.repeats * len(outputs)  # warm-up, timed, one query: per repeat and output
        conns_timed = sum(s.connections for s in servers) - conns_before

        # The network: through counting proxies, one pass of the set, then one query alone.
        if servers:
            proxies = [CountingProxy(s.port) for s in servers]
            stub = os.path.join(work, "remote-proxy.stub")
            write_stub(stub, [px.port for px in proxies])
            one_file = os.path.join(work, "net-one.tsv")
            with open(one_file, "w") as f:
                f.write(f"q1\t{ONE_QUERY}\n")
            set_file = os.path.join(work, "net-set.tsv")
            with open(set_file, "w") as f:
                for i, q in enumerate(qset, 1):
                    f.write(f"q{i}\t{ce.to_news(q)}\n")
            for out, fmt_args in outputs:
                for what, qfile in (("one", one_file), ("set", set_file)):
                    for px in proxies:
                        px.reset()
                    r = subprocess.run([search, "--db", stub, "--batch", qfile, *fmt_args],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                    if r.returncode != 0:
                        raise RuntimeError(f"news-search through the proxies: {r.stderr[-500:]}")
                    figs = []
                    for px in proxies:
                        px.settle()
                        figs.append(px.figures())
                    net.setdefault(out, {})[what] = {k: sum((f[k] for f in figs), type(figs[0][k])())
                                                     for k in figs[0]}
    finally:
        for px in proxies:
            px.close()
        for s in servers:
            s.stop()

    # ------------------------------------------------------------------ report
    print(f"Reuters-21578: {articles:,} articles ({text_mb:.1f} MB of title+text); "
          f"{len(queries)} queries + {len(speaker_queries)} speaker queries of compare_engines.py, "
          f"`--batch --stats -n 10` over {a.rounds} copies after one untimed process; "
          f"{a.repeats} repeats, configurations alternated, medians\n")
    sizes = "; ".join(f"{labels[c]} {bc.disk_mb(dbs[c]):.1f} MB" for c in ("one", "local"))
    line = f"Databases: {sizes}"
    if index_s:
        line += "; news-index " + ", ".join(f"{labels[c]} {s:.1f} s" for c, s in index_s.items())
    print(line + "\n")
    print("| configuration | output | p50 µs | p99 µs | p50 / one local | p99 / one local | p50 min-max over repeats "
          f"| `{ONE_QUERY}`, whole process ms | / one local |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for out, _ in outputs:
        base = timings[("one", out)]
        b50, b99 = statistics.median(x[0] for x in base), statistics.median(x[1] for x in base)
        bcold = statistics.median(cold[("one", out)])
        for c in configs:
            t = timings[(c, out)]
            m50, m99 = statistics.median(x[0] for x in t), statistics.median(x[1] for x in t)
            lo, hi = min(x[0] for x in t), max(x[0] for x in t)
            mc = statistics.median(cold[(c, out)])
            print(f"| {labels[c]} | --{out} | {m50:,.0f} | {m99:,.0f} | {m50 / b50:.2f} | {m99 / b99:.2f} | "
                  f"{lo:,.0f}-{hi:,.0f} | {mc:,.1f} | {mc / bcold:.2f} |")
    print()
    print(f"same results: {len(qset) - len(differ)}/{len(qset)} queries "
          f"(top-10 ids in order, scores within 1e-6 as --trec prints them; {', '.join(labels[c] for c in configs)})")
    for q, notes in differ:
        print(f"- `{q}`: " + "; ".join(notes))
    if servers:
        print(f"\nConnections opened on the servers during the timed runs: {conns_timed} "
              f"({conns_timed / timed_processes:.1f} per news-search process, {n} shards)")
        print("\nOn the network (TCP payload, headers left out; through a counting proxy, the sum over the "
              f"{n} shards):\n")
        print("| output | what | connections | requests | replies | bytes to the shards | bytes from the shards |")
        print("|---|---|---:|---:|---:|---:|---:|")
        keys = ("connections", "up_msgs", "down_msgs", "up", "down")
        for out, t in net.items():
            rows = [(f"`{ONE_QUERY}` alone: one whole process (connect, open, the query)", t["one"], 1),
                    (f"each further query: the set ({len(qset)} queries) in one --batch process, less the row "
                     f"above, / {len(qset) - 1}", {k: t["set"][k] - t["one"][k] for k in keys}, len(qset) - 1)]
            for what, v, d in rows:
                cells = [f"{v[k] / d:,.1f}" if k in ("connections", "up_msgs", "down_msgs") and d > 1 else
                         f"{v[k] / d:,.0f}" for k in keys]
                print(f"| --{out} | {what} | " + " | ".join(cells) + " |")
        for out, t in net.items():
            kinds = ", ".join(f"{MSG_NAMES[k] if k < len(MSG_NAMES) else f'type {k}'} {v:,}"
                              for k, v in t["one"]["up_types"].most_common())
            print(f"\nRequests of the `{ONE_QUERY}` process (--{out}) by kind: {kinds}", end="")
        print()
    print()
    print(bc.machine_line() + f"; whole benchmark {(time.perf_counter() - start) / 60:.1f} min")
    print(bin_line)


if __name__ == "__main__":
    main()
