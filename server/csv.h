/// @file
/// @brief CSV export of a result page (RFC 4180).
#pragma once

#include "searcher/search.h"

#include <string>
#include <string_view>

namespace news::serve {

/// The header line of write_csv, without its CRLF.
inline constexpr std::string_view kCsvColumns = "rank,id,date,source,title,speakers,score,url";

/// One field as RFC 4180 writes it: as it is, or between double quotes (with each double
/// quote doubled) when it holds a comma, a double quote, a CR or an LF, or starts or ends
/// with a space.
[[nodiscard]] std::string csv_field(std::string_view s);

/// The hits of @p r as CSV: the header (kCsvColumns), then one line per hit; lines end with
/// CRLF. `speakers` holds the article's speakers' names joined by "; ", `score` is written
/// as in JSON, `url` is the article's own url (empty when it has none).
[[nodiscard]] std::string write_csv(const search::Results& r);

}  // namespace news::serve
