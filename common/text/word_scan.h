/// @file
/// @brief A byte scanner that finds the words of plain text (ASCII, Latin-1 letters, curly
/// quotes and dashes) exactly where the Analyzer (ICU's UAX #29 word BreakIterator) finds
/// them, about twenty times faster: Analyzer::tokenize takes this path whenever it can, and
/// the searcher's snippets use it without folding every word.
#pragma once

#include <array>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace news::text {

/// One word: bytes [start, end) of the scanned text.
struct WordSpan {
    std::uint32_t start;
    std::uint32_t end;
    bool letters;  ///< ends with a letter: ICU's letter status, the Analyzer's "stemmable"
};

namespace detail {

// Word_Break classes of the ASCII bytes, as ICU's rules use them (checked against ICU in
// tests/unit/test_snippet.cpp). ICU keeps ':' out of MidLetter ("a:b" is two words).
enum WordClass : std::uint8_t {
    kOther,      // spaces, line ends, most punctuation: never inside a word
    kLetter,     // ALetter
    kDigit,      // Numeric
    kMidNum,     // , ;       between two digits
    kMidNumLet,  // . '       between two letters or two digits
    kUnsure,     // control bytes, '@' (ICU joins e-mail addresses), '_' (ExtendNumLet); see class_at
};

constexpr std::array<std::uint8_t, 256> make_word_classes() {
    std::array<std::uint8_t, 256> c{};
    for (int b = 0; b < 256; ++b) {
        std::uint8_t k = kOther;
        if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) k = kLetter;
        else if (b >= '0' && b <= '9') k = kDigit;
        else if (b == ',' || b == ';') k = kMidNum;
        else if (b == '.' || b == '\'') k = kMidNumLet;
        else if (b >= 0x80 || b == '@' || b == '_' || b == 0x7F || (b < 0x20 && b != '\t' && b != '\n' && b != '\r'))
            k = kUnsure;
        c[static_cast<std::size_t>(b)] = k;
    }
    return c;
}

inline constexpr std::array<std::uint8_t, 256> kWordClass = make_word_classes();

// The class of the character at @p i and its length in bytes. Beyond ASCII: the Latin-1
// letters, the curly quotes, dashes, ellipsis, bullet, no-break space, pound and degree
// signs and guillemets that news text is full of; anything else is unsure.
inline std::uint8_t class_at(const unsigned char* p, std::size_t i, std::size_t n, std::size_t& len) {
    unsigned char b = p[i];
    len = 1;
    if (b < 0x80) return kWordClass[b];
    if ((b == 0xC2 || b == 0xC3) && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
        len = 2;
        unsigned cp = (static_cast<unsigned>(b & 0x1F) << 6) | (p[i + 1] & 0x3F);
        if (cp >= 0xC0) return cp == 0xD7 || cp == 0xF7 ? kOther : kLetter;  // À-ÿ but × ÷
        if (cp == 0xA0 || cp == 0xA3 || cp == 0xAB || cp == 0xB0 || cp == 0xBB) return kOther;
        return kUnsure;
    }
    if (b == 0xE2 && i + 2 < n && p[i + 1] == 0x80) {
        len = 3;
        switch (p[i + 2]) {
        case 0x98:  // ‘
        case 0x99:  // ’ (MidNumLet, as the apostrophe)
            return kMidNumLet;
        case 0x93:  // –
        case 0x94:  // —
        case 0x9C:  // “
        case 0x9D:  // ”
        case 0xA2:  // •
        case 0xA6:  // …
            return kOther;
        default: return kUnsure;
        }
    }
    return kUnsure;
}

/// The end of the run of ASCII letters and digits from @p i (@p i itself when there is none).
inline std::size_t ascii_alnum_run(const unsigned char* p, std::size_t i, std::size_t n) {
#if defined(__SSE2__)
    const __m128i case_bit = _mm_set1_epi8(0x20);
    while (i + 16 <= n) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
        // x in [lo, lo + k) <=> (signed char)(x + 128 - lo) < -128 + k
        const __m128i letter = _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v, case_bit), _mm_set1_epi8(128 - 'a')),
                                              _mm_set1_epi8(-128 + 26));
        const __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(128 - '0'))),
                                             _mm_set1_epi8(-128 + 10));
        const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(letter, digit)));
        if (mask != 0xFFFF) return i + static_cast<std::size_t>(__builtin_ctz(~mask));
        i += 16;
    }
#endif
    while (i < n && static_cast<std::uint8_t>(kWordClass[p[i]] - kLetter) < 2) ++i;
    return i;
}

}  // namespace detail

/// Calls @p f(start, end, letters) for each word of @p text, the same spans and letter status
/// as text::Analyzer::tokenize gives (the test compares them), and returns true; or returns
/// false, having called @p f for some words or none, when @p text holds a character the
/// scanner is not exact for: beyond ASCII it knows the Latin-1 letters and the punctuation
/// of detail::class_at; control characters other than tab, CR and LF, '@' and '_' (ICU joins
/// words across them) and anything else are unsure. Words whose folded form would be longer
/// than the Analyzer keeps are still given: the caller folds and drops them.
template <class F>
bool for_each_plain_word(std::string_view text, F&& f) {
    using namespace detail;
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    auto word_char = [](std::uint8_t c) { return static_cast<std::uint8_t>(c - kLetter) < 2; };  // letter or digit
    std::size_t i = 0;
    while (i < n) {
        // Between words. ASCII first: one table look-up per byte.
        std::uint8_t c = kWordClass[p[i]];
        std::size_t len = 1;
        if (c == kUnsure) {
            if (p[i] < 0x80) return false;
            c = class_at(p, i, n, len);
            if (c == kUnsure) return false;
        }
        if (!word_char(c)) {
            i += len;
            continue;
        }
        const std::size_t start = i;
        std::uint8_t last = c;
        i += len;
        while (i < n) {
            // ASCII letters and digits 16 at a time (most of a word), then one byte at a time.
            if (std::size_t j = ascii_alnum_run(p, i, n); j > i) {
                last = kWordClass[p[j - 1]];
                i = j;
                if (i >= n) break;
            }
            c = kWordClass[p[i]];
            if (word_char(c)) {  // WB5, WB8, WB9, WB10
                last = c;
                ++i;
                continue;
            }
            len = 1;
            if (p[i] >= 0x80) {
                c = class_at(p, i, n, len);
                if (word_char(c)) {
                    last = c;
                    i += len;
                    continue;
                }
            }
            if (c == kMidNumLet || c == kMidNum) {
                std::size_t after_len = 0;
                std::uint8_t after = i + len < n ? class_at(p, i + len, n, after_len) : std::uint8_t{kOther};
                // WB6/WB7: letter (. ' ‘ ’) letter; WB11/WB12: digit (. ' ‘ ’ , ;) digit.
                if ((last == kLetter && c == kMidNumLet && after == kLetter) || (last == kDigit && after == kDigit)) {
                    last = after;
                    i += len + after_len;
                    continue;
                }
            }
            break;  // an unsure character here is caught by the outer loop
        }
        f(start, i, last == kLetter);
    }
    return true;
}

/// for_each_plain_word into a vector (appended to; in any state when it returns false).
[[nodiscard]] inline bool scan_plain_words(std::string_view text, std::vector<WordSpan>& out) {
    return for_each_plain_word(text, [&](std::size_t b, std::size_t e, bool letters) {
        out.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), letters});
    });
}

}  // namespace news::text
