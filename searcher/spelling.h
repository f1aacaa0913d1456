/// @file
/// @brief "Did you mean": corrections of a query's words from the database's own words.
///
/// When a query finds little, each of its words the archive rarely holds is compared with
/// every body word of the database (its term list, read once per suggestion: no table is
/// built at indexing, so indexing costs nothing, and a remote database answers the same way,
/// more slowly, since its term list is read over the connection; Xapian's spelling tables are
/// not used, as stock xapian-tcpsrv does not serve them). A candidate within two edits (one for
/// words of up to four letters), not a stop word, scores its frequency times the likelihood of
/// the slips that turn it into what was typed (a noisy channel): a letter left out or two
/// neighbours swapped, the commonest slips, 1/kEditCost each; a letter typed in excess or in
/// place of another kOtherSlip times less likely again (a slip lands on one of the 6-8 keys
/// around the right one). A word is corrected only to a word at least kMoreCommon times as
/// frequent: a word the archive holds often enough to be meant (Hilary Benn beside Hillary
/// Clinton) is left alone.
#pragma once

#include <xapian.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace news::search {

struct Correction {
    std::string word;     ///< as searched (folded)
    std::string correct;  ///< the database's word
    Xapian::doccount word_freq = 0, correct_freq = 0;
    int edits = 0;
};

inline constexpr double kEditCost = 100;
inline constexpr double kOtherSlip = 8;
inline constexpr double kMoreCommon = 20;

/// Optimal-string-alignment distance of @p a and @p b (insertions, deletions, substitutions
/// and transpositions of adjacent characters, by code point), or @p limit + 1 when above @p limit.
[[nodiscard]] int edit_distance(std::u32string_view a, std::u32string_view b, int limit);

/// The cost of typing @p typed for @p word: @p dropped for each letter of the word left out and
/// each two neighbours swapped (the commonest slips), @p other for each letter typed in excess
/// or in place of another.
[[nodiscard]] double typing_cost(std::u32string_view typed, std::u32string_view word, double dropped, double other);

/// @p s (UTF-8) as code points (an invalid byte is one code point of its own).
[[nodiscard]] std::u32string code_points(std::string_view s);

/// The corrections of @p words (folded words) from @p db's body words, or, with @p prefix, from
/// the words of that field (a Name field's word terms, such as speaker:'s "XSPKW"): one per
/// word that has one, in the order of @p words.
[[nodiscard]] std::vector<Correction> corrections(const Xapian::Database& db, const std::vector<std::string>& words,
                                                  const std::string& prefix = {});

/// @p query with each word that folds (@p fold) to a corrected word replaced by the correction,
/// everything else as typed (field names, operators, quotation marks). A word followed by ':'
/// is a field name and stays.
[[nodiscard]] std::string corrected_query(std::string_view query, const std::vector<Correction>& fixes,
                                          const std::function<std::string(std::string_view)>& fold);

}  // namespace news::search
