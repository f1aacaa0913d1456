/// @file
/// @brief Plain-text articles: optional front matter, then title, dek, dateline, body, byline.
#pragma once

#include "common/article.h"

#include <string>

namespace news::readers {

/// Parses one plain-text article (content already UTF-8). Front matter ("---" lines with
/// `key: value`) sets title, date, source, author(s), url, language, dateline.
[[nodiscard]] Article read_text_article(const std::string& content, const std::string& path, const std::string& id);

/// Splits text into paragraphs: blank lines separate them; so do single newlines when the
/// text uses no blank lines at all. Lines are trimmed; empty paragraphs dropped.
[[nodiscard]] std::vector<std::string> split_paragraphs(std::string_view text);

/// Splits an author list ("A; B", "A, B and C", "By A and B") into names.
[[nodiscard]] std::vector<std::string> split_names(std::string_view list);

}  // namespace news::readers
