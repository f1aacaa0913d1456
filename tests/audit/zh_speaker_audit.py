#!/usr/bin/env python3
"""Hand audit of Chinese quote attribution (issue 13, item 5): every (article, speaker,
quote) that `news-index --extract` gives on the SogouCS sample, judged by hand, scored again
after rule changes.

usage: tests/audit/zh_speaker_audit.py show  [--bin BIN] [--audit FILE] [ROW...] [--context N] [--unjudged]
       tests/audit/zh_speaker_audit.py init  [--bin BIN] [--audit FILE] [--from OLD] [--force]
       tests/audit/zh_speaker_audit.py score [--bin BIN] [--audit FILE] [--list]

BIN is news-index (default build/indexer/news-index, or $NEWS_INDEX). The corpus is
corpora/sogoucs-mini-zh/sogoucs-mini.tar.xz in the shared folder (--shared DIR, else
$NEWS_SHARED, else ../shared beside the repository), unpacked into
a scratch folder under /tmp (removed afterwards) and read whole by the .dat (Sogou) reader:
400 records, two files, one of them GBK with damaged stretches.

show   extracts the corpus and prints every row of the extraction (or the rows numbered ROW,
       from 1, in the order of the audit file, then the rows the file lacks): the article id,
       the speaker given with its role, the quote, N characters of text each side (default
       120; the quote between [[ and ]]), and the verdict the audit file holds for it.
       --unjudged prints only the rows the file has no verdict for. Texts are read from the
       corpus at run time, never stored in the repository.
init   writes the audit file from the extraction: one row per (article, speaker, quote),
       sorted by article id and offset, with empty verdict columns. --from OLD carries the
       verdict columns of OLD's rows that are the very same (article, start, end, speaker);
       every other row is left empty to be judged. Refuses to overwrite a file unless --force.
score  extracts again and matches every row of the extraction with the audit file (same
       article, start, end and speaker). Prints precision by quote (rows right / rows judged)
       and by speaker (an article's speaker is right when each of its quote rows is right),
       the wrong rows by kind, the rows of the extraction the file has no verdict for, and
       the file's rows the extraction no longer gives. --list prints the wrong rows.

Columns of the audit file (TSV, '#' lines are header notes; see tests/audit/README.md):
article (docno), start, end (byte offsets of the quote in the extracted `text`), speaker
(the name news-index gave), quote_head (the quote's first characters, at most 6, to find
it by eye), verdict, kind, right_speaker, reason.
"""
import argparse
import collections
import json
import os
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
SHARED = os.environ.get("NEWS_SHARED") or os.path.join(os.path.dirname(REPO), "shared")
TAR_IN_SHARED = ("corpora", "sogoucs-mini-zh", "sogoucs-mini.tar.xz")
AUDIT = os.path.join(HERE, "zh-speaker-audit.tsv")
HEAD_CHARS = 6
COLUMNS = ["article", "start", "end", "speaker", "quote_head", "verdict", "kind",
           "right_speaker", "reason"]
VERDICTS = ("right", "wrong")
KINDS = ("filler", "pronoun-kept", "pronoun", "not-a-speaker", "bad-name", "talked-about",
         "cited", "term-as-speech", "other-speaker", "damaged")

HEADER = """\
# Chinese speaker audit (issue 13, item 5): every (article, speaker, quote) news-index
# --extract gives on ../shared/corpora/sogoucs-mini-zh, judged by hand against the text.
# Written by tests/audit/zh_speaker_audit.py init; verdict, kind, right_speaker and reason
# filled by hand. No article text is stored beyond the quote's first characters and the
# few words a reason quotes: `zh_speaker_audit.py show N` prints row N in its context.
# Columns: article (docno), start/end (byte offsets of the quote in the extracted `text`),
#   speaker (the name news-index gave), quote_head (the quote's first characters), verdict,
#   kind, right_speaker, reason (English, with the Chinese words that justify it).
# verdict: right = the speaker is a person's name, a role (发言人, 外交部发言人), an
#   organisation, or a bare description of the one talking (市民, 网民) when the text names
#   it no better, and it is the one who said the quote; wrong = anything else: a filler word
#   or a pronoun kept as the name, a word glued to a right name, a thing, place or time.
# right_speaker (wrong rows): who said it per the text; "none" when nobody named or
#   described says it (or it is not speech: a term, a title, a slogan).
# kind (wrong rows):
#   filler          an adverb, particle, verb or phrase that is no name (很少, 也没, 继续)
#   pronoun-kept    他/她 with a word glued kept as the name (他仅, 他还) instead of resolved
#   pronoun         他/她 resolved to the wrong person
#   not-a-speaker   a thing, place, time or document as the speaker (昨日, 文章中)
#   bad-name        the right speaker with a word glued on (李朝林就, 光明随即) or cut short
#   talked-about    given to the one the words are about, not the one talking
#   cited           words one cites from another given to the citer
#   term-as-speech  a term, title or label in quotation marks taken as speech
#   other-speaker   another speaker of the text for none of the reasons above
#   damaged         the name comes out of the GBK file's damaged bytes
"""


def default_bin():
    return os.environ.get("NEWS_INDEX") or os.path.join(REPO, "build", "indexer", "news-index")


def extract(binary, shared):
    """{docno: article dict} of the whole corpus."""
    TAR = os.path.join(shared, *TAR_IN_SHARED)
    if not os.path.exists(binary):
        sys.exit(f"zh_speaker_audit.py: {binary} not found (--bin, or $NEWS_INDEX)")
    if not os.path.exists(TAR):
        sys.exit(f"zh_speaker_audit.py: {TAR} not found")
    scratch = tempfile.mkdtemp(prefix="zh-speaker-audit-", dir="/tmp")
    try:
        with tarfile.open(TAR, "r:xz") as tar:
            if hasattr(tarfile, "data_filter"):
                tar.extractall(scratch, filter="data")
            else:
                tar.extractall(scratch)
        cmd = [binary, "--extract", os.path.join(scratch, "sogoucs-mini")]
        r = subprocess.run(cmd, cwd=scratch, capture_output=True)
        if r.returncode != 0:
            sys.exit(f"zh_speaker_audit.py: {' '.join(cmd)} failed ({r.returncode}): "
                     f"{r.stderr.decode(errors='replace')[-500:]}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    out = {}
    for line in r.stdout.decode("utf-8").splitlines():
        if line.strip():
            a = json.loads(line)
            out[a["id"]] = a
    return out


def rows_of(data):
    """Every (article, speaker, quote) of the extraction, sorted by article and offset."""
    rows = []
    for aid, a in data.items():
        for s in a.get("speakers") or []:
            for q in s["quotes"]:
                rows.append({"article": aid, "start": q["start"], "end": q["end"],
                             "speaker": s["name"], "role": s.get("role", ""),
                             "quote_head": head(q["text"])})
    rows.sort(key=lambda r: (r["article"], r["start"], r["end"], r["speaker"]))
    return rows


def head(text):
    return "".join(text.split())[:HEAD_CHARS].replace("\t", " ")


def key(r):
    return (r["article"], int(r["start"]), int(r["end"]), r["speaker"])


def read_audit(path):
    return read_rows(path, COLUMNS, "zh_speaker_audit.py", missing_ok=True)


def write_audit(path, rows):
    write_rows(path, HEADER, COLUMNS, rows)


def window(text, start, end, n):
    tb = text.encode("utf-8")
    before = tb[:start].decode("utf-8", "replace")[-n:]
    quote = tb[start:end].decode("utf-8", "replace")
    after = tb[end:].decode("utf-8", "replace")[:n]
    return (before + "[[" + quote + "]]" + after).replace("\n", " ¶ ")


def cmd_show(a):
    data = extract(a.bin, a.shared)
    judged = {key(r): r for r in read_audit(a.audit)}
    now = rows_of(data)
    by_key = {key(r): r for r in now}
    # The file's order first (its row numbers), then the rows it lacks.
    ordered = [by_key[key(r)] for r in read_audit(a.audit) if key(r) in by_key]
    ordered += [r for r in now if key(r) not in judged]
    pick = a.rows or list(range(1, len(ordered) + 1))
    for i in pick:
        if not 1 <= i <= len(ordered):
            continue
        r = ordered[i - 1]
        j = judged.get(key(r), {})
        if a.unjudged and j.get("verdict") in VERDICTS:
            continue
        art = data[r["article"]]
        print(f"=== row {i}: {r['article']} [{r['start']}, {r['end']})")
        print(f"title: {art.get('title', '')}")
        print(f"speaker: {r['speaker']}  role: {r['role'] or '-'}")
        print(f"context: ...{window(art['text'], r['start'], r['end'], a.context)}...")
        print(f"verdict: {j.get('verdict') or '-'}  kind: {j.get('kind') or '-'}  "
              f"right_speaker: {j.get('right_speaker') or '-'}")
        print(f"reason: {j.get('reason') or '-'}\n")


def cmd_init(a):
    if os.path.exists(a.audit) and not a.force:
        sys.exit(f"zh_speaker_audit.py: {a.audit} exists (its verdicts would be lost); --force")
    old = {key(r): r for r in read_audit(a.source)} if a.source else {}
    rows = rows_of(extract(a.bin, a.shared))
    carried = 0
    for r in rows:
        o = old.get(key(r))
        if o and o["verdict"] in VERDICTS:
            carried += 1
            for c in ("verdict", "kind", "right_speaker", "reason"):
                r[c] = o[c]
    write_audit(a.audit, rows)
    print(f"wrote {a.audit}: {len(rows)} rows, {len({(r['article'], r['speaker']) for r in rows})} "
          f"speakers, {carried} verdicts carried from {a.source or '-'}")


def cmd_score(a):
    data = extract(a.bin, a.shared)
    now = rows_of(data)
    file_rows = read_audit(a.audit)
    judged = {key(r): r for r in file_rows if r["verdict"] in VERDICTS}
    unjudged = [r for r in now if key(r) not in judged]
    gone = [r for r in file_rows if key(r) not in {key(x) for x in now}]
    right = wrong = 0
    kinds = collections.Counter()
    speakers = collections.defaultdict(list)
    wrong_rows = []
    for r in now:
        j = judged.get(key(r))
        if not j:
            continue
        ok = j["verdict"] == "right"
        right += ok
        wrong += not ok
        speakers[(r["article"], r["speaker"])].append(ok)
        if not ok:
            kinds[j["kind"] or "?"] += 1
            wrong_rows.append(j)
    quotes_all = sum(len(s["quotes"]) for art in data.values() for s in art.get("speakers") or [])
    unattributed = sum(len(art.get("unattributed_quotes") or []) for art in data.values())
    sp_right = sum(all(v) for v in speakers.values())
    print(f"extraction: {len({(r['article'], r['speaker']) for r in now})} speakers, {quotes_all} "
          f"attributed quotes, {unattributed} quotes with no speaker, in {len(data)} articles")
    n = right + wrong
    if n:
        print(f"quotes:   {right} right of {n} judged, precision {right / n:.3f}")
    if speakers:
        print(f"speakers: {sp_right} right of {len(speakers)} judged (every quote right), "
              f"precision {sp_right / len(speakers):.3f}")
    if kinds:
        print("wrong quotes by kind: " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    if unjudged:
        print(f"{len(unjudged)} rows of the extraction have no verdict in {os.path.basename(a.audit)} "
              f"(show --unjudged):")
        for r in unjudged:
            print(f"  {r['article']} [{r['start']},{r['end']}) {r['speaker']} {r['quote_head']}")
    if gone:
        print(f"{len(gone)} rows of {os.path.basename(a.audit)} the extraction no longer gives")
        if a.list:
            for r in gone:
                print(f"  {r['article']} [{r['start']},{r['end']}) {r['speaker']} {r['quote_head']} "
                      f"{r['verdict']}")
    if a.list:
        for r in wrong_rows:
            print(f"wrong: {r['article']} {r['speaker']} {r['quote_head']} ({r['kind']}): {r['reason']}")
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("mode", choices=["show", "init", "score"])
    ap.add_argument("rows", nargs="*", type=int, help="show: row numbers (from 1)")
    ap.add_argument("--bin", default=default_bin(), help="news-index binary")
    ap.add_argument("--shared", default=SHARED, help="the shared data folder")
    ap.add_argument("--audit", default=AUDIT, help="the audit file (TSV)")
    ap.add_argument("--from", dest="source", help="init: carry the verdicts of this file")
    ap.add_argument("--context", type=int, default=120, help="show: characters each side")
    ap.add_argument("--unjudged", action="store_true", help="show: only rows without a verdict")
    ap.add_argument("--force", action="store_true", help="init: overwrite the audit file")
    ap.add_argument("--list", action="store_true", help="score: list wrong and vanished rows")
    a = ap.parse_intermixed_args()
    sys.exit({"show": cmd_show, "init": cmd_init, "score": cmd_score}[a.mode](a))


if __name__ == "__main__":
    main()
