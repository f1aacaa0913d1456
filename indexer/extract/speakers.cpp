/// @file
/// @brief Rule-based quote and speaker extraction: quotes, cue verbs, names, roles, pronouns.
///
/// The text is read once as a list of words outside quotation marks. Every cue verb
/// ("said", "told", "according to", ...) with a subject next to it is an attribution
/// event; a quote takes the event that follows it in its sentence, else the last one
/// before it in the same sentence (or the one closing the sentence before, or the sentence
/// it sits in); pronouns resolve to the last named event before them, to a person who has
/// since opened a sentence, or to the person mentioned most, never across the sex the text
/// gives; surnames resolve to the full name met before. Then, in order of falling evidence:
/// a quote signed by a "- NAME" paragraph; a quote right after an attributed one inherits
/// its speaker; a quote in a sentence whose subject (a name, a pronoun, a noun phrase) has
/// a verb that is no cue belongs to that subject. One word in quotes is a term, not a quote.
#include "indexer/extract/speakers.h"

#include "common/text/analyzer.h"
#include "indexer/extract/speakers/lexicon.h"
#include "indexer/extract/speakers_zh.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace news::extract {
namespace {

using namespace speakers;  // the lexicon

struct Word {
    std::size_t b = 0, e = 0;   // bytes in the text (raw word)
    std::string core;           // without surrounding punctuation and possessive
    bool cap = false;           // starts with a capital letter
    bool comma = false;         // followed by a comma
    bool stop = false;          // ends a sentence
    bool after_quote = false;   // first word after a closing quotation mark
    bool before_quote = false;  // last word before an opening quotation mark
    bool poss = false;          // written with a possessive 's ("NBC's")
    bool initial = false;       // a capital and a full stop: the "A." of "Julie A. Diaz"
    bool cap_cue = false;       // a cue verb with a capital ("Said"), computed once
    std::size_t para = 0;
};

bool starts_upper(std::string_view s) {
    if (s.empty()) return false;
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(p, i, static_cast<int32_t>(s.size()), c);
    return c >= 0 && u_isupper(c);
}

bool is_space(unsigned char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// Bytes of white space at i: ASCII space or a no-break space (U+00A0).
std::size_t space_len(std::string_view t, std::size_t i) {
    if (is_space(static_cast<unsigned char>(t[i]))) return 1;
    if (static_cast<unsigned char>(t[i]) == 0xC2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xA0)
        return 2;
    return 0;
}

// Back over invisible format characters before byte i (U+200B..U+200F, U+202A..U+202E,
// U+2060, U+FEFF): a paragraph may open with a direction mark before its quotation mark.
std::size_t skip_invisible(std::string_view t, std::size_t i) {
    while (i >= 3) {
        auto c0 = static_cast<unsigned char>(t[i - 3]), c1 = static_cast<unsigned char>(t[i - 2]),
             c2 = static_cast<unsigned char>(t[i - 1]);
        bool invisible = (c0 == 0xE2 && c1 == 0x80 && ((c2 >= 0x8B && c2 <= 0x8F) || (c2 >= 0xAA && c2 <= 0xAE))) ||
                         (c0 == 0xE2 && c1 == 0x81 && c2 == 0xA0) || (c0 == 0xEF && c1 == 0xBB && c2 == 0xBF);
        if (!invisible) break;
        i -= 3;
    }
    return i;
}

// Quote marks: bytes of the UTF-8 sequence, or 0.
std::size_t mark_len(std::string_view t, std::size_t i, bool& opening, bool& closing) {
    opening = closing = false;
    unsigned char c = static_cast<unsigned char>(t[i]);
    if (c == '"') {
        // A no-break space before the mark counts as a space: `said.\u00A0"Everybody ...`.
        bool before_space = i == 0 || is_space(static_cast<unsigned char>(t[i - 1])) || t[i - 1] == '(' ||
                            t[i - 1] == '[' || (t[i - 1] == ':' && i + 1 < t.size() && !is_space(static_cast<unsigned char>(t[i + 1]))) ||
                            (i >= 2 && static_cast<unsigned char>(t[i - 2]) == 0xC2 &&
                             static_cast<unsigned char>(t[i - 1]) == 0xA0);
        // ... but a mark with space on both sides closes after a nested quote: `'Brandt,' " said`
        bool space_after = i + 1 >= t.size() || is_space(static_cast<unsigned char>(t[i + 1]));
        // ... or after the quote's own closing punctuation: `a disgrace that he is doing this, " Trump said`
        bool nested_close = space_after && i >= 2 && t[i - 1] == ' ' &&
                            (t[i - 2] == '\'' || t[i - 2] == ',' || (i >= 4 && t.substr(i - 4, 3) == "\xE2\x80\x99"));
        if (nested_close) before_space = false;
        opening = before_space;
        closing = !before_space;
        return 1;
    }
    if (c == 0xE2 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80) {
        unsigned char d = static_cast<unsigned char>(t[i + 2]);
        if (d == 0x9C || d == 0x9E) {  // “ „
            // A left mark slipped in to close: `unusual,“ said` (after , . ? ! and before a space).
            bool after_punct = d == 0x9C && i > 0 && std::strchr(",.?!", t[i - 1]) != nullptr;
            bool before_space = i + 3 >= t.size() || is_space(static_cast<unsigned char>(t[i + 3]));
            if (after_punct && before_space) closing = true;
            else opening = true;
            return 3;
        }
        if (d == 0x9D) {  // ”, which some sites also use to open a paragraph's quote
            // ... or, by a slip, a quote in mid-sentence: ` ”like women in combat”`.
            const std::size_t v = skip_invisible(t, i);  // the mark after a direction mark
            bool after_space = v == 0 || is_space(static_cast<unsigned char>(t[v - 1]));
            bool before_word = i + 3 < t.size() && std::isalnum(static_cast<unsigned char>(t[i + 3]));
            if (v == 0 || t[v - 1] == '\n' || (after_space && before_word)) opening = true;
            else closing = true;
            return 3;
        }
    }
    if (c == 0xC2 && i + 1 < t.size()) {
        unsigned char d = static_cast<unsigned char>(t[i + 1]);
        if (d == 0xAB) { opening = true; return 2; }  // «
        if (d == 0xBB) { closing = true; return 2; }  // »
    }
    return 0;
}

std::string strip_word(std::string_view raw, bool& comma, bool& stop) {
    std::size_t b = 0, e = raw.size();
    auto lead = [&](std::string_view s) { return raw.substr(b).starts_with(s); };
    while (b < e) {
        if (raw[b] == '(' || raw[b] == '[' || raw[b] == '\'' || raw[b] == '"') ++b;
        else if (lead("\xE2\x80\x98") || lead("\xE2\x80\x9C")) b += 3;
        else break;
    }
    comma = stop = false;
    while (e > b) {
        char c = raw[e - 1];
        if (c == ',' || c == ';' || c == ':') { comma = true; --e; }
        else if (c == '.' && comma) --e;  // "R-Ky.,": an abbreviation, not a sentence end
        else if (c == '.' || c == '!' || c == '?') { stop = true; --e; }
        else if (c == ')' || c == ']' || c == '"' || c == '\'') --e;
        else if (e - b >= 3 && raw.substr(e - 3, 3) == "\xE2\x80\x9D") e -= 3;
        else if (e - b >= 3 && raw.substr(e - 3, 3) == "\xE2\x80\x99" && (e - b == 3 || raw[e - 4] != 's')) e -= 3;
        else break;
    }
    std::string core(raw.substr(b, e - b));
    for (std::string_view poss : {"\xE2\x80\x99s", "'s"})
        if (core.size() > poss.size() && core.ends_with(poss)) core.resize(core.size() - poss.size());
    // "U.S." keeps its inner dots; a one-letter initial ("J.") does not end a sentence.
    // Nor does an abbreviation that leads a name: "St. Anselm's College", "Mt. Vernon".
    if (stop && (core.size() == 1 || core.find('.') != std::string::npos || kHonorifics.count(core) ||
                 kNameAbbreviations.count(core) || (kTitles.count(core) && !kSurnameTitles.count(core))))
        stop = false;
    return core;
}

struct Doc {
    std::string_view text;
    std::vector<QuoteSpan> quotes;
    std::vector<Word> words;  // outside quotes
};

void build_words(Doc& d) {
    std::string_view t = d.text;
    std::size_t qi = 0, para = 0, i = 0;
    bool after_quote = false;
    while (i < t.size()) {
        if (qi < d.quotes.size() && i >= d.quotes[qi].open) {
            if (!d.words.empty()) d.words.back().before_quote = true;
            for (std::size_t k = d.quotes[qi].open; k < d.quotes[qi].close && k < t.size(); ++k)
                if (t[k] == '\n' && k + 1 < t.size() && t[k + 1] == '\n') ++para;
            i = d.quotes[qi].close;
            ++qi;
            after_quote = true;
            continue;
        }
        if (std::size_t sl = space_len(t, i); sl > 1) {
            i += sl;
            continue;
        }
        if (is_space(static_cast<unsigned char>(t[i]))) {
            if (t[i] == '\n' && i + 1 < t.size() && t[i + 1] == '\n') {
                ++para;
                // A paragraph ends a sentence, unless it ended with a quotation: then the
                // last word before the quote still leads into it ("X said: “...”").
                // Nor when it ends on a colon: "Cruz continued:" introduces the next paragraph.
                std::size_t k = i;
                while (k > 0 && (t[k - 1] == ' ' || t[k - 1] == '\t')) --k;
                bool colon = k > 0 && t[k - 1] == ':';
                if (!d.words.empty() && !after_quote && !colon) d.words.back().stop = true;
                after_quote = false;
            }
            ++i;
            continue;
        }
        std::size_t b = i;
        while (i < t.size() && space_len(t, i) == 0 && !(qi < d.quotes.size() && i >= d.quotes[qi].open))
            ++i;
        // A short parenthetical ("(D-S.C.)", "(Reuters)") is skipped; its trailing
        // punctuation belongs to the word before it.
        if (t[b] == '(') {
            std::size_t close = t.find(')', b);
            std::size_t words_in = 0;
            for (std::size_t k = b; k < close && close != std::string_view::npos; ++k) words_in += t[k] == ' ';
            if (close != std::string_view::npos && words_in < 6 && t.substr(b, close - b).find('\n') == std::string_view::npos &&
                !(qi < d.quotes.size() && d.quotes[qi].open < close)) {
                i = close + 1;
                while (i < t.size() && !is_space(static_cast<unsigned char>(t[i])) &&
                       !(qi < d.quotes.size() && i >= d.quotes[qi].open)) {
                    if (!d.words.empty()) {
                        if (t[i] == ',' || t[i] == ';' || t[i] == ':') d.words.back().comma = true;
                        if (t[i] == '.' || t[i] == '!' || t[i] == '?') d.words.back().stop = true;
                    }
                    ++i;
                }
                continue;
            }
        }
        Word w;
        w.b = b;
        w.e = i;
        w.core = strip_word(t.substr(b, i - b), w.comma, w.stop);
        {
            std::string_view raw = t.substr(b, i - b);
            w.poss = raw.find("\xE2\x80\x99s") != std::string_view::npos || raw.find("'s") != std::string_view::npos;
            w.poss = w.poss && w.core.find("'s") == std::string::npos && w.core.find("\xE2\x80\x99s") == std::string::npos;
            w.initial = w.core.size() == 1 && std::isupper(static_cast<unsigned char>(w.core[0])) &&
                        raw.find('.') != std::string_view::npos;
            if (!w.core.empty() && std::isupper(static_cast<unsigned char>(w.core[0]))) {
                std::string l = w.core;
                l[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(l[0])));
                w.cap_cue = kCues.count(l) > 0;
            }
        }
        w.cap = starts_upper(w.core);
        w.after_quote = after_quote;
        w.para = para;
        after_quote = false;
        if (w.core.empty()) {
            if (!d.words.empty()) d.words.back().comma |= w.comma, d.words.back().stop |= w.stop;
            continue;
        }
        // "the No. 2 in the party": an abbreviation before a number ends no sentence
        if (!d.words.empty() && d.words.back().stop && std::isdigit(static_cast<unsigned char>(w.core[0])) &&
            (d.words.back().core == "No" || d.words.back().core == "Nos" || d.words.back().core == "no"))
            d.words.back().stop = false;
        d.words.push_back(std::move(w));
    }
}

bool name_word(const Word& w) {
    if (!w.cap) return kParticles.count(w.core) > 0 || w.core == "of" || w.core == "for";
    return true;
}

std::string join(const std::vector<Word>& ws, std::size_t b, std::size_t e) {
    std::string out;
    for (std::size_t i = b; i < e; ++i) {
        if (!out.empty()) out += ' ';
        out += ws[i].core == "t" ? "'t" : ws[i].core;  // "Sophie in 't Veld" (the mark was stripped)
    }
    return out;
}

struct Mention {
    std::string name;
    std::string role;
    std::string kind = "person";
    bool pronoun = false;
    bool named = true;  ///< false for a noun phrase ("the commission", "officials")
};

// A plural common noun opening a sentence ("Officials said"): not a name.
bool common_plural(std::string_view w) {
    std::string l(w);
    for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (kCommonPlurals.count(l)) return true;
    for (std::string_view suf : {"ologists", "ists", "ians"})
        if (l.size() > suf.size() + 2 && l.ends_with(suf)) return true;
    return false;
}

// People who speak for an organisation named after a preposition that follows them, opening
// their sentence: "Officials at the Harbor Board", "A spokeswoman for Coastal Sailors". k is
// the word of the preposition; true when the word before it is such a noun.
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

std::optional<Mention> split_run(const std::vector<Word>& ws, std::size_t b, std::size_t e);
std::size_t run_start(const std::vector<Word>& ws, std::size_t e);

// The noun phrase "the commission" / "one questioner" / "the Indiana governor" ending at word p-1.
std::optional<Mention> noun_phrase(std::string_view text, const std::vector<Word>& ws, std::size_t p) {
    const Word& head = ws[p - 1];
    if (head.cap || head.comma || head.stop || head.before_quote || kCues.count(head.core) ||
        kFunctionWords.count(head.core) || kAdverbs.count(head.core))
        return std::nullopt;
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
            if (kOrgDocuments.count(head.core) && p >= 2 && ws[p - 2].cap && d + 1 < p - 1) {
                std::string org;
                bool org_like = false;
                for (std::size_t k = d + 1; k + 1 < p; ++k) {
                    if (!ws[k].cap) { org.clear(); org_like = false; continue; }
                    if (!org.empty()) org += ' ';
                    org += ws[k].core;
                    bool acronym = ws[k].core.size() >= 2;
                    for (char ch : ws[k].core) acronym &= std::isupper(static_cast<unsigned char>(ch)) || ch == '.';
                    org_like |= acronym || kOrgWords.count(ws[k].core);
                }
                if (!org.empty() && org_like) return Mention{org, "", "organization", false, true};
            }
            Mention m;
            std::string np(text.substr(w.b, head.e - w.b));
            np[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(np[0])));
            m.name = np;
            m.named = false;
            std::string h = head.core;
            m.kind = kPersonNouns.count(h) ? "person" : "organization";
            return m;
        }
        if (w.cap && w.poss && d + 1 < p) {
            // "Ida Brandt's letter said": a document speaks for its owner; "Brandt's lawyers said":
            // the owner's people, unnamed.
            std::size_t ob = run_start(ws, d + 1);
            bool opens = ob == 0 || ws[ob - 1].stop || ws[ob - 1].para != head.para || ws[ob].after_quote ||
                         kDeterminers.count(ws[ob - 1].core);
            if (!opens) return std::nullopt;
            if (kDocuments.count(head.core) && d + 4 > p)
                if (auto owner = split_run(ws, ob, d + 1)) return owner;
            Mention m;
            m.name = std::string(text.substr(ws[ob].b, head.e - ws[ob].b));
            m.named = false;
            m.kind = kPersonNouns.count(head.core) || common_plural(head.core) ? "person" : "organization";
            return m;
        }
        if (kCues.count(w.core) || kPronouns.count(w.core) || w.core == "that" || w.core == "and" || w.core == "who")
            return std::nullopt;
    }
    return std::nullopt;
}

// A title, or titles joined by hyphens ("Secretary-Treasurer", "Vice-Chairman").
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

// A run of capitalised words [b, e): split the title/role in front from the name.
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
    while (b < e && ((kStops.count(ws[b].core) && !kNationality.count(ws[b].core)) || kHonorifics.count(ws[b].core) ||
                     kLeadingVerbs.count(ws[b].core) || (b == run_b && cue_verb(b)) || gerund(b)))
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
    if (has_title && of_after_title != e && of_after_title > last_title + 1) {
        // "Rep. Elijah Cummings of Maryland": the of-phrase after the name is a place.
        e = of_after_title;
        of_after_title = e;
    } else if (!has_title) {
        // "Phil Smith of the union": no title; the name ends before "of".
        for (std::size_t i = b; i < e; ++i)
            if (ws[i].core == "of" || ws[i].core == "for") { e = i; break; }
    }
    if (has_title) {
        name_b = of_after_title != e ? std::max(of_after_title + 1, e >= 2 ? e - 2 : b) : last_title + 1;
        std::size_t rb = b;
        while (rb < name_b && kHonorifics.count(ws[rb].core)) ++rb;
        if (rb < name_b) m.role = join(ws, rb, name_b);
    }
    while (name_b < e && (kHonorifics.count(ws[name_b].core) || kNationality.count(ws[name_b].core) || !ws[name_b].cap)) ++name_b;
    // "House Republican Tom Okafor", "Portville Democrat Ann Lee": a party word inside the run
    // ends a description in front of the name.
    for (std::size_t i = e; i-- > name_b + 1;)
        if (kNationality.count(ws[i].core) && i + 1 < e && ws[i + 1].cap && !kStops.count(ws[i + 1].core)) {
            if (m.role.empty()) m.role = join(ws, name_b, i + 1);
            name_b = i + 1;
            break;
        }
    if (name_b >= e || e - name_b > 5) return std::nullopt;
    for (std::size_t i = name_b; i < e; ++i)
        if ((kStops.count(ws[i].core) && !ws[i].initial) || kPronouns.count(ws[i].core)) return std::nullopt;
    m.name = join(ws, name_b, e);
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
    return m;
}

// Capitalised run ending at word e-1 (going back, not across commas or sentence ends).
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

// A role worth replacing by a fuller one: none, "one of ...", or a bare title ("Rep").
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
    for (std::string_view cut : {" and ", " in ", " who ", " which ", " since ", " until "}) {
        std::size_t p = role.find(cut);
        // "in Washington" is where, not what; "agent in charge" is the role.
        if (cut == " in " && p != std::string::npos && p + 4 < role.size() && !std::isupper(static_cast<unsigned char>(role[p + 4])))
            continue;
        if (p != std::string::npos && p > 0) role.resize(p);
    }
    return role.size() > 160 ? std::string() : role;
}

// The appositive after a name that ends with a comma: words up to the next comma.
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

struct Event {
    std::size_t cue = 0;  // word index of the cue
    Mention who;
    bool by_pronoun = false;  ///< the subject was "he" / "she", resolved to who
};

// "Said Ellis: “...”": a cue verb opening its sentence, its subject right after it.
bool opening_cue(const std::vector<Word>& ws, std::size_t c) {
    const Word& w = ws[c];
    if (!w.cap || w.core.size() < 3 || kLeadingVerbs.count(w.core) || kParticiples.count(w.core)) return false;
    if (c > 0 && !ws[c - 1].stop && ws[c - 1].para == w.para) return false;
    return w.cap_cue && c + 1 < ws.size() && ws[c + 1].cap && ws[c + 1].para == w.para && !w.comma && !w.stop;
}

// The run starting at word b ends a place ("of Raleigh, N.C.", "from Columbia, South
// Carolina"): the word of the preposition, or npos.
std::size_t place_chain(const std::vector<Word>& ws, std::size_t b) {
    if (b == 0 || !ws[b - 1].comma || !ws[b - 1].cap || ws[b - 1].para != ws[b].para) return std::string::npos;
    std::size_t rs = b - 1;  // back over the capitalised words of the place ("Columbia,")
    while (rs > 0 && ws[rs - 1].cap && !ws[rs - 1].comma && !ws[rs - 1].stop && ws[rs - 1].para == ws[b].para) --rs;
    if (rs == 0 || rs >= b || !kPlaceChainPreps.count(ws[rs - 1].core) || ws[rs - 1].para != ws[b].para) return std::string::npos;
    // ... right after a name or its appositive ("Stacy Baker of", "Harry Bond, 30, of"), not in
    // an opening phrase ("this weekend in Washington, Marc Morial said").
    if (rs < 2 || !(ws[rs - 2].cap || ws[rs - 2].comma)) return std::string::npos;
    return rs - 1;
}

// After an inverted cue, a noun phrase that names no one: "said one former campaign staffer,
// who ...", "said the senior Cruz adviser." It runs from a determiner to a comma, a full stop,
// a relative word or a preposition, with no verb in it ("said the plan would fail" is none).
std::optional<Mention> inverted_noun_phrase(std::string_view text, const std::vector<Word>& ws, std::size_t b) {
    if (b >= ws.size() || !kInvertedDeterminers.count(ws[b].core)) return std::nullopt;
    std::size_t e = b + 1;
    for (; e < ws.size() && e < b + 7 && ws[e].para == ws[b].para; ++e) {
        if (kInvertedPhraseEnds.count(ws[e].core)) break;
        if (kInvertedPhraseVerbs.count(ws[e].core) || kCues.count(ws[e].core) || kPronouns.count(ws[e].core)) return std::nullopt;
        if (ws[e].comma || ws[e].stop) { ++e; break; }
    }
    if (e == b + 1 || e > ws.size()) return std::nullopt;
    const Word& head = ws[e - 1];
    bool closed = head.comma || head.stop || (e < ws.size() && kInvertedPhraseEnds.count(ws[e].core));
    // A capitalised head only after an indefinite article: "a Nevada Democrat" is nobody's name.
    bool indefinite = ws[b].core != "the";
    if (!closed || (head.cap && !indefinite) || kDeterminers.count(head.core)) return std::nullopt;
    Mention m;
    std::string np(text.substr(ws[b].b, head.e - ws[b].b));
    while (!np.empty() && (np.back() == ',' || np.back() == '.')) np.pop_back();
    m.name = np;
    m.named = false;
    m.kind = kPersonNouns.count(head.core) || kRoleNouns.count(head.core) ? "person" : "organization";
    return m;
}

// The subject of the cue at word c, if any.
std::optional<Mention> subject_of(std::string_view text, const std::vector<Word>& ws, std::size_t c) {
    const Word& cue = ws[c];
    if (kDashes.count(cue.core)) {
        // “...” ― Maria Lastra, 45, Miami
        if (!cue.after_quote || c + 1 >= ws.size() || !ws[c + 1].cap || ws[c + 1].para != cue.para) return std::nullopt;
        std::size_t e = run_end(ws, c + 1);
        return split_run(ws, c + 1, e);
    }
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
    if (kParticiples.count(cue.core) || coordinated) {
        // A name right before: "footage of Hillary Clinton asking, “...”", "with Cruz recently promising".
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
        // A cue earlier in the sentence gives its subject: "Ida Brandt said Tuesday in Portville,
        // noting ...".
        if (!coordinated && c > 0 && ws[c - 1].comma)
            for (std::size_t k = c; k-- > 0 && k + 15 > c;) {
                if (ws[k].stop || ws[k].para != cue.para || ws[k].before_quote) break;
                if (kCues.count(ws[k].core) && !kParticiples.count(ws[k].core) && ws[k].core != "called" &&
                    ws[k].core != "calls") {
                    // (named, a pronoun, or a noun phrase: "even a top aide said ..., saying")
                    if (auto m = subject_of(text, ws, k)) return m;
                    break;
                }
            }
        // The subject opening the sentence: "Rival Hillary Clinton had mocked it, saying ..."
        std::size_t b = c;
        while (b > 0 && !ws[b - 1].stop && ws[b - 1].para == cue.para && c - b < 40) --b;
        if (b == c) return std::nullopt;
        const std::size_t b0 = b;
        // "A spokesman for the Harbor Board declined ... but said": the organisation spoken for.
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
        while (b < c && kStops.count(ws[b].core) && !kPronouns.count(ws[b].core)) ++b;
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
            if (k >= c || k >= b + 6 || k + 1 >= c || !ws[k + 1].cap) return std::nullopt;
            b = k + 1;
            e = run_end(ws, b);
            if (e > c) return std::nullopt;
        }
        // (after "and" or a comma: "Brandt's metaphor is telling" is no attribution)
        bool owner_noun = e < c && ws[e - 1].poss && !ws[e].cap && ws[e].para == cue.para && !ws[e - 1].before_quote &&
                          (coordinated || ws[c - 1].comma);
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
            m.kind = kPersonNouns.count(ws[e].core) || common_plural(ws[e].core) ? "person" : "organization";
            return m;
        }
        if (e < c && !ws[e - 1].comma) {
            const std::string& next = ws[e].core;
            bool verb = kSubjectAuxiliaries.count(next) || kIrregularVerbsAfterSubject.count(next) ||
                        (!ws[e].cap && (next.ends_with("ed") || next.ends_with("s")));
            if (!verb) return std::nullopt;
            // "Harbor School fans also chanted": a plural noun after the name, then the verb
            if (!kSubjectAuxiliaries.count(next) && next.ends_with("s") && e + 1 < c && !ws[e].comma && !ws[e + 1].cap) {
                const std::string& after = ws[e + 1].core;
                if (kSubjectAuxiliaries.count(after) || kAdverbs.count(after) || after.ends_with("ed") || kCues.count(after)) {
                    Mention m;
                    m.name = std::string(text.substr(ws[b].b, ws[e].e - ws[b].b));
                    m.named = false;
                    m.kind = kPersonNouns.count(next) || common_plural(next) ? "person" : "organization";
                    auto sm = split_run(ws, b, e);  // without the article or an opening word
                    if (sm && b < e && !starts_upper(m.name.substr(0, 1))) return std::nullopt;
                    return m;
                }
            }
        }
        return split_run(ws, b, e);
    }
    if (cue.core == "according" || cue.core == "According") {
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
                m.name = std::string(text.substr(ws[c + 2].b, ws[e].e - ws[c + 2].b));
                while (!m.name.empty() && (m.name.back() == ',' || m.name.back() == '.' || m.name.back() == ':'))
                    m.name.pop_back();
                m.named = false;
                m.kind = kPersonNouns.count(ws[e].core) ? "person" : "organization";
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
    std::size_t p = c;
    // Adverbs between the subject and the cue: "has also said", "forcefully told".
    // ... and a day between them: "Priebus later Thursday told Fox News".
    auto ly_adverb = [&](std::size_t k) {
        if (ws[k].core.size() <= 4 || !ws[k].core.ends_with("ly")) return false;
        // (a noun in -ly after its owner or article: "Brandt's family said", "the family said")
        if (k > 0 && !ws[k - 1].comma && (ws[k - 1].poss || (kDeterminers.count(ws[k - 1].core) && kLyNouns.count(ws[k].core))))
            return false;
        return true;
    };
    while (p > 0 && !ws[p - 1].comma &&
           ((!ws[p - 1].cap && (kAdverbs.count(ws[p - 1].core) || ws[p - 1].core == "earlier" || ly_adverb(p - 1))) ||
            (kWeekdays.count(ws[p - 1].core) && p >= 2 && !ws[p - 2].comma)))
        --p;
    // "a newly formed group called Harbor 45": "called" names, it is no cue.
    if ((cue.core == "called" || cue.core == "dubbed" || cue.core == "named") && c + 1 < ws.size() && ws[c + 1].cap &&
        !cue.comma && !cue.before_quote && c > 0 && !ws[c - 1].comma)
        for (std::size_t k = c; k-- > 0 && k + 6 > c;) {
            if (ws[k].stop || ws[k].comma || ws[k].para != cue.para || kCues.count(ws[k].core)) break;
            if (ws[k].core == "a" || ws[k].core == "an" || ws[k].core == "A" || ws[k].core == "An") return std::nullopt;
        }
    // "Ida Brandt's fired campaign manager": after a possessive the cue word is no verb.
    if (p == c && p > 0 && ws[p - 1].poss && !ws[p - 1].comma && ws[p - 1].para == cue.para && !ws[p - 1].stop &&
        !ws[p - 1].before_quote && !cue.after_quote)
        return std::nullopt;
    if (p > 0 && ws[p - 1].para == cue.para && !ws[p - 1].stop) {
        const Word& prev = ws[p - 1];
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
        if (prev.cap && !prev.comma && !prev.before_quote) {
            std::size_t b = run_start(ws, p);
            // "another New Hampshire Republican added": an indefinite noun phrase, no name.
            if (b > 0 && kIndefinites.count(ws[b - 1].core) && ws[b - 1].para == cue.para && !ws[b - 1].comma) {
                Mention m;
                std::string np(text.substr(ws[b - 1].b, ws[p - 1].e - ws[b - 1].b));
                np[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(np[0])));
                m.name = np;
                m.named = false;
                return m;
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
                    if (w + 1 < b) return std::nullopt;
                    break;
                }
                if (!(x.cap || x.core == "and" || x.core == "or")) break;
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
            if (std::size_t of = place_chain(ws, b); of != std::string::npos && of > 0 && ws[of - 1].cap) {
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
            if (b < p) {
                auto m = split_run(ws, b, p);
                std::size_t bb = b > 0 && (ws[b - 1].core == "the" || ws[b - 1].core == "The") ? b - 1 : b;
                if (m && bb > 0 && ws[bb - 1].core == "at" && speaks_for_org(ws, bb - 1)) m->kind = "organization";
                return m;
            }
        }
        if (!prev.cap && !prev.comma)
            if (auto np = noun_phrase(text, ws, p)) return np;
        if (prev.comma && !prev.after_quote && prev.cap) {
            // "the mayor, NAME, said": the name is the appositive, the role comes before it.
            std::size_t b = run_start(ws, p);
            // (a lowercase word or two may lead the name: "Scott's niece, state Del. Marcia Price,")
            std::size_t lead = b;
            while (lead > 0 && lead + 2 > b && !ws[lead - 1].cap && !ws[lead - 1].comma && !ws[lead - 1].stop &&
                   ws[lead - 1].para == cue.para && !kCues.count(ws[lead - 1].core))
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
        }
        if (prev.comma && !prev.after_quote) {
            // "NAME, a ROLE, said": find the name ending in a comma before the appositive.
            // Up to four comma-separated segments back: "Scott Pruitt, the attorney general
            // of Oklahoma, one of the states suing the EPA, said".
            int segments = 0;
            for (std::size_t j = p - 1; j-- > 0 && j + 45 > p;) {
                if (ws[j].para != cue.para || ws[j].stop || ws[j].before_quote) break;
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
                if (b > 0 && !ws[b - 1].stop && !ws[b - 1].comma && ws[b - 1].para == cue.para && !ws[b - 1].after_quote &&
                    !ws[b].after_quote && !opener &&
                    !kRoleNouns.count(ws[b - 1].core) && !kDeterminers.count(ws[b - 1].core))
                    continue;  // the run is inside a clause ("... suing the EPA,"), not a subject
                if (b > 1 && kDeterminers.count(ws[b - 1].core) && kObjectPreps.count(ws[b - 2].core) && ws[b - 2].para == cue.para)
                    continue;  // "director of the House Majority PAC,": the object of a preposition
                std::size_t end;
                std::string r = appositive(text, ws, j + 1, end);
                if (m->role.empty()) m->role = r;
                return m;
            }
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
                    m.kind = kPersonNouns.count(ws[h].core) || kRoleNouns.count(ws[h].core) ? "person" : "organization";
                    return m;
                }
            }
        }
    }
    // Inverted: ', said NAME, a ROLE' / '” said NAME'.
    bool inverted = cue.after_quote || (p > 0 && ws[p - 1].comma) || opening_cue(ws, c);
    // "..., told MSNBC": the name after "told" is who was told, never the speaker.
    if (cue.core == "told" || cue.core == "tells") inverted = false;
    if (inverted && !cue.stop && !cue.comma && c + 1 < ws.size() && ws[c + 1].para == cue.para) {
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
        if (!m && e + 1 < ws.size() && e > b && ws[e].core == "and" && ws[e + 1].cap && ws[e + 1].para == cue.para &&
            !ws[e - 1].comma && title_word(ws[e - 1].core)) {
            std::size_t e2 = run_end(ws, e + 1);
            if (auto m2 = split_run(ws, e + 1, e2); m2 && m2->kind == "person" && !m2->role.empty()) {
                m2->role = clean_role(std::string(text.substr(ws[b].b, ws[e - 1].e - ws[b].b))) + " and " + m2->role;
                m = m2;
                e = e2;
            }
        }
        // "said MSNBC host Chris Matthews", "said Clinton press secretary Ann Ruiz": an outlet
        // or employer and a role noun in front of the name.
        std::size_t rel = e;  // "Rubio's deputy campaign manager," : the relation noun with its comma
        while (rel < ws.size() && rel < e + 3 && !ws[rel].cap && !ws[rel].comma && !ws[rel].stop) ++rel;
        if (e > b && ws[e - 1].poss && rel + 1 < ws.size() && !ws[rel].cap && ws[rel].comma && kRoleNouns.count(ws[rel].core)) {
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
            while (k < ws.size() && k < e + 3 && !ws[k].cap && !ws[k].comma && !ws[k].stop && ws[k].para == cue.para &&
                   !kJoinWords.count(ws[k].core) && !kDeterminers.count(ws[k].core))
                ++k;
            if (k > e && k < ws.size() && ws[k].cap && ws[k].para == cue.para) {
                // A role noun ("host"), or any noun before a name given in full ("Virginia
                // delegate Beau Correll", "Blaze co-host Stu Burguiere").
                const std::string& noun = ws[k - 1].core;
                bool role = kRoleNouns.count(noun) ||
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
    return std::nullopt;
}

// Words as the scorer and the searcher count them: a hyphen parts words ("well-paid" is two).
std::size_t count_words(std::string_view inner) {
    std::size_t words = 0;
    bool in_word = false;
    for (unsigned char c : inner) {
        bool w = std::isalnum(c) || c >= 0x80;
        if (w && !in_word) ++words;
        in_word = w;
    }
    return words;
}

// Words someone said, not a term in quotes: one word (would be “improper”, the
// “deplorables”, a “Stalinist.”) is a term, unless it is an answer or a cry set off by its
// attribution (“No,” said the senator; “Disgraceful!” he wrote).
bool reads_as_speech(std::string_view inner) {
    if (count_words(inner) >= 2) return true;
    // Trailing space first: counting the leading marks of "(      " over the untrimmed text
    // put b past the end of the trimmed one (substr threw, and the whole run stopped).
    while (!inner.empty() && is_space(static_cast<unsigned char>(inner.back()))) inner.remove_suffix(1);
    std::size_t b = 0;
    while (b < inner.size() && !std::isalnum(static_cast<unsigned char>(inner[b])) &&
           static_cast<unsigned char>(inner[b]) < 0x80)
        ++b;
    if (b == inner.size() || !starts_upper(inner.substr(b))) return false;
    if (inner.back() == '!' || inner.back() == '?') return true;
    // One word closing on a comma is an answer (“No,” said the senator), not a name or a label
    // (“Portville,” “Savage,”).
    if (inner.back() != ',') return false;
    std::string w(inner.substr(b, inner.size() - 1 - b));
    for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return kAnswers.count(w) > 0;
}

// Nothing but white space, a paragraph start or a sentence end before byte @p at.
bool opens_sentence(std::string_view text, std::size_t at) {
    while (at > 0 && (is_space(static_cast<unsigned char>(text[at - 1])) ||
                      (at >= 2 && static_cast<unsigned char>(text[at - 2]) == 0xC2 &&
                       static_cast<unsigned char>(text[at - 1]) == 0xA0))) {
        if (text[at - 1] == '\n') return true;
        at -= static_cast<unsigned char>(text[at - 1]) == 0xA0 ? 2 : 1;
    }
    if (at == 0 || text[at - 1] == '.' || text[at - 1] == '!' || text[at - 1] == '?' || text[at - 1] == ':' ||
        text[at - 1] == '"')
        return true;
    // a closing curly mark: “...” “No!”
    return at >= 3 && text.substr(at - 3, 3) == "\xE2\x80\x9D";
}

// A name in capitals, every word but the small ones capitalised ("Meet the Press").
bool title_case(std::string_view inner) {
    std::size_t words = 0, significant = 0, capped = 0;
    for (std::size_t k = 0; k < inner.size(); ++k) {
        if (is_space(static_cast<unsigned char>(inner[k])) || (k > 0 && !is_space(static_cast<unsigned char>(inner[k - 1]))))
            continue;
        std::size_t end = k;
        while (end < inner.size() && !is_space(static_cast<unsigned char>(inner[end]))) ++end;
        std::string_view word = inner.substr(k, end - k);
        ++words;
        if (kTitleSmallWords.count(word)) continue;
        ++significant;
        capped += starts_upper(word) || !std::isalpha(static_cast<unsigned char>(word[0]));
    }
    return words <= 6 && significant > 0 && capped == significant;
}

// A name in capitals after "on", "told", "during" ...: a programme or an event
// (on “Morning Joe”, told “Fox News Sunday”), not words said.
bool programme_title(std::string_view text, const QuoteSpan& q) {
    std::string_view inner = text.substr(q.start, q.end - q.start);
    std::size_t e = q.open;
    while (e > 0 && is_space(static_cast<unsigned char>(text[e - 1]))) --e;
    std::size_t b = e;
    while (b > 0 && !is_space(static_cast<unsigned char>(text[b - 1]))) --b;
    std::string prev(text.substr(b, e - b));
    for (char& c : prev) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!title_case(inner)) return false;
    if (kProgrammeLeads.count(prev)) return true;
    // on NBC's “Meet the Press”
    return prev.ends_with("\xE2\x80\x99s") || prev.ends_with("'s");
}

std::string_view last_word(std::string_view name) {
    std::size_t sp = name.rfind(' ');
    return sp == std::string_view::npos ? name : name.substr(sp + 1);
}

}  // namespace

std::vector<QuoteSpan> find_quotes(std::string_view t) {
    std::vector<QuoteSpan> out;
    std::size_t i = 0;
    while (i < t.size()) {
        bool op, cl;
        std::size_t len = mark_len(t, i, op, cl);
        if (!len || !op) { ++i; continue; }
        QuoteSpan q;
        q.open = i;
        q.start = i + len;
        std::size_t j = q.start;
        bool done = false;
        // A curly quote inside a curly quote (“... what he calls “hell” than ...”) nests: the
        // outer one closes at its own mark.
        const bool curly = len == 3 && static_cast<unsigned char>(t[i + 2]) == 0x9C;
        int depth = 0;
        while (j < t.size() && !done) {
            bool o2, c2;
            std::size_t l2 = mark_len(t, j, o2, c2);
            if (curly && l2 == 3 && o2 && static_cast<unsigned char>(t[j + 2]) == 0x9C) {
                ++depth;
                j += l2;
                continue;
            }
            if (l2 && c2 && depth > 0 && l2 == 3) {
                --depth;
                j += l2;
                continue;
            }
            if (l2 && c2) {
                q.end = j;
                q.close = j + l2;
                done = true;
                break;
            }
            if (t[j] == '\n' && j + 1 < t.size() && t[j + 1] == '\n') {
                // Paragraph ends inside the quote: it goes on only if the next paragraph reopens.
                std::size_t k = j;
                while (k < t.size() && is_space(static_cast<unsigned char>(t[k]))) ++k;
                bool o3, c3;
                std::size_t l3 = k < t.size() ? mark_len(t, k, o3, c3) : 0;
                if (l3 && o3) { j = k + l3; continue; }
                break;
            }
            j += l2 ? l2 : 1;
        }
        if (!done) { i = q.start; continue; }
        if (q.end > q.start) out.push_back(q);
        i = q.close;
    }
    return out;
}

void extract_speakers(Article& a) {
    if (a.language == "zh") {
        extract_speakers_zh(a);
        return;
    }
    Doc d;
    d.text = a.text;
    d.quotes = find_quotes(a.text);
    // A nickname in quotes inside a name (Marcia "Cia" Price) is part of the name, not a quote.
    std::erase_if(d.quotes, [&](const QuoteSpan& q) {
        std::string_view inner = d.text.substr(q.start, q.end - q.start);
        if (inner.empty() || inner.size() > 20 || !starts_upper(inner) || inner.find_first_of(" .,;:!?") != std::string_view::npos)
            return false;
        bool cap_before = q.open >= 2 && d.text[q.open - 1] == ' ' && std::isalpha(static_cast<unsigned char>(d.text[q.open - 2]));
        if (cap_before) {
            std::size_t b = q.open - 1;
            while (b > 0 && !is_space(static_cast<unsigned char>(d.text[b - 1]))) --b;
            cap_before = starts_upper(d.text.substr(b));
        }
        bool cap_after = q.close + 1 < d.text.size() && d.text[q.close] == ' ' && starts_upper(d.text.substr(q.close + 1));
        return cap_before && cap_after;
    });
    build_words(d);
    const auto& ws = d.words;
    // split_run is asked about the same runs again and again (subjects, inheritance, colons).
    std::unordered_map<std::uint64_t, std::optional<Mention>> split_memo;
    auto split = [&](std::size_t b, std::size_t e) -> std::optional<Mention> {
        const std::uint64_t key = (static_cast<std::uint64_t>(b) << 32) | static_cast<std::uint64_t>(e);
        auto it = split_memo.find(key);
        if (it == split_memo.end()) it = split_memo.emplace(key, split_run(ws, b, e)).first;
        return it->second;
    };

    std::set<std::string> excluded;  // authors and the outlet are never speakers
    for (const std::string& au : a.authors) excluded.insert(au);
    if (!a.source.empty()) excluded.insert(a.source);

    // Persons and organisations: title-led runs, and later the speakers.
    struct Named { std::size_t word; std::string name; std::string kind; };
    // One pass over the runs of capitalised words (split_run is the costly part):
    // - named: title-led persons and organisations;
    // - candidates: every run of 2-4 capitalised words that reads as a person, the full names
    //   that surnames resolve to;
    // - mentions: every person mention that can be the antecedent of a subject pronoun: full
    //   names, and surnames with a title or honorific ("Mr. Obama"), but not objects of a
    //   preposition.
    std::vector<Named> named, candidates, mentions;
    std::unordered_set<std::string> mention_surnames;
    // Names written as places: "in Portville", "in South Lake" (not "in Brandt's plan"), never
    // the antecedent of "he" or "she", and when they speak, they speak for a state.
    std::unordered_set<std::string> places, titled_names;
    for (std::size_t i = 0; i < ws.size();) {
        if (!ws[i].cap) { ++i; continue; }
        std::size_t e = run_end(ws, i);
        if (e <= i) { ++i; continue; }
        auto m = split(i, e);
        if (!m || excluded.count(m->name)) { i = e; continue; }
        const std::size_t words = std::count(m->name.begin(), m->name.end(), ' ') + 1;
        bool titled_run = false;
        for (std::size_t k = i; k < e; ++k) titled_run |= kTitles.count(ws[k].core) || kHonorifics.count(ws[k].core);
        // Other signs of a person: a role noun just before ("the arbitrator Harriet Lowe",
        // "chief executive, Hannah Leigh"), or an appositive or age just after
        // ("Manpreet Gill, an almond grower", "Maria Lastra, 45,").
        bool titled = titled_run;
        if (i > 0 && ws[i - 1].para == ws[i].para && !ws[i - 1].stop && kRoleNouns.count(ws[i - 1].core)) titled = true;
        if (e < ws.size() && ws[e - 1].comma && ws[e].para == ws[e - 1].para &&
            (ws[e].core == "a" || ws[e].core == "an" || ws[e].core == "who" ||
             (!ws[e].core.empty() && std::isdigit(static_cast<unsigned char>(ws[e].core[0])) && ws[e].core.size() <= 3)))
            titled = true;
        if (m->kind == "organization" && words >= 2) named.push_back({i, m->name, m->kind});
        else if (m->kind == "person" && titled && words >= 2 && words <= 5) named.push_back({i, m->name, m->kind});
        if (m->kind == "person" && words >= 2 && words <= 4) candidates.push_back({i, m->name, m->kind});
        if (m->kind == "person") {
            bool object = i > 0 && ws[i - 1].para == ws[i].para && !ws[i - 1].stop && kObjectLeads.count(ws[i - 1].core);
            // ... through one modifier: "in upstate Portville", "from rural Lake County"
            object |= i > 1 && !ws[i - 1].cap && !ws[i - 1].comma && !ws[i - 1].stop && !ws[i - 2].comma &&
                      !ws[i - 2].stop && ws[i - 2].para == ws[i].para && kPlaceModifierPreps.count(ws[i - 2].core) &&
                      !kRoleNouns.count(ws[i - 1].core) && !kDeterminers.count(ws[i - 1].core) &&
                      !ws[i - 1].core.ends_with("s");
            // "the Islamic State", "The White House": a thing, not a person.
            object |= ws[i].core == "The" || (i > 0 && ws[i - 1].core == "the" && ws[i - 1].para == ws[i].para);
            bool known = mention_surnames.count(m->name) > 0;  // "Ham" after "Norman Ham"
            if (i > 0 && kInWords.count(ws[i - 1].core) && ws[i - 1].para == ws[i].para && !ws[i - 1].stop &&
                !ws[e - 1].poss && !titled_run)
                places.insert(m->name);
            // (a title, or a role noun right before: a person)
            if (titled_run || (i > 0 && ws[i - 1].para == ws[i].para && !ws[i - 1].stop && kRoleNouns.count(ws[i - 1].core)))
                titled_names.insert(m->name);
            if (!object && (words >= 2 || titled_run || known)) {
                mentions.push_back({i, m->name, m->kind});
                mention_surnames.insert(std::string(last_word(m->name)));
            }
        }
        i = e;
    }
    for (const std::string& t : titled_names) places.erase(t);

    // What the text itself says of a person's sex, to keep "she" from a man: an honorific
    // ("Mr. Ruiz", "Ms. Lee"), or the first he/his or she in the sentence that opens with the
    // name ("Tom Ruiz made it clear that his ...").
    std::map<std::string, char, std::less<>> sex;  // surname -> 'm' / 'f'
    for (std::size_t i = 0; i + 1 < ws.size(); ++i) {
        if ((kMaleHonorifics.count(ws[i].core) || kFemaleHonorifics.count(ws[i].core)) && ws[i + 1].cap)
            sex.emplace(ws[i + 1].core, kMaleHonorifics.count(ws[i].core) ? 'm' : 'f');
    }
    // ... or a gendered noun in the appositive after the name or just before it ("Keith Scott,
    // a 43-year-old black man,", "spokeswoman Ann Lee").
    for (const Named& n : mentions) {
        std::size_t e = n.word;
        while (e < ws.size() && ws[e].cap && !ws[e].comma && e < n.word + 6) ++e;
        auto mark = [&](const std::string& w) {
            if (kMaleNouns.count(w)) sex.emplace(last_word(n.name), 'm');
            else if (kFemaleNouns.count(w)) sex.emplace(last_word(n.name), 'f');
        };
        if (n.word > 0 && ws[n.word - 1].para == ws[n.word].para && !ws[n.word - 1].stop) mark(ws[n.word - 1].core);
        if (e < ws.size() && ws[e].comma && ws[e].cap)
            for (std::size_t k = e + 1; k < ws.size() && k < e + 9 && ws[k].para == ws[e].para; ++k) {
                mark(ws[k].core);
                if (ws[k].comma || ws[k].stop) break;
            }
    }
    std::unordered_set<std::size_t> mention_at;  // words where a person mention starts
    for (const Named& n : mentions) mention_at.insert(n.word);
    for (const Named& n : mentions) {
        if (!(n.word == 0 || ws[n.word - 1].stop || ws[n.word - 1].para != ws[n.word].para)) continue;
        for (std::size_t k = n.word + 1; k < ws.size() && k < n.word + 25 && ws[k].para == ws[n.word].para; ++k) {
            const std::string& w = ws[k].core;
            // (nor after another person named in between: "Ann Lee met Tom Okafor after he ...")
            if (mention_at.count(k)) break;
            // (not "him" or "her", more often someone else: "McCaskill scolded him"; nor an
            // attribution inside the sentence: "South Carolina, he said, was ...")
            if ((w == "he" || w == "she") && k + 1 < ws.size() && kCues.count(ws[k + 1].core)) break;
            if (w == "he" || w == "his") { sex.emplace(last_word(n.name), 'm'); break; }
            if (w == "she") { sex.emplace(last_word(n.name), 'f'); break; }
            if (w == "him" || w == "her") break;
            if (ws[k].stop) break;
        }
    }
    auto agrees = [&](const std::string& name, const std::string& pronoun) {
        auto it = sex.find(last_word(name));
        if (it == sex.end()) return true;
        bool he = pronoun == "he" || pronoun == "He", she = pronoun == "she" || pronoun == "She";
        return !((he && it->second == 'f') || (she && it->second == 'm'));
    };

    std::vector<Event> events;
    for (std::size_t c = 0; c < ws.size(); ++c) {
        // "as The New Yorker put it, “...”": "put it" is a cue.
        bool put_it = ws[c].core == "put" && c + 1 < ws.size() && ws[c + 1].core == "it";
        // "“...,” Ida Brandt went on." / "She went on: “...”": going on speaking.
        put_it |= ws[c].core == "went" && c + 1 < ws.size() && ws[c + 1].core == "on" &&
                  (ws[c + 1].comma || ws[c + 1].stop || ws[c + 1].before_quote);
        if (!kCues.count(ws[c].core) && ws[c].core != "according" && ws[c].core != "According" && !kParticiples.count(ws[c].core) &&
            !kDashes.count(ws[c].core) && !opening_cue(ws, c) && !put_it)
            continue;
        if (auto m = subject_of(d.text, ws, c); m && !excluded.count(m->name)) events.push_back({c, *m});
    }

    // A name of two words or more that is the subject of a cue is a person after all ("faith in
    // Tom Okafor ... Tom Okafor said"); the other places are no antecedents.
    for (const Event& ev : events)
        if (ev.who.named && !ev.who.pronoun && ev.who.name.find(' ') != std::string::npos) places.erase(ev.who.name);
    std::erase_if(mentions, [&](const Named& n) { return places.count(n.name) > 0; });
    // Resolve: pronouns to the last named subject, surnames to full names met before.
    std::vector<std::string> full_names, event_names;
    auto resolve = [&](std::size_t at_word, Mention m) -> Mention {
        if (m.kind != "person") return m;
        for (const auto* list : {&named, &candidates})
            for (const Named& n : *list)
                if (n.word <= at_word && n.kind == "person" && n.name.find(' ') != std::string::npos &&
                    std::find(full_names.begin(), full_names.end(), n.name) == full_names.end())
                    full_names.push_back(n.name);
        if (m.name.find(' ') == std::string::npos) {
            // A surname (or, for names written family name first, any name word).
            bool found = false;
            for (auto it = full_names.rbegin(); it != full_names.rend() && !found; ++it)
                if (last_word(*it) == m.name) m.name = *it, found = true;
            // Family name first ("Yu" for "Yu Haibin"): only a name already quoted or cited.
            for (auto it = event_names.rbegin(); it != event_names.rend() && !found; ++it)
                if (it->starts_with(m.name + " ") || it->find(" " + m.name + " ") != std::string::npos)
                    m.name = *it, found = true;
        } else if (std::find(full_names.begin(), full_names.end(), m.name) == full_names.end()) {
            // "Rival Hillary Clinton": a capitalised word in front of a name met elsewhere.
            std::size_t sp = m.name.find(' ');
            std::string shorter = m.name.substr(sp + 1);
            if (shorter.find(' ') != std::string::npos &&
                std::find(full_names.begin(), full_names.end(), shorter) != full_names.end())
                m.name = shorter;
            else
                full_names.push_back(m.name);
        }
        if (m.name.find(' ') != std::string::npos) event_names.push_back(m.name);
        return m;
    };
    std::optional<Mention> last_named;
    std::size_t last_named_at = 0;  // the word where last_named was named
    for (Event& ev : events) ev.by_pronoun = ev.who.pronoun && ev.who.kind == "person";
    for (Event& ev : events) {
        if (ev.who.pronoun && ev.who.kind == "organization") {
            // "it": the last organisation or document that was a source or was named.
            std::optional<Mention> org;
            std::size_t at = 0;
            for (const Event& prior : events) {
                if (prior.cue >= ev.cue) break;
                if (!prior.who.pronoun && prior.who.kind == "organization" && !prior.who.name.empty())
                    org = prior.who, at = prior.cue;
            }
            for (const Named& n : named)
                if (n.kind == "organization" && n.word < ev.cue && (!org || n.word > at))
                    org = Mention{n.name, "", "organization", false, true}, at = n.word;
            if (org) ev.who = *org;
            else ev.who.name.clear();
            continue;
        }
        if (ev.who.pronoun && (ev.who.name == "he" || ev.who.name == "she" || ev.who.name == "He" || ev.who.name == "She")) {
            // "Though she called the fee “unfair,” Ida Brandt restricted her comments": a pronoun in
            // an opening clause stands for the subject of the main clause after it.
            std::size_t pi = ev.cue;
            while (pi > 0 && pi + 4 > ev.cue && !kPronouns.count(ws[pi - 1].core)) --pi;
            if (pi >= 2 && kPronouns.count(ws[pi - 1].core) && kOpeningSubordinators.count(ws[pi - 2].core) &&
                (pi == 2 || ws[pi - 3].stop || ws[pi - 3].para != ws[pi - 2].para)) {
                // (the clause ends at a comma, or at a quote closing on one: “... sailors,” Ida Brandt)
                auto clause_end = [&](std::size_t k) {
                    if (ws[k].comma) return true;
                    if (!ws[k].before_quote || k + 1 >= ws.size() || !ws[k + 1].after_quote) return false;
                    std::string_view gap = d.text.substr(ws[k].e, ws[k + 1].b - ws[k].e);
                    return gap.find(",\xE2\x80\x9D") != std::string_view::npos || gap.find(",\"") != std::string_view::npos;
                };
                std::size_t k = ev.cue;
                while (k < ws.size() && k < ev.cue + 30 && !clause_end(k) && !ws[k].stop && ws[k].para == ws[pi].para) ++k;
                if (k + 2 < ws.size() && clause_end(k) && !ws[k].stop && ws[k + 1].cap && ws[k + 1].para == ws[pi].para) {
                    std::size_t e = run_end(ws, k + 1);
                    auto sm = e < ws.size() && !ws[e - 1].comma && !ws[e - 1].poss && !ws[e].cap ? split(k + 1, e)
                                                                                             : std::nullopt;
                    if (sm && sm->kind == "person" && agrees(sm->name, ev.who.name) && !excluded.count(sm->name)) {
                        Mention m = resolve(k + 1, *sm);
                        ev.who = m;
                        ev.who.role.clear();
                        last_named = m;
                        last_named_at = k + 1;
                        continue;
                    }
                }
            }
        }
        if (ev.who.pronoun) {
            if (!last_named) {
                // Nobody quoted yet: the pronoun stands for the last person named before it
                // ("Gen. Norman Ham is speaking out ... “...,” he said").
                // The person mentioned most often so far, not counting objects of a preposition
                // ("under President Barack Obama"); a tie goes to the latest.
                std::map<std::string, std::pair<int, std::size_t>> count;  // surname -> (mentions, last word)
                for (const Named& n : mentions) {
                    if (n.word >= ev.cue) break;
                    if (!agrees(n.name, ev.who.name)) continue;  // "she" is not Keith Scott
                    auto& [k, at] = count[std::string(last_word(n.name))];
                    ++k, at = n.word;
                }
                std::string best;
                std::pair<int, std::size_t> best_score{0, 0};
                for (const auto& [surname, score] : count)
                    if (score > best_score) best_score = score, best = surname;
                if (best.empty()) {
                    // No named person fits: a person described by a noun of the pronoun's sex ("The
                    // wife of a man shot by police recorded ... “...,” she says") is the source,
                    // unnamed.
                    const bool she = ev.who.name == "she" || ev.who.name == "She";
                    const WordList& nouns = she ? kFemaleNouns : kMaleNouns;
                    ev.who.name.clear();
                    for (std::size_t k = ev.cue; k-- > 0 && k + 300 > ev.cue;) {
                        if (!nouns.count(ws[k].core) || k == 0) continue;
                        // (the writer's own: "my father", "My mother")
                        auto det = [&](const std::string& w) {
                            return kDeterminers.count(w) || w == "my" || w == "My" || w == "your" || w == "Your";
                        };
                        std::size_t d0 = k - 1;
                        if (!ws[d0].cap && !det(ws[d0].core) && !ws[d0].poss && d0 > 0) --d0;
                        if (det(ws[d0].core) || ws[d0].poss) {
                            std::string np = std::string(d.text.substr(ws[d0].b, ws[k].e - ws[d0].b));
                            while (!np.empty() && (np.back() == ',' || np.back() == '.')) np.pop_back();
                            if (det(ws[d0].core))
                                np[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(np[0])));
                            ev.who = Mention{np, "", "person", false, false};
                        }
                        break;
                    }
                    continue;
                }
                Mention m{best, "", "person", false, true};
                for (const Named& n : mentions)
                    if (n.word < ev.cue && last_word(n.name) == best && n.name.size() > m.name.size()) m.name = n.name;
                last_named = m;
            } else {
                // A person opening a sentence after the last speaker was named takes over:
                // "Ann Lee said X. ¶ Jane Ruiz made it clear ... ¶ “...,” she said."
                const Named* later = nullptr;
                for (const Named& n : mentions) {
                    if (n.word >= ev.cue) break;
                    bool opens = (n.word == 0 || ws[n.word - 1].stop || ws[n.word - 1].para != ws[n.word].para) &&
                                 !(kStops.count(ws[n.word].core) && !kNationality.count(ws[n.word].core) &&
                                   !kTitles.count(ws[n.word].core));  // not "If Clinton is elected"
                    if (n.word > last_named_at && opens && last_word(n.name) != last_word(last_named->name) &&
                        agrees(n.name, ev.who.name) && sex.count(last_word(n.name)))
                        later = &n;
                }
                // The named person @p n becomes the one the pronoun stands for.
                auto adopt = [&](const Named& n) {
                    last_named = resolve(n.word, Mention{n.name, "", "person", false, true});
                    last_named_at = n.word;
                };
                if (later) {
                    adopt(*later);
                } else if (!agrees(last_named->name, ev.who.name)) {
                    // "she" after a man was quoted: the last speaker or person who can be "she".
                    std::optional<Mention> other;
                    for (const Event& prior : events) {
                        if (prior.cue >= ev.cue) break;
                        if (!prior.who.pronoun && prior.who.named && prior.who.kind == "person" &&
                            !prior.who.name.empty() && sex.count(last_word(prior.who.name)) &&
                            agrees(prior.who.name, ev.who.name))
                            other = prior.who;
                    }
                    if (other) {
                        last_named = *other;
                    } else {
                        // Nobody of known sex fits: the last person named before the pronoun whom
                        // it can stand for, rather than one it cannot ("Officer Ann Lee ... she ...
                        // Tom Ruiz has also spoken. ... “...,” he said" is not Ann Lee).
                        const Named* fit = nullptr;
                        for (const Named& n : mentions) {
                            if (n.word >= ev.cue) break;
                            bool opens = (n.word == 0 || ws[n.word - 1].stop || ws[n.word - 1].para != ws[n.word].para) &&
                                         n.name.starts_with(ws[n.word].core);  // not "Regarding Ruiz's plan"
                            // (nor the owner of something: "Ruiz's plan was ...")
                            std::size_t last = n.word + static_cast<std::size_t>(std::count(n.name.begin(), n.name.end(), ' '));
                            opens = opens && last < ws.size() && !ws[last].poss;
                            if (n.word > last_named_at && opens && n.name.find(' ') == std::string::npos &&
                                last_word(n.name) != last_word(last_named->name) && agrees(n.name, ev.who.name))
                                fit = &n;
                        }
                        if (fit) adopt(*fit);
                    }
                }
            }
            ev.who = *last_named;
            ev.who.role.clear();
            continue;
        }
        if (!ev.who.named) {
            // "the ministry said" / "the company said": the organisation named before.
            std::string head = ev.who.name.substr(ev.who.name.rfind(' ') + 1);
            if (kOrgNouns.count(head)) {
                std::string cap = head;
                cap[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(cap[0])));
                const Named* best = nullptr;
                for (const Named& n : named) {
                    if (n.word >= ev.cue || n.kind != "organization") continue;
                    // "the company" is a business, not the department or court named last.
                    bool business = head == "company" || head == "firm";
                    if (business)
                        for (const auto& w : kPublicBodyWords.entries()) business = business && n.name.find(std::string(w)) == std::string::npos;
                    bool fits = n.name.find(cap) != std::string::npos || business;
                    if (fits) best = &n;
                }
                if (best) ev.who = Mention{best->name, "", "organization", false, true};
            }
            continue;
        }
        bool person_known = false;
        for (const auto* list : {&named, &candidates})
            for (const Named& n : *list)
                person_known |= n.kind == "person" && last_word(n.name) == ev.who.name;
        if (ev.who.name.find(' ') == std::string::npos && !person_known) {
            // "Orbis said": the organisation named in full before ("Orbis Systems"), unless a
            // person carries the name ("Clinton" is Hillary Clinton, not the Clinton Foundation).
            const Named* org = nullptr;
            for (const Named& n : named)
                if (n.word < ev.cue && n.kind == "organization" && n.name.starts_with(ev.who.name + " ")) org = &n;
            if (org) {
                ev.who = Mention{org->name, "", "organization", false, true};
                continue;
            }
            // "according to Politico": one name never given to a person is a publication or a body,
            // no antecedent of "he" or "she".
            if ((ws[ev.cue].core == "according" || ws[ev.cue].core == "According") && ev.who.kind == "person" &&
                !mention_surnames.count(ev.who.name)) {
                ev.who.kind = "organization";
                continue;
            }
        }
        ev.who = resolve(ev.cue, ev.who);
        if (ev.who.kind == "person" && ev.who.name.find(' ') == std::string::npos) {
            // "Hydrologists said": one capitalised word opening a sentence, never named in full.
            std::size_t w = ev.cue;
            while (w > 0 && ws[w - 1].core != ev.who.name) --w;
            bool opens = w > 0 && (w <= 1 || ws[w - 2].stop || ws[w - 2].para != ws[w - 1].para) &&
                         !ws[w - 1].after_quote;
            if (opens) {
                if (common_plural(ev.who.name)) {
                    ev.who.name[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(ev.who.name[0])));
                    ev.who.named = false;
                    continue;
                }
            }
        }
        if (ev.who.kind == "person" && places.count(ev.who.name)) ev.who.kind = "organization";  // "Japan said"
        if (ev.who.kind == "person") last_named = ev.who, last_named_at = ev.cue;
    }

    // Attach each quote to an event in its sentence.
    auto word_after = [&](std::size_t byte) {
        return static_cast<std::size_t>(std::lower_bound(ws.begin(), ws.end(), byte,
                                                         [](const Word& w, std::size_t b) { return w.b < b; }) -
                                        ws.begin());
    };
    std::vector<std::optional<Mention>> who(d.quotes.size());
    for (std::size_t qi = 0; qi < d.quotes.size(); ++qi) {
        const QuoteSpan& q = d.quotes[qi];
        std::size_t first_after = word_after(q.close);
        std::size_t next_open = qi + 1 < d.quotes.size() ? d.quotes[qi + 1].open : a.text.size();
        const Event* pick = nullptr;
        // After the quote, up to the end of its sentence; a quote closing on a full stop
        // ("...now.”) ends its sentence, so what follows is about the next quote.
        std::string_view inner = d.text.substr(q.start, q.end - q.start);
        while (!inner.empty() && (inner.back() == ' ' || inner.back() == '\''))
            inner.remove_suffix(1);
        bool closed_sentence = !inner.empty() && inner.back() == '.';
        const bool quote_ends_sentence =
            !inner.empty() && (inner.back() == '.' || inner.back() == '?' || inner.back() == '!');
        // Attribution follows a quote that ends on , ? ! or a dash (“...,” she said); a
        // partial quote in mid-sentence (“resolutely opposed” to the test and warned ...) has none.
        {
            std::string_view after = d.text.substr(q.close, 2);
            bool attr_style = !inner.empty() && (inner.back() == ',' || inner.back() == '?' || inner.back() == '!' ||
                                                 inner.ends_with("\xE2\x80\x94") || inner.ends_with("-")) ;
            attr_style = attr_style || after.starts_with(",");
            // Or the attribution starts right at the closing mark: “...” Smith said / “...” said Smith.
            if (!attr_style && first_after < ws.size() && !closed_sentence) {
                std::size_t k = first_after;
                while (k < ws.size() && k < first_after + 4 && (ws[k].cap || kPronouns.count(ws[k].core) || kParticles.count(ws[k].core)) && !kCues.count(ws[k].core))
                    ++k;
                attr_style = k < ws.size() && kCues.count(ws[k].core) && ws[k].para == ws[first_after].para;
            }
            if (!attr_style) closed_sentence = true;
        }
        // “…” ― Veronica Cruz: a dash right after the quote names its speaker, full stop or not.
        if (first_after < ws.size() && kDashes.count(ws[first_after].core) && ws[first_after].after_quote)
            for (const Event& ev : events)
                if (ev.cue == first_after && !ev.who.name.empty()) pick = &ev;
        // “...,” when Ida Brandt blasted him: a clause that opens on a subordinator after the quote
        // is no attribution of it ("as" is: “...,” as Brandt put it).
        bool clause_after = first_after < ws.size() && ws[first_after].after_quote &&
                            kSubordinators.count(ws[first_after].core) > 0;
        {
            // A quote set off by dashes is an aside of the clause before it: "... lamented her gaffes -
            // “...?” - Democrats said".
            std::size_t o = q.open, cl = q.close;
            while (o > 0 && d.text[o - 1] == ' ') --o;
            while (cl < d.text.size() && d.text[cl] == ' ') ++cl;
            auto dash_at = [&](std::size_t at, bool before) {
                std::string_view t3 = before ? (at >= 3 ? d.text.substr(at - 3, 3) : std::string_view())
                                             : d.text.substr(at, 3);
                char c1 = before ? (at >= 1 ? d.text[at - 1] : 0) : (at < d.text.size() ? d.text[at] : 0);
                return c1 == '-' || t3 == "\xE2\x80\x94" || t3 == "\xE2\x80\x93";
            };
            if (dash_at(o, true) && dash_at(cl, false)) clause_after = true;
            // A quote in a clause opening the sentence ("After Ann Lee said ... “...,” Okafor said"):
            // the attribution after it belongs to the main clause.
            std::size_t qw0 = word_after(q.open);
            if (!clause_after && qw0 > 0 && !ws[qw0 - 1].stop &&
                d.text.substr(ws[qw0 - 1].e, q.open - ws[qw0 - 1].e).find('\n') == std::string_view::npos) {
                std::size_t ss = qw0 - 1;
                while (ss > 0 && !ws[ss - 1].stop && ws[ss - 1].para == ws[qw0 - 1].para) --ss;
                if (kClauseOpeners.count(ws[ss].core))
                    for (const Event& ev : events) {
                        if (ev.cue >= qw0) break;  // (events are in text order)
                        if (ev.cue > ss && !ev.who.name.empty() && !ev.who.pronoun) clause_after = true;
                    }
            }
        }
        for (const Event& ev : events) {
            if (closed_sentence || pick || clause_after) break;
            if (ev.cue < first_after) continue;
            if (ws[ev.cue].b > next_open) break;
            if (ev.cue > first_after + 12) {
                // A long appositive between the name and its verb: “...,” Ida Brandt, the
                // harbor master of ..., one of ..., said. The name must follow the quote.
                std::string first = ev.who.name.substr(0, ev.who.name.find(' '));
                bool named_here = false;
                for (std::size_t k = first_after; k < ws.size() && k < first_after + 5; ++k)
                    named_here |= ws[k].core == first;
                // ... or, for a compound subject, a name of the event's person's list: “...,” harbor
                // experts Ida Brandt and Carla Reyes of the Sea Institute wrote.
                for (std::size_t k = first_after; k + 2 < ws.size() && k < first_after + 5 && !named_here; ++k)
                    if (ws[k].cap && !ws[k].comma)
                        for (std::size_t j = k + 1; j + 1 < ws.size() && j < k + 4; ++j)
                            if (ws[j].core == "and" && ws[j + 1].core == first) named_here = true;
                if (!named_here || ev.cue > first_after + 40) break;
            }
            bool crossed = false;
            for (std::size_t k = first_after; k < ev.cue; ++k) crossed |= ws[k].stop;
            if (first_after < ws.size() && ws[first_after].para != ws[ev.cue].para) crossed = true;
            // (nor across the end of the quote's paragraph: “...?”\n\nMonday, Ida Brandt said ...)
            if (first_after < ws.size() && d.text.substr(q.close, ws[first_after].b - q.close).find('\n') != std::string_view::npos)
                crossed = true;
            if (!crossed && !ev.who.name.empty()) pick = &ev;
            break;
        }
        if (!pick) {
            // Before the quote, back to the start of its sentence.
            std::size_t last_before = word_after(q.open);
            for (auto it = events.rbegin(); it != events.rend(); ++it) {
                if (it->cue >= last_before) continue;
                bool crossed = false;
                for (std::size_t k = it->cue; k < last_before; ++k) crossed |= ws[k].stop;
                if (last_before < ws.size() && ws[it->cue].para != ws[last_before - 1].para) crossed = true;
                if (!crossed && !it->who.name.empty()) pick = &*it;
                // The sentence before closes on its attribution and the quote opens the next one:
                // "..., Schiff said. “The other factor ...”" goes on with the same speaker.
                if (!pick && !it->who.name.empty() && it->who.named && last_before > 0 &&
                    ws[last_before - 1].stop && ws[it->cue].para == ws[last_before - 1].para &&
                    last_before - 1 >= it->cue && last_before - 1 <= it->cue + 2 &&
                    d.text.substr(ws[last_before - 1].e, q.open - ws[last_before - 1].e).find('\n') == std::string_view::npos) {
                    bool one_stop = true;
                    for (std::size_t k = it->cue; k + 1 < last_before; ++k) one_stop &= !ws[k].stop;
                    // ... and the attribution is that sentence's own, after a comma (", Schiff said.")
                    bool comma_before = false;
                    for (std::size_t j = it->cue; j-- > 0 && j + 6 > it->cue && !comma_before && !ws[j].stop;)
                        comma_before = ws[j].comma;
                    // (not when that sentence quoted someone: “...,” she said. “...” is left to the
                    // quote before, whose speaker may be known better)
                    bool quoted = qi > 0 && d.quotes[qi - 1].close <= ws[it->cue].b;
                    if (quoted)
                        for (std::size_t k = word_after(d.quotes[qi - 1].close); k < it->cue && quoted; ++k)
                            quoted = !ws[k].stop;
                    if (one_stop && comma_before && !quoted) pick = &*it;
                }
                break;
            }
        }
        if (!pick && !quote_ends_sentence) {
            // A partial quote in a sentence that closes on its attribution: “steals a handful”
            // is held accountable, Warren said. / ... “jail time” for fraud, she said Tuesday.
            // (Other partial quotes of the same sentence may come between: the attribution at its
            // end covers them all.)
            for (const Event& ev : events) {
                if (ev.cue < first_after) continue;
                if (ev.who.name.empty()) break;
                bool crossed = first_after < ws.size() && ws[first_after].para != ws[ev.cue].para;
                for (std::size_t k = first_after; k < ev.cue; ++k) crossed |= ws[k].stop;
                if (crossed) break;
                bool comma_before = false;
                for (std::size_t j = ev.cue; j-- > first_after && j + 7 > ev.cue && !comma_before;)
                    comma_before = ws[j].comma;
                std::size_t end = ev.cue;
                while (end < ws.size() && end < ev.cue + 3 && !ws[end].stop && !ws[end].comma) ++end;
                bool closes = end < ws.size() && ws[end].stop && ws[end].para == ws[ev.cue].para;
                // ", said Ohio State professor Paul Beck." / ", said Ann Link, director of ...": an
                // inverted attribution closing the sentence.
                if (!closes && ev.cue > 0 && ws[ev.cue - 1].comma && ev.who.named) {
                    std::string first = ev.who.name.substr(0, ev.who.name.find(' '));
                    bool named_after = false;
                    for (std::size_t k = ev.cue + 1; k < ws.size() && k < ev.cue + 7 && !named_after; ++k)
                        named_after = ws[k].core == first;
                    std::size_t e2 = ev.cue + 1;
                    while (e2 < ws.size() && e2 < ev.cue + 25 && !ws[e2].stop && ws[e2].para == ws[ev.cue].para &&
                           !(ws[e2].before_quote && ws[e2 + 1 < ws.size() ? e2 + 1 : e2].para == ws[e2].para))
                        ++e2;
                    // (a quote opening the next paragraph does not count: "... for Freedom.\n\n“...”")
                    auto quote_in_para = [&](std::size_t k) {
                        if (!ws[k].before_quote) return false;
                        std::size_t at = ws[k].e;
                        while (at < d.text.size() && is_space(static_cast<unsigned char>(d.text[at])) && d.text[at] != '\n') ++at;
                        return at >= d.text.size() || d.text[at] != '\n';
                    };
                    // (nor one after the sentence's full stop: "... Cook Report. “And yet ...”")
                    closes = named_after && e2 < ws.size() && ws[e2].stop &&
                             (!quote_in_para(e2) || d.text.substr(ws[e2].b, ws[e2].e - ws[e2].b).find_last_of(".!?") != std::string_view::npos);
                    comma_before = true;
                }
                if (closes && comma_before && !ws[ev.cue].after_quote) pick = &ev;
                break;
            }
        }
        if (pick) who[qi] = pick->who;
        if (pick && pick->by_pronoun) {
            // "Sen. Ann Lee scolded him: “...,” she said": the subject introducing the quote with
            // a colon is the "she".
            std::size_t qw = word_after(q.open);
            if (qw > 0 && ws[qw - 1].e > 0 && d.text[ws[qw - 1].e - 1] == ':' && !ws[qw - 1].stop) {
                std::size_t s = qw - 1;
                while (s > 0 && !ws[s - 1].stop && ws[s - 1].para == ws[qw - 1].para) --s;
                if (ws[s].cap)
                    if (auto sm = split(s, run_end(ws, s)); sm && sm->kind == "person" && !excluded.count(sm->name)) {
                        Mention m = resolve(s, *sm);
                        if (m.name.find(' ') != std::string::npos) who[qi] = m;
                    }
            }
        }
        // Transcripts: “PENCE: Well, look, ...”
        std::size_t colon = inner.find(':');
        if (colon != std::string_view::npos && colon >= 2 && colon <= 30) {
            std::string_view tag = inner.substr(0, colon);
            bool caps = true;
            for (char c : tag) caps &= (c >= 'A' && c <= 'Z') || c == ' ' || c == '.' || c == '-' || c == '\'';
            if (caps && tag.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string_view::npos) {
                std::string name;
                bool upper = true;
                for (char c : tag) {
                    name += upper ? c : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                    upper = c == ' ' || c == '-';
                }
                Mention m{name, "", "person", false};
                m = resolve(word_after(q.open), m);
                who[qi] = m;
            }
        }
    }
    // A quote paragraph followed by a paragraph that is only "- NAME." (fact checks, profiles).
    for (std::size_t qi = 0; qi < d.quotes.size(); ++qi) {
        if (who[qi]) continue;
        std::size_t k = word_after(d.quotes[qi].close);
        if (k + 1 >= ws.size() || (ws[k].core != "-" && !kDashes.count(ws[k].core))) continue;
        std::string_view between = d.text.substr(d.quotes[qi].close, ws[k].b - d.quotes[qi].close);
        if (between.find("\n") == std::string_view::npos || between.find_first_not_of(" \n\t") != std::string_view::npos)
            continue;
        std::size_t e = run_end(ws, k + 1);
        bool alone = e <= ws.size() && e > k + 1 && (e == ws.size() || ws[e].para != ws[k].para) && ws[k + 1].para == ws[k].para;
        if (!alone || !ws[k + 1].cap) continue;
        if (auto sm = split(k + 1, e); sm && !excluded.count(sm->name)) who[qi] = resolve(k + 1, *sm);
    }
    // A quote standing alone right after an attributed one (same or next paragraph) inherits it.
    for (std::size_t qi = 1; qi < d.quotes.size(); ++qi) {
        if (who[qi] || !who[qi - 1]) continue;
        std::string_view between = d.text.substr(d.quotes[qi - 1].close, d.quotes[qi].open - d.quotes[qi - 1].close);
        std::size_t breaks = 0;
        for (std::size_t k = 0; k + 1 < between.size(); ++k)
            if (between[k] == '\n' && between[k + 1] == '\n') ++breaks;
        bool quote_starts_para = d.quotes[qi].open == 0 || a.text[d.quotes[qi].open - 1] == '\n';
        // A paragraph that is nothing but a quote, after a paragraph closing on an attributed
        // quote, goes on with the same speaker (the second paragraph of a long quotation).
        std::size_t para_end = a.text.find("\n\n", d.quotes[qi].close);
        if (para_end == std::string::npos) para_end = a.text.size();
        std::string_view rest = d.text.substr(d.quotes[qi].close, para_end - d.quotes[qi].close);
        std::string_view inner = d.text.substr(d.quotes[qi].start, d.quotes[qi].end - d.quotes[qi].start);
        bool quote_is_para = quote_starts_para && rest.find_first_not_of(" \n\t") == std::string_view::npos &&
                             std::count(inner.begin(), inner.end(), ' ') >= 2 &&  // not a label ("Related:")
                             inner.find("\xE2\x80\x9C") == std::string_view::npos;  // nor a mispaired mark
        bool prev_closes_para = breaks == 1 && between.find_first_not_of(" \n") == std::string_view::npos;
        if (breaks == 0 || (breaks == 1 && quote_starts_para && between.find_first_not_of(" \n") != std::string_view::npos) ||
            (prev_closes_para && quote_is_para)) {
            // Only when nothing else is attributed in between.
            std::size_t lo = word_after(d.quotes[qi - 1].close), hi = word_after(d.quotes[qi].open);
            bool other = false;
            for (const Event& ev : events)
                other |= ev.cue >= lo && ev.cue < hi && !ev.who.name.empty() && ev.who.name != who[qi - 1]->name &&
                         !ev.by_pronoun &&  // “...,” she said. “...”: the same person
                         ws[ev.cue].core != "according" && ws[ev.cue].core != "According";  // "X said, according to a report. “...”": still X
            // Nor when the quote's own sentence opens on someone else ("Donald Trump, her
            // opponent, said drugs were a “big factor”").
            std::size_t qw = word_after(d.quotes[qi].open);
            if (!other && qw > lo && qw > 0 && !ws[qw - 1].stop) {
                std::size_t s = qw - 1;
                while (s > lo && !ws[s - 1].stop && ws[s - 1].para == ws[qw - 1].para) --s;
                if (ws[s].cap)
                    if (auto sm = split(s, run_end(ws, s)); sm && sm->kind == "person" && sm->name.find(' ') != std::string::npos &&
                                                                     last_word(sm->name) != last_word(who[qi - 1]->name))
                        other = true;
            }
            if (!other) who[qi] = who[qi - 1];
        }
    }

    // A quote inside a sentence whose subject is named, after a verb that is not a cue:
    // "Ida Brandt likened the plan to “a leaky boat.”" / "Okafor has dismissed it as “noise.”"
    // The subject of the sentence is the source of the quote.
    auto last_speaker_before = [&](std::size_t w) {
        std::optional<Mention> out;
        for (const Event& ev : events) {
            if (ev.cue >= w) break;
            if (!ev.who.name.empty() && ev.who.kind == "person" && ev.who.named && !ev.who.pronoun) out = ev.who;
        }
        return out;
    };
    for (std::size_t qi = 0; qi < d.quotes.size(); ++qi) {
        if (who[qi]) continue;
        const QuoteSpan& q = d.quotes[qi];
        std::size_t qw = word_after(q.open);
        if (qw == 0 || ws[qw - 1].stop) continue;
        std::string_view gap = d.text.substr(ws[qw - 1].e, q.open - ws[qw - 1].e);
        // (the colon may follow a skipped parenthetical: "Rep. Ann Lee (R-S.C.):“...”")
        std::size_t last_char = q.open;
        while (last_char > 0 && is_space(static_cast<unsigned char>(d.text[last_char - 1]))) --last_char;
        const bool colon = (ws[qw - 1].e > 0 && d.text[ws[qw - 1].e - 1] == ':') ||
                           (last_char > 0 && d.text[last_char - 1] == ':' && d.text[ws[qw - 1].e] == ' ' &&
                            d.text.substr(ws[qw - 1].e, last_char - ws[qw - 1].e).find('(') == 1);
        // The quote opens its paragraph: only after a colon ("Cruz went on:").
        if (gap.find('\n') != std::string_view::npos && !colon) continue;
        if (colon) {
            // "Here’s Ida Brandt in December 1992: “...”" / "Here is what Ida Brandt said: “...”"
            std::size_t st = qw - 1;
            while (st > 0 && !ws[st - 1].stop && ws[st - 1].para == ws[qw - 1].para && st + 12 > qw) --st;
            bool here = (st == 0 || ws[st - 1].stop || ws[st - 1].para != ws[st].para) &&
                        (ws[st].core == "Here\xE2\x80\x99s" || ws[st].core == "Here's" || ws[st].core == "Here");
            std::size_t nb = st + 1;
            if (here && nb < qw && ws[nb].core == "is") ++nb;
            if (here && nb < qw && ws[nb].cap) {
                std::size_t ne = run_end(ws, nb);
                if (ne <= qw)
                    if (auto sm = split(nb, ne); sm && sm->kind == "person" && !excluded.count(sm->name)) {
                        who[qi] = resolve(nb, *sm);
                        continue;
                    }
            }
        }
        if (colon && !ws[qw - 1].cap && kDocuments.count(ws[qw - 1].core)) {
            // "From Ann Lee's Facebook post: “...”": the owner of the document.
            for (std::size_t k = qw - 1; k-- > 0 && k + 4 > qw;) {
                if (ws[k].stop || ws[k].comma || ws[k].para != ws[qw - 1].para) break;
                if (ws[k].cap && ws[k].poss) {
                    std::size_t ob = run_start(ws, k + 1);
                    if (auto sm = split(ob, k + 1); sm && !excluded.count(sm->name)) who[qi] = resolve(ob, *sm);
                    break;
                }
            }
            if (who[qi]) continue;
        }
        if (colon && ws[qw - 1].cap) {
            // "NAME: “...”" at the start of a sentence or after a dash: the name is the source.
            std::size_t rb = run_start(ws, qw);
            auto opens_at = [&](std::size_t r) {
                return r == 0 || ws[r - 1].stop || ws[r - 1].para != ws[r].para || kDashes.count(ws[r - 1].core) ||
                       ws[r - 1].core == "-" || ws[r].after_quote;  // “...” Bush: “...”
            };
            bool opens = opens_at(rb);
            // "HEADING - Ann Lee and Tom Okafor: “...”": the last of two names.
            if (!opens && rb >= 2 && ws[rb - 1].core == "and" && ws[rb - 2].cap && !ws[rb - 2].comma &&
                ws[rb - 2].para == ws[rb].para)
                opens = opens_at(run_start(ws, rb - 1));
            if (rb < qw && opens)
                if (auto sm = split(rb, qw); sm && !excluded.count(sm->name)) {
                    who[qi] = resolve(rb, *sm);
                    continue;
                }
        }
        {
            // "... prompted Ida Brandt to make a comment that described the crews as “...”": the
            // maker of the comment (remark, statement) in the quote's sentence is its source.
            std::optional<std::size_t> maker;
            for (std::size_t k = qw; k-- > 1 && k + 25 > qw;) {
                if (ws[k].stop || ws[k].para != ws[qw - 1].para) break;
                if (!kMakeForms.count(ws[k].core)) continue;
                bool thing = false;
                for (std::size_t t = k + 1; t < qw && t < k + 5 && !thing; ++t) thing = kSaidThings.count(ws[t].core) > 0;
                std::size_t end = ws[k - 1].core == "to" ? k - 1 : k;
                if (thing && end > 0 && ws[end - 1].cap && !ws[end - 1].comma && ws[end - 1].para == ws[k].para) maker = end;
                break;
            }
            if (maker) {
                std::size_t rb = run_start(ws, *maker);
                if (auto sm = split(rb, *maker); sm && sm->kind == "person" && !excluded.count(sm->name)) {
                    who[qi] = resolve(rb, *sm);
                    continue;
                }
            }
        }
        std::size_t s = qw - 1;
        while (s > 0 && !ws[s - 1].stop && ws[s - 1].para == ws[qw - 1].para) --s;
        // An opening phrase up to its comma: "In a speech Tuesday, Brandt ...".
        if (kSentenceOpeners.count(ws[s].core))
            for (std::size_t k = s; k + 1 < qw && k < s + 10; ++k)
                if (ws[k].comma) { s = k + 1; break; }
        if (s >= qw) continue;
        Mention m;
        std::size_t after = s;
        if (kPronouns.count(ws[s].core)) {
            auto ls = last_speaker_before(s);
            if (!ls) continue;
            m = *ls;
            after = s + 1;
        } else if (kDeterminers.count(ws[s].core) && s + 3 < qw && !ws[s + 1].cap && ws[s + 1].comma && ws[s + 2].cap) {
            // "Another critic, Laurence H. Tribe, likened ...": the name set off after the noun.
            std::size_t e = run_end(ws, s + 2);
            auto sm = e > s + 2 && e < qw && ws[e - 1].comma ? split(s + 2, e) : std::nullopt;
            if (!sm || sm->kind != "person" || excluded.count(sm->name)) continue;
            after = e;
            m = resolve(s, *sm);
        } else if (ws[s].cap && !(run_end(ws, s) < qw && ws[run_end(ws, s) - 1].poss && !ws[run_end(ws, s)].cap) &&
                   !(kDeterminers.count(ws[s].core) && !split(s, run_end(ws, s)))) {
            std::size_t e = run_end(ws, s);
            if (e <= s || e > qw) continue;
            auto sm = split(s, e);
            if (!sm || excluded.count(sm->name)) continue;
            after = e;
            if (ws[e - 1].comma) {  // "Ida Brandt, the harbor master, dismissed ..."
                std::size_t end;
                if (std::string r = appositive(d.text, ws, e, end); !r.empty() && sm->role.empty()) sm->role = r;
                after = qw;
                for (std::size_t k = e; k < qw && k < e + 25; ++k)
                    if (ws[k].comma) { after = k + 1; break; }
            }
            m = resolve(s, *sm);
        } else if ((kDeterminers.count(ws[s].core) && s + 1 < qw && (!ws[s + 1].cap || (s + 2 < qw && !ws[s + 2].cap))) ||
                   (ws[s].cap && run_end(ws, s) < qw && ws[run_end(ws, s) - 1].poss && !ws[run_end(ws, s)].cap)) {
            // A noun phrase: "The letter reads: “...”", "a Homeland Security memo put it ...",
            // "Cruz's lawyers relied on ...". It names no one, so it counts the quote without a
            // person to search for.
            if (ws[s].cap) {
                // ... but an owner's document speaks for the owner: "Brandt's earlier letter was
                // mocked for its claim that the fees were “...”".
                std::size_t oe = run_end(ws, s);
                std::optional<Mention> owner;
                for (std::size_t k = oe; k < qw && k < oe + 3 && !owner; ++k) {
                    if (ws[k].cap || ws[k].stop) break;
                    if (kDocuments.count(ws[k].core) && !ws[k].comma) owner = split(s, oe);
                    if (ws[k].comma) break;
                }
                bool later_cue = false;  // and no attribution later in the sentence
                for (std::size_t k = qw; k < ws.size() && !later_cue && ws[k].para == ws[qw - 1].para; ++k) {
                    later_cue = kCues.count(ws[k].core) > 0;
                    if (ws[k].stop) break;
                }
                std::string_view inner = d.text.substr(q.start, q.end - q.start);
                if (owner && !later_cue && !excluded.count(owner->name) && count_words(inner) >= 2 && !title_case(inner)) {
                    who[qi] = resolve(s, *owner);
                    continue;
                }
            }
            std::size_t v = s + 1;
            while (v < qw && v < s + 9 && !ws[v].comma && !ws[v].stop && !kNounPhraseAuxiliaries.count(ws[v].core) &&
                   !(ws[v].core.ends_with("ed") && !ws[v].cap) &&
                   !(!ws[v].cap && ws[v].core.ends_with("s") && !ws[v].core.ends_with("ss") &&
                     (v + 1 == qw || kDeterminers.count(ws[v + 1].core) || ws[v + 1].core == "that")))
                ++v;
            std::size_t h = v;  // the head noun: "the Republican nominee also outlined"
            while (h > s + 1 && kAdverbs.count(ws[h - 1].core)) --h;
            if (v >= qw || v >= s + 9 || ws[v].comma || ws[v].stop || ws[h - 1].cap || ws[h - 1].comma ||
                (ws[h - 1].core.ends_with("ly") && !kLyNouns.count(ws[h - 1].core)))  // "a newly formed": no head noun
                continue;
            bool clean = true;  // no cue or pronoun inside the phrase ("another said he")
            for (std::size_t k = s + 1; k < v && clean; ++k) clean = !kCues.count(ws[k].core) && !kPronouns.count(ws[k].core);
            // ... and no attribution later in the sentence: "the rejection was “the end,” Wilders said."
            for (std::size_t k = qw; k < ws.size() && clean && ws[k].para == ws[qw - 1].para; ++k) {
                if (kCues.count(ws[k].core)) clean = false;
                if (ws[k].stop) break;
            }
            if (!clean) continue;
            // "This crippling stigma was later reinforced by ...": after "this" only people and
            // bodies speak ("this reporter", "this newspaper"), never a thing.
            if ((ws[s].core == "This" || ws[s].core == "this") && !kPersonNouns.count(ws[h - 1].core) &&
                !kRoleNouns.count(ws[h - 1].core) && !kThisBodies.count(ws[h - 1].core))
                continue;
            Mention np;
            std::string name(d.text.substr(ws[s].b, ws[h - 1].e - ws[s].b));
            if (kDeterminers.count(ws[s].core))
                name[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[0])));
            np.name = name;
            np.named = false;
            np.kind = kPersonNouns.count(ws[h - 1].core) ? "person" : "organization";
            std::string_view inner = d.text.substr(q.start, q.end - q.start);
            if (count_words(inner) >= 2 && !title_case(inner)) who[qi] = np;
            continue;
        } else {
            continue;
        }
        std::size_t v = after;
        while (v < qw && !ws[v].cap && !kVerbAuxiliaries.count(ws[v].core) &&
               (kAdverbs.count(ws[v].core) || kMoreAdverbs.count(ws[v].core) || ws[v].core.ends_with("ly")))
            ++v;
        if (v >= qw || ws[v].cap) continue;
        // Common irregular pasts ("The New Yorker put it", "Brandt took aim at").
        const std::string& verb = ws[v].core;
        bool verbish = kVerbAuxiliaries.count(verb) || kIrregularPasts.count(verb) || verb.ends_with("ed") ||
                       (verb.ends_with("s") && !verb.ends_with("ss"));
        // "Wall Street targets included ...": a plural noun before the verb, not a verb.
        if (verbish && verb.ends_with("s") && !kVerbAuxiliaries.count(verb) && v + 1 < qw && !ws[v].comma) {
            const std::string& next = ws[v + 1].core;
            if (!ws[v + 1].cap && (kVerbAuxiliaries.count(next) || kIrregularPasts.count(next) || next.ends_with("ed"))) verbish = false;
        }
        if (!verbish) continue;
        // The evidence is weak, so only for a name known in full and a quote that reads as
        // words said: not one word (“closed”), nor a title in capitals (“Meet the Press”).
        bool source_elsewhere = false;  // a one-word name already the subject of a cue ("PolitiFact wrote")
        for (const Event& ev : events) source_elsewhere |= ev.who.named && !ev.who.pronoun && ev.who.name == m.name;
        if (m.name.find(' ') == std::string::npos && !source_elsewhere) continue;
        std::string_view inner = d.text.substr(q.start, q.end - q.start);
        if (count_words(inner) < 2 || title_case(inner)) continue;
        who[qi] = m;
    }
    // A quote closing its paragraph after a sentence in which someone named said something,
    // without quoting them: the quote gives their words. "Tom Okafor called him a master of
    // deals. “He showed it again and again.”"
    for (std::size_t qi = 0; qi < d.quotes.size(); ++qi) {
        if (who[qi]) continue;
        const QuoteSpan& q = d.quotes[qi];
        std::size_t qw = word_after(q.open);
        if (qw == 0 || !ws[qw - 1].stop) continue;
        if (d.text.substr(ws[qw - 1].e, q.open - ws[qw - 1].e).find('\n') != std::string_view::npos) continue;
        std::size_t para_end = d.text.find("\n\n", q.close);
        if (para_end == std::string_view::npos) para_end = d.text.size();
        if (d.text.substr(q.close, para_end - q.close).find_first_not_of(" \t\n") != std::string_view::npos) continue;
        std::string_view inner = d.text.substr(q.start, q.end - q.start);
        if (count_words(inner) < 4 || title_case(inner)) continue;
        std::size_t ps = qw - 1;
        while (ps > 0 && !ws[ps - 1].stop && ws[ps - 1].para == ws[qw - 1].para) --ps;
        if ((qi > 0 && d.quotes[qi - 1].close > ws[ps].b) || ws[ps].after_quote) continue;  // it quoted someone already
        const Event* last = nullptr;
        for (const Event& ev : events) {
            if (ev.cue >= qw) break;
            if (ev.cue >= ps && !ev.who.name.empty() && ev.who.named && !ev.who.pronoun) last = &ev;
        }
        // (what they said is told in that sentence, or the sentence ends on the cue to introduce
        // the quote, "Tom Okafor agreed."; "Ida Brandt said so." points back, not forward)
        if (last && (last->cue + 4 <= qw || last->cue + 1 == qw)) who[qi] = last->who;
    }
    for (std::size_t qi = 0; qi < d.quotes.size(); ++qi) {
        const QuoteSpan& q = d.quotes[qi];
        std::string qtext(a.text.substr(q.start, q.end - q.start));
        if (!who[qi] || !reads_as_speech(qtext) || programme_title(d.text, q)) continue;
        // A one-word cry is speech only when it opens its sentence (“No,” said the senator), not
        // inside one (greeted with chants of “Ahoy!”).
        if (count_words(qtext) < 2 && !opens_sentence(d.text, q.open)) continue;
        const Mention& m = *who[qi];
        auto it = std::find_if(a.speakers.begin(), a.speakers.end(), [&](const Speaker& s) { return s.name == m.name; });
        if (it == a.speakers.end()) {
            a.speakers.push_back({m.name, m.kind, m.role, {}});
            it = a.speakers.end() - 1;
        }
        if (weak_role(it->role) && !m.role.empty() && !weak_role(m.role)) it->role = m.role;
        if (it->role.empty()) it->role = m.role;
        it->quotes.push_back({std::move(qtext), q.start, q.end});
    }
    // Roles given anywhere in the article for a speaker (the first event that names one).
    for (Speaker& s : a.speakers)
        for (const Event& ev : events)
            if (ev.who.name == s.name && !ev.who.role.empty() && weak_role(s.role) && !weak_role(ev.who.role))
                s.role = ev.who.role;

    auto add_unique = [](std::vector<std::string>& v, const std::string& s) {
        if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
    };
    for (const Speaker& s : a.speakers)
        if (starts_upper(s.name) && starts_upper(last_word(s.name)))  // not "the commission", "Okafor's lawyers"
            add_unique(s.kind == "person" ? a.persons : a.organizations, s.name);
    for (const Named& n : named) add_unique(n.kind == "person" ? a.persons : a.organizations, n.name);
    for (const Event& ev : events)
        if (!ev.who.pronoun && ev.who.named && !ev.who.name.empty() && ev.who.name.find(' ') != std::string::npos)
            add_unique(ev.who.kind == "person" ? a.persons : a.organizations, ev.who.name);
}

void note_unattributed_quotes(Article& a) {
    a.unattributed.clear();
    std::vector<std::pair<std::size_t, std::size_t>> said;
    for (const Speaker& s : a.speakers)
        for (const Quote& q : s.quotes) said.emplace_back(q.start, q.end);
    std::sort(said.begin(), said.end());
    for (const QuoteSpan& q : find_quotes(a.text)) {
        // Covered when a speaker's quote overlaps it.
        auto it = std::lower_bound(said.begin(), said.end(), std::make_pair(q.end, std::size_t(0)));
        bool covered = false;
        while (it != said.begin() && !covered) {
            --it;
            covered = it->second > q.start;
            if (it->first + (1 << 16) < q.start) break;  // far before: quotes are not that long
        }
        if (!covered && q.end > q.start) a.unattributed.push_back({a.text.substr(q.start, q.end - q.start), q.start, q.end});
    }
}

}  // namespace news::extract
