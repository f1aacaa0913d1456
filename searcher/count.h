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

/// Does the ranked search of @p query read (nearly) every match anyway, so that counting them
/// there (check_at_least) costs less than a second pass? True for an AND, a phrase or NEAR
/// (also under AND_NOT's positive side): Bm25Source does not skip an AND's blocks (the hint
/// Xapian gives each side stays below zero until late) and a phrase's positions are checked
/// for each candidate. False for words, stem groups, ORs and wildcards, whose ranked pass
/// skips blocks once it has its page.
[[nodiscard]] bool ranking_reads_every_match(const Xapian::Query& query);

}  // namespace news::search
