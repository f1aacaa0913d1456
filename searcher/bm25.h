/// @file
/// @brief BM25 for word terms with the document lengths in memory.
///
/// Xapian 1.4's BM25Weight reads each matching document's length from the database's
/// document-length list, one B-tree lookup and a partial chunk decode per match: on Reuters
/// that is nine tenths of a one-word query's matching time (63 of 65 µs for "coffee",
/// 230 matches). Bm25Source computes the same weight, the same formula with the same
/// statistics, Xapian's estimate for a synonym group included, so that rankings do not change,
/// but takes the length from a DocLengths table (one array per shard, read once per process
/// from the same list) when the query's terms have enough postings to pay for reading it.
#pragma once

#include "common/doc_lengths.h"

#include <xapian.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace news::search {

/// BM25's parameters (Xapian::BM25Weight's, with k2 = 0 and k3 = 1); the defaults are Xapian's,
/// news-search ranks with RankParams' (ranking.h).
struct Bm25Params {
    double k1 = 1;
    double b = 0.5;
    double min_normlen = 0.5;
};

/// The length of every document of every shard, by docid, read on demand: news-index's packed
/// copy (common/doc_lengths.h) when it belongs to the revision open, else Xapian's length list.
class DocLengths {
public:
    explicit DocLengths(std::vector<Xapian::Database> shards)
        : shards_(std::move(shards)), tables_(shards_.size()), blocks_(shards_.size()) {}

    /// The lengths of @p db's documents (index: docid), or nullptr when not read for the
    /// revision @p db is at. @p db is one shard, as a PostingSource sees it.
    [[nodiscard]] const std::vector<Xapian::termcount>* find(const Xapian::Database& db) const;

    /// Reads the lengths of every shard at its current revision (those already read stay);
    /// with @p packed_only, only from packed copies (a shard without one is tried once per
    /// revision). Returns loaded().
    bool load(bool packed_only = false);

    /// Are the lengths of every shard at its current revision in memory?
    [[nodiscard]] bool loaded() const;

    /// @p term's blocks in @p db (a shard) at the revision it is at, or nullptr (none kept, or
    /// stale). Read from the metadata once per shard, revision and term.
    [[nodiscard]] const std::vector<doclengths::Block>* blocks(const Xapian::Database& db, const std::string& term) const {
        return blocks_at(db, doclengths::blocks_key(term));
    }
    /// The blocks under the metadata key @p key (see doclengths::group_blocks_key), likewise.
    [[nodiscard]] const std::vector<doclengths::Block>* blocks_at(const Xapian::Database& db, const std::string& key) const;

private:
    struct Table {
        std::string uuid;
        Xapian::rev revision = 0;
        bool valid = false;
        bool no_packed = false;  ///< (at uuid, revision) the packed copy is missing or stale
        std::vector<Xapian::termcount> lengths;
    };
    struct BlockCache {
        std::string uuid;
        Xapian::rev revision = 0;
        std::map<std::string, std::optional<std::vector<doclengths::Block>>> terms;
    };
    std::vector<Xapian::Database> shards_;
    std::vector<Table> tables_;
    mutable std::vector<BlockCache> blocks_;  // a cache: news-search is single-threaded
};

/// BM25's term weight (idf times k1 + 1) of a term in @p termfreq of @p collection_size
/// documents, as Xapian 1.4's BM25Weight::init() computes it.
[[nodiscard]] double bm25_term_weight(Xapian::doccount termfreq, Xapian::doccount collection_size, double k1);

/// The BM25 weight of one word term, or of a synonym group as Xapian's OP_SYNONYM weighs it
/// (the sum of the words' wdf, capped by the document's length, with the group's term
/// frequency estimated as Xapian does: the words OR-ed pairwise, rarest first, assuming
/// independence).
class Bm25Source final : public Xapian::PostingSource {
public:
    struct Shared {
        Xapian::doccount collection_size = 0;  ///< of all shards
        double average_length = 0;             ///< of all shards
        Bm25Params params;
        std::shared_ptr<const DocLengths> lengths;
        bool single_shard = false;  ///< the global term frequencies are the shard's own
    };

    /// @p global_termfreqs: each term's frequency in all shards.
    Bm25Source(std::vector<std::string> terms, std::vector<Xapian::doccount> global_termfreqs,
               std::shared_ptr<const Shared> shared);

    void init(const Xapian::Database& db) override;
    [[nodiscard]] Xapian::doccount get_termfreq_min() const override { return tf_min_; }
    [[nodiscard]] Xapian::doccount get_termfreq_est() const override { return tf_est_; }
    [[nodiscard]] Xapian::doccount get_termfreq_max() const override { return tf_max_; }
    [[nodiscard]] double get_weight() const override;
    [[nodiscard]] Xapian::docid get_docid() const override { return current_; }
    void next(double min_wt) override;
    void skip_to(Xapian::docid did, double min_wt) override;
    [[nodiscard]] bool at_end() const override { return current_ == kEnd; }
    [[nodiscard]] Bm25Source* clone() const override;
    [[nodiscard]] std::string get_description() const override;

    /// How many times a block was skipped unread, in this process, by every thread (for tests).
    [[nodiscard]] static std::size_t blocks_skipped();

    /// The group's term frequency as Xapian 1.4 estimates an OP_SYNONYM's (exposed for tests).
    /// @p local: the words' frequencies in the shard being searched, which order the pairs.
    [[nodiscard]] static Xapian::doccount synonym_termfreq(const std::vector<Xapian::doccount>& global,
                                                           const std::vector<Xapian::doccount>& local,
                                                           Xapian::doccount shard_size, Xapian::doccount collection_size);

private:
    static constexpr Xapian::docid kEnd = static_cast<Xapian::docid>(-1);
    [[nodiscard]] Xapian::docid where(std::size_t i) const;  ///< its_[i]'s document, kEnd at its end
    void settle();  ///< current_ = the smallest of at_
    void advance();  ///< to the next document of any word
    void pass_light(double min_wt);  ///< past documents weighing less than min_wt
    /// The most a document from current_ to @p until (returned) can weigh, by the blocks.
    [[nodiscard]] double block_bound(Xapian::docid& until);
    void skip_all_to(Xapian::docid did);  ///< every word's list to did or after
    [[nodiscard]] double part(double wdf, double length) const;  ///< BM25's sumpart

    std::vector<std::string> terms_;
    std::vector<Xapian::doccount> global_tf_;
    std::shared_ptr<const Shared> shared_;
    // Per shard (after init):
    Xapian::Database db_;
    std::vector<Xapian::PostingIterator> its_;
    std::vector<Xapian::docid> at_;  ///< where each of its_ is (kEnd: done)
    const std::vector<Xapian::termcount>* lengths_ = nullptr;
    // Per list of its_: the word's blocks (nullptr: none), the block at or after at_, and the
    // word's highest wdf (where it has no blocks).
    std::vector<const std::vector<doclengths::Block>*> blocks_;
    std::vector<std::size_t> block_at_;
    std::vector<Xapian::termcount> word_wdf_max_;
    Xapian::termcount len_lb_ = 0;  ///< the shard's shortest document
    const std::vector<doclengths::Block>* group_blocks_ = nullptr;  ///< of all the words as one list
    std::size_t group_at_ = 0;
    bool any_blocks_ = false;
    Xapian::docid bound_until_ = 0;  ///< block_bound() holds for current_ up to here
    double bound_ = 0;
    double termweight_ = 0;
    double len_factor_ = 0;
    Xapian::doccount tf_min_ = 0, tf_est_ = 0, tf_max_ = 0;
    Xapian::docid current_ = 0;
    bool started_ = false;
};

/// @p query with every weighted word term and synonym group (outside phrases, NEAR, wildcards
/// and the negated side of AND_NOT) weighed by a Bm25Source; @p lengths_needed gets an
/// estimate of how many document lengths they will look up (the postings of an OR, the
/// rarest side of an AND), which says whether reading all the lengths first pays.
[[nodiscard]] Xapian::Query with_bm25_sources(const Xapian::Query& query, const Xapian::Database& db,
                                              const std::shared_ptr<const Bm25Source::Shared>& shared,
                                              double& lengths_needed);

}  // namespace news::search
