/// @file
/// @brief Quotations, who said them, and the people and organisations an article names.
#pragma once

#include "common/article.h"

#include <string>
#include <vector>

namespace news::extract {

/// A quotation found in text: [start, end) are the bytes inside the marks.
struct QuoteSpan {
    std::size_t start = 0, end = 0;
    std::size_t open = 0, close = 0;  ///< bytes of the opening mark and one past the closing mark
};

/// Every quotation in @p text: curly (“ ”), low (vs „) and guillemets, and straight double
/// quotes; a quote whose paragraph ends before its closing mark continues into the next
/// paragraph when that one opens with a mark. Nested single quotes stay inside.
[[nodiscard]] std::vector<QuoteSpan> find_quotes(std::string_view text);

/// Fills a.speakers (with roles and quotes), a.persons and a.organizations from a.text.
/// Byline authors and the outlet are never speakers.
void extract_speakers(Article& a);

/// Fills a.unattributed: the quotations of a.text (find_quotes) that no speaker's quote
/// covers. Run after extract_speakers (or alone, when speakers are not extracted).
void note_unattributed_quotes(Article& a);

}  // namespace news::extract
