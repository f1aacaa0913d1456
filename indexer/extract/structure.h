/// @file
/// @brief Article structure from paragraphs: furniture, title, dek, dateline, byline.
#pragma once

#include "common/article.h"
#include "indexer/extract/furniture.h"

#include <string>
#include <vector>

namespace news::extract {

/// Kinds of the paragraphs apply_structure takes out that are not furniture (Article::dropped).
inline constexpr const char* kHeadline = "headline";  ///< the first paragraph, become the title
inline constexpr const char* kByline = "byline";      ///< "By NAME", become the authors

/// Fills @p a from body paragraphs: drops boilerplate; when @p find_title, the first
/// remaining paragraph becomes the title (if a.title is empty it is also kept as title);
/// a "By NAME" line gives authors; a one-paragraph standfirst before the dateline
/// paragraph becomes the dek; the dateline ("BEIJING — ") and a closing
/// "NAME reported from PLACE" byline are recognised. Sets a.text; every paragraph taken out
/// is listed in a.dropped with its kind. Only for text whose structure is guessed.
void apply_structure(Article& a, std::vector<std::string> paragraphs, bool find_title);

/// For text a source gave (JSON, SGML, front matter, a manifest row): only what takes no
/// word out of it: the dateline of one of the first three paragraphs (when a.dateline is
/// empty) and the authors of a closing "reported from" / "Reporting by" line.
void annotate_given(Article& a);

/// Are the words of @p x (letters and digits, case aside, whatever the punctuation and
/// spacing) those of @p y or its first ones? ("Our Nature.’" / "Our Nature’"; "Super PAC ad
/// attack coming;" / "Super PAC ad attack coming; Iowa, N.H. targeted ...")
[[nodiscard]] bool words_begin(std::string_view x, std::string_view y);

/// The dateline at the start of @p paragraph ("BEIJING — ..." -> "BEIJING"), or empty.
[[nodiscard]] std::string find_dateline(std::string_view paragraph);

/// Authors of a closing byline ("Janis Mackey Frayer reported from Beijing, Jennifer Jett
/// from Hong Kong and Henry Austin from London."), or empty when it is not one.
[[nodiscard]] std::vector<std::string> parse_reported_from(std::string_view paragraph);

}  // namespace news::extract
