#!/usr/bin/env python3
"""The wrong-mouth table on corpus/ (issue 13, item 2): for each kind of misattribution seen
on real archives, an article of the bundled corpus holds a quote that must go to its source
(must match) and never to a person merely named near it (must not match). The same kinds
are unit rows in tests/unit/test_speakers.cpp ("wrong mouth")."""
import json

from harness import Env

ANY = object()  # no speaker is required, only the ones never to have it are checked
# (kind, article, start of the quote, speaker it must have (None: nobody), speakers it must never have)
TABLE = [
    ("pronoun", "capital-wire/dayton-voters-weigh-senate-race.txt", "I wrote the law", "Ruth Calloway",
     ["Dale Fenwick", "Grant Ellison", "Lorraine Fenwick"]),
    ("talked-about", "capital-wire/dayton-voters-weigh-senate-race.txt", "She has been there", "Dale Fenwick",
     ["Ruth Calloway"]),
    ("talked-about", "capital-wire/dayton-voters-weigh-senate-race.txt", "I like her", "Marjorie Quill",
     ["Ruth Calloway"]),
    ("talked-about", "capital-wire/dayton-voters-weigh-senate-race.txt", "grocery tax", "Calloway’s aides",
     ["Grant Ellison", "Ruth Calloway"]),
    ("relative", "capital-wire/dayton-voters-weigh-senate-race.txt", "We have been married", "Lorraine Fenwick",
     ["Dale Fenwick"]),
    ("surname-as-word", "capital-wire/dayton-voters-weigh-senate-race.txt", "The men and women", "Bernard Young",
     ["Lorraine Fenwick"]),
    ("cited", "capital-wire/dayton-voters-weigh-senate-race.txt", "every senator is a stranger", "her late husband",
     ["Marjorie Quill"]),
    # (a slogan on supporters' caps: whoever it is given to, never a candidate named near it)
    ("term-as-speech", "capital-wire/dayton-voters-weigh-senate-race.txt", "Drive It Home", ANY,
     ["Grant Ellison", "Ruth Calloway", "Dale Fenwick"]),
    ("judge", "northern-courier/kingsmead-flood-claim-dismissed.txt", "The court has sympathy", "Abbott",
     ["Patrick Halloran"]),
    ("same-surname", "northern-courier/kingsmead-flood-claim-dismissed.txt", "I have spent four years",
     "Patrick Halloran", ["Declan Halloran", "Abbott"]),
    ("same-surname", "northern-courier/kingsmead-flood-claim-dismissed.txt", "Dad built this place",
     "Declan Halloran", ["Patrick Halloran"]),
    ("term-as-speech", "northern-courier/kingsmead-flood-claim-dismissed.txt", "the Great Wall of Kingsmead",
     "residents", ["a council report", "Nadia Osei"]),
    ("relative", "northern-courier/kingsmead-flood-claim-dismissed.txt", "My mum lost everything", "Bridget Rowe",
     ["Patrick Halloran", "Declan Halloran"]),
    ("pronoun", "pacific-bulletin/clinic-director-recalls-outbreak.txt", "We had 40 masks", "Amara Okoye",
     ["Victor Salas"]),
    ("talked-about", "pacific-bulletin/clinic-director-recalls-outbreak.txt", "I was wrong in those first days",
     "Victor Salas", ["Amara Okoye"]),
    ("talked-about", "pacific-bulletin/clinic-director-recalls-outbreak.txt", "She slept in her office",
     "Tomas Reyes", ["Amara Okoye"]),
    ("pronoun", "pacific-bulletin/clinic-director-recalls-outbreak.txt", "It was three weeks", "Amara Okoye",
     ["Tomas Reyes"]),
]
# Known and not fixed: a note read out ("It read, she said, “...”") is given to the reader.
KNOWN = [("cited", "pacific-bulletin/clinic-director-recalls-outbreak.txt", "Nobody will thank you", "Amara Okoye")]

env = Env()
files = sorted({row[1] for row in TABLE})
r = env.index("--extract", *[f"{env.corpus}/{f}" for f in files])
said = {}  # (article, quote start) -> speaker
for line in r.stdout.splitlines():
    a = json.loads(line)
    key = next((f for f in files if a["path"].endswith(f)), a["path"])
    for s in a["speakers"]:
        for q in s["quotes"]:
            said[(key, q["text"])] = s["name"]


def speaker_of(article, start):
    return next((name for (art, text), name in said.items() if art == article and text.startswith(start)), None)


right = 0
for kind, article, start, want, never in TABLE:
    got = speaker_of(article, start)
    ok = (want is ANY or got == want) and got not in never
    right += ok
    must = "anyone" if want is ANY else repr(want)
    env.check(ok, f"{kind}: “{start}…” in {article}: {got!r} (must be {must}, never any of {never})")
for kind, article, start, wrong in KNOWN:
    got = speaker_of(article, start)
    print(f"  known error ({kind}): “{start}…” goes to {got!r}" + (" (still)" if got == wrong else " (now fixed: move it to TABLE)"))
print(f"  {right}/{len(TABLE)} rows right")
env.finish()
