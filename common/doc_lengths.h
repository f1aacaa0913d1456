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

/// Per block of kBlockPostings postings of a term: the last docid, the highest wdf and the
/// shortest document length, from which news-search bounds the BM25 weight of every
/// document in the block and passes over blocks that cannot make the results (Lucene's
/// block-max idea). Kept for terms with at least kMinBlockTermfreq documents.
struct Block {
    Xapian::docid last = 0;
    Xapian::termcount max_wdf = 0;
    Xapian::termcount min_length = 0;
};
inline constexpr std::size_t kBlockPostings = 128;
inline constexpr Xapian::doccount kMinBlockTermfreq = 1024;

/// The metadata key of @p term's blocks.
[[nodiscard]] std::string blocks_key(const std::string& term);
/// The metadata key of the blocks of the words @p words as one synonym group (the list of
/// all their documents, each with the words' summed wdf): a stem's words, in any order.
[[nodiscard]] std::string group_blocks_key(std::vector<std::string> words);

/// The blocks of @p words as one group (see group_blocks_key).
[[nodiscard]] std::vector<Block> read_group_blocks(const Xapian::Database& db, const std::vector<std::string>& words,
                                                   const std::vector<Xapian::termcount>& lengths);

/// @p term's blocks in @p db (whose lengths are @p lengths, by docid).
[[nodiscard]] std::vector<Block> read_blocks(const Xapian::Database& db, const std::string& term,
                                             const std::vector<Xapian::termcount>& lengths);
[[nodiscard]] std::string encode_blocks(Xapian::rev revision, const std::vector<Block>& blocks);
/// The blocks packed in @p bytes if packed for @p revision; nothing when not, or damaged.
[[nodiscard]] std::optional<std::vector<Block>> decode_blocks(std::string_view bytes, Xapian::rev revision);

/// Writes the lengths, and the blocks of every term and of every stem's words (the stem table)
/// with at least @p min_block_termfreq documents (dropping the others), for the revision that
/// @p db's next commit makes (call just before it).
void store_for_next_commit(Xapian::WritableDatabase& db, Xapian::doccount min_block_termfreq = kMinBlockTermfreq);

}  // namespace news::doclengths
