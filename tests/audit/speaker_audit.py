#!/usr/bin/env python3
"""Hand audit of quote attribution (issue 13, item 2): a fixed random sample of the quotes
`news-index --extract` gives a speaker, judged by hand, scored again after rule changes.

usage: tests/audit/speaker_audit.py draw  [--bin BIN] [--sample FILE] [--force]
       tests/audit/speaker_audit.py show  [--bin BIN] [--sample FILE] [ROW...] [--context N]
       tests/audit/speaker_audit.py score [--bin BIN] [--sample FILE] [--list]

BIN is news-index (default build/indexer/news-index, or $NEWS_INDEX). The corpora are read
from ../shared/corpora beside the repository: BBC full text (all 2,225 articles, unpacked
from its tar.xz into a scratch folder under /tmp that is removed afterwards) and PolNeAR
train (train/text, with metadata.tsv as --manifest).

draw   extracts both corpora, collects every quote that has a speaker (corpus, article,
       start, end, speaker name), sorts each corpus's population and takes 100 quotes from
       it with random.Random(20261206).sample (a new Random per corpus, so either corpus's
       draw is independent of the other). Only attributed quotes are drawn: the audit
       measures how often a speaker given is right; quotes given nobody (unattributed) are
       not in the population. Writes the sample (sorted by corpus, article, offset) with
       empty verdict columns; refuses to overwrite a sample file unless --force.
show   prints each row (or the rows numbered ROW, from 1) with the quote's text, the
       article text around it (N characters each side, default 300; the quote between
       [[ and ]]), the other quotes in that window with their speakers, and the verdict
       columns. Texts are read from the corpus at run time, never stored in the repository.
       Use the binary the sample was drawn with (offsets are bytes of its extracted text);
       a row whose quote no longer hashes to quote_sha1 is flagged.
score  extracts again with BIN and finds each sampled quote (same article; same offsets,
       else the quote with the same text hash, else one overlapping the offsets), takes the
       speaker given now, and compares it with the judgement: a row judged right stays
       right when the speaker now names the same person (same name ignoring case, or one is
       the other's surname and no other person of the article has that surname); a row
       judged wrong is right now only when the speaker now is its right_speaker in that
       sense (right_speaker "none": right when the quote now has no speaker or is no longer
       a quote). Prints the share right before (the file's verdicts) and now, per corpus
       and overall; --list prints every row whose outcome changed.

Columns of the sample file (TSV, '#' lines are the header notes; see tests/audit/README.md):
corpus, article (path inside the corpus), start, end (byte offsets into the extracted
`text`), quote_sha1 (first 10 hex digits of the SHA-1 of the quote's UTF-8 bytes, to check
that offsets still point at the same words), speaker_given, verdict, kind, right_speaker,
reason.
"""
import argparse
import collections
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tarfile
import tempfile

sys.dont_write_bytecode = True  # no __pycache__ inside the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from audit_tsv import read_rows, write_rows  # noqa: E402


HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SHARED = os.path.join(os.path.dirname(REPO), "shared")
BBC_TAR = os.path.join(SHARED, "corpora", "bbc-fulltext", "bbc-fulltext.tar.xz")
POLNEAR = os.path.join(SHARED, "corpora", "polnear")
SAMPLE = os.path.join(HERE, "speaker-audit-sample.tsv")
SEED = 20261206
PER_CORPUS = 100
CORPORA = ("bbc", "polnear")
COLUMNS = ["corpus", "article", "start", "end", "quote_sha1", "speaker_given",
           "verdict", "kind", "right_speaker", "reason"]
VERDICTS = ("right", "wrong")
KINDS = ("pronoun", "talked-about", "name-as-word", "cited", "term-as-speech", "document",
         "not-a-person", "bad-name", "same-surname", "other-speaker", "missed")

HEADER = """\
# Speaker audit sample (issue 13, item 2). Written by tests/audit/speaker_audit.py draw;
# verdict, kind, right_speaker and reason filled by hand. No article or quote text is stored:
# `speaker_audit.py show N` prints row N's quote and its context from the corpus.
# Population: every quote news-index --extract gives a speaker (attributed quotes only;
# unattributed quotes are not drawn), BBC full text (all of it) and PolNeAR train; each
# corpus's population sorted by (article, start, end), then random.Random(20261206).sample
# of 100; rows sorted by corpus, article, start.
# Columns: corpus, article (bbc: path inside bbc/ of bbc-fulltext.tar.xz; polnear: path
#   inside ../shared/corpora/polnear), start/end (byte offsets of the quote in the extracted
#   `text`), quote_sha1 (first 10 hex of SHA-1 of the quote's bytes), speaker_given
#   (news-index's name), verdict, kind, right_speaker, reason (own words, no copied text).
# verdict: right = the speaker given is the person or organisation whose words these are
#   (an organisation for its statement or unnamed spokesperson counts; a surname alone
#   counts when it is that person's; a description such as "an RNC member" counts when the
#   text names the speaker no better); wrong = anything else, including the right person
#   under a broken name or under a description when the text gives the name.
# right_speaker (wrong rows): who said the words per the text; "none" when the words are
#   not speech (a term, label, slogan, document wording) or nobody is named or described;
#   "unnamed" when the text describes the speaker (a Berlin woman) without a name.
# kind (wrong rows):
#   pronoun        he/she/they resolved to the wrong person
#   talked-about   given to the person the sentence is about, not to the one talking
#   name-as-word   the speaker's surname read as a common word (German, West), so the
#                  quote fell back to another, usually the previous, speaker
#   cited          words one person cites from another credited to the citer or to the
#                  sentence's subject
#   term-as-speech a term or label in quotation marks (scare quotes, jargon, nickname,
#                  slogan, name of a thing) taken as speech
#   document       wording quoted from a document nobody speaks (an order, a contract)
#                  given to a person
#   not-a-person   a thing, document, time or place given as the speaker ("the report",
#                  "the statement", a state's nickname)
#   bad-name       right person, name wrong: a title or word glued on, or a description
#                  ("the governor", "the 34-year-old") where the text gives the name
#   same-surname   a surname two people of the article share resolved to the wrong one
#   other-speaker  given to another named person of the sentence for none of the reasons
#                  above (e.g. the subject of a side clause instead of the main clause)
#   missed         a quote with no speaker although the text names one; cannot occur in
#                  this sample (attributed quotes only), listed for the after-audit
"""


# ---------------------------------------------------------------- extraction

def default_bin():
    return os.environ.get("NEWS_INDEX") or os.path.join(REPO, "build", "indexer", "news-index")


def extract(binary, corpus, scratch):
    """{article path inside the corpus: article dict} of one corpus."""
    if corpus == "bbc":
        if not os.path.exists(BBC_TAR):
            sys.exit(f"speaker_audit.py: {BBC_TAR} not found")
        with tarfile.open(BBC_TAR, "r:xz") as tar:
            if hasattr(tarfile, "data_filter"):
                tar.extractall(scratch, filter="data")
            else:
                tar.extractall(scratch)
        root = os.path.join(scratch, "bbc")
        cmd = [binary, "--extract", root]
    else:
        root = POLNEAR
        cmd = [binary, "--extract", "--manifest", os.path.join(POLNEAR, "metadata.tsv"),
               os.path.join(POLNEAR, "train", "text")]
    r = subprocess.run(cmd, cwd=scratch, capture_output=True)
    if r.returncode != 0:
        sys.exit(f"speaker_audit.py: {' '.join(cmd)} failed ({r.returncode}): "
                 f"{r.stderr.decode(errors='replace')[-500:]}")
    out = {}
    for line in r.stdout.decode("utf-8").splitlines():
        if not line.strip():
            continue
        a = json.loads(line)
        rel = os.path.relpath(a["path"], root)
        out[rel] = a
    return out


def extract_all(binary, corpora=CORPORA):
    if not os.path.exists(binary):
        sys.exit(f"speaker_audit.py: {binary} not found (--bin, or $NEWS_INDEX)")
    scratch = tempfile.mkdtemp(prefix="speaker-audit-", dir="/tmp")
    try:
        return {c: extract(binary, c, scratch) for c in corpora}
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def quotes_of(article):
    """[(start, end, speaker or None)] of every quote of an article, attributed or not."""
    qs = []
    for s in article.get("speakers") or []:
        for q in s["quotes"]:
            qs.append((q["start"], q["end"], s["name"]))
    for q in article.get("unattributed_quotes") or []:
        qs.append((q["start"], q["end"], None))
    return sorted(qs, key=lambda x: (x[0], x[1]))


def qbytes(article, start, end):
    return article["text"].encode("utf-8")[start:end]


def qsha(article, start, end):
    return hashlib.sha1(qbytes(article, start, end)).hexdigest()[:10]


# ---------------------------------------------------------------- the sample file

def read_sample(path):
    return read_rows(path, COLUMNS, "speaker_audit.py")


def write_sample(path, rows):
    write_rows(path, HEADER, COLUMNS, rows)


# ---------------------------------------------------------------- draw

def cmd_draw(a):
    if os.path.exists(a.sample) and not a.force:
        sys.exit(f"speaker_audit.py: {a.sample} exists (its verdicts would be lost); --force")
    data = extract_all(a.bin)
    rows = []
    for c in CORPORA:
        pop = []
        for art, article in data[c].items():
            for start, end, name in quotes_of(article):
                if name is not None:
                    pop.append((art, start, end, name))
        pop.sort()
        drawn = sorted(random.Random(SEED).sample(pop, PER_CORPUS))
        print(f"{c}: {len(data[c])} articles, {len(pop)} attributed quotes, drew {len(drawn)}")
        for art, start, end, name in drawn:
            rows.append({"corpus": c, "article": art, "start": start, "end": end,
                         "quote_sha1": qsha(data[c][art], start, end), "speaker_given": name})
    write_sample(a.sample, rows)
    print(f"wrote {a.sample} ({len(rows)} rows)")


# ---------------------------------------------------------------- show

def window(text_bytes, start, end, n):
    """(before, quote, after) as text: n characters each side of the quote."""
    before = text_bytes[:start].decode("utf-8", "replace")[-n:]
    quote = text_bytes[start:end].decode("utf-8", "replace")
    after = text_bytes[end:].decode("utf-8", "replace")[:n]
    return before, quote, after


def cmd_show(a):
    rows = read_sample(a.sample)
    pick = a.rows or list(range(1, len(rows) + 1))
    corpora = sorted({rows[i - 1]["corpus"] for i in pick}, key=CORPORA.index)
    data = extract_all(a.bin, corpora)
    for i in pick:
        r = rows[i - 1]
        art = data[r["corpus"]].get(r["article"])
        print(f"=== row {i}: {r['corpus']} {r['article']} [{r['start']}, {r['end']})")
        if art is None:
            print("    (article not found in this extraction)\n")
            continue
        tb = art["text"].encode("utf-8")
        if qsha(art, r["start"], r["end"]) != r["quote_sha1"]:
            print("    !! the text at these offsets is not the sampled quote (other binary?)")
        before, quote, after = window(tb, r["start"], r["end"], a.context)
        print(f"title: {art.get('title', '')}")
        print(f"quote: {quote}")
        print(f"speaker given: {r['speaker_given']}")
        ctx = (before + "[[" + quote + "]]" + after).replace("\n\n", " ¶ ").replace("\n", " ")
        print(f"context: ...{ctx}...")
        lo = len(tb[:r["start"]].decode("utf-8", "replace")) - a.context
        hi = lo + 2 * a.context + len(quote)
        near = []
        for s, e, name in quotes_of(art):
            cs = len(tb[:s].decode("utf-8", "replace"))
            if (s, e) != (r["start"], r["end"]) and lo <= cs <= hi:
                near.append(f"  [{s},{e}) {name or '(no speaker)'}: "
                            f"{tb[s:e].decode('utf-8', 'replace')[:70]}")
        if near:
            print("other quotes nearby:\n" + "\n".join(near))
        print(f"verdict: {r['verdict'] or '-'}  kind: {r['kind'] or '-'}  "
              f"right_speaker: {r['right_speaker'] or '-'}")
        print(f"reason: {r['reason'] or '-'}\n")


# ---------------------------------------------------------------- score

def norm(name):
    return " ".join(name.lower().replace("’", "'").replace(".", "").split())


def names_of(article):
    names = set()
    for s in article.get("speakers") or []:
        names.add(s["name"])
    for p in article.get("persons") or []:
        names.add(p)
    return names


def same_person(a, b, article):
    """a and b name the same person in this article: equal ignoring case, or one is the
    other's surname (its last word) and no other name of the article ends in that surname."""
    if a is None or b is None:
        return a is None and b is None
    na, nb = norm(a), norm(b)
    if na == nb:
        return True
    # An organisation and its unnamed spokesperson count as one speaker (the verdict rules
    # above): "an All England club spokesperson" is the All England Club.
    for org, desc in ((na, nb), (nb, na)):
        if "spokes" in desc and len(org.split()) > 1 and org in desc.replace("the ", ""):
            return True
    # An acronym the text sets off as the full name ("CENTR, the Council of European National
    # Top Level Domain Registries, agrees") is that name.
    text = (article or {}).get("text") or ""
    for short, full in ((a, b), (b, a)):
        if short.isupper() and len(short) >= 2 and len(full.split()) > 1 and (
                f"{short}, the {full}" in text or f"{full} ({short})" in text):
            return True
    ta, tb = na.split(), nb.split()
    if len(ta) == 1 or len(tb) == 1:
        short, full = (na, nb) if len(ta) == 1 else (nb, na)
        if full.split()[-1] != short:
            return False
        others = {norm(n) for n in names_of(article)
                  if len(norm(n).split()) > 1 and norm(n).split()[-1] == short}
        others.discard(full)
        return not others
    return False


def find_now(article, row):
    """The speaker given now to the sampled quote: (found, speaker or None)."""
    if article is None:
        return False, None
    qs = quotes_of(article)
    for s, e, name in qs:
        if (s, e) == (row["start"], row["end"]):
            return True, name
    for s, e, name in qs:
        if qsha(article, s, e) == row["quote_sha1"]:
            return True, name
    best = None
    for s, e, name in qs:
        ov = min(e, row["end"]) - max(s, row["start"])
        if ov > 0 and (best is None or ov > best[0]):
            best = (ov, name)
    if best:
        return True, best[1]
    return False, None


def right_now(row, found, speaker, article):
    if row["verdict"] == "right":
        return found and speaker is not None and same_person(speaker, row["speaker_given"], article)
    want = row["right_speaker"]
    if want.lower() == "none":
        return speaker is None
    if want.lower() == "unnamed":
        # (a description counts when the text names the speaker no better: "a 29-year-old
        # Berlin woman")
        return speaker is None or (found and speaker[:1].islower())
    return found and speaker is not None and same_person(speaker, want, article)


def cmd_score(a):
    rows = read_sample(a.sample)
    unjudged = [i + 1 for i, r in enumerate(rows) if r["verdict"] not in VERDICTS]
    if unjudged:
        print(f"note: {len(unjudged)} rows without a verdict (right/wrong) are left out: "
              f"{unjudged[:20]}{' ...' if len(unjudged) > 20 else ''}")
    odd = [i + 1 for i, r in enumerate(rows) if r["verdict"] == "wrong" and r["kind"] not in KINDS]
    if odd:
        print(f"note: rows judged wrong without a known kind: {odd}")
    data = extract_all(a.bin)
    before, now = collections.Counter(), collections.Counter()
    total = collections.Counter()
    kinds_before, kinds_now = collections.Counter(), collections.Counter()
    changed = []
    for i, r in enumerate(rows, 1):
        if r["verdict"] not in VERDICTS:
            continue
        art = data[r["corpus"]].get(r["article"])
        found, speaker = find_now(art, r)
        was = r["verdict"] == "right"
        ok = right_now(r, found, speaker, art)
        for key in (r["corpus"], "overall"):
            total[key] += 1
            before[key] += was
            now[key] += ok
        if not was:
            kinds_before[r["kind"] or "?"] += 1
            if not ok:
                kinds_now[r["kind"] or "?"] += 1
        if was != ok or (speaker != r["speaker_given"] and a.list):
            changed.append((i, r, found, speaker, was, ok))
    print(f"{'':10} {'rows':>5} {'right before':>14} {'right now':>14}")
    for key in CORPORA + ("overall",):
        if total[key]:
            print(f"{key:10} {total[key]:5} {before[key]:5} ({before[key] / total[key]:.3f})"
                  f" {now[key]:5} ({now[key] / total[key]:.3f})")
    print("wrong rows by kind (before -> still wrong now): " + ", ".join(
        f"{k} {kinds_before[k]} -> {kinds_now[k]}" for k in sorted(kinds_before)))
    fixed = sum(1 for c in changed if not c[4] and c[5])
    broken = sum(1 for c in changed if c[4] and not c[5])
    print(f"fixed {fixed}, broken {broken}")
    if a.list:
        for i, r, found, speaker, was, ok in changed:
            state = {(True, True): "same", (False, True): "FIXED", (True, False): "BROKEN",
                     (False, False): "still wrong"}[(was, ok)]
            now_s = speaker if found and speaker else ("(no speaker)" if found else "(no quote)")
            print(f"row {i} {state}: {r['corpus']} {r['article']} [{r['start']},{r['end']}) "
                  f"given {r['speaker_given']!r}, now {now_s!r}, "
                  f"judged {r['verdict']}{' -> ' + r['right_speaker'] if r['right_speaker'] else ''}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("mode", choices=["draw", "show", "score"])
    ap.add_argument("rows", nargs="*", type=int, help="show: row numbers (from 1)")
    ap.add_argument("--bin", default=default_bin(), help="news-index binary")
    ap.add_argument("--sample", default=SAMPLE)
    ap.add_argument("--context", type=int, default=300, help="show: characters each side")
    ap.add_argument("--force", action="store_true", help="draw: overwrite the sample file")
    ap.add_argument("--list", action="store_true", help="score: list the rows that changed")
    a = ap.parse_intermixed_args()
    {"draw": cmd_draw, "show": cmd_show, "score": cmd_score}[a.mode](a)


if __name__ == "__main__":
    main()
