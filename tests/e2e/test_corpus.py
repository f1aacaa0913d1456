#!/usr/bin/env python3
"""The bundled corpus/ indexed with the real binaries: exact result sets for every kind
of query, the article count, and the JSON of one result (facts from corpus/README.md)."""
import json
import os

from harness import Env

env = Env()
db = os.path.join(env.work, "corpus.db")
r = env.index("--db", db, env.corpus)
env.equal(r.returncode, 0, f"index exit status ({r.stderr})")
env.check("52 files: 52 new" in r.stderr and "holds 73 articles" in r.stderr, f"summary: {r.stderr}")


def ids(q):
    return {i.replace("corpus/", "", 1) for i in env.ids(db, q)}


HL = "harbor-ledger/"
# The speaker alias fixture (corpus/README.md): its records' own ids.
SPEAKER_FIXTURE = {json.loads(line)["id"] for line in open(os.path.join(env.corpus, "feeds", "speakers.jsonl"), encoding="utf-8")}
EXPECT = {
    # speakers, by surname, full name and hyphenated name; byline authors are not speakers
    # (port-strike-ends: her multi-paragraph statement, introduced in the paragraph before it)
    "speaker:alvarez-roth": {HL + "pier-t-arbitration-ruling.txt", HL + "pier-t-automation-grievance.txt",
                             HL + "port-strike-begins.txt", HL + "port-strike-talks-stall.txt",
                             HL + "port-strike-ends.txt"},
    'speaker:"marta oyelaran"': {"capital-wire/us-china-precursor-talks.txt", "cw-2022-0915-001",
                                 HL + "precursor-chemicals-seized.txt",
                                 "pacific-bulletin/hong-kong-shell-companies-precursors.txt"},
    "speaker:petrakis": set(),
    "author:petrakis": {HL + "pier-t-arbitration-ruling.txt", HL + "pill-press-import-rules.txt",
                        HL + "port-strike-begins.txt", HL + "port-strike-ends.txt"},
    # mentioned, not quoted
    'person:"helen marsh"': {"capital-wire/ohio-senate-final-debate.txt", "capital-wire/us-china-precursor-talks.txt",
                             "cw-2024-1106-003"},
    "speaker:marsh": set(),
    # the near-identical wire copies in two outlets
    '"federal water managers" date:2023-08-22': {"pacific-bulletin/drought-cuts-farm-water-deliveries.txt",
                                                 "valley-sentinel/federal-farm-water-cut.txt"},
    # sources and dates
    'source:"harbor ledger" date:2022': {HL + "port-strike-begins.txt", HL + "port-strike-ends.txt",
                                         HL + "port-strike-talks-stall.txt"},
    "date:2024-05": {HL + "pier-t-arbitration-ruling.txt", "meridian-post/atlantico-win-league-title.txt",
                     "pacific-bulletin/hong-kong-shell-companies-precursors.txt"},
    "date:..2021-06-30": {"meridian-post/rsv-trial-europe-enrolment.txt", "meridian-post/rsv-trial-krakow-volunteers.txt",
                          "northern-courier/harlow-moor-by-election.txt", "pacific-bulletin/rsv-vaccine-trial-begins.txt"}
    | SPEAKER_FIXTURE,  # feeds/speakers.jsonl: 1990 to 2010
    # Chinese, diacritics, numbers, abbreviations, apostrophes
    "lang:zh": {"eastern-star/zhongmei-jindu-gongzuozu.txt"},
    "公安部": {"eastern-star/zhongmei-jindu-gongzuozu.txt"},
    "speaker:王立新": {"eastern-star/zhongmei-jindu-gongzuozu.txt"},
    'speaker:赵敏 quote:落实': {"eastern-star/zhongmei-jindu-gongzuozu.txt"},
    'speaker:王立新 quote:落实': set(),
    "zoe": {"meridian-post/zoe-lefevre-art-investigator.txt", "northern-courier/museum-theft-arrests.txt"},
    "Zoë": {"meridian-post/zoe-lefevre-art-investigator.txt", "northern-courier/museum-theft-arrests.txt"},
    '"70,000"': {"meridian-post/atlantico-win-league-title.txt"},
    "70000": {"meridian-post/atlantico-win-league-title.txt"},
    '"surprised and troubled"': {"northern-courier/harlow-moor-by-election.txt"},
    "quote:reform": {"northern-courier/bradwell-housing-protest.txt"},
    '"council’s plan"': {"northern-courier/bradwell-housing-protest.txt"},
    '"council\'s plan"': {"northern-courier/bradwell-housing-protest.txt"},
    "place:lisbon": {"meridian-post/atlantico-appoints-serrano.txt", "meridian-post/atlantico-win-league-title.txt"},
    "title:torc": {"cw-2025-0304-004", "northern-courier/museum-theft-arrests.txt",
                   "northern-courier/museum-theft-gold-torc.txt", "northern-courier/york-torc-recovered.txt"},
    "torc -york": set(),
    "title:torc -title:brooch": {"northern-courier/museum-theft-arrests.txt", "northern-courier/museum-theft-gold-torc.txt",
                                 "northern-courier/york-torc-recovered.txt"},
    "speaker:brandt quote:wells": {"valley-sentinel/brandt-declares-drought-emergency.txt"},
    # a quote *by* the speaker must hold the words: Castellanos, not Oyelaran, spoke of the scanner
    "speaker:castellanos quote:scanner": {HL + "precursor-chemicals-seized.txt"},
    "speaker:oyelaran quote:scanner": set(),
    'speaker:"marta oyelaran" quote:"shifted upstream"': {HL + "precursor-chemicals-seized.txt"},
    "speaker:oyelaran quote:upstream -speaker:castellanos": set(),
}
for q, want in EXPECT.items():
    env.equal(ids(q), want, q)

# Counts that follow from the data: every article has a source; one has no date.
env.equal(env.search(db, "--count", "date:..9999").stdout.strip(), "72", "articles with a date")
env.equal(env.search(db, "--count", "lang:en OR lang:zh").stdout.strip(), "73", "all articles")
env.equal(len(ids('source:"capital wire"')), 13, "Capital Wire articles (9 files, 4 wire records)")

# The article without a date has a null date in JSON and sorts last with -date.
r = env.search(db, "--json", "--", "title:senior title:water title:rights")
j = json.loads(r.stdout)
env.equal([(h["id"], h["date"]) for h in j["results"]],
          [("corpus/valley-sentinel/explainer-senior-water-rights.txt", None)], "undated article in JSON")

# One result's JSON in full: speakers with roles, quotes with byte offsets.
r = env.search(db, "--json", "-n", "1", "--", 'speaker:oyelaran title:"seize"')
hit = json.loads(r.stdout)["results"][0]
env.equal(hit["id"], "corpus/harbor-ledger/precursor-chemicals-seized.txt", "json id")
env.equal((hit["source"], hit["date"], hit["dateline"], hit["authors"]),
          ("Harbor Ledger", "2023-03-09", "LONG BEACH, Calif.", ["Hiro Tanabe"]), "json metadata")
sp = {s["name"]: s for s in hit["speakers"]}
env.check("Marta Oyelaran" in sp and sp["Marta Oyelaran"]["role"] == "senior analyst at the Lakeside Institute",
          f"Oyelaran with her role: {sp.keys()}")
env.check("Hiro Tanabe" not in sp, "the byline author is not a speaker")
env.equal([(m["speaker"], m["text"][:28]) for m in hit["matched_quotes"]][:1],
          [("Marta Oyelaran", "The traffickers have shifted")], "the speaker's quote is shown")
r = env.search(db, "--", "speaker:castellanos quote:scanner")
env.check("“The paperwork said floor cleaner. The scanner said otherwise” — Norma Castellanos" in r.stdout,
          f"text output shows the quote: {r.stdout}")
extract = env.index("--extract", os.path.join(env.corpus, "harbor-ledger", "precursor-chemicals-seized.txt"))
art = json.loads(extract.stdout)
for s in art["speakers"]:
    for q in s["quotes"]:
        env.equal(art["text"].encode()[q["start"]:q["end"]].decode(), q["text"], "quote offsets")
# Wire copies: the farm-water story is in the Pacific Bulletin and, as a copy, in the Valley
# Sentinel: one result with its copies, both with --no-collapse, both in --copies, one story.
wire, sentinel = "corpus/pacific-bulletin/drought-cuts-farm-water-deliveries.txt", "corpus/valley-sentinel/federal-farm-water-cut.txt"
r = env.search(db, "--json", "--", "federal water managers date:2023-08-22")
j = json.loads(r.stdout)
env.equal(j["total"], 2, "both copies count as articles")
env.equal(j["total_unit"], "articles", "the total says what it counts")
env.equal(len(j["results"]), 1, "one result per story")
env.equal({k: j["results"][0]["copies"][k] for k in ("cluster", "articles", "first_seen")},
          {"cluster": wire, "articles": 2, "first_seen": "2023-08-22"}, "the result's copies")
env.equal(sorted(j["results"][0]["copies"]["outlets"]), ["Pacific Bulletin", "Valley Sentinel"], "the copies' outlets")
r = env.search(db, "--", "federal water managers date:2023-08-22")
env.check("2 copies: Pacific Bulletin, Valley Sentinel; first seen 2023-08-22" in r.stdout, f"text shows the copies: {r.stdout}")
env.equal(len(json.loads(env.search(db, "--json", "--no-collapse", "--", "federal water managers date:2023-08-22").stdout)["results"]), 2,
          "--no-collapse shows both")
r = env.search(db, "--copies", sentinel)
env.equal(r.returncode, 0, "--copies exits 0")
env.check(r.stdout.index(wire) < r.stdout.index(sentinel), f"--copies lists the cluster, earliest first: {r.stdout}")
env.equal(env.search(db, "--copies", "no/such/article").returncode, 1, "--copies of an unknown id exits 1")
env.equal(env.search(db, "--copies").returncode, 2, "--copies without an id is a usage error")
articles = int(env.search(db, "--count", "--", "water").stdout)
stories = int(env.search(db, "--count", "--stories", "--", "water").stdout)
env.equal(articles - stories, 1, "--stories counts the two copies once")
j = json.loads(env.search(db, "--json", "--stories", "--facet", "source", "-n", "0", "--", "water").stdout)
env.equal((j["total_unit"], j["facets"][0]["unit"]), ("stories", "stories"), "--stories says it counts stories")

env.finish()
