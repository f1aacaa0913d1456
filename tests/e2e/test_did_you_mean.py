#!/usr/bin/env python3
"""Did you mean (issue 15, item 2): a query that finds little, with a word the archive holds
rarely or not at all, suggests the query with that word corrected from the database's own
words (text and JSON, and news-serve's JSON through the same writer), in the case typed, when
that finds more; a word held often enough to be meant, a field name, a stop word are never
"corrected"; --count, --jsonl and --trec say nothing of it."""
import json
import os

from harness import Env

env = Env()
db = os.path.join(env.work, "corpus.db")
r = env.index("--db", db, env.corpus)
env.equal(r.returncode, 0, f"index exit status ({r.stderr[-300:]})")


def suggestion(*args):
    r = env.search(db, "--json", *args)
    env.check(r.returncode in (0, 1), f"search {args}: exit {r.returncode} {r.stderr[-200:]}")
    return json.loads(r.stdout).get("suggestion")


# The corpus holds "drought" in 9 articles, "senator", "obama".
drought = env.ids(db, "drought")
env.check(len(drought) >= 5, f"the corpus has drought articles ({len(drought)})")
s = suggestion("drougth")
env.equal(s and s["query"], "drought", "a misspelt word: its correction")
env.equal(s and s["total"], len(drought), "the suggestion's count is what the corrected query finds")
env.equal(s and s["total_relation"], "eq", "an exact count")
s = suggestion("--", "(Drougth OR senatr) -xylophonist")
env.equal(s and s["query"], "(Drought OR senator) -xylophonist", "every rare word corrected, as typed (case, operators)")
s = suggestion("--", 'speaker:obma')
env.equal(s and s["query"], "speaker:obama", "a speaker's name word, from the speakers' words")
s = suggestion("--", 'speaker:"barak obama"')
env.check(s is not None and s["query"].startswith('speaker:"barack obama"'), f"a whole name's words: {s}")
s = suggestion("title:drougth")
env.check(s is None or s["query"] == "title:drougth", "a field's value is not a body word: left alone")
r = env.search(db, "drougth")
env.equal(r.returncode, 1, "no results: exit 1, with or without a suggestion")
env.check(r.stdout.startswith("No articles match.\nDid you mean: drought  (") and " articles)" in r.stdout,
          f"text: the suggestion after 'No articles match.': {r.stdout!r}")
env.check("Did you mean: Obama" in env.search(db, "-n", "0", "Obma").stdout, "text: a name, in the case typed")
# Nothing to say: a query that finds plenty; a correctly spelt rare word (nothing more frequent
# near it); --count, --jsonl and --trec.
env.equal(suggestion("drought"), None, "no suggestion for a query that finds plenty")
env.equal(suggestion("xylophonist"), None, "no suggestion without a word near it")
env.equal(env.search(db, "--count", "drougth").stdout.strip(), "0", "--count: the number only")
env.equal(env.search(db, "--jsonl", "drougth").stdout, "", "--jsonl: results only")
env.equal(env.search(db, "--trec", "t", "drougth").stdout, "", "--trec: results only")
env.finish()
