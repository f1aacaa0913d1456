#!/usr/bin/env python3
"""A synthetic news corpus of any size, as JSON Lines, recombined from the real corpora.

usage: tests/bench/gen_corpus.py --articles N [--seed S] --out FILE.jsonl [--shared DIR]

Reads the real corpora in ../shared/corpora (PolNeAR texts + metadata.tsv, the BBC
full-text tar, the Reuters-21578 tar) once into pools: sentences, direct quotations,
names seen in "X said" attributions, titles, sources, authors, dateline places. Then
writes N articles, one JSON object a line (id, title, date, source, author, dateline,
text), each made of sentences drawn from the pools, with quotations attributed the way
news does ("“...,” Jane Doe said.", "said Doe, a spokesman for ...", "Doe said: “...”",
and later mentions by surname), so the speaker extraction has real work to do.

Deterministic: the same --seed and the same corpora give the same file, byte for byte.
Streaming: memory holds the pools only (about 70 MB), whatever N is; 1,000,000
articles take a few minutes and about 2 GB. The output must be outside the repository
(the corpora's terms forbid shipping their text, and recombined text is still theirs).
"""
import argparse
import collections
import json
import os
import random
import re
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ inside the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_common as bc  # noqa: E402

ROLES = [
    "a spokesman for the company", "a spokeswoman for the ministry", "the chief executive", "a senior official",
    "an analyst at a brokerage", "the president of the union", "a White House spokesman", "a campaign adviser",
    "the committee chairman", "a senior economist", "a diplomat", "the party leader", "a company spokesman",
    "a government minister", "a senior aide", "the mayor", "a trade official", "an industry analyst",
]
NOT_NAMES = set("""The A An And But Or If When While After Before He She It They We I You This That These Those
There Here Mr Mrs Ms Dr Sir Lord In On At For From By With Officials Analysts Sources Police Reuters Prime
Minister President Secretary General Senator Governor Chairman Chief Executive Director Spokesman Spokeswoman
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
September October November December Democratic Republican Democrats Republicans American British Labour Tory
New North South East West United States Kingdom House White Senate Congress Bank Treasury Federal Reserve
Corp Inc Co Ltd Plc Group Bancorp Technologies Industries Association Systems International Holdings Securities
Financial Corporation Company Communications Airlines Motors Energy Oil Petroleum Exchange Board Commission
Department Ministry Agency Court News Post Times Journal Party Council Union Club City County Office Watch
Concern Sports Rights Age Ask Human Against""".split())
ABBREV = re.compile(r"(?:\b[A-Z]\.|\b(?:Mr|Mrs|Ms|Dr|Rep|Sen|Gov|Gen|Lt|Col|Sgt|St|Jr|Sr|No|Inc|Corp|Co|Ltd|"
                    r"Jan|Feb|Aug|Sept|Oct|Nov|Dec|vs|Calif|Mass|Ill|Fla|Ariz|Pa|Va|Wash|Mich|Conn|Md)\.)$")
TITLES = {"Chancellor", "Speaker", "Senator", "Sen", "Governor", "Gov", "President", "Secretary", "Minister",
          "Leader", "Judge", "Mayor", "Rep", "Representative", "Prince", "Commissioner"}
MONTH_ABBR = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]

SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])")
QUOTE = re.compile(r"“([^”]{25,300})”|\"([^\"]{25,300})\"")
NAME = r"([A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][a-z]+){1,2})"
SAID_AFTER = re.compile(NAME + r",?(?: [a-z]+)? (?:said|says|told|added)\b")
SAID_BEFORE = re.compile(r"\b(?:said|says) " + NAME + r"\b")


def split_sentences(para):
    """Sentences of a paragraph; no split after an abbreviation ("U.S.", "Mr.", "Sen.")."""
    out = []
    for piece in SENT_SPLIT.split(para):
        piece = piece.strip()
        if out and ABBREV.search(out[-1]):
            out[-1] += " " + piece
        elif piece:
            out.append(piece)
    return out


def title_case(s):
    small = {"a", "an", "and", "as", "at", "but", "by", "for", "in", "of", "on", "or", "the", "to", "with"}
    words = s.lower().split()
    return " ".join(w if i and w in small else w[:1].upper() + w[1:] for i, w in enumerate(words))


class Pools:
    def __init__(self, shared, log):
        self.sentences, self.quotes, self.titles, self.authors, self.places = [], [], [], [], []
        self.sources = []
        names = collections.Counter()
        corpora = os.path.join(shared, "corpora")
        sources = set()

        def take_text(text, with_names=True):
            for para in text.split("\n\n"):
                for m in QUOTE.finditer(para):
                    q = (m.group(1) or m.group(2)).strip().rstrip(",.").strip()
                    if len(q) >= 25 and "\n" not in q and q[0].isupper() and not re.search(r"[\"“”]", q):
                        self.quotes.append(q)
                if with_names:  # Reuters' "X said" are mostly companies
                    for m in SAID_AFTER.finditer(para):
                        names[m.group(1)] += 1
                    for m in SAID_BEFORE.finditer(para):
                        names[m.group(1)] += 1
                for s in split_sentences(para):
                    if 30 <= len(s) <= 400 and not re.search(r"[\"“”]", s) and s[-1] in ".!?" and s[0].isupper():
                        self.sentences.append(s)

        t0 = time.perf_counter()
        reuters = os.path.join(corpora, "reuters21578", "reuters21578.tar.xz")
        if os.path.exists(reuters):
            for r in bc.reuters_records(reuters):
                if r["text"] != r["title"]:
                    take_text(r["text"], with_names=False)
                if r["title"]:
                    self.titles.append(title_case(r["title"]))
                if r.get("author"):
                    self.authors.append(r["author"])
                if r["dateline"]:
                    self.places.append(r["dateline"].split(",")[0].strip().title())
            sources.add("Reuters")
        polnear = os.path.join(corpora, "polnear")
        if os.path.isdir(polnear):
            for r in bc.polnear_records(polnear):
                take_text(r["text"])
                self.titles.append(r["title"])
                if r["author"] and r["author"] not in ("Breitbart News", "AP"):
                    self.authors.append(r["author"])
                if r["source"]:
                    sources.add(r["source"])
        bbc = os.path.join(corpora, "bbc-fulltext", "bbc-fulltext.tar.xz")
        if os.path.exists(bbc):
            for r in bc.bbc_records(bbc):
                take_text(r["text"])
                self.titles.append(r["title"])
            sources.add("BBC News")
        if not self.sentences:
            sys.exit(f"{corpora}: no corpus found (Reuters-21578, PolNeAR or BBC full text)")
        # Names seen at least twice, weighted by how often they were quoted.
        self.names = []
        titled = collections.Counter()
        for n, c in names.items():
            parts = n.split()
            if len(parts) > 2 and parts[0] in TITLES:
                parts = parts[1:]
            titled[" ".join(parts)] += c
        for n, c in sorted(titled.items()):
            parts = n.split()
            if c >= 2 and not any(p in NOT_NAMES for p in parts):
                self.names += [n] * min(c, 50)
        if not self.names:
            self.names = ["Jane Doe", "John Smith"]
        self.sources = sorted(sources)
        self.places = sorted(set(self.places)) or ["London", "New York", "Washington"]
        self.authors = sorted(set(self.authors)) or ["Staff"]
        for pool in (self.sentences, self.quotes, self.titles):
            pool.sort()  # the same pools whatever the tar order or file system order
        log(f"pools: {len(self.sentences):,} sentences, {len(self.quotes):,} quotations, "
            f"{len(set(self.names)):,} speakers, {len(self.titles):,} titles, {len(self.authors):,} authors, "
            f"{len(self.places):,} places, {len(self.sources)} sources ({time.perf_counter() - t0:.1f} s)")


def article(rng, pools, i, seed):
    curly = rng.random() < 0.5
    oq, cq = ("\u201c", "\u201d") if curly else ('"', '"')
    y = rng.randint(1987, 2016)
    m = rng.randint(1, 12)
    d = rng.randint(1, 28)
    place = pools.places[rng.randrange(len(pools.places))] if rng.random() < 0.6 else ""
    speakers = [pools.names[rng.randrange(len(pools.names))] for _ in range(rng.choice((0, 1, 1, 2, 2, 3)))]
    introduced = set()
    paras = []
    for _ in range(rng.randint(2, 12)):
        if speakers and pools.quotes and rng.random() < 0.35:
            name = speakers[rng.randrange(len(speakers))]
            surname = name.split()[-1]
            q = pools.quotes[rng.randrange(len(pools.quotes))]
            if name in introduced:
                form = rng.randrange(3)
                if form == 0:
                    p = f"{oq}{q},{cq} {surname} said."
                elif form == 1:
                    p = f"{oq}{q},{cq} {surname} added."
                else:
                    s = pools.sentences[rng.randrange(len(pools.sentences))]
                    p = f"{surname} said {s[0].lower() + s[1:]}"
            else:
                introduced.add(name)
                form = rng.randrange(3)
                if form == 0:
                    p = f"{oq}{q},{cq} {name} said."
                elif form == 1:
                    p = f"{oq}{q},{cq} said {name}, {ROLES[rng.randrange(len(ROLES))]}."
                else:
                    p = f"{name} said: {oq}{q}.{cq}"
            if rng.random() < 0.5:
                p += " " + pools.sentences[rng.randrange(len(pools.sentences))]
        else:
            p = " ".join(pools.sentences[rng.randrange(len(pools.sentences))] for _ in range(rng.randint(1, 3)))
        paras.append(p)
    authors = [pools.authors[rng.randrange(len(pools.authors))] for _ in range(rng.choice((0, 1, 1, 1, 2)))]
    return {
        "id": f"syn{seed}-{i:07d}",
        "title": pools.titles[rng.randrange(len(pools.titles))],
        "date": f"{y:04d}-{m:02d}-{d:02d}",
        "source": pools.sources[rng.randrange(len(pools.sources))],
        "author": " and ".join(authors),
        "dateline": f"{place.upper()}, {MONTH_ABBR[m - 1]} {d}" if place else "",
        "text": "\n\n".join(paras),
    }


def generate(n, seed, out, shared, log=lambda s: print(s, file=sys.stderr)):
    """Writes n articles to out (atomically: out.tmp, then renamed). Returns bytes written."""
    out = os.path.abspath(out)
    if os.path.commonpath([out, bc.ROOT]) == bc.ROOT:
        sys.exit(f"{out}: generated corpora never go inside the repository")
    pools = Pools(shared, log)
    rng = random.Random(seed)
    t0 = time.perf_counter()
    tmp = out + ".tmp"
    size = 0
    with open(tmp, "w", encoding="utf-8") as f:
        for i in range(1, n + 1):
            line = json.dumps(article(rng, pools, i, seed), ensure_ascii=False) + "\n"
            f.write(line)
            size += len(line.encode())
            if i % 100000 == 0:
                log(f"  {i:,} articles, {size / 1e6:,.0f} MB, {time.perf_counter() - t0:.0f} s")
    os.replace(tmp, out)
    log(f"wrote {n:,} articles, {size / 1e6:,.1f} MB to {out} in {time.perf_counter() - t0:.1f} s")
    return size


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--articles", type=int, required=True)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", required=True, help="FILE.jsonl, outside the repository")
    p.add_argument("--shared", default=bc.SHARED)
    a = p.parse_args()
    if a.articles < 1:
        sys.exit("--articles must be at least 1")
    generate(a.articles, a.seed, a.out, a.shared)


if __name__ == "__main__":
    main()
