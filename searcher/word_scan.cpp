/// @file
/// @brief UAX #29 word boundaries for ASCII text, as ICU 72's root word rules draw them.
#include "searcher/word_scan.h"

#include <array>

namespace news::search {
namespace {

// Word_Break classes of the ASCII bytes, as ICU's rules use them (checked against ICU in
// tests/unit/test_snippet.cpp). ICU keeps ':' out of MidLetter ("a:b" is two words).
enum Class : std::uint8_t {
    kOther,      // spaces, line ends, most punctuation: never inside a word
    kLetter,     // ALetter
    kDigit,      // Numeric
    kMidNum,     // , ;       between two digits
    kMidNumLet,  // . '       between two letters or two digits
    kUnsure,     // non-ASCII, control bytes, '@' (ICU joins e-mail addresses), '_' (ExtendNumLet)
};

constexpr std::array<std::uint8_t, 256> make_classes() {
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

constexpr std::array<std::uint8_t, 256> kClass = make_classes();

}  // namespace

bool scan_ascii_words(std::string_view text, std::vector<WordSpan>& out) {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        std::uint8_t c = kClass[p[i]];
        if (c == kUnsure) return false;
        if (c != kLetter && c != kDigit) {
            ++i;
            continue;
        }
        const std::size_t start = i++;
        std::uint8_t last = c;
        while (i < n) {
            std::uint8_t k = kClass[p[i]];
            if (k == kLetter || k == kDigit) {  // WB5, WB8, WB9, WB10
                last = k;
                ++i;
                continue;
            }
            if ((k == kMidNumLet || k == kMidNum) && i + 1 < n) {
                std::uint8_t after = kClass[p[i + 1]];
                // WB6/WB7: letter (. ') letter; WB11/WB12: digit (. ' , ;) digit.
                if ((last == kLetter && k == kMidNumLet && after == kLetter) || (last == kDigit && after == kDigit)) {
                    last = after;
                    i += 2;
                    continue;
                }
            }
            break;  // an unsure byte here is caught by the outer loop
        }
        out.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(i), last == kLetter});
    }
    return true;
}

}  // namespace news::search
