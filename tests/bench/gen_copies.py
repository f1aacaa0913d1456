#!/usr/bin/env python3
"""Plants wire copies (edited near-duplicates) into a JSON Lines corpus, with their truth list.

usage: tests/bench/gen_copies.py --in BASE.jsonl --out OUT.jsonl --truth TRUTH.tsv
                                 [--share 0.05] [--max-copies 3] [--change 0.10] [--seed 1]

Reads a corpus as gen_corpus.py writes it (one JSON object a line: id, title, date,
source, author, dateline, text; paragraphs of text separated by a blank line) and writes
every line of it unchanged to OUT.jsonl. Each article is chosen as an original with
probability --share; right after an original come 1 to --max-copies copies of it (as
many as a uniform draw says), each edited the way an outlet edits a wire story:

- title: another title of the corpus (never the original one), so a copy can be found
  by its body only;
- text: one paragraph cut (never the first, only when there are 3 or more), then
  --change of the remaining words (whitespace-separated tokens, punctuation and figures
  included) replaced by other lowercase words of the corpus. Only lowercase content
  words are replaced: names, capitalised sentence openings, acronyms, figures, about
  120 function words ("the", "of") and the verbs of attribution ("said", "told", so the
  quotes keep their speakers) stay, as in an outlet's rewording; the punctuation and
  possessive around a word stay ("rose," becomes "xxx,", "firm's" "xxx's") and so do
  the paragraph breaks. The replacement is a random word, not a synonym: it reads as
  noise, but it costs a detector the same shingles a rewording would. About 40 % of
  gen_corpus.py's tokens can be replaced, so a --change above 0.4 gives less than asked
  (the figure printed at the end is what was done);
- source: another outlet name, from a fixed list of made-up regional outlets;
- date: the same or 1-2 days later (a third each); author and dateline kept;
- id: the original's id + "-copy1", "-copy2", ...

TRUTH.tsv has one line per copy: copy id, a tab, original id. At the end the script
prints how many originals and copies it planted, the mean share of words changed and the
mean share of the original's words in the paragraph cut.

The words and titles drawn come from pools filled in a first pass over the opening lines
of the input (at most 20,000 distinct titles and 50,000 distinct lowercase words, or
50,000 lines), so memory stays small whatever the input's size (a 1M-line, 2 GB corpus is
read line by line, twice its first 50,000 lines). Which articles are originals and how many
copies each gets comes from one generator seeded with --seed; each original's edits from
a generator seeded with --seed and its id, so --change alone never changes which articles
are copied. Deterministic: the same input, seed and options give the same files, byte for
byte. Both outputs are written as FILE.tmp and renamed at the end, and must be outside the
repository (copies of corpus text are still the corpora's text).
"""
import argparse
import datetime
import json
import os
import random
import re
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ inside the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_common as bc  # noqa: E402

OUTLETS = [
    "The Daily Courier", "Morning Ledger", "Evening Sentinel", "The Valley Tribune", "Harbor City Herald",
    "The Lakeside Gazette", "Northern Star-Journal", "The County Examiner", "Riverside Press", "The Midland Chronicle",
    "Coastal Observer", "The Capital Dispatch", "Prairie Times", "The Westbury Post", "Eastern Daily Record",
    "The Granite State Monitor",
]
MAX_TITLES = 20000
MAX_WORDS = 50000
MAX_POOL_LINES = 50000
# A token that may be replaced: a lowercase word (inner hyphens allowed) between
# punctuation, a possessive 's kept after it, and not one of FUNCTION_WORDS. Names, sentence
# openings, acronyms, figures and the grammar's small words stay, as in an outlet's rewording.
TOKEN = re.compile(r"^([^\w]*)([a-z](?:[a-z]|-(?=[a-z]))*)((?:['’]s)?[^\w]*)$")
POOL_WORD = re.compile(r"(?<![\w'’-])[a-z]{3,}(?![\w'’-])")  # a whole lowercase word of 3+ letters
FUNCTION_WORDS = set("""a about above after against all also am an and any are as at be because been before
being between both but by can could did do does doing down during each few for from further had has have having
he her here hers him his how i if in into is it its itself just may might me more most must my no nor not now of
off on once only or other our ours out over own same shall she should so some such than that the their theirs
them then there these they this those through to too under until up upon us very was we were what when where
which while who whom whose why will with would yet you your
said says say saying told tells added adds according""".split())  # and the verbs of attribution


def log(s):
    print(s, file=sys.stderr)


def outside_repository(path, what):
    path = os.path.abspath(path)
    real, root = os.path.realpath(path), os.path.realpath(bc.ROOT)
    if os.path.commonpath([real, root]) == root:
        sys.exit(f"{path}: {what} never goes inside the repository")
    return path


def fill_pools(path):
    """Distinct titles and distinct lowercase words (3+ letters, from the texts), in the order
    first seen, from the opening lines of the input."""
    titles, words = [], []
    seen_t, seen_w = set(), set()
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n >= MAX_POOL_LINES or (len(titles) >= MAX_TITLES and len(words) >= MAX_WORDS):
                break
            if not line.strip():
                continue
            a = json.loads(line)
            t = (a.get("title") or "").strip()
            if t and len(titles) < MAX_TITLES and t not in seen_t:
                seen_t.add(t)
                titles.append(t)
            if len(words) < MAX_WORDS:
                for w in POOL_WORD.findall(a.get("text") or ""):
                    if w not in seen_w and w not in FUNCTION_WORDS:
                        seen_w.add(w)
                        words.append(w)
                        if len(words) >= MAX_WORDS:
                            break
    return titles, words


def edit_text(rng, text, change, words):
    """Returns (new text, tokens changed, tokens of the copy, tokens of the original, tokens cut)."""
    paras = text.split("\n\n")
    orig_tokens = sum(len(p.split()) for p in paras)
    cut = 0
    if len(paras) >= 3:
        i = rng.randrange(1, len(paras))
        cut = len(paras[i].split())
        del paras[i]
    # Each paragraph's tokens with the whitespace between them kept as it was.
    pieces = [re.split(r"(\s+)", p) for p in paras]
    slots = []  # (paragraph, index in pieces) of the tokens that can be replaced
    total = 0
    for pi, parts in enumerate(pieces):
        for ti in range(0, len(parts), 2):
            if parts[ti]:
                total += 1
                m = TOKEN.match(parts[ti])
                if m and m.group(2) not in FUNCTION_WORDS:
                    slots.append((pi, ti))
    k = min(len(slots), max(1, int(change * total + 0.5))) if change > 0 and words else 0
    changed = 0
    for pi, ti in sorted(rng.sample(slots, k)):
        pre, core, post = TOKEN.match(pieces[pi][ti]).groups()
        for _ in range(10):
            w = words[rng.randrange(len(words))]
            if w != core:
                break
        else:
            continue
        pieces[pi][ti] = pre + w + post
        changed += 1
    return "\n\n".join("".join(parts) for parts in pieces), changed, total, orig_tokens, cut


def later(date, days):
    try:
        return (datetime.date.fromisoformat(date) + datetime.timedelta(days=days)).isoformat()
    except (TypeError, ValueError, OverflowError):
        return date  # no date, or not an ISO date: kept


def make_copy(rng, a, n, change, titles, words):
    c = dict(a)  # same keys, same order
    c["id"] = f"{a['id']}-copy{n}"
    for _ in range(10 if titles else 0):  # another title; kept only if the pool has no other
        t = titles[rng.randrange(len(titles))]
        if t != a.get("title"):
            c["title"] = t
            break
    outlets = [o for o in OUTLETS if o != a.get("source")]
    c["source"] = outlets[rng.randrange(len(outlets))]
    c["date"] = later(a.get("date"), rng.randrange(3))
    c["text"], changed, total, orig_tokens, cut = edit_text(rng, a.get("text") or "", change, words)
    return c, changed, total, orig_tokens, cut


def plant(inp, out, truth, share, max_copies, change, seed):
    t0 = time.perf_counter()
    titles, words = fill_pools(inp)
    log(f"pools: {len(titles):,} titles, {len(words):,} words ({time.perf_counter() - t0:.1f} s)")
    pick = random.Random(seed)
    originals = copies = lines = cut_copies = 0
    sum_changed = sum_cut = 0.0
    with open(inp, encoding="utf-8") as f, open(out + ".tmp", "w", encoding="utf-8") as fo, \
            open(truth + ".tmp", "w", encoding="utf-8") as ft:
        for line in f:
            lines += 1
            if lines % 100000 == 0:
                log(f"  {lines:,} lines, {originals:,} originals, {time.perf_counter() - t0:.0f} s")
            fo.write(line if line.endswith("\n") else line + "\n")
            if not line.strip():
                continue
            if pick.random() >= share:
                continue
            n_copies = pick.randint(1, max_copies)
            a = json.loads(line)
            rng = random.Random(f"{seed}:{a['id']}")
            originals += 1
            for n in range(1, n_copies + 1):
                c, changed, total, orig_tokens, cut = make_copy(rng, a, n, change, titles, words)
                fo.write(json.dumps(c, ensure_ascii=False) + "\n")
                ft.write(f"{c['id']}\t{a['id']}\n")
                copies += 1
                sum_changed += changed / total if total else 0.0
                sum_cut += cut / orig_tokens if orig_tokens else 0.0
                cut_copies += cut > 0
    os.replace(out + ".tmp", out)
    os.replace(truth + ".tmp", truth)
    print(f"{lines:,} articles read; planted {copies:,} copies of {originals:,} originals "
          f"({copies / originals if originals else 0:.2f} per original) in {out}, truth in {truth} "
          f"({time.perf_counter() - t0:.1f} s)")
    if copies:
        print(f"words changed: {sum_changed / copies:.1%} of a copy's words on average (--change {change:g}); "
              f"paragraph cut in {cut_copies:,} copies ({cut_copies / copies:.0%}; the others had 1-2 "
              f"paragraphs), {sum_cut / copies:.1%} of the original's words on average over all copies"
              + (f", {sum_cut / cut_copies:.1%} over those with a cut" if cut_copies else ""))
    return originals, copies


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--in", dest="inp", required=True, metavar="BASE.jsonl", help="BASE.jsonl, as gen_corpus.py writes it")
    p.add_argument("--out", required=True, help="OUT.jsonl, outside the repository")
    p.add_argument("--truth", required=True, help="TRUTH.tsv (copy id, original id), outside the repository")
    p.add_argument("--share", type=float, default=0.05, help="probability that an article is copied (0.05)")
    p.add_argument("--max-copies", type=int, default=3, help="copies of an original: 1 to this (3)")
    p.add_argument("--change", type=float, default=0.10, help="share of a copy's words replaced (0.10)")
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    if not 0 <= a.share <= 1 or not 0 <= a.change <= 1:
        sys.exit("--share and --change must be between 0 and 1")
    if a.max_copies < 1:
        sys.exit("--max-copies must be at least 1")
    inp = os.path.abspath(a.inp)
    out = outside_repository(a.out, "the corpus with copies")
    truth = outside_repository(a.truth, "the truth list")
    if len({os.path.realpath(x) for x in (inp, out, truth)}) < 3:
        sys.exit("--in, --out and --truth must be three different files")
    if not os.path.isfile(inp):
        sys.exit(f"{inp}: no such file")
    plant(inp, out, truth, a.share, a.max_copies, a.change, a.seed)


if __name__ == "__main__":
    main()
