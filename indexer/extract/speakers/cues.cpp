/// @file
/// @brief Speaker pass 3, cues (see cues.h): each rule that finds the subject of a cue is a
/// named function; subject_of tries them in the order of the cue's shape.
#include "indexer/extract/speakers/cues.h"

#include "indexer/extract/speakers/lexicon.h"
#include "indexer/extract/speakers/quotes.h"

#include <algorithm>
#include <set>
#include <cctype>

namespace news::extract::speakers {
namespace {

/// A rule's verdict on a subject: nullopt when the rule does not decide (the next one is
/// tried), else its answer, which may be "no subject".
using Verdict = std::optional<std::optional<Mention>>;
/// The verdict "no subject".
const Verdict kNoSubject{std::in_place};

/// “...” ― Maria Lastra, 45, Miami: the name after a dash that follows a quote.
std::optional<Mention> dash_subject(const std::vector<Word>& ws, std::size_t c) {
    const Word& cue = ws[c];
    // “...” ― Maria Lastra, 45, Miami
    if (!cue.after_quote || c + 1 >= ws.size() || !ws[c + 1].cap || ws[c + 1].para != cue.para) return std::nullopt;
    std::size_t e = run_end(ws, c + 1);
    return split_run(ws, c + 1, e);
}

/// A name right before a participle: "footage of Hillary Clinton asking, “...”", "with Cruz
/// recently promising".
std::optional<Mention> name_before_participle(const std::vector<Word>& ws, std::size_t c) {
    const Word& cue = ws[c];
    // (not a possessive, nor a name closed off by a quote: "on MSNBC’s “Morning Joe,” calling")
    std::size_t nc = c;  // past one adverb
    if (nc > 1 && !ws[nc - 1].cap && !ws[nc - 1].comma && ws[nc - 1].core.size() > 4 && ws[nc - 1].core.ends_with("ly") &&
        !kLyNouns.count(ws[nc - 1].core) && ws[nc - 2].cap)
        --nc;
    if (nc > 0 && ws[nc - 1].cap && !ws[nc - 1].comma && !ws[nc - 1].stop && ws[nc - 1].para == cue.para &&
        !ws[nc - 1].poss && !ws[nc - 1].before_quote) {
        std::size_t rb = run_start(ws, nc);
        // (not a group: "an ad featuring Hispanics telling their stories"; nor a medium or place
        // after its preposition: "responded on Coastbook writing", "a statement to Harbor News explaining")
        bool medium = rb > 0 && kMediumPreps.count(ws[rb - 1].core) && ws[rb - 1].para == cue.para;
        if (auto m = split_run(ws, rb, nc); m && !medium && !(rb + 1 == nc && common_plural(ws[rb].core))) return m;
    }
    return std::nullopt;
}

/// A cue earlier in the sentence gives its subject: "Ida Brandt said Tuesday in Portville,
/// noting ...".
std::optional<Mention> earlier_cue_subject(std::string_view text, const std::vector<Word>& ws, std::size_t c) {
    const Word& cue = ws[c];
    for (std::size_t k = c; k-- > 0 && k + 15 > c;) {
        if (ws[k].stop || ws[k].para != cue.para || ws[k].before_quote) break;
        if (kCues.count(ws[k].core) && !kParticiples.count(ws[k].core) && ws[k].core != "called" &&
            ws[k].core != "calls") {
            // (named, a pronoun, or a noun phrase: "even a top aide said ..., saying")
            if (auto m = subject_of(text, ws, k)) return m;
            break;
        }
    }
    return std::nullopt;
}

/// "A spokesman for the Harbor Board declined ... but said": the organisation spoken for, in
/// the sentence that opens at word b0.
std::optional<Mention> spoken_for(std::string_view text, const std::vector<Word>& ws, std::size_t b0, std::size_t c) {
    for (std::size_t k = b0 + 1; k < b0 + 3 && k + 1 < c; ++k)
        if (speaks_for_org(ws, k)) {
            std::size_t ob = k + 1;
            if (ws[ob].core == "the" && ob + 1 < c) ++ob;
            if (!ws[ob].cap) break;
            std::size_t oe = run_end(ws, ob);
            if (oe > c) break;
            if (auto m = split_run(ws, ob, oe)) {
                std::string noun = ws[k - 1].core;
                for (char& ch : noun) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
                if (m->kind == "organization" || ws[k].core == "at") {
                    m->kind = "organization";
                    return m;
                }
                if (kVoiceNouns.count(noun)) {  // a spokesman speaks for whoever it is
                    if (std::count(m->name.begin(), m->name.end(), ' ') >= 2) m->kind = "organization";
                    return m;
                }
                // "Attorneys for Ida Brandt ... saying": the people speaking for a person, unnamed
                Mention np;
                np.name = std::string(text.substr(ws[b0].b, ws[k - 1].e - ws[b0].b));
                np.name[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(np.name[0])));
                np.named = false;
                return np;
            }
            break;
        }
    return std::nullopt;
}

/// Where the subject of the sentence opening at word b0 starts: past opening words, an
/// opening gerund or prepositional phrase, and the rest of a place.
std::size_t past_opening_phrase(const std::vector<Word>& ws, std::size_t b0, std::size_t c) {
    std::size_t b = b0;
    while (b < c && kStops.count(ws[b].core) && !kPronouns.count(ws[b].core)) ++b;
    // ... and a lowercase adverb after them: "And then Ida Brandt went on the attack, saying"
    while (b > b0 && b < c && !ws[b].comma && kOpeningAdverbsAfterConjunction.count(ws[b].core)) ++b;
    // "Continuing to explain his view, Ida Brandt rejected ..., saying": an opening gerund phrase
    if (b == b0 && b < c && (kLeadingVerbs.count(ws[b].core) ||
                             (ws[b].cap && ws[b].core.size() > 5 && ws[b].core.ends_with("ing") && !ws[b].comma &&
                              b + 1 < c && !ws[b + 1].cap)))
        ++b;
    // "On Coastwatch, she responded ... by saying": the name after an opening preposition is
    // its object; the subject follows the phrase's comma.
    if (b > b0 && b < c && ws[b].cap && kOpeningPreps.count(ws[b0].core) && b == b0 + 1) {
        std::size_t k = b;
        while (k < c && k < b + 8 && !ws[k].comma) ++k;
        if (k < c && ws[k].comma && k + 1 < c) b = k + 1;
    }
    if (b < c && !ws[b].cap && !kPronouns.count(ws[b].core)) {
        // An opening phrase up to its comma: "Eight years ago, he supported ... and said".
        // (longer after a preposition: "Amid calls from some to ..., Ida Brandt spoke, saying")
        const std::size_t reach = b > b0 ? 20 : 6;
        std::size_t k = b0;
        while (k < c && k < b0 + reach && !ws[k].comma) ++k;
        if (k < c && k < b0 + reach && k + 1 < c) {
            b = k + 1;
            // (a lowercase word or two before the name: "the other candidate, former Secretary Ann Lee,")
            std::size_t n = b;
            while (n < c && n < b + 2 && !ws[n].cap && !ws[n].comma && !ws[n].stop &&
                   (kBeforeNameWords.count(ws[n].core) || kRoleNouns.count(ws[n].core)))
                ++n;
            if (n > b && n < c && ws[n].cap && ws[k].comma && !ws[n - 1].comma) b = n;
        }
        // ... and past the rest of a place ("in Salem, Lake County, Ida Brandt spoke"): a run
        // closed by a comma and followed by another capitalised word
        for (int hops = 0; hops < 3 && b < c && ws[b].cap; ++hops) {
            std::size_t e = run_end(ws, b);
            if (e >= c || !ws[e - 1].comma || !ws[e].cap) break;
            b = e;
        }
    }
    return b;
}

/// The subject opening the sentence, from word b: "Rival Hillary Clinton had mocked it,
/// saying ...", as long as a verb follows it.
std::optional<Mention> opening_subject(std::string_view text, const std::vector<Word>& ws, std::size_t c, std::size_t b,
                                       bool coordinated) {
    const Word& cue = ws[c];
    if (b < c && kPronouns.count(ws[b].core)) return Mention{ws[b].core, "", "person", true};
    if (b >= c || !ws[b].cap) return std::nullopt;
    std::size_t e = run_end(ws, b);
    if (e > c) return std::nullopt;
    // "Band member Ida Brandt shared the news, writing": an employer or group, a role noun, the name
    if (e < c && !ws[e - 1].comma && !ws[e].cap && (kRoleNouns.count(ws[e].core) || kPersonNouns.count(ws[e].core)) &&
        e + 1 < c && ws[e + 1].cap &&
        ws[e + 1].para == cue.para && !ws[e].comma) {
        b = e + 1;
        e = run_end(ws, b);
        if (e > c) return std::nullopt;
    }
    // The run must be the subject of a verb: "Trump revised his plan, promising ..." but
    // not "Chastened by the analyses, ..." or "Libertarian presidential candidate ...".
    if (e == b + 1 && common_plural(ws[b].core)) {
        // "Hours later, Trump returned the compliment, telling ...": past the opening phrase.
        std::size_t k = e;
        while (k < c && k < b + 6 && !ws[k].comma) ++k;
        // "Residents on the estate have taken to calling it ...": people described, unnamed.
        if ((k >= c || k >= b + 6) && source_kind(ws[b].core) == "person" && !ws[b].poss) {
            std::string np = ws[b].core;
            np[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(np[0])));
            return Mention{np, "", "person", false, false};
        }
        if (k >= c || k >= b + 6 || k + 1 >= c || !ws[k + 1].cap) return std::nullopt;
        b = k + 1;
        e = run_end(ws, b);
        if (e > c) return std::nullopt;
    }
    // (after "and" or a comma: "Brandt's metaphor is telling" is no attribution)
    // (or a clause of its own before the participle: "Calloway's aides have taken to calling it")
    bool owner_noun = e < c && ws[e - 1].poss && !ws[e].cap && ws[e].para == cue.para && !ws[e - 1].before_quote &&
                      (coordinated || ws[c - 1].comma || source_kind(ws[e].core) == "person");
    // (not when a name follows the noun: "Ida Brandt's harbor master Tom Okafor said")
    for (std::size_t k = e; owner_noun && k < c && k < e + 4; ++k) {
        if (ws[k].cap) owner_noun = false;
        if (ws[k].comma) break;
    }
    if (owner_noun) {
        // "Ida Brandt's relatives, ..., said": the owner's noun is the subject, unnamed.
        Mention m;
        std::string np(text.substr(ws[b].b, ws[e].e - ws[b].b));
        while (!np.empty() && (np.back() == ',' || np.back() == '.' || np.back() == ':' || np.back() == ';')) np.pop_back();
        m.name = np;
        m.named = false;
        m.kind = source_kind(ws[e].core);
        if (m.kind.empty()) return std::nullopt;  // "Ida Brandt's plan, ..., saying": a thing
        return m;
    }
    // An owner and its noun: "Palin's pugnacious posts include one saying": the owner's document
    // speaks for the owner; "The Granite State's independent-minded electorate ... makes": the
    // owner's people speak, unnamed; a thing of the owner's says nothing.
    if (e < c && ws[e - 1].poss && !ws[e - 1].comma && !ws[e].cap && ws[e].para == cue.para) {
        for (std::size_t k = e; k < c && k < e + 4 && !ws[k].cap; ++k) {
            const std::string kind = source_kind(ws[k].core);
            if (kind == "document") return split_run(ws, b, e);
            if (!kind.empty()) {
                Mention m;
                m.name = std::string(text.substr(ws[b].b, ws[k].e - ws[b].b));
                m.named = false;
                m.kind = kind;
                return m;
            }
            if (ws[k].comma || ws[k].stop) break;
        }
        return std::nullopt;
    }
    if (e < c && !ws[e - 1].comma) {
        // (past an adverb between the name and its verb: "Lewandowski earlier quashed rumors")
        const std::size_t vn = e + 1 < c && !ws[e].cap && !ws[e].comma && !kSubjectAuxiliaries.count(ws[e].core) &&
                                       (kAdverbs.count(ws[e].core) || ws[e].core == "earlier")
                                   ? e + 1
                                   : e;
        const std::string& next = ws[vn].core;
        bool verb = kSubjectAuxiliaries.count(next) || kIrregularVerbsAfterSubject.count(next) ||
                    (!ws[vn].cap && (next.ends_with("ed") || (vn == e && next.ends_with("s"))));
        if (!verb) return std::nullopt;
        // "Harbor School fans also chanted": a plural noun after the name, then the verb
        if (vn == e && !kSubjectAuxiliaries.count(next) && next.ends_with("s") && e + 1 < c && !ws[e].comma && !ws[e + 1].cap) {
            const std::string& after = ws[e + 1].core;
            if (kSubjectAuxiliaries.count(after) || kAdverbs.count(after) || after.ends_with("ed") || kCues.count(after)) {
                Mention m;
                m.name = std::string(text.substr(ws[b].b, ws[e].e - ws[b].b));
                m.named = false;
                m.kind = source_kind(next);
                if (m.kind.empty()) return std::nullopt;
                auto sm = split_run(ws, b, e);  // without the article or an opening word
                if (sm && b < e && !starts_upper(m.name.substr(0, 1))) return std::nullopt;
                return m;
            }
        }
    }
    return split_run(ws, b, e);
}

/// The subject of a participle ("..., saying") or of a second verb ("and said"): a name right
/// before, the subject of a cue earlier in the sentence, or the sentence's own subject.
std::optional<Mention> participle_subject(std::string_view text, const std::vector<Word>& ws, std::size_t c,
                                          bool coordinated) {
    const Word& cue = ws[c];
    if (auto m = name_before_participle(ws, c)) return m;
    if (!coordinated && c > 0 && ws[c - 1].comma)
        if (auto m = earlier_cue_subject(text, ws, c)) return m;
    // The subject opening the sentence: "Rival Hillary Clinton had mocked it, saying ..."
    std::size_t b = c;
    while (b > 0 && !ws[b - 1].stop && ws[b - 1].para == cue.para && c - b < 40 && !opens_after_closing_quote(text, ws, b))
        --b;
    if (b == c) return std::nullopt;
    const std::size_t b0 = b;
    // "(..., although Bill Clinton won the spin by declaring himself ...)": the participle of a
    // clause set off after the sentence's own subject has that clause's subject, a name right
    // after "although", "while", "whereas", "but" or an opening parenthesis, followed by a verb.
    if (!coordinated && (cue.core == "declaring" || cue.core == "calling" || cue.core == "saying" ||
                         cue.core == "insisting" || cue.core == "arguing" || cue.core == "describing"))
        for (std::size_t k = c; k-- > b0 + 1;) {
            if (ws[k].comma || ws[k].before_quote) break;
            const std::string& w = ws[k - 1].core;
            const bool opens = w == "although" || w == "while" || w == "but" || w == "whereas" ||
                               (ws[k].cap && text[ws[k].b] == '(');
            if (!opens || !ws[k].cap) continue;
            const std::size_t e = run_end(ws, k);
            if (e >= c || ws[e - 1].comma || ws[e - 1].poss) break;
            const std::string& verb = ws[e].core;
            if (!(kSubjectAuxiliaries.count(verb) || kIrregularVerbsAfterSubject.count(verb) || verb.ends_with("ed")))
                break;
            if (auto m = split_run(ws, k, e); m && m->kind == "person") return m;
            break;
        }
    if (auto m = spoken_for(text, ws, b0, c)) return m;
    b = past_opening_phrase(ws, b0, c);
    if (auto m = opening_subject(text, ws, c, b, coordinated)) return m;
    // "An All England Club spokesperson denied ..., insisting:": a noun phrase of a person
    // described opening the sentence, up to the verb after it.
    if (!coordinated && b0 < c && kIndefinites.count(ws[b0].core) + (ws[b0].core == "The") > 0)
        for (std::size_t k = b0 + 1; k < c && k < b0 + 7; ++k) {
            if (ws[k].comma || ws[k].stop || ws[k].before_quote) break;
            const std::string& w = ws[k].core;
            if (ws[k].cap || !(kIrregularPasts.count(w) || w.ends_with("ed"))) continue;
            if (auto np = noun_phrase(text, ws, k); np && np->kind == "person") return np;
            // "One operative inside Harbor Tower tried ...": a person noun right after the
            // opening word, then the place or body it belongs to, up to the verb.
            if (source_kind(ws[b0 + 1].core) == "person" && !ws[b0 + 1].cap && b0 + 2 < k &&
                (ws[b0 + 2].core == "inside" || ws[b0 + 2].core == "at" || ws[b0 + 2].core == "in" ||
                 ws[b0 + 2].core == "with" || ws[b0 + 2].core == "close")) {
                Mention m;
                m.name = std::string(text.substr(ws[b0].b, ws[k - 1].e - ws[b0].b));
                m.name[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(m.name[0])));
                m.named = false;
                m.kind = "person";
                return m;
            }
            break;
        }
    return std::nullopt;
}

/// "according to the IMF", "according to the newspaper", "according to Ronald Reagan's
/// former education secretary William Bennett".
std::optional<Mention> according_subject(std::string_view text, const std::vector<Word>& ws, std::size_t c) {
    const Word& cue = ws[c];
    // "according to the IMF, ...": the article before an organisation's name.
    if (c + 3 < ws.size() && ws[c + 1].core == "to" && ws[c + 2].core == "the" && ws[c + 3].cap) {
        std::size_t e = run_end(ws, c + 3);
        if (auto m = split_run(ws, c + 3, e)) return m;
    }
    // "according to the newspaper, “...”": a noun phrase up to its comma or stop.
    if (c + 2 < ws.size() && ws[c + 1].core == "to" && !ws[c + 2].cap && kDeterminers.count(ws[c + 2].core)) {
        std::size_t e = c + 3;
        while (e < ws.size() && e < c + 10 && !ws[e].comma && !ws[e].stop && ws[e].para == cue.para &&
               !kCues.count(ws[e].core))
            ++e;
        if (e < ws.size() && (ws[e].comma || ws[e].stop) && ws[e].para == cue.para && !ws[e].cap) {
            Mention m;
            m.kind = source_kind(ws[e].core);
            // "according to a newly uncovered email previously kept secret": the noun before what
            // follows it; "according to their last known voting intention": none.
            std::size_t head = e;
            for (std::size_t k = c + 3; k < e && m.kind.empty(); ++k)
                if (!ws[k].cap) m.kind = source_kind(ws[k].core), head = k;
            if (m.kind.empty()) return std::nullopt;
            m.name = std::string(text.substr(ws[c + 2].b, ws[head].e - ws[c + 2].b));
            while (!m.name.empty() && (m.name.back() == ',' || m.name.back() == '.' || m.name.back() == ':'))
                m.name.pop_back();
            m.named = false;
            return m;
        }
    }
    if (c + 2 < ws.size() && ws[c + 1].core == "to" && ws[c + 2].cap) {
        std::size_t e = run_end(ws, c + 2);
        auto m = split_run(ws, c + 2, e);
        // "according to Ronald Reagan's former education secretary William Bennett": the
        // owner, a role, then the name.
        if (e > c + 2 && ws[e - 1].poss && !ws[e - 1].comma) {
            std::size_t k = e;
            while (k < ws.size() && k < e + 4 && !ws[k].cap && !ws[k].comma && !ws[k].stop) ++k;
            if (k > e && k < ws.size() && ws[k].cap && kRoleNouns.count(ws[k - 1].core)) {
                std::size_t e2 = run_end(ws, k);
                if (auto m2 = split_run(ws, k, e2); m2 && m2->kind == "person") {
                    if (m2->role.empty()) m2->role = clean_role(std::string(text.substr(ws[c + 2].b, ws[k - 1].e - ws[c + 2].b)));
                    return m2;
                }
            }
        }
        if (m && e > 0 && ws[e - 1].comma) {
            std::size_t end;
            if (std::string r = appositive(text, ws, e, end); !r.empty() && m->role.empty()) m->role = r;
        }
        return m;
    }
    return std::nullopt;
}

/// The first word of a phrase of time or occasion ending at word p-1 ("at the time", "less than
/// two weeks ago", "in a statement"), or p when none ends there.
std::size_t time_phrase_start(const std::vector<Word>& ws, std::size_t p) {
    auto inside = [&](std::size_t k) {  // a word that can be part of the phrase
        return !ws[k].cap && !ws[k].comma && !ws[k].stop && !ws[k].before_quote && ws[k].para == ws[p - 1].para;
    };
    std::size_t k = p;
    // "in 1997", "in May 2004": a year after a preposition of time
    auto year = [&](const std::string& w) {
        return w.size() == 4 && std::all_of(w.begin(), w.end(), [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); }) &&
               (w.starts_with("19") || w.starts_with("20"));
    };
    if (k >= 2 && year(ws[k - 1].core) && !ws[k - 1].comma && !ws[k - 1].stop && ws[k - 1].para == ws[p - 1].para) {
        std::size_t j = k - 1;
        if (j >= 2 && kMonths.count(ws[j - 1].core) && !ws[j - 1].comma) --j;
        if (j >= 1 && inside(j - 1) && kTimePreps.count(ws[j - 1].core)) return j - 1;
    }
    const bool ago = k > 0 && ws[k - 1].core == "ago" && inside(k - 1);
    if (ago) --k;
    if (k == 0 || !kTimeNouns.count(ws[k - 1].core) || !inside(k - 1)) return p;
    --k;
    const std::size_t noun = k;
    while (k > 0 && k + 4 > noun && inside(k - 1) &&
           (kTimeModifiers.count(ws[k - 1].core) || std::isdigit(static_cast<unsigned char>(ws[k - 1].core[0]))))
        --k;
    if (k > 0 && inside(k - 1) && kTimePreps.count(ws[k - 1].core)) return k - 1;
    // ... or any words between its preposition and its noun: "in a court filing", "at a Harbor Board hearing".
    for (std::size_t j = noun; j-- > 0 && j + 5 > noun;) {
        if (ws[j].comma || ws[j].stop || ws[j].before_quote || ws[j].para != ws[noun].para || kCues.count(ws[j].core) ||
            kPronouns.count(ws[j].core))
            break;
        if (kTimePreps.count(ws[j].core) && j + 1 < noun) return j;
    }
    // Without its preposition only after a modifier that is no article ("last week", "two weeks
    // ago"): "the statement said", "time said" have a noun as their subject.
    if (!ago && (k == noun || kDeterminers.count(ws[k].core))) return p;
    return k;
}

/// The word before the subject of the cue at word c: back over adverbs ("has also said",
/// "forcefully told"), a day ("Priebus later Thursday told Fox News") and a phrase of time or
/// occasion ("Trump at the time said"); never across a quote, a comma or a sentence end.
std::size_t before_adverbs(const std::vector<Word>& ws, std::size_t c) {
    std::size_t p = c;
    auto ly_adverb = [&](std::size_t k) {
        if (ws[k].core.size() <= 4 || !ws[k].core.ends_with("ly") || kLyNouns.count(ws[k].core)) return false;
        // (a noun in -ly after its owner: "Brandt's early said" is none; "the family said", "the former monopoly said")
        return !(k > 0 && !ws[k - 1].comma && ws[k - 1].poss);
    };
    // (“...,” said the researchers: the words before the quote are no subject of the cue after it)
    auto steps = [&](std::size_t k) {
        return !ws[k].comma && !ws[k].stop && !ws[k].before_quote && !ws[k + 1].after_quote;
    };
    while (p > 0 && steps(p - 1)) {
        if ((!ws[p - 1].cap && (kAdverbs.count(ws[p - 1].core) || kMoreAdverbs.count(ws[p - 1].core) ||
                                ws[p - 1].core == "earlier" || ly_adverb(p - 1))) ||
            (kWeekdays.count(ws[p - 1].core) && p >= 2 && !ws[p - 2].comma)) {
            --p;
            continue;
        }
        if (std::size_t t = time_phrase_start(ws, p); t < p) {
            p = t;
            continue;
        }
        break;
    }
    return p;
}

/// The cue word at c is no verb of speaking: "a newly formed group called Harbor 45" names,
/// "Ida Brandt's fired campaign manager" owns.
bool cue_is_no_verb(const std::vector<Word>& ws, std::size_t c, std::size_t p) {
    const Word& cue = ws[c];
    if ((cue.core == "called" || cue.core == "dubbed" || cue.core == "named") && c + 1 < ws.size() && ws[c + 1].cap &&
        !cue.comma && !cue.before_quote && c > 0 && !ws[c - 1].comma)
        for (std::size_t k = c; k-- > 0 && k + 6 > c;) {
            if (ws[k].stop || ws[k].comma || ws[k].para != cue.para || kCues.count(ws[k].core)) break;
            if (ws[k].core == "a" || ws[k].core == "an" || ws[k].core == "A" || ws[k].core == "An") return true;
        }
    // "Ida Brandt's fired campaign manager": after a possessive the cue word is no verb.
    return p == c && p > 0 && ws[p - 1].poss && !ws[p - 1].comma && ws[p - 1].para == cue.para && !ws[p - 1].stop &&
           !ws[p - 1].before_quote && !cue.after_quote;
}

/// A capitalised run right before the cue (or its adverbs, from word p): the name in it, or
/// the name it leads back to ("Dan McLaughlin at the National Review agreed").
Verdict capitalised_subject(std::string_view text, const std::vector<Word>& ws, std::size_t c, std::size_t p) {
    const Word& cue = ws[c];
    std::size_t b = run_start(ws, p);
    // "another New Hampshire Republican added": an indefinite noun phrase, no name.
    // (not across a quote or a sentence end: 'a “fantasy island”. Mr Howard read'; past an
    // adjective or two: "a senior U.S. Official replied")
    std::size_t ind = b;
    while (ind > 0 && ind + 2 > b && !ws[ind - 1].cap && !ws[ind - 1].comma && !ws[ind - 1].stop &&
           !ws[ind - 1].before_quote && ws[ind - 1].para == cue.para && !kIndefinites.count(ws[ind - 1].core) &&
           !kFunctionWords.count(ws[ind - 1].core) && !kCues.count(ws[ind - 1].core))
        --ind;
    if (ind > 0 && !kIndefinites.count(ws[ind - 1].core)) ind = b;
    if (ind > 0 && kIndefinites.count(ws[ind - 1].core) && ws[ind - 1].para == cue.para && !ws[ind - 1].comma &&
        !ws[ind - 1].stop && !ws[ind - 1].before_quote) {
        Mention m;
        std::string np(text.substr(ws[ind - 1].b, ws[p - 1].e - ws[ind - 1].b));
        np[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(np[0])));
        m.name = np;
        m.named = false;
        m.kind = source_kind(ws[p - 1].core);
        // (a name after it is the person, described: "a terse Miller agreed", "an angry Beattie said")
        if (!m.kind.empty()) return m;
    }
    // "Dan McLaughlin at the National Review agreed": the name before the preposition.
    std::size_t k = b;
    if (k > 0 && (ws[k - 1].core == "the" || ws[k - 1].core == "The")) --k;
    // "Most voters in Lakeland, Portville and Bayside said": names after "in" are places.
    for (std::size_t w = b; w > 0 && w + 12 > b;) {
        --w;
        const Word& x = ws[w];
        // (a run after a comma opens the clause: "Speaking in Novi, Michigan, Okafor says")
        if (x.para != cue.para || x.stop || x.before_quote || (w + 1 == b && x.comma)) break;
        if (x.core == "in" || x.core == "across" || x.core == "throughout") {
            // ... after a name, that name is the subject: "Ida Brandt in Portville said"
            if (w > 0 && ws[w - 1].cap && !ws[w - 1].comma && !ws[w - 1].poss && ws[w - 1].para == cue.para) {
                std::size_t nb = run_start(ws, w);
                if (auto m = split_run(ws, nb, w); m && m->kind == "person") return m;
                break;
            }
            // ... after a common noun, a list of places: "voters in Lakeland and Bayside said"
            if (w + 1 < b) return kNoSubject;
            break;
        }
        if (!(x.cap || x.core == "and" || x.core == "or")) break;
    }
    // "The MP for Portville and Bayside said": places joined after a title and "for" or "of";
    // the title names the speaker.
    if (b >= 3 && ws[b - 1].core == "and" && ws[b - 2].cap && !ws[b - 2].comma && ws[b - 2].para == cue.para) {
        std::size_t rb = run_start(ws, b - 1);
        for (std::size_t k = rb + 1; k + 1 < b; ++k)
            if ((ws[k].core == "for" || ws[k].core == "of") &&
                (title_word(ws[k - 1].core) || source_kind(ws[k - 1].core) == "person")) {
                Mention m;
                std::string np(text.substr(ws[rb].b, ws[p - 1].e - ws[rb].b));
                if (kDeterminers.count(ws[rb].core))
                    np[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(np[0])));
                m.name = np;
                m.named = false;
                return m;
            }
    }
    // "The Commission on Harbor Fees announced": an organisation's name joined by "on".
    if (b >= 2 && ws[b - 1].core == "on" && ws[b - 2].cap && kOrgWords.count(ws[b - 2].core) &&
        !ws[b - 2].comma && ws[b - 2].para == cue.para) {
        std::size_t nb = run_start(ws, b - 1);
        auto after_on = split_run(ws, b, p);  // (not "Council on X Director Ann Lee": the person)
        if (auto m = split_run(ws, nb, b - 1); m && m->kind == "organization" &&
                                               !(after_on && after_on->kind == "person" && !after_on->role.empty())) {
            m->name += " on " + join(ws, b, p);
            return m;
        }
    }
    if (k > 1 && k < b + 1 && kNamePreps.count(ws[k - 1].core) && ws[k - 2].cap && !ws[k - 2].comma &&
        ws[k - 2].para == cue.para && !speaks_for_org(ws, k - 1)) {
        std::size_t nb = run_start(ws, k - 1);
        if (auto m = split_run(ws, nb, k - 1); m && m->kind == "person") return m;
    }
    // "Ida Brandt of Portville's Institute for Science and Sea Security wrote": back past an
    // organisation's name (capitalised words joined by and, for, of, the) to the name
    // before the preposition.
    for (std::size_t w = b; w > 1 && w + 14 > b;) {
        --w;
        const Word& x = ws[w];
        if (x.para != cue.para || x.comma || x.stop || x.before_quote) break;
        if ((x.core == "of" || x.core == "at" || x.core == "from") && ws[w - 1].cap && !ws[w - 1].comma &&
            !ws[w - 1].poss && ws[w - 1].para == cue.para) {
            std::size_t ne = w, nb = run_start(ws, ne);
            while (nb < ne && ws[nb].core != "of" && ws[nb].core != "for" && nb + 1 < ne &&
                   (ws[nb + 1].core == "of" || ws[nb + 1].core == "for"))
                ++nb;
            auto m = split_run(ws, nb, ne);
            if (m && m->kind == "person" && m->name.find(' ') != std::string::npos && w + 1 < b) return m;
            break;
        }
        if (!(x.cap || x.core == "and" || x.core == "for" || x.core == "the" || x.core == "of")) break;
    }
    // "Stacy Baker of Columbia, South Carolina says": the state closes a place after
    // the name; the subject is the name before "of".
    // (not when a titled name follows the comma: "Tokyo and Pusan in South Korea, Mr Prater predicts")
    // (the words after the comma a state or an abbreviated one, "N.H.": not "Jacques Hamel in
    // Normandy, Trump said")
    auto ends_place = [&] {
        if (state_name(join(ws, b, p)) || (p - b <= 2 && kUsStates.count(ws[p - 1].core))) return true;
        for (std::size_t k = b; k < p; ++k)
            if (text.substr(ws[k].b, ws[k].e - ws[k].b).find('.') != std::string_view::npos) return true;
        return false;
    };
    if (std::size_t of = place_chain(ws, b); of != std::string::npos && of > 0 && ws[of - 1].cap &&
                                             !kHonorifics.count(ws[b].core) && !title_word(ws[b].core) && ends_place()) {
        std::size_t nb = run_start(ws, of);
        if (auto m = split_run(ws, nb, of); m && m->kind == "person") return m;
    }
    // "Katie Packer, who is chairman of Our Principles PAC said": the name before the
    // relative clause that holds the object of a preposition.
    {
        std::size_t k2 = b > 0 && (ws[b - 1].core == "the" || ws[b - 1].core == "The") ? b - 1 : b;
        if (k2 > 0 && kNamePreps.count(ws[k2 - 1].core))
            for (std::size_t w = k2 - 1; w-- > 1 && w + 16 > k2 && !ws[w].stop && ws[w].para == cue.para;)
                if (ws[w].core == "who" && ws[w - 1].comma && ws[w - 1].cap) {
                    std::size_t nb = run_start(ws, w);
                    if (auto m = split_run(ws, nb, w); m && m->kind == "person") return m;
                    break;
                }
    }
    // "Ida Brandt, president and CEO of Harbor Association said": the appositive's closing
    // comma left out; the name opening the sentence before it is the subject.
    if (b < p && b > 0 && !ws[b - 1].comma && !ws[b - 1].stop && ws[b - 1].para == cue.para) {
        bool role = kTitles.count(ws[b].core) > 0;
        for (std::size_t j = b; j-- > 0 && j + 8 > b;) {
            const Word& w = ws[j];
            if (w.stop || w.para != cue.para || w.before_quote) break;
            if (w.comma) {
                if (!w.cap || !role) break;
                std::size_t nb = run_start(ws, j + 1);
                bool opens = nb == 0 || ws[nb - 1].stop || ws[nb - 1].para != cue.para || ws[nb].after_quote;
                auto m = opens ? split_run(ws, nb, j + 1) : std::nullopt;
                if (m && m->kind == "person" && m->name.find(' ') != std::string::npos) {
                    if (m->role.empty())
                        m->role = clean_role(std::string(text.substr(ws[j + 1].b, ws[p - 1].e - ws[j + 1].b)));
                    return m;
                }
                break;
            }
            if (w.cap) break;
            if (kRoleNouns.count(w.core)) role = true;
            else if (!kAppositiveGlue.count(w.core) &&
                     (kAdverbs.count(w.core) || kCues.count(w.core) || kPronouns.count(w.core) ||
                      w.core.ends_with("ed") || w.core == "is" || w.core == "was" || w.core == "who"))
                break;  // (any other noun or adjective: "the communications director for")
        }
    }
    // "Juan Chacin Guzman, President of Petroleos de Venezuela told": a title of an organisation
    // set off after the name, its closing comma left out.
    if (b < p && b >= 2 && ws[b - 1].comma && ws[b - 1].cap && ws[b - 1].para == cue.para && title_word(ws[b].core)) {
        bool of = false;
        for (std::size_t k = b + 1; k < p; ++k) of |= ws[k].core == "of" || ws[k].core == "for";
        std::size_t nb = run_start(ws, b);
        bool opens = nb == 0 || ws[nb - 1].stop || ws[nb - 1].para != cue.para || ws[nb].after_quote;
        if (of && opens)
            if (auto m = split_run(ws, nb, b); m && m->kind == "person" && m->name.find(' ') != std::string::npos) {
                if (m->role.empty()) m->role = join(ws, b, p);
                return m;
            }
    }
    if (b < p) {
        auto m = split_run(ws, b, p);
        std::size_t bb = b > 0 && (ws[b - 1].core == "the" || ws[b - 1].core == "The") ? b - 1 : b;
        if (m && bb > 0 && ws[bb - 1].core == "at" && speaks_for_org(ws, bb - 1)) m->kind = "organization";
        return m;
    }
    return std::nullopt;
}

/// "the mayor, NAME, said": the name is the appositive, the role comes before it.
std::optional<Mention> appositive_name_subject(std::string_view text, const std::vector<Word>& ws, std::size_t c,
                                               std::size_t p) {
    const Word& cue = ws[c];
    // "the mayor, NAME, said": the name is the appositive, the role comes before it.
    std::size_t b = run_start(ws, p);
    // (a lowercase word or two may lead the name: "Scott's niece, state Del. Marcia Price,")
    std::size_t lead = b;
    // (not a preposition: "Stephen Douglas, 26, from Wales, said" names no Wales)
    while (lead > 0 && lead + 2 > b && !ws[lead - 1].cap && !ws[lead - 1].comma && !ws[lead - 1].stop &&
           ws[lead - 1].para == cue.para && !kCues.count(ws[lead - 1].core) && !kObjectPreps.count(ws[lead - 1].core))
        --lead;
    if (lead < b && !(lead > 0 && ws[lead - 1].comma && !ws[lead - 1].cap)) lead = b;
    // "His former partner at Harbor Corp, Tom Okafor, said": a role at an organisation.
    if (lead == b && b >= 1 && b < p && ws[b - 1].comma && ws[b - 1].cap && ws[b - 1].para == cue.para) {
        std::size_t ob = run_start(ws, b);
        if (ob >= 2 && ob < b && kAffiliationPreps.count(ws[ob - 1].core) && kRoleNouns.count(ws[ob - 2].core) &&
            !ws[ob - 2].comma && ws[ob - 2].para == cue.para)
            if (auto m = split_run(ws, b, p); m && m->kind == "person") {
                std::size_t rb = ob - 2;
                while (rb > 0 && !ws[rb - 1].comma && !ws[rb - 1].stop && ws[rb - 1].para == cue.para &&
                       !ws[rb - 1].cap && rb + 6 > ob)
                    --rb;
                std::string_view raw = text.substr(ws[rb].b, ws[b - 1].e - ws[rb].b);
                while (!raw.empty() && raw.back() == ',') raw.remove_suffix(1);
                if (m->role.empty()) m->role = clean_role(std::string(raw));
                return m;
            }
    }
    // (not a place set off after its noun: "outside the state capital, Portville, said")
    if (lead > 0 && b < p && ws[lead - 1].comma && !ws[lead - 1].cap && !kPlaceNouns.count(ws[lead - 1].core)) {
        std::size_t rb = lead - 1;
        while (rb > 0 && !ws[rb - 1].comma && !ws[rb - 1].stop && !ws[rb - 1].before_quote &&
               ws[rb - 1].para == cue.para && !ws[rb].after_quote)
            --rb;
        if (auto m = split_run(ws, b, p)) {
            std::string_view raw = text.substr(ws[rb].b, ws[lead - 1].e - ws[rb].b);
            while (!raw.empty() && raw.back() == ',') raw.remove_suffix(1);
            if (m->role.empty()) m->role = clean_role(std::string(raw));
            return m;
        }
    }
    return std::nullopt;
}

/// A title in quotation marks set off inside an appositive right after word @p j: "the co-author
/// of “Going Viral,” about ..." (a quote of a few capitalised words, closed by a comma).
bool title_aside(std::string_view text, const std::vector<Word>& ws, std::size_t j) {
    if (!ws[j].before_quote || j + 1 >= ws.size() || !ws[j + 1].after_quote) return false;
    std::string_view gap = text.substr(ws[j].e, ws[j + 1].b - ws[j].e);
    if (gap.size() > 80 || gap.find('\n') != std::string_view::npos || gap.find(',') == std::string_view::npos) return false;
    auto trim_marks = [](std::string_view& t, bool front) {
        for (bool again = true; again && !t.empty();) {
            again = false;
            for (std::string_view m : {" ", ",", "\"", "\xE2\x80\x9C", "\xE2\x80\x9D"})
                if (front ? t.starts_with(m) : t.ends_with(m)) {
                    front ? t.remove_prefix(m.size()) : t.remove_suffix(m.size());
                    again = true;
                }
        }
    };
    trim_marks(gap, true);
    trim_marks(gap, false);
    return !gap.empty() && gap.find_first_of(".!?") == std::string_view::npos && title_case(gap);
}

/// "NAME, a ROLE, said": the name ending in a comma before the appositive, or a noun phrase
/// opening the sentence set off by a relative clause ("The lawmaker, who ..., said").
std::optional<Mention> segment_subject(std::string_view text, const std::vector<Word>& ws, std::size_t c,
                                       std::size_t p) {
    const Word& cue = ws[c];
    // "NAME, a ROLE, said": find the name ending in a comma before the appositive.
    // Up to four comma-separated segments back: "Scott Pruitt, the attorney general
    // of Oklahoma, one of the states suing the EPA, said".
    int segments = 0;
    // A title standing for its holder ("Mr Johnson, MP for Henley-on-Thames, Oxfordshire, said")
    // gives way to a name before it.
    std::optional<Mention> office;
    for (std::size_t j = p - 1; j-- > 0 && j + 45 > p;) {
        if (ws[j].para != cue.para || ws[j].stop || (ws[j].before_quote && !title_aside(text, ws, j))) break;
        if (!ws[j].comma) continue;
        if (++segments > 4) break;
        if (!ws[j].cap) continue;
        std::size_t b = run_start(ws, j + 1);
        auto m = split_run(ws, b, j + 1);
        // An organisation too when it opens the sentence: "The Harbor Board, a state agency, said".
        std::size_t bb = b > 0 && (ws[b - 1].core == "the" || ws[b - 1].core == "The") ? b - 1 : b;
        bool org_subject = m && m->kind == "organization" &&
                           (bb == 0 || ws[bb - 1].stop || ws[bb - 1].para != cue.para || ws[bb].after_quote);
        // "Officials at Harbor Board Investigations, a division of ..., said": the organisation.
        // (people are "at" an organisation, never at a person)
        if (m && bb > 0 && speaks_for_org(ws, bb - 1)) {
            if (ws[bb - 1].core == "at") m->kind = "organization";
            return m;
        }
        if (!m || (m->kind != "person" && !org_subject) || place_chain(ws, b) != std::string::npos) continue;
        // "... in Aurora, Colorado, in July": one word after a place set off after a preposition
        if (j == b && b >= 2 && ws[b - 1].comma && ws[b - 1].cap) {
            std::size_t rs = run_start(ws, b);
            if (rs > 0 && rs < b && kPlacePreps.count(ws[rs - 1].core)) continue;
        }
        // (a conjunction opening the sentence is no clause: "As John Cornyn, ..., put it")
        bool opener = b > 0 && (ws[b - 1].core == "As" || ws[b - 1].core == "But" || ws[b - 1].core == "And") &&
                      (b == 1 || ws[b - 2].stop || ws[b - 2].para != cue.para);
        // (nor a short description opening the sentence: "Democratic front-runner Ann Lee, ...,")
        if (!opener && b > 0 && !ws[b - 1].cap && !ws[b - 1].comma) {
            std::size_t ss = b;
            while (ss > 0 && ss + 3 > b && !ws[ss - 1].stop && !ws[ss - 1].comma && ws[ss - 1].para == cue.para &&
                   !kCues.count(ws[ss - 1].core) && !kPronouns.count(ws[ss - 1].core))
                --ss;
            opener = (ss == 0 || ws[ss - 1].stop || ws[ss - 1].para != cue.para) && ss + 3 >= b &&
                     (ws[ss].cap || kDeterminers.count(ws[ss].core));
        }
        // (nor after "what": "in what Bay Buchanan, national treasurer ..., called “...”")
        opener |= b > 0 && ws[b - 1].core == "what";
        if (b > 0 && !ws[b - 1].stop && !ws[b - 1].comma && ws[b - 1].para == cue.para && !ws[b - 1].after_quote &&
            !ws[b].after_quote && !opener &&
            !kRoleNouns.count(ws[b - 1].core) && !kDeterminers.count(ws[b - 1].core))
            continue;  // the run is inside a clause ("... suing the EPA,"), not a subject
        if (b > 1 && kDeterminers.count(ws[b - 1].core) && kObjectPreps.count(ws[b - 2].core) && ws[b - 2].para == cue.para)
            continue;  // "director of the House Majority PAC,": the object of a preposition
        std::size_t end;
        std::string r = appositive(text, ws, j + 1, end);
        if (m->role.empty()) m->role = r;
        if (m->office) {
            if (!office) office = m;
            continue;
        }
        return m;
    }
    if (office) return office;
    // "The lawmaker, who represents the port, said": a noun phrase opening the sentence,
    // set off by a relative clause or an appositive, is the subject, unnamed.
    std::size_t st = p - 1;
    while (st > 0 && !ws[st - 1].stop && ws[st - 1].para == cue.para && st + 40 > p) --st;
    if (kDeterminers.count(ws[st].core) && (st == 0 || ws[st - 1].stop || ws[st - 1].para != cue.para)) {
        std::size_t h = st + 1;
        while (h < p && h < st + 5 && !ws[h].comma && !ws[h].cap && !ws[h].before_quote) ++h;
        if (h < p && h > st && ws[h].comma && !ws[h].cap && h + 1 < p && kAppositiveOpeners.count(ws[h + 1].core) &&
            !kCues.count(ws[h].core)) {
            Mention m;
            std::string np(text.substr(ws[st].b, ws[h].e - ws[st].b));
            while (!np.empty() && np.back() == ',') np.pop_back();
            np[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(np[0])));
            m.name = np;
            m.named = false;
            m.kind = source_kind(ws[h].core);
            if (!m.kind.empty()) return m;
        }
    }
    return std::nullopt;
}

/// The subject before the cue (p: the word after it): a pronoun, a name, a noun phrase.
Verdict preverbal_subject(std::string_view text, const std::vector<Word>& ws, std::size_t c, std::size_t p) {
    const Word& cue = ws[c];
    const Word& prev = ws[p - 1];
    // "Gerry Conlon - who was wrongly convicted - said": the name before an aside set off by dashes.
    auto dash = [&](const Word& w) { return w.core == "-" || kDashes.count(w.core) > 0; };
    if (dash(prev) && p >= 3)
        for (std::size_t k = p - 1; k-- > 1 && k + 30 > p;) {
            if (ws[k].stop || ws[k].para != cue.para || ws[k].before_quote) break;
            if (!dash(ws[k])) continue;
            if (ws[k - 1].cap && !ws[k - 1].comma && ws[k - 1].para == cue.para) {
                std::size_t nb = run_start(ws, k);
                if (auto m = split_run(ws, nb, k); m && m->kind == "person") return m;
            }
            break;
        }
    if (kPronouns.count(prev.core) && !prev.comma) return Mention{prev.core, "", "person", true};
    // "Barack Obama, who called him “unfit to serve”": the name before the relative pronoun.
    if (prev.core == "who" && p >= 2 && ws[p - 2].comma && ws[p - 2].cap && ws[p - 2].para == cue.para) {
        std::size_t nb = run_start(ws, p - 1);
        bool place = nb > 0 && kPlacePreps.count(ws[nb - 1].core) && nb + 2 == p;  // one word: a place
        if (auto m = split_run(ws, nb, p - 1); m && m->kind == "person" && !place) return m;
    }
    // "it said": an organisation or a document named before.
    if ((prev.core == "it" || prev.core == "It") && !prev.comma && p == c)
        return Mention{prev.core, "", "organization", true};
    if (prev.cap && !prev.comma && !prev.before_quote)
        if (Verdict v = capitalised_subject(text, ws, c, p)) return v;
    if (!prev.cap && !prev.comma)
        if (auto np = noun_phrase(text, ws, p)) return np;
    if (prev.comma && !prev.after_quote && prev.cap)
        if (auto m = appositive_name_subject(text, ws, c, p)) return m;
    if (prev.comma && !prev.after_quote)
        if (auto m = segment_subject(text, ws, c, p)) return m;
    return std::nullopt;
}

/// Inverted: ', said NAME, a ROLE' / '” said NAME': the subject after the cue.
std::optional<Mention> inverted_subject(std::string_view text, const std::vector<Word>& ws, std::size_t c) {
    const Word& cue = ws[c];
    if (kPronouns.count(ws[c + 1].core)) {
        // ", said they were concerned": the pronoun opens the said clause; the subject is
        // before the comma (after a quote, “...,” said he, it is the subject).
        bool clause = !cue.after_quote && !ws[c + 1].comma && !ws[c + 1].stop && c + 2 < ws.size() &&
                      ws[c + 2].para == cue.para && !ws[c + 1].before_quote;
        if (clause) return std::nullopt;
        return Mention{ws[c + 1].core, "", "person", true};
    }
    // (not after a cue that takes an object: "told a young woman")
    bool right_after = cue.after_quote || (c > 0 && ws[c - 1].comma);
    if (right_after && !kObjectCues.count(cue.core))
        if (auto np = inverted_noun_phrase(text, ws, c + 1)) return np;
    std::size_t b = c + 1;
    // "said 9/11 widow Terry Strada", "said former aide Sam Lee", "said the mayor, Ann Ruiz":
    // a short lowercase role in front of the name.
    std::size_t role_b = b;
    while (b < ws.size() && b < role_b + 4 && !ws[b].cap && !ws[b].stop && ws[b].para == cue.para &&
           !kCues.count(ws[b].core) && ws[b].core != "that" && ws[b].core != "in" && ws[b].core != "on" &&
           ws[b].core != "to" && !kPronouns.count(ws[b].core))
        ++b;
    if (b >= ws.size() || !ws[b].cap || (b > role_b && ws[b - 1].stop)) return std::nullopt;
    // "said with Christmas coming up": a preposition's object, no speaker.
    if (b > role_b && kInvertedPreps.count(ws[b - 1].core)) return std::nullopt;
    if (b > role_b && (ws[role_b].core == "the" || ws[role_b].core == "a") && !ws[b - 1].comma &&
        !kRoleNouns.count(ws[b - 1].core) && !kTitles.count(ws[b].core) && !kHonorifics.count(ws[b].core))
        return std::nullopt;  // "said the Senate would vote"
    std::size_t e = run_end(ws, b);
    auto m = split_run(ws, b, e);
    // "said Council on Harbor Relations Director Ann Lee": an organisation named with "on", then
    // the person with a title, or the organisation alone.
    if (m && m->kind == "organization" && e + 1 < ws.size() && ws[e].core == "on" && kOrgWords.count(ws[e - 1].core) &&
        !ws[e - 1].comma && ws[e + 1].cap && ws[e + 1].para == cue.para) {
        std::size_t e2 = run_end(ws, e + 1);
        auto m2 = split_run(ws, e + 1, e2);
        if (m2 && m2->kind == "person" && !m2->role.empty()) {
            m2->role = join(ws, b, e) + " on " + m2->role;
            m = m2;
        } else {
            m->name += " on " + join(ws, e + 1, e2);
        }
        e = e2;
    }
    // "said former Portville Gov. and Harbor Party Chairman Ed Okafor": titles joined by "and"
    // before the name.
    // ... or a word of a title ("said Economic and Fiscal Policy Minister Heizo Takenaka").
    const bool one_word = m && e == b + 1 && m->role.empty() && m->kind == "person";
    if ((!m || one_word) && e + 1 < ws.size() && e > b && ws[e].core == "and" && ws[e + 1].cap &&
        ws[e + 1].para == cue.para && !ws[e - 1].comma && (title_word(ws[e - 1].core) || one_word)) {
        std::size_t e2 = run_end(ws, e + 1);
        if (auto m2 = split_run(ws, e + 1, e2);
            m2 && m2->kind == "person" && !m2->role.empty() &&
            (title_word(ws[e - 1].core) || !title_word(m2->role.substr(0, m2->role.find(' '))))) {
            m2->role = clean_role(std::string(text.substr(ws[b].b, ws[e - 1].e - ws[b].b))) + " and " + m2->role;
            m = m2;
            e = e2;
        }
    }
    // "said MSNBC host Chris Matthews", "said Clinton press secretary Ann Ruiz": an outlet
    // or employer and a role noun in front of the name.
    std::size_t rel = e;  // "Rubio's deputy campaign manager," : the relation noun with its comma
    while (rel < ws.size() && rel < e + 3 && !ws[rel].cap && !ws[rel].comma && !ws[rel].stop) ++rel;
    // (a relation noun: a role, or a noun of someone who does something: "Clinton's introducer,")
    auto relation = [&](const std::string& w) {
        return kRoleNouns.count(w) > 0 || (w.size() > 5 && (w.ends_with("er") || w.ends_with("or") || w.ends_with("ist")));
    };
    if (e > b && ws[e - 1].poss && rel + 1 < ws.size() && !ws[rel].cap && ws[rel].comma && relation(ws[rel].core)) {
        // "said Scott's niece, state Del. Marcia Price": the owner's relation, then the name.
        std::size_t k = rel + 1;
        while (k < ws.size() && k < e + 4 && !ws[k].cap && !ws[k].comma && !ws[k].stop && ws[k].para == cue.para) ++k;
        if (k < ws.size() && ws[k].cap && ws[k].para == cue.para) {
            std::size_t e2 = run_end(ws, k);
            if (auto m2 = split_run(ws, k, e2); m2 && m2->kind == "person" && m2->name.find(' ') != std::string::npos) {
                if (m2->role.empty()) m2->role = clean_role(std::string(text.substr(ws[b].b, ws[rel].e - ws[b].b - 1)));
                m = m2;
                e = e2;
            }
        }
    } else if (e > b && !ws[e - 1].comma && !ws[e - 1].stop) {
        std::size_t k = e;
        // (after an owner, a longer role: "said Clinton's top foreign policy aide Jake Sullivan")
        const std::size_t reach = ws[e - 1].poss ? 5 : 3;
        while (k < ws.size() && k < e + reach && !ws[k].cap && !ws[k].comma && !ws[k].stop && ws[k].para == cue.para &&
               !kJoinWords.count(ws[k].core) && !kDeterminers.count(ws[k].core))
            ++k;
        if (k > e && k < ws.size() && ws[k].cap && ws[k].para == cue.para) {
            // A role noun ("host"), or any noun before a name given in full ("Virginia
            // delegate Beau Correll", "Blaze co-host Stu Burguiere").
            const std::string& noun = ws[k - 1].core;
            bool role = kRoleNouns.count(noun) || kPersonNouns.count(noun) ||
                        (noun.find('-') != std::string::npos && kRoleNouns.count(noun.substr(noun.rfind('-') + 1)));
            std::size_t e2 = run_end(ws, k);
            auto m2 = split_run(ws, k, e2);
            if (m2 && !role && m2->name.find(' ') == std::string::npos) m2.reset();
            if (m2 && m2->kind == "person") {
                if (m2->role.empty()) m2->role = clean_role(std::string(text.substr(ws[b].b, ws[k - 1].e - ws[b].b)));
                m = m2;
                e = e2;
            }
        }
    }
    // "said Ida Brandt's remarks were ...": an owner and a lowercase noun open the clause said,
    // they are no inverted subject.
    if (m && e > b && e < ws.size() && ws[e - 1].poss && !ws[e - 1].comma && !ws[e].cap && ws[e].para == cue.para &&
        !cue.after_quote)
        return std::nullopt;
    if (m && b > role_b && m->role.empty()) {
        std::string_view raw = text.substr(ws[role_b].b, ws[b - 1].e - ws[role_b].b);
        while (!raw.empty() && raw.back() == ',') raw.remove_suffix(1);
        m->role = clean_role(std::string(raw));
    }
    // "added Latin hits including ...": a capitalised word before a plural noun modifies it
    // and is no speaker.
    if (m && e < ws.size() && ws[e].para == cue.para && !ws[e - 1].comma && !ws[e - 1].stop &&
        !ws[e - 1].before_quote && !ws[e - 1].poss && !ws[e].cap) {
        const std::string& w = ws[e].core;
        if (w.size() > 3 && w.ends_with("s") && !w.ends_with("ss") && !kWordsInS.count(w) && !kCues.count(w) &&
            !kAdverbs.count(w) && !w.ends_with("ly"))
            return std::nullopt;
        // ", said Okafor is to blame": the name opens the clause said
        if (!cue.after_quote && kClauseAuxiliaries.count(w)) return std::nullopt;
    }
    if (m && ws[e - 1].comma) {
        std::size_t end;
        std::string r = appositive(text, ws, e, end);
        if (!r.empty() && weak_role(m->role)) m->role = r;
    }
    return m;
}

}  // namespace

// "Said Ellis: “...”": a cue verb opening its sentence, its subject right after it.
bool opening_cue(const std::vector<Word>& ws, std::size_t c) {
    const Word& w = ws[c];
    if (!w.cap || w.core.size() < 3 || kLeadingVerbs.count(w.core) || kParticiples.count(w.core)) return false;
    if (c > 0 && !ws[c - 1].stop && ws[c - 1].para == w.para) return false;
    return w.cap_cue && c + 1 < ws.size() && ws[c + 1].cap && ws[c + 1].para == w.para && !w.comma && !w.stop;
}

bool is_cue(const std::vector<Word>& ws, std::size_t c) {
    // "as The New Yorker put it, “...”": "put it" is a cue.
    bool put_it = (ws[c].core == "put" || ws[c].core == "puts") && c + 1 < ws.size() && ws[c + 1].core == "it";
    // "“...,” Ida Brandt went on." / "She went on: “...”": going on speaking.
    put_it |= ws[c].core == "went" && c + 1 < ws.size() && ws[c + 1].core == "on" &&
              (ws[c + 1].comma || ws[c + 1].stop || ws[c + 1].before_quote);
    return kCues.count(ws[c].core) || ws[c].core == "according" || ws[c].core == "According" ||
           kParticiples.count(ws[c].core) || kDashes.count(ws[c].core) || opening_cue(ws, c) || put_it;
}

std::optional<Mention> subject_of(std::string_view text, const std::vector<Word>& ws, std::size_t c) {
    const Word& cue = ws[c];
    if (kDashes.count(cue.core)) return dash_subject(ws, c);
    // "he supported Obama over Clinton and said, “...”": a second verb of the sentence's subject.
    // (an adverb may come between: "but now said", "and later told")
    const std::size_t conj = c > 1 && (kAdverbs.count(ws[c - 1].core) || ws[c - 1].core == "now") &&
                                     !ws[c - 1].comma && !ws[c - 1].cap
                                 ? c - 2
                                 : c - 1;
    const bool coordinated = c > 0 && (ws[conj].core == "and" || ws[conj].core == "but") &&
                             ws[conj].para == cue.para && !ws[conj].comma && !ws[conj].before_quote &&
                             (conj + 1 == c || (!ws[conj + 1].before_quote && !ws[conj + 1].comma)) &&
                             !cue.after_quote && (kCues.count(cue.core) > 0);
    // "Sanders was asked by host Bill Maher, ..., “...”": the one who asks.
    if ((cue.core == "asked" || cue.core == "pressed" || cue.core == "questioned") && c > 0 && c + 2 < ws.size() &&
        (ws[c - 1].core == "was" || ws[c - 1].core == "were" || ws[c - 1].core == "being") && ws[c + 1].core == "by" &&
        !cue.comma && ws[c + 1].para == cue.para) {
        // (read as an inverted subject after "by": "by host Bill Maher", "by Fox Business
        // moderator Gerard Baker")
        return inverted_subject(text, ws, c + 1);
    }
    if (kParticiples.count(cue.core) || coordinated) return participle_subject(text, ws, c, coordinated);
    if (cue.core == "according" || cue.core == "According") return according_subject(text, ws, c);
    const std::size_t p = before_adverbs(ws, c);
    if (cue_is_no_verb(ws, c, p)) return std::nullopt;
    if (p > 0 && ws[p - 1].para == cue.para && !ws[p - 1].stop)
        if (Verdict v = preverbal_subject(text, ws, c, p)) return *v;
    // Inverted: ', said NAME, a ROLE' / '” said NAME'.
    bool inverted = cue.after_quote || (p > 0 && ws[p - 1].comma) || opening_cue(ws, c);
    // "..., told MSNBC": the name after "told" is who was told, never the speaker.
    if (cue.core == "told" || cue.core == "tells") inverted = false;
    if (inverted && !cue.stop && !cue.comma && c + 1 < ws.size() && ws[c + 1].para == cue.para)
        return inverted_subject(text, ws, c);
    return std::nullopt;
}

/// "“...,” an angry Ann Lee retaliated.": a verb in -ed closing a short sentence that opens
/// right after a quotation ending on a comma, with a name or pronoun before it, is a cue
/// whatever the verb (the comma inside the quote says an attribution follows).
bool closing_verb_cue(std::string_view text, const std::vector<Word>& ws, std::size_t c) {
    const Word& w = ws[c];
    if (w.cap || !w.stop || w.comma || w.core.size() < 5 || !w.core.ends_with("ed") || c == 0) return false;
    std::size_t s = c;
    while (s > 0 && s + 5 > c && !ws[s - 1].stop && !ws[s - 1].comma && !ws[s].after_quote && ws[s - 1].para == w.para) --s;
    if (!ws[s].after_quote || s == c || s + 5 <= c) return false;
    bool someone = false;
    for (std::size_t k = s; k < c; ++k) someone |= ws[k].cap || kPronouns.count(ws[k].core) > 0;
    if (!someone || (!ws[c - 1].cap && !kPronouns.count(ws[c - 1].core))) return false;
    // the closing mark right before the first word, and a comma inside it
    std::size_t at = ws[s].b;
    while (at > 0 && text[at - 1] == ' ') --at;
    std::string_view head = text.substr(0, at);
    for (std::string_view mark : {"\"", "\xE2\x80\x9D"})
        if (head.ends_with(mark)) return head.substr(0, head.size() - mark.size()).ends_with(",");
    return false;
}

std::vector<Event> find_events(std::string_view text, const std::vector<Word>& ws, const std::set<std::string>& excluded) {
    std::vector<Event> events;
    for (std::size_t c = 0; c < ws.size(); ++c) {
        if (!is_cue(ws, c) && !closing_verb_cue(text, ws, c)) continue;
        if (auto m = subject_of(text, ws, c); m && !excluded.count(m->name)) events.push_back({c, *m});
    }
    return events;
}

}  // namespace news::extract::speakers
