/// @file
/// @brief Speaker pass 6, reported speech: what someone is said to have said without quotation
/// marks, the clause a reporting verb introduces ("Ida Brandt said the fees would stay",
/// "The fees will stay, Brandt said.", "According to Brandt, the fees will stay."), given to
/// the cue's subject as the earlier passes resolved it. Direct quotations are the quotes' own;
/// a clause that is mostly a quotation is left to them.
#pragma once

#include "common/article.h"
#include "indexer/extract/speakers/coreference.h"

#include <vector>

namespace news::extract::speakers {

/// The reported speech of the article, per speaker (name, kind, role), each span a Quote
/// (text and byte offsets into the text), in the order of the text; speakers in the order
/// they first report something.
[[nodiscard]] std::vector<Speaker> find_reported(const Analysis& an);

}  // namespace news::extract::speakers
