#!/usr/bin/env python3
"""The round trip of the one rule of text: every sentence of every bundled article,
searched as an exact phrase, finds its article (indexing and querying share the Analyzer)."""
import json
import os
import re

from harness import Env

env = Env()
db = os.path.join(env.work, "corpus.db")
r = env.index("--db", db, env.corpus)
env.equal(r.returncode, 0, f"index ({r.stderr})")
articles = [json.loads(l) for l in env.index("--extract", env.corpus).stdout.splitlines()]
env.check(len(articles) >= 40, f"{len(articles)} articles extracted")

# Sentences: split paragraphs at . ! ? 。 followed by a space (or end); drop the marks that
# delimit phrases in the query language.
queries, owner = [], {}
for a in articles:
    for para in [a["title"]] + a["text"].split("\n\n"):
        for sent in re.split(r"(?<=[.!?。])\s+|(?<=。)", para):
            phrase = re.sub(r"[\"“”„«»]", " ", sent).strip()
            if len(phrase.split()) < 2 and len(phrase) < 4:
                continue
            qid = f"s{len(queries)}"
            queries.append(f'{qid}\t"{phrase}"')
            owner[qid] = a["id"]
batch = os.path.join(env.work, "sentences.tsv")
with open(batch, "w") as f:
    f.write("\n".join(queries) + "\n")
r = env.search(db, "--batch", batch, "--jsonl", "-n", "1000", "--no-collapse")
env.check(r.returncode == 0, f"batch ran ({r.stderr[:500]})")
found = {}
for line in r.stdout.splitlines():
    o = json.loads(line)
    found.setdefault(o["qid"], set()).add(o["id"])
missing = [(qid, owner[qid]) for qid in owner if owner[qid] not in found.get(qid, set())]
for qid, art in missing[:10]:
    print(f"  not found: {art}: {queries[int(qid[1:])]}")
env.equal(len(missing), 0, f"sentences not found by their own phrase (of {len(owner)})")
env.finish()
