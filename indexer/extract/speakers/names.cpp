/// @file
/// @brief Speaker pass 2, names (see names.h).
#include "indexer/extract/speakers/names.h"

#include "indexer/extract/speakers/lexicon.h"

#include <algorithm>
#include <cctype>

namespace news::extract::speakers {

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
    for (std::string_view cut : {" and ", " in ", " who ", " which ", " since ", " until "}) {
        std::size_t p = role.find(cut);
        // "in Washington" is where, not what; "agent in charge" is the role.
        if (cut == " in " && p != std::string::npos && p + 4 < role.size() && !std::isupper(static_cast<unsigned char>(role[p + 4])))
            continue;
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
    return rs - 1;
}

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

}  // namespace news::extract::speakers
