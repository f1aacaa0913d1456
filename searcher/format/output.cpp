/// @file
/// @brief Result printers, kept apart from searching.
#include "searcher/format/output.h"

#include "common/text/analyzer.h"

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

std::string thousands(std::size_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
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

// Writes JSON exactly as nlohmann::json::dump(indent) prints the same values (keys are
// written in the sorted order its std::map keeps them in), without building the tree.
// A string that is not valid UTF-8 throws NotUtf8: the caller then prints through
// nlohmann, which reports it as it always did.
class JsonWriter {
public:
    struct NotUtf8 {};

    JsonWriter(std::string& out, int indent) : out_(out), indent_(indent) {}

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }

    /// The next member's key; the value follows.
    JsonWriter& key(std::string_view k) {
        element();
        string(k);
        out_ += indent_ >= 0 ? ": " : ":";
        pending_key_ = true;
        return *this;
    }

    void value(std::string_view s) { element(), string(s); }
    void value(std::size_t n) { element(), out_ += std::to_string(n); }
    void value(bool b) { element(), out_ += b ? "true" : "false"; }
    void value(double d) { element(), out_ += nlohmann::json(d).dump(); }  // nlohmann's number format
    void null() { element(), out_ += "null"; }
    void strings(const std::vector<std::string>& v) {
        begin_array();
        for (const std::string& s : v) value(s);
        end_array();
    }

private:
    void open(char c) {
        element();
        out_ += c;
        counts_.push_back(0);
    }
    void close(char c) {
        std::size_t n = counts_.back();
        counts_.pop_back();
        if (n > 0) newline(counts_.size());
        out_ += c;
    }
    // Before a value: the comma and line break it needs, unless it follows its key.
    void element() {
        if (pending_key_) {
            pending_key_ = false;
            return;
        }
        if (counts_.empty()) return;
        if (counts_.back()++ > 0) out_ += ',';
        newline(counts_.size());
    }
    void newline(std::size_t depth) {
        if (indent_ < 0) return;
        out_ += '\n';
        out_.append(depth * static_cast<std::size_t>(indent_), ' ');
    }
    void string(std::string_view s) {
        out_ += '"';
        bool ascii = true;
        std::size_t run = 0;  // start of the bytes not yet copied
        for (std::size_t i = 0; i < s.size(); ++i) {
            auto c = static_cast<unsigned char>(s[i]);
            if (c >= 0x80) ascii = false;
            if (c >= 0x20 && c != '"' && c != '\\') continue;
            out_.append(s, run, i - run);
            run = i + 1;
            switch (c) {
            case '"': out_ += "\\\""; break;
            case '\\': out_ += "\\\\"; break;
            case '\b': out_ += "\\b"; break;
            case '\f': out_ += "\\f"; break;
            case '\n': out_ += "\\n"; break;
            case '\r': out_ += "\\r"; break;
            case '\t': out_ += "\\t"; break;
            default: {
                static constexpr char kHex[] = "0123456789abcdef";
                out_ += "\\u00";
                out_ += kHex[c >> 4];
                out_ += kHex[c & 0xF];
            }
            }
        }
        out_.append(s, run, s.size() - run);
        if (!ascii && !text::is_valid_utf8(s)) throw NotUtf8{};
        out_ += '"';
    }

    std::string& out_;
    int indent_;
    std::vector<std::size_t> counts_;  // members or elements so far, per open container
    bool pending_key_ = false;
};

// One hit, its keys in nlohmann's (sorted) order; @p qid only for JSON Lines in --batch.
void write_hit(JsonWriter& w, const Hit& h, const std::string* qid) {
    const Article& a = h.article;
    w.begin_object();
    w.key("authors").strings(a.authors);
    if (h.copies) {
        w.key("copies").begin_object();
        w.key("articles").value(static_cast<std::size_t>(h.copies->articles));
        w.key("cluster").value(h.copies->cluster);
        w.key("first_seen");
        if (h.copies->first_seen.empty()) w.null();
        else w.value(h.copies->first_seen);
        w.key("outlets").strings(h.copies->outlets);
        w.end_object();
    }
    w.key("date");
    if (a.date.empty()) w.null();
    else w.value(a.date);
    w.key("dateline").value(a.dateline);
    w.key("highlights").begin_array();
    for (const auto& [b, e] : h.snippet.marks) {
        w.begin_array();
        w.value(b);
        w.value(e);
        w.end_array();
    }
    w.end_array();
    w.key("id").value(a.id);
    w.key("language").value(a.language);
    w.key("matched_quotes").begin_array();
    for (const MatchedQuote& m : h.quotes) {
        w.begin_object();
        w.key("end").value(m.quote.end);
        if (m.reported) w.key("reported").value(true);
        w.key("speaker").value(m.speaker);
        w.key("start").value(m.quote.start);
        w.key("text").value(m.quote.text);
        w.end_object();
    }
    w.end_array();
    w.key("path").value(a.path);
    w.key("persons").strings(a.persons);
    if (qid) w.key("qid").value(*qid);
    w.key("rank").value(h.rank);
    w.key("score").value(h.score);
    w.key("snippet").value(h.snippet.text);
    w.key("source").value(a.source);
    w.key("speakers").begin_array();
    for (const Speaker& s : a.speakers) {
        w.begin_object();
        w.key("kind").value(s.kind);
        w.key("name").value(s.name);
        if (!s.person.empty()) w.key("person").value(s.person);
        w.key("quotes").begin_array();
        for (const Quote& q : s.quotes) {
            w.begin_object();
            w.key("end").value(q.end);
            w.key("start").value(q.start);
            w.key("text").value(q.text);
            w.end_object();
        }
        w.end_array();
        w.key("role").value(s.role);
        w.end_object();
    }
    w.end_array();
    w.key("title").value(a.title);
    w.key("topics").strings(a.topics);
    w.key("url").value(a.url);
    w.end_object();
}

void write_databases(JsonWriter& w, const std::vector<DatabaseRevision>& dbs) {
    w.key("databases").begin_array();
    for (const DatabaseRevision& d : dbs) {
        w.begin_object();
        w.key("path").value(d.path);
        w.key("revision");
        if (d.revision) w.value(static_cast<std::size_t>(*d.revision));
        else w.null();
        w.end_object();
    }
    w.end_array();
}

// --json and --jsonl without building nlohmann trees. Returns false (and leaves @p out as
// it was) when a string is not valid UTF-8.
bool write_json(std::string& out, const Results& r, const OutputOptions& o) {
    if (!r.facets.empty() || !r.warnings.empty() || r.suggestion || !r.missing_shards.empty())
        return false;  // (through nlohmann: the cost is elsewhere)
    const std::size_t was = out.size();
    try {
        if (o.format == Format::Json) {
            JsonWriter w(out, 2);
            w.begin_object();
            write_databases(w, r.databases);
            w.key("format_version").value(static_cast<std::size_t>(kJsonFormatVersion));
            w.key("parsed").value(r.parsed);
            if (o.batch) w.key("qid").value(o.qid);
            w.key("query").value(r.query);
            w.key("results").begin_array();
            for (const Hit& h : r.hits) write_hit(w, h, nullptr);
            w.end_array();
            w.key("total").value(static_cast<std::size_t>(r.total));
            w.key("total_relation").value(std::string_view(total_relation(r)));
            w.key("total_unit").value(std::string_view(r.stories ? "stories" : "articles"));
            w.end_object();
            out += '\n';
        } else {
            for (const Hit& h : r.hits) {
                JsonWriter w(out, -1);
                write_hit(w, h, o.batch ? &o.qid : nullptr);
                out += '\n';
            }
        }
        return true;
    } catch (const JsonWriter::NotUtf8&) {
        out.resize(was);
        return false;
    }
}

}  // namespace

const char* total_relation(const Results& r) { return r.total_exact ? "eq" : "gte"; }

std::string partial_note(const Results& r) {
    const std::size_t answered = r.databases.size(), missing = r.missing_shards.size();
    return std::to_string(answered) + " of " + std::to_string(answered + missing) +
           " shards answered: the results, counts and ranking statistics are those of their articles only";
}

std::string total_line(const Results& r) {
    if (!r.total_exact) return "More than " + thousands(kExactCountUpTo) + " articles match";
    if (r.stories) return thousands(r.total) + (r.total == 1 ? " story matches" : " stories match");
    return thousands(r.total) + (r.total == 1 ? " article matches" : " articles match");
}

nlohmann::json databases_json(const std::vector<DatabaseRevision>& dbs) {
    nlohmann::json out = nlohmann::json::array();
    for (const DatabaseRevision& d : dbs)
        out.push_back({{"path", d.path}, {"revision", d.revision ? nlohmann::json(*d.revision) : nlohmann::json(nullptr)}});
    return out;
}

nlohmann::json hit_to_json(const Hit& h) {
    const Article& a = h.article;
    nlohmann::json speakers = nlohmann::json::array();
    for (const Speaker& s : a.speakers) {
        nlohmann::json quotes = nlohmann::json::array();
        for (const Quote& q : s.quotes) quotes.push_back({{"text", q.text}, {"start", q.start}, {"end", q.end}});
        speakers.push_back({{"name", s.name}, {"kind", s.kind}, {"role", s.role}, {"quotes", std::move(quotes)}});
        if (!s.person.empty()) speakers.back()["person"] = s.person;
    }
    nlohmann::json matched = nlohmann::json::array();
    for (const MatchedQuote& m : h.quotes) {
        matched.push_back({{"speaker", m.speaker}, {"text", m.quote.text}, {"start", m.quote.start}, {"end", m.quote.end}});
        if (m.reported) matched.back()["reported"] = true;
    }
    nlohmann::json marks = nlohmann::json::array();
    for (const auto& [b, e] : h.snippet.marks) marks.push_back({b, e});
    nlohmann::json j = {
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
        {"topics", a.topics},
        {"snippet", h.snippet.text},
        {"highlights", std::move(marks)},
        {"matched_quotes", matched},
    };
    if (h.copies)
        j["copies"] = {{"cluster", h.copies->cluster},
                       {"articles", h.copies->articles},
                       {"outlets", h.copies->outlets},
                       {"first_seen", h.copies->first_seen.empty() ? nlohmann::json(nullptr) : nlohmann::json(h.copies->first_seen)}};
    return j;
}

void print_results(std::ostream& out, const Results& r, const OutputOptions& o) {
    if (o.format == Format::Json || o.format == Format::JsonLines) {
        std::string text;
        if (write_json(text, r, o)) {
            out.write(text.data(), static_cast<std::streamsize>(text.size()));
            return;
        }
    }
    print_results_nlohmann(out, r, o);
}

void print_results_nlohmann(std::ostream& out, const Results& r, const OutputOptions& o) {
    switch (o.format) {
    case Format::Json: {
        nlohmann::json results = nlohmann::json::array();
        for (const Hit& h : r.hits) results.push_back(hit_to_json(h));
        nlohmann::json j = {{"format_version", kJsonFormatVersion}, {"query", r.query}, {"parsed", r.parsed},
                            {"total", r.total}, {"total_relation", total_relation(r)}, {"results", std::move(results)},
                            {"total_unit", r.stories ? "stories" : "articles"},
                            {"databases", databases_json(r.databases)}};
        if (o.batch) j["qid"] = o.qid;
        if (!r.facets.empty()) j["facets"] = facets_json(r.facets);
        if (!r.warnings.empty()) j["warnings"] = r.warnings;
        if (!r.missing_shards.empty()) {
            j["partial"] = true;
            j["missing_shards"] = r.missing_shards;
            j["partial_note"] = partial_note(r);
        }
        if (r.suggestion)
            j["suggestion"] = {{"query", r.suggestion->query}, {"total", r.suggestion->total},
                               {"total_relation", r.suggestion->total_exact ? "eq" : "gte"}};
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
    if (!r.missing_shards.empty()) {
        out << "PARTIAL ANSWER: " << partial_note(r) << "\n";
        for (const std::string& m : r.missing_shards) out << "  missing shard " << m << "\n";
    }
    std::string did_you_mean;
    if (r.suggestion) {
        const Suggestion& s = *r.suggestion;
        did_you_mean = "Did you mean: " + s.query + "  (" + (s.total_exact ? "" : "more than ") +
                       thousands(s.total_exact ? s.total : kExactCountUpTo) + (s.total == 1 ? " article)\n" : " articles)\n");
    }
    if (r.total == 0) {
        out << "No articles match.\n" << did_you_mean;
        return;
    }
    out << did_you_mean << total_line(r);
    if (r.hits.empty()) {
        if (r.offset > 0) out << "; --offset " << r.offset << " is past the last one";  // else -n 0
        out << ".\n";
        print_facets(out, r.facets);
        return;
    }
    out << "; showing " << r.hits.front().rank << "-" << r.hits.back().rank << ".\n\n";
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
                if (!a.speakers[i].person.empty()) out << " [" << a.speakers[i].person << "]";
                if (!a.speakers[i].role.empty()) out << " (" << a.speakers[i].role << ")";
            }
            out << "\n";
        }
        if (h.copies) {
            out << "     " << thousands(h.copies->articles) << " copies";
            for (std::size_t i = 0; i < h.copies->outlets.size(); ++i) out << (i ? ", " : ": ") << h.copies->outlets[i];
            if (!h.copies->first_seen.empty()) out << "; first seen " << h.copies->first_seen;
            out << " (--copies " << h.copies->cluster << ")\n";
        }
        if (!a.topics.empty()) {
            out << "     Topics: ";
            for (std::size_t i = 0; i < a.topics.size(); ++i) out << (i ? ", " : "") << a.topics[i];
            out << "\n";
        }
        for (const MatchedQuote& m : h.quotes)
            if (m.reported)  // reported speech, not the speaker's words: no quotation marks
                out << "     (reported) " << trim_quote(one_line(m.quote.text)) << " \xE2\x80\x94 " << m.speaker << "\n";
            else
                out << "     \xE2\x80\x9C" << trim_quote(one_line(m.quote.text)) << "\xE2\x80\x9D \xE2\x80\x94 "
                    << (m.speaker.empty() ? "(speaker not found)" : m.speaker) << "\n";
        if (!h.snippet.text.empty() && h.quotes.empty()) out << "     " << highlighted(h.snippet, o.color) << "\n";
        if (o.color) out << kDim;
        out << "     " << a.id;
        if (o.color) out << kReset;
        out << "\n\n";
    }
    print_facets(out, r.facets);
}

nlohmann::json facets_json(const std::vector<FacetResult>& facets) {
    bool stories = false;
    auto count_json = [&stories](const FacetCount& c, bool quotes) {
        nlohmann::json j = {{"value", c.value}, {"filter", c.filter}, {stories ? "stories" : "articles", c.articles}};
        if (quotes) j["quotes"] = c.quotes;
        return j;
    };
    nlohmann::json out = nlohmann::json::array();
    for (const FacetResult& f : facets) {
        stories = f.stories;
        nlohmann::json values = nlohmann::json::array();
        for (const FacetCount& c : f.values) {
            nlohmann::json j = count_json(c, f.quotes_counted);
            if (!f.split.empty()) {
                j["split"] = nlohmann::json::array();
                for (const FacetCount& cell : c.split) j["split"].push_back(count_json(cell, false));
            }
            values.push_back(std::move(j));
        }
        nlohmann::json j = {{"field", f.field}, {"distinct", f.distinct}, {"quotes_counted", f.quotes_counted},
                            {"unit", f.stories ? "stories" : "articles"}, {"values", std::move(values)}};
        if (!f.split.empty()) {
            j["split"] = f.split;
            j["split_values"] = nlohmann::json::array();
            for (const FacetCount& c : f.split_values) j["split_values"].push_back(count_json(c, false));
        }
        out.push_back(std::move(j));
    }
    return out;
}

void print_facets(std::ostream& out, const std::vector<FacetResult>& facets) {
    for (const FacetResult& f : facets) {
        out << "\n" << f.field << ": " << thousands(f.distinct) << (f.distinct == 1 ? " value" : " values");
        if (f.values.size() < f.distinct) out << ", the top " << f.values.size();
        if (f.quotes_counted) out << "; quotes: those the query asks about";
        out << "\n";
        if (f.values.empty()) continue;
        // Columns: the value, articles (quotes), then one per split value.
        std::vector<std::string> head{f.field, f.stories ? "stories" : "articles"};
        if (f.quotes_counted) head.push_back("quotes");
        for (const FacetCount& c : f.split_values) head.push_back(c.value);
        std::vector<std::vector<std::string>> rows{head};
        for (const FacetCount& c : f.values) {
            std::vector<std::string> row{one_line(c.value), thousands(c.articles)};
            if (f.quotes_counted) row.push_back(thousands(c.quotes));
            for (const FacetCount& col : f.split_values) {
                auto it = std::find_if(c.split.begin(), c.split.end(), [&](const FacetCount& x) { return x.value == col.value; });
                row.push_back(it == c.split.end() ? "0" : thousands(it->articles));
            }
            rows.push_back(std::move(row));
        }
        auto width = [](const std::string& s) {  // characters, not bytes (names are UTF-8)
            std::size_t n = 0;
            for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;
            return n;
        };
        std::vector<std::size_t> widths(head.size(), 0);
        for (const auto& row : rows)
            for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], std::min<std::size_t>(width(row[i]), 40));
        for (const auto& row : rows) {
            out << "  ";
            for (std::size_t i = 0; i < row.size(); ++i) {
                const std::size_t pad = widths[i] > width(row[i]) ? widths[i] - width(row[i]) : 0;
                if (i == 0) out << row[i] << std::string(pad, ' ');
                else out << "  " << std::string(pad, ' ') << row[i];
            }
            out << "\n";
        }
    }
}

void print_count(std::ostream& out, const Results& r, const OutputOptions& o) {
    if (o.format == Format::Json || o.format == Format::JsonLines) {
        nlohmann::json j = {{"query", r.query}, {"count", r.total}, {"exact", r.total_exact}};
        if (o.batch) j["qid"] = o.qid;
        if (!r.missing_shards.empty()) {
            j["partial"] = true;
            j["missing_shards"] = r.missing_shards;
        }
        out << j.dump() << "\n";
        return;
    }
    if (o.batch) out << o.qid << "\t";
    out << r.total << "\n";
}

namespace {

// The closing quotation marks that may follow a quote's span ("...," then ”).
std::size_t closing_mark(std::string_view text, std::size_t at) {
    for (std::string_view m : {"\xE2\x80\x9D", "\"", "\xE2\x80\x99", "\xC2\xBB", "\xE3\x80\x8D"})
        if (text.substr(at).starts_with(m)) return m.size();
    return 0;
}

// The text with each quote followed by who said it: “…,” [— Jen Daskal] (the quote
// highlighted on a terminal). Quotes that overlap one already marked are only listed.
std::string marked_text(const Article& a, bool color) {
    struct Mark {
        std::size_t start, end;
        const Speaker* speaker;
    };
    std::vector<Mark> marks;
    for (const Speaker& s : a.speakers)
        for (const Quote& q : s.quotes)
            if (q.start < q.end && q.end <= a.text.size()) marks.push_back({q.start, q.end, &s});
    std::sort(marks.begin(), marks.end(), [](const Mark& x, const Mark& y) { return x.start < y.start; });
    std::string out;
    std::size_t at = 0;
    for (const Mark& m : marks) {
        if (m.start < at) continue;
        out.append(a.text, at, m.start - at);
        if (color) out += kMark;
        out.append(a.text, m.start, m.end - m.start);
        if (color) out += kReset;
        at = m.end + closing_mark(a.text, m.end);
        out.append(a.text, m.end, at - m.end);
        if (color) out += kDim;
        out += " [\xE2\x80\x94 " + m.speaker->name + "]";
        if (color) out += kReset;
    }
    out.append(a.text, at);
    return out;
}

void print_article_text(std::ostream& out, const Article& a, bool color) {
    auto line = [&](std::string_view label, const std::string& value) {
        if (!value.empty()) out << label << one_line(value) << "\n";
    };
    auto joined = [](const std::vector<std::string>& v) {
        std::string s;
        for (const std::string& x : v) s += (s.empty() ? "" : "; ") + x;
        return s;
    };
    if (color) out << kBold;
    out << one_line(a.title.empty() ? "(untitled)" : a.title) << "\n";
    if (color) out << kReset;
    line("id:        ", a.id);
    out << "date:      " << (a.date.empty() ? "(no date)" : a.date) << "\n";
    out << "source:    " << (a.source.empty() ? "(no source)" : a.source) << "\n";
    line("authors:   ", joined(a.authors));
    line("dateline:  ", a.dateline);
    line("url:       ", a.url);
    line("topics:    ", joined(a.topics));
    line("persons:   ", joined(a.persons));
    line("orgs:      ", joined(a.organizations));
    line("language:  ", a.language);
    line("file:      ", a.path);
    // A dek found in scraped text stays its first paragraph (nothing is lost): printed once.
    const std::size_t body = a.text.find_first_not_of(" \t\r\n");
    if (!a.dek.empty() && (body == std::string::npos || a.text.compare(body, a.dek.size(), a.dek) != 0))
        out << "\n" << a.dek << "\n";
    out << "\n" << marked_text(a, color) << "\n";
    std::size_t n = 0;
    for (const Speaker& s : a.speakers) n += s.quotes.size();
    if (n == 0) return;
    out << "\nQuotes (" << n << "):\n";
    for (const Speaker& s : a.speakers) {
        for (const Quote& q : s.quotes) {
            out << "  " << s.name;
            if (!s.role.empty()) out << " (" << s.role << ")";
            if (s.kind != "person" && !s.kind.empty()) out << " [" << s.kind << "]";
            out << ": \xE2\x80\x9C" << trim_quote(one_line(q.text)) << "\xE2\x80\x9D\n";
        }
    }
}

// The article as --get prints it in JSON: news::to_json, each quote's byte offsets ("start",
// "end") joined by its offsets in code points ("char_start", "char_end": Python's str indexes), so that a reader slices the text either way.
nlohmann::json article_json(const Article& a) {
    nlohmann::json j = to_json(a);
    auto chars = [&](std::size_t byte) {
        std::size_t n = 0;
        for (std::size_t i = 0; i < byte && i < a.text.size(); ++i) n += (static_cast<unsigned char>(a.text[i]) & 0xC0) != 0x80;
        return n;
    };
    for (auto& sp : j["speakers"])
        for (auto& q : sp["quotes"]) {
            q["char_start"] = chars(q["start"].get<std::size_t>());
            q["char_end"] = chars(q["end"].get<std::size_t>());
        }
    return j;
}

std::string dump(const nlohmann::json& j, int indent) { return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace); }

}  // namespace

void print_articles(std::ostream& out, const std::vector<Article>& articles, const std::vector<std::string>& missing,
                    const std::vector<DatabaseRevision>& databases, const OutputOptions& o) {
    switch (o.format) {
    case Format::Json: {
        nlohmann::json all = nlohmann::json::array();
        for (const Article& a : articles) all.push_back(article_json(a));
        nlohmann::json j = {{"format_version", kJsonFormatVersion}, {"articles", std::move(all)},
                            {"missing", missing}, {"databases", databases_json(databases)}};
        out << dump(j, 2) << "\n";
        return;
    }
    case Format::JsonLines:
        for (const Article& a : articles) out << dump(article_json(a), -1) << "\n";
        return;
    case Format::Trec:
    case Format::Text: break;
    }
    for (std::size_t i = 0; i < articles.size(); ++i) {
        if (i) out << "\n" << std::string(72, '-') << "\n\n";
        print_article_text(out, articles[i], o.color);
    }
}

void print_sources(std::ostream& out, const std::vector<SourceCount>& sources,
                   const std::vector<DatabaseRevision>& databases, const OutputOptions& o) {
    if (o.format == Format::Json || o.format == Format::JsonLines) {
        nlohmann::json list = nlohmann::json::array();
        for (const SourceCount& s : sources) list.push_back({{"name", s.name}, {"slug", s.slug}, {"count", s.count}});
        if (o.format == Format::JsonLines) {
            for (const auto& j : list) out << dump(j, -1) << "\n";
            return;
        }
        nlohmann::json j = {{"format_version", kJsonFormatVersion}, {"sources", std::move(list)},
                            {"databases", databases_json(databases)}};
        out << dump(j, 2) << "\n";
        return;
    }
    if (sources.empty()) {
        out << "No sources.\n";
        return;
    }
    std::size_t width = 5;
    for (const SourceCount& s : sources) width = std::max(width, std::to_string(s.count).size());
    out << std::setw(static_cast<int>(width)) << "count" << "  source (source: value)\n";
    for (const SourceCount& s : sources)
        out << std::setw(static_cast<int>(width)) << s.count << "  " << one_line(s.name) << "  (" << s.slug << ")\n";
}

void print_speakers(std::ostream& out, const std::vector<SpeakerCount>& speakers,
                    const std::vector<DatabaseRevision>& databases, const OutputOptions& o) {
    if (o.format == Format::Json || o.format == Format::JsonLines) {
        nlohmann::json list = nlohmann::json::array();
        for (const SpeakerCount& s : speakers)
            list.push_back({{"name", s.name}, {"kind", s.kind}, {"aliases", s.aliases}, {"quotes", s.quotes},
                            {"articles", s.articles}});
        if (o.format == Format::JsonLines) {
            for (const auto& j : list) out << dump(j, -1) << "\n";
            return;
        }
        nlohmann::json j = {{"format_version", kJsonFormatVersion}, {"speakers", std::move(list)},
                            {"databases", databases_json(databases)}};
        out << dump(j, 2) << "\n";
        return;
    }
    if (speakers.empty()) {
        out << "No speakers.\n";
        return;
    }
    std::size_t aw = 8, qw = 6;
    for (const SpeakerCount& s : speakers) {
        aw = std::max(aw, std::to_string(s.articles).size());
        qw = std::max(qw, std::to_string(s.quotes).size());
    }
    out << std::setw(static_cast<int>(aw)) << "articles" << "  " << std::setw(static_cast<int>(qw)) << "quotes"
        << "  speaker (also named)\n";
    for (const SpeakerCount& s : speakers) {
        out << std::setw(static_cast<int>(aw)) << s.articles << "  " << std::setw(static_cast<int>(qw)) << s.quotes << "  "
            << one_line(s.name);
        if (s.kind != "person") out << " [" << s.kind << "]";
        if (!s.aliases.empty()) {
            out << "  (";
            for (std::size_t i = 0; i < s.aliases.size(); ++i) out << (i ? ", " : "") << one_line(s.aliases[i]);
            out << ")";
        }
        out << "\n";
    }
}

}  // namespace news::search

namespace news::search {

void print_copies(std::ostream& out, const std::string& id, const std::vector<Article>& articles,
                  const std::vector<DatabaseRevision>& dbs, const OutputOptions& o) {
    if (o.format == Format::Json || o.format == Format::JsonLines) {
        nlohmann::json all = nlohmann::json::array();
        for (const Article& a : articles) all.push_back(article_json(a));
        if (o.format == Format::JsonLines) {
            for (const nlohmann::json& j : all) out << dump(j, -1) << "\n";
            return;
        }
        nlohmann::json j = {{"format_version", kJsonFormatVersion}, {"id", id}, {"articles", std::move(all)},
                            {"databases", databases_json(dbs)}};
        out << dump(j, 2) << "\n";
        return;
    }
    if (articles.empty()) return;
    if (articles.size() == 1) {
        out << "No copies of " << id << ".\n";
        return;
    }
    out << thousands(articles.size()) << " copies of one story, earliest first:\n\n";
    for (const Article& a : articles) {
        out << "  " << (a.date.empty() ? "(no date)" : a.date) << "  " << (a.source.empty() ? "(no source)" : a.source)
            << "  " << one_line(a.title.empty() ? "(untitled)" : a.title) << "\n";
        out << "     " << a.id << "\n";
    }
}

}  // namespace news::search
