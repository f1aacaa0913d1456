#!/usr/bin/env python3
"""Extraction on the bundled corpus against the facts written down in corpus/README.md
("Facts for tests": speakers, organisations quoted, people mentioned but not quoted):
precision and recall of speakers and persons must stay above the thresholds below."""
import json
import os
import re

from harness import Env

THRESHOLDS = {"speakers_P": 0.95, "speakers_R": 0.92, "persons_P": 0.89, "persons_R": 0.94}

env = Env()
readme = open(os.path.join(env.corpus, "README.md"), encoding="utf-8").read()
facts = {}
for sec in re.split(r"\n### ", readme.split("## Facts for tests")[1])[1:]:
    head, body = sec.split("\n", 1)
    sp = re.search(r"- Speakers: (.*)", body)
    speakers = re.findall(r"\*\*([^*]+)\*\*", sp.group(1)) if sp else []
    orgs = re.findall(r"\*org\* \*\*([^*]+)\*\*", sp.group(1)) if sp else []
    men = re.search(r"- Mentioned, not quoted: (.*)", body)
    mentioned = []
    if men and not men.group(1).startswith("none"):
        text = re.sub(r"\([^)]*\)", "", men.group(1))
        mentioned = [m.strip(" *.") for m in re.split(r",| and ", text) if m.strip(" *.") and m.strip()[0].isupper()]
    facts[head.split()[0]] = (set(speakers), set(orgs), set(mentioned))
env.check(len(facts) >= 30, f"facts for {len(facts)} articles")

r = env.index("--extract", env.corpus)
tp = fp = fn = ptp = pfp = pfn = 0
for line in r.stdout.splitlines():
    a = json.loads(line)
    key = a["id"].split("/", 1)[-1]  # "corpus/x/y.txt" -> "x/y.txt"; a JSON record's own id as it is
    if key not in facts:
        continue
    want, orgs, mentioned = facts[key]
    got = {s["name"] for s in a["speakers"] if s["name"][:1].isupper()}
    tp, fp, fn = tp + len(got & want), fp + len(got - want), fn + len(want - got)
    persons, want_p = set(a["persons"]), (want - orgs) | mentioned
    ptp, pfp, pfn = ptp + len(persons & want_p), pfp + len(persons - want_p), pfn + len(want_p - persons)
    if got != want:
        print(f"  {key}: speakers missing {sorted(want - got)}, extra {sorted(got - want)}")
scores = {"speakers_P": tp / (tp + fp), "speakers_R": tp / (tp + fn),
          "persons_P": ptp / (ptp + pfp), "persons_R": ptp / (ptp + pfn)}
print("  " + "  ".join(f"{k}={v:.3f}" for k, v in scores.items()))
for k, v in scores.items():
    env.check(v >= THRESHOLDS[k], f"{k} = {v:.3f} >= {THRESHOLDS[k]}")
env.finish()
