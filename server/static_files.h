/// @file
/// @brief The web page's files: only regular files inside the web folder are served.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace news::serve {

/// The file a URL path names inside @p root (a canonical folder path), or nullopt: for a
/// path that does not start with '/', has a "." or ".." segment or one starting with '.'
/// (hidden files), a backslash or a NUL, or names no regular file, or a file whose real
/// path (symbolic links followed) is not inside @p root. A path ending in '/' names the
/// index.html of that folder.
[[nodiscard]] std::optional<std::filesystem::path> resolve_static(const std::filesystem::path& root, std::string_view url_path);

/// The Content-Type of a file, by its extension (application/octet-stream when unknown).
[[nodiscard]] std::string content_type_of(const std::filesystem::path& file);

}  // namespace news::serve
