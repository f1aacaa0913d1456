/// @file
/// @brief Plain-text article files with optional front matter.
#include "indexer/readers/text_reader.h"

#include "common/date.h"
#include "common/text/analyzer.h"
#include "indexer/extract/furniture.h"
#include "indexer/readers/reader.h"

#include <cctype>
#include <regex>

namespace news::readers {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string unquote(std::string_view v) {
    v = trim(v);
    if (v.size() >= 2 && ((v.front() == '"' && v.back() == '"') || (v.front() == '\'' && v.back() == '\'')))
        v = v.substr(1, v.size() - 2);
    return std::string(v);
}

}  // namespace

std::string join_paragraphs(const std::vector<std::string>& paragraphs) {
    std::string out;
    for (const std::string& p : paragraphs) {
        if (!out.empty()) out += "\n\n";
        out += p;
    }
    return out;
}

std::vector<std::string> split_paragraphs(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t b = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == '\n') {
            std::string_view line = text.substr(b, i - b);
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            lines.push_back(line);
            b = i + 1;
        }
    }
    bool has_blank = false;
    for (std::size_t i = 1; i + 1 < lines.size(); ++i)
        if (trim(lines[i]).empty() && !trim(lines[i - 1]).empty()) { has_blank = true; break; }
    std::vector<std::string> out;
    if (!has_blank) {
        for (std::string_view line : lines)
            if (std::string_view t = trim(line); !t.empty()) out.emplace_back(t);
        return out;
    }
    // A block of lines is one hard-wrapped paragraph when every line but the last has
    // a wrapping width; otherwise (scraped pages) each line is a paragraph of its own.
    std::vector<std::string_view> block;
    auto flush = [&] {
        bool wrapped = true;
        for (std::size_t i = 0; i + 1 < block.size(); ++i)
            if (block[i].size() < 30 || block[i].size() > 100) wrapped = false;
        // Site furniture on a line of its own is never part of a wrapped paragraph.
        for (std::string_view l : block)
            if (extract::is_boilerplate(l)) wrapped = false;
        if (wrapped) {
            std::string joined;
            for (std::string_view l : block) {
                if (!joined.empty()) joined += ' ';
                joined += l;
            }
            if (!joined.empty()) out.push_back(std::move(joined));
        } else {
            for (std::string_view l : block) out.emplace_back(l);
        }
        block.clear();
    };
    for (std::string_view line : lines) {
        std::string_view t = trim(line);
        if (t.empty()) flush();
        else block.push_back(t);
    }
    flush();
    return out;
}

Article read_text_article(const std::string& content, const std::string& path, const std::string& id) {
    Article a;
    a.path = path;
    a.id = id;
    std::string_view body = content;
    bool title_from_meta = false;
    std::size_t line_no = 1;
    // Front matter: "---" on the first line, key: value lines, "---".
    const bool front_matter = body.starts_with("---\n") || body.starts_with("---\r\n");
    if (front_matter) {
        std::size_t pos = body.find('\n') + 1;
        bool closed = false;
        while (pos < body.size()) {
            std::size_t nl = body.find('\n', pos);
            if (nl == std::string_view::npos) nl = body.size();
            std::string_view line = trim(body.substr(pos, nl - pos));
            ++line_no;
            pos = nl + 1;
            if (line == "---") { closed = true; break; }
            if (line.empty() || line.front() == '#') continue;
            std::size_t colon = line.find(':');
            if (colon == std::string_view::npos)
                throw ReadError("front matter line is not 'key: value'", line_no);
            std::string key = lower(trim(line.substr(0, colon)));
            std::string value = unquote(line.substr(colon + 1));
            if (key == "title" || key == "headline") a.title = value, title_from_meta = !value.empty();
            else if (key == "date" || key == "published" || key == "publication_date") {
                if (auto d = date::parse(value)) a.date = *d;
                else if (!value.empty()) throw ReadError("front matter date '" + value + "' is not a date", line_no);
            } else if (key == "source" || key == "publisher" || key == "outlet") a.source = value;
            else if (key == "author" || key == "authors" || key == "byline") a.authors = split_names(value);
            else if (key == "url" || key == "link") a.url = value;
            else if (key == "language" || key == "lang") a.language = value;
            else if (key == "dateline" || key == "place") a.dateline = value;
            else if (key == "id") a.id = value.empty() ? id : value;
        }
        if (!closed) throw ReadError("front matter opened with '---' is never closed", 1);
        body = body.substr(std::min(pos, body.size()));
    }
    a.text = join_paragraphs(split_paragraphs(body));
    // Front matter makes it a record the source gave: no furniture rule touches its text.
    a.structure_guessed = !front_matter;
    a.title_in_text = !title_from_meta;
    return a;
}

}  // namespace news::readers
