/// @file
/// @brief Reading document data (news::to_document_data) for results with simdjson, without
/// nlohmann's DOM: the same Article as news::article_from_document_data, several times faster.
#pragma once

#include "common/article.h"
#include "common/stored.h"

#include <xapian.h>

#include <string_view>

namespace news::search {

/// The same Article as news::article_from_document_data(@p data) (the test compares them on
/// every field): the JSON part read with simdjson's DOM API, or, for anything that
/// news::to_document_data never writes (a syntax error, another type, an unknown key, a
/// number that is not a plain unsigned integer), that very function, so malformed data
/// throws nlohmann::json::exception as it does.
[[nodiscard]] Article read_document_data(std::string_view data);

/// The article stored with @p doc (value slot schema::kStoredSlot, see common/stored.h), made
/// with one of the dictionaries @p dicts or none; throws std::runtime_error when the value
/// does not decompress (stored::UnknownDictionary for a dictionary not given), nlohmann::json::exception
/// when what it holds is malformed.
[[nodiscard]] Article read_stored_article(const Xapian::Document& doc,
                                          std::span<const std::shared_ptr<const stored::Dictionary>> dicts = {});

}  // namespace news::search
