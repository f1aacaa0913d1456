#!/usr/bin/env python3
"""Facets (issue 14, item 1): every count of every facet value equals --count of the query with
the value's filter added, for every field, on several kinds of query (empty, a word, OR, a
phrase, a field, quote: and speaker: pairing); the split's cells likewise; the quotes a
`--facet speaker quote:X` counts equal the quotes holding X, speaker by speaker, read from the
articles themselves; facets follow --delete; bad --facet and --split are usage errors.

With --shared, the same on PolNeAR (train and dev), every value of the speaker, person, source
and month facets: the alias table links many one-word speakers there."""
import json
import os
import re
import sys

from harness import Env

env = Env()
# Registered twice: e2e_facets (the bundled corpus) and shared_facets (PolNeAR, with
# FACETS_POLNEAR=1; skipped when ../shared is absent).
polnear = os.environ.get("FACETS_POLNEAR") == "1"
FIELDS = ["speaker", "person", "source", "author", "place", "topic", "language", "year", "month", "day"]


def facets(db, query, *specs, split=None):
    args = ["--json", "-n", "0"]
    for s in specs:
        args += ["--facet", s]
    if split:
        args += ["--split", split]
    r = env.search(db, *args, "--", query)
    if r.returncode not in (0, 1):
        raise AssertionError(f"facets of {query!r} exited {r.returncode}: {r.stderr}")
    return json.loads(r.stdout)


def counts(db, queries):
    """--count of each query, in one --batch process."""
    lines = "".join(f"{i}\t{q}\n" for i, q in enumerate(queries))
    r = env.search(db, "--count", "--json", "--batch", "-", stdin=lines)
    if r.returncode not in (0, 1):
        raise AssertionError(f"batch count exited {r.returncode}: {r.stderr[-500:]}")
    got = {}
    for line in r.stdout.splitlines():
        j = json.loads(line)
        got[int(j["qid"])] = j["count"]
    return [got.get(i) for i in range(len(queries))]


def narrowed(query, extra):
    return extra if not query.strip() else f"({query}) {extra}"


def check_all_values(db, query, fields, label):
    """Every value of every field (top 0: all) against --count with its filter."""
    j = facets(db, query, *[f + ":0" for f in fields])
    total = counts(db, [query])[0] if query.strip() else None
    if total is not None:
        env.equal(j["total"], total, f"{label}: exact total with facets")
    queries, expect = [], []
    for f in j["facets"]:
        env.equal(f["distinct"], len(f["values"]), f"{label}: {f['field']}: every value listed with :0")
        for v in f["values"]:
            env.check(v["filter"] != "", f"{label}: {f['field']} {v['value']!r} has a filter")
            if not v["filter"]:
                continue
            queries.append(narrowed(query, v["filter"]))
            expect.append((f["field"], v["value"], v["articles"]))
    got = counts(db, queries)
    bad = [(field, value, want, g) for (field, value, want), g in zip(expect, got) if g != want]
    env.check(not bad, f"{label}: {len(bad)} of {len(expect)} facet counts differ from --count "
                       f"(field, value, facet, --count): {bad[:8]}")
    return j


# --- PolNeAR (shared) -------------------------------------------------------------------
if polnear:
    root = env.need_shared("corpora", "polnear")
    pdb = os.path.join(env.work, "polnear.db")
    r = env.index("--db", pdb, "--manifest", os.path.join(root, "metadata.tsv"),
                  *[os.path.join(root, c, "text") for c in ("train", "dev")])
    env.equal(r.returncode, 0, f"PolNeAR index exit status ({r.stderr[-300:]})")
    for q in ["", "trump", "speaker:clinton", "quote:tax", '"white house" OR senate']:
        check_all_values(pdb, q, ["speaker", "person", "source", "month", "author"], f"PolNeAR {q!r}")
    j = facets(pdb, "", "speaker:0")
    names = {v["value"] for v in j["facets"][0]["values"]}
    env.check("Barack Obama" in names, "PolNeAR: Barack Obama is a speaker value")
    env.finish()

# --- the bundled corpus ---------------------------------------------------------------
db = os.path.join(env.work, "corpus.db")
r = env.index("--db", db, env.corpus)
env.equal(r.returncode, 0, f"index exit status ({r.stderr[-300:]})")

for q in ["", "said", "tax OR grocery", '"city council"', "source:wire", "date:2024", "speaker:obama",
          "quote:water", 'speaker:calloway quote:law']:
    check_all_values(db, q, FIELDS, f"corpus {q!r}")

# The whole archive: as many values as the database has terms for.
j = facets(db, "", "source:0", "year", "speaker:3")
src = {f["field"]: f for f in j["facets"]}["source"]
env.equal(sum(v["articles"] for v in src["values"]), j["total"], "every article has one source: the counts add up")
env.equal(len(src["values"]), src["distinct"], "source:0 lists all")
env.equal(len({f["field"]: f for f in j["facets"]}["speaker"]["values"]), 3, "speaker:3 lists three")
years = [v["value"] for v in {f["field"]: f for f in j["facets"]}["year"]["values"]]
env.equal(years, sorted(years), "years in time order")
spk = {f["field"]: f for f in j["facets"]}["speaker"]["values"]
env.check(all(spk[i]["articles"] >= spk[i + 1]["articles"] for i in range(len(spk) - 1)), "speakers: most articles first")

# The split: each cell is the articles of both filters.
j = facets(db, "", "month:0", split="source:0")
month = j["facets"][0]
env.equal(month["split"], "source", "split field named")
cells = [(m["filter"], c["filter"], c["articles"]) for m in month["values"] for c in m["split"]]
env.check(len(cells) >= 20, f"split cells: {len(cells)}")
got = counts(db, [f"{a} {b}" for a, b, _ in cells])
env.equal([c for _, _, c in cells], got, "split cells equal --count of both filters")
env.equal(sum(c["articles"] for c in month["split_values"]), j["total"], "split_values: every article has one source")

# Quotes counted: `--facet speaker quote:X` against the quotes of the matching articles that
# hold a word of X's stem, speaker by speaker.
def quotes_by_speaker(db, word_re, query):
    ids = sorted(env.ids(db, query))
    r = env.search(db, "--get", "--json", *ids)
    by = {}
    for a in json.loads(r.stdout)["articles"]:
        for s in a.get("speakers", []):
            n = sum(1 for q in s.get("quotes", []) if re.search(word_re, q["text"], re.I))
            if n:
                by[s["name"]] = by.get(s["name"], 0) + n
    return by


for word, word_re in [("water", r"\bwater(s|ed|ing)?\b"), ("tax", r"\btax(es|ed|ing)?\b")]:
    j = facets(db, f"quote:{word}", "speaker:0")
    f = j["facets"][0]
    env.check(f["quotes_counted"], f"quote:{word}: quotes counted")
    got = {v["value"]: v["quotes"] for v in f["values"] if v["quotes"]}
    want = quotes_by_speaker(db, word_re, f"quote:{word}")
    env.equal(got, want, f"quote:{word}: quotes per speaker")
    qs = [v["quotes"] for v in f["values"]]
    env.equal(qs, sorted(qs, reverse=True), f"quote:{word}: most quotes first")
j = facets(db, "said", "speaker")
env.check(not j["facets"][0]["quotes_counted"] and "quotes" not in j["facets"][0]["values"][0],
          "no quotes counted without quote:/speaker:")

# Text output: a compact table, and the cross-table.
r = env.search(db, "-n", "0", "--facet", "source:2", "--facet", "month", "--split", "source:2", "--", "")
env.equal(r.returncode, 0, f"text facets exit status ({r.stderr})")
env.check(re.search(r"^source: \d+ values, the top 2$", r.stdout, re.M) is not None, f"text header: {r.stdout[:300]}")
env.check(re.search(r"^  month\s+articles\s+\S", r.stdout, re.M) is not None, f"cross-table header: {r.stdout[:600]}")

# Usage errors.
for args, what in [(["--facet", "colour"], "unknown field"), (["--facet", "speaker:x"], "bad N"),
                   (["--split", "source"], "--split without --facet"), (["--facet", "speaker", "--count"], "with --count"),
                   (["--facet", "speaker", "--jsonl"], "with --jsonl")]:
    r = env.search(db, *args, "--", "said")
    env.equal(r.returncode, 2, f"{what}: exit status ({r.stderr.strip()})")
    env.check("--" in r.stderr and len(r.stderr) < 400, f"{what}: message: {r.stderr.strip()}")

# `field:=` is the whole name only.
one = facets(db, "", "speaker:0")["facets"][0]["values"]
multi = [v for v in one if " " in v["filter"]]
env.check(len(multi) > 10, "several multi-word speakers")
r = env.search(db, "--count", "--", "speaker:=")
env.equal(r.returncode, 2, "speaker:= without a name is a usage error")
r = env.search(db, "--count", "--", 'title:="x"')
env.equal(r.returncode, 2, "title:= is a usage error")

# After --delete, the counts follow.
victim = sorted(env.ids(db, "source:wire"))[0]
before = {v["value"]: v["articles"] for v in facets(db, "", "source:0")["facets"][0]["values"]}
r = env.index("--db", db, "--delete", victim)
env.equal(r.returncode, 0, f"delete exit status ({r.stderr})")
after = {v["value"]: v["articles"] for v in facets(db, "", "source:0")["facets"][0]["values"]}
env.equal(sum(before.values()) - sum(after.values()), 1, "one article fewer in the source facet after --delete")
check_all_values(db, "", ["source", "speaker", "month"], "corpus after --delete")

env.finish()
