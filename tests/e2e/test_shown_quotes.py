#!/usr/bin/env python3
"""Every result of a query with quote:, said: or speaker: shows the quotes it asked about, with
their speaker, in text and in JSON: on the bundled corpus, each shown quote holds the quote:
word (by its stem's start) and is by the speaker: named; said: shows reported speech, marked
so; a query without either shows none."""
import json
import os

from harness import Env

env = Env()
db = os.path.join(env.work, "news.db")
r = env.index("--db", db)
env.equal(r.returncode, 0, f"index the bundled corpus ({r.stderr[-300:]})")

CASES = [  # query, word every shown quote holds (lower case, by its start), speaker word or None
    ("quote:water", "water", None),
    ("quote:strike", "strike", None),
    ("speaker:brandt quote:water", "water", "brandt"),
    ("speaker:brandt", None, "brandt"),
    ("quote:(water OR drought)", None, None),
    # said: (quoted or reported): "council" is only in reported speech in the corpus
    ("said:council", "council", None),
    ("speaker:platt said:council", "council", "platt"),
]
for query, word, who in CASES:
    r = env.search(db, "--json", "-n", "50", "--", query)
    env.equal(r.returncode, 0, f"{query}: exit status")
    results = json.loads(r.stdout)["results"]
    env.check(len(results) > 0, f"{query}: finds articles")
    for res in results:
        quotes = res["matched_quotes"]
        env.check(len(quotes) > 0, f"{query}: {res['id']} shows a quote")
        for q in quotes:
            if word:
                env.check(word in q["text"].lower(), f"{query}: shown quote holds {word!r}: {q['text'][:80]!r}")
            if who:
                env.check(who in q["speaker"].lower(), f"{query}: shown quote is by {who}: {q['speaker']!r}")
            if query.startswith("quote:(water OR"):
                env.check("water" in q["text"].lower() or "drought" in q["text"].lower(), f"{query}: {q['text'][:80]!r}")
    if query.startswith(("said:", "speaker:platt said:")):
        env.check(all(q.get("reported") for res in results for q in res["matched_quotes"]),
                  f"{query}: the spans shown are reported speech (\"reported\": true)")
    # The text output shows them too, in place of the snippet (reported speech as "(reported) ...").
    r = env.search(db, "-n", "3", "--", query)
    shown = r.stdout.count("\u201d \u2014 ") + r.stdout.count("(reported) ")
    env.check(shown >= min(3, len(results)), f"{query}: text output shows quotes:\n{r.stdout[:600]}")
# quote: never finds reported speech
r = env.search(db, "--json", "--", "quote:council")
env.equal(json.loads(r.stdout)["total"], 0, "quote:council finds no quotation (the word is only reported)")

r = env.search(db, "--json", "--", "water")
env.check(all(not res["matched_quotes"] for res in json.loads(r.stdout)["results"]), "no quote: nor speaker: shows no quotes")
env.finish()
