/// @file
/// @brief How results are ranked: BM25's parameters, query-side stop words, a title weight
/// and a bonus for query words found near each other, all built from Xapian's own query
/// operators (OP_SCALE_WEIGHT, OP_FILTER, OP_NEAR, OP_AND_MAYBE) so that a database served
/// by stock xapian-tcpsrv ranks the same as a local one.
///
/// The reasons, and each change's effect alone on Cranfield and Reuters, are in
/// tests/bench/README.md ("Ranking").
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace news::search {

struct RankParams {
    /// BM25's term-frequency saturation and length normalisation: Xapian's defaults. Robertson's
    /// and Lucene's (1.2, 0.75) normalise length harder: better on Cranfield's abstracts (MAP
    /// +0.01), worse on news, whose articles run from a brief to a feature (Reuters -0.016).
    double k1 = 1;
    double b = 0.5;
    /// A query word found in the title also counts this much of its weight in the title
    /// (the title's words are body words too: this is on top).
    double title = 0.3;
    /// Two consecutive query words within this many positions of each other add this much of
    /// their weight again (a sequential-dependence bonus, unordered window). Off by default: it
    /// helps news a little (Reuters MAP +0.004 at 0.1) but reads the positions of every article
    /// holding both words, which makes a two-word AND about ten times slower; 0.1 is a good value.
    double near = 0;
    unsigned window = 8;
    /// Drop common function words ("the", "what", "of") from a list of words joined by OR,
    /// where they only add noise and matches nobody wants; never from an AND or a phrase.
    bool stop_words = true;

    /// Parses "k1=1.2,b=0.75,title=0.2,near=0.2,window=8,stop=1" (any subset; the rest keep
    /// their defaults). Throws std::invalid_argument naming the bad item.
    static RankParams parse(std::string_view spec);
    /// The same form, every parameter.
    [[nodiscard]] std::string describe() const;
};

/// Does subquery @p i of an @p op query count towards the weight? (OP_AND_NOT and OP_FILTER
/// weigh only their first; the others all of theirs.)
[[nodiscard]] inline bool weighs_subquery(Xapian::Query::op op, std::size_t i) {
    return i == 0 || (op != Xapian::Query::OP_AND_NOT && op != Xapian::Query::OP_FILTER);
}

/// Is @p word one of the query-side stop words (English function words)?
[[nodiscard]] bool is_stop_word(std::string_view word);

/// @p query without the stop words of its OR lists (RankParams::stop_words): a word clause
/// (a word, or a stem group whose first word is the one typed) that is a stop word is left out
/// of an OR holding at least one other word clause. Returns the query unchanged otherwise;
/// @p dropped gets the words left out.
[[nodiscard]] Xapian::Query without_stop_words(const Xapian::Query& query, std::string* dropped = nullptr);

/// @p query shaped for ranking: every word clause W (a body word or a stem group) becomes
/// W OR title*title(W), and each AND or OR holding two or more word clauses gains, by
/// AND_MAYBE, near*(the pair's words, filtered by their NEAR) for each two consecutive ones.
/// The documents matched do not change (a title word is a body word; AND_MAYBE adds no
/// match): only their weights.
[[nodiscard]] Xapian::Query shaped_for_ranking(const Xapian::Query& query, const RankParams& params);

/// The word clauses of @p query that are weighed (not those only filtering or excluded), each
/// as its terms (the typed word first), once each, in query order.
[[nodiscard]] std::vector<std::vector<std::string>> weighed_word_clauses(const Xapian::Query& query);

/// The factor of an OP_SCALE_WEIGHT query (Xapian 1.4 has no accessor: read from its
/// description, which prints it with 20 significant digits, enough to round-trip a double).
[[nodiscard]] double scale_factor(const Xapian::Query& scaled);

}  // namespace news::search
