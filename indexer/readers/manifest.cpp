/// @file
/// @brief CSV/TSV manifests.
#include "indexer/readers/manifest.h"

#include "common/date.h"
#include "indexer/readers/text_reader.h"

#include <algorithm>
#include <fstream>
#include <stdexcept>

namespace news::readers {
namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

std::string trim(std::string s) {
    auto sp = [](unsigned char c) { return std::isspace(c); };
    while (!s.empty() && sp(s.back())) s.pop_back();
    std::size_t b = 0;
    while (b < s.size() && sp(s[b])) ++b;
    return s.substr(b);
}

std::vector<std::string> split_tabs(std::string_view line) {
    std::vector<std::string> out;
    std::size_t b = 0;
    for (std::size_t i = 0; i <= line.size(); ++i)
        if (i == line.size() || line[i] == '\t') out.emplace_back(line.substr(b, i - b)), b = i + 1;
    return out;
}

int column(const std::vector<std::string>& header, std::initializer_list<const char*> names) {
    for (const char* n : names)
        for (std::size_t i = 0; i < header.size(); ++i)
            if (header[i] == n) return static_cast<int>(i);
    return -1;
}

}  // namespace

std::vector<std::string> parse_csv_line(std::string_view line) {
    std::vector<std::string> out;
    std::string cur;
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') cur += '"', ++i;
            else if (c == '"') quoted = false;
            else cur += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            out.push_back(std::move(cur));
            cur.clear();
        } else {
            cur += c;
        }
    }
    out.push_back(std::move(cur));
    return out;
}

Manifest Manifest::load(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path.string() + ": cannot open manifest");
    std::string line;
    if (!std::getline(in, line)) throw std::runtime_error(path.string() + ": empty manifest");
    if (line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    bool tsv = line.find('\t') != std::string::npos;
    auto split = [tsv](std::string_view l) { return tsv ? split_tabs(l) : parse_csv_line(l); };
    std::vector<std::string> header = split(line);
    for (std::string& h : header) h = lower(trim(h));
    int c_file = column(header, {"filename", "file", "path", "name", "id"});
    if (c_file < 0)
        throw std::runtime_error(path.string() + ":1: manifest header has no file name column (filename, file, path)");
    int c_source = column(header, {"source", "publisher", "outlet"});
    int c_date = column(header, {"date", "publication_date", "published"});
    int c_author = column(header, {"author", "authors", "byline"});
    int c_title = column(header, {"title", "headline"});
    int c_url = column(header, {"url", "link"});
    int c_lang = column(header, {"language", "lang"});
    int c_dateline = column(header, {"dateline", "place"});
    Manifest m;
    std::size_t line_no = 1;
    while (std::getline(in, line)) {
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (trim(line).empty()) continue;
        std::vector<std::string> f = split(line);
        auto get = [&](int c) { return c >= 0 && static_cast<std::size_t>(c) < f.size() ? trim(f[c]) : std::string(); };
        std::string key = get(c_file);
        if (key.empty()) {
            m.warnings.push_back(path.string() + ":" + std::to_string(line_no) + ": row has no file name, ignored");
            continue;
        }
        ManifestEntry e;
        e.source = get(c_source);
        e.title = get(c_title);
        e.url = get(c_url);
        e.language = get(c_lang);
        e.dateline = get(c_dateline);
        std::string d = get(c_date);
        if (!d.empty()) {
            if (auto iso = date::parse(d)) e.date = *iso;
            else m.warnings.push_back(path.string() + ":" + std::to_string(line_no) + ": date '" + d + "' is not a date, ignored");
        }
        if (std::string a = get(c_author); !a.empty()) e.authors = split_names(a);
        m.entries_[key] = std::move(e);
    }
    return m;
}

const ManifestEntry* Manifest::find(const std::filesystem::path& relative) const {
    std::filesystem::path no_ext = relative;
    no_ext.replace_extension();
    for (const std::string& k : {relative.generic_string(), no_ext.generic_string(), relative.filename().string(),
                                 relative.stem().string()}) {
        auto it = entries_.find(k);
        if (it != entries_.end()) return &it->second;
    }
    return nullptr;
}

void apply_manifest(Article& a, const ManifestEntry& e, bool title_from_text) {
    if (a.source.empty()) a.source = e.source;
    if (a.date.empty()) a.date = e.date;
    if (!e.title.empty() && (a.title.empty() || title_from_text)) a.title = e.title;
    if (a.url.empty()) a.url = e.url;
    if (!e.language.empty()) a.language = e.language;
    if (a.dateline.empty()) a.dateline = e.dateline;
    if (a.authors.empty()) a.authors = e.authors;
}

}  // namespace news::readers
