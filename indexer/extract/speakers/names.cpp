/// @file
/// @brief Speaker pass 2, names (see names.h).
#include "indexer/extract/speakers/names.h"

#include "indexer/extract/speakers/lexicon.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace news::extract::speakers {

bool name_word(const Word& w) {
    if (!w.cap) return kParticles.count(w.core) > 0 || w.core == "of" || w.core == "for";
    return true;
}

namespace {

/// Letters joined by full stops, as "U.S" or "H.W" are left by strip_word: an abbreviation or
/// initials written with stops.
bool dotted(std::string_view core) {
    if (core.size() < 3) return false;
    for (std::size_t i = 0; i < core.size(); ++i)
        if ((i % 2 == 0) != (std::isalpha(static_cast<unsigned char>(core[i])) != 0) ||
            (i % 2 == 1 && core[i] != '.'))
            return false;
    return core.size() % 2 == 1;
}

/// Offices named after a title and "of" or "for": "Secretary of State", "Chancellor of the
/// Exchequer", "Chief of Staff". Part of the role, never of the name.
bool office_word(std::string_view w) {
    static const std::set<std::string_view> kOffices{
        "State", "Exchequer", "Defense", "Defence", "Treasury", "Commerce", "Energy", "Agriculture",
        "Labor", "Labour", "Interior", "Justice", "Transportation", "Transport", "Education", "Health",
        "Housing", "Trade", "Industry", "Employment", "Environment", "Finance", "Staff", "Homeland",
        "Security", "Veterans", "Affairs", "Foreign", "Home", "Commonwealth", "Northern", "Ireland",
        "Scotland", "Wales", "Works", "Mines", "War", "Navy", "Army", "Economy", "Planning", "Budget"};
    return kOffices.count(w) > 0;
}

/// Imperatives that open a line of furniture ("See Sexton profile", "Read Ann Lee's view"):
/// no part of a name.
bool imperative(std::string_view w) {
    static const std::set<std::string_view> kImperatives{"See", "Read", "Watch", "Click", "Visit", "Contact"};
    return kImperatives.count(w) > 0;
}

}  // namespace

std::string join(const std::vector<Word>& ws, std::size_t b, std::size_t e) {
    std::string out;
    for (std::size_t i = b; i < e; ++i) {
        if (!out.empty()) out += ' ';
        out += ws[i].core == "t" ? "'t" : ws[i].core;  // "Sophie in 't Veld" (the mark was stripped)
        // Initials and abbreviations keep their stops: "Julie A. Diaz", "U.S. District Judge",
        // "George H.W. Bush" ("H.W" alone would fold to one word "hw").
        if (ws[i].initial || (dotted(ws[i].core) && std::isupper(static_cast<unsigned char>(ws[i].core[0]))))
            out += '.';
    }
    return out;
}

char given_name_sex(std::string_view folded) {
    if (folded.empty()) return 0;
    std::string w(folded);
    w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
    return kMaleGivenNames.count(w) ? 'm' : kFemaleGivenNames.count(w) ? 'f' : 0;
}

std::string_view last_word(std::string_view name) {
    std::size_t sp = name.rfind(' ');
    return sp == std::string_view::npos ? name : name.substr(sp + 1);
}

bool common_plural(std::string_view w) {
    std::string l(w);
    for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (kCommonPlurals.count(l)) return true;
    for (std::string_view suf : {"ologists", "ists", "ians"})
        if (l.size() > suf.size() + 2 && l.ends_with(suf)) return true;
    return false;
}

bool speaks_for_org(const std::vector<Word>& ws, std::size_t k) {
    if (k < 1 || k >= ws.size() || !kAffiliationPreps.count(ws[k].core)) return false;
    const Word& noun = ws[k - 1];
    if (noun.para != ws[k].para || noun.comma || noun.stop) return false;
    std::string l = noun.core;
    for (char& ch : l) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (!kPersonNouns.count(l) && !common_plural(l)) return false;
    auto opens = [&](std::size_t i) { return i == 0 || ws[i - 1].stop || ws[i - 1].para != ws[i].para || ws[i].after_quote; };
    std::size_t first = k - 1;
    if (first > 0 && kDeterminers.count(ws[first - 1].core) && ws[first - 1].para == noun.para) --first;
    return opens(first);
}

std::string source_kind(std::string_view head) {
    std::string h(head);
    for (char& c : h) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto kind_of = [](const std::string& w) -> std::string {
        if (kPersonNouns.count(w) || kRoleNouns.count(w) || kSourcePersonNouns.count(w) || kVoiceNouns.count(w) ||
            kMaleNouns.count(w) || kFemaleNouns.count(w))
            return "person";
        if (kOrgNouns.count(w) || kThisBodies.count(w) || kSourceBodyNouns.count(w)) return "organization";
        if (kDocuments.count(w) || kSourceDocuments.count(w)) return "document";
        return {};
    };
    // The word, or its singular ("traders", "bosses", "companies").
    auto noun_kind = [&](const std::string& w) -> std::string {
        if (std::string k = kind_of(w); !k.empty()) return k;
        if (w.size() > 3 && w.ends_with("ies")) return kind_of(w.substr(0, w.size() - 3) + "y");
        if (w.size() > 3 && w.ends_with("es"))
            if (std::string k = kind_of(w.substr(0, w.size() - 2)); !k.empty()) return k;
        if (w.size() > 2 && w.ends_with("s") && !w.ends_with("ss")) return kind_of(w.substr(0, w.size() - 1));
        return {};
    };
    if (std::string k = noun_kind(h); !k.empty()) return k;
    // "the 30-year-old", "the spokesman", "two congresswomen", "the strategist", "a historian".
    for (std::string_view end : {"year-old", "year-olds", "man", "men", "woman", "women", "person", "people"})
        if (h.size() > end.size() && h.ends_with(end)) return "person";
    for (std::string_view end : {"ist", "ists", "ian", "ians"})
        if (h.size() > end.size() + 3 && h.ends_with(end) && !kNotPersonEndings.count(h)) return "person";
    // "an ex-Wallaby"; "the mother-of-nine", "the co-host", "a front-runner": a part names the person.
    if (h.starts_with("ex-")) return "person";
    if (std::size_t dash = h.find('-'); dash != std::string::npos && dash > 0) {
        if (h.find("-of-") != std::string::npos || h.find("-in-") != std::string::npos)  // "editor-in-chief"
            if (std::string k = noun_kind(h.substr(0, dash)); k == "person") return k;
        if (std::string k = noun_kind(h.substr(h.rfind('-') + 1)); !k.empty()) return k;
    }
    return {};
}

std::size_t phrase_head(const std::vector<Word>& ws, std::size_t b, std::size_t e, std::string& kind) {
    kind.clear();
    if (e <= b) return std::string::npos;
    for (std::size_t k = b + 1; k < e; ++k)
        if (kSubordinators.count(ws[k].core) || kClauseWords.count(ws[k].core)) return std::string::npos;
    for (std::size_t k = b + 2; k + 1 < e; ++k)
        if (kObjectPreps.count(ws[k].core) && !ws[k - 1].cap) {
            kind = source_kind(ws[k - 1].core);
            if (!kind.empty()) return k - 1;
            // "one musician quoted by the report": a participle between the head and the preposition
            const std::string& before = ws[k - 1].core;
            if (k >= b + 3 && (before.ends_with("ed") || before.ends_with("ing")) && !ws[k - 2].cap) {
                kind = source_kind(ws[k - 2].core);
                if (!kind.empty()) return k - 2;
            }
            break;
        }
    kind = source_kind(ws[e - 1].core);
    if (!kind.empty()) return e - 1;
    const std::string& last = ws[e - 1].core;
    if (e >= b + 3 && (last.ends_with("ed") || last.ends_with("ing")) && !ws[e - 2].cap) {
        kind = source_kind(ws[e - 2].core);
        if (!kind.empty()) return e - 2;
    }
    return std::string::npos;
}

bool state_name(std::string_view name) {
    if (kStates.count(name)) return true;
    // "Czech Republic", "South Korea", "Downing Street": every word a state's.
    std::size_t words = 0, b = 0;
    while (b < name.size()) {
        std::size_t e = name.find(' ', b);
        if (e == std::string_view::npos) e = name.size();
        std::string_view w = name.substr(b, e - b);
        if (!kStateWords.count(w) && !kStates.count(w)) return false;
        ++words;
        b = e + 1;
    }
    return words >= 2;
}

std::optional<Mention> document_owner_org(const std::vector<Word>& ws, std::size_t d, std::size_t p) {
    const Word& head = ws[p - 1];
    if (!kOrgDocuments.count(head.core) || p < 2 || d + 1 >= p - 1) return std::nullopt;
    // "the club website", "an agency statement", "the council's ruling": an organisation described.
    if (!ws[p - 2].cap && kDeterminers.count(ws[d].core) && source_kind(ws[p - 2].core) == "organization") {
        std::string name = join(ws, d, p - 1);
        name[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[0])));
        return Mention{name, "", "organization", false, false};
    }
    if (!ws[p - 2].cap) return std::nullopt;
    std::string org;
    bool org_like = false;
    for (std::size_t k = d + 1; k + 1 < p; ++k) {
        if (!ws[k].cap) {
            org.clear();
            org_like = false;
            continue;
        }
        if (!org.empty()) org += ' ';
        org += ws[k].core;
        bool acronym = ws[k].core.size() >= 2;
        for (char ch : ws[k].core) acronym &= std::isupper(static_cast<unsigned char>(ch)) || ch == '.';
        org_like |= acronym || kOrgWords.count(ws[k].core);
    }
    if (org.empty() || !org_like) return std::nullopt;
    return Mention{org, "", "organization", false, true};
}

std::optional<Mention> noun_phrase(std::string_view text, const std::vector<Word>& ws, std::size_t p) {
    const Word& head = ws[p - 1];
    if (head.cap || head.comma || head.stop || head.before_quote || kCues.count(head.core) ||
        kFunctionWords.count(head.core) || kAdverbs.count(head.core))
        return std::nullopt;
    // A bare plural opening its clause: "officials said", "“...,” federal prosecutors wrote".
    // People described, unnamed, as with an article ("the prosecutors wrote").
    if (head.core.size() > 3 && head.core.ends_with("s") && !head.core.ends_with("ss") && !head.poss &&
        source_kind(head.core) == "person") {
        std::size_t b = p - 1;
        while (b > 0 && b + 3 > p && !ws[b].after_quote && !ws[b - 1].stop && !ws[b - 1].comma &&
               !ws[b - 1].before_quote && !ws[b - 1].cap && ws[b - 1].para == head.para && !ws[b - 1].poss &&
               !kDeterminers.count(ws[b - 1].core) && !kFunctionWords.count(ws[b - 1].core) &&
               !kCues.count(ws[b - 1].core) && !kPronouns.count(ws[b - 1].core) && !kObjectPreps.count(ws[b - 1].core))
            --b;
        if (b == 0 || ws[b].after_quote || ws[b - 1].stop || ws[b - 1].para != head.para) {
            std::string np(text.substr(ws[b].b, head.e - ws[b].b));
            np[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(np[0])));
            return Mention{np, "", "person", false, false};
        }
    }
    for (std::size_t d = p - 1; d-- > 0 && d + 6 > p;) {
        const Word& w = ws[d];
        // (a comma between adjectives stays inside: "the bespectacled, 71-year-old diplomat said")
        bool adjective_comma = w.comma && !w.cap && d + 1 < p - 1 && !ws[d + 1].cap &&
                               (ws[d + 1].core.find('-') != std::string::npos ||
                                std::isdigit(static_cast<unsigned char>(ws[d + 1].core[0])));
        if (w.para != head.para || (w.comma && !adjective_comma) || w.stop || w.before_quote) return std::nullopt;
        if (kDeterminers.count(w.core)) {
            // "the IMF report stated", "the Harbor Board statement said": the organisation's
            // document speaks for it.
            if (auto org = document_owner_org(ws, d, p)) return org;
            Mention m;
            const std::size_t last = phrase_head(ws, d, p, m.kind);
            // "A Harbor Board report on the 20 biggest projects says": the subject's head is
            // before the preposition.
            if (last == std::string::npos && d >= 2 && kObjectPreps.count(ws[d - 1].core) && !ws[d - 2].comma)
                return noun_phrase(text, ws, d - 1);
            // A thing, a time, a fragment ("the cap", "a year", "the slide comes"): no source.
            if (last == std::string::npos) return std::nullopt;
            // (up to its head, or all of it: "the firm", "the secretary of state")
            const Word& end = last + 1 < p && kObjectPreps.count(ws[last + 1].core) ? head : ws[last];
            std::string np(text.substr(w.b, end.e - w.b));
            np[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(np[0])));
            m.name = np;
            m.named = false;
            return m;
        }
        if (w.cap && w.poss && d + 1 < p) {
            // "Ida Brandt's letter said": a document speaks for its owner; "Brandt's lawyers said":
            // the owner's people, unnamed.
            std::size_t ob = run_start(ws, d + 1);
            bool opens = ob == 0 || ws[ob - 1].stop || ws[ob - 1].para != head.para || ws[ob].after_quote ||
                         kDeterminers.count(ws[ob - 1].core);
            if (!opens) return std::nullopt;
            if (source_kind(head.core) == "document" && d + 4 > p)  // ("Marca's headline says")
                if (auto owner = split_run(ws, ob, d + 1)) return owner;
            Mention m;
            m.name = std::string(text.substr(ws[ob].b, head.e - ws[ob].b));
            m.named = false;
            m.kind = source_kind(head.core);
            if (m.kind.empty()) return std::nullopt;  // "Brandt's plan said": a thing
            return m;
        }
        if (kCues.count(w.core) || kPronouns.count(w.core) || w.core == "that" || w.core == "and" || w.core == "who" ||
            kSubordinators.count(w.core))  // ("an answer when people asked")
            return std::nullopt;
    }
    return std::nullopt;
}

bool title_word(const std::string& w) {
    if (kTitles.count(w)) return true;
    std::size_t h = w.find('-');
    if (h == std::string::npos || h == 0 || h + 1 >= w.size()) return false;
    std::size_t b = 0;
    while (true) {
        std::size_t e = w.find('-', b);
        std::string part = w.substr(b, e == std::string::npos ? std::string::npos : e - b);
        if (!kTitles.count(part) && !kRoleNouns.count(part)) {
            std::string l = part;
            if (!l.empty()) l[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(l[0])));
            if (!kRoleNouns.count(l)) return false;
        }
        if (e == std::string::npos) return true;
        b = e + 1;
    }
}

std::optional<Mention> split_run(const std::vector<Word>& ws, std::size_t b, std::size_t e) {
    // Leading words that only look like names: "The", "Following", "Rival".
    const std::size_t run_b = b;
    auto cue_verb = [&](std::size_t i) {  // "Said Ellis": capitalised only because it opens the sentence
        return i + 1 < e && ws[i].cap_cue;
    };
    // A gerund opening the run ("Bashing Trump is ..."): capitalised only as the first word.
    auto gerund = [&](std::size_t i) {
        return i == run_b && i + 1 < e && ws[i].core.size() >= 6 && ws[i].core.ends_with("ing") &&
               (i == 0 || ws[i - 1].stop || ws[i - 1].para != ws[i].para);
    };
    // A peer's title stays with a one-word name ("Lord Holme"); an adjective opening the
    // sentence is no part of a full name ("Defiant Matt Williams").
    auto peer = [&](std::size_t i) { return kPeerTitles.count(ws[i].core) && i + 2 == e; };
    auto adjective = [&](std::size_t i) { return i == run_b && i + 2 < e && kLeadingAdjectives.count(ws[i].core); };
    // "Chancellor of the Exchequer Nigel Lawson": the run starts at the office ("the" is no name
    // word); the office and the title before it are the role, never part of the name.
    if (b + 1 < e && office_word(ws[b].core) && b >= 2) {
        std::size_t p = ws[b - 1].core == "the" ? b - 1 : b;
        if (p >= 2 && (ws[p - 1].core == "of" || ws[p - 1].core == "for")) {
            std::size_t t = p - 1;
            // (the title may be in lower case: "former secretary of State Clinton")
            auto titled = [&](const std::string& w) {
                std::string c = w;
                if (!c.empty()) c[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(c[0])));
                return title_word(w) || title_word(c);
            };
            while (t > 0 && titled(ws[t - 1].core) && ws[t - 1].para == ws[b].para && !ws[t - 1].comma &&
                   !ws[t - 1].stop)
                --t;
            std::size_t o = b;
            while (o + 1 < e && office_word(ws[o].core)) ++o;
            if (t < p - 1)
                if (auto person = split_run(ws, o, e); person && person->kind == "person" && !person->office) {
                    if (weak_role(person->role)) person->role = join(ws, t, o);
                    return person;
                }
        }
    }
    // "See Sexton profile": an imperative opening the sentence.
    auto opens_sentence = [&](std::size_t i) { return i == 0 || ws[i - 1].stop || ws[i - 1].para != ws[i].para; };
    if (b + 1 < e && imperative(ws[b].core) && opens_sentence(b)) ++b;
    while (b < e && ((kStops.count(ws[b].core) && !kNationality.count(ws[b].core)) ||
                     (kHonorifics.count(ws[b].core) && !peer(b)) || kLeadingVerbs.count(ws[b].core) ||
                     (b == run_b && cue_verb(b)) || gerund(b) || adjective(b)))
        ++b;
    while (e > b && kParticles.count(ws[e - 1].core)) --e;
    // "NBC's Dante Chinni", "Breitbart's Joel Pollak": the owner is not part of the name.
    for (std::size_t i = e - 1; i-- > b;)
        if (ws[i].poss && ws[i + 1].cap) { b = i + 1; break; }
    if (b >= e) return std::nullopt;
    // A title word closing the run after a given name or an honorific is a surname:
    // "Charlie King", "Mr. King" (but "Prime Minister", "Senate Majority Leader" stay titles).
    std::size_t surname_at = e;
    // ... and so is one alone, set off by a comma and not after an article: "Dean, a former
    // party chairman, said".
    bool cue_next = e < ws.size() && !ws[b].comma && !ws[b].stop && kCues.count(ws[e].core);  // "King says"
    if (e - b == 1 && b == run_b && kSurnameTitles.count(ws[b].core) && (ws[b].comma || cue_next) &&
        (b == 0 || (!kDeterminers.count(ws[b - 1].core) && ws[b - 1].core != "the")))
        surname_at = b;
    else if (kSurnameTitles.count(ws[e - 1].core)) {
        const Word* before = e - 1 > b ? &ws[e - 2] : (e - 1 == b && b > run_b ? &ws[b - 1] : nullptr);
        if (before && (kHonorifics.count(before->core) ||
                       (before->cap && !kTitles.count(before->core) && !kStops.count(before->core) &&
                        !kOrgWords.count(before->core) && !kNationality.count(before->core))))
            surname_at = e - 1;
    }
    auto is_title = [&](std::size_t i) { return i != surname_at && title_word(ws[i].core); };
    Mention m;
    bool titled = false;
    for (std::size_t i = b; i < e; ++i) titled |= is_title(i);
    bool org_tail = kOrgWords.count(ws[e - 1].core) || (e - b >= 2 && kOrgWords.count(ws[e - 2].core));
    // "Stephen Slifer of Shearson Lehman Brothers Inc": a person's full name, then the employer
    // (not "Muslim Council of Britain", "Bank of England": organisations before "of").
    if (!titled)
        for (std::size_t i = b + 2; i + 1 < e; ++i)
            if (ws[i].core == "of" || ws[i].core == "for") {
                bool org_after = false, org_before = false;
                for (std::size_t k = i + 1; k < e; ++k) org_after |= kOrgWords.count(ws[k].core) > 0;
                for (std::size_t k = b; k < i; ++k) org_before |= kOrgWords.count(ws[k].core) > 0;
                if (org_after && !org_before)
                    if (auto person = split_run(ws, b, i);
                        person && person->kind == "person" && person->name.find(' ') != std::string::npos) {
                        if (person->role.empty()) person->role = join(ws, i + 1, e);
                        return person;
                    }
                break;
            }
    if (!titled || org_tail)
        for (std::size_t i = b; i < e; ++i)
            if (kOrgWords.count(ws[i].core)) {
                m.kind = "organization";
                m.name = join(ws, b, e);
                return m;
            }
    std::size_t last_title = e, of_after_title = e;
    for (std::size_t i = b; i < e; ++i) {
        if (is_title(i) || kHonorifics.count(ws[i].core)) last_title = i, of_after_title = e;
        else if (last_title != e && (ws[i].core == "of" || ws[i].core == "for")) of_after_title = i;
    }
    std::size_t name_b = b;
    const bool has_title = last_title != e;
    // "The Bishop of Durham", "the Director of Public Prosecutions": a title of a place or an
    // office, after an article, holds no name; it names the person.
    const bool after_the = ws[run_b].core == "The" || (run_b > 0 && ws[run_b - 1].core == "the");
    // "Secretary of State Clinton", "Secretary of State for Health Jeremy Hunt": the offices
    // after the title are the role; the name follows them.
    if (has_title) {
        std::size_t k = last_title + 1, office_end = 0;
        while (k + 1 < e && (ws[k].core == "of" || ws[k].core == "for") && office_word(ws[k + 1].core)) {
            std::size_t o = k + 1;
            while (o < e && office_word(ws[o].core)) ++o;
            office_end = k = o;
        }
        if (office_end != 0 && office_end < e && e - office_end <= 3)
            if (auto person = split_run(ws, office_end, e); person && person->kind == "person" && !person->office) {
                std::size_t rb = b;
                while (rb < office_end && kHonorifics.count(ws[rb].core)) ++rb;
                if (weak_role(person->role)) person->role = join(ws, rb, office_end);
                return person;
            }
    }
    // "MP for Henley-on-Thames" too: one word after "of" or "for" is no name ("Secretary of
    // State Kerry" may be one).
    if (has_title && of_after_title != e && of_after_title == last_title + 1 &&
        e - of_after_title <= (after_the ? 3u : 2u)) {
        std::size_t f = last_title;  // the titles before "of" ("Prime Minister of ...")
        while (f > b && is_title(f - 1)) --f;
        m.name = join(ws, f, e);
        if (f > b) m.role = join(ws, b, f);  // "Roman Catholic"
        m.office = true;
        return m;
    }
    // "Paul Boateng MP", "Ken Macdonald QC": a title after a full name (not "the Salford MP").
    if (has_title && last_title + 1 == e && e >= b + 3 && !after_the && kPostTitles.count(ws[e - 1].core) &&
        !is_title(e - 2) && !is_title(e - 3))
        if (auto named = split_run(ws, b, e - 1); named && named->kind == "person") {
            if (named->role.empty()) named->role = ws[e - 1].core;
            return named;
        }
    if (has_title && of_after_title != e && of_after_title > last_title + 1) {
        // "Rep. Elijah Cummings of Maryland": the of-phrase after the name is a place.
        e = of_after_title;
        of_after_title = e;
    } else if (!has_title) {
        // "Phil Smith of the union": no title; the name ends before "of".
        for (std::size_t i = b; i < e; ++i)
            if (ws[i].core == "of" || ws[i].core == "for") { e = i; break; }
    }
    bool peer_name = false;
    if (has_title) {
        name_b = of_after_title != e ? std::max(of_after_title + 1, e >= 2 ? e - 2 : b) : last_title + 1;
        // "Chairman Lord Holme", "Baroness Scotland": the peer's title is part of the name.
        if (e - name_b == 1 && name_b > b && kPeerTitles.count(ws[name_b - 1].core)) --name_b, peer_name = true;
        std::size_t rb = b;
        while (rb < name_b && kHonorifics.count(ws[rb].core)) ++rb;
        if (rb < name_b) m.role = join(ws, rb, name_b);
    }
    // (a nationality after an honorific is a surname: "Mr German")
    auto surname_after_honorific = [&](std::size_t i) {
        return i + 1 == e && i > run_b && kHonorifics.count(ws[i - 1].core) && !kTitles.count(ws[i].core);
    };
    while (name_b < e && ((kHonorifics.count(ws[name_b].core) && !peer_name) ||
                          (kNationality.count(ws[name_b].core) && !surname_after_honorific(name_b)) || !ws[name_b].cap))
        ++name_b;
    // "House Republican Tom Okafor", "Portville Democrat Ann Lee": a party word inside the run
    // ends a description in front of the name.
    for (std::size_t i = e; i-- > name_b + 1;)
        if (kNationality.count(ws[i].core) && i + 1 < e && ws[i + 1].cap && !kStops.count(ws[i + 1].core)) {
            if (m.role.empty()) m.role = join(ws, name_b, i + 1);
            name_b = i + 1;
            break;
        }
    // "The MP, who ...", "the Salford MP": titles without a name after an article stand for the
    // holder, unnamed.
    if (name_b >= e && has_title && after_the) {
        m.name = "the " + join(ws, b, e);
        m.named = false;
        m.office = true;
        m.role.clear();
        return m;
    }
    if (name_b >= e || e - name_b > 5) return std::nullopt;
    for (std::size_t i = name_b; i < e; ++i) {
        // A word that opens sentences ("May", "Day", "German") is a surname after a known given
        // name: "Theresa May", "Doris Day" (not "Election Day", "Next May")
        // ... and after an honorific: "Mr German said" (Mike German), "Ms May".
        bool surname = i + 1 == e &&
                       ((i > name_b && (kMaleGivenNames.count(ws[i - 1].core) || kFemaleGivenNames.count(ws[i - 1].core))) ||
                        surname_after_honorific(i));
        if ((kStops.count(ws[i].core) && !ws[i].initial && !surname) || kPronouns.count(ws[i].core)) return std::nullopt;
    }
    m.name = join(ws, name_b, e);
    // Initials run together are initials apart in a person's name: "George H.W. Bush" is
    // "George H. W. Bush" (one spelling, so one name term).
    for (std::size_t at = 0; (at = m.name.find('.', at)) != std::string::npos;)
        if (at + 1 < m.name.size() && m.name[at + 1] != ' ') m.name.insert(at + 1, " "), at += 2;
        else ++at;
    // "Mrs. Obama": a surname alone keeps the sex its honorific tells, as its role when it has
    // none (aliases::role_sex: the speaker alias table links "Mrs. Obama" never to Barack Obama).
    if (e - name_b == 1 && m.role.empty() && name_b > run_b &&
        (kMaleHonorifics.count(ws[name_b - 1].core) || kFemaleHonorifics.count(ws[name_b - 1].core)))
        m.role = ws[name_b - 1].core;
    // "Lake County", "Atlantic City": a place, not a person
    if (m.kind == "person" && e - name_b >= 2 && kPlaceTails.count(ws[e - 1].core)) return std::nullopt;
    // A heading or a dateline in capitals ("CONGRESS HAS INVESTIGATED HIM", "WASHINGTON, June 24")
    // is no name: two words or more, or one longer than an acronym.
    if (e - name_b >= 2 || (e - name_b == 1 && ws[name_b].core.size() > 6)) {
        bool caps = true;
        for (std::size_t i = name_b; i < e && caps; ++i)
            for (char ch : ws[i].core) caps &= !std::islower(static_cast<unsigned char>(ch));
        if (caps) return std::nullopt;
    }
    // Markup or digits left in the text ("True.\">Sanders") make no name.
    if (m.name.find_first_of("\"<>=/0123456789") != std::string::npos) return std::nullopt;
    // An acronym alone ("IMF", "NRA") names an organisation, not a person.
    if (e - name_b == 1 && m.name.size() >= 2 && m.name.size() <= 5 && m.kind == "person") {
        bool acronym = true;
        for (char ch : m.name) acronym &= std::isupper(static_cast<unsigned char>(ch)) != 0;
        if (acronym) m.kind = "organization";
    }
    // "R-Fla", "D-Calif": a party and state tag, not a name.
    if (e - name_b == 1 && m.name.size() >= 3 && m.name[1] == '-' && std::isupper(static_cast<unsigned char>(m.name[0])))
        return std::nullopt;
    // "Argentina claimed", "Washington argues": a state speaks, no person.
    if (m.kind == "person" && m.role.empty() && state_name(m.name)) m.kind = "organization";
    return m;
}

std::optional<Mention> RunSplitter::operator()(std::size_t b, std::size_t e) {
    const std::uint64_t key = (static_cast<std::uint64_t>(b) << 32) | static_cast<std::uint64_t>(e);
    auto it = memo_.find(key);
    if (it == memo_.end()) it = memo_.emplace(key, split_run(ws_, b, e)).first;
    return it->second;
}

std::size_t run_start(const std::vector<Word>& ws, std::size_t e) {
    std::size_t b = e;
    while (b > 0 && name_word(ws[b - 1]) && ws[b - 1].para == ws[e - 1].para &&
           (b == e || (!ws[b - 1].comma && !ws[b - 1].stop && !ws[b - 1].before_quote)))
        --b;
    while (b < e && !ws[b].cap) ++b;  // a run does not start with a particle
    return b;
}

std::size_t run_end(const std::vector<Word>& ws, std::size_t b) {
    std::size_t e = b;
    // (Dutch "in 't" inside a name: "Sophie in 't Veld")
    auto in_t = [&](std::size_t k) {
        return k > b && k + 2 < ws.size() && ws[k].core == "in" && ws[k + 1].core == "t" && ws[k + 2].cap &&
               !ws[k].comma && !ws[k + 1].comma && ws[k - 1].cap;
    };
    while (e < ws.size() && (name_word(ws[e]) || in_t(e) || (e > b && ws[e].core == "t" && in_t(e - 1))) &&
           ws[e].para == ws[b].para) {
        ++e;
        if (ws[e - 1].comma || ws[e - 1].stop || ws[e - 1].before_quote) break;
    }
    while (e > b && !ws[e - 1].cap) --e;
    return e;
}

bool weak_role(const std::string& role) {
    return role.empty() || role.starts_with("one of") || (role.find(' ') == std::string::npos && kTitles.count(role)) ||
           kHonorifics.count(role);
}

std::string clean_role(std::string role) {
    for (std::string_view lead : {"who is ", "who was ", "who serves as ", "a ", "an ", "the ", "The ", "A ", "An "})
        if (role.starts_with(lead)) role = role.substr(lead.size());
    if (role.starts_with("who ") || role.starts_with("which ")) return {};  // a clause, not a role
    {
        // "also campaigning in Portville", "speaking at the pier": an aside, not a role
        std::string first = role.substr(0, role.find(' '));
        if (kAdverbs.count(first) || (first.size() > 4 && first.ends_with("ing") && !kIngTitles.count(first) &&
                                      role.find(' ') != std::string::npos))
            return {};
    }
    for (std::string_view prep : {"of ", "from ", "in ", "at ", "on ", "to ", "with "})
        if (role.starts_with(prep)) return {};  // "of Mayfield Church": where, not what
    // An age ("Ann Lee, 42,") or one word that is no role ("however", "who", "exasperated").
    if (role.find_first_not_of("0123456789") == std::string::npos) return {};
    if (role.find(' ') == std::string::npos &&
        (kFunctionWords.count(role) || kDeterminers.count(role) || kAdverbs.count(role) || kSubordinators.count(role) ||
         (role.ends_with("ed") && !kRoleNouns.count(role))))
        return {};
    for (std::string_view cut : {" and ", " in ", " who ", " which ", " that ", " since ", " until "}) {
        std::size_t p = role.find(cut);
        // "in Washington" is where, not what; "agent in charge" is the role.
        if (cut == " in " && p != std::string::npos && p + 4 < role.size() && !std::isupper(static_cast<unsigned char>(role[p + 4])))
            continue;
        // "head of that tribunal": "that" after a preposition is no relative word.
        if (cut == " that " && p != std::string::npos && p > 0) {
            std::size_t wb = role.rfind(' ', p - 1);
            if (kObjectPreps.count(role.substr(wb == std::string::npos ? 0 : wb + 1, p - (wb == std::string::npos ? 0 : wb + 1))))
                continue;
        }
        // "president of A and P", "director of Sales and Marketing": "and" inside a name.
        if (cut == " and " && p != std::string::npos && p + 5 < role.size() &&
            std::isupper(static_cast<unsigned char>(role[p + 5]))) {
            std::size_t wb = role.rfind(' ', p - 1);
            wb = wb == std::string::npos ? 0 : wb + 1;
            if (std::isupper(static_cast<unsigned char>(role[wb]))) continue;
        }
        if (p != std::string::npos && p > 0) role.resize(p);
    }
    return role.size() > 160 ? std::string() : role;
}

std::string appositive(std::string_view text, const std::vector<Word>& ws, std::size_t from, std::size_t& end) {
    end = from;
    while (end < ws.size() && end < from + 30 && ws[end].para == ws[from].para) {
        ++end;
        if (ws[end - 1].comma || ws[end - 1].stop || ws[end - 1].before_quote) break;
    }
    if (end == from || ws[from].cap) return {};
    std::string_view raw = text.substr(ws[from].b, ws[end - 1].e - ws[from].b);
    while (!raw.empty() && (raw.back() == ',' || raw.back() == '.' || raw.back() == ';' || raw.back() == ':'))
        raw.remove_suffix(1);
    return clean_role(std::string(raw));
}

std::size_t place_chain(const std::vector<Word>& ws, std::size_t b) {
    if (b == 0 || !ws[b - 1].comma || !ws[b - 1].cap || ws[b - 1].para != ws[b].para) return std::string::npos;
    std::size_t rs = b - 1;  // back over the capitalised words of the place ("Columbia,")
    while (rs > 0 && ws[rs - 1].cap && !ws[rs - 1].comma && !ws[rs - 1].stop && ws[rs - 1].para == ws[b].para) --rs;
    if (rs == 0 || rs >= b || !kPlaceChainPreps.count(ws[rs - 1].core) || ws[rs - 1].para != ws[b].para) return std::string::npos;
    // ... right after a name or its appositive ("Stacy Baker of", "Harry Bond, 30, of"), not in
    // an opening phrase ("this weekend in Washington, Marc Morial said").
    if (rs < 2 || !(ws[rs - 2].cap || ws[rs - 2].comma)) return std::string::npos;
    // ... and not after a title: "Director of Public Prosecutions, Ken Macdonald, said" is an office.
    if (title_word(ws[rs - 2].core)) return std::string::npos;
    return rs - 1;
}

std::optional<Mention> inverted_noun_phrase(std::string_view text, const std::vector<Word>& ws, std::size_t b) {
    if (b >= ws.size() || !kInvertedDeterminers.count(ws[b].core)) return std::nullopt;
    std::size_t e = b + 1;
    for (; e < ws.size() && e < b + 7 && ws[e].para == ws[b].para; ++e) {
        if (kInvertedPhraseEnds.count(ws[e].core)) break;
        if (kInvertedPhraseVerbs.count(ws[e].core) || kCues.count(ws[e].core) || kPronouns.count(ws[e].core)) return std::nullopt;
        // ("X said the ruling “dramatically transforms” the suit": the clause said, no subject)
        if (ws[e].before_quote && !ws[e].comma && !ws[e].stop) return std::nullopt;
        if (ws[e].comma || ws[e].stop) { ++e; break; }
    }
    if (e == b + 1 || e > ws.size()) return std::nullopt;
    const Word* headp = &ws[e - 1];
    // "said a source involved in the talks": a participle after the head.
    if (e >= b + 3 && !headp->cap && (headp->core.ends_with("ed") || headp->core.ends_with("ing")) &&
        source_kind(headp->core).empty() && !source_kind(ws[e - 2].core).empty() && !ws[e - 2].comma)
        headp = &ws[e - 2];
    const Word& head = *headp;
    // "said a CAS statement", "said an FA statement": the organisation's document speaks for it.
    if (headp == &ws[e - 1] && (ws[e - 1].comma || ws[e - 1].stop))
        if (auto org = document_owner_org(ws, b, e)) return org;
    bool closed = ws[e - 1].comma || ws[e - 1].stop || (e < ws.size() && kInvertedPhraseEnds.count(ws[e].core));
    // A capitalised head only after an indefinite article: "a Nevada Democrat" is nobody's name.
    bool indefinite = ws[b].core != "the";
    if (!closed || (head.cap && !indefinite) || kDeterminers.count(head.core)) return std::nullopt;
    Mention m;
    std::string np(text.substr(ws[b].b, head.e - ws[b].b));
    while (!np.empty() && (np.back() == ',' || np.back() == '.')) np.pop_back();
    m.name = np;
    m.named = false;
    m.kind = source_kind(head.core);  // (a capitalised head: "a Nevada Democrat", not "a proud coach Mike Ruddock")
    if (m.kind.empty()) return std::nullopt;
    return m;
}

}  // namespace news::extract::speakers
