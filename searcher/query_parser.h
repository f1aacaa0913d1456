/// @file
/// @brief Query text -> Xapian::Query, through the same Analyzer as indexing.
///
/// Grammar (DESIGN.md): words (AND by default, OR with default_or), "phrases",
/// "phrases"~N, OR, AND, NOT, -term, +term, (groups), prefix*, field:value,
/// field:"phrase", field:(group), date:2024-01..2024-03. Errors carry a 1-based column.
/// A `word:` that names no field is text, as in Xapian's QueryParser ("Trump: My plans",
/// "foo:bar" the phrase foo bar). A wildcard only ends a word: "*pod" and "po*d" are errors.
#pragma once

#include "common/text/analyzer.h"
#include "searcher/fast_analyzer.h"

#include <xapian.h>

#include <functional>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace news::search {

/// A malformed query: what() is the message, column() the 1-based character column.
class QueryError : public std::runtime_error {
public:
    QueryError(const std::string& what, std::size_t column) : std::runtime_error(what), column_(column) {}
    [[nodiscard]] std::size_t column() const { return column_; }

private:
    std::size_t column_;
};

/// What the snippet highlighter looks for: folded words, their stems and wildcard heads.
struct Highlight {
    std::set<std::string> terms;
    std::set<std::string> stems;
    std::set<std::string> prefixes;
    /// Every word the stem table gives for each of `stems` (and the query word itself) ->
    /// that stem. The table holds every word indexed under its stem, so with
    /// `stem_words_known` a word of an article has one of `stems` exactly when it is here,
    /// and the snippet needs no stemmer; without a stem table (no expander), it stems.
    std::map<std::string, std::string, std::less<>> stem_words;
    bool stem_words_known = false;
};

/// "speaker:X quote:Y" at the top level of a query: the article must hold a quote *by X*
/// that contains Y (checked on the stored quotes, see search.cpp). Also used to show the
/// matching quotes of a speaker in results.
struct SpeakerQuote {
    std::vector<std::string> speakers;            ///< folded names ("daskal", "jen daskal")
    std::vector<std::vector<std::string>> words;  ///< quote: values, each a folded word or phrase
};

struct ParsedQuery {
    Xapian::Query query;
    Highlight highlight;
    SpeakerQuote speaker_quote;
    /// What the parser did to the text beyond the grammar, one sentence each, for --explain:
    /// "'Trump:' is not a field: searched as the word trump", a word with nothing searchable
    /// left out, a stem with more words than are searched.
    std::vector<std::string> notes;
    /// The word wildcards, as typed and as the term pattern: each is expanded to the
    /// kMaxWildcardWords most frequent words (Searcher::parse notes when a pattern has more).
    std::vector<std::pair<std::string, std::string>> wildcards;
};

/// A word wildcard ("invest*") searches at most this many words, the most frequent.
inline constexpr Xapian::termcount kMaxWildcardWords = 1000;

struct ParseLimits {
    std::size_t max_depth = 200;    ///< nesting of parentheses and NOT
    std::size_t max_terms = 1000;   ///< words and phrases in one query
};

/// The indexed words sharing a stem (from the database's stem table), or none.
using StemExpander = std::function<std::vector<std::string>(const std::string& stem)>;

/// Parses @p text; throws QueryError. @p default_or makes bare words OR instead of AND.
/// A single word matches every indexed word with its stem, found through @p expand
/// (OP_SYNONYM of the words); without an expander it matches itself only.
[[nodiscard]] ParsedQuery parse_query(std::string_view text, const text::Analyzer& analyzer, bool default_or = false,
                                      const ParseLimits& limits = {}, const StemExpander& expand = {});
/// The same through a FastAnalyzer (what news-search uses).
[[nodiscard]] ParsedQuery parse_query(std::string_view text, const FastAnalyzer& analyzer, bool default_or = false,
                                      const ParseLimits& limits = {}, const StemExpander& expand = {});

}  // namespace news::search
