/// @file
/// @brief Document data (news::to_document_data) read with simdjson's DOM API.
#include "searcher/doc_data.h"

#include "common/schema.h"
#include "common/stored.h"

#include <simdjson.h>

#include <optional>

namespace news::search {
namespace {

namespace dom = simdjson::dom;

// Anything the direct reading does not expect: the document goes to nlohmann instead.
struct Unexpected {};

template <class T>
T must(simdjson::simdjson_result<T>&& r) {
    T v;
    if (std::move(r).get(v) != simdjson::SUCCESS) throw Unexpected{};
    return v;
}

std::string string_of(dom::element v) { return std::string(must(v.get_string())); }

std::vector<std::string> strings_of(dom::element v) {
    std::vector<std::string> out;
    for (dom::element e : must(v.get_array())) out.push_back(string_of(e));
    return out;
}

Quote quote_of(dom::element v) {
    Quote q;
    for (auto [key, value] : must(v.get_object())) {
        if (key == "text") q.text = string_of(value);
        else if (key == "start") q.start = static_cast<std::size_t>(must(value.get_uint64()));
        else if (key == "end") q.end = static_cast<std::size_t>(must(value.get_uint64()));
        else throw Unexpected{};
    }
    return q;
}

// A speaker and its quotes, or (@p spans_key "spans") a reporting speaker and its spans.
Speaker speaker_of(dom::element v, std::string_view spans_key = "quotes") {
    Speaker sp{"", "", "", {}};
    for (auto [key, value] : must(v.get_object())) {
        if (key == "name") sp.name = string_of(value);
        else if (key == "kind") sp.kind = string_of(value);
        else if (key == "role") sp.role = string_of(value);
        else if (key == spans_key) {
            sp.quotes.clear();
            for (dom::element e : must(value.get_array())) sp.quotes.push_back(quote_of(e));
        } else {
            throw Unexpected{};
        }
    }
    return sp;
}

// The JSON part of the data as news::to_document_data writes it: strings, arrays of strings,
// speakers with quotes, reporting speakers with spans, and nothing else (a key or a type it never writes is Unexpected).
// simdjson validates the whole text (UTF-8, numbers, trailing bytes) as it parses.
Article article_of(std::string_view json) {
    // One parser per thread, kept for the next record; a record larger than most gets a parser
    // of its own, so that a long-lived thread (news-serve's workers) does not keep the buffers
    // of the largest record it ever read (some 15 bytes per byte of it) for good.
    constexpr std::size_t kKeptParserBytes = 32 * 1024;
    thread_local dom::parser kept;
    std::optional<dom::parser> once;
    dom::parser& parser = json.size() <= kKeptParserBytes ? kept : once.emplace();
    Article a;
    a.language.clear();  // article_from_json leaves absent fields empty, not at Article's defaults
    a.encoding.clear();
    // Keys in document order, so that a repeated key ends with its last value, as in nlohmann.
    for (auto [key, v] : must(must(parser.parse(json.data(), json.size())).get_object())) {
        if (key == "id") a.id = string_of(v);
        else if (key == "path") a.path = string_of(v);
        else if (key == "title") a.title = string_of(v);
        else if (key == "dek") a.dek = string_of(v);
        else if (key == "date") a.date = string_of(v);
        else if (key == "source") a.source = string_of(v);
        else if (key == "url") a.url = string_of(v);
        else if (key == "dateline") a.dateline = string_of(v);
        else if (key == "language") a.language = string_of(v);
        else if (key == "encoding") a.encoding = string_of(v);
        else if (key == "text") a.text = string_of(v);
        else if (key == "authors") a.authors = strings_of(v);
        else if (key == "persons") a.persons = strings_of(v);
        else if (key == "organizations") a.organizations = strings_of(v);
        else if (key == "topics") a.topics = strings_of(v);
        else if (key == "speakers") {
            a.speakers.clear();
            for (dom::element e : must(v.get_array())) a.speakers.push_back(speaker_of(e));
        } else if (key == "unattributed_quotes") {
            a.unattributed.clear();
            for (dom::element e : must(v.get_array())) a.unattributed.push_back(quote_of(e));
        } else if (key == "reported") {
            a.reported.clear();
            for (dom::element e : must(v.get_array())) a.reported.push_back(speaker_of(e, "spans"));
        } else {
            throw Unexpected{};
        }
    }
    return a;
}

}  // namespace

Article read_document_data(std::string_view data) {
    std::size_t nul = data.find('\0');
    Article a;
    try {
        a = article_of(data.substr(0, nul));
    } catch (const Unexpected&) {
        return article_from_document_data(data);  // the same Article, or nlohmann's exception
    }
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

Article read_stored_article(const Xapian::Document& doc, std::span<const std::shared_ptr<const stored::Dictionary>> dicts) {
    const std::string data = stored::unpack(doc.get_value(schema::kStoredSlot), dicts);
    return read_document_data(data);
}

}  // namespace news::search
