/// @file
/// @brief The speaker alias table: which speaker known by a surname alone ("Obama", "Mrs.
/// Clinton") is which person named in full elsewhere in the archive.
///
/// Within an article the speaker extractor already makes every mention of a person one speaker
/// with their full name. Across articles, a speaker known only by a surname is linked at query
/// time: news-index keeps, at the end of every run, what the database says of the full names
/// that speak (kMetaSpeakerNames: per whole name of two words or more, its sex and the number
/// of its articles per year); news-search reads it (from every shard, adding them up, so that
/// links do not depend on which shard holds an article, nor on the order of indexing or --jobs)
/// and applies the rule of links_to().
///
/// **The rule.** A speaker whose whole name is the one word W, in an article of year Y, with sex
/// S (from its role: "Mrs", "Mr", "spokeswoman"; else unknown), is the full name N when, among
/// the full names ending in W whose sex is not the opposite of S, counting their articles in
/// the years Y-1 .. Y+1, N has at least kMinArticles of them and at least kMinShare of all.
/// An undated article is never linked. Roles other than the sex are not compared.
#pragma once

#include <xapian.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace news::aliases {

inline constexpr std::uint32_t kMinArticles = 3;
inline constexpr double kMinShare = 0.8;

/// What the database says of one full name (two words or more) that speaks.
struct FullName {
    char sex = 0;                                    ///< 'm', 'f' or 0, by its given name or its roles
    std::uint32_t male_roles = 0, female_roles = 0;  ///< articles whose role for it tells that sex
    std::map<int, std::uint32_t> years;              ///< year -> articles (undated ones left out)
};

/// The table: folded whole name -> what is known of it.
using Table = std::map<std::string, FullName, std::less<>>;

/// One way a full name is known by its surname alone: the speakers named @p word of sex
/// @p sex (0: unknown, as "Obama"; 'm', 'f': as "Mr. Obama", "Mrs. Obama") in articles of the
/// years @p years.
struct Alias {
    std::string word;
    char sex = 0;
    std::vector<int> years;
};

/// The table of @p db from its terms (XSPKN, XSPKX, Y): @p given_sex tells the sex of a folded
/// given name ('m', 'f' or 0).
[[nodiscard]] Table build(const Xapian::Database& db, const std::function<char(std::string_view)>& given_sex);
[[nodiscard]] std::string encode(const Table& t);
/// The table packed in @p bytes; empty when damaged or of another format.
[[nodiscard]] Table decode(std::string_view bytes);
/// Adds @p more (another shard's table) to @p into.
void merge(Table& into, const Table& more);
/// The tables of @p shards (one database each), added up.
[[nodiscard]] Table read(const std::vector<Xapian::Database>& shards);
/// Rebuilds the table of @p db into its metadata (call before its next commit).
void store(Xapian::WritableDatabase& db, const std::function<char(std::string_view)>& given_sex);

/// The sex a speaker's role tells: 'm' or 'f' for an honorific opening it ("Mrs", "Mr") or a
/// noun of one sex in it ("first lady", "spokesman"), 0 when it tells none (or both). The
/// indexer writes it (schema::kSpeakerSexPrefix), the searcher shows quotes by it.
/// **Example**: `role_sex("Mrs")` is 'f', `role_sex("senator")` is 0.
[[nodiscard]] char role_sex(std::string_view role);
/// The sex of a full name as the table has it.
[[nodiscard]] char sex_of(const FullName& n);
/// The full name that the one-word speaker @p word of sex @p sex in an article of @p year is
/// (the rule above), or nothing.
[[nodiscard]] std::optional<std::string> links_to(const Table& t, std::string_view word, char sex, int year);
/// Every way @p full_name (folded) is known by its last word alone, for the query parser.
[[nodiscard]] std::vector<Alias> aliases_of(const Table& t, std::string_view full_name);

/// A full name and one way it is known by its last word alone.
struct Link {
    std::string full_name;
    Alias alias;
};
/// Every full name the one-word speaker @p word may be (aliases_of of each full name ending in
/// it): `speaker:=obama` is the speakers named "Obama" none of these take.
[[nodiscard]] std::vector<Link> links_of_word(const Table& t, std::string_view word);
/// links_of_word for every word, in one pass over the table (facets).
[[nodiscard]] std::map<std::string, std::vector<Link>, std::less<>> all_links(const Table& t);
/// Does a document whose one-word speaker has the sex terms @p male, @p female (XSPKX) and
/// whose year is @p year take the link @p a? As the query parser asks it (see its linked()).
[[nodiscard]] inline bool takes(const Alias& a, bool male, bool female, int year) {
    if (std::find(a.years.begin(), a.years.end(), year) == a.years.end()) return false;
    if (a.sex == 'm') return male;
    if (a.sex == 'f') return female;
    return !male && !female;
}

}  // namespace news::aliases
