#!/usr/bin/env python3
"""SogouCS samples (../shared/corpora/sogoucs-mini-zh): two .dat dumps, one GBK with a
<doclist> wrapper, one UTF-8 without. Every <doc> record becomes an article; a Chinese word of
a title finds its record; --get DOCNO shows the record's url; the dates taken from the urls
agree with the script's own count."""
import datetime
import os
import re
import tarfile

from harness import Env

env = Env()
archive = env.need_shared("corpora", "sogoucs-mini-zh", "sogoucs-mini.tar.xz")

folder = os.path.join(env.work, "sogou")
with tarfile.open(archive) as tar:
    for m in tar.getmembers():
        if m.isfile() and m.name.endswith(".dat"):
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, os.path.basename(m.name)), "wb") as out:
                out.write(tar.extractfile(m).read())
files = sorted(os.listdir(folder))
env.equal(len(files), 2, "number of .dat files")

# The script's own reading: each file as UTF-8 when it is, else GB18030.
records = []  # dicts: docno, url, title
for name in files:
    data = open(os.path.join(folder, name), "rb").read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("gb18030", errors="replace")
    n = text.count("<doc>")
    found = re.findall(r"<doc>\s*<url>(.*?)</url>\s*<docno>(.*?)</docno>\s*<contenttitle>(.*?)</contenttitle>", text, re.S)
    env.equal(len(found), n, f"{name}: records the script can read")
    records += [{"url": u.strip(), "docno": d.strip(), "title": t.strip()} for u, d, t in found]
print(f"script: {len(records)} <doc> records in {len(files)} files")


def url_day(url):
    for seg in re.findall(r"(?<=/)(\d{8})(?=/)", re.sub(r"[?#].*", "", url.split("://", 1)[-1])):
        try:
            d = datetime.date(int(seg[:4]), int(seg[4:6]), int(seg[6:]))
        except ValueError:
            continue
        if 1990 <= d.year <= 2099:
            return d.isoformat()
    return None


# Index them with the real news-index: no record fails, every one is an article.
db = os.path.join(env.work, "sogou.db")
r = env.index("--db", db, folder)
env.equal(r.returncode, 0, f"index exit status ({r.stderr[-500:]})")
env.check(": error:" not in r.stderr, f"no record fails ({r.stderr[-500:]})")
m = re.search(r"holds (\d+) articles", r.stderr)
env.check(m is not None, f"summary names the article count ({r.stderr[-300:]})")
if m:
    env.equal(int(m.group(1)), len(records), "articles in the database == <doc> records")


def count(query):
    res = env.search(db, "--count", "--", query)
    return int(res.stdout.strip() or -1)


# A word of the title finds its record: the shortest run of two or more Han characters in
# the title (a run is segmented the same way wherever it stands, so the query's words are
# the title's). Every 7th record, both files.
han = re.compile(r"[\u4e00-\u9fff]{2,}")
tried = 0
for rec in records[::7]:
    runs = sorted(han.findall(rec["title"]), key=len)
    if not runs:
        continue
    tried += 1
    ids = env.ids(db, runs[0])
    env.check(rec["docno"] in ids, f"{runs[0]!r} (from the title {rec['title']!r}) finds {rec['docno']} ({len(ids)} hits)")
env.check(tried >= 40, f"titles tried: {tried}")

# --get DOCNO shows the url (the first, the last and a middle record of each file).
for rec in records[:2] + records[199:202] + records[-2:]:
    res = env.search(db, "--get", rec["docno"])
    env.equal(res.returncode, 0, f"--get {rec['docno']} exit status")
    env.check(rec["url"] in res.stdout, f"--get {rec['docno']} shows {rec['url']} ({res.stdout[:200]!r})")

# Dates come from the urls' /YYYYMMDD/ segments, and only from there.
days = [url_day(x["url"]) for x in records]
env.equal(count("date:..9999"), sum(1 for d in days if d), "articles with a date (from the url)")
env.equal(count("date:2012-06-12"), sum(1 for d in days if d == "2012-06-12"), "date:2012-06-12")
env.finish()
