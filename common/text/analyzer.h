/// @file
/// @brief The Analyzer: the one path from text to index terms, for indexing and querying.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace news::text {

/// One word of the input, as found by ICU's UAX #29 word BreakIterator.
struct Token {
    std::string term;   ///< folded form: NFKC, case folded, diacritics removed ("lopez", "70000", "us")
    std::string alt;    ///< a second term at the same position, or empty ("china" for "china's")
    std::size_t start;  ///< byte offset of the word in the input
    std::size_t end;    ///< byte offset one past the word
    bool stemmable;     ///< alphabetic word: gets a Z-prefixed stem term
};

/// Splits and folds text the same way for the indexer and the query parser.
///
/// **Example**: `tokenize("López said 70,000 U.S. jobs")` gives the terms
/// `lopez said 70000 us jobs`.
class Analyzer {
public:
    /// @param stem_language a Xapian::Stem language name ("english"), or "none".
    explicit Analyzer(const std::string& stem_language = "english");
    ~Analyzer();
    Analyzer(Analyzer&&) noexcept;
    Analyzer& operator=(Analyzer&&) noexcept;

    /// Words of @p utf8 in order, with byte offsets. Invalid UTF-8 bytes count as U+FFFD.
    /// Plain text goes through the byte scanner (tokenize_plain), anything else through ICU:
    /// the same tokens either way, ICU's word splitting being five times the scanner's cost.
    [[nodiscard]] std::vector<Token> tokenize(std::string_view utf8) const;

    /// tokenize() through ICU's word BreakIterator only: the reference that the byte scanner
    /// is tested against (tests/unit/test_snippet.cpp, tests/fuzz/fuzz_fast_analyzer.cpp and,
    /// on the real corpora, tests/tokenizer_check.cpp).
    [[nodiscard]] std::vector<Token> tokenize_icu(std::string_view utf8) const;

    /// The folded words of @p utf8 joined by single spaces ("Felbab-Brown" -> "felbab brown").
    [[nodiscard]] std::string normalize(std::string_view utf8) const;

    /// The stem of a folded term (the term itself when stemming is off).
    [[nodiscard]] std::string stem(const std::string& term) const;

    [[nodiscard]] const std::string& language() const;

    /// A string naming the folding rules; stored in the database and checked at open.
    [[nodiscard]] static std::string settings_id();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Longest term kept, in bytes (Xapian's limit is 245 with the prefix); longer words are dropped.
inline constexpr std::size_t kMaxTermBytes = 200;

/// The second term of a folded possessive ("china's" -> "china"), or empty.
[[nodiscard]] inline std::string possessive_alt(const std::string& term) {
    return term.size() > 2 && term.ends_with("'s") ? term.substr(0, term.size() - 2) : std::string();
}

/// Analyzer::tokenize of plain text (ASCII, Latin-1 letters, curly quotes and dashes; see
/// word_scan.h) without ICU's word splitting, appended to @p out; false, with @p out in any
/// state, when @p utf8 holds anything else (the caller then asks ICU).
[[nodiscard]] bool tokenize_plain(std::string_view utf8, std::vector<Token>& out);

/// Folds one word (no word splitting): NFKC, case fold, diacritics, apostrophes.
[[nodiscard]] std::string fold_word(std::string_view utf8);

/// Is @p s valid UTF-8?
[[nodiscard]] bool is_valid_utf8(std::string_view s);

/// @p s with every invalid UTF-8 sequence replaced by U+FFFD (unchanged when valid).
[[nodiscard]] std::string make_valid_utf8(std::string s);

/// The longest prefix of @p s of at most @p max_bytes that does not cut a character.
[[nodiscard]] std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes);

}  // namespace news::text
