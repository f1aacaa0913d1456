"""PolNeAR's attributions as the shared scorer reads them (BRAT standoff, corpus/attributions/*.ann).

relations(corpus) -> {article name: [{"Source": text, "Cue": text, "Content": text}, ...]}:
one entry per `E` line, each role as the text of its span ("" when absent); an article with
two annotators keeps the first file, as ../shared/eval/score_speakers.py does.
"""
import os
import re


def relations(corpus):
    out = {}
    ann_dir = os.path.join(corpus, "attributions")
    for fn in sorted(os.listdir(ann_dir)):
        art = re.sub(r"_[0-9a-f]{4}\.ann$", "", fn)
        if art in out:  # a second annotator: keep the first
            continue
        spans, rels = {}, []
        for line in open(os.path.join(ann_dir, fn), encoding="utf-8"):
            parts = line.rstrip("\n").split("\t")
            if parts[0].startswith("T") and len(parts) >= 3:
                spans[parts[0]] = parts[2]
            elif parts[0].startswith("E") and len(parts) >= 2:
                rels.append(dict(x.split(":", 1) for x in parts[1].split()))
        out[art] = [{role: spans.get(r.get(role, ""), "") for role in ("Source", "Cue", "Content")} for r in rels]
    return out
