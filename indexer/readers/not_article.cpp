/// @file
/// @brief README-like names and lists of codes: plain-text files that are no article.
#include "indexer/readers/not_article.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace news::readers {
namespace {

constexpr std::array<std::string_view, 12> kDocNames = {
    "readme", "license", "licence", "copying", "copyright", "changelog",
    "changes", "notice", "authors", "contributors", "install", "licenses",
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

/// Lower case, without '-', '_' and spaces: "Read_Me" -> "readme".
std::string squeeze(std::string_view s) {
    std::string out;
    for (char c : s)
        if (c != '-' && c != '_' && c != ' ') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool is_doc_name(std::string_view s) { return std::find(kDocNames.begin(), kDocNames.end(), squeeze(s)) != kDocNames.end(); }

/// Is @p file a README-like name ("README.TXT", "LICENSE-MIT")?
bool doc_name(const std::string& file) {
    std::string_view stem = file;
    stem = stem.substr(0, stem.find('.'));
    if (stem.empty()) return false;
    if (is_doc_name(stem)) return true;
    // "LICENSE-MIT", "README_en": a name in capitals, a separator, a qualifier.
    std::size_t sep = stem.find_first_of("-_ ");
    if (sep == std::string_view::npos || sep == 0 || sep + 1 >= stem.size()) return false;
    std::string_view head = stem.substr(0, sep);
    bool capitals = std::all_of(head.begin(), head.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    return capitals && is_doc_name(head);
}

/// Does the line hold sentence punctuation: . ! ? (a '.' between two digits is a decimal
/// point, not a full stop) or the ideographic 。！？?
bool has_sentence_mark(std::string_view line) {
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (c == '!' || c == '?') return true;
        if (c == '.' && !(i > 0 && i + 1 < line.size() && is_digit(line[i - 1]) && is_digit(line[i + 1]))) return true;
    }
    for (std::string_view mark : {"\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F"})  // 。！？
        if (line.find(mark) != std::string_view::npos) return true;
    return false;
}

std::size_t words(std::string_view line) {
    std::size_t n = 0;
    bool in = false;
    for (char c : line) {
        if (is_space(c)) {
            in = false;
        } else if (!in) {
            in = true;
            ++n;
        }
    }
    return n;
}

}  // namespace

std::optional<NotArticle> not_article(Format format, const std::filesystem::path& path, std::string_view content) {
    if (format != Format::Text) return std::nullopt;

    const std::string file = path.filename().string();
    if (doc_name(file)) return NotArticle{NotArticle::Kind::Name, "a README-like file name (" + file + ")"};

    constexpr std::size_t kMinLines = 5, kMaxWords = 5, kMaxBytes = 64;
    std::size_t lines = 0, short_lines = 0, with_digit = 0;
    for (std::size_t at = 0; at <= content.size();) {
        std::size_t end = content.find('\n', at);
        if (end == std::string_view::npos) end = content.size();
        std::string_view line = trim(content.substr(at, end - at));
        at = end + 1;
        if (line.empty()) continue;
        if (has_sentence_mark(line)) return std::nullopt;  // a sentence: an article's
        ++lines;
        if (words(line) <= kMaxWords && line.size() <= kMaxBytes) ++short_lines;
        if (std::any_of(line.begin(), line.end(), is_digit)) ++with_digit;
    }
    if (lines < kMinLines || short_lines * 10 < lines * 9 || with_digit * 4 > lines) return std::nullopt;
    return NotArticle{NotArticle::Kind::List,
                      "a list: " + std::to_string(lines) + " short lines, not one sentence"};
}

}  // namespace news::readers
