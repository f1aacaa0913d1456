#!/usr/bin/env python3
"""Article ids end to end: every result shows its id, --get prints the article by its id,
news-index --delete removes it (and it stays out when its file is read again), a JSON
record's own id is its id, two files giving one id never overwrite each other (the same
for any --jobs), topic: and source: words, --sources, database revisions in JSON, and
the message for a database of an older schema."""
import fcntl
import json
import os
import re

from harness import Env, db_state

env = Env()
src = os.path.join(env.work, "src")
os.makedirs(os.path.join(src, "feeds"))


def write(rel, text):
    with open(os.path.join(src, rel), "w", encoding="utf-8") as f:
        f.write(text)


def jsonl(*records):
    return "".join(json.dumps(r) + "\n" for r in records)


LONG = "wire/" + "k" * 300  # past Xapian's term limit: its Q term is hashed
write("a.txt", "---\ntitle: Harbor fog closes the port\ndate: 2024-03-05\nsource: BBC News\nauthor: Ann Lee\n"
      "url: https://example.com/fog\n---\n\nBoats stayed in port on Tuesday.\n\n"
      "\u201cWe are waiting for the fog to lift,\u201d said Ida Brandt, the harbor master.\n")
write("feeds/one.jsonl", jsonl(
    {"id": "w1", "title": "Crude prices rise", "text": "Crude oil prices rose on Monday.", "source": "Capital Wire",
     "topics": ["crude", "Money-FX"]},
    {"id": LONG, "title": "A long id", "text": "Tankers waited offshore.", "tags": "shipping, crude"},
    {"id": "w1", "title": "Repeated id", "text": "Cranes idle at the pier."}))
write("feeds/two.jsonl", jsonl(
    {"id": "w1", "title": "Another file's w1", "text": "Cranes return to work.", "source": "BBC World Service"},
    {"title": "No id of its own", "text": "Pickets stayed at the gate."}))

db = os.path.join(env.work, "ids.db")
r = env.index("--db", db, "--jobs", "1", src)
env.equal(r.returncode, 0, f"index exit status ({r.stderr})")
env.check(re.search(r"one\.jsonl:3: warning: id w1 is already used by another record of this file; indexed as w1~2", r.stderr),
          f"a repeat inside one file is reported with its line: {r.stderr}")
env.check(re.search(r"two\.jsonl:1: warning: id w1 is already used by \S*one\.jsonl; indexed as w1~3", r.stderr),
          f"another file's id is reported with the file that holds it: {r.stderr}")
env.check("2 articles renamed (id taken)" in r.stderr, f"summary counts the renamed articles: {r.stderr}")
env.equal(env.ids(db, "cranes"), {"w1~2", "w1~3"}, "no article overwrites another")
env.equal(env.ids(db, "pickets"), {"src/feeds/two.jsonl#2"}, "a record without an id: FILE#LINE")

# --jobs N: the same database (a bulk build of segments decides the same ids).
db2 = os.path.join(env.work, "ids2.db")
r2 = env.index("--db", db2, "--jobs", "2", src)
env.equal(r2.stderr.splitlines()[:2], r.stderr.splitlines()[:2], "the same warnings with --jobs 2")
env.equal(db_state(env, db2), db_state(env, db), "the same database with --jobs 1 and 2")

# Every result shows its id (text: the last line of each result).
r = env.search(db, "cranes OR crude OR fog")
blocks = [b for b in r.stdout.split("\n\n")[1:] if b.strip()]
env.equal(len(blocks), 4, f"four results: {r.stdout}")
env.equal({b.strip().splitlines()[-1].strip() for b in blocks}, {"w1", "w1~2", "w1~3", "src/a.txt"},
          "each text result ends with its id")

# --json: the databases searched and their revisions.
j = json.loads(env.search(db, "--json", "cranes").stdout)
env.check(len(j["databases"]) == 1 and j["databases"][0]["path"] == db and isinstance(j["databases"][0]["revision"], int)
          and j["databases"][0]["revision"] > 0, f"revision in --json: {j.get('databases')}")

# --get: text with the quote attributed, JSON with every field, unknown ids named, exit 1.
r = env.search(db, "--get", "src/a.txt")
env.equal(r.returncode, 0, "--get exit status")
for needle in ["Harbor fog closes the port", "id:        src/a.txt", "date:      2024-03-05", "source:    BBC News",
               "authors:   Ann Lee", "url:       https://example.com/fog",
               "\u201cWe are waiting for the fog to lift,\u201d [\u2014 Ida Brandt] said Ida Brandt",
               "Ida Brandt (harbor master): \u201cWe are waiting for the fog to lift\u201d"]:
    env.check(needle in r.stdout, f"--get text holds {needle!r}: {r.stdout}")
r = env.search(db, "--get", "--json", "w1", "nosuch", LONG)
env.equal(r.returncode, 1, "--get with an unknown id exits 1")
env.check("no article with id 'nosuch'" in r.stderr, f"the unknown id is named: {r.stderr}")
j = json.loads(r.stdout)
env.equal([a["id"] for a in j["articles"]], ["w1", LONG], "the other ids are printed, long ones too")
env.equal(j["missing"], ["nosuch"], "missing ids in JSON")
env.equal(j["articles"][0]["topics"], ["crude", "Money-FX"], "topics in --get JSON")
env.equal(j["articles"][1]["topics"], ["shipping", "crude"], "tags as a comma-separated string")
a = json.loads(env.search(db, "--get", "--json", "src/a.txt").stdout)["articles"][0]
sp = a["speakers"][0]
q = sp["quotes"][0]
env.equal((sp["name"], sp["role"]), ("Ida Brandt", "harbor master"), "speaker with role in --get JSON")
env.equal(a["text"].encode()[q["start"]:q["end"]].decode(), q["text"], "quote offsets are byte offsets into the text")
env.equal(a["text"][q["char_start"]:q["char_end"]], q["text"], "... and char_start/char_end are character offsets")
env.check(q["char_start"] < q["start"], "the text before the quote holds a multi-byte character")
for key in ["title", "date", "source", "url", "path", "authors", "persons", "organizations", "topics", "text", "language"]:
    env.check(key in a, f"--get JSON has {key}")

# topic: and source: words.
env.equal(env.ids(db, "topic:crude"), {"w1", LONG}, "topic:crude (a list and a tag string)")
env.equal(env.ids(db, "topic:money-fx"), {"w1"}, "topic: a code with a hyphen")
env.equal(env.ids(db, "source:bbc"), {"src/a.txt", "w1~3"}, "source: one word matches any word of the name")
env.equal(env.ids(db, 'source:"bbc news"'), {"src/a.txt"}, "source: several words match the whole name")
r = env.search(db, "--jsonl", "topic:crude")
env.check(all(json.loads(l)["topics"] for l in r.stdout.splitlines()), "results carry their topics")
env.check("Topics: crude, Money-FX" in env.search(db, "topic:money-fx").stdout, "text results show topics")

# --sources: exact counts, summed over shards.
r = env.search(db, "--sources")
env.check(re.search(r"^\s+1  BBC News  \(bbc-news\)$", r.stdout, re.M), f"--sources text: {r.stdout}")
other = os.path.join(env.work, "other")
os.makedirs(other)
with open(os.path.join(other, "b.jsonl"), "w") as f:
    f.write(jsonl(*[{"id": f"b{i}", "text": "Cranes.", "source": "BBC News"} for i in range(3)]))
shard = os.path.join(env.work, "shard.db")
env.index("--db", shard, other)
j = json.loads(env.run(env.search_bin, "--db", db, "--db", shard, "--sources", "--json").stdout)
env.equal({s["name"]: s["count"] for s in j["sources"]}, {"BBC News": 4, "Capital Wire": 1, "BBC World Service": 1},
          "--sources over two shards")
env.equal(len(j["databases"]), 2, "both shards with their revisions")

# --delete: prints what it deleted, names unknown ids (exit 1), long ids work.
r = env.index("--db", db, "--delete", "w1~2", LONG, "nosuch")
env.equal(r.returncode, 1, f"--delete with an unknown id exits 1 ({r.stderr})")
env.check("deleted w1~2 (" in r.stdout and f"deleted {LONG} (" in r.stdout, f"--delete says what it deleted: {r.stdout}")
env.check("nosuch: no article with this id" in r.stderr, f"--delete names the unknown id: {r.stderr}")
env.equal(env.search(db, "--get", LONG).returncode, 1, "a deleted article is gone")
env.equal(env.ids(db, "topic:crude"), {"w1"}, "... from searches too")
# The next run: the file is unchanged, skipped. Changed: read again, the deleted articles stay out.
r = env.index("--db", db, src)
env.check("1 unchanged" in r.stderr or "3 unchanged" in r.stderr, f"unchanged files skipped: {r.stderr}")
with open(os.path.join(src, "feeds/one.jsonl"), "a") as f:
    f.write(jsonl({"id": "w9", "text": "A correction was appended."}))
r = env.index("--db", db, src)
env.check("2 deleted articles left out" in r.stderr, f"a file read again leaves its deleted articles out: {r.stderr}")
env.equal(env.ids(db, "cranes"), {"w1~3"}, "the deleted article did not come back")
env.equal(env.ids(db, "correction"), {"w9"}, "the rest of the changed file is indexed")
# --undelete: the next run over the file indexes it again.
r = env.index("--db", db, "--undelete", "w1~2")
env.equal(r.returncode, 0, f"--undelete exit status ({r.stderr})")
env.index("--db", db, src)
env.equal(env.ids(db, "cranes"), {"w1~2", "w1~3"}, "an undeleted article comes back at the next run")
env.equal(env.search(db, "--get", LONG).returncode, 1, "the other stays deleted")
# --delete takes the run lock like any run.
with open(db + ".lock", "a") as lock:
    fcntl.lockf(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # a POSIX lock, as news-index takes
    r = env.index("--db", db, "--delete", "w9")
    env.equal(r.returncode, 3, f"--delete while another run holds the lock ({r.stderr})")
    fcntl.lockf(lock, fcntl.LOCK_UN)
env.equal(env.index("--db", os.path.join(env.work, "none.db"), "--delete", "w9").returncode, 3,
          "--delete on a database that does not exist")
env.equal(env.index("--db", db, "--delete").returncode, 2, "--delete without ids is a usage error")

# --prune works per file as before, deletions or not.
os.remove(os.path.join(src, "feeds/two.jsonl"))
r = env.index("--db", db, "--prune", src)
env.check("1 removed" in r.stderr, f"--prune removes the vanished file: {r.stderr}")
env.equal(env.ids(db, "cranes OR pickets"), {"w1~2"}, "the vanished file's articles are gone, the others stay")

# A database of an older schema: a clear message to rebuild it.
old = os.path.join(env.work, "old.db")
env.index("--db", old, other)
env.run("xapian-metadata", "set", old, "news.schema_version", "5")
r = env.search(old, "cranes")
env.equal(r.returncode, 3, "an old database is a database problem")
env.check(re.search(r"schema version 5 is older than this program's \(\d+\): rebuild it", r.stderr) is not None,
          f"old schema message: {r.stderr}")
r = env.index("--db", old, other)
env.check(r.returncode == 3 and "delete the database folder and run news-index" in r.stderr,
          f"news-index says how to rebuild: {r.stderr}")

env.finish()
