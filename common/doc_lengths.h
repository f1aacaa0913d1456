/// @file
/// @brief Every document's length, kept in the database metadata (schema::kMetaDocLengths).
///
/// news-search weighs with the document lengths in memory (searcher/bm25.h). Reading them from
/// Xapian's own length list costs 15-20 ns a document; news-index therefore writes them once
/// more, packed, at the end of each run, and the search reads that copy (a few ns a document)
/// when it belongs to the revision it has open. Another writer's commit changes the revision,
/// and the copy is then ignored.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

namespace news::doclengths {

/// The lengths of @p db's documents, by docid (0 for a docid without a document), read from
/// Xapian's length list.
[[nodiscard]] std::vector<Xapian::termcount> read_from_postlists(const Xapian::Database& db);

/// @p lengths (by docid) packed for @p revision.
[[nodiscard]] std::string encode(Xapian::rev revision, const std::vector<Xapian::termcount>& lengths);

/// The lengths packed in @p bytes if they were packed for @p revision and end at @p lastdocid;
/// nothing when they were not, or are damaged.
[[nodiscard]] std::optional<std::vector<Xapian::termcount>> decode(std::string_view bytes, Xapian::rev revision,
                                                                   Xapian::docid lastdocid);

/// Writes the lengths for the revision that @p db's next commit makes (call just before it).
void store_for_next_commit(Xapian::WritableDatabase& db);

}  // namespace news::doclengths
