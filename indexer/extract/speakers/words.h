/// @file
/// @brief Speaker pass 1, words: the text outside quotation marks as a list of words, each with
/// what the later passes ask of it (capital, comma, sentence end, paragraph, next to a quote).
#pragma once

#include "indexer/extract/speakers.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace news::extract::speakers {

/// One word outside quotation marks.
struct Word {
    std::size_t b = 0, e = 0;   // bytes in the text (raw word)
    std::string core;           // without surrounding punctuation and possessive
    bool cap = false;           // starts with a capital letter
    bool comma = false;         // followed by a comma
    bool stop = false;          // ends a sentence
    bool after_quote = false;   // first word after a closing quotation mark
    bool before_quote = false;  // last word before an opening quotation mark
    bool poss = false;          // written with a possessive 's ("NBC's")
    bool initial = false;       // a capital and a full stop: the "A." of "Julie A. Diaz"
    bool cap_cue = false;       // a cue verb with a capital ("Said"), computed once
    std::size_t para = 0;
};

/// The text of an article, its quotations and the words outside them.
struct Doc {
    std::string_view text;
    std::vector<QuoteSpan> quotes;
    std::vector<Word> words;  // outside quotes
};

/// True when @p s starts with an upper-case letter (any script).
[[nodiscard]] bool starts_upper(std::string_view s);
/// ASCII white space.
[[nodiscard]] inline bool is_space(unsigned char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }
/// Bytes of white space at byte @p i of @p t: an ASCII space or a no-break space (U+00A0), else 0.
[[nodiscard]] std::size_t space_len(std::string_view t, std::size_t i);

/// The core of the raw word @p raw: without the punctuation and marks around it nor a
/// possessive 's. @p comma is set when it ends on , ; or :, @p stop when it ends a sentence
/// (not an initial, an abbreviation or a title: "J.", "U.S.", "Sen.").
/// **Example**: `strip_word("“Ruiz’s,", comma, stop)` is "Ruiz" with comma set.
[[nodiscard]] std::string strip_word(std::string_view raw, bool& comma, bool& stop);

/// Fills d.words from d.text and d.quotes (which must be sorted, as find_quotes gives them).
void build_words(Doc& d);

/// The index of the first word of @p ws that starts at or after byte @p byte.
[[nodiscard]] std::size_t word_after(const std::vector<Word>& ws, std::size_t byte);
/// Word @p k opens a sentence after a quotation that ended the one before (“... they have
/// portability.” Cory Doctorow / caps that read “Drive It Home.” Her aides ...): the full
/// stop is inside the marks, so no word carries it.
[[nodiscard]] bool opens_after_closing_quote(std::string_view text, const std::vector<Word>& ws, std::size_t k);

}  // namespace news::extract::speakers
