/// @file
/// @brief Counting a query's matches on the posting lists alone, without the matcher.
///
/// Xapian's matcher counts a match in about 100 ns (its postlist tree, the weight object,
/// the candidate checks), even unweighted; a count of words, stem groups, ORs, ANDs and
/// exclusions needs only the posting lists, walked with skip_to: 10-20 ns a posting.
#pragma once

#include <xapian.h>

#include <optional>

namespace news::search {

/// The number of documents of @p db matching @p query, counting stops at @p stop_at (the
/// result is then @p stop_at: "at least"). nullopt when the query holds an operator counted
/// here only by the matcher (phrases, NEAR, wildcards, value ranges ...).
[[nodiscard]] std::optional<Xapian::doccount> count_on_postings(const Xapian::Database& db, const Xapian::Query& query,
                                                                Xapian::doccount stop_at);

}  // namespace news::search
