#!/usr/bin/env python3
"""speaker: and quote: pairing against brute force (tests/pairing_oracle.cpp): 200 random
queries of the six forms of the README's pairing table, over the bundled corpus
(NEWS_ORACLE_CORPUS=bundled) or PolNeAR with its manifest (=polnear, with the three
queries a user's trial found wrong as fixed rows), must match exactly the articles that
the oracle works out from `news-index --extract`."""
import os
import subprocess

from harness import Env

env = Env()
oracle = os.environ["NEWS_PAIRING_ORACLE"]
which = os.environ.get("NEWS_ORACLE_CORPUS", "bundled")
fixed = []
if which == "polnear":
    root = env.need_shared("corpora", "polnear")
    inputs = ["--manifest", os.path.join(root, "metadata.tsv"), os.path.join(root, "train", "text"),
              os.path.join(root, "dev", "text")]
    fixed = ["speaker:trump quote:wall", "speaker:trump quote:mexico", "speaker:trump quote:(wall OR mexico)"]
else:
    inputs = [env.corpus]
db = os.path.join(env.work, "oracle.db")
r = env.index("--db", db, *inputs)
env.equal(r.returncode, 0, f"index ({r.stderr[-400:]})")
extract = os.path.join(env.work, "extract.jsonl")
r = env.index("--extract", *inputs)
env.equal(r.returncode, 0, f"extract ({r.stderr[-400:]})")
with open(extract, "w", encoding="utf-8") as f:
    f.write(r.stdout)
args = [oracle, extract, db, "--queries", "200"]
for q in fixed:
    args += ["--fixed", q]
r = subprocess.run(args, capture_output=True, text=True)
print(r.stdout[-6000:], r.stderr[-2000:])
env.equal(r.returncode, 0, "news-search agrees with the oracle on every query")
env.finish()
