/// @file
/// @brief Speaker quotations: where they are (find_quotes, in speakers.h) and whether what
/// they hold reads as words someone said, rather than a term, a nickname or a title.
#pragma once

#include "indexer/extract/speakers.h"

#include <cstddef>
#include <string_view>

namespace news::extract::speakers {

/// The quotation mark at byte @p i of @p t: its length in bytes (0 when there is none), and
/// whether it opens or closes a quotation there.
[[nodiscard]] std::size_t mark_len(std::string_view t, std::size_t i, bool& opening, bool& closing);

/// A nickname in quotes inside a name (Marcia "Cia" Price): part of the name, not a quote.
[[nodiscard]] bool nickname_in_name(std::string_view text, const QuoteSpan& q);

/// Words as the scorer and the searcher count them: a hyphen parts words ("well-paid" is two).
[[nodiscard]] std::size_t count_words(std::string_view inner);

/// Words someone said, not a term in quotes: one word (would be “improper”, the
/// “deplorables”, a “Stalinist.”) is a term, unless it is an answer or a cry set off by its
/// attribution (“No,” said the senator; “Disgraceful!” he wrote).
[[nodiscard]] bool reads_as_speech(std::string_view inner);

/// Nothing but white space, a paragraph start or a sentence end before byte @p at.
[[nodiscard]] bool opens_sentence(std::string_view text, std::size_t at);

/// A name in capitals, every word but the small ones capitalised ("Meet the Press").
[[nodiscard]] bool title_case(std::string_view inner);

/// A name in capitals after "on", "told", "during" ...: a programme or an event
/// (on “Morning Joe”, told “Fox News Sunday”), not words said.
[[nodiscard]] bool programme_title(std::string_view text, const QuoteSpan& q);

}  // namespace news::extract::speakers
