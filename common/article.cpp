/// @file
/// @brief Article <-> JSON.
#include "common/article.h"

namespace news {

nlohmann::json to_json(const Article& a) {
    nlohmann::json speakers = nlohmann::json::array();
    for (const Speaker& s : a.speakers) {
        nlohmann::json quotes = nlohmann::json::array();
        for (const Quote& q : s.quotes) quotes.push_back({{"text", q.text}, {"start", q.start}, {"end", q.end}});
        speakers.push_back({{"name", s.name}, {"kind", s.kind}, {"role", s.role}, {"quotes", std::move(quotes)}});
        if (!s.person.empty()) speakers.back()["person"] = s.person;
    }
    nlohmann::json j = {
        {"id", a.id},           {"path", a.path},         {"title", a.title},
        {"date", a.date.empty() ? nlohmann::json(nullptr) : nlohmann::json(a.date)},
        {"source", a.source},   {"url", a.url},           {"dateline", a.dateline},
        {"language", a.language}, {"encoding", a.encoding}, {"authors", a.authors},
        {"persons", a.persons}, {"organizations", a.organizations},
        {"topics", a.topics},   {"speakers", std::move(speakers)},
        {"dek", a.dek},         {"text", a.text},
    };
    if (!a.unattributed.empty()) {
        nlohmann::json quotes = nlohmann::json::array();
        for (const Quote& q : a.unattributed) quotes.push_back({{"text", q.text}, {"start", q.start}, {"end", q.end}});
        j["unattributed_quotes"] = std::move(quotes);
    }
    if (!a.reported.empty()) {
        nlohmann::json reported = nlohmann::json::array();
        for (const Speaker& s : a.reported) {
            nlohmann::json spans = nlohmann::json::array();
            for (const Quote& q : s.quotes) spans.push_back({{"text", q.text}, {"start", q.start}, {"end", q.end}});
            reported.push_back({{"name", s.name}, {"kind", s.kind}, {"role", s.role}, {"spans", std::move(spans)}});
        }
        j["reported"] = std::move(reported);
    }
    if (!a.dropped.empty()) {
        nlohmann::json lines = nlohmann::json::array();
        for (const auto& [kind, line] : a.dropped) lines.push_back({{"kind", kind}, {"line", line}});
        j["dropped"] = std::move(lines);
    }
    return j;
}

namespace {
std::string str(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}
// A quote offset: an unsigned integer, else 0 (a float such as 5e82 converted to size_t
// was undefined behaviour; found by fuzz_doc_data). A quote that is no object throws.
std::size_t offset(const nlohmann::json& q, const char* key) {
    if (!q.is_object()) throw nlohmann::json::type_error::create(306, "a quote is not an object", &q);
    auto it = q.find(key);
    return it != q.end() && it->is_number_unsigned() ? it->get<std::size_t>() : 0;
}
std::vector<std::string> strs(const nlohmann::json& j, const char* key) {
    std::vector<std::string> out;
    auto it = j.find(key);
    if (it != j.end() && it->is_array())
        for (const auto& v : *it)
            if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}
}  // namespace

Article article_from_json(const nlohmann::json& j) {
    Article a;
    a.id = str(j, "id");
    a.path = str(j, "path");
    a.title = str(j, "title");
    a.dek = str(j, "dek");
    a.date = str(j, "date");
    a.source = str(j, "source");
    a.url = str(j, "url");
    a.dateline = str(j, "dateline");
    a.language = str(j, "language");
    a.encoding = str(j, "encoding");
    a.authors = strs(j, "authors");
    a.persons = strs(j, "persons");
    a.organizations = strs(j, "organizations");
    a.topics = strs(j, "topics");
    a.text = str(j, "text");
    if (auto it = j.find("speakers"); it != j.end() && it->is_array()) {
        for (const auto& s : *it) {
            Speaker sp{str(s, "name"), str(s, "kind"), str(s, "role"), {}};
            if (auto q = s.find("quotes"); q != s.end() && q->is_array())
                for (const auto& qq : *q)
                    sp.quotes.push_back({str(qq, "text"), offset(qq, "start"), offset(qq, "end")});
            a.speakers.push_back(std::move(sp));
        }
    }
    if (auto it = j.find("unattributed_quotes"); it != j.end() && it->is_array())
        for (const auto& q : *it) a.unattributed.push_back({str(q, "text"), offset(q, "start"), offset(q, "end")});
    if (auto it = j.find("reported"); it != j.end() && it->is_array())
        for (const auto& s : *it) {
            if (!s.is_object()) continue;
            Speaker sp{str(s, "name"), str(s, "kind"), str(s, "role"), {}};
            if (auto q = s.find("spans"); q != s.end() && q->is_array())
                for (const auto& qq : *q) sp.quotes.push_back({str(qq, "text"), offset(qq, "start"), offset(qq, "end")});
            a.reported.push_back(std::move(sp));
        }
    return a;
}

std::string to_document_data(const Article& a) {
    nlohmann::json j = to_json(a);
    j.erase("text");
    j.erase("dropped");
    for (auto& sp : j["speakers"]) {
        sp.erase("person");  // (the search's, never stored)
        for (auto& q : sp["quotes"]) q.erase("text");
    }
    if (auto it = j.find("unattributed_quotes"); it != j.end())
        for (auto& q : *it) q.erase("text");
    if (auto it = j.find("reported"); it != j.end())
        for (auto& sp : *it)
            for (auto& q : sp["spans"]) q.erase("text");
    std::string out = j.dump();  // dump() escapes control characters: no NUL inside
    out += '\0';
    out += a.text;
    return out;
}

Article article_from_document_data(std::string_view data) {
    std::size_t nul = data.find('\0');
    std::string_view meta = data.substr(0, nul);
    Article a = article_from_json(nlohmann::json::parse(meta));
    if (nul != std::string_view::npos) a.text = std::string(data.substr(nul + 1));
    auto fill = [&](Quote& q) {
        if (q.start <= q.end && q.end <= a.text.size()) q.text = a.text.substr(q.start, q.end - q.start);
    };
    for (Speaker& s : a.speakers)
        for (Quote& q : s.quotes) fill(q);
    for (Quote& q : a.unattributed) fill(q);
    for (Speaker& s : a.reported)
        for (Quote& q : s.quotes) fill(q);
    return a;
}

}  // namespace news
