/// @file
/// @brief JSON and JSON Lines records into Articles.
#include "indexer/readers/json_reader.h"

#include "common/date.h"
#include "indexer/extract/structure.h"
#include "indexer/readers/reader.h"
#include "indexer/readers/text_reader.h"

namespace news::readers {
namespace {

std::string first_string(const nlohmann::json& j, std::initializer_list<const char*> keys) {
    for (const char* k : keys) {
        auto it = j.find(k);
        if (it == j.end()) continue;
        if (it->is_string()) return it->get<std::string>();
        if (it->is_number_integer()) return std::to_string(it->get<long long>());
    }
    return {};
}

std::size_t line_of(const std::string& content, std::size_t byte) {
    std::size_t line = 1;
    for (std::size_t i = 0; i < byte && i < content.size(); ++i)
        if (content[i] == '\n') ++line;
    return line;
}

}  // namespace

Article article_from_record(const nlohmann::json& r, const std::string& path, const std::string& id) {
    if (!r.is_object()) throw ReadError("record is not a JSON object");
    Article a;
    a.path = path;
    std::string own_id = first_string(r, {"id", "docid", "doc_id"});
    a.id = own_id.empty() ? id : id.substr(0, id.find('#')) + "#" + own_id;
    std::string text = first_string(r, {"text", "body", "content", "article"});
    if (text.empty()) throw ReadError("record has no text (expected a \"text\", \"body\" or \"content\" field)");
    a.title = first_string(r, {"title", "headline"});
    std::string d = first_string(r, {"date", "published", "publication_date", "pubdate", "datePublished"});
    if (!d.empty()) {
        auto iso = date::parse(d);
        if (!iso) throw ReadError("date '" + d + "' is not a date");
        a.date = *iso;
    }
    a.source = first_string(r, {"source", "publisher", "outlet", "site_name"});
    a.url = first_string(r, {"url", "link"});
    a.dateline = first_string(r, {"dateline", "place"});
    std::string lang = first_string(r, {"language", "lang"});
    if (!lang.empty()) a.language = lang;
    for (const char* k : {"author", "authors", "byline"}) {
        auto it = r.find(k);
        if (it == r.end()) continue;
        if (it->is_string()) a.authors = split_names(it->get<std::string>());
        else if (it->is_array())
            for (const auto& v : *it)
                if (v.is_string()) a.authors.push_back(v.get<std::string>());
        break;
    }
    if (auto it = r.find("topics"); it != r.end() && it->is_array())
        for (const auto& v : *it)
            if (v.is_string()) a.topics.push_back(v.get<std::string>());
    extract::apply_structure(a, split_paragraphs(text), false);
    return a;
}

std::vector<Article> read_json(const std::string& content, const std::string& path, const std::string& id) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(content);
    } catch (const nlohmann::json::parse_error& e) {
        throw ReadError(std::string("invalid JSON: ") + e.what(), line_of(content, e.byte));
    }
    std::vector<Article> out;
    if (j.is_array()) {
        for (std::size_t i = 0; i < j.size(); ++i) out.push_back(article_from_record(j[i], path, id + "#" + std::to_string(i + 1)));
    } else {
        out.push_back(article_from_record(j, path, id));
    }
    return out;
}

std::vector<Article> read_jsonl(const std::string& content, const std::string& path, const std::string& id,
                                std::vector<std::pair<std::size_t, std::string>>& errors, std::size_t first_line) {
    std::vector<Article> out;
    std::size_t line_no = first_line - 1, b = 0;
    while (b < content.size()) {
        std::size_t e = content.find('\n', b);
        if (e == std::string::npos) e = content.size();
        std::string_view line(content.data() + b, e - b);
        ++line_no;
        b = e + 1;
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        try {
            nlohmann::json j = nlohmann::json::parse(line);
            out.push_back(article_from_record(j, path, id + "#" + std::to_string(line_no)));
        } catch (const nlohmann::json::parse_error& err) {
            errors.emplace_back(line_no, std::string("invalid JSON: ") + err.what());
        } catch (const ReadError& err) {
            errors.emplace_back(line_no, err.what());
        }
    }
    return out;
}

}  // namespace news::readers
