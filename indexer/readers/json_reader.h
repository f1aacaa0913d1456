/// @file
/// @brief JSON and JSON Lines article records.
#pragma once

#include "common/article.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace news::readers {

/// One record -> Article. Known keys: id, title/headline, text/body/content, date/published/
/// publication_date, source/publisher/outlet, author/authors/byline (string or array), url,
/// dateline, language, topics. Throws ReadError when the record is not an object or has no text.
[[nodiscard]] Article article_from_record(const nlohmann::json& record, const std::string& path,
                                          const std::string& id);

/// The same record from its JSON text, read with simdjson (the same Article: the tests compare
/// them); text simdjson refuses goes to nlohmann, so errors are nlohmann's
/// (nlohmann::json::parse_error).
[[nodiscard]] Article article_from_record_fast(std::string_view json, const std::string& path, const std::string& id);

/// A .json file: one object or an array of objects.
[[nodiscard]] std::vector<Article> read_json(const std::string& content, const std::string& path,
                                             const std::string& id);

/// A .jsonl file: one object per line; blank lines ignored. A bad line does not stop the
/// others: it is appended to @p errors as (line, reason). @p content may be a piece of a
/// file that starts on line @p first_line (records are numbered by their line in the file).
[[nodiscard]] std::vector<Article> read_jsonl(const std::string& content, const std::string& path,
                                              const std::string& id,
                                              std::vector<std::pair<std::size_t, std::string>>& errors,
                                              std::size_t first_line = 1);

}  // namespace news::readers
