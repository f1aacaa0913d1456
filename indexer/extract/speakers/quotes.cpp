/// @file
/// @brief Speaker quotations (see quotes.h) and find_quotes.
#include "indexer/extract/speakers/quotes.h"

#include "indexer/extract/speakers/lexicon.h"
#include "indexer/extract/speakers/words.h"

#include <cctype>
#include <cstring>
#include <string>

namespace news::extract::speakers {
namespace {

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

}  // namespace

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

bool nickname_in_name(std::string_view text, const QuoteSpan& q) {
    std::string_view inner = text.substr(q.start, q.end - q.start);
    if (inner.empty() || inner.size() > 20 || !starts_upper(inner) || inner.find_first_of(" .,;:!?") != std::string_view::npos)
        return false;
    bool cap_before = q.open >= 2 && text[q.open - 1] == ' ' && std::isalpha(static_cast<unsigned char>(text[q.open - 2]));
    if (cap_before) {
        std::size_t b = q.open - 1;
        while (b > 0 && !is_space(static_cast<unsigned char>(text[b - 1]))) --b;
        cap_before = starts_upper(text.substr(b));
    }
    bool cap_after = q.close + 1 < text.size() && text[q.close] == ' ' && starts_upper(text.substr(q.close + 1));
    return cap_before && cap_after;
}

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

}  // namespace news::extract::speakers

namespace news::extract {

std::vector<QuoteSpan> find_quotes(std::string_view t) {
    using speakers::is_space;
    using speakers::mark_len;
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

}  // namespace news::extract
