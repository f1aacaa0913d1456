/// @file
/// @brief Speaker pass 1, words (see words.h).
#include "indexer/extract/speakers/words.h"

#include "indexer/extract/speakers/lexicon.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace news::extract::speakers {

bool starts_upper(std::string_view s) {
    if (s.empty()) return false;
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(p, i, static_cast<int32_t>(s.size()), c);
    return c >= 0 && u_isupper(c);
}

// Bytes of white space at i: ASCII space or a no-break space (U+00A0).
std::size_t space_len(std::string_view t, std::size_t i) {
    if (is_space(static_cast<unsigned char>(t[i]))) return 1;
    if (static_cast<unsigned char>(t[i]) == 0xC2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xA0)
        return 2;
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
        // "Fox News’ Sean Hannity": a capitalised word in s with the apostrophe alone before a
        // capitalised word is a possessive (not the close of a single quotation).
        if (!d.words.empty() && w.cap && !w.after_quote) {
            Word& prev = d.words.back();
            for (std::string_view mark : {"s\xE2\x80\x99", "s'"})
                if (prev.cap && !prev.comma && !prev.stop && !prev.poss && prev.para == w.para && prev.core.size() > mark.size() &&
                    prev.core.ends_with(mark)) {
                    prev.core.resize(prev.core.size() - mark.size() + 1);
                    prev.poss = true;
                }
        }
        // "the No. 2 in the party", "the Sept. 11 attacks": an abbreviation before a number ends
        // no sentence
        if (!d.words.empty() && d.words.back().stop && std::isdigit(static_cast<unsigned char>(w.core[0])) &&
            (d.words.back().core == "No" || d.words.back().core == "Nos" || d.words.back().core == "no" ||
             kMonthAbbreviations.count(d.words.back().core)))
            d.words.back().stop = false;
        d.words.push_back(std::move(w));
    }
}

std::size_t word_after(const std::vector<Word>& ws, std::size_t byte) {
    return static_cast<std::size_t>(
        std::lower_bound(ws.begin(), ws.end(), byte, [](const Word& w, std::size_t b) { return w.b < b; }) -
        ws.begin());
}

bool opens_after_closing_quote(std::string_view text, const std::vector<Word>& ws, std::size_t k) {
    if (k == 0 || !ws[k].after_quote) return false;
    std::string_view gap = text.substr(ws[k - 1].e, ws[k].b - ws[k - 1].e);
    while (!gap.empty() && is_space(static_cast<unsigned char>(gap.back()))) gap.remove_suffix(1);
    if (gap.ends_with("\xE2\x80\x9D")) gap.remove_suffix(3);  // ”
    else if (gap.ends_with("\"")) gap.remove_suffix(1);
    else return false;
    return gap.ends_with(".") || gap.ends_with("!") || gap.ends_with("?");
}

}  // namespace news::extract::speakers
