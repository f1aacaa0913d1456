/// @file
/// @brief Plain-text articles: optional front matter, then title, dek, dateline, body, byline.
#pragma once

#include "common/article.h"
#include "indexer/names.h"

#include <string>

namespace news::readers {

/// Parses one plain-text article (content already UTF-8). Front matter ("---" lines with
/// `key: value`) sets title, date, source, author(s), url, language, dateline. The text is
/// its paragraphs as found; extract_article guesses the rest (structure_guessed).
[[nodiscard]] Article read_text_article(const std::string& content, const std::string& path, const std::string& id);

/// @p paragraphs joined by blank lines (an Article's text; extract splits it again at them).
[[nodiscard]] std::string join_paragraphs(const std::vector<std::string>& paragraphs);

/// Splits text into paragraphs: blank lines separate them; so do single newlines when the
/// text uses no blank lines at all. Lines are trimmed; empty paragraphs dropped.
[[nodiscard]] std::vector<std::string> split_paragraphs(std::string_view text);

}  // namespace news::readers
