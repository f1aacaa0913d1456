#!/usr/bin/env python3
"""The command lines end to end on articles written here: exit statuses, error
messages, bad files, incremental runs, --prune, every output format, --batch, shards."""
import json
import os
import re
import subprocess
import time

from harness import Env

env = Env()
src = os.path.join(env.work, "articles")
os.makedirs(os.path.join(src, "sub"))


def write(rel, text, mode="w"):
    path = os.path.join(src, rel)
    with open(path, mode) as f:
        f.write(text)
    return path


write("a.txt", "---\ntitle: Harbour cranes idle\ndate: 2022-03-04\nsource: Harbor Ledger\nauthor: Ana Ruiz\n---\n\n"
      "KESTREL BAY — The cranes stood idle on Monday.\n\n"
      "“We will not move a single container,” said Ines Vale, a union steward at the port.\n\n"
      "Vale said the strike would last a week.\n")
write("b.txt", "---\ntitle: Reservoir falls to record low\ndate: 2023-07-01\nsource: Valley Sentinel\n---\n\n"
      "DUNMORE — Water rationing began as the reservoir fell.\n\n"
      "“Every household must cut use by a third,” the mayor, Otto Brandt, said.\n")
write("sub/c.txt", "---\ntitle: Museum reopens after theft\ndate: 2024-11-20\nsource: Harbor Ledger\n---\n\n"
      "The museum reopened with new locks and a smaller crowd.\n")
write("feed.jsonl", json.dumps({"id": "w1", "title": "Cranes return", "date": "2022-03-11", "source": "Capital Wire",
                                "text": "The cranes moved again after the strike ended."}) + "\n"
      "{not json\n" +
      json.dumps({"title": "No text here"}) + "\n")
write("empty.txt", "")
write("binary.txt", b"\x00\x01\x02\x03binary", mode="wb")
write("notes.md", "# not an article\n")
db = os.path.join(env.work, "news.db")

# --help
for binary in (env.index_bin, env.search_bin):
    r = env.run(binary, "--help")
    env.check(r.returncode == 0 and "Usage:" in r.stdout, f"{binary} --help")

# First run: bad files are reported with their names, the rest is indexed, exit 1.
r = env.index("--db", db, src)
env.equal(r.returncode, 1, "index exit status with bad files")
for needle in ["feed.jsonl:2: error: invalid JSON", "feed.jsonl:3: error: record has no text",
               "empty.txt: error: empty file", "binary.txt: error: binary file"]:
    env.check(needle in r.stderr, f"stderr names the problem: {needle!r} in {r.stderr!r}")
env.check(re.search(r"4 failed", r.stderr) is not None, f"summary counts failures: {r.stderr}")
env.check("1 other files ignored" in r.stderr, f"notes.md ignored: {r.stderr}")
env.equal(env.ids(db, "cranes"), {"articles/a.txt", "w1"}, "cranes")

# Second run changes nothing.
r = env.index("--db", db, src)
env.check("0 new, 0 changed, 4 unchanged" in r.stderr, f"second run is a no-op: {r.stderr}")
r = env.search(db, "--count", "--", "date:..2030")
env.equal(r.stdout.strip(), "4", "article count after the second run")

# A changed file is replaced, not added.
time.sleep(0.01)
write("sub/c.txt", "---\ntitle: Museum reopens after theft\ndate: 2024-11-20\nsource: Harbor Ledger\n---\n\n"
      "The museum reopened with guards at every door.\n")
r = env.index("--db", db, src)
env.check("1 changed" in r.stderr, f"changed file detected: {r.stderr}")
env.equal(env.ids(db, "guards"), {"articles/sub/c.txt"}, "new text found")
env.equal(env.ids(db, "locks"), set(), "old text gone")
env.equal(env.search(db, "--count", "date:..2030").stdout.strip(), "4", "count after change")

# --prune drops vanished files.
os.remove(os.path.join(src, "b.txt"))
r = env.index("--db", db, "--prune", src)
env.check("1 removed" in r.stderr, f"prune reported: {r.stderr}")
env.equal(env.ids(db, "reservoir"), set(), "pruned article gone")
write("b.txt", "---\ntitle: Reservoir falls to record low\ndate: 2023-07-01\nsource: Valley Sentinel\n---\n\n"
      "DUNMORE — Water rationing began as the reservoir fell.\n\n"
      "“Every household must cut use by a third,” the mayor, Otto Brandt, said.\n")
env.index("--db", db, src)

# The database opens in xapian-delve.
r = env.run("xapian-delve", db)
env.check(r.returncode == 0 and "number of documents = 4" in r.stdout, f"xapian-delve reads it: {r.stdout} {r.stderr}")

# Exit statuses and query errors.
env.equal(env.search(db, "cranes").returncode, 0, "results -> 0")
env.equal(env.search(db, "zzzunknownword").returncode, 1, "no results -> 1")
r = env.search(db, 'cranes "unterminated')
env.equal(r.returncode, 2, "bad query -> 2")
env.check("column 8" in r.stderr, f"error names the column: {r.stderr}")
r = env.search(db, "foo:bar")
env.check(r.returncode == 2 and "unknown field" in r.stderr and "column 1" in r.stderr, f"unknown field: {r.stderr}")
r = env.search(db, "(cranes OR water")
env.check(r.returncode == 2 and "never closed" in r.stderr, f"unbalanced: {r.stderr}")
r = env.search(db, "date:2024-13")
env.check(r.returncode == 2 and "bad date" in r.stderr, f"bad date: {r.stderr}")
r = env.search(os.path.join(env.work, "missing.db"), "x")
env.check(r.returncode == 3 and "no database" in r.stderr, f"missing db -> 3: {r.stderr}")
env.equal(env.search(db, "--sort", "sideways", "x").returncode, 2, "bad option -> 2")

# Fields and filters.
env.equal(env.ids(db, "speaker:vale"), {"articles/a.txt"}, "speaker surname")
env.equal(env.ids(db, 'speaker:"ines vale"'), {"articles/a.txt"}, "speaker full name")
env.equal(env.ids(db, "speaker:brandt"), {"articles/b.txt"}, "speaker after role appositive")
env.equal(env.ids(db, "author:ruiz"), {"articles/a.txt"}, "author")
env.equal(env.ids(db, 'source:"harbor ledger"'), {"articles/a.txt", "articles/sub/c.txt"}, "source")
env.equal(env.ids(db, "place:dunmore"), {"articles/b.txt"}, "place")
env.equal(env.ids(db, "quote:container"), {"articles/a.txt"}, "inside a quotation")
env.equal(env.ids(db, "quote:cranes"), set(), "not inside a quotation")
env.equal(env.ids(db, "date:2022"), {"articles/a.txt", "w1"}, "date year")
env.equal(env.ids(db, "date:2022-03-05..2023-12-31"), {"w1", "articles/b.txt"}, "date range")
env.equal(env.ids(db, "date:2024.."), {"articles/sub/c.txt"}, "open date range")
env.equal(env.ids(db, "cranes -ended"), {"articles/a.txt"}, "exclusion")

# Formats.
r = env.search(db, "--json", "cranes")
j = json.loads(r.stdout)
env.equal(j["format_version"], 1, "json format_version")
env.equal(j["total"], 2, "json total")
env.equal({h["id"] for h in j["results"]}, {"articles/a.txt", "w1"}, "json ids")
hit = next(h for h in j["results"] if h["id"] == "articles/a.txt")
env.equal(hit["speakers"][0]["name"], "Ines Vale", "json speaker")
env.equal(hit["speakers"][0]["role"], "union steward at the port", "json role")
env.equal(hit["date"], "2022-03-04", "json date")
env.equal(hit["authors"], ["Ana Ruiz"], "json authors")
for b, e in hit["highlights"]:
    env.equal(hit["snippet"].encode()[b:e].decode().lower(), "cranes", "highlight offsets")
r = env.search(db, "--trec", "run1", "--qid", "7", "cranes")
lines = [l.split() for l in r.stdout.splitlines()]
env.equal([(l[0], l[1], l[3], l[5]) for l in lines], [("7", "Q0", "1", "run1"), ("7", "Q0", "2", "run1")], "trec")
r = env.search(db, "--sort", "-date", "--jsonl", "date:..2030")
env.equal([json.loads(l)["date"] for l in r.stdout.splitlines()],
          ["2024-11-20", "2023-07-01", "2022-03-11", "2022-03-04"], "sort -date")
r = env.search(db, "--sort", "date", "--jsonl", "-n", "2", "--offset", "1", "date:..2030")
env.equal([json.loads(l)["date"] for l in r.stdout.splitlines()], ["2022-03-11", "2023-07-01"], "sort date, offset")
r = env.search(db, "--explain", "cranes OR water")
env.equal(r.stdout.strip(), "Query((cranes OR water))", "explain")
# Stemming through the database's stem table: "crane" finds "cranes", and --explain shows it.
env.equal(env.ids(db, "crane"), {"articles/a.txt", "w1"}, "a word finds its stem's other forms")
env.equal(env.search(db, "--explain", "crane").stdout.strip(), "Query((crane SYNONYM cranes))", "stem expansion")
env.equal(env.ids(db, '"crane"'), set(), "a phrase stays exact")
r = env.search(db, "--color", "always", "cranes")
env.check("\x1b[1;33m" in r.stdout, "colour when asked")
r = env.search(db, "cranes")
env.check("\x1b[" not in r.stdout and "cranes" in r.stdout.lower(), "no colour when not a terminal")

# --batch: the same path for each line; a bad line is reported, the others run.
batch = write("../queries.tsv", "q1\tcranes\nq2\tspeaker:vale\nq3\t(broken\n")
r = env.search(db, "--batch", batch, "--jsonl", "--stats")
got = {}
for l in r.stdout.splitlines():
    o = json.loads(l)
    got.setdefault(o["qid"], set()).add(o["id"])
env.equal(got, {"q1": {"articles/a.txt", "w1"}, "q2": {"articles/a.txt"}}, "batch results")
env.check(r.returncode == 2 and "query q3" in r.stderr and "p50" in r.stderr, f"batch errors and stats: {r.stderr}")

# Shards: two databases searched as one.
db2 = os.path.join(env.work, "other.db")
env.index("--db", db2, os.path.join(src, "sub"))
r = env.run(env.search_bin, "--db", db, "--db", db2, "--count", "museum")
env.equal(r.stdout.strip(), "2", "two shards")

# --compact rewrites the database smaller; a run killed between the swap's two renames is
# repaired by the next run.
cdb = os.path.join(env.work, "compact.db")
r = env.index("--db", cdb, "--compact", src)
env.check("compacted" in r.stderr, f"--compact reports the sizes: {r.stderr}")
env.equal(env.run("xapian-check", cdb).returncode, 0, "compacted database passes xapian-check")
env.equal(env.search(cdb, "--count", "cranes").stdout.strip(), "2", "compacted database answers")
os.rename(cdb, cdb + ".precompact")
# A search started between the swap's two renames waits for the second one...
searching = subprocess.Popen([env.search_bin, "--db", cdb, "--count", "cranes"], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
time.sleep(0.3)
os.rename(cdb + ".precompact", cdb)
out, err = searching.communicate(timeout=30)
env.check(searching.returncode == 0 and out.strip() == "2", f"a search during the swap waits for it: {searching.returncode} {out} {err}")
# ... and says what to do when the swap was killed.
os.rename(cdb, cdb + ".precompact")
r = env.search(cdb, "--count", "cranes")
env.check(r.returncode == 3 and "compaction was interrupted" in r.stderr, f"killed swap, search: {r.returncode} {r.stderr}")
r = env.index("--db", cdb, src)
env.check(r.returncode == 1 and "0 new, 0 changed, 4 unchanged" in r.stderr, f"recovered after a killed swap: {r.stderr}")

# "--db DIR/" (a trailing slash, as shells complete folder names) names the same database:
# the bulk build's segments, the compaction's copy and the run lock go beside it, never inside.
sdb = os.path.join(env.work, "slash.db")
r = env.index("--db", sdb + "/", "--compact", src)
env.check(r.returncode == 1 and "4 new" in r.stderr, f"new database given as DIR/: exit {r.returncode}, {r.stderr}")
env.equal(sorted(n for n in os.listdir(sdb) if not n.endswith(".glass")), ["flintlock", "iamglass"],
          "only Xapian's files inside the database")
env.equal(sorted(n for n in os.listdir(env.work) if n.startswith("slash.db")), ["slash.db", "slash.db.lock"],
          "nothing left beside it but the run lock")
env.equal(env.search(sdb + "/", "--count", "cranes").stdout.strip(), "2", "DIR/ database answers")
r = env.index("--db", sdb + "//", src)
env.check("0 new, 0 changed, 4 unchanged" in r.stderr, f"DIR// is the same database: {r.stderr}")

# NEWS_DB names the default database.
r = env.run(env.search_bin, "--count", "cranes", env={"NEWS_DB": db})
env.equal(r.stdout.strip(), "2", "NEWS_DB")
env.finish()
