#!/usr/bin/env python3
"""Reuters-21578 (../shared/corpora/reuters21578), the original SGML as it is: every record is
indexed or reported as a failed record (file:line), and date and place filters agree with
counts this script makes from the SGML with its own regular expressions."""
import collections
import os
import re
import time

from harness import Env

env = Env()
# 1. Unpack the .sgm files only.
folder = env.reuters_sgm()
files = sorted(os.listdir(folder))
env.equal(len(files), 22, "number of .sgm files")

# 2. The script's own reading of the records.
MONTHS = {m: i + 1 for i, m in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split())}
record_re = re.compile(rb"<REUTERS[ >]")


def place_key(name):
    """A place as the search compares it: case, periods and runs of spaces do not count."""
    return " ".join(name.lower().replace(".", " ").split())


records = []  # dicts: file, line, newid, month, day, city, has_text
for name in files:
    data = open(os.path.join(folder, name), "rb").read()
    starts = [m.start() for m in record_re.finditer(data)]
    for i, s in enumerate(starts):
        rec = data[s:starts[i + 1] if i + 1 < len(starts) else len(data)].decode("latin-1")
        r = {"file": name, "line": data.count(b"\n", 0, s) + 1}
        r["newid"] = re.search(r'NEWID="(\d+)"', rec).group(1)
        d = re.search(r"<DATE>\s*(\d{1,2})-([A-Z]{3})-(\d{4})", rec)
        r["day"] = "%s-%02d-%02d" % (d.group(3), MONTHS[d.group(2)], int(d.group(1))) if d else None
        dl = re.search(r"<DATELINE>\s*\**([A-Za-z][A-Za-z .'/&-]*?)\s*(?:,|\s-|\s+[A-Z][a-z]+\.?\s+\d)", rec)
        r["city"] = place_key(dl.group(1)) if dl else None
        text = re.search(r"<TEXT[^>]*>(.*?)</TEXT>", rec, re.S)
        visible = re.sub(r"&#\d+;|<[^>]+>|\s", "", text.group(1)) if text else ""
        r["has_text"] = bool(visible)
        codes = set()
        for field in ("TOPICS", "PLACES"):
            f = re.search(rf"<{field}>(.*?)</{field}>", rec, re.S)
            codes |= set(re.findall(r"<D>\s*([^<]*?)\s*</D>", f.group(1))) if f else set()
        r["codes"] = codes
        records.append(r)

env.equal(len(records), 21578, "<REUTERS records counted by the script")
env.equal(len({r["newid"] for r in records}), len(records), "NEWIDs are unique")
textless = {(r["file"], r["line"]) for r in records if not r["has_text"]}
print(f"script: {len(records)} records, {len(textless)} without any text")

# 3. Index them all with the real news-index.
db = os.path.join(env.work, "reuters.db")
t0 = time.monotonic()
r = env.index("--db", db, folder)
seconds = time.monotonic() - t0
print(f"indexed in {seconds:.1f} s: {r.stderr.strip().splitlines()[-1] if r.stderr.strip() else ''}")
env.check(r.returncode in (0, 1), f"index exit status {r.returncode} ({r.stderr[-500:]})")
# Every failure is one line per record: path:line: error: reason, at a record without text.
failed = set()
for line in r.stderr.splitlines():
    m = re.match(r"(.*\.sgm):(\d+): error: (.*)$", line)
    if m:
        failed.add((os.path.basename(m.group(1)), int(m.group(2))))
    elif ": error:" in line:
        env.check(False, f"an error not tied to a record: {line}")
env.equal(r.returncode, 1 if failed else 0, "exit status says whether records failed")
env.equal(failed, set(), "no record fails, not even those without text")
m = re.search(r"holds (\d+) articles", r.stderr)
env.check(m is not None, f"summary names the article count ({r.stderr[-300:]})")
if m:
    env.equal(int(m.group(1)), len(records), "articles in the database == <REUTERS records (21,578)")

indexed = [x for x in records if (x["file"], x["line"]) not in failed]


def count(query):
    res = env.search(db, "--count", "--", query)
    return int(res.stdout.strip() or -1)


# 4. Dates: every indexed record has one; month and range filters agree with the SGML.
env.equal(count("date:..9999"), sum(1 for x in indexed if x["day"]), "articles with a date")
by_month = collections.Counter(x["day"][:7] for x in indexed if x["day"])
for month, n in sorted(by_month.items()):
    env.equal(count(f"date:{month}"), n, f"date:{month}")
for lo, hi in [("1987-03-01", "1987-03-31"), ("1987-03-15", "1987-04-14"), ("1987-02-26", "1987-02-26"),
               ("1987-10-19", "1987-12-31"), ("1986-01-01", "1987-02-25")]:
    want = sum(1 for x in indexed if x["day"] and lo <= x["day"] <= hi)
    env.equal(count(f"date:{lo}..{hi}"), want, f"date:{lo}..{hi}")

# 5. Places from the dateline: the most frequent, some of several words, and some that
#    must not match a longer name ("york" is not "new york").
by_city = collections.Counter(x["city"] for x in indexed if x["city"])
places = [c for c, _ in by_city.most_common(12)]
places += ["bahia blanca", "buenos aires", "rio de janeiro", "kuala lumpur", "hong kong", "st. louis",
           "york", "angeles", "atlantis"]
for p in places:
    env.equal(count(f'place:"{p}"'), by_city.get(place_key(p), 0), f'place:"{p}"')
print("places:", ", ".join(f"{p}={by_city.get(place_key(p), 0)}" for p in places))

# 6. Fields of known records: ids are file#NEWID; the one non-UTF-8 byte (0xFC, NEWID 17980)
#    is converted, not lost.
res = env.search(db, "--jsonl", "-n", "5", "--", 'title:"bahia cocoa review"')
env.check('"reuters21578/reut2-000.sgm#1"' in res.stdout, f"title search finds reut2-000.sgm#1 ({res.stdout[:200]})")
for p, day in [("new york", "1987-03-02"), ("salvador", "1987-02-26"), ("tokyo", "1987-04-01")]:
    want = sum(1 for x in indexed if x["city"] == p and x["day"] == day)
    env.equal(count(f'place:"{p}" date:{day}'), want, f'place:"{p}" date:{day}')
# 7. topic: finds the records with that <TOPICS> (or <PLACES>) code, as many as the SGML has;
#    --sources counts them all under Reuters.
for code in ["crude", "earn", "money-fx", "grain", "gold", "usa", "japan"]:
    env.equal(count(f"topic:{code}"), sum(1 for x in indexed if code in x["codes"]), f"topic:{code}")
both = count("topic:crude title:opec")
env.check(0 < both < count("topic:crude"), f"topic: combines with words: topic:crude title:opec = {both}")
res = env.search(db, "--sources")
env.check(re.search(rf"^\s*{len(indexed)}  Reuters  \(reuters\)$", res.stdout, re.M), f"--sources: {res.stdout}")
res = env.index("--extract", os.path.join(folder, "reut2-017.sgm"))
rec = next((l for l in res.stdout.splitlines() if '"reut2-017.sgm#17980"' in l), "")
env.check("growth.\\u00fc" in rec or "growth.\u00fc" in rec, "NEWID 17980 keeps its 0xFC byte as \u00fc")
env.check("&#" not in res.stdout and "&lt;" not in res.stdout, "no character references left in the text")
env.finish()
