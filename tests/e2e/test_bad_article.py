#!/usr/bin/env python3
"""One article never stops a run: an article whose extraction fails is reported as
`path: error: ...`, counted, and indexed without speakers; the others are indexed as
usual and the run exits 1 (not 2, not 3). The failure is planted through the
NEWS_TEST_FAIL_EXTRACT hook, and the text that once crashed speaker extraction (a
quotation holding only punctuation and spaces) is indexed with no error at all."""
import json
import os

from harness import Env

env = Env()
src = os.path.join(env.work, "articles")
os.makedirs(src)
MARKER = "zqxplantedfailure"
texts = {
    "good1.txt": "Port cranes idle\n\nThe cranes stood idle on Tuesday, the harbour master said.",
    "planted.txt": f"Planted failure\n\n“We will reopen the terminal,” said Ida Brandt. The {MARKER} word is here.",
    "sign.txt": "Blank sign\n\nThe sign read “(      ” and nothing else, officials said. Reporters waited.",
    "good2.txt": "Ferry schedule\n\n“The ferries run again on Monday,” said Tomas Okafor, the operator's director.",
}
for name, text in texts.items():
    with open(os.path.join(src, name), "w", encoding="utf-8") as f:
        f.write(text + "\n")

db = os.path.join(env.work, "news.db")
r = env.index("--db", db, src, env={"NEWS_TEST_FAIL_EXTRACT": MARKER})
env.equal(r.returncode, 1, f"a failing article makes the run exit 1 ({r.stderr[-400:]})")
planted = os.path.join(src, "planted.txt")
env.check(any(l.startswith(planted + ": error: ") and "extraction failed" in l for l in r.stderr.splitlines()),
          f"the failure names the file: {r.stderr[-400:]}")
env.check("1 failed" in r.stderr or "failed: 1" in r.stderr or " 1 failed" in r.stderr,
          f"the summary counts the failure: {r.stderr[-400:]}")
# Every article is in: the planted one without speakers, the others with theirs.
for word, name in [("cranes", "good1.txt"), (MARKER, "planted.txt"), ("sign", "sign.txt"), ("ferries", "good2.txt")]:
    got = env.ids(db, word)
    env.check(any(i.endswith(name) for i in got), f"{name} is indexed and found by {word!r}: {sorted(got)}")
env.equal(env.ids(db, "speaker:brandt"), set(), "the planted article is indexed without speakers")
env.check(any(i.endswith("good2.txt") for i in env.ids(db, "speaker:okafor")), "the others keep their speakers")

# Without the hook, the punctuation-only quotation is no error at all.
db2 = os.path.join(env.work, "clean.db")
r = env.index("--db", db2, src)
env.equal(r.returncode, 0, f"no failure without the hook ({r.stderr[-400:]})")
env.check(any(i.endswith("planted.txt") for i in env.ids(db2, "speaker:brandt")), "speakers extracted without the hook")
env.finish()
