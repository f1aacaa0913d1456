#!/usr/bin/env python3
"""Crash safety: news-index killed with SIGKILL at random moments, 20 times, leaves a
database that opens and passes xapian-check; the next run completes, and the result
equals a clean build of the same files (same ids, same terms, no duplicates). Kills hit
bulk builds (segments), incremental runs and runs replacing changed files."""
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
# A clean build first: its time sets when the kills come (the machine may be fast or busy).
clean = os.path.join(env.work, "clean.db")
started = time.monotonic()
r = env.index("--batch-size", "200", "--db", clean, src)
clean_seconds = time.monotonic() - started
env.equal(r.returncode, 0, "clean build")

# The first run is a bulk build (segments written in parallel, merged at the end); a kill
# there leaves the segments it finished, which the next run keeps; later runs add to a
# database that is no longer empty, committing in batches.
db = os.path.join(env.work, "killed.db")
rnd = random.Random(20261129)
kills = 0
files = sorted(os.path.join(d, f) for d, _, fs in os.walk(src) for f in fs)
rebuilt = False
for attempt in range(60):  # until 20 runs were killed
    if kills == 10 and not rebuilt:  # a second bulk build, killed too
        subprocess.run(["rm", "-rf", db], check=True)
        rebuilt = True
    p = subprocess.Popen([env.index_bin, "--progress", "never", "--batch-size", "200", "--db", db, src],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(rnd.uniform(0.02, 0.3) * clean_seconds)
    if p.poll() is None:
        p.send_signal(signal.SIGKILL)
        kills += 1
    else:
        # The run finished before its kill: touch some files, so that the next run has
        # articles to replace (replacing must survive a kill as well).
        for path in rnd.sample(files, len(files) // 3):
            os.utime(path, None)
    p.wait()
    if os.path.exists(os.path.join(db, "iamglass")):
        r = env.run("xapian-check", db)
        env.check(r.returncode == 0, f"xapian-check after run {attempt + 1}: {r.stdout[-300:]} {r.stderr[-300:]}")
    if kills == 20:
        break
env.check(kills == 20, f"only {kills} of {attempt + 1} runs were killed mid-run")
r = env.index("--batch-size", "200", "--db", db, src)
env.equal(r.returncode, 0, f"the run after the kills completes ({r.stderr[-300:]})")

killed_state, clean_state = db_state(env, db), db_state(env, clean)
env.equal(killed_state[0], str(n), "no article lost or duplicated")
env.check(killed_state == clean_state, "every term with the same frequencies as a clean build")
print(f"{kills} kills in {attempt + 1} runs")
env.finish()
