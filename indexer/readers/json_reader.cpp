/// @file
/// @brief JSON and JSON Lines records into Articles.
#include "indexer/readers/json_reader.h"

#include "common/date.h"
#include "indexer/readers/reader.h"
#include "indexer/readers/text_reader.h"

#include <simdjson.h>

#include <algorithm>
#include <cstdint>
#include <optional>

namespace news::readers {
namespace {

namespace dom = simdjson::dom;

// A record read through nlohmann: the reference.
class NlohmannRecord {
public:
    explicit NlohmannRecord(const nlohmann::json& j) : j_(j) {}
    [[nodiscard]] bool is_object() const { return j_.is_object(); }
    [[nodiscard]] bool has(const char* k) const { return j_.find(k) != j_.end(); }
    // The value of @p k when it is a string, or an integer written in decimal.
    [[nodiscard]] std::optional<std::string> text(const char* k) const {
        auto it = j_.find(k);
        if (it == j_.end()) return std::nullopt;
        if (it->is_string()) return it->get<std::string>();
        if (it->is_number_integer()) return std::to_string(it->get<long long>());
        return std::nullopt;
    }
    [[nodiscard]] std::optional<std::string> str(const char* k) const {
        auto it = j_.find(k);
        if (it == j_.end() || !it->is_string()) return std::nullopt;
        return it->get<std::string>();
    }
    // The strings of an array value (other items skipped), or nullopt when it is no array.
    [[nodiscard]] std::optional<std::vector<std::string>> strings(const char* k) const {
        auto it = j_.find(k);
        if (it == j_.end() || !it->is_array()) return std::nullopt;
        std::vector<std::string> out;
        for (const auto& v : *it)
            if (v.is_string()) out.push_back(v.get<std::string>());
        return out;
    }

private:
    const nlohmann::json& j_;
};

// The same record read through simdjson's DOM, several times faster. A repeated key counts
// with its last value, as in nlohmann.
class SimdRecord {
public:
    explicit SimdRecord(dom::element e) {
        dom::object o;
        object_ = e.get_object().get(o) == simdjson::SUCCESS;
        if (object_)
            for (auto [key, value] : o) fields_.emplace_back(key, value);
    }
    [[nodiscard]] bool is_object() const { return object_; }
    [[nodiscard]] bool has(const char* k) const { return find(k) != nullptr; }
    [[nodiscard]] std::optional<std::string> text(const char* k) const {
        const dom::element* v = find(k);
        if (!v) return std::nullopt;
        std::string_view sv;
        std::int64_t i = 0;
        std::uint64_t u = 0;
        if (v->get_string().get(sv) == simdjson::SUCCESS) return std::string(sv);
        if (v->get_int64().get(i) == simdjson::SUCCESS) return std::to_string(i);
        // nlohmann keeps integers up to 2^64 - 1 as integers and converts them as long long
        if (v->is_uint64() && v->get_uint64().get(u) == simdjson::SUCCESS) return std::to_string(static_cast<long long>(u));
        return std::nullopt;
    }
    [[nodiscard]] std::optional<std::string> str(const char* k) const {
        const dom::element* v = find(k);
        std::string_view sv;
        if (!v || v->get_string().get(sv) != simdjson::SUCCESS) return std::nullopt;
        return std::string(sv);
    }
    [[nodiscard]] std::optional<std::vector<std::string>> strings(const char* k) const {
        const dom::element* v = find(k);
        dom::array items;
        if (!v || v->get_array().get(items) != simdjson::SUCCESS) return std::nullopt;
        std::vector<std::string> out;
        for (dom::element item : items) {
            std::string_view sv;
            if (item.get_string().get(sv) == simdjson::SUCCESS) out.emplace_back(sv);
        }
        return out;
    }

private:
    [[nodiscard]] const dom::element* find(std::string_view k) const {
        for (auto it = fields_.rbegin(); it != fields_.rend(); ++it)
            if (it->first == k) return &it->second;
        return nullptr;
    }
    bool object_ = false;
    std::vector<std::pair<std::string_view, dom::element>> fields_;
};

template <class Record>
std::string first_string(const Record& r, std::initializer_list<const char*> keys) {
    for (const char* k : keys)
        if (auto v = r.text(k)) return *v;
    return {};
}

template <class Record>
Article article_from(const Record& r, const std::string& path, const std::string& id) {
    if (!r.is_object()) throw ReadError("record is not a JSON object");
    Article a;
    a.path = path;
    // The record's own id when it has one (what a user's relevance judgements name), else
    // its place in the file ("feeds/wire.jsonl#7"). Two records with one id: see
    // IdRegistry in indexer/pipeline.cpp.
    std::string own_id = first_string(r, {"id", "docid", "doc_id"});
    a.id = own_id.empty() ? id : own_id;
    std::string text = first_string(r, {"text", "body", "content", "article"});
    a.title = first_string(r, {"title", "headline"});
    // A headline without a story is an article (wire flashes): found by its title.
    if (text.empty() && a.title.empty())
        throw ReadError("record has neither text nor title (expected a \"text\", \"body\" or \"content\" field, "
                        "or a \"title\")");
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
        if (!r.has(k)) continue;
        if (auto s = r.str(k)) a.authors = split_names(*s);
        else if (auto v = r.strings(k)) a.authors = std::move(*v);
        break;
    }
    // Topics or tags: a list, or one comma-separated string ("crude, energy").
    for (const char* k : {"topics", "tags"}) {
        if (auto v = r.strings(k)) a.topics.insert(a.topics.end(), v->begin(), v->end());
        else if (auto s = r.str(k)) {
            for (std::size_t b = 0; b <= s->size();) {
                std::size_t e = std::min(s->find(',', b), s->size());
                std::string item = s->substr(b, e - b);
                item.erase(0, item.find_first_not_of(" \t"));
                item.erase(item.find_last_not_of(" \t") + 1);
                if (!item.empty()) a.topics.push_back(std::move(item));
                b = e + 1;
            }
        }
    }
    for (std::size_t i = a.topics.size(); i-- > 0;)  // a topic given twice, once (the first)
        if (std::find(a.topics.begin(), a.topics.begin() + static_cast<std::ptrdiff_t>(i), a.topics[i]) !=
            a.topics.begin() + static_cast<std::ptrdiff_t>(i))
            a.topics.erase(a.topics.begin() + static_cast<std::ptrdiff_t>(i));
    a.text = join_paragraphs(split_paragraphs(text));  // as given: no furniture rule touches it
    return a;
}

std::size_t line_of(const std::string& content, std::size_t byte) {
    std::size_t line = 1;
    for (std::size_t i = 0; i < byte && i < content.size(); ++i)
        if (content[i] == '\n') ++line;
    return line;
}

}  // namespace

Article article_from_record(const nlohmann::json& r, const std::string& path, const std::string& id) {
    return article_from(NlohmannRecord(r), path, id);
}

Article article_from_record_fast(std::string_view json, const std::string& path, const std::string& id) {
    thread_local dom::parser parser;
    dom::element e;
    if (parser.parse(json.data(), json.size()).get(e) != simdjson::SUCCESS)
        return article_from_record(nlohmann::json::parse(json), path, id);  // nlohmann's error, or its reading
    return article_from(SimdRecord(e), path, id);
}

std::vector<Article> read_json(const std::string& content, const std::string& path, const std::string& id) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(content);
    } catch (const nlohmann::json::parse_error& e) {
        throw ReadError(std::string("invalid JSON: ") + e.what(), line_of(content, e.byte));
    } catch (const nlohmann::json::exception& e) {  // a number out of range (1e999): no position
        throw ReadError(std::string("invalid JSON: ") + e.what());
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
            out.push_back(article_from_record_fast(line, path, id + "#" + std::to_string(line_no)));
            out.back().line = line_no;
        } catch (const nlohmann::json::exception& err) {  // a syntax error, or a number out of range (1e999)
            errors.emplace_back(line_no, std::string("invalid JSON: ") + err.what());
        } catch (const ReadError& err) {
            errors.emplace_back(line_no, err.what());
        }
    }
    return out;
}

}  // namespace news::readers
