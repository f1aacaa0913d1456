#!/usr/bin/env python3
"""news-serve's JSON API end to end (issue 14, item 2), on the bundled corpus and a few
records whose ids hold '/', '#', spaces, '%', '+' and UTF-8:

- the answers are news-search's JSON for the same request, byte for byte, with "api_version"
  (search, sort, paging, date range, /api/ alias of /api/v1/, article, facets); the speaker
  route (newest first, the speaker's quotes, links to the articles, the speaker's names);
- CSV export (RFC 4180, read back by Python's csv module, same rows as the JSON);
- errors and limits: 400 with a JSON error naming the parameter (the query's column as
  news-search gives it), 404 for unknown routes and articles, 405, 414;
- static files: content types, no-cache, and every path traversal a 404;
- ids percent-encoded (%2F, %23, %20, UTF-8) and with raw '/';
- --token (header and parameter), keep-alive (one connection, many requests), exit statuses,
  the warning off loopback;
- a news-index run adding an article is seen without a restart, and 20 `news-index --compact`
  folder swaps while three clients keep searching give no error and no other answer.

The binary is $NEWS_SERVE (set by tests/CMakeLists.txt)."""
import atexit
import csv
import http.client
import io
import json
import os
import re
import select
import signal
import socket
import subprocess
import threading
import time
import urllib.parse

from harness import Env

env = Env()
SERVE = os.environ.get("NEWS_SERVE")
if not SERVE or not os.path.exists(SERVE):
    raise SystemExit(f"NEWS_SERVE={SERVE!r}: no news-serve binary")

# ------------------------------------------------------------------ the database
ODD_IDS = [
    "polnear/train/text/wash-post/serve-test.txt",
    "reut2-000.sgm#127",
    "an id with spaces & plus+ ?q=1 #frag",
    "Zürich/café-€ 7.txt",
    "literal%2Fpercent",
]
extra = os.path.join(env.work, "extra")
os.makedirs(extra)
with open(os.path.join(extra, "odd.jsonl"), "w", encoding="utf-8") as f:
    for i, rid in enumerate(ODD_IDS):
        f.write(json.dumps({
            "id": rid, "date": f"2021-0{i + 1}-15", "source": "Serve Test",
            "title": f"Quokka record {i}, \"quoted\" title" if i == 0 else f"Quokka record {i}",
            "text": f"The quokka census counted {i + 3} animals on the island, the ranger said on Tuesday.",
        }, ensure_ascii=False) + "\n")
db = os.path.join(env.work, "news.db")
r = env.index("--db", db, env.corpus, extra)
env.equal(r.returncode, 0, f"index exit status ({r.stderr[-300:]})")


RUNNING = []  # every news-serve started: killed at exit, whatever stopped the script
atexit.register(lambda: [p.kill() for p in RUNNING if p.poll() is None])


class Server:
    """news-serve on a free port (--port 0: it prints the URL it got)."""

    def __init__(self, *args, dbs=(db,)):
        self.stderr_path = os.path.join(env.work, f"serve-{time.monotonic_ns()}.err")
        cmd = [SERVE, *[x for d in dbs for x in ("--db", d)], "--port", "0", *args]
        self.p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=open(self.stderr_path, "w"), text=True, cwd=env.work)
        RUNNING.append(self.p)
        ready, _, _ = select.select([self.p.stdout], [], [], 20)
        line = self.p.stdout.readline() if ready else ""
        if "http://" not in line:
            self.p.kill()
            raise SystemExit(f"news-serve did not start: {line!r} {self.stderr()}")
        self.line = line.strip()
        self.url = line.split()[1]
        parsed = urllib.parse.urlparse(self.url)
        self.host, self.port = parsed.hostname, parsed.port

    def stderr(self):
        with open(self.stderr_path) as f:
            return f.read()

    def conn(self):
        return http.client.HTTPConnection(self.host, self.port, timeout=30)

    def get(self, path, headers=None, method="GET"):
        """(status, headers as a dict of lower-case names, body bytes) on a new connection."""
        c = self.conn()
        try:
            c.request(method, path, headers=headers or {})
            resp = c.getresponse()
            return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
        finally:
            c.close()

    def json(self, path, want=200, **kw):
        status, headers, body = self.get(path, **kw)
        env.equal(status, want, f"status of {path} ({body[:200]!r})")
        return json.loads(body) if body else None

    def stop(self):
        self.p.send_signal(signal.SIGTERM)
        try:
            return self.p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.p.kill()
            return "hung"


def q(params):
    return urllib.parse.urlencode(params, quote_via=urllib.parse.quote)


def cli_json(*args):
    r = env.search(db, "--json", *args)
    env.check(r.returncode in (0, 1), f"news-search {args} exit {r.returncode}: {r.stderr}")
    return r.stdout


def with_version(text):
    """news-search's JSON with "api_version" as news-serve adds it (the first key)."""
    assert text.startswith("{\n  ")
    return "{\n  \"api_version\": 1,\n" + text[2:]


srv = Server()
env.check(srv.line.startswith("news-serve: http://127.0.0.1:") and "articles" in srv.line, f"start line: {srv.line}")
env.equal(srv.stderr(), "", "nothing on stderr at start on loopback (with the web folder beside the binary)")

# ------------------------------------------------------------------ the same JSON as news-search
searches = [
    ({"q": "cranes"}, ["cranes"]),
    ({"q": "strike OR port*", "n": "3", "offset": "2"}, ["-n", "3", "--offset", "2", "strike OR port*"]),
    ({"q": "water", "sort": "-date", "n": "5"}, ["--sort", "-date", "-n", "5", "water"]),
    ({"q": "water", "sort": "date"}, ["--sort", "date", "water"]),
    ({"q": 'speaker:"ines alvarez-roth" quote:contract'}, ['speaker:"ines alvarez-roth" quote:contract']),
    ({"q": "quokka"}, ["quokka"]),
    ({"q": "nothingmatchesthis"}, ["nothingmatchesthis"]),
    ({"q": "water", "n": "0"}, ["-n", "0", "water"]),
    ({"q": "water", "offset": "1000"}, ["--offset", "1000", "water"]),
    ({"q": "water", "from": "2023", "to": "2024-06-30"}, ["(water) date:2023..2024-06-30"]),
    ({"q": "water", "from": "2024-01"}, ["(water) date:2024-01.."]),
    ({"to": "2021-03-01"}, ["date:..2021-03-01"]),
    # Wire copies: one result per story by default, as news-search; collapse=0 and count=stories.
    ({"q": "federal water managers"}, ["federal water managers"]),
    ({"q": "federal water managers", "collapse": "0"}, ["--no-collapse", "federal water managers"]),
    ({"q": "water", "count": "stories", "n": "3"}, ["--stories", "-n", "3", "water"]),
]
for params, args in searches:
    status, headers, body = srv.get("/api/v1/search?" + q(params))
    env.equal(status, 200, f"search {params}")
    env.equal(headers.get("content-type"), "application/json; charset=utf-8", f"content type of search {params}")
    env.equal(headers.get("cache-control"), "no-cache", "Cache-Control")
    env.equal(body.decode(), with_version(cli_json(*args)), f"search {params}: news-search --json {args} with api_version")
    env.equal(srv.get("/api/search?" + q(params))[2], body, f"/api/ is /api/v1/ ({params})")

# Facets: news-search --facet's JSON, on /api/v1/search and /api/v1/facets (n=0).
facet_cases = [
    ([("q", "water"), ("facet", "source"), ("facet", "month"), ("split", "source:3"), ("n", "3")],
     ["-n", "3", "--facet", "source", "--facet", "month", "--split", "source:3", "water"]),
    ([("q", 'speaker:"ines alvarez-roth"'), ("facet", "speaker:5"), ("facet", "year")],
     ["--facet", "speaker:5", "--facet", "year", 'speaker:"ines alvarez-roth"']),
    ([("facet", "source"), ("n", "0")], ["-n", "0", "--facet", "source"]),  # no q: every article
    ([("q", "water"), ("facet", "source"), ("count", "stories"), ("n", "3")],
     ["-n", "3", "--stories", "--facet", "source", "water"]),
]
for params, args in facet_cases:
    body = srv.get("/api/v1/search?" + q(params))[2].decode()
    env.equal(body, with_version(cli_json(*args)), f"facets {params}: news-search --json {args}")
    env.check('"facets": [' in body, f"facets in the answer to {params}")
    fparams = [(k, v) for k, v in params if k != "n"]
    body = srv.get("/api/v1/facets?" + q(fparams))[2].decode()
    env.equal(body, with_version(cli_json("-n", "0", *[a for a in args if a not in ("-n", "3", "0")])),
              f"/api/v1/facets {fparams}: the search with n=0")
total_water = json.loads(cli_json("water"))["total"]
f = srv.json("/api/v1/facets?" + q({"q": "water", "split": "month:12"}), want=400)
env.equal(f["parameter"], "split", "a split without a facet: 400")
f = srv.json("/api/v1/facets?" + q({"q": "water"}))
env.equal((f["api_version"], f["results"], f["total"]), (1, [], total_water), "facets without a facet: the count")
articles = int(re.search(r"number of documents = (\d+)", env.run("xapian-delve", db).stdout).group(1))
env.equal(srv.json("/api/v1/search?" + q({"n": "0"}))["total"], articles, "no q: every article")

# ------------------------------------------------------------------ articles: ids in URLs
for rid in ODD_IDS + ["corpus/harbor-ledger/port-strike-begins.txt", "hl-brief-2021-1118"]:
    want = with_version(env.search(db, "--get", "--json", rid).stdout)
    encoded = urllib.parse.quote(rid, safe="")
    status, headers, body = srv.get("/api/v1/article/" + encoded)
    env.equal((status, body.decode()), (200, want), f"article {rid!r} as {encoded}")
    if "%" not in rid and "?" not in rid and "#" not in rid:
        raw = urllib.parse.quote(rid, safe="/")  # slashes as they are (other bytes must be encoded on the wire)
        env.equal(srv.get("/api/article/" + raw)[2].decode(), want, f"article {rid!r} with raw slashes: {raw}")
env.check("%2F" in urllib.parse.quote(ODD_IDS[0], safe="") and "%23" in urllib.parse.quote(ODD_IDS[1], safe=""),
          "the test sends %2F and %23")
a = srv.json("/api/v1/article/" + urllib.parse.quote("no/such#id", safe=""), want=404)
env.equal((a["api_version"], a["error"]), (1, "no article with id 'no/such#id'"), "missing article: JSON 404")
env.equal(srv.get("/api/v1/article/")[0], 404, "no id: 404")

# ------------------------------------------------------------------ speaker
name = "Ines Alvarez-Roth"
s = srv.json("/api/v1/speaker/" + urllib.parse.quote(name, safe=""))
cli = json.loads(cli_json("--sort", "-date", f'speaker:"{name}"'))
env.equal([h["id"] for h in s["results"]], [h["id"] for h in cli["results"]], "speaker: the articles of speaker:\"NAME\", newest first")
env.equal(s["total"], cli["total"], "speaker: total")
dates = [h["date"] for h in s["results"]]
env.equal(dates, sorted(dates, reverse=True), "speaker: newest first")
env.equal(s["speaker"]["name"], name, "speaker: the canonical name")
env.check(s["speaker"]["quotes"] >= len(s["results"]) and s["speaker"]["articles"] == cli["total"], f"speaker counts {s['speaker']}")
for h in s["results"]:
    env.check(h["matched_quotes"] and all(m["speaker"] == name for m in h["matched_quotes"]), f"speaker's quotes in {h['id']}")
    env.equal(urllib.parse.unquote(h["link"].removeprefix("/api/v1/article/")), h["id"], "speaker: link to the article")
    env.equal(srv.get(h["link"])[0], 200, f"the link {h['link']} answers")
sq = srv.json("/api/v1/speaker/" + urllib.parse.quote(name) + "?" + q({"q": "arbitrator OR automation", "n": "1"}))
cliq = json.loads(cli_json("--sort", "-date", "-n", "1", f'speaker:"{name}" (arbitrator OR automation)'))
env.equal(([h["id"] for h in sq["results"]], sq["total"]), ([h["id"] for h in cliq["results"]], cliq["total"]), "speaker with q")
env.equal(srv.json("/api/v1/speaker/Nobody%20Atall", want=404)["error"], "no speaker named 'Nobody Atall'", "unknown speaker: 404")
env.equal(srv.json("/api/v1/speaker/" + urllib.parse.quote(name) + "?q=%22open", want=400)["column"], 1, "speaker: q's column")

# ------------------------------------------------------------------ CSV
status, headers, body = srv.get("/api/v1/search.csv?" + q({"q": "quokka OR cranes", "n": "1000"}))
env.equal(status, 200, "csv status")
env.check(headers.get("content-type", "").startswith("text/csv"), f"csv content type {headers.get('content-type')}")
env.check(body.endswith(b"\r\n") and body.count(b"\n") == body.count(b"\r\n"), "CSV lines end with CRLF")
rows = list(csv.reader(io.StringIO(body.decode(), newline="")))
env.equal(rows[0], ["rank", "id", "date", "source", "title", "speakers", "score", "url"], "csv header")
js = json.loads(cli_json("-n", "1000", "quokka OR cranes"))
env.equal([r[1] for r in rows[1:]], [h["id"] for h in js["results"]], "csv rows: the ids of the JSON results")
env.equal([r[4] for r in rows[1:]], [h["title"] for h in js["results"]], "csv titles read back (commas, quotes)")
env.equal([r[5] for r in rows[1:]], ["; ".join(s["name"] for s in h["speakers"]) for h in js["results"]], "csv speakers")
env.check(any('"quoted"' in r[4] and "," in r[4] for r in rows), "a title with a comma and quotes went through")
env.check(b'"Quokka record 0, ""quoted"" title"' in body, "RFC 4180: the field quoted, quotes doubled")
env.equal(srv.get("/api/search.csv?" + q({"q": "x", "n": "1001"}))[0], 400, "csv: n <= 1000")

# ------------------------------------------------------------------ errors and limits
bad_query = 'fentanyl "crisis'
cli_err = env.search(db, bad_query).stderr
e = srv.json("/api/v1/search?" + q({"q": bad_query}), want=400)
env.check(f"column {e['column']}:" in cli_err, f"the query error's column is news-search's: {e} / {cli_err}")
env.equal((e["api_version"], e["parameter"], e["column"]), (1, "q", 10), "query error JSON")
errors = [
    ({"q": "x", "n": "1001"}, "n"), ({"q": "x", "n": "-1"}, "n"), ({"q": "x", "n": "abc"}, "n"),
    ({"q": "x", "offset": "100001"}, "offset"), ({"q": "x", "sort": "newest"}, "sort"),
    ({"q": "x", "from": "2024-13-01"}, "from"), ({"q": "x", "to": "2024-02-30"}, "to"),
    ({"q": "x", "from": "2024-05", "to": "2024-01"}, "to"), ({"q": "x", "facet": "colour"}, "facet"),
    ({"q": "x", "facet": "speaker:0"}, "facet"), ({"q": "x", "split": "nothing"}, "split"),
    ({"q": "x", "limit": "5"}, "limit"), ({"q": "a" * 2001}, "q"), ({"q": "x", "facet": "speaker:0"}, "facet"),
    ({"q": "x", "facet": "month:1001"}, "facet"),
]
for params, parameter in errors:
    e = srv.json("/api/v1/search?" + q(params), want=400)
    env.check(e and e.get("api_version") == 1 and e.get("parameter") == parameter and e.get("error"), f"400 for {str(params)[:60]}: {e}")
env.equal(srv.get("/api/v1/search?" + q({"q": ("cranes " * 286)[:2000]}))[0], 200, "q of 2,000 bytes is fine")
env.equal(srv.get("/api/v1/search?q=x&q=y")[0], 400, "q twice")
env.equal(srv.get("/api/v1/search?q=%FF")[0], 400, "q not UTF-8")
for path in ["/api/v1/nothing", "/api/v2/search?q=x", "/api/v1/search/", "/api/", "/api"]:
    status, headers, body = srv.get(path)
    env.check(status == 404 and json.loads(body)["api_version"] == 1, f"unknown API path {path}: {status} {body[:80]!r}")
status, headers, body = srv.get("/api/v1/search?q=x", method="POST")
env.equal((status, headers.get("allow")), (405, "GET, HEAD"), "POST: 405")
status, headers, body = srv.get("/api/v1/search?q=cranes", method="HEAD")
env.equal((status, body), (200, b""), "HEAD: headers only")
env.equal(srv.get("/api/v1/search?q=" + "a" * 9000)[0], 414, "a URI over 8 KB: 414")
# A body on a GET (no route takes one): refused or ignored, and the server goes on.
c = srv.conn()
c.request("GET", "/api/v1/search?q=cranes", body=b"x" * 200000, headers={"Content-Type": "text/plain"})
try:
    status = c.getresponse().status
except (http.client.HTTPException, OSError):
    status = "closed"
c.close()
env.check(status in (200, 413, 400, "closed"), f"a 200 KB body: {status}")
env.equal(srv.get("/api/v1/search?q=cranes")[0], 200, "the server answers after a big request")

# ------------------------------------------------------------------ static files, traversal
web = os.path.join(env.work, "web")
os.makedirs(os.path.join(web, "css"))
for name_, text in [("index.html", "<!doctype html><title>t</title>"), ("app.js", "let a = 1;"), ("css/style.css", "a{}"),
                    (".secret", "hidden")]:
    with open(os.path.join(web, name_), "w") as f:
        f.write(text)
with open(os.path.join(env.work, "outside.txt"), "w") as f:
    f.write("outside")
os.symlink(os.path.join(env.work, "outside.txt"), os.path.join(web, "link-out.txt"))
os.symlink(env.work, os.path.join(web, "work"))
page = Server("--web", web)
for path, ctype, text in [("/", "text/html; charset=utf-8", "<!doctype html><title>t</title>"),
                          ("/index.html", "text/html; charset=utf-8", None), ("/app.js", "text/javascript; charset=utf-8", None),
                          ("/css/style.css", "text/css; charset=utf-8", "a{}"), ("/?q=cranes", "text/html; charset=utf-8", None)]:
    status, headers, body = page.get(path)
    env.equal((status, headers.get("content-type"), headers.get("cache-control")), (200, ctype, "no-cache"), f"static {path}")
    if text:
        env.equal(body.decode(), text, f"static {path} body")
for path in ["/../outside.txt", "/%2e%2e/outside.txt", "/..%2foutside.txt", "/%2E%2E%2Foutside.txt", "/css/../../outside.txt",
             "/css/%2e%2e/%2e%2e/outside.txt", "//etc/passwd", "/%2Fetc%2Fpasswd", "/etc/passwd", "/link-out.txt",
             "/work/outside.txt", "/work/news.db/iamglass", "/.secret", "/css", "/nothing.html", "/..\\outside.txt",
             "/%00index.html", "/index.html%00.js", "/./index.html"]:
    status, headers, body = page.get(path)
    env.check(status == 404 and b"outside" not in body and b"root:" not in body, f"traversal {path}: {status} {body[:60]!r}")
env.equal(page.stop(), 0, "news-serve exits 0 on SIGTERM")

# ------------------------------------------------------------------ token
locked = Server("--token", "s3cret-t0ken")
for path, headers in [("/api/v1/search?q=cranes", {}), ("/api/v1/search?q=cranes&token=wrong", {}),
                      ("/api/v1/search?q=cranes", {"Authorization": "Bearer wrong"}), ("/", {}),
                      ("/api/v1/article/x", {"Authorization": "s3cret-t0ken"})]:
    status, h, body = locked.get(path, headers=headers)
    env.check(status == 401 and json.loads(body)["api_version"] == 1 and h.get("www-authenticate") == "Bearer",
              f"no token, no answer: {path} {headers} -> {status}")
env.equal(locked.get("/api/v1/search?q=cranes", headers={"Authorization": "Bearer s3cret-t0ken"})[0], 200, "Bearer token")
env.equal(locked.get("/api/v1/search?q=cranes&token=s3cret-t0ken")[0], 200, "token parameter")
# The page opened as /?token=T sets a cookie that its own script and style sheet carry.
status, h, body = locked.get("/?token=s3cret-t0ken")
cookie = h.get("set-cookie", "")
env.check(status == 200 and cookie.startswith("news_serve_token=s3cret-t0ken;") and "HttpOnly" in cookie,
          f"the page with ?token= sets the cookie: {status} {cookie!r}")
for path in ["/app.js", "/style.css", "/api/v1/search?q=cranes"]:
    env.equal(locked.get(path, headers={"Cookie": "news_serve_token=s3cret-t0ken"})[0], 200, f"{path} with the cookie")
    env.equal(locked.get(path, headers={"Cookie": "news_serve_token=guess"})[0], 401, f"{path} with a wrong cookie")
env.equal(locked.stop(), 0, "exit 0")

# ------------------------------------------------------------------ keep-alive
c = srv.conn()
ports = set()
for i in range(60):
    c.request("GET", "/api/v1/search?" + q({"q": ["cranes", "water", "quokka"][i % 3], "n": "2"}))
    resp = c.getresponse()
    resp.read()
    env.check(resp.status == 200 and resp.getheader("Connection", "").lower() != "close", f"keep-alive request {i}")
    ports.add(c.sock.getsockname()[1] if c.sock else None)
c.close()
env.equal(len(ports), 1, "60 requests on one connection")

# ------------------------------------------------------------------ usage, exit statuses, off loopback
r = env.run(SERVE, "--help")
env.check(r.returncode == 0 and "--token" in r.stdout and "/api/v1/search" in r.stdout, "--help explains")
env.equal(env.run(SERVE, "--db", os.path.join(env.work, "nothing.db"), "--port", "0").returncode, 3, "no database: 3")
env.equal(env.run(SERVE, "--db", db, "--threads", "0").returncode, 2, "--threads 0: 2")
env.equal(env.run(SERVE, "--db", db, "--port", "70000").returncode, 2, "--port 70000: 2")
env.equal(env.run(SERVE, "--db", db, "--bogus").returncode, 2, "unknown option: 2")
env.equal(env.run(SERVE, "--db", db, "--web", os.path.join(env.work, "no-web")).returncode, 2, "--web not a folder: 2")
try:
    r = subprocess.run([SERVE, "--db", db, "--port", str(srv.port)], capture_output=True, text=True, timeout=20)
    env.equal(r.returncode, 1, f"port taken: 1 ({r.stderr.strip()})")
except subprocess.TimeoutExpired:
    env.check(False, "a second news-serve on the same port started (SO_REUSEPORT?)")
wide = Server("--host", "0.0.0.0")
env.check("warning" in wide.stderr() and "not on loopback" in wide.stderr(), f"the warning off loopback: {wide.stderr()}")
wide.stop()

# ------------------------------------------------------------------ news-index while serving
more = os.path.join(env.work, "more")
os.makedirs(more)
with open(os.path.join(more, "new.txt"), "w") as f:
    f.write("---\ntitle: Wallaby census ends\ndate: 2024-06-01\nsource: Serve Test\n---\n\n"
            "The wallaby census ended on Monday with 41 animals counted, the ranger said in a statement.\n")
env.equal(srv.json("/api/v1/search?q=wallaby")["total"], 0, "before the run: no wallaby")
r = env.index("--db", db, more)
env.equal(r.returncode, 0, f"news-index adds an article while serving ({r.stderr[-200:]})")
env.equal(srv.json("/api/v1/search?q=wallaby")["total"], 1, "after the run: found without a restart")
for i in range(16):  # every worker thread sees it, whichever answers
    env.equal(srv.json("/api/v1/search?q=wallaby")["total"], 1, f"found again ({i})")

# ------------------------------------------------------------------ 20 compactions while serving
expected = {}
for path in ["/api/v1/search?q=cranes&n=5", "/api/v1/search?q=wallaby", "/api/v1/facets?q=water",
             "/api/v1/article/" + urllib.parse.quote(ODD_IDS[1], safe=""), "/api/v1/speaker/" + urllib.parse.quote(name)]:
    body = srv.json(path)
    body.pop("databases", None)
    expected[path] = body
stop = threading.Event()
failures, counts = [], [0, 0, 0]


def client(k):
    c = srv.conn()
    paths = list(expected)
    i = 0
    while not stop.is_set():
        path = paths[(i + k) % len(paths)]
        i += 1
        try:
            c.request("GET", path)
            resp = c.getresponse()
            body = resp.read()
            if resp.status != 200:
                failures.append(f"{path}: {resp.status} {body[:200]!r}")
                continue
            j = json.loads(body)
            j.pop("databases", None)
            if j != expected[path]:
                failures.append(f"{path}: another answer")
            counts[k] += 1
        except (OSError, http.client.HTTPException) as ex:
            failures.append(f"{path}: {ex!r}")
            c.close()
            c = srv.conn()
    c.close()


threads = [threading.Thread(target=client, args=(k,)) for k in range(3)]
for t in threads:
    t.start()
swaps = 0
for i in range(20):
    r = env.index("--db", db, "--compact", more)
    swaps += r.returncode == 0 and "compacted" in r.stderr
    time.sleep(0.05)
stop.set()
for t in threads:
    t.join()
print(f"during 20 compactions: {sum(counts)} requests by 3 clients, {len(failures)} failures")
env.equal(swaps, 20, "20 compactions ran")
env.equal(failures[:5], [], f"no error and no other answer during 20 compactions ({sum(counts)} requests)")
env.check(min(counts) > 20, f"each client kept searching during the compactions: {counts}")
env.equal(os.path.exists(db + ".precompact"), False, "no compaction left half done")
env.equal(srv.stop(), 0, "news-serve exits 0 on SIGTERM")
env.equal("error" in srv.stderr().lower(), False, f"no error on stderr: {srv.stderr()[-500:]}")

env.finish()
