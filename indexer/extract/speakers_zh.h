/// @file
/// @brief Quote attribution for Chinese-language articles.
#pragma once

#include "common/article.h"

namespace news::extract {

/// Fills a.speakers (name, role, quotes) and a.persons for an article written in Chinese.
void extract_speakers_zh(Article& a);

}  // namespace news::extract
