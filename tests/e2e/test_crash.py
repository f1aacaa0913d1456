#!/usr/bin/env python3
"""Crash safety: news-index killed with SIGKILL at random moments, 20 times, leaves a
database that opens and passes xapian-check; the next run completes, and the result
equals a clean build of the same files (same ids, same terms, no duplicates)."""
import json
import os
import random
import signal
import subprocess
import time

from harness import Env, make_corpus, db_state

env = Env()
src = os.path.join(env.work, "articles")
n = 12000
make_corpus(env, src, n, seed=7)
# One big JSON Lines file too: commits land in the middle of it, and a kill there must not
# leave it half indexed (its signature is recorded only once all its records are in).
records = 3000
with open(os.path.join(src, "feed.jsonl"), "w") as f:
    for i in range(records):
        f.write(json.dumps({"id": f"r{i}", "title": f"Wire record {i}", "date": "2024-05-01",
                            "text": f"Record {i}: the port authority said cranes were idle for {i % 17} hours."}) + "\n")
n += records
db = os.path.join(env.work, "killed.db")
rnd = random.Random(20261129)
kills = 0
for attempt in range(20):
    p = subprocess.Popen([env.index_bin, "--progress", "never", "--batch-size", "200", "--db", db, src],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(rnd.uniform(0.2, 1.2))
    if p.poll() is None:
        p.send_signal(signal.SIGKILL)
        kills += 1
    p.wait()
    if os.path.exists(os.path.join(db, "iamglass")):
        r = env.run("xapian-check", db)
        env.check(r.returncode == 0, f"xapian-check after kill {attempt + 1}: {r.stdout[-300:]} {r.stderr[-300:]}")
env.check(kills >= 15, f"{kills} of 20 runs were killed mid-run")
r = env.index("--batch-size", "200", "--db", db, src)
env.equal(r.returncode, 0, f"the run after the kills completes ({r.stderr[-300:]})")

clean = os.path.join(env.work, "clean.db")
r = env.index("--batch-size", "200", "--db", clean, src)
env.equal(r.returncode, 0, "clean build")
killed_state, clean_state = db_state(env, db), db_state(env, clean)
env.equal(killed_state[0], str(n), "no article lost or duplicated")
env.check(killed_state == clean_state, "every term with the same frequencies as a clean build")
print(f"{kills} kills")
env.finish()
