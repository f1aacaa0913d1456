/// @file
/// @brief A byte scanner that finds the words of plain ASCII text exactly where the Analyzer
/// (ICU's UAX #29 word BreakIterator) finds them, about twenty times faster; for snippets.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace news::search {

/// One word: bytes [start, end) of the scanned text.
struct WordSpan {
    std::uint32_t start;
    std::uint32_t end;
    bool letters;  ///< ends with a letter: ICU's letter status, the Analyzer's "stemmable"
};

/// Appends to @p out the words of @p text, the same spans and the same letter status as
/// text::Analyzer::tokenize gives (the test compares them), and returns true; or returns
/// false, with @p out in any state, when @p text holds a byte the scanner is not exact for:
/// anything outside ASCII, control characters other than tab, CR and LF, '@' and '_'
/// (ICU joins words across them). Words whose folded form would be longer than the
/// Analyzer keeps are still listed: the caller folds and drops them.
[[nodiscard]] bool scan_ascii_words(std::string_view text, std::vector<WordSpan>& out);

}  // namespace news::search
