/// @file
/// @brief Facet columns: the values of a field of every document, held in memory for exact
/// facet counts (news-search --facet).
///
/// Xapian's ValueCountMatchSpy counts one value slot, and only the documents the matcher
/// examined; speakers, persons, authors and topics are several values per article. So the
/// search counts a facet over the list of every matching document (count.h walks it on the
/// posting lists), looking each document's values up in a column: per field, the values the
/// database holds (folded, as its whole-value terms have them, and as articles spell them) and,
/// by docid, each document's. news-index builds the columns from the terms at the end of each
/// run (as doc_lengths.h does the lengths) and keeps them in the metadata for the revision its
/// commit makes; the search reads them, or, when stale (another writer has committed since),
/// builds them from the terms itself: the same function, so the counts are the same.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace news::facets {

/// The columns, each read from its whole-value terms (schema.h): speaker (XSPKN persons,
/// XSPKO others, with XSPKX's sex), person (XPERN), author (XAN), source (XSRC), place
/// (XPLACE, the city part of the dateline), topic (K), language (L); date (value slot
/// kDateSlot: year, month and day facets).
enum class Column { Speaker, Person, Author, Source, Place, Topic, Language, Date };
inline constexpr Column kColumns[] = {Column::Speaker, Column::Person,   Column::Author, Column::Source,
                                      Column::Place,   Column::Topic,   Column::Language, Column::Date};

[[nodiscard]] std::string_view column_name(Column c);
/// Its metadata key: schema::kMetaFacetPrefix + column_name.
[[nodiscard]] std::string metadata_key(Column c);
/// The metadata key holding how the articles spell the speaker's whole name @p folded (two
/// words or more): "Barack Obama" under "news.spelling.barack obama". Written with the columns.
[[nodiscard]] std::string spelling_key(std::string_view folded);

/// Flags of a speaker's entry: the sex terms its whole name has in the document (XSPKX m, f),
/// and whether the speaker is no person (XSPKO).
inline constexpr std::uint32_t kMale = 1, kFemale = 2, kOther = 4;
inline constexpr unsigned kFlagBits = 3;

struct Values {
    std::vector<std::string> keys;     ///< folded, as the terms have them (the term is prefix + key); sorted
    std::vector<std::string> display;  ///< as an article spells it ("Barack Obama", "BBC News")
    /// By docid, size lastdocid + 2: document d's entries are entries[starts[d] .. starts[d + 1]).
    std::vector<std::uint32_t> starts;
    /// Term columns: value index << kFlagBits | flags. Date: YYYYMMDD (dated documents only).
    std::vector<std::uint32_t> entries;

    [[nodiscard]] std::size_t documents() const { return starts.empty() ? 0 : starts.size() - 2; }
};

/// The column @p c of @p db, from its terms (Date: its date values). Display spellings are
/// taken from @p previous when it has the key, else from the stored article of the first
/// document holding it; @p normalize is the analyzer's (folds a name as the terms have it).
[[nodiscard]] Values build(const Xapian::Database& db, Column c, const std::function<std::string(std::string_view)>& normalize,
                           const Values* previous = nullptr);

[[nodiscard]] std::string encode(Xapian::rev revision, const Values& v);
/// The column packed in @p bytes if packed for @p revision (any, without one) and ending at
/// @p lastdocid (any, without one); nothing when not, or damaged.
[[nodiscard]] std::optional<Values> decode(std::string_view bytes, std::optional<Xapian::rev> revision,
                                           std::optional<Xapian::docid> lastdocid);

/// Rebuilds every column of @p db into its metadata, for the revision its next commit makes
/// (call just before it).
void store_for_next_commit(Xapian::WritableDatabase& db, const std::function<std::string(std::string_view)>& normalize);

}  // namespace news::facets
