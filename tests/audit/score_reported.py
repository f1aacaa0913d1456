#!/usr/bin/env python3
"""Score reported speech (news-index --extract's "reported") against PolNeAR's indirect attributions.

usage: score_reported.py CORPUS_DIR PREDICTIONS.jsonl [--show-errors N]

The conventions are those of ../shared/eval/score_speakers.py, which this script imports
(it must be there): an attribution whose Content holds no text inside double quotation marks
is reported speech; its content is a token set, its Source reduced to a key (the last word of
the last capitalised name; none for a pronoun or a noun phrase). A predicted span matches a
gold content when it covers at least 0.8 of its tokens (recall), and a gold content covers
at least 0.8 of a predicted span's tokens (precision). PolNeAR annotates what people think,
want and mean too ("he figures that ...", "she likes ..."), with cues that report no speech:
those count against recall like any other.

Prints the counts, then a last line:
  reported P=0.000 R=0.000 attribution=0.000
attribution: of the gold contents found whose source is named, the share given to a speaker
with the gold key.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "shared", "eval"))
import score_speakers as S  # noqa: E402

import polnear_ann  # noqa: E402 (beside this script)


# Cues that report speech, for the recall of reported *speech* apart from thoughts and wishes.
SPEECH_CUES = {
    "said", "says", "say", "told", "tells", "added", "adds", "according to", "argued", "argues", "claimed", "claims",
    "insisted", "insists", "warned", "warns", "noted", "notes", "explained", "stressed", "wrote", "writes", "tweeted",
    "declared", "announced", "acknowledged", "admitted",
}


def read_gold(corpus):
    """{article: [(content tokens, key, cue is a verb of speech)]} for the indirect attributions of
    at least 3 words."""
    gold = {}
    for art, rels in polnear_ann.relations(corpus).items():
        out = []
        for r in rels:
            content = r["Content"]
            if S.OPEN_CLOSE.search(content) or len(S.tokens(content)) < 3:
                continue
            out.append((S.tokens(content), S.source_kind(r["Source"]), r["Cue"].strip().lower() in SPEECH_CUES))
        gold[art] = out
    return gold


def read_pred(path):
    pred = {}
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line:
            continue
        obj = json.loads(line)
        name = re.sub(r"\.txt$", "", os.path.basename(obj.get("path") or obj.get("id") or ""))
        spans = []
        for sp in obj.get("reported", []):
            k = S.key_of(sp.get("name", ""))
            for q in sp.get("spans", []):
                spans.append((S.tokens(q.get("text", "")), k, q.get("text", "")))
        pred[name] = spans
    return pred


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    show = int(argv[argv.index("--show-errors") + 1]) if "--show-errors" in argv else 0
    gold, pred = read_gold(argv[1]), read_pred(argv[2])
    found = total = ok_pred = n_pred = att_ok = att_total = 0
    speech_found = speech_total = 0
    errors = []
    for art, g in gold.items():
        p = pred.get(art, [])
        for gtok, gkey, speech in g:
            total += 1
            speech_total += speech
            best = max(p, key=lambda x: S.overlap(gtok, x[0]), default=None)
            if best and S.overlap(gtok, best[0]) >= 0.8:
                found += 1
                speech_found += speech
                if gkey and gkey != "PRONOUN":
                    att_total += 1
                    att_ok += best[1] == gkey
        for ptok, pkey, text in p:
            n_pred += 1
            hit = any(S.overlap(ptok, gt) >= 0.8 for gt, _, _ in g)
            ok_pred += hit
            if not hit:
                errors.append(f"{art}: not reported speech in the annotation: {text[:100]!r} ({pkey})")
    P = ok_pred / n_pred if n_pred else 0.0
    R = found / total if total else 0.0
    acc = att_ok / att_total if att_total else 0.0
    for e in errors[:show]:
        print(e)
    print(f"articles {len(gold)}  gold reported contents {total}  predicted spans {n_pred}  "
          f"found {found}  right {ok_pred}  named sources found {att_total}")
    print(f"recall where the annotation's cue is a verb of speech (said, told, according to, ...): "
          f"{speech_found}/{speech_total} = {speech_found / speech_total if speech_total else 0:.3f}")
    print(f"reported P={P:.3f} R={R:.3f} attribution={acc:.3f}")


if __name__ == "__main__":
    main(sys.argv)
