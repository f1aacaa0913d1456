/// @file
/// @brief A manifest: CSV or TSV metadata keyed by file name (PolNeAR's metadata.tsv works as is).
#pragma once

#include "common/article.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace news::readers {

/// Metadata for one file, from one manifest row. Empty strings are "not given".
struct ManifestEntry {
    std::string source, date, title, url, language, dateline;
    std::vector<std::string> authors;
};

/// Column names understood (case-insensitive): file name: filename, file, path, name, id;
/// source: source, publisher, outlet; date: date, publication_date, published;
/// author: author, authors, byline; title: title, headline; url; language; dateline.
class Manifest {
public:
    /// Loads @p path (tab-separated when the header holds a tab, else CSV with quotes).
    /// Throws std::runtime_error naming the file and line on a malformed manifest.
    static Manifest load(const std::filesystem::path& path);

    /// Entry for a file: tried by relative path, relative path without extension, file
    /// name and file name without extension.
    [[nodiscard]] const ManifestEntry* find(const std::filesystem::path& relative) const;

    [[nodiscard]] std::size_t size() const { return entries_.size(); }

    /// Warnings met while loading (bad dates), as "file:line: message".
    std::vector<std::string> warnings;

private:
    std::map<std::string, ManifestEntry> entries_;
};

/// Fills what @p a lacks from @p e (a manifest title replaces one taken from the text).
void apply_manifest(Article& a, const ManifestEntry& e, bool title_from_text);

/// Parses one CSV line into fields (RFC 4180 quoting; no embedded newlines).
[[nodiscard]] std::vector<std::string> parse_csv_line(std::string_view line);

}  // namespace news::readers
