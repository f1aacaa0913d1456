/// @file
/// @brief Facets: exact counts of the values of a field (speaker, source, month ...) over every
/// article a query matches, and the cross-table of two fields (news-search --facet, --split).
///
/// The matching articles are listed per shard (on the posting lists where count.h can walk
/// the query, else by the matcher, unweighted), and each one's values are looked up in the
/// facet columns (common/facets.h) held in memory: a few nanoseconds an article and field.
/// A speaker is counted under the person the speaker alias table makes them (`Obama` under
/// `Barack Obama` where the archive links them), exactly as `speaker:="barack obama"` finds
/// them: each value comes with the query clause (`filter`) that matches its articles, and
/// the test checks every count against `--count` of the query with that clause added.
#pragma once

#include "common/facets.h"
#include "common/speaker_aliases.h"

#include <xapian.h>

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace news::search {

/// The facet fields, in the order --help lists them.
inline constexpr std::string_view kFacetFields[] = {"speaker", "person", "source", "author", "place",
                                                    "topic",   "language", "year", "month",  "day"};

struct FacetRequest {
    std::string field;
    std::size_t top = 10;  ///< the values shown (0: all); year, month and day show every period by default
    bool operator==(const FacetRequest&) const = default;
};

/// The largest N of FIELD:N.
inline constexpr std::size_t kMaxFacetValues = 100000;

/// Reads "speaker", "speaker:20", "month", "month:0" into @p out; false with a message in
/// @p error for an unknown field or a bad N.
[[nodiscard]] bool parse_facet(std::string_view spec, FacetRequest& out, std::string& error);

/// year, month, day: their values are periods, listed in time order.
[[nodiscard]] bool is_date_facet(std::string_view field);

struct FacetCount {
    std::string value;   ///< as shown: "Barack Obama", "BBC News", "2016-10"
    std::string filter;  ///< the query clause matching exactly its articles (speaker:="barack obama"); empty if none can
    Xapian::doccount articles = 0;
    std::size_t quotes = 0;          ///< when quotes are counted: the quotes the query asks about
    std::vector<FacetCount> split;   ///< per value of the split field (FacetResult::split_values' order), when not 0
};

struct FacetResult {
    std::string field;
    std::string split;          ///< the field of each value's split ("": none)
    bool quotes_counted = false;  ///< the query asks about quotes (speaker:, quote:): `quotes` are counted
    bool stories = false;         ///< `articles` counts stories (a cluster of wire copies once)
    std::size_t distinct = 0;   ///< values with an article (or a quote) among the matches
    std::vector<FacetCount> values;
    std::vector<FacetCount> split_values;  ///< the split field's top values over every match (the columns)
};

/// The quotes of one matching article that the query asks about (its speaker: and quote:
/// clauses): how many, and how many each speaker said (folded whole name, as the speaker facet
/// has it: the person the alias table links a one-word name to).
struct QuoteTally {
    std::size_t total = 0;
    std::vector<std::pair<std::string, std::size_t>> by_speaker;
};

/// Counts facets over shards. Keeps the columns read (per shard, checked against its
/// revision on every use, so a reopen is seen).
class FacetCounter {
public:
    /// @p remote: per shard, whether it is served over the network (its matches then come
    /// from the matcher there, in one MSet, not from posting lists or a match spy of ours).
    FacetCounter(std::vector<Xapian::Database> shards, std::function<std::string(std::string_view)> normalize,
                 std::vector<bool> remote = {});
    ~FacetCounter();
    FacetCounter(const FacetCounter&) = delete;
    FacetCounter& operator=(const FacetCounter&) = delete;

    /// The documents of each shard that match @p query, in docid order.
    [[nodiscard]] std::vector<std::vector<Xapian::docid>> matches(const Xapian::Query& query) const;

    /// The facets @p requests (and each one's split by @p split) over @p matches (from
    /// matches()), with @p quotes (per shard and match, when the query asks about quotes),
    /// speakers linked by @p aliases. With @p stories (per shard and match, a story number:
    /// the copies of one story share it), each value counts stories instead of articles.
    [[nodiscard]] std::vector<FacetResult> count(const std::vector<std::vector<Xapian::docid>>& matches,
                                                 const std::vector<std::vector<QuoteTally>>* quotes,
                                                 const std::vector<FacetRequest>& requests,
                                                 const std::optional<FacetRequest>& split, const aliases::Table& aliases,
                                                 const std::vector<std::vector<std::uint32_t>>* stories = nullptr);

    /// Forget the alias links worked out (the table changed).
    void aliases_changed();

private:
    struct State;
    std::unique_ptr<State> s_;
};

}  // namespace news::search
