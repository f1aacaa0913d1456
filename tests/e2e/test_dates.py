#!/usr/bin/env python3
"""Dates as people say them (issue 15, item 3): date:today, yesterday, "last week", "this
month", "past 30 days", 2024-q3, "march 2024", 2016-10..now, "since ...", relative to --now
(else the clock) in --tz (else UTC), find what the same ISO dates find; a bad --now or --tz
is a usage error; a date: filter on a database without dates warns (text and JSON)."""
import json
import os

from harness import Env

env = Env()
db = os.path.join(env.work, "corpus.db")
r = env.index("--db", db, env.corpus)
env.equal(r.returncode, 0, f"index exit status ({r.stderr[-300:]})")

# The bundled corpus has articles in 2024-10 and 2024-11 (Capital Wire's Dayton story is 2024-10-28).
now = "2024-11-06"  # a Wednesday
same = [
    ('date:today', "date:2024-11-06"),
    ('date:yesterday', "date:2024-11-05"),
    ('date:"last week"', "date:2024-10-28..2024-11-03"),
    ('date:"this week"', "date:2024-11-04..2024-11-10"),
    ('date:"this month"', "date:2024-11"),
    ('date:"last month"', "date:2024-10"),
    ('date:"past 30 days"', "date:2024-10-08..2024-11-06"),
    ('date:"past 3 months"', "date:2024-08-07..2024-11-06"),
    ('date:2024-q4', "date:2024-10..2024-12"),
    ('date:"october 2024"', "date:2024-10"),
    ('date:2023-06..now', "date:2023-06-01..2024-11-06"),
    ('date:"since march 2024"', "date:2024-03-01.."),
    ('date:"before 2024"', "date:..2023-12-31"),
    ('date:"this year" said', "date:2024 said"),
]
nonempty = 0
for said, iso in same:
    got = env.ids(db, said, "--now", now)
    want = env.ids(db, iso)
    env.equal(got, want, f"{said} at {now} = {iso}")
    nonempty += bool(want)
env.check(nonempty >= 8, f"most of the relative forms find articles in the corpus ({nonempty})")

# The time zone decides the day: 23:30 UTC is already the next day in Tokyo.
r = env.search(db, "--explain", "--now", "2024-10-27T23:30:00Z", "--tz", "Asia/Tokyo", "--", "date:today")
env.equal(r.stdout.splitlines()[0], "Query(D20241028)", "--tz Asia/Tokyo turns the day")
r = env.search(db, "--explain", "--now", "2024-10-27T23:30:00Z", "--", "date:today")
env.equal(r.stdout.splitlines()[0], "Query(D20241027)", "UTC by default")

for args, what in [(["--now", "yesterday"], "--now"), (["--now", "2024-02-30"], "--now"), (["--tz", "Mars/Base"], "--tz")]:
    r = env.search(db, *args, "--", "date:today")
    env.equal(r.returncode, 2, f"bad {what} {args[1]}: exit status")
    env.check(what in r.stderr, f"bad {what}: message names it: {r.stderr.strip()}")
r = env.search(db, "--now", now, "--", 'date:"next week"')
env.equal(r.returncode, 2, "date:\"next week\" is a usage error")
env.check("column 6" in r.stderr and "last week" in r.stderr, f"the message shows the forms: {r.stderr.strip()}")

# A database without dates: a date: filter warns instead of silently finding nothing.
folder = os.path.join(env.work, "undated")
os.makedirs(folder)
with open(os.path.join(folder, "a.txt"), "w") as f:
    f.write("An undated note\n\nThe council met on the budget.\n")
udb = os.path.join(env.work, "undated.db")
env.equal(env.index("--db", udb, folder).returncode, 0, "undated index")
r = env.search(udb, "--", "council date:2024")
env.equal(r.returncode, 1, "no match")
env.check("warning: none of the 1 articles has a date" in r.stderr, f"warning: {r.stderr.strip()}")
r = env.search(udb, "--json", "--", "council date:2024")
env.check(any("has a date" in w for w in json.loads(r.stdout).get("warnings", [])), "JSON warnings")
r = env.search(db, "--", "council date:2024")
env.check("warning" not in r.stderr, "no warning on a dated database")

env.finish()
