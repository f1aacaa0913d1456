/// @file
/// @brief What `--version` prints, the same for every program.
#pragma once

#include <string>
#include <string_view>

namespace news {

/// "news-search 0.1.0\nXapian 1.4.22, ICU 72.1\ndatabase schema 9 (written and read)\n": the
/// project's version, the versions of the Xapian and ICU libraries loaded (not the headers
/// built against), and the schema of the databases the program writes and reads.
[[nodiscard]] std::string version_text(std::string_view program);

}  // namespace news
