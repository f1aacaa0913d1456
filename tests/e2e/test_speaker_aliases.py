#!/usr/bin/env python3
"""One person, one speaker (issue 13, item 3), on the fixture corpus/feeds/speakers.jsonl:
Barack and Michelle Obama, Bill and Hillary Clinton, George H. W. and George W. Bush are never
merged, and a speaker known only by the surname ("President Obama", "Mr. Clinton",
"Secretary of State Clinton", "Bush") is found by the full name when the archive makes it
clear, in article-wide and paired (speaker: quote:) queries; the links do not depend on the
order of indexing, on --jobs or on shards; --speakers lists one person under all names."""
import json
import os
import shutil

from harness import Env

env = Env()
db = os.path.join(env.work, "corpus.db")
r = env.index("--db", db, env.corpus)
env.equal(r.returncode, 0, f"index exit status ({r.stderr[-300:]})")


def ids(query, where=db):
    return {i.split("#")[0] for i in env.ids(where, query)}


def fixture(*numbers):
    wanted = set()
    with open(os.path.join(env.corpus, "feeds", "speakers.jsonl"), encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if int(rec["id"].rsplit("-", 1)[1]) in numbers:
                wanted.add(rec["id"])
    return wanted


BARACK, MICHELLE_ONLY, PRESIDENT_OBAMA = fixture(1, 2, 3, 4), fixture(4), fixture(5)
MRS_OBAMA = fixture(6)
BILL, MR_CLINTON, HILLARY, STATE_CLINTON = fixture(7, 8, 9), fixture(10), fixture(1, 2, 3), fixture(5)
HW, PRESIDENT_BUSH, W, BUSH = fixture(11, 12, 13), fixture(14), fixture(15, 16, 17), fixture(18)

cases = {
    'speaker:"barack obama"': BARACK | PRESIDENT_OBAMA,  # not Mrs. Obama's article
    'speaker:"michelle obama"': MICHELLE_ONLY,           # one article: too few to link "Mrs. Obama"
    'speaker:"bill clinton"': BILL | MR_CLINTON,
    'speaker:"hillary clinton"': HILLARY | STATE_CLINTON,
    'speaker:"george h. w. bush"': HW | PRESIDENT_BUSH,  # "George H.W. Bush" is spelled with spaces
    'speaker:"george h.w. bush"': HW | PRESIDENT_BUSH,
    'speaker:"george w. bush"': W | BUSH,
    # a surname alone keeps its meaning: every speaker with that name word
    "speaker:obama": BARACK | PRESIDENT_OBAMA | MRS_OBAMA,
    "speaker:clinton": BILL | MR_CLINTON | HILLARY | STATE_CLINTON,
    # paired with a quote: the linked speaker's own quotes only
    'speaker:"barack obama" quote:dredging': set(),
    'speaker:"barack obama" quote:channel': PRESIDENT_OBAMA,
    'speaker:"hillary clinton" quote:channel': set(),     # the channel quote is Obama's
    'speaker:"hillary clinton" quote:map': STATE_CLINTON,
    'speaker:"bill clinton" quote:cameras': MR_CLINTON,
    'speaker:"michelle obama" quote:"home front"': set(),  # Mrs. Obama alone is not linked
    'speaker:"barack obama" quote:"home front"': set(),
    'speaker:"george w. bush" quote:border': BUSH,
    'speaker:"george h. w. bush" quote:border': set(),
    'speaker:"george h. w. bush" quote:customers': PRESIDENT_BUSH,
    'speaker:"barack obama" -quote:channel': BARACK,
}
for q, want in cases.items():
    env.equal(ids(q), want, q)
env.equal(env.search(db, "--count", 'speaker:"barack obama"').stdout.strip(), str(len(BARACK | PRESIDENT_OBAMA)),
          "--count agrees")

# The quotes shown with a result: the linked speaker's.
res = json.loads(env.search(db, "--json", 'speaker:"hillary clinton" quote:map').stdout)
shown = [q["speaker"] for h in res["results"] for q in h.get("matched_quotes", [])]
env.equal(shown, ["Clinton"], "the quote shown is the linked speaker's")

# --speakers: one person under every name; the hard pairs apart.
sp = json.loads(env.search(db, "--speakers", "--json", "source:capitol").stdout)["speakers"]
by_name = {s["name"]: s for s in sp}
env.equal((by_name["Barack Obama"]["articles"], by_name["Barack Obama"]["aliases"]), (5, ["Obama"]), "Barack Obama listed")
env.equal(by_name["Michelle Obama"]["articles"], 1, "Michelle Obama listed apart")
env.equal((by_name["Hillary Clinton"]["articles"], by_name["Hillary Clinton"]["aliases"]), (4, ["Clinton"]),
          "Hillary Clinton listed")
env.equal((by_name["Bill Clinton"]["articles"], by_name["Bill Clinton"]["aliases"]), (4, ["Clinton"]), "Bill Clinton")
env.equal(by_name["George H. W. Bush"]["articles"], 4, "George H. W. Bush")
env.equal(by_name["George W. Bush"]["articles"], 4, "George W. Bush")
env.check("Obama" in by_name and by_name["Obama"]["articles"] == 1, f"Mrs. Obama alone stays apart ({by_name.get('Obama')})")
text = env.search(db, "--speakers", 'speaker:"george w. bush"')
env.check(text.returncode == 0 and "George W. Bush  (Bush)" in text.stdout, f"--speakers text: {text.stdout}")
env.equal(env.search(db, "--speakers", "nosuchwordanywhere").returncode, 1, "--speakers with no match")
env.equal(env.search(db, "--speakers", "speaker:(").returncode, 2, "--speakers with a bad query")

# Independent of the order of indexing and of --jobs: the fixture first, then the rest, with one job.
other = os.path.join(env.work, "other-order.db")
env.index("--db", other, "--jobs", "1", os.path.join(env.corpus, "feeds", "speakers.jsonl"))
env.index("--db", other, "--jobs", "1", env.corpus)
for q, want in cases.items():
    env.equal(ids(q, other), want, f"{q} (other order, --jobs 1)")

# Shards: the fixture split in two databases; the links come from both shards' tables.
feed = os.path.join(env.corpus, "feeds", "speakers.jsonl")
lines = open(feed, encoding="utf-8").read().splitlines(keepends=True)
halves = []
for n, part in enumerate((lines[0::2], lines[1::2])):
    folder = os.path.join(env.work, f"half{n}")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "speakers.jsonl"), "w", encoding="utf-8") as f:
        f.writelines(part)
    shard = os.path.join(env.work, f"shard{n}.db")
    env.index("--db", shard, folder)
    halves.append(shard)
for q, want in cases.items():
    r = env.search(halves[0], "--db", halves[1], "--jsonl", "-n", "1000", "--", q)
    got = {json.loads(l)["id"].split("#")[0] for l in r.stdout.splitlines() if l.strip()}
    env.equal(got, want, f"{q} (two shards)")

# A result, and --get, name the person a linked surname stands for (JSON "person", text [..]).
r = env.search(db, "--jsonl", "-n", "100", "--", 'speaker:"barack obama"')
people = {(s["name"], s.get("person")) for l in r.stdout.splitlines() if l.strip() for s in json.loads(l)["speakers"]}
env.check(("Obama", "Barack Obama") in people, f"a result's linked speaker names the person: {sorted(people, key=str)}")
env.check(("Michelle Obama", None) in people, "a full name has no person besides itself")
r = env.search(db, "--", 'speaker:"barack obama"')
env.check("Obama [Barack Obama]" in r.stdout, "text results show the person in brackets")
ids_obama = sorted(i for i in BARACK | PRESIDENT_OBAMA)
r = env.search(db, "--get", "--json", *ids_obama)
got = {(s["name"], s.get("person")) for a in json.loads(r.stdout)["articles"] for s in a["speakers"]}
env.check(("Obama", "Barack Obama") in got, "--get names the person too")

# --delete rebuilds the table: without two of Bill Clinton's articles, "Mr. Clinton" is nobody's.
for rec in sorted(BILL)[:2]:
    env.index("--db", other, "--delete", rec)
env.equal(ids('speaker:"bill clinton"', other), BILL - set(sorted(BILL)[:2]), "after --delete, no link")
shutil.rmtree(other, ignore_errors=True)
env.finish()
