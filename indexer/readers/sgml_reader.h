/// @file
/// @brief Reuters-21578 SGML: many <REUTERS> records per .sgm file, one Article each.
#pragma once

#include "common/article.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace news::readers {

/// (line, reason) pairs: a record that failed, or one read with a problem.
using LineMessages = std::vector<std::pair<std::size_t, std::string>>;

/// Reads every <REUTERS ...>...</REUTERS> record of a Reuters-21578 .sgm file (content
/// already UTF-8). Each record gives one Article:
/// - id: @p id + "#" + the NEWID attribute ("reuters21578/reut2-000.sgm#1");
/// - title from <TITLE>; date from <DATE> ("26-FEB-1987 15:01:01.79" -> "1987-02-26");
/// - dateline from <DATELINE>, the place only ("BAHIA BLANCA, Argentina, Feb 26 - ");
/// - authors from <AUTHOR> ("By Jane Doe, Reuters" -> "Jane Doe");
/// - topics: the <TOPICS> codes, then the <PLACES> codes not already there (the model has no
///   field of its own for places; the codes of the two vocabularies do not overlap);
/// - text from <BODY>, paragraphs separated by blank lines (a wire paragraph starts with an
///   indented line), without the closing "Reuter" signature. A record without <BODY>
///   (TYPE="BRIEF": title only; TYPE="UNPROC": raw text) uses its <TEXT>: an UNPROC record's
///   first line is its title, a BRIEF's text is its title (its "Blah blah blah." is dropped);
/// - source "Reuters", language "en".
/// Entity references are decoded (&lt; &gt; &amp; &quot; &apos; and &#N; / &#xN;); references
/// to control characters (the wire's &#2; &#3; &#5; &#22; ...) are transmission codes, not
/// text, and are dropped.
/// A record with no text at all (nor title) is still an article, with empty text: its date,
/// topics and places stay searchable. A repeated NEWID is appended to @p errors as (line of
/// its <REUTERS tag, reason) and the others go on. A malformed date leaves the date empty and
/// is appended to @p warnings. Throws ReadError when the file holds no <REUTERS> record at all.
[[nodiscard]] std::vector<Article> read_sgml(const std::string& content, const std::string& path, const std::string& id,
                                             LineMessages& errors, LineMessages& warnings);

/// Decodes SGML character references; control characters (other than tab and newline)
/// are dropped, whether written as references or raw. Unknown named entities stay as written.
[[nodiscard]] std::string decode_sgml_entities(std::string_view s);

/// The place of a Reuters dateline: "    BAHIA BLANCA, Argentina, Feb 26 - " ->
/// "BAHIA BLANCA, Argentina"; "  JOHANNESBURG March 13 -" -> "JOHANNESBURG". Empty when
/// what is left is no place (empty, digits, longer than 60 bytes).
[[nodiscard]] std::string reuters_dateline(std::string_view dateline);

}  // namespace news::readers
