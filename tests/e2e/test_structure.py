#!/usr/bin/env python3
"""What guessing the structure may take out of a text, and where it never applies (issue 12,
item 1): scraped text loses its furniture, headline line and "By" line, each listed by
--extract with its kind and counted by --verbose; a file with front matter and a JSON record
keep every line, furniture-like or not; a JSON record with a headline and no text is an
article."""
import json
import os

from harness import Env

env = Env()
src = os.path.join(env.work, "in")
os.makedirs(src)


def write(name, text):
    with open(os.path.join(src, name), "w", encoding="utf-8") as f:
        f.write(text)


write("scraped.txt", "Advertisement\n\nFerry fares rise\n\nBy Ana Ruiz\n\nFares rose by a tenth on Monday.\n\nShare\n")
write("given.txt", "---\ntitle: Ferry fares rise\n---\n\nFares rose by a tenth on Monday.\n\nSubscribe to the ferry "
      "timetable at the harbour office\n\nAdvertisement\n")
write("feed.jsonl", json.dumps({"id": "j1", "title": "Ferry pass", "text": "Cookies, candy, bakery\nSubscribe to 30 mln shares"}) +
      "\n" + json.dumps({"id": "j2", "title": "FERRY OPERATOR BUYS TWO BOATS"}) + "\n")

r = env.index("--extract", src)
env.equal(r.returncode, 0, f"--extract exit ({r.stderr})")
got = {j["id"]: j for j in map(json.loads, r.stdout.splitlines())}
scraped = got.get("in/scraped.txt", {})
env.equal(scraped.get("title"), "Ferry fares rise", "the headline line is the title")
env.equal(scraped.get("text"), "Fares rose by a tenth on Monday.", "scraped text without furniture")
env.equal([(d["kind"], d["line"]) for d in scraped.get("dropped", [])],
          [("promotion", "Advertisement"), ("menu word", "Share"), ("headline", "Ferry fares rise"), ("byline", "By Ana Ruiz")],
          "--extract lists what was taken out, with its kind")
given = got.get("in/given.txt", {})
env.check("Subscribe to the ferry timetable" in given.get("text", "") and "Advertisement" in given.get("text", ""),
          f"front matter: every line kept: {given.get('text')!r}")
env.check("dropped" not in given, "front matter: nothing dropped")
env.equal(got.get("j1", {}).get("text"), "Cookies, candy, bakery\n\nSubscribe to 30 mln shares", "a JSON record keeps every line")
env.equal(got.get("j2", {}).get("title"), "FERRY OPERATOR BUYS TWO BOATS", "a headline alone is an article")

db = os.path.join(env.work, "news.db")
r = env.index("--verbose", "--db", db, src)
env.equal(r.returncode, 0, f"index exit ({r.stderr})")
env.check("scraped.txt: article in/scraped.txt: 4 line(s) taken out of the text (1 byline, 1 headline, 1 menu word, 1 promotion)"
          in r.stderr, f"--verbose counts the lines taken out: {r.stderr}")
env.equal(env.ids(db, "operator"), {"j2"}, "the headline-only record is found by its title")
env.equal(env.ids(db, "bakery"), {"j1"}, "a JSON line that reads like furniture is searchable")
env.equal(env.ids(db, "timetable"), {"in/given.txt"}, "a front-matter line that reads like furniture is searchable")
env.equal(env.ids(db, "advertisement"), {"in/given.txt"}, "the scraped file's furniture is not")

# Only articles become articles: a README and a list of codes are skipped, counted and (with
# --verbose) named; a short brief beside them is an article.
mixed = os.path.join(env.work, "mixed")
os.makedirs(mixed)
with open(os.path.join(mixed, "README.txt"), "w") as f:
    f.write("Harbour wire archive\n\nThese files hold the harbour wire of 2023. Use them freely.\n")
with open(os.path.join(mixed, "all-topics.lc.txt"), "w") as f:
    f.write("\n".join(["acq", "alum", "barley", "bop", "carcass", "cocoa", "coffee", "copper", "crude"]) + "\n")
with open(os.path.join(mixed, "brief.txt"), "w") as f:
    f.write("Copper price climbs\n\nCopper rose 2 percent on Tuesday as mines in the north shut.\n")
mdb = os.path.join(env.work, "mixed.db")
r = env.index("--verbose", "--db", mdb, mixed)
env.equal(r.returncode, 0, f"a folder with a README and a list ({r.stderr})")
env.check("2 files not an article" in r.stderr, f"they are counted: {r.stderr}")
env.check("README.txt: skipped (not an article: a README-like file name" in r.stderr and
          "all-topics.lc.txt: skipped (not an article: a list" in r.stderr, f"and named with --verbose: {r.stderr}")
env.equal(env.ids(mdb, "copper"), {"mixed/brief.txt"}, "the brief is an article, the list of codes is not")
env.equal(env.ids(mdb, "harbour"), set(), "the README is not")

# Paths that give no article: exit 1, and why; files of other types counted by type.
odd = os.path.join(env.work, "odd")
os.makedirs(odd)
for name in ("notes.md", "scan.pdf", "scan2.pdf"):
    with open(os.path.join(odd, name), "w") as f:
        f.write("x\n")
r = env.index("--db", os.path.join(env.work, "odd.db"), odd)
env.equal(r.returncode, 1, "no article in the paths: exit 1")
env.check("3 other files ignored: 1 .md, 2 .pdf)" in r.stderr and "no article in the paths given" in r.stderr,
          f"and says why: {r.stderr}")
env.finish()
