/// @file
/// @brief Snippets: the passage of an article that best matches the query, with highlights.
#pragma once

#include "common/text/analyzer.h"
#include "searcher/query_parser.h"

#include <string>
#include <utility>
#include <vector>

namespace news::search {

struct Snippet {
    std::string text;                                     ///< one line; "…" marks cut ends
    std::vector<std::pair<std::size_t, std::size_t>> marks;  ///< byte ranges of matched words in text
};

/// The window of about @p words words of @p body holding the most distinct query words
/// (exact, stemmed or by prefix); the start of the body when nothing matches.
[[nodiscard]] Snippet make_snippet(std::string_view body, const Highlight& hl, const text::Analyzer& analyzer,
                                   std::size_t words = 32);
/// The same through a FastAnalyzer (what news-search uses).
[[nodiscard]] Snippet make_snippet(std::string_view body, const Highlight& hl, const FastAnalyzer& analyzer,
                                   std::size_t words = 32);

}  // namespace news::search
