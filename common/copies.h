/// @file
/// @brief Wire copies: articles that are the same story (one wire report reprinted by several
/// outlets, a correction, a rerun) share a cluster, so that results show the story once.
///
/// **Signature.** news-index gives every article a MinHash signature of its body's word
/// pairs (2-gram shingles): kHashes bins of one permutation (one hash a shingle, densified so
/// that an empty bin borrows a filled one's value: Li, Owen, Zhang 2012; Shrivastava 2017),
/// each kept as 16 bits of the shingle that reached its minimum, with the number of distinct
/// shingles, an exact hash of all its words (title and body, folded as the index has them),
/// sketches of its figures and names, its date and its id (value slot schema::kCopySigSlot,
/// about 400 bytes).
///
/// **When two articles are copies.** Identical words (the exact hash; see kMaxDaysApart), or,
/// for articles of kMinShingles shingles or more, when at least kMinContainment of the
/// shorter one's shingles are in the longer one (estimated from the MinHash resemblance J and
/// the two sizes: shared = J (|A| + |B|) / (1 + J)), the shorter is at least kMinSizeRatio of
/// the longer, their figures and names agree (kMinFigureShare, kMinNameShare) and they are at
/// most kMaxDaysApart days apart. Why word pairs and 60%: an outlet's edit of a wire story
/// changes a word here and there and cuts a paragraph; each changed word breaks the two pairs
/// holding it, so changing 10% of the words keeps about 0.9^2 = 81% of the shorter text's
/// pairs, 20% still 64%. Two stories written apart about the same event share far fewer word
/// sequences (names and set phrases, a short quote). The estimate's error at 128 bins (a
/// standard deviation of about 0.04 in J) stays inside the gap; 3-grams (0.9^3 = 73%) left a
/// wire copy with a few more changes than average too close to the threshold.
///
/// **Finding the pairs.** Locality-sensitive hashing: the 128 minima in 64 bands of two, and
/// the articles agreeing on a band are candidates, checked with the whole signature. A pair at
/// the threshold is a candidate with probability 1 - (1 - J^2)^64: 0.99 or more for texts of
/// equal length or up to twice as long (J 0.43 to 0.25), 0.81 at the size ratio's limit (J
/// 0.16); a wire copy as above (J 0.5 to 0.7) all but surely.
///
/// **Clusters.** Articles in order of date, then id (undated last): each article not yet in a
/// cluster takes every copy of itself not yet in one, and is their cluster's first member.
/// Every member is then a copy of the first one (a chain of edits of edits does not glue
/// different stories together), and the cluster's id is its first member's article id: the
/// same whatever order the articles were indexed in, on any number of jobs. news-index works
/// the clusters out again from every signature at the end of each run (store_for_next_commit)
/// and rewrites only the articles whose cluster changed: their value schema::kCopySlot (the
/// cluster id, on every member; Xapian's collapse key). A search reads the clusters from that
/// slot's value stream (the clustered articles only).
#pragma once

#include "common/article.h"
#include "common/text/analyzer.h"

#include <xapian.h>

#include <array>
#include <climits>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace news::copies {

inline constexpr std::size_t kHashes = 128;
inline constexpr std::size_t kBandRows = 2;  ///< kHashes / kBandRows bands
inline constexpr std::size_t kShingleWords = 2;
inline constexpr std::uint32_t kMinShingles = 20;   ///< shorter articles are copies only when identical
inline constexpr double kMinContainment = 0.6;
inline constexpr double kMinSizeRatio = 0.3;
/// Articles sharing a band value are each checked against this many of the earliest of them
/// (all pairs in a smaller bucket): see cluster().
inline constexpr std::size_t kAnchors = 64;
/// Figures: a story's numbers survive an outlet's edit, and set apart the reports a template
/// makes every day (a market's close, a company's results: the same words, other numbers).
/// When the shorter text has kMinFigures distinct figures or more, at least kMinFigureShare of
/// them must be in the other text too. A figure is read whole from the text ("6-3/16 pct", not
/// the words 6, 3 and 16 the index has), and number words count ("seven grain ships").
inline constexpr std::size_t kSketch = 32;
inline constexpr std::uint32_t kMinFigures = 1;
inline constexpr double kMinFigureShare = 0.7;
/// Names: a story's people, companies and places survive an edit too, and set apart the
/// reports a template makes for each company (a bank raising its prime rate, a company's
/// debt offering: the same words, the same rates, another name). When the shorter text has a
/// name, at least kMinNameShare of its names must be in the other (a copy keeps its names; a
/// filing by Mobil and one by RJR Nabisco share "Securities and Exchange Commission"). Text where most words are
/// capitalised (all capitals, tables) has no names to tell.
/// Dates: an outlet reprints a wire story the day it moves or the next; a template's next
/// edition (a central bank's weekly notice, a monthly survey) comes days later in the same
/// words. Near copies more than kMaxDaysApart days apart are two editions, and so are short
/// identical ones (under kMinShingles: a headline-only flash, "Bundesbank council meeting
/// ends", recurs word for word); a long identical article is a rerun at any distance. An
/// undated article has no distance.
inline constexpr int kMaxDaysApart = 2;
inline constexpr std::uint32_t kMinNames = 1;
inline constexpr double kMinNameShare = 0.8;
inline constexpr double kMaxNameWords = 0.5;

/// A bottom-k sketch of a set of words: how many distinct words, and the kSketch smallest of
/// their 16-bit hashes, sorted (the whole set while it has kSketch words or fewer).
struct Sketch {
    std::uint32_t count = 0;
    std::vector<std::uint32_t> hashes;
    bool operator==(const Sketch&) const = default;
};

inline constexpr std::int32_t kNoDay = INT32_MIN;

struct Signature {
    std::uint64_t exact = 0;        ///< hash of every word, title and body (0: no words)
    std::uint32_t shingles = 0;     ///< distinct body word pairs (a body of 1 word: 1)
    std::array<std::uint16_t, kHashes> mins{};
    Sketch figures;  ///< the body's figures (figures_of)
    Sketch names;    ///< the body's names (capitalised words not starting a sentence)
    std::string date;               ///< YYYYMMDD, or empty
    std::int32_t day = kNoDay;      ///< date's day number (days since 1970-01-01; not stored: read from date)
    std::string id;                 ///< the article id
};

/// The signature of an article whose title words are @p title and body words @p body
/// (folded terms, as the index has them), @p figures its body's figures (figures_of; its
/// number words are added here) and
/// @p names those of the body's words that are names (name_words).
[[nodiscard]] Signature sign(const std::vector<std::string_view>& title, const std::vector<std::string_view>& body,
                             const std::vector<std::string_view>& figures, const std::vector<std::string_view>& names,
                             std::string date, std::string id);

/// The signature of @p a, whose title and body the analyzer split into @p title_tokens and
/// @p body_tokens (news-index's): what news-index stores.
[[nodiscard]] Signature sign_article(const Article& a, const std::vector<text::Token>& title_tokens,
                                     const std::vector<text::Token>& body_tokens);

/// The figures of @p text, as written: each run of digits with the . , / : - between digits
/// ("6-3/16", "1.5", "10:31", "1,500"). (sign() counts English number words of the body as
/// figures too: "seven grain ships".)
[[nodiscard]] std::vector<std::string_view> figures_of(std::string_view text);

/// Which of the words of @p text (each given by its byte offset @p starts) are names: a
/// capital letter not starting a sentence, a paragraph or the text, and no month or day of the
/// week. None when more than
/// kMaxNameWords of the words are names so (all capitals, tables).
[[nodiscard]] std::vector<bool> name_words(std::string_view text, const std::vector<std::size_t>& starts);

[[nodiscard]] std::string encode(const Signature& s);
/// nullopt when @p bytes is no signature (empty, damaged).
[[nodiscard]] std::optional<Signature> decode(std::string_view bytes);
/// The encoded signature @p bytes with another id (an article renamed when indexed).
[[nodiscard]] std::string with_id(std::string_view bytes, const std::string& id);

/// The estimated share of @p a's and @p b's shingles they have in common (Jaccard), from the
/// minima that agree.
[[nodiscard]] double resemblance(const Signature& a, const Signature& b);
/// The estimated share of the words of the smaller of @p a and @p b that the other holds too
/// (1 when one has none).
[[nodiscard]] double share(const Sketch& a, const Sketch& b);
/// Are @p a and @p b copies of one story (see the file's comment)?
[[nodiscard]] bool are_copies(const Signature& a, const Signature& b);

/// The cluster of each signature: the index of its first member, or SIZE_MAX when the article
/// has no copy. A function of the set of signatures only (not of their order in @p sigs).
[[nodiscard]] std::vector<std::size_t> cluster(const std::vector<Signature>& sigs);


struct StoreCounts {
    std::size_t signed_articles = 0;  ///< articles with a signature
    std::size_t clusters = 0;         ///< clusters of two articles or more
    std::size_t in_clusters = 0;      ///< articles in them
    std::size_t rewritten = 0;        ///< articles whose cluster changed in this run
};

/// Works out the clusters of every signed article of @p db again and rewrites the articles
/// whose cluster changed (not committed: call before the run's last commit).
StoreCounts store_for_next_commit(Xapian::WritableDatabase& db);
/// The same over the articles of several databases together (a bulk build's segments, before
/// they are merged: the merge then writes the clusters compactly, and the merged database's
/// own pass finds nothing to change; rewriting articles after the merge grew Reuters' index
/// by a third, every block it touched split).
StoreCounts store_for_next_commit(const std::vector<Xapian::WritableDatabase*>& dbs);

/// The clusters of one database as its value stream of schema::kCopySlot has them: each
/// clustered document and its cluster's number, and each cluster's id.
struct Table {
    std::vector<std::pair<Xapian::docid, std::uint32_t>> members;  ///< (docid, cluster), by docid
    std::vector<std::string> ids;                                  ///< cluster -> its id
};
/// Reads @p db's value stream of schema::kCopySlot.
[[nodiscard]] Table read_values(const Xapian::Database& db);
/// Writes @p db's clusters (read_values) into its metadata (schema::kMetaCopies) for the next
/// commit: a remote shard serves them in one request, where its value stream would be read
/// document by document (a whole Reuters shard's documents: 2 s).
void store_table_for_next_commit(Xapian::WritableDatabase& db);
/// The clusters stored by store_table_for_next_commit; nullopt when absent, damaged or stale
/// (written for another last docid).
[[nodiscard]] std::optional<Table> read_table(const Xapian::Database& db);
/// The same from the metadata's @p bytes, for a database whose last docid is @p lastdocid.
[[nodiscard]] std::optional<Table> decode_table(std::string_view bytes, Xapian::docid lastdocid);

}  // namespace news::copies
