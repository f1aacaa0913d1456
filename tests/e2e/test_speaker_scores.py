#!/usr/bin/env python3
"""Speaker extraction quality on PolNeAR dev and train, scored by
../shared/eval/score_speakers.py (quotes and speakers) and tests/audit/score_reported.py
(reported speech), never falls below the thresholds recorded in
tests/speaker_thresholds.json (one set per split)."""
import json
import os
import re
import sys

from harness import Env

env = Env()
polnear = env.need_shared("corpora", "polnear")
scorer = env.need_shared("eval", "score_speakers.py")
thresholds = json.load(open(os.path.join(env.source_dir, "tests", "speaker_thresholds.json")))
for split in ("dev", "train"):
    corpus = os.path.join(polnear, split)
    r = env.index("--extract", os.path.join(corpus, "text"))
    env.equal(r.returncode, 0, f"extract {split} ({r.stderr[-300:]})")
    pred = os.path.join(env.work, f"{split}.jsonl")
    with open(pred, "w") as f:
        f.write(r.stdout)
    r = env.run(sys.executable, scorer, corpus, pred)
    last = r.stdout.strip().splitlines()[-1]
    print(f"{split}: {last}")
    m = re.search(r"speakers P=([\d.]+) R=([\d.]+) F1=[\d.]+ quotes P=([\d.]+) R=([\d.]+) attribution=([\d.]+)", last)
    env.check(m is not None, f"scorer output: {r.stdout} {r.stderr}")
    if m:
        got = dict(zip(["speakers_P", "speakers_R", "quotes_P", "quotes_R", "attribution"], map(float, m.groups())))
        for k, v in got.items():
            env.check(v >= thresholds[split][k], f"{split} {k} = {v:.3f}, threshold {thresholds[split][k]}")
    r = env.run(sys.executable, os.path.join(env.source_dir, "tests", "audit", "score_reported.py"), corpus, pred)
    last = r.stdout.strip().splitlines()[-1] if r.stdout.strip() else ""
    print(f"{split}: {last}")
    m = re.search(r"reported P=([\d.]+) R=([\d.]+) attribution=([\d.]+)", last)
    env.check(m is not None, f"score_reported output: {r.stdout} {r.stderr}")
    if m:
        got = dict(zip(["reported_P", "reported_R", "reported_attribution"], map(float, m.groups())))
        for k, v in got.items():
            env.check(v >= thresholds[split][k], f"{split} {k} = {v:.3f}, threshold {thresholds[split][k]}")
env.finish()
