/// @file
/// @brief Query text -> Xapian::Query, through the same Analyzer as indexing.
///
/// Grammar (DESIGN.md): words (AND by default, OR with default_or), "phrases",
/// "phrases"~N, OR, AND, NOT, -term, +term, (groups), prefix*, field:value,
/// field:"phrase", field:(group), date:2024-01..2024-03. Errors carry a 1-based column.
/// A `word:` that names no field is text, as in Xapian's QueryParser ("Trump: My plans",
/// "foo:bar" the phrase foo bar). A wildcard only ends a word: "*pod" and "po*d" are errors.
#pragma once

#include "common/speaker_aliases.h"
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

/// What to show with each result (the quotes the query asked about): quotes by a speaker that
/// `speaker` matches (empty: any speaker, or none) that hold `quote` (empty: any quote), both
/// written with the article-wide prefixes (XSPK, XSPKW, XQ) and evaluated on the quotes of
/// the results (see search.cpp).
struct QuoteShow {
    Xapian::Query speaker;
    Xapian::Query quote;
    /// A said: clause asks: reported speech may answer too (its words under XR, as the
    /// quotes' under XQ).
    bool reported = false;
};

struct ParsedQuery {
    Xapian::Query query;
    Highlight highlight;
    std::vector<QuoteShow> quote_shows;
    /// What the parser did to the text beyond the grammar, one sentence each, for --explain:
    /// "'Trump:' is not a field: searched as the word trump", a word with nothing searchable
    /// left out, a stem with more words than are searched.
    std::vector<std::string> notes;
    /// The word wildcards, as typed and as the term pattern: each is expanded to the
    /// kMaxWildcardWords most frequent words (Searcher::parse notes when a pattern has more).
    std::vector<std::pair<std::string, std::string>> wildcards;
    bool dated = false;  ///< the query has a date: clause
};

/// A word wildcard ("invest*") searches at most this many words, the most frequent.
inline constexpr Xapian::termcount kMaxWildcardWords = 1000;

/// The quote slots of the database (schema::quote_slot_prefix), asked only by queries that
/// pair speaker: with quote:. Without them no quote is paired with any speaker.
struct QuoteSlots {
    /// The database's terms that start with the argument, at most kMaxSlotTerms of them (see
    /// schema::kPairWordPrefix: the slots holding a word are a range of terms).
    std::function<std::vector<std::string>(const std::string& head)> terms;
};
/// Words of a NEAR inside one quote (`quote:"a b c"~2` with a speaker, or with others of its
/// kind): each order of them is a phrase per quote slot, so at most 5 (120 orders).
inline constexpr std::size_t kMaxSlotNearWords = 5;
inline constexpr std::size_t kMaxSlotTerms = 100000;  ///< more: the parser takes every slot

/// Limits of a query, and the day its relative dates count from.
struct ParseLimits {
    std::size_t max_depth = 200;    ///< nesting of parentheses and NOT
    std::size_t max_terms = 1000;   ///< words and phrases in one query
    std::string today;              ///< "YYYYMMDD" for date:yesterday, date:"last week" ... (empty: today in UTC)
};

/// The indexed words sharing a stem (from the database's stem table), or none.
using StemExpander = std::function<std::vector<std::string>(const std::string& stem)>;

/// The ways a speaker's full name (folded) is known by its last word alone in the database
/// (aliases::aliases_of on the alias table of every shard), asked by speaker: clauses of two
/// words or more. Without it no speaker is linked.
using SpeakerLinks = std::function<std::vector<aliases::Alias>(const std::string& full_name)>;
/// The full names the one-word speaker called the argument may be linked to (aliases::links_of_word
/// on the same table), asked by `speaker:=word`. Without it no link is excluded.
using WordLinks = std::function<std::vector<aliases::Link>(const std::string& word)>;

/// Parses @p text; throws QueryError. @p default_or makes bare words OR instead of AND.
/// In an AND group, each quote: clause pairs with the speaker: clause before it (else the
/// first one after it): `speaker:A quote:X` is one quote by A holding X, through the pairing
/// terms of the quote @p slots; `speaker:A -quote:X`: no quote by A holds X.
/// A single word matches every indexed word with its stem, found through @p expand
/// (OP_SYNONYM of the words); without an expander it matches itself only.
/// `speaker:"barack obama"` also matches the speakers known only as "Obama" whom @p links
/// links to him: (XSPKNobama, their years' date terms, their sex) ORed with the full name's
/// terms, and the same with the pairing terms of a quote slot.
/// `field:=NAME` (speaker, person, author; source, place, topic, lang) is the whole name only,
/// as a facet counts it: `speaker:=obama` is not "Michelle Obama", and not the speakers "Obama"
/// whom @p word_links links to a full name (in a quote slot: the name as `speaker:"NAME"`).
[[nodiscard]] ParsedQuery parse_query(std::string_view text, const text::Analyzer& analyzer, bool default_or = false,
                                      const ParseLimits& limits = {}, const StemExpander& expand = {},
                                      const QuoteSlots& slots = {}, const SpeakerLinks& links = {},
                                      const WordLinks& word_links = {});
/// The same through a FastAnalyzer (what news-search uses).
[[nodiscard]] ParsedQuery parse_query(std::string_view text, const FastAnalyzer& analyzer, bool default_or = false,
                                      const ParseLimits& limits = {}, const StemExpander& expand = {},
                                      const QuoteSlots& slots = {}, const SpeakerLinks& links = {},
                                      const WordLinks& word_links = {});

}  // namespace news::search
