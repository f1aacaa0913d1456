#!/usr/bin/env python3
""""Did you mean" on misspellings of real words and names (issue 15, item 2).

usage: tests/bench/spelling_eval.py [--build DIR] [--work DIR] [--count 200] [--seed 15]

Indexes Reuters-21578 and BBC News (../shared/corpora; the JSON Lines that bench_common.py
writes) with news-index (speakers and people extracted: the names come from them), each into its own database in the scratch folder (reused from --work
when there), then draws --count words with a fixed seed, half from each database, half of them
names and half other words:
  - a name: the last word of a person's whole name the database holds (XPERN terms: people
    named in the articles), held by at least 5 articles;
  - a word: a body word of at least 5 letters, only letters, held by at least 20 articles,
    not a stop word (never suggested: nobody searches for "their").
Each is misspelt by 1 or 2 random edits (a letter deleted, inserted, replaced, or two
neighbours swapped; half of the words get 2), and a misspelling that is itself an indexed word
of that database is drawn again (it could be meant). Every misspelling is run as a one-word
query through one `news-search --batch --json -n 0` per database; the suggestion is right when
it is the word misspelt, or a word of its stem group (searched alike: "term" for "terms",
which --explain shows; or no suggestion, the misspelling itself searching that group, as
"footbal" finds football). Prints the share right, by kind and by number of edits, the share
with no suggestion, and a sample of the wrong ones. A benchmark, not a test: it asserts nothing.
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_common as bc  # noqa: E402

LETTERS = "abcdefghijklmnopqrstuvwxyz"
# Words nobody searches for, left out of the draw: the Snowball English stop list that
# news-search never suggests (searcher/ranking.cpp), those of 5 letters or more.
STOP = set("""yours ourselves yourself yourselves himself herself itself their theirs themselves which these
those having would should could ought because until while about against between into through during
before after above below under again further there where other these""".split())


def misspell(word, edits, rnd):
    w = list(word)
    for _ in range(edits):
        op = rnd.choice(["delete", "insert", "replace", "swap"])
        i = rnd.randrange(len(w))
        if op == "delete" and len(w) > 3:
            del w[i]
        elif op == "insert":
            w.insert(i, rnd.choice(LETTERS))
        elif op == "swap" and i + 1 < len(w) and w[i] != w[i + 1]:
            w[i], w[i + 1] = w[i + 1], w[i]
        else:
            w[i] = rnd.choice([c for c in LETTERS if c != w[i]])
    return "".join(w)


def all_terms(db):
    """{term: term frequency} of every term of db, through python3-xapian when present, else xapian-delve."""
    try:
        import xapian
        d = xapian.Database(db)
        return {t.term.decode("utf-8", "replace"): t.termfreq for t in d.allterms()}
    except ImportError:  # xapian-delve -a -1 -v: "term termfreq" a line (a term may hold spaces)
        r = subprocess.run(["xapian-delve", "-a", "-1", "-v", db], capture_output=True, check=True)
        out = {}
        for line in r.stdout.decode("utf-8", "replace").splitlines():
            term, _, n = line.rpartition(" ")
            if term and n.isdigit():
                out[term] = int(n)
        return out


def build(index, records, path, work):
    if os.path.exists(path):
        return "reused"
    docs = path + ".jsonl"
    with open(docs, "w") as f:
        for r in records:
            if (r.get("text") or "").strip() or (r.get("title") or "").strip():  # (Reuters has one empty story)
                f.write(json.dumps(r) + "\n")
    r = subprocess.run([index, "--progress", "never", "--db", path + ".part", docs], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"news-index failed: {r.stderr[-500:]}")
    os.rename(path + ".part", path)
    return "indexed"


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--build", default=os.path.join(bc.ROOT, "build"))
    p.add_argument("--shared", default=bc.SHARED)
    p.add_argument("--work", default=None, help="scratch folder (default: a temporary one); databases there are reused")
    p.add_argument("--count", type=int, default=200)
    p.add_argument("--seed", type=int, default=15)
    p.add_argument("--draw", choices=["frequency", "uniform"], default="frequency",
                   help="draw words in proportion to the articles holding them (as they occur), or uniformly")
    p.add_argument("--show-wrong", type=int, default=25, help="wrong suggestions to list")
    a = p.parse_args()
    work = a.work or tempfile.mkdtemp(prefix="news-spelling-")
    os.makedirs(work, exist_ok=True)
    (index, search), bin_line = bc.snapshot_binaries(
        [os.path.join(a.build, "indexer", "news-index"), os.path.join(a.build, "searcher", "news-search")], work)
    corpora = {
        "reuters": lambda: bc.reuters_records(os.path.join(a.shared, "corpora", "reuters21578", "reuters21578.tar.xz")),
        "bbc": lambda: bc.bbc_records(os.path.join(a.shared, "corpora", "bbc-fulltext", "bbc-fulltext.tar.xz")),
    }
    rnd = random.Random(a.seed)
    rows = []  # (corpus, kind, word, misspelling, edits)
    dbs = {}
    for name, records in corpora.items():
        db = os.path.join(work, name + ".db")
        how = build(index, records(), db, work)
        dbs[name] = db
        tf = all_terms(db)
        words = sorted(t for t, n in tf.items() if n >= 20 and len(t) >= 5 and re.fullmatch(r"[a-z]+", t) and t not in STOP)
        names = sorted({t.split()[-1] for t, n in tf.items() if t.startswith("XPERN") and n >= 5
                        and re.fullmatch(r"[a-z]{4,}", t.split()[-1]) and tf.get(t.split()[-1], 0) >= 5})
        print(f"{name}: {how}; {len(words)} words and {len(names)} name words to draw from")
        name_w, word_w, acc = [], [], 0
        for w in names:
            acc += tf[w]
            name_w.append(acc)
        acc = 0
        for w in words:
            acc += tf[w]
            word_w.append(acc)
        share = a.count // len(corpora)
        for i in range(share):
            kind = "name" if i % 2 == 0 else "word"
            pool = names if kind == "name" and names else words
            if a.draw == "uniform":
                word = rnd.choice(pool)
            else:
                weights = name_w if pool is names else word_w
                word = rnd.choices(pool, cum_weights=weights)[0]
            edits = 1 if (i // 2) % 2 == 0 else 2
            for _ in range(100):
                bad = misspell(word, edits, rnd)
                if bad != word and bad not in tf:
                    break
            rows.append((name, kind, word, bad, edits))
    got = {}
    for name, db in dbs.items():
        batch = os.path.join(work, name + ".queries")
        mine = [r for r in rows if r[0] == name]
        with open(batch, "w") as f:
            for i, r in enumerate(mine):
                f.write(f"{i}\t{r[3]}\n")
        r = subprocess.run([search, "--db", db, "--batch", batch, "--json", "-n", "0"], capture_output=True, text=True)
        dec, text, at = json.JSONDecoder(), r.stdout, 0
        while at < len(text):
            while at < len(text) and text[at].isspace():
                at += 1
            if at >= len(text):
                break
            j, at = dec.raw_decode(text, at)
            s = j.get("suggestion")
            got[(name, int(j["qid"]))] = s["query"] if s else None
    # A suggestion of the meant word's stem group (searched alike: "term" for "terms") counts as
    # right: --explain of both gives the same words.
    def words_of(db, queries):
        batch = os.path.join(work, "explain.queries")
        with open(batch, "w") as f:
            for i, q in enumerate(queries):
                f.write(f"{i}\t{q}\n")
        r = subprocess.run([search, "--db", db, "--batch", batch, "--explain"], capture_output=True, text=True)
        out = {}
        for line in r.stdout.splitlines():
            qid, _, rest = line.partition("\t")
            if rest.startswith("Query(") and int(qid) not in out:
                out[int(qid)] = frozenset(re.findall(r"[^\s()]+", rest[len("Query("):])) - {"SYNONYM", "OR", "AND"}
        return [out.get(i) for i in range(len(queries))]
    alike = set()
    for name, db in dbs.items():
        mine = [(i, r) for i, r in enumerate(x for x in rows if x[0] == name) if got.get((name, i)) != r[2]]
        if mine:  # (no suggestion: the misspelling itself, which may already search the meant word: "footbal")
            a_words = words_of(db, [got[(name, i)] or r[3] for i, r in mine])
            b_words = words_of(db, [r[2] for _, r in mine])
            alike |= {(name, i) for (i, _), x, y in zip(mine, a_words, b_words) if x and x == y}
    right = {}
    wrong = []
    none = 0
    for name in dbs:
        mine = [r for r in rows if r[0] == name]
        for i, (_, kind, word, bad, edits) in enumerate(mine):
            s = got.get((name, i))
            ok = s == word or (name, i) in alike
            for key in ("all", kind, f"{edits} edit{'s' if edits > 1 else ''}", name):
                n, k = right.get(key, (0, 0))
                right[key] = (n + 1, k + ok)
            none += s is None
            if not ok:
                wrong.append(f"{name}: {bad} -> {s or '(none)'} (meant {word})")
    print(f"\n{len(rows)} misspellings (seed {a.seed}); right suggestion first:\n")
    print("| misspellings | n | right | share |\n|---|---:|---:|---:|")
    for key, (n, k) in right.items():
        print(f"| {key} | {n} | {k} | {k / n:.3f} |")
    print(f"\nno suggestion at all: {none}")
    print(f"wrong (first {a.show_wrong}):")
    for w in wrong[:a.show_wrong]:
        print("  " + w)
    print(bc.machine_line())
    print(bin_line)


if __name__ == "__main__":
    main()
