/// @file
/// @brief Article structure from paragraphs: boilerplate, title, dek, dateline, byline.
#pragma once

#include "common/article.h"
#include "indexer/extract/furniture.h"

#include <string>
#include <vector>

namespace news::extract {

/// Fills @p a from body paragraphs: drops boilerplate; when @p find_title, the first
/// remaining paragraph becomes the title (if a.title is empty it is also kept as title);
/// a "By NAME" line gives authors; a one-paragraph standfirst before the dateline
/// paragraph becomes the dek; the dateline ("BEIJING — ") and a closing
/// "NAME reported from PLACE" byline are recognised. Sets a.text.
void apply_structure(Article& a, std::vector<std::string> paragraphs, bool find_title);

/// The dateline at the start of @p paragraph ("BEIJING — ..." -> "BEIJING"), or empty.
[[nodiscard]] std::string find_dateline(std::string_view paragraph);

/// Authors of a closing byline ("Janis Mackey Frayer reported from Beijing, Jennifer Jett
/// from Hong Kong and Henry Austin from London."), or empty when it is not one.
[[nodiscard]] std::vector<std::string> parse_reported_from(std::string_view paragraph);

}  // namespace news::extract
