#!/usr/bin/env python3
"""What each kind of term costs in a news-search database.

usage: tests/bench/index_anatomy.py DB [DB...]

For each database prints one markdown table: per term prefix (the schema of DESIGN.md:
unprefixed body and title words, S title, XQ quotation words, XSPK/XSPKW speakers (XSPKN whole
names, XSPKX their sex: the alias table's terms),
XPER/XPERW persons, A/XAW authors, XSRC, XPLACE, L, Q, XFILE), the number of distinct terms,
of postings (term, document) and of positions, with each prefix's share of all postings
and positions; then the size of each Xapian table on disk and the stem table (synonyms).
Positions are what the position table stores, and the position table is most of an index:
this is the figure to look at before adding a positional prefix. Reads the database with
python3-xapian (Debian: python3-xapian); writes nothing. Not a test.
"""
import os
import sys

sys.dont_write_bytecode = True
try:
    import xapian
except ImportError:  # Debian's python3-xapian lives in the system Python's dist-packages
    sys.path.append("/usr/lib/python3/dist-packages")
    import xapian

PREFIXES = ["XSPKW", "XSPKN", "XSPKX", "XSPK", "XPERW", "XPER", "XPLACE", "XFILE", "XSRC", "XAW", "XQ", "S", "A", "L", "Q"]


def prefix_of(term):
    for p in PREFIXES:
        if term.startswith(p) and (len(term) == len(p) or not term[len(p)].isupper() or p in ("Q", "XFILE")):
            return p
    return "(words)" if not term[:1].isupper() else term[:1] + "?"


def anatomy(path):
    db = xapian.Database(path)
    stats = {}
    for t in db.allterms():
        term = t.term.decode("utf-8", "replace")
        p = prefix_of(term)
        s = stats.setdefault(p, [0, 0, 0])
        s[0] += 1
        s[1] += t.termfreq
        s[2] += db.get_collection_freq(t.term) if p in ("(words)", "S", "XQ") else 0
    postings = sum(s[1] for s in stats.values()) or 1
    positions = sum(s[2] for s in stats.values()) or 1
    print(f"## {path}: {db.get_doccount():,} documents\n")
    print("| prefix | terms | postings | share | positions | share |")
    print("|---|---:|---:|---:|---:|---:|")
    for p, (terms, post, pos) in sorted(stats.items(), key=lambda kv: -kv[1][1]):
        print(f"| {p} | {terms:,} | {post:,} | {100 * post / postings:.1f}% | {pos:,} | {100 * pos / positions:.1f}% |")
    synonyms = sum(1 for _ in db.synonym_keys())
    print(f"\nStem table: {synonyms:,} stems.\n")
    print("| table | MB |")
    print("|---|---:|")
    for f in sorted(os.listdir(path)):
        if f.endswith(".glass"):
            print(f"| {f[:-6]} | {os.path.getsize(os.path.join(path, f)) / 1e6:,.1f} |")
    print()


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    for path in argv[1:]:
        anatomy(path)


if __name__ == "__main__":
    main(sys.argv)
