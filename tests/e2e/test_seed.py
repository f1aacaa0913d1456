#!/usr/bin/env python3
"""The seed article (../shared/seeds), indexed with --source "NBC News" --date 2024-01-30,
is found by every search of seed-expected.json that must find it and by none that must not;
its extraction gives the expected title, dateline, authors and speakers."""
import json
import os

from harness import Env

env = Env()
expected = json.load(open(env.need_shared("eval", "seed-expected.json")))
seed = env.need_shared(expected["file"])
db = os.path.join(env.work, "seed.db")

r = env.index("--db", db, "--source", "NBC News", "--date", "2024-01-30", seed)
env.equal(r.returncode, 0, f"index exit status ({r.stderr})")

for q in expected["searches_that_must_find_it"]:
    r = env.search(db, "--count", "--", q)
    env.equal((r.returncode, r.stdout.strip()), (0, "1"), f"must find: {q}")
for q in expected["searches_that_must_not_find_it"]:
    r = env.search(db, "--count", "--", q)
    env.equal((r.returncode, r.stdout.strip()), (1, "0"), f"must not find: {q}")

r = env.index("--extract", "--source", "NBC News", "--date", "2024-01-30", seed)
a = json.loads(r.stdout)
env.equal(a["title"], expected["title"], "title")
env.equal(a["dateline"], expected["dateline"], "dateline")
env.equal(a["authors"], expected["authors"], "authors")
env.equal(a["date"], "2024-01-30", "date")
names = {s["name"] for s in a["speakers"]}
for s in expected["speakers"]:
    env.check(s["name"] in names, f"speaker {s['name']} found (got {sorted(names)})")
for n in expected["not_speakers"]:
    env.check(n not in names, f"{n} is not a speaker")
for s in a["speakers"]:
    for q in s["quotes"]:
        env.equal(a["text"].encode()[q["start"]:q["end"]].decode(), q["text"], f"quote offsets of {s['name']}")
for p in expected["persons_mentioned"]:
    env.check(p in a["persons"], f"person {p} mentioned (got {a['persons']})")
env.finish()
