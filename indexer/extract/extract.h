/// @file
/// @brief The extract stage: from an article as its source gave it to the article indexed.
///
/// files -> readers (the article as the source says it) -> extract_article (here) ->
/// DocumentBuilder (terms only, no extraction) -> writer. extract_article runs, in order:
/// structure (only for text whose structure is guessed: furniture, headline, "By" line,
/// dek, dateline, closing byline; extract/structure.h), the manifest row and the run's
/// defaults, the language, the quotations, the speakers with their quotes and the persons
/// and organisations (extract/speakers.h, extract/speakers_zh.h), and the quotations no
/// speaker was found for.
#pragma once

#include "common/article.h"
#include "indexer/readers/manifest.h"

#include <string>

namespace news::extract {

struct ExtractOptions {
    const readers::ManifestEntry* manifest = nullptr;  ///< the file's manifest row, if any
    std::string default_source;                       ///< --source, for articles that name none
    std::string default_date;                         ///< --date, likewise
    bool speakers = true;                              ///< find speakers, persons, organisations
};

/// Completes @p a (see the file comment). Returns what failed without stopping the article,
/// or empty: a failing speaker extraction leaves the article without speakers, persons and
/// organisations ("quote and speaker extraction failed (REASON)").
[[nodiscard]] std::string extract_article(Article& a, const ExtractOptions& o);

/// The structure step alone: for text whose structure is guessed, furniture, headline, "By"
/// line, dek, dateline and closing byline (extract/structure.h); nothing for other text.
void guess_structure(Article& a);

/// Fills a.quotations with every quotation of a.text (offsets; the document builder's).
void find_quotations(Article& a);

/// Chinese ("zh") or Japanese ("ja") when ideographs or kana make up most letters of the
/// start of @p text; else @p given, or "en" when that is empty.
[[nodiscard]] std::string guess_language(const std::string& text, const std::string& given);

}  // namespace news::extract
