/// @file
/// @brief The web page's files: only regular files inside the web folder are served.
#include "server/static_files.h"

#include <algorithm>
#include <array>
#include <utility>

namespace fs = std::filesystem;

namespace news::serve {

std::optional<fs::path> resolve_static(const fs::path& root, std::string_view url_path) {
    if (url_path.empty() || url_path.front() != '/') return std::nullopt;
    if (url_path.find('\0') != std::string_view::npos || url_path.find('\\') != std::string_view::npos) return std::nullopt;
    fs::path file = root;
    std::size_t at = 1;
    while (at <= url_path.size()) {
        std::size_t slash = url_path.find('/', at);
        if (slash == std::string_view::npos) slash = url_path.size();
        const std::string_view segment = url_path.substr(at, slash - at);
        at = slash + 1;
        if (segment.empty()) continue;          // "//" or the trailing slash
        if (segment.front() == '.') return std::nullopt;  // ".", "..", hidden files
        file /= std::string(segment);
    }
    if (url_path.back() == '/') file /= "index.html";
    std::error_code ec;
    const fs::path real = fs::canonical(file, ec);
    if (ec || !fs::is_regular_file(real, ec) || ec) return std::nullopt;
    // Inside root, symbolic links followed: root's components are a prefix of real's.
    auto [r, f] = std::mismatch(root.begin(), root.end(), real.begin(), real.end());
    if (r != root.end() || f == real.end()) return std::nullopt;
    return real;
}

std::string content_type_of(const fs::path& file) {
    static const std::array<std::pair<std::string_view, std::string_view>, 14> kTypes{{
        {".html", "text/html; charset=utf-8"},
        {".htm", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json; charset=utf-8"},
        {".txt", "text/plain; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".jpg", "image/jpeg"},
        {".gif", "image/gif"},
        {".ico", "image/x-icon"},
        {".woff2", "font/woff2"},
        {".webmanifest", "application/manifest+json"},
    }};
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const auto& [e, type] : kTypes)
        if (e == ext) return std::string(type);
    return "application/octet-stream";
}

}  // namespace news::serve
