/// @file
/// @brief Result printers, kept apart from searching.
#include "searcher/format/output.h"

#include <iomanip>
#include <sstream>

namespace news::search {
namespace {

constexpr const char* kBold = "\x1b[1m";
constexpr const char* kMark = "\x1b[1;33m";
constexpr const char* kDim = "\x1b[2m";
constexpr const char* kReset = "\x1b[0m";

std::string highlighted(const Snippet& s, bool color) {
    if (!color) return s.text;
    std::string out;
    std::size_t at = 0;
    for (const auto& [b, e] : s.marks) {
        if (b < at || e > s.text.size()) continue;
        out += s.text.substr(at, b - at);
        out += kMark;
        out += s.text.substr(b, e - b);
        out += kReset;
        at = e;
    }
    out += s.text.substr(at);
    return out;
}

std::string one_line(std::string s) {
    for (char& c : s)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return s;
}

// A quote ends with the comma that led to its attribution: not part of what was said.
std::string trim_quote(std::string s) {
    while (!s.empty() && (s.back() == ',' || s.back() == ' ')) s.pop_back();
    return s;
}

}  // namespace

nlohmann::json hit_to_json(const Hit& h) {
    const Article& a = h.article;
    nlohmann::json speakers = nlohmann::json::array();
    for (const Speaker& s : a.speakers) {
        nlohmann::json quotes = nlohmann::json::array();
        for (const Quote& q : s.quotes) quotes.push_back({{"text", q.text}, {"start", q.start}, {"end", q.end}});
        speakers.push_back({{"name", s.name}, {"kind", s.kind}, {"role", s.role}, {"quotes", std::move(quotes)}});
    }
    nlohmann::json matched = nlohmann::json::array();
    for (const MatchedQuote& m : h.quotes)
        matched.push_back({{"speaker", m.speaker}, {"text", m.quote.text}, {"start", m.quote.start}, {"end", m.quote.end}});
    nlohmann::json marks = nlohmann::json::array();
    for (const auto& [b, e] : h.snippet.marks) marks.push_back({b, e});
    return {
        {"rank", h.rank},
        {"id", a.id},
        {"score", h.score},
        {"date", a.date.empty() ? nlohmann::json(nullptr) : nlohmann::json(a.date)},
        {"source", a.source},
        {"title", a.title},
        {"url", a.url},
        {"path", a.path},
        {"dateline", a.dateline},
        {"language", a.language},
        {"authors", a.authors},
        {"speakers", std::move(speakers)},
        {"persons", a.persons},
        {"snippet", h.snippet.text},
        {"highlights", std::move(marks)},
        {"matched_quotes", matched},
    };
}

void print_results(std::ostream& out, const Results& r, const OutputOptions& o) {
    switch (o.format) {
    case Format::Json: {
        nlohmann::json results = nlohmann::json::array();
        for (const Hit& h : r.hits) results.push_back(hit_to_json(h));
        nlohmann::json j = {{"format_version", kJsonFormatVersion}, {"query", r.query}, {"parsed", r.parsed},
                            {"total", r.total}, {"total_exact", r.total_exact}, {"results", std::move(results)}};
        if (o.batch) j["qid"] = o.qid;
        out << j.dump(2) << "\n";
        return;
    }
    case Format::JsonLines:
        for (const Hit& h : r.hits) {
            nlohmann::json j = hit_to_json(h);
            if (o.batch) j["qid"] = o.qid;
            out << j.dump() << "\n";
        }
        return;
    case Format::Trec:
        // qid Q0 docno rank score runid
        for (const Hit& h : r.hits)
            out << o.qid << " Q0 " << h.article.id << " " << h.rank << " " << std::fixed << std::setprecision(6)
                << h.score << " " << o.run_id << "\n";
        return;
    case Format::Text: break;
    }
    if (o.batch) out << "== " << o.qid << ": " << r.query << "\n";
    if (r.hits.empty()) {
        out << "No articles match.\n";
        return;
    }
    std::size_t first = r.hits.front().rank, last = r.hits.back().rank;
    out << (r.total_exact ? "" : "About ") << r.total << (r.total == 1 ? " article" : " articles") << " match; showing "
        << first << "-" << last << ".\n\n";
    for (const Hit& h : r.hits) {
        const Article& a = h.article;
        out << std::setw(3) << h.rank << ". ";
        out << (a.date.empty() ? "(no date)" : a.date) << "  " << (a.source.empty() ? "(no source)" : a.source) << "  ";
        if (o.color) out << kBold;
        out << one_line(a.title.empty() ? "(untitled)" : a.title);
        if (o.color) out << kReset;
        out << "\n";
        if (!a.speakers.empty()) {
            out << "     Speakers: ";
            for (std::size_t i = 0; i < a.speakers.size(); ++i) {
                if (i) out << "; ";
                out << a.speakers[i].name;
                if (!a.speakers[i].role.empty()) out << " (" << a.speakers[i].role << ")";
            }
            out << "\n";
        }
        for (const MatchedQuote& m : h.quotes)
            out << "     \xE2\x80\x9C" << trim_quote(one_line(m.quote.text)) << "\xE2\x80\x9D \xE2\x80\x94 " << m.speaker << "\n";
        if (!h.snippet.text.empty() && h.quotes.empty()) out << "     " << highlighted(h.snippet, o.color) << "\n";
        if (o.color) out << kDim;
        out << "     " << a.id;
        if (o.color) out << kReset;
        out << "\n\n";
    }
}

void print_count(std::ostream& out, const Results& r, const OutputOptions& o) {
    if (o.format == Format::Json || o.format == Format::JsonLines) {
        nlohmann::json j = {{"query", r.query}, {"count", r.total}, {"exact", r.total_exact}};
        if (o.batch) j["qid"] = o.qid;
        out << j.dump() << "\n";
        return;
    }
    if (o.batch) out << o.qid << "\t";
    out << r.total << "\n";
}

}  // namespace news::search
