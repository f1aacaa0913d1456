#!/usr/bin/env python3
"""Incremental runs: after adding, changing and deleting files (a JSON Lines file
among them) and re-running with --prune, the database equals a fresh build of the
same files: same ids, same terms and frequencies. Unchanged files are not re-read."""
import json
import os
import shutil
import time

from harness import Env, make_corpus, db_state

env = Env()
src = os.path.join(env.work, "articles")
paths = make_corpus(env, src, 60, seed=3)
feed = os.path.join(src, "feed.jsonl")


def write_feed(records):
    with open(feed, "w") as f:
        for r in records:
            f.write(json.dumps(r) + "\n")


write_feed([{"id": f"r{i}", "title": f"Feed record {i}", "date": "2024-02-0%d" % (1 + i), "text": f"Record {i} text about ports."}
            for i in range(4)])
db = os.path.join(env.work, "inc.db")
r = env.index("--db", db, src)
env.equal(r.returncode, 0, "first build")
r = env.index("--db", db, src)
env.check("0 new, 0 changed, 61 unchanged" in r.stderr, f"a re-run reads nothing: {r.stderr}")

time.sleep(0.02)
for p in paths[:5]:  # change
    with open(p, "a") as f:
        f.write("\nA late correction was appended to this article after reindexing.\n")
for p in paths[5:10]:  # delete
    os.remove(p)
extra = os.path.join(env.work, "extra")
for i, p in enumerate(make_corpus(env, extra, 5, seed=99)):  # add
    shutil.copy(p, os.path.join(src, f"new{i}.txt"))
write_feed([{"id": "r0", "title": "Feed record 0", "date": "2024-02-01", "text": "Record 0 text, now revised."},
            {"id": "r9", "title": "Feed record 9", "date": "2024-02-09", "text": "A new record."}])
r = env.index("--db", db, "--prune", src)
env.check("5 new, 6 changed, 50 unchanged, 5 removed" in r.stderr, f"summary of the second run: {r.stderr}")
env.equal(env.ids(db, "correction"), {f"articles/{os.path.relpath(p, src)}" for p in paths[:5]}, "changed text found")
# A word first met in this incremental run is in the stem table too: "reindexed" finds
# "reindexing" only through it.
env.equal(env.ids(db, "reindexed"), {f"articles/{os.path.relpath(p, src)}" for p in paths[:5]}, "stem table of an incremental run")
env.equal(env.ids(db, "title:reindexed"), set(), "no title match")
env.equal(env.ids(db, "revised"), {"r0"}, "changed record")
env.equal(env.ids(db, "title:record"), {"r0", "r9"}, "removed records gone")

# Once more: change a file back, re-run, then compare with a fresh build.
time.sleep(0.02)
with open(paths[0], "a") as f:
    f.write("\nAnd a second one.\n")
env.index("--db", db, "--prune", src)
fresh = os.path.join(env.work, "fresh.db")
env.index("--db", fresh, src)
a, b = db_state(env, db), db_state(env, fresh)
env.equal(a[0], b[0], "same number of articles as a fresh build")
env.check(a == b, "same terms and frequencies as a fresh build")

# Threads change nothing: one worker and three build the same database, docids included.
one, three = os.path.join(env.work, "one.db"), os.path.join(env.work, "three.db")
env.index("--jobs", "1", "--db", one, src)
env.index("--jobs", "3", "--batch-size", "7", "--db", three, src)
env.check(db_state(env, one) == db_state(env, three), "--jobs 1 and --jobs 3 give the same terms")
ids_one = env.run("xapian-delve", "-A", "Q", "-1", "-v", one).stdout
env.equal(env.run("xapian-delve", "-A", "Q", "-1", "-v", three).stdout, ids_one, "and the same ids")
order = lambda d: [env.run("xapian-delve", "-t", t, d).stdout for t in ids_one.split()[5:10]]
env.equal(order(three), order(one), "and the same document ids")

# A bulk build (an empty database, several threads: segments merged at the end) replaces an
# article met twice in one run the way one writer does: the later text, the first docid.
dup = os.path.join(env.work, "dup")
os.makedirs(dup)
with open(os.path.join(dup, "a.jsonl"), "w") as f:
    for i in range(40):
        f.write(json.dumps({"id": f"d{i % 30}", "title": f"Version {i}", "text": f"Text {i} of the dock strike."}) + "\n")
shutil.copy(os.path.join(dup, "a.jsonl"), os.path.join(dup, "b.jsonl"))  # the same ids again, from another file
one, many = os.path.join(env.work, "dup1.db"), os.path.join(env.work, "dupn.db")
env.index("--jobs", "1", "--db", one, dup)
r = env.index("--jobs", "3", "--batch-size", "4", "--verbose", "--db", many, dup)
env.check("merging" in r.stderr, f"the second build merges segments: {r.stderr[-300:]}")
env.equal(db_state(env, many), db_state(env, one), "duplicates: same terms as one writer")
env.equal(env.run("xapian-delve", "-t", "Sversion", many).stdout, env.run("xapian-delve", "-t", "Sversion", one).stdout,
          "duplicates: same document ids")
env.check(not os.path.exists(many + ".segments"), "no segments left behind")
r = env.index("--db", many, dup)
env.check("0 new, 0 changed, 2 unchanged" in r.stderr, f"both files are recorded as done: {r.stderr}")
env.finish()
