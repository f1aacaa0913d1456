/// @file
/// @brief Counting a query's matches on the posting lists alone, without the matcher.
///
/// Xapian's matcher counts a match in about 100 ns (its postlist tree, the weight object,
/// the candidate checks), even unweighted; a count of words, stem groups, ORs, ANDs and
/// exclusions needs only the posting lists, walked with skip_to: 10-20 ns a posting.
#pragma once

#include "searcher/bm25.h"

#include <xapian.h>

#include <functional>
#include <optional>
#include <vector>

namespace news::search {

/// The number of documents of @p db matching @p query from docid @p from on, counting stops
/// at @p stop_at (the result is then @p stop_at: "at least"). nullopt when the query holds an
/// operator counted here only by the matcher (phrases, NEAR, wildcards, value ranges ...).
[[nodiscard]] std::optional<Xapian::doccount> count_on_postings(const Xapian::Database& db, const Xapian::Query& query,
                                                                Xapian::doccount stop_at, Xapian::docid from = 1);

/// Calls @p f with each document of @p db matching @p query, in docid order, from docid @p from
/// on, until it returns false. False (and no call) when the query holds an operator walked here
/// only by the matcher (as count_on_postings).
bool each_match_on_postings(const Xapian::Database& db, const Xapian::Query& query,
                            const std::function<bool(Xapian::docid)>& f, Xapian::docid from = 1);

/// The number of documents holding a word, or any word of a stem group (OP_SYNONYM of
/// words), in @p shards, mostly without reading postings: a word's term frequency; a group's
/// blocks (news-index's, of kBlockPostings documents each) but the last, whose documents
/// are counted. nullopt for any other query, or a group of 2 x kMinBlockTermfreq postings
/// or more in a shard without its blocks (stale or cut: a stem of more than 64 words).
[[nodiscard]] std::optional<Xapian::doccount> count_word_or_group(const std::vector<Xapian::Database>& shards,
                                                                  const DocLengths& lengths, const Xapian::Query& query);

/// Does the ranked search of @p query read (nearly) every match anyway, so that counting them
/// there (check_at_least) costs less than a second pass? True for an AND, a phrase or NEAR
/// (also under AND_NOT's positive side): Bm25Source does not skip an AND's blocks (the hint
/// Xapian gives each side stays below zero until late) and a phrase's positions are checked
/// for each candidate. False for words, stem groups, ORs and wildcards, whose ranked pass
/// skips blocks once it has its page.
[[nodiscard]] bool ranking_reads_every_match(const Xapian::Query& query);

}  // namespace news::search
