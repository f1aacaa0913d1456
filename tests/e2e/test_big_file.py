#!/usr/bin/env python3
"""A JSON Lines file of more than 8 MB is read in pieces cut at line ends (bounded memory
for a file of a million articles): records keep the ids and line numbers of the whole file,
a bad line is reported with its line in the file and stops nothing, one thread and two
build the same database, and a re-run finds the file unchanged."""
import json
import os

from harness import Env, db_state

env = Env()
src = os.path.join(env.work, "feed")
os.makedirs(src)
path = os.path.join(src, "big.jsonl")
filler = " ".join(f"word{k}" for k in range(150))  # about 1 KB a record
lines = 0
bad_line = None
with open(path, "w") as f:
    while f.tell() < 20 << 20:  # 20 MB: three pieces
        lines += 1
        if lines == 12000:  # in the second piece
            f.write('{"title": "broken", "text": \n')
            bad_line = lines
            continue
        f.write(json.dumps({"title": f"Record {lines}", "date": "2024-03-01",
                            "text": f"Line {lines} of the harbour feed. {filler}"}) + "\n")
records = lines - 1

one, two = os.path.join(env.work, "one.db"), os.path.join(env.work, "two.db")
r = env.index("--jobs", "1", "--db", one, src)
env.equal(r.returncode, 1, f"a bad record makes the run report a failure ({r.stderr[-300:]})")
env.check(f"big.jsonl:{bad_line}: error: invalid JSON" in r.stderr, f"the bad line is named by its line in the file: {r.stderr[-500:]}")
env.check(f"wrote {records} articles" in r.stderr, f"every good record is indexed: {r.stderr[-300:]}")
r = env.index("--jobs", "2", "--db", two, src)
env.equal(r.returncode, 1, "the same with two threads")
env.equal(db_state(env, two), db_state(env, one), "one thread and two give the same terms")
# Ids carry the record's line in the whole file, also in the last piece.
for line in (1, bad_line - 1, bad_line + 1, lines):
    r = env.search(two, "--count", f'title:"record {line}"')
    env.equal(r.stdout.strip(), "1", f"record of line {line} found")
    r = env.search(two, "--jsonl", f'title:"record {line}"')
    env.check(r.stdout and json.loads(r.stdout.splitlines()[0])["id"] == f"feed/big.jsonl#{line}",
              f"record of line {line} has the id of its line: {r.stdout[:200]}")
r = env.index("--db", two, src)
env.check("0 new, 0 changed, 1 unchanged" in r.stderr, f"a re-run finds the file done: {r.stderr[-300:]}")
env.finish()
