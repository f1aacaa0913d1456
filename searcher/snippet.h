/// @file
/// @brief Snippets: the passage of an article that best matches the query, with highlights.
#pragma once

#include "common/text/analyzer.h"
#include "searcher/query_parser.h"

#include <memory>
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

/// make_snippet for the results of one query: what the query looks for is worked out once.
/// @p hl and @p analyzer must outlive it.
class SnippetMaker {
public:
    SnippetMaker(const Highlight& hl, const FastAnalyzer& analyzer);
    ~SnippetMaker();
    SnippetMaker(const SnippetMaker&) = delete;
    SnippetMaker& operator=(const SnippetMaker&) = delete;
    [[nodiscard]] Snippet make(std::string_view body, std::size_t words = 32);

    class Matcher;  ///< (snippet.cpp's) which query word a word of the text stands for

private:
    const Highlight& hl_;
    const FastAnalyzer& analyzer_;
    std::unique_ptr<Matcher> matcher_;
};

}  // namespace news::search
