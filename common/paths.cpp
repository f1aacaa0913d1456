/// @file
/// @brief installed_folder (see paths.h).
#include "common/paths.h"

namespace fs = std::filesystem;

namespace news {

std::optional<fs::path> installed_folder(std::string_view name, const std::vector<fs::path>& beside_exe, const fs::path& fallback) {
    std::error_code ec;
    std::vector<fs::path> candidates;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        for (const fs::path& p : beside_exe) candidates.push_back(exe.parent_path() / p);
        candidates.push_back(exe.parent_path().parent_path() / "share" / "news-search" / name);
    }
    if (!fallback.empty()) candidates.push_back(fallback);
    for (const fs::path& p : candidates)
        if (fs::is_directory(p, ec)) {
            fs::path c = fs::canonical(p, ec);
            return ec ? p : c;
        }
    return std::nullopt;
}

}  // namespace news
