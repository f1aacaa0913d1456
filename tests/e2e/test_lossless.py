#!/usr/bin/env python3
"""Nothing lost on the way in (issue 12, item 1): every word of each article's title and body,
as its source gives them, is a term of its document (tests/lossless_check.cpp compares with
the document's term list).

Corpora: the bundled corpus (text files with their manifest, JSON, JSON Lines), and from
../shared/corpora PolNeAR (text and its manifest), BBC News (scraped text), Reuters-21578 as
SGML and converted to JSON Lines (its 1,800 headline-only records included) and Cranfield
converted to JSON Lines (two records are empty: no title, no text, refused). The only losses
allowed are the ones the README names: Reuters' closing "Reuter" signature (and the "Blah blah
blah." of records with no story, and its "^M" carriage-return marks), words longer than the
longest term, and in scraped text (no front matter, no JSON
field) the lines that guessing the structure drops, each named by a kind of the table below
and listed by `news-index --extract`. Records whose structure the source gives (JSON, SGML)
must drop nothing. HTML pages are not checked here (their chrome is markup, not lines).
"""
import csv
import html
import json
import os
import re
import subprocess
import tarfile

from harness import Env

KINDS = {"site notice", "copyright line", "promotion", "menu word", "glued navigation", "headline", "byline"}

env = Env()
check_bin = os.environ["NEWS_LOSSLESS_CHECK"]
shared = env.need_shared("corpora")


def unpack(tar_name, sub):
    dest = os.path.join(env.work, sub)
    if not os.path.isdir(dest):
        with tarfile.open(os.path.join(shared, tar_name)) as t:
            t.extractall(dest)
    return dest


def front_matter(text):
    """(title from front matter or "", body) of a text file."""
    if not (text.startswith("---\n") or text.startswith("---\r\n")):
        return "", text
    end = text.find("\n---", 4)
    head, body = text[4:end], text[end + 4:]
    title = ""
    for line in head.splitlines():
        k, _, v = line.partition(":")
        if k.strip().lower() in ("title", "headline"):
            title = v.strip().strip("\"'")
    return title, body


def extract(inputs):
    """id -> (path, dropped [(kind, line)]) from news-index --extract."""
    r = env.index("--extract", *inputs)
    env.check(r.returncode in (0, 1), f"--extract {inputs}: exit {r.returncode}: {r.stderr[-300:]}")
    out = {}
    for line in r.stdout.splitlines():
        j = json.loads(line)
        out[j["id"]] = (j["path"], [(d["kind"], d["line"]) for d in j.get("dropped", [])])
    return out


def check(name, inputs, sources, structured):
    """Indexes inputs, then checks every source record {id, title, body[, allowed]}."""
    got = extract(inputs)
    kinds = {}
    for rec in sources:
        path, dropped = got.get(rec["id"], ("", []))
        for kind, _ in dropped:
            kinds[kind] = kinds.get(kind, 0) + 1
        if structured:
            env.check(not dropped, f"{name}: {rec['id']}: a record the source structures dropped lines: {dropped[:3]}")
        env.check(all(k in KINDS for k, _ in dropped), f"{name}: {rec['id']}: a dropped line of no known kind: {dropped}")
        rec["dropped"] = [line for _, line in dropped]
    db = os.path.join(env.work, name + ".db")
    r = env.index("--db", db, *inputs)
    env.check(r.returncode in (0, 1), f"{name}: index exit {r.returncode}: {r.stderr[-300:]}")
    src = os.path.join(env.work, name + "-sources.jsonl")
    with open(src, "w", encoding="utf-8") as f:
        for rec in sources:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    r = subprocess.run([check_bin, db, src], capture_output=True, text=True)
    print(f"{name}: {r.stdout.strip().splitlines()[-1] if r.stdout.strip() else r.stderr}; dropped lines by kind: {kinds}")
    env.check(r.returncode == 0, f"{name}: words lost:\n{r.stdout[-3000:]}{r.stderr[-500:]}")


def text_sources(inputs, manifest_titles, root_of):
    """Source records of the text files --extract read: title from the manifest or front
    matter, body the file after its front matter."""
    out = []
    for id_, (path, _) in extract(inputs).items():
        if not path.endswith(".txt"):
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            title, body = front_matter(f.read())
        rel = os.path.relpath(path, root_of)
        title = manifest_titles.get(rel, title)
        out.append({"id": id_, "title": title, "body": body})
    return out


# The bundled corpus: text files with a manifest, a JSON array and JSON Lines.
with open(os.path.join(env.corpus, "manifest.tsv"), encoding="utf-8") as f:
    titles = {row["filename"]: row["title"] for row in csv.DictReader(f, delimiter="\t")}
sources = text_sources([env.corpus], titles, env.corpus)
feeds = os.path.join(env.corpus, "feeds")
with open(os.path.join(feeds, "briefs.json"), encoding="utf-8") as f:
    records = json.load(f)
with open(os.path.join(feeds, "wire.jsonl"), encoding="utf-8") as f:
    records += [json.loads(l) for l in f if l.strip()]
json_sources = [{"id": r["id"], "title": r.get("title", ""), "body": r.get("text", "")} for r in records]
check("bundled", [env.corpus], sources + json_sources, structured=False)

# PolNeAR: text files and their manifest (the title column).
pn = os.path.join(shared, "polnear")
with open(os.path.join(pn, "metadata.tsv"), encoding="utf-8") as f:
    pn_titles = {os.path.join("text", row["filename"] + ".txt"): row["title"] for row in csv.DictReader(f, delimiter="\t")}
pn_inputs = ["--manifest", os.path.join(pn, "metadata.tsv"), os.path.join(pn, "train", "text"), os.path.join(pn, "dev", "text")]
pn_sources = []
for id_, (path, _) in extract(pn_inputs).items():
    with open(path, encoding="utf-8") as f:
        body = f.read()
    pn_sources.append({"id": id_, "title": pn_titles.get(os.path.join("text", os.path.basename(path)), ""), "body": body})
check("polnear", pn_inputs, pn_sources, structured=False)

# BBC News: scraped text files, the headline on the first line.
bbc_tar = [f for f in os.listdir(os.path.join(shared, "bbc-fulltext")) if f.endswith(".tar.xz")][0]
bbc = unpack(os.path.join("bbc-fulltext", bbc_tar), "bbc")
check("bbc", [bbc], text_sources([bbc], {}, bbc), structured=False)

# Reuters-21578: its SGML, and the same records as JSON Lines.
reuters = unpack(os.path.join("reuters21578", "reuters21578.tar.xz"), "reuters")
sgm_files = sorted(os.path.join(d, f) for d, _, fs in os.walk(reuters) for f in fs if f.endswith(".sgm"))


def sgml_field(rec, tag):
    m = re.search(rf"<{tag}>(.*?)</{tag}>", rec, re.S)
    return html.unescape(m.group(1)) if m else ""


# The closing signature ("Reuter", a few times "Reuters" or cut to "Reute"); UNPROC records'
# "Blah blah blah."
SIGNATURE = ["reuter", "reuters", "reute", "blah"]
sgml_sources, jsonl_records = [], []
for path in sgm_files:
    with open(path, encoding="latin-1") as f:
        content = f.read()
    for rec in re.findall(r"<REUTERS[^>]*>.*?</REUTERS>", content, re.S):
        newid = re.search(r'NEWID="(\d+)"', rec).group(1)
        title, body = sgml_field(rec, "TITLE"), sgml_field(rec, "BODY")
        # As the conversion: the <BODY> only, so 1,800 records are a headline alone.
        jsonl_records.append({"id": "r" + newid, "title": title, "body": body.replace("^M", "")})
        if not body:  # BRIEF and UNPROC records: the text is what <TEXT> holds
            m = re.search(r"<TEXT[^>]*>(.*?)</TEXT>", rec, re.S)
            body = html.unescape(re.sub(r"<[^>]+>", " ", m.group(1))) if m else ""
        body = body.replace("^M", "")  # the wire's carriage-return marks, not words
        sgml_sources.append({"id": os.path.relpath(path, os.path.dirname(reuters)) + "#" + newid, "title": title,
                             "body": body, "allowed": SIGNATURE})
sgml_only = [s for s in extract([reuters]) if ".sgm#" in s]
prefix = os.path.dirname(sgml_only[0].split("#")[0]) if sgml_only else ""
for s in sgml_sources:  # the ids news-index gives: the folder as given, then the file
    s["id"] = os.path.join(prefix, os.path.basename(s["id"].split("#")[0])) + "#" + s["id"].split("#")[1]
check("reuters-sgml", [reuters], sgml_sources, structured=True)
wire = os.path.join(env.work, "reuters-jsonl")
os.makedirs(wire, exist_ok=True)
with open(os.path.join(wire, "reuters.jsonl"), "w", encoding="utf-8") as f:
    for r in jsonl_records:
        f.write(json.dumps(r) + "\n")
headline_only = sum(1 for r in jsonl_records if not r["body"].strip() and r["title"].strip())
check("reuters-jsonl", [wire], jsonl_records, structured=True)
r = env.index("--db", os.path.join(env.work, "reuters-jsonl.db"), wire)
env.check("no text" not in r.stderr, f"a record without text is refused: {r.stderr[-300:]}")
env.check(headline_only > 1000, f"the converted Reuters has its headline-only records ({headline_only})")

# Cranfield as JSON Lines (.I id, .T title, .A authors, .W text): two records have no text.
cran = unpack(os.path.join("cranfield", "cranfield.tar.xz"), "cran")
all_file = [os.path.join(d, f) for d, _, fs in os.walk(cran) for f in fs if f == "cran.all.1400"][0]
with open(all_file, encoding="latin-1") as f:
    docs = re.split(r"^\.I ", f.read(), flags=re.M)[1:]
cran_records = []
for d in docs:
    num, _, rest = d.partition("\n")
    parts = dict(re.findall(r"^\.([TABW])\n(.*?)(?=^\.[TABW]\n|\Z)", rest, re.S | re.M))
    cran_records.append({"id": "cran-" + num.strip(), "title": parts.get("T", "").strip(), "body": parts.get("W", "").strip()})
cran_dir = os.path.join(env.work, "cran-jsonl")
os.makedirs(cran_dir, exist_ok=True)
with open(os.path.join(cran_dir, "cran.jsonl"), "w", encoding="utf-8") as f:
    for r in cran_records:
        f.write(json.dumps(r) + "\n")
check("cranfield", [cran_dir], cran_records, structured=True)

env.finish()
