#!/usr/bin/env python3
"""Who the speakers are: persons, organisations, described groups, or something else.

usage: speaker_kinds.py [--corpus DIR] [--build DIR] [--pred FILE] [--top N] [--defects]

Runs `news-index --extract` on CORPUS (default: the BBC News full-text set unpacked in
/tmp/bbc-k/bbc, see ../shared/corpora/bbc-fulltext/README.md), or reads --pred (its JSON
Lines), and puts the speaker of every attributed quote into one class, by rules that read
only the speaker's name and kind (word lists below, capitals, the head noun):

  person        a name of a person ("Ann Lee", "Lord Holme", "Okafor")
  organisation  an organisation named or described ("Harbor Board", "BBC", "the company");
                a place that speaks as a state, a team or a seat of power, typed as an
                organisation ("Japan", "Downing Street")
  described     a person or a group described by a noun ("a spokesman", "the 30-year-old",
                "police", "Tories", "the Swiss")
  document      a document typed as kind "document" ("the report", "a statement")
  other         none of these: a thing ("the computer"), a document typed as a person or an
                organisation, a time ("a year", "Christmas"), a place typed as a person
                ("Bonn", "Granite State"), a fragment of a sentence ("the slide comes",
                'a "fantasy island". Mr Howard', "Possibly")

Prints the quotes per class, the share of "other", and the "other" speakers with their
quotes counted, by reason. --defects also lists names and roles that the names pass got
wrong without making the speaker "other": a description glued to a name ("Defiant Matt
Williams"), a person glued to an employer and typed as an organisation ("Stephen Slifer of
Shearson Lehman Brothers Inc"), ages and lone adjectives as roles ("42", "exasperated").

The lists are small and written for English news; the classifier is a measuring stick, not
the extractor: where it is wrong it errs towards "other" (a capitalised name it does not
know is a person).
"""
import argparse
import json
import os
import re
import subprocess
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

# Head nouns of a person or group described ("the spokesman", "two analysts").
PERSON_HEADS = set("""
spokesman spokeswoman spokesperson spokesmen spokeswomen official officials source sources insider insiders
minister ministers secretary chancellor premier president leader leaders chief boss bosses chairman chairwoman chair
director directors executive executives manager coach coaches player players captain striker defender forward
winger midfielder goalkeeper keeper prop fly-half full-back scrum-half hooker lock flanker centre back winner
champion champions star stars singer singers actor actress presenter host comedian rapper musician musicians band
artist artists author authors writer writers editor editors correspondent reporter journalist critic critics
reviewer reviewers analyst analysts economist economists trader traders broker brokers dealer dealers banker
investor investors expert experts observer observers researcher researchers scientist scientists developer developers
teacher teachers pupil pupils student students parent parents mother father son daughter wife husband brother sister
man woman men women boy girl people person youngster youngsters teenager debutant seed veteran rookie
lawyer lawyers attorney attorneys judge judges prosecutor prosecutors witness witnesses
mp mps mep meps peer backbencher backbenchers candidate candidates member members delegate delegates
activist activists campaigner campaigners protester protesters supporter supporters fan fans voter voters
resident residents user users customer customers consumer consumers worker workers employee employees staff
founder owner owners agent agents representative representatives adviser advisers advisor advisors aide aides
governor mayor senator ambassador envoy diplomat diplomats negotiator negotiators regulator regulators
general archbishop bishop priest cardinal pope king queen prince princess lord lady
police officer officers detective detectives inspector investigators investigator authorities
creditor creditors shareholder shareholders bidder bidders
athlete athletes runner cyclist swimmer golfer boxer jockey rider driver drivers
doctor doctors nurse nurses surgeon patient patients victim victims survivor survivors
chart-topper figure figures nominee nominees narrator announcer questioner moderator organizer organiser friend friends
tycoon mogul confidant speaker crowd audience public democrat democrats republican republicans tory tories heavyweight
impostor look-alike staffer staffers arbitrager arbitragers arbitrageur underwriter underwriters specialist specialists
strategist strategists consultant consultants commentator commentators columnist pollster host anchor insider colleague
exporter exporters importer importers buyer buyers seller sellers holder holders official voice participant participants
designer child children others reporter reporters frontrunner front-runner heckler justice attendee attendees lawmaker
commenter respondent respondents counselor counsellor accountant accountants engineer engineers undersecretary
policymaker policymakers partner partners activist
""".split())
# ... and their endings ("the 30-year-old", "the Frenchman", "the Liverpool-born midfielder").
PERSON_ENDINGS = ("year-old", "man", "men", "woman", "women", "person", "people", "ologist", "ist", "ists", "ian",
                  "ians")
# A word ending in one of PERSON_ENDINGS that is no person.
NOT_PERSON_ENDINGS = set("""human german roman plan scan ban span can van fan iran oman
list twist gist mist fist wrist exist resist insist assist persist desist""".split()) - {"fan"}
# Head nouns of an organisation ("the company", "the club", "the magazine").
ORG_HEADS = set("""
company companies firm firms group government governments committee committees club clubs organisation organization
organisations organizations airline airlines alliance magazine paper newspaper newspapers station channel broadcaster
network board watchdog regulator exchange industry campaign council team side squad union league federation
association ministry department agency bank embassy office court party jury subsidiary body bodies charity charities
institute university school hospital commission service administration maker makers manufacturer producer bookmaker
bookmakers retailer supermarket operator operators authority assembly cabinet parliament senate congress army
police press media studio studios label publication community non-profit nonprofit movement delegation consortium
partnership syndicate utility refiner refiners insurer lender carrier chamber institution institutions nation nations
country countries state city town county regime business businesses group groups tabloid outlet automaker carmaker
co-op cooperative corporation institute institutes syndicate trust paper papers monopoly chain chains
""".split())
# Head nouns of a document or of what someone wrote ("the report", "an e-mail").
DOCUMENT_HEADS = set("""
report reports statement statements letter letters memo memos lawsuit suit survey surveys study studies document
documents website site web-site e-mail email emails message messages ruling guidance instructions review reviews
analysis poll polls release filing note notes newsletter advert advertisement blog post posts column editorial
leaflet brochure manifesto paper-work guide book novel film song album series programme show documentary line
section chapter clause bill law act policy plan proposal petition complaint claim submission testimony research
findings figures data index forecast survey-based verdict judgment decision communique summary prospectus
indictment article ad clip piece story resolution agreement accord pact contract treaty opinion account passage card
playbook question questionnaire results interview deal tweet headline telex bulletin statememt investigation
readout footnote order brief budget announcement recommendation declaration bylaws edition outlook play
""".split())
# Time words: a head noun ("two weeks", "a year") or a whole capitalised name ("Christmas").
TIME_HEADS = set("""year years week weeks day days month months hour hours minute minutes decade decades ago
quarter quarters season seasons time times night nights morning evening afternoon weekend today yesterday
tomorrow moment century""".split())
TIME_NAMES = set("""Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
August September October November December Christmas Easter New Year Eve Day Night Morning Weekend""".split())
# Places (countries, capitals and regions met in news), and the last words of a place's name.
PLACES = set("""
Afghanistan Albania Algeria Argentina Armenia Australia Austria Azerbaijan Bahrain Bangladesh Belarus Belgium Bolivia
Bosnia Brazil Britain Bulgaria Cambodia Cameroon Canada Chile China Colombia Croatia Cuba Cyprus Czech Denmark Ecuador
Egypt England Estonia Ethiopia Europe Fiji Finland France Georgia Germany Ghana Greece Holland Hungary Iceland India
Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Jordan Kazakhstan Kenya Korea Kosovo Kuwait Latvia Lebanon Libya
Lithuania Luxembourg Macedonia Malaysia Mexico Moldova Morocco Nepal Netherlands Nigeria Norway Pakistan Palestine
Panama Paraguay Peru Philippines Poland Portugal Qatar Romania Russia Rwanda Samoa Scotland Serbia Singapore Slovakia
Slovenia Somalia Spain Sudan Sweden Switzerland Syria Taiwan Thailand Tonga Tunisia Turkey Uganda Ukraine Ulster
Uruguay Uzbekistan Venezuela Vietnam Wales Yemen Zambia Zimbabwe Africa Asia America Americas Antarctica
Amsterdam Athens Baghdad Bangkok Beijing Belfast Berlin Birmingham Bombay Bonn Brussels Budapest Cairo Canberra
Canterbury Cardiff Chicago Copenhagen Delhi Dublin Durham Edinburgh Geneva Glasgow Hamburg Istanbul Jakarta Jerusalem
Kabul Kiev Lagos Leeds Lisbon Liverpool London Madrid Manchester Melbourne Milan Moscow Mumbai Munich Nairobi
Newcastle Oslo Ottawa Oxford Paris Prague Pusan Pyongyang Rome Seoul Shanghai Sheppey Stockholm Sydney Tehran Tokyo
Toronto Vienna Warsaw Washington Wellington Zurich Hollywood Westminster Whitehall Brussels
""".split())
PLACE_TAILS = set("""State States Street Road Avenue Square City County Township Province Island Islands Valley
Kingdom Republic""".split())
# Places that speak for a government or an institution ("Downing Street said"): an organisation
# whatever the extractor's kind.
SEATS = {"Downing Street", "White House", "Whitehall", "Kremlin", "Pentagon", "Elysee", "Number 10", "No 10",
         "Wall Street", "Holyrood", "Stormont", "Westminster"}
# Words that make a capitalised name an organisation ("Audit Commission", "Deutsche Bank").
ORG_WORDS = set("""Institution Institute Board Ministry Centre Center Commission Bureau University Department Agency
Council Party Association Committee Court Bank Company Corporation Corp Inc Group Organization Organisation Foundation
Office Service Services News Times Post Federation Union League Club Authority Police Army Navy Senate Congress
Parliament Government Administration Fund Trust Society Network Press Reuters Journal Tribune Herald Wire Hospital
School College Museum FC Ltd LLC plc PLC Media Coalition Alliance Industries Airlines Airways Motors Partners Labs
Systems Capital Data Economics Securities Exchange Council Assembly Treasury Cabinet Executive Commons Lords United
City Rovers Athletic Wanderers Records Entertainment Studios Pictures Games Software Electronics Telecom Communications
Mobile Networks Holdings Investments Associates Research""".split())
# Capitalised groups ("Tories", "Lib Dems") and nationals ("the Swiss", "the Frenchman").
GROUP_NAMES = set("""Tories Tory Conservatives Labour Democrats Dems Republicans Liberals Nationalists Unionists
Ministers MPs MEPs Peers Users Creditors Investors Analysts Critics Officials Police Fans Residents Scots Welsh Irish
Swiss Dutch French British English Americans Australian Austrian Brazilian Italian Spanish Asian German Swede Scot
Dutchman Frenchman Irishman Englishman Welshman Scotsman Dane Finn Pole Czech Belgian Argentine Kenyan
Chinese Japanese Russian Canadian Croatian Serbian""".split())
# Capitalised words that open a sentence and name nothing.
NON_NAMES = set("""Originally Possibly Probably Perhaps Maybe Meanwhile However Indeed Reportedly Apparently Clearly
Instead Still Yet Also Then Now Only Even Just Economic Political Financial Social Official Defiant Proud
Delighted""".split())
# Lower-case words that no noun phrase naming a speaker holds: verbs, auxiliaries, pronouns,
# conjunctions ("the slide comes", "his comments came after being", "the majority of young people are").
FRAGMENT_WORDS = set("""is are was were be been being am has have had do does did will would can could shall should
may might must said says say told tells added adds denied denies found finds came comes come went goes go got gets
get praises praised function functions bought sold showed shows warned warns claimed claims argued argues
believes believed thinks thought knows knew made makes took takes gave gives it him them us me you i we they he she
when whose which that who whom where while because if although though after before over when about into than as
""".split())
# Function words a speaker's name never ends on ("the question of whether someone", "a watchdog over").
TRAILING = set("""of for to in on at by with from and or but the a an whether someone something over after before
than as that which who whose when where while if about into -""".split())
# Descriptions written in front of a name ("Defiant Matt Williams").
GLUED_ADJECTIVES = set("""Defiant Proud Delighted Disappointed Frustrated Angry Happy Elated Relieved Furious Upbeat
Veteran Young Former Rival Embattled Beleaguered Outgoing Incoming Jubilant Dejected Confident Cautious Bullish
Bearish Exasperated Shocked Stunned Astonished Brave Fellow Top Leading Senior Controversial Legendary
Flamboyant""".split())
GLUED_ADJECTIVES_LOWER = {w.lower() for w in GLUED_ADJECTIVES}
# Roles that are no roles: a function word or an adverb left by a cut ("who", "an", "meanwhile").
JUNK_ROLES = set("""who which that an a the and or but with meanwhile also however still then now who's whose
of for in at on by from to""".split())


def words(name):
    return [w for w in re.split(r"\s+", name.strip()) if w]


def strip_poss(w):
    return re.sub(r"['\u2019]s?$", "", w)


def singulars(h):
    """h and its singular forms ("traders" -> "trader", "companies" -> "company")."""
    out = [h]
    if h.endswith("ies") and len(h) > 4:
        out.append(h[:-3] + "y")
    if h.endswith("es") and len(h) > 3:
        out.append(h[:-2])
    if h.endswith("s") and not h.endswith("ss") and len(h) > 2:
        out.append(h[:-1])
    return out


def in_heads(h, heads):
    return any(w in heads for w in singulars(h))


def person_head(h):
    if in_heads(h, PERSON_HEADS) or h.startswith("ex-"):
        return True
    if "-" in h and h.split("-")[0] in PERSON_HEADS:  # "mother-of-nine"
        return True
    if h in NOT_PERSON_ENDINGS:
        return False
    return any(h.endswith(e) and len(h) > len(e) + 2 for e in PERSON_ENDINGS) or h.endswith("year-old")


PREPOSITIONS = set("of for on at in with from by about".split())
QUANTIFIERS = set("one some many most all none two three several few each both any much".split())


def head_of(ws):
    """The head noun of a noun phrase: the last word before a preposition ("minister for
    economic affairs"), past a participle after it ("some delegates attending")."""
    raw = ws
    ws = [strip_poss(w).lower() for w in ws]
    # The noun before the first preposition, when it is a known head ("the MP for Portville and Bayside").
    for i, w in enumerate(ws):
        if 1 < i < len(ws) - 1 and w in PREPOSITIONS:
            if any(in_heads(ws[i - 1], heads) for heads in (PERSON_HEADS, ORG_HEADS, DOCUMENT_HEADS)):
                return ws[i - 1]
            break
    for i, w in enumerate(ws):
        # (not before a name or a number: "the House of Commons authorities", "the Votes at 16 alliance")
        if 0 < i < len(ws) - 1 and w in PREPOSITIONS and raw[i + 1][:1].islower():
            ws = ws[:i]
            break
    if len(ws) > 1 and ws[-1].endswith(("ing", "ed")) and ws[-1] not in DOCUMENT_HEADS | PERSON_HEADS | ORG_HEADS:
        ws = ws[:-1]
    if len(raw) > 1 and ws[-1] in QUANTIFIERS:  # "one of the officials": the noun after "of"
        return [strip_poss(w).lower() for w in raw][-1].strip(".,;:()")
    return ws[-1].strip(".,;:()")


# A full stop, question or exclamation mark and a space, not after an initial or an
# abbreviation ("U.S. Bank", "Julie A. Diaz", "Mr. Smith").
SENTENCE_END = re.compile(r"(?<![A-Z]\.[A-Z])(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|St|Lt|Co|No|Jr|Sr))"
                          r"(?<!\b(?:Mrs|Sen|Rep|Gov|Gen|Col|Sgt|Rev|Inc))(?<!\bProf)[.!?]\s+\S")


def fragment_reason(name, ws):
    """Why the name reads as a piece of a sentence, or None."""
    if re.search(r'["\u201c\u201d]', name) and (re.search(r"[.!?,][\"\u201d]?\s", name) or name.count('"') % 2 or
                                                   name.count("\u201c") != name.count("\u201d")):
        return "a quotation mark inside"
    if SENTENCE_END.search(name):
        return "a sentence end inside"
    if len(ws) > 8:
        return "longer than eight words"
    if ws and ws[-1].strip(",;:") in TRAILING:
        return f"ends on '{ws[-1]}'"
    if " - " in name:
        return "a dash inside"
    for w in ws[1:] if not name[:1].islower() else ws:
        if w in FRAGMENT_WORDS:
            return f"the word '{w}'"
    if len(ws) == 1 and ws[0] in NON_NAMES:
        return "a sentence opener, no name"
    return None


def classify(name, kind):
    """(class, reason) of a speaker: class is person, organisation, described, document or other."""
    name = name.strip()
    why = fragment_reason(name, words(name))
    if why:
        return "other", "fragment: " + why
    # A title in quotes inside a description ('the "Jane The Virgin" actress') is part of it.
    name = re.sub(r'\s*["\u201c][^"\u201c\u201d]*["\u201d]\s*', " ", name).strip()
    ws = words(name)
    if not ws:
        return "other", "fragment: empty"
    why = fragment_reason(name, ws)
    if why:
        return "other", "fragment: " + why
    if name[0].islower() or not name[0].isalpha() and not name[0].isdigit():
        head = head_of(ws)
        if head in TIME_HEADS:
            return "other", "time"
        if person_head(head):
            return "described", "person or group: " + head
        if in_heads(head, ORG_HEADS):
            return "organisation", "described organisation: " + head
        if in_heads(head, DOCUMENT_HEADS):
            return ("document", "document") if kind == "document" else ("other", f"document typed {kind}")
        return "other", "thing: " + head
    # A capitalised name.
    if all(w in TIME_NAMES for w in ws):
        return "other", "time"
    if name in SEATS:
        return "organisation", "seat of power"
    if name in PLACES or (len(ws) >= 2 and ws[-1] in PLACE_TAILS and not any(w in ORG_WORDS for w in ws)):
        if kind == "organization":
            return "organisation", "place speaking as a state or a team"
        return "other", f"place typed {kind}"
    if kind == "document":
        return "document", "document"
    if kind == "organization":
        return "organisation", "typed organisation"
    if any(strip_poss(w) in ORG_WORDS for w in ws[1:]) or (len(ws) == 1 and ws[0].isupper() and len(ws[0]) >= 2):
        return "organisation", "organisation's name"
    if any(w in GROUP_NAMES for w in ws) and (len(ws) <= 2):
        return "described", "named group or national"
    return "person", "name"


def name_defects(sp):
    """What the names pass got wrong in a speaker that is not "other": a list of reasons."""
    out = []
    name, kind, role = sp.get("name", ""), sp.get("kind", ""), sp.get("role", "") or ""
    ws = words(name)
    if kind == "person" and len(ws) >= 2 and ws[0] in GLUED_ADJECTIVES:
        out.append("description glued to the name")
    before_of = name.split(" of ")[0].split()
    if kind == "organization" and re.match(r"^[A-Z][\w'-]+( [A-Z]\.?)? [A-Z][\w'-]+ of (the )?[A-Z]", name) \
            and not any(w in ORG_WORDS for w in before_of):
        out.append("person and employer typed as an organisation")
    r = role.strip()
    if re.fullmatch(r"\d+", r):
        out.append("an age as role")
    elif r in JUNK_ROLES:
        out.append("a function word as role")
    elif re.fullmatch(r"[a-z]+ed", r) or r in GLUED_ADJECTIVES_LOWER:
        out.append("a lone adjective as role")
    if re.search(r"\b(of|for|at) [A-Z]$", role.strip()):
        out.append("a role cut at a capital")
    if kind == "person" and len(ws) == 1 and role.split()[-1:] in (["Lord"], ["Lady"], ["Baroness"], ["Baron"]):
        out.append("a peer's title in the role, not the name")
    if kind == "person" and role.endswith(" of"):
        out.append("a place as the name of a title ('Bishop of' + place)")
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default="/tmp/bbc-k/bbc", help="articles to run news-index --extract on")
    ap.add_argument("--build", default=os.path.join(REPO, "build"))
    ap.add_argument("--pred", help="read this --extract output instead of running news-index")
    ap.add_argument("--top", type=int, default=30, help="how many 'other' speakers to list (0: all)")
    ap.add_argument("--defects", action="store_true", help="also list name and role defects")
    args = ap.parse_args()

    if args.pred:
        lines = open(args.pred, encoding="utf-8").read().splitlines()
    else:
        exe = os.path.join(args.build, "indexer", "news-index")
        if not os.path.exists(args.corpus):
            sys.exit(f"speaker_kinds.py: {args.corpus} not found (unpack ../shared/corpora/bbc-fulltext first)")
        r = subprocess.run([exe, "--extract", args.corpus], capture_output=True, text=True, check=True)
        lines = r.stdout.splitlines()

    per_class, reasons, others, defects = Counter(), Counter(), Counter(), Counter()
    defect_names = {}
    total = 0
    for line in lines:
        if not line.strip():
            continue
        for sp in json.loads(line).get("speakers", []):
            n = len(sp.get("quotes", []))
            cls, why = classify(sp.get("name", ""), sp.get("kind", ""))
            total += n
            per_class[cls] += n
            if cls == "other":
                reasons[why.split(":")[0] if why.startswith(("fragment", "thing")) else why] += n
                others[(sp.get("name", ""), sp.get("kind", ""), why)] += n
            else:
                for d in name_defects(sp):
                    defects[d] += n
                    shown = f"{sp.get('name')} [{sp.get('kind')}; role '{sp.get('role', '')}']"
                    defect_names.setdefault(d, Counter())[shown] += n

    print(f"quotes attributed: {total}")
    for cls in ("person", "organisation", "described", "document", "other"):
        share = 100.0 * per_class[cls] / total if total else 0.0
        print(f"  {cls:13s} {per_class[cls]:6d}  {share:5.2f}%")
    share = 100.0 * per_class["other"] / total if total else 0.0
    print(f"other: {per_class['other']} / {total} = {share:.2f}%")
    print("other by reason: " + ", ".join(f"{k} {v}" for k, v in reasons.most_common()))
    print(f"\n'other' speakers ({len(others)}), by quotes:")
    for (name, kind, why), n in others.most_common(args.top or None):
        print(f"  {n:4d}  {name!r} [{kind}]  ({why})")
    if args.defects:
        print(f"\nname and role defects (quotes): " + ", ".join(f"{k} {v}" for k, v in defects.most_common()))
        for d, names in defect_names.items():
            print(f"  {d}:")
            for nm, n in names.most_common(args.top or None):
                print(f"    {n:4d}  {nm}")


if __name__ == "__main__":
    main()
