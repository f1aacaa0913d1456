/// @file
/// @brief A scratch folder for a test (removed with it) and a file written into it.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>
#include <unistd.h>

namespace news::testing {

/// TMPDIR/news-PREFIX-PID-NAME, empty at the start and removed at the end.
struct TempDir {
    std::filesystem::path path;
    TempDir(const std::string& prefix, const std::string& name)
        : path(std::filesystem::temp_directory_path() / ("news-" + prefix + "-" + std::to_string(::getpid()) + "-" + name)) {
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

/// Writes @p text to @p p (bytes as they are), making its folder.
inline void write_file(const std::filesystem::path& p, const std::string& text) {
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

}  // namespace news::testing
