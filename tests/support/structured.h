/// @file
/// @brief Readers give an article as its source says it; the structure of scraped text
/// (headline line, furniture, "By" line, dateline) is extract's. Tests of what a file
/// becomes read it and then take that step.
#pragma once

#include "common/article.h"
#include "indexer/extract/extract.h"

#include <vector>

namespace news::testing {

inline Article structured(Article a) {
    extract::guess_structure(a);
    return a;
}

inline std::vector<Article> structured(std::vector<Article> v) {
    for (Article& a : v) extract::guess_structure(a);
    return v;
}

}  // namespace news::testing
