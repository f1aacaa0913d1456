/// @file
/// @brief Where the files the package installs beside the programs are: the bundled corpus
/// and the web page, under share/news-search/ next to the bin/ holding the executable.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

namespace news {

/// The first folder that exists of: @p beside_exe (relative to the running executable's
/// folder, e.g. "web" in a build folder), ../share/news-search/@p name relative to it (an
/// installed copy, wherever the prefix), then @p fallback (e.g. the source tree's copy, for a
/// program run from its build folder). Canonical; nullopt when none exists.
[[nodiscard]] std::optional<std::filesystem::path> installed_folder(std::string_view name,
                                                                    const std::vector<std::filesystem::path>& beside_exe,
                                                                    const std::filesystem::path& fallback = {});

}  // namespace news
