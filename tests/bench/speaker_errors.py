#!/usr/bin/env python3
"""Sort the speaker errors of score_speakers.py by kind.

usage: speaker_errors.py [--corpus DIR] [--build DIR] [--pred FILE] [--list]

Runs `news-index --extract` on CORPUS/text (default ../shared/corpora/polnear/dev), or reads
--pred, scores it with ../shared/eval/score_speakers.py, and puts every extra and every
missed speaker (article, key) into one kind, using the scorer's own key_of, tokens and
overlap, so that the counts add up to the scorer's:

extra (predicted, not among the gold keys)
  gold source unnamed   every gold quote that our quotes of this speaker match has a
                        common-noun source ("the senator", "the campaign") or a bare "he"/"she"
                        and another unnamed one: the gold has no key for it
  (neutral)             every such gold source is a bare personal pronoun: the scorer counts
                        the speaker neither right nor wrong, and so does this list
  other gold key        our quotes match gold quotes whose source reduces to another key
                        ("Charles B. Rangel of New York" -> york)
  not a gold quote      none of our quotes of this speaker matches a gold direct quote
missed (a gold key we do not predict)
  quotes found          we found the quotes, under another speaker (shows which)
  quotes missed         we found none of its quotes

--list prints each error with the gold source mentions and our name.
"""
import argparse
import importlib.util
import json
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SHARED = os.path.join(os.path.dirname(REPO), "shared")
sys.path.insert(0, os.path.join(REPO, "tests", "audit"))
import polnear_ann  # noqa: E402 (tests/audit/polnear_ann.py)


def load_scorer():
    path = os.path.join(SHARED, "eval", "score_speakers.py")
    if not os.path.exists(path):
        sys.exit(f"speaker_errors.py: {path} not found (../shared beside the repository)")
    spec = importlib.util.spec_from_file_location("score_speakers", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def gold_with_sources(sc, corpus):
    """{article: [(quote tokens, key or None, source mention)]}, as sc.read_gold reads them."""
    gold = {}
    for art, rels in polnear_ann.relations(corpus).items():
        quotes = []
        for r in rels:
            content = r["Content"]
            mention = r["Source"]
            key = sc.source_kind(mention)
            for q in sc.OPEN_CLOSE.findall(content):
                if len(sc.tokens(q)) >= 2:
                    quotes.append((sc.tokens(q), key, mention))
        gold[art] = quotes
    return gold


def predictions(path):
    """{article: [(name, [quote tokens])]}"""
    out = {}
    for line in open(path, encoding="utf-8"):
        if not line.strip():
            continue
        obj = json.loads(line)
        name = re.sub(r"\.txt$", "", os.path.basename(obj.get("path") or obj.get("id") or ""))
        out[name] = [(sp.get("name", ""), [q.get("text", "") for q in sp.get("quotes", [])])
                     for sp in obj.get("speakers", [])]
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=os.path.join(SHARED, "corpora", "polnear", "dev"))
    ap.add_argument("--build", default=os.path.join(REPO, "build"))
    ap.add_argument("--pred", help="predictions (JSON Lines) instead of running news-index --extract")
    ap.add_argument("--list", action="store_true", help="print every error")
    a = ap.parse_args()
    sc = load_scorer()
    pred_path = a.pred
    if not pred_path:
        pred_path = os.path.join(os.environ.get("TMPDIR", "/tmp"), "speaker_errors.jsonl")
        binary = os.path.join(a.build, "indexer", "news-index")
        with open(pred_path, "w") as f:
            subprocess.run([binary, "--extract", os.path.join(a.corpus, "text")], stdout=f,
                           stderr=subprocess.DEVNULL, check=True)
    gold = gold_with_sources(sc, a.corpus)
    pred = predictions(pred_path)
    kinds, lines = Counter(), []
    tp = 0
    for art, gq in gold.items():
        speakers = pred.get(art, [])
        by_key = defaultdict(list)  # key -> (names, quote token sets)
        for name, quotes in speakers:
            k = sc.key_of(name)
            if k:
                by_key[k].append((name, [sc.tokens(q) for q in quotes]))
        gkeys = {k for _, k, _ in gq if k and k != "PRONOUN"}
        tp += len(gkeys & set(by_key))
        for k in sorted(set(by_key) - gkeys):
            names = sorted({n for n, _ in by_key[k]})
            matched = [g for _, qs in by_key[k] for q in qs for g in gq if sc.overlap(q, g[0]) >= 0.8]
            if not matched:
                kind = "extra: not a gold quote"
            elif all(g[1] == "PRONOUN" for g in matched):
                kind = "neutral: gold source he/she"
            elif all(g[1] in (None, "PRONOUN") for g in matched):
                kind = "extra: gold source unnamed"
            else:
                kind = "extra: other gold key"
            sources = sorted({f"{g[2]!r}->{g[1]}" for g in matched})
            kinds[kind] += 1
            lines.append(f"{kind:26} {art[:48]:48} {k:14} ours {names} gold sources {sources}")
        for k in sorted(gkeys - set(by_key)):
            mine = [g for g in gq if g[1] == k]
            found = []
            for gtok, _, _ in mine:
                for name, quotes in speakers:
                    if any(sc.overlap(gtok, sc.tokens(q)) >= 0.8 for q in quotes):
                        found.append(name)
            kind = "missed: quotes found" if found else "missed: quotes missed"
            kinds[kind] += 1
            sources = sorted({g[2] for g in mine})
            lines.append(f"{kind:26} {art[:48]:48} {k:14} gold sources {sources} ours {sorted(set(found))}")
    if a.list:
        print("\n".join(sorted(lines)))
    extra = sum(v for kk, v in kinds.items() if kk.startswith("extra"))
    neutral = kinds["neutral: gold source he/she"]
    missed = sum(v for kk, v in kinds.items() if kk.startswith("missed"))
    print(f"\n{a.corpus}: {tp} speakers right, {extra} extra, {missed} missed, {neutral} neutral "
          f"(quoted only as he/she) "
          f"(P {tp / (tp + extra):.3f}, R {tp / (tp + missed):.3f})\n")
    print("| kind | count |\n|---|---:|")
    for kind in sorted(kinds):
        print(f"| {kind} | {kinds[kind]} |")
    pron = kinds["extra: gold source unnamed"]
    if tp + extra - pron:
        print(f"\nP without the extras whose gold source is a common noun: {tp}/{tp + extra - pron} = {tp / (tp + extra - pron):.3f}")


if __name__ == "__main__":
    main()
