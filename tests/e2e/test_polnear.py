#!/usr/bin/env python3
"""PolNeAR (../shared/corpora/polnear) indexed with its metadata.tsv as the manifest, as it
is: every article is in, and source and date filters agree with counts made from the TSV."""
import collections
import csv
import os

from harness import Env

env = Env()
root = env.need_shared("corpora", "polnear")
manifest = os.path.join(root, "metadata.tsv")
inputs = [os.path.join(root, c, "text") for c in ("train", "dev")]
db = os.path.join(env.work, "polnear.db")
r = env.index("--db", db, "--manifest", manifest, *inputs)
env.equal(r.returncode, 0, f"index exit status ({r.stderr[-500:]})")

rows = list(csv.DictReader(open(manifest, encoding="utf-8"), delimiter="\t"))
files = sum(len(os.listdir(d)) for d in inputs)
env.equal(env.search(db, "--count", "date:..9999").stdout.strip(), str(files), "every article indexed with a date")
by_source = collections.Counter(r["publisher"] for r in rows)
for pub, n in sorted(by_source.items()):
    env.equal(env.search(db, "--count", f'source:"{pub}"').stdout.strip(), str(n), f"source:{pub}")
by_month = collections.Counter(r["publication_date"][:7] for r in rows)
for month, n in sorted(by_month.items()):
    env.equal(env.search(db, "--count", f"date:{month}").stdout.strip(), str(n), f"date:{month}")
# Titles come from the manifest; one article is found by its own title as a phrase.
row = rows[0]
r = env.search(db, "--jsonl", "-n", "5", "--", f'title:"{row["title"]}"')
env.check(row["filename"] in r.stdout, f"title search finds {row['filename']}")
env.finish()
