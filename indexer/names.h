/// @file
/// @brief Lists of names as bylines and metadata write them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace news {

/// Splits an author list ("A; B", "A, B and C", "By A and B") into names.
[[nodiscard]] std::vector<std::string> split_names(std::string_view list);

}  // namespace news
