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
      json.dumps({"date": "2022-03-12"}) + "\n" +
      json.dumps({"id": "w2", "title": "Harbour pilots strike at dawn"}) + "\n")  # a headline alone is an article
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
for needle in ["feed.jsonl:2: error: invalid JSON", "feed.jsonl:3: error: record has neither text nor title",
               "empty.txt: error: empty file", "binary.txt: error: binary file"]:
    env.check(needle in r.stderr, f"stderr names the problem: {needle!r} in {r.stderr!r}")
env.check(re.search(r"4 failed", r.stderr) is not None, f"summary counts failures: {r.stderr}")
env.check("1 other files ignored: 1 .md)" in r.stderr, f"notes.md ignored, counted by type: {r.stderr}")
env.equal(env.ids(db, "cranes"), {"articles/a.txt", "w1"}, "cranes")
env.equal(env.ids(db, "pilots"), {"w2"}, "a record with a title and no text is found by its title")

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
env.check(r.returncode == 0 and "number of documents = 5" in r.stdout, f"xapian-delve reads it: {r.stdout} {r.stderr}")

# Exit statuses and query errors.
env.equal(env.search(db, "cranes").returncode, 0, "results -> 0")
env.equal(env.search(db, "zzzunknownword").returncode, 1, "no results -> 1")
r = env.search(db, 'cranes "unterminated')
env.equal(r.returncode, 2, "bad query -> 2")
env.check("column 8" in r.stderr, f"error names the column: {r.stderr}")
# --version: the version, the libraries' versions, the schema.
r = env.search(db, "--version")
env.equal(r.returncode, 0, "--version exits 0")
lines = r.stdout.splitlines()
env.check(len(lines) == 3 and lines[0].startswith("news-search ") and lines[1].startswith("Xapian 1.4.") and ", ICU " in lines[1]
          and lines[2].startswith("database schema "), f"--version: {r.stdout!r}")
r = env.run(env.index_bin, "--version")
env.check(r.returncode == 0 and r.stdout.startswith("news-index ") and r.stdout.splitlines()[2:] == lines[2:],
          f"news-index --version, the same schema: {r.stdout!r}")

# A pasted headline: a name and a colon that is no field is text; --explain says so.
env.equal(env.ids(db, "Strike: cranes idle"), {"articles/a.txt"}, "a word: that is no field is text")
r = env.search(db, "--explain", "Strike: cranes")
env.equal(r.stdout.split("ranking:")[0], "Query((strike AND cranes))\nnote: 'Strike:' is not a field: searched as the word strike\n",
          "--explain says what was done with 'Strike:'")
# A leading wildcard is refused, naming the column.
r = env.search(db, "cranes *pod")
env.check(r.returncode == 2 and "column 8" in r.stderr and "a wildcard can only end a word" in r.stderr, f"*pod: {r.stderr}")
r = env.search(db, "(cranes OR water")
env.check(r.returncode == 2 and "never closed" in r.stderr, f"unbalanced: {r.stderr}")
r = env.search(db, "date:2024-13")
env.check(r.returncode == 2 and "bad date" in r.stderr, f"bad date: {r.stderr}")
r = env.search(os.path.join(env.work, "missing.db"), "x")
env.check(r.returncode == 3 and "no database" in r.stderr, f"missing db -> 3: {r.stderr}")
env.equal(env.search(db, "--sort", "sideways", "x").returncode, 2, "bad option -> 2")

# Bad numbers exit 2 with a message, through either reading of the command line.
for args, says in [(["-n", "-5"], "--limit (-n) takes a whole number, 0 or more, not '-5'"),
                   (["-n", "abc"], "not 'abc'"), (["--offset", "-1"], "--offset takes a whole number, 0 or more, not '-1'"),
                   (["--limit=-3"], "not '-3'"), (["-n", "4294967296"], "too large (at most 1000000000)")]:
    r = env.search(db, *args, "cranes")
    env.check(r.returncode == 2 and says in r.stderr and not r.stdout, f"{args}: exit {r.returncode}, {r.stderr!r}")
# A query word starting with '-' before "--": the message shows the command line that works.
r = env.search(db, "cranes", "-ended")
env.equal((r.returncode, r.stderr.splitlines()[0] if r.stderr else ""),
          (2, f"news-search: unknown option '-ended'; to exclude a word, put the query after --: news-search --db {db} -- cranes -ended"),
          "unknown option suggests --")
env.equal(env.search(db, "--count", "--", "cranes", "-ended").stdout.strip(), "1", "the suggested command line works")

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
env.equal(j["format_version"], 2, "json format_version")
env.equal(j["total"], 2, "json total")
env.equal(j["total_relation"], "eq", "json total_relation")
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
env.equal(r.stdout.splitlines()[0], "Query((cranes OR water))", "explain")
# ... and how it is ranked: the parameters, the query as weighed, each word's weight.
lines = r.stdout.splitlines()
env.check(lines[1].startswith("ranking: k1=1,b=0.5,title=0.3,near=0,window=8,stop=1 "), f"explain: the ranking {lines[1:2]}")
env.check(lines[2].startswith("ranked as: ") and " * Scranes" in lines[2], f"explain: the title's weight {lines[2:3]}")
env.equal(lines[3], "weight: cranes: in 2 of 5 articles, term weight 1.061 (the most one article can get from it)",
          "explain: a word's frequency and BM25 term weight")
r = env.search(db, "--explain", "--ranking", "k1=1.2,title=0,near=0.5,window=4", "cranes water")
env.check("ranking: k1=1.2,b=0.5,title=0,near=0.5,window=4," in r.stdout and "NEAR 4" in r.stdout and " * Scranes" not in r.stdout,
          f"--ranking changes the ranking's shape: {r.stdout!r}")
env.check("term weight 1.167" in r.stdout, f"--ranking k1=1.2: the term weight is idf x (k1 + 1): {r.stdout!r}")
# Common words leave an OR list (noted), not an AND; --ranking stop=0 keeps them.
r = env.search(db, "--explain", "--any", "what cranes are idle")
env.equal(r.stdout.splitlines()[0], "Query((cranes OR idle))", "stop words out of an OR")
env.check("note: common words left out of the OR (they would only add noise): what are" in r.stdout, f"noted: {r.stdout!r}")
env.equal(env.search(db, "--explain", "what cranes").stdout.splitlines()[0], "Query((what AND cranes))", "stop words stay in an AND")
env.equal(env.search(db, "--explain", "--any", "--ranking", "stop=0", "what cranes").stdout.splitlines()[0],
          "Query((what OR cranes))", "--ranking stop=0")
# Matches never change with the ranking: the same articles, whatever the parameters.
for q in ("cranes", "cranes water", "cranes OR water", '"idle cranes"'):
    env.equal(env.ids(db, q, "--ranking", "k1=2,b=1,title=2,near=1,window=3,stop=0"), env.ids(db, q), f"same matches: {q}")
for bad, why in (("k2=1", "'k2': not a ranking parameter"), ("b=2", "b is between 0 and 1"), ("title", "expected name=value")):
    r = env.search(db, "--ranking", bad, "cranes")
    env.equal(r.returncode, 2, f"--ranking {bad}: bad usage")
    env.check(why in r.stderr, f"--ranking {bad}: {r.stderr!r}")
# Stemming through the database's stem table: "crane" finds "cranes", and --explain shows it.
env.equal(env.ids(db, "crane"), {"articles/a.txt", "w1"}, "a word finds its stem's other forms")
env.equal(env.search(db, "--explain", "crane").stdout.splitlines()[0], "Query((crane SYNONYM cranes))", "stem expansion")
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

# Counts are exact whatever -n and --offset are, and equal --count's.
for q in ["cranes OR water", "cranes", "date:..2030", "the", '"the cranes"', "-museum"]:
    want = int(env.search(db, "--count", "--", q).stdout)
    for args in [[], ["-n", "1"], ["-n", "2", "--offset", "1"], ["-n", "1", "--offset", "3"]]:
        r = env.search(db, "--json", *args, "--", q)
        j = json.loads(r.stdout)
        env.equal((j["total"], j["total_relation"]), (want, "eq"), f"json total of {q!r} with {args}")
        r = env.search(db, *args, "--", q)
        first = r.stdout.splitlines()[0] if r.stdout else r.stderr.removeprefix("news-search: ")
        env.check(first.startswith(f"{want} article"), f"text count of {q!r} with {args}: {first!r}, want {want}")
# -n 0: the count only.
r = env.search(db, "-n", "0", "date:..2030")
env.equal((r.returncode, r.stdout), (0, "4 articles match.\n"), "-n 0 prints the count")
# --offset past the end says how many match, exit 1.
r = env.search(db, "--offset", "50", "date:..2030")
env.equal((r.returncode, r.stdout, r.stderr), (1, "", "news-search: 4 articles match; --offset 50 is past the last one\n"),
          "--offset past the end")
r = env.search(db, "--json", "--offset", "4", "date:..2030")
env.check(r.returncode == 1 and json.loads(r.stdout)["total"] == 4 and "past the last one" in r.stderr,
          f"--offset past the end, JSON: {r.returncode} {r.stdout} {r.stderr}")

# More than 10,000 matches: exact up to 10,000, then a lower bound ("gte"); --count exact.
big = os.path.join(env.work, "big")
os.makedirs(big)
with open(os.path.join(big, "many.jsonl"), "w") as f:
    for i in range(10050):
        text = "Plenty of " + "harbour " * (1 + i % 5) + f"news, item {i % 7}, kind k{i % 3}, code zz{i}." + " filler" * (i % 11)
        f.write(json.dumps({"id": f"m{i}", "title": f"Note {i}", "text": text}) + "\n")
bdb = os.path.join(env.work, "big.db")
r = env.index("--db", bdb, big)
env.equal(r.returncode, 0, f"index 10,050 records: {r.stderr[-300:]}")
env.equal(env.search(bdb, "--count", "harbour").stdout.strip(), "10050", "--count above 10,000 is exact")
for q in ["harbour", "plenty news", "harbour OR item", "harbour -nothinghere", '"harbour news"']:
    for args in [["-n", "1"], ["-n", "10", "--offset", "20"]]:
        j = json.loads(env.search(bdb, "--json", *args, "--", q).stdout)
        env.check((j["total"] == 10000 and j["total_relation"] == "gte") or (j["total"] == 10050 and j["total_relation"] == "eq"),
                  f"more than 10,000 for {q!r} {args}: {j['total']} {j['total_relation']}")
    first = env.search(bdb, "--", q).stdout.splitlines()[0]
    env.check(first.startswith("More than 10,000 articles match") or first.startswith("10,050 articles match"),
              f"text count above 10,000 for {q!r}: {first!r}")
# Where Xapian's bounds do not meet, the matches are counted to 10,001, then the count is a
# lower bound: by the ranked pass (an AND of an OR: bounds 3,350 to 10,050; a phrase), on the
# posting lists after it (an OR), by the unweighted matcher after it (an OR holding a phrase).
for q in ["harbour (k0 OR k1 OR k2)", '"harbour news"', "k0 OR k1 OR k2", '"harbour news" OR k0']:
    for args in [[], ["-n", "3", "--offset", "9990"]]:
        j = json.loads(env.search(bdb, "--json", *args, q).stdout)
        env.equal((j["total"], j["total_relation"]), (10000, "gte"), f"more than 10,000 matches is a lower bound {q!r} {args}")
        first = env.search(bdb, *args, q).stdout.splitlines()[0]
        env.check(first.startswith("More than 10,000 articles match;"), f"text: more than 10,000 {q!r} {args}: {first!r}")
# A word wildcard searches the 1,000 most frequent words it matches: --explain says so when it cuts.
r = env.search(bdb, "--explain", "harbour zz*")
env.equal([x for x in r.stdout.splitlines() if x.startswith("note:")], ["note: 'zz*' matches more than 1000 indexed words: the 1000 most frequent are searched"],
          "--explain notes a wildcard cut to 1,000 words")
env.equal(env.search(bdb, "--explain", "zz1000*").stdout.count("note:"), 0, "no note for a wildcard of 11 words")
# 10,000 or fewer are exact: 10,050 minus the 1,435 records of "item 6"; and 6,700.
for q, want in [("harbour -6", 10050 - 1435), ("harbour (k0 OR k1)", 6700), ("harbour (k0 OR k1) -6", 6700 - 957)]:
    for args in [[], ["-n", "3", "--offset", "9990"]]:
        j = json.loads(env.search(bdb, "--json", *args, q).stdout)
        env.equal((j["total"], j["total_relation"]), (want, "eq"), f"under 10,000: exact {q!r} {args}")

# NEWS_DB names the default database.
r = env.run(env.search_bin, "--count", "cranes", env={"NEWS_DB": db})
env.equal(r.stdout.strip(), "2", "NEWS_DB")
env.finish()
