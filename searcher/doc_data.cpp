/// @file
/// @brief A strict, direct JSON reader for the document data written by news-index.
#include "searcher/doc_data.h"

#include "common/text/analyzer.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>

namespace news::search {
namespace {

// Thrown when the fast reader meets anything it leaves to nlohmann.
struct Unexpected {};

class Reader {
public:
    explicit Reader(std::string_view s) : s_(s) {}

    Article article() {
        Article a;
        a.language.clear();  // article_from_json leaves absent fields empty, not at Article's defaults
        a.encoding.clear();
        ws();
        expect('{');
        members([&](std::string_view key) { article_member(a, key); });
        ws();
        if (i_ != s_.size()) throw Unexpected{};  // nlohmann rejects trailing bytes
        return a;
    }

private:
    static constexpr int kMaxDepth = 64;

    [[noreturn]] static void fail() { throw Unexpected{}; }

    void ws() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
    }
    char peek() {
        ws();
        if (i_ >= s_.size()) fail();
        return s_[i_];
    }
    void expect(char c) {
        if (peek() != c) fail();
        ++i_;
    }

    // The members of an object whose '{' was read: f(key) reads each value.
    template <class F>
    void members(F&& f) {
        if (peek() == '}') {
            ++i_;
            return;
        }
        while (true) {
            if (peek() != '"') fail();
            std::string key = string();
            expect(':');
            f(key);
            char c = peek();
            ++i_;
            if (c == '}') return;
            if (c != ',') fail();
        }
    }

    // The elements of an array whose '[' was read: f() reads each one.
    template <class F>
    void elements(F&& f) {
        if (peek() == ']') {
            ++i_;
            return;
        }
        while (true) {
            f();
            char c = peek();
            ++i_;
            if (c == ']') return;
            if (c != ',') fail();
        }
    }

    std::string string() {
        expect('"');
        std::string out;
        std::size_t run = i_;
        while (true) {
            if (i_ >= s_.size()) fail();
            auto c = static_cast<unsigned char>(s_[i_]);
            if (c == '"') break;
            if (c < 0x20) fail();  // raw control characters are not JSON
            if (c != '\\') {
                ++i_;
                continue;
            }
            out.append(s_, run, i_ - run);
            if (i_ + 1 >= s_.size()) fail();
            char e = s_[i_ + 1];
            i_ += 2;
            switch (e) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                if (i_ + 4 > s_.size()) fail();
                unsigned cp = 0;
                for (int k = 0; k < 4; ++k) {
                    char h = s_[i_++];
                    cp <<= 4;
                    if (h >= '0' && h <= '9') cp |= static_cast<unsigned>(h - '0');
                    else if (h >= 'a' && h <= 'f') cp |= static_cast<unsigned>(h - 'a' + 10);
                    else if (h >= 'A' && h <= 'F') cp |= static_cast<unsigned>(h - 'A' + 10);
                    else fail();
                }
                if (cp >= 0xD800 && cp <= 0xDFFF) fail();  // surrogates: nlohmann's rules
                if (cp < 0x80) {
                    out += static_cast<char>(cp);
                } else if (cp < 0x800) {
                    out += static_cast<char>(0xC0 | (cp >> 6));
                    out += static_cast<char>(0x80 | (cp & 0x3F));
                } else {
                    out += static_cast<char>(0xE0 | (cp >> 12));
                    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
                    out += static_cast<char>(0x80 | (cp & 0x3F));
                }
                break;
            }
            default: fail();
            }
            run = i_;
        }
        out.append(s_, run, i_ - run);
        ++i_;
        return out;
    }

    // A JSON number, checked against the grammar; returns its value when it is a plain
    // unsigned integer that fits, else sets @p plain to false.
    std::size_t number(bool& plain) {
        std::size_t b = i_;
        plain = true;
        if (i_ < s_.size() && s_[i_] == '-') ++i_, plain = false;
        if (i_ >= s_.size() || s_[i_] < '0' || s_[i_] > '9') fail();
        if (s_[i_] == '0') ++i_;
        else
            while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
        std::size_t int_end = i_;
        if (i_ < s_.size() && s_[i_] == '.') {
            plain = false;
            ++i_;
            if (i_ >= s_.size() || s_[i_] < '0' || s_[i_] > '9') fail();
            while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
        }
        if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
            plain = false;
            ++i_;
            if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
            if (i_ >= s_.size() || s_[i_] < '0' || s_[i_] > '9') fail();
            while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
        }
        if (!plain || int_end - b > 18) {  // 18 digits always fit; longer ones: nlohmann's rules
            // nlohmann reads these as doubles and rejects one that overflows ("1e999").
            if (!std::isfinite(std::strtod(std::string(s_.substr(b, i_ - b)).c_str(), nullptr))) fail();
            plain = false;
            return 0;
        }
        std::size_t v = 0;
        for (std::size_t k = b; k < int_end; ++k) v = v * 10 + static_cast<std::size_t>(s_[k] - '0');
        return v;
    }

    void literal(std::string_view word) {
        if (s_.substr(i_, word.size()) != word) fail();
        i_ += word.size();
    }

    // Reads and drops any value.
    void skip(int depth = 0) {
        if (depth > kMaxDepth) fail();
        switch (peek()) {
        case '"': (void)string(); return;
        case '{':
            ++i_;
            members([&](std::string_view) { skip(depth + 1); });
            return;
        case '[':
            ++i_;
            elements([&] { skip(depth + 1); });
            return;
        case 't': literal("true"); return;
        case 'f': literal("false"); return;
        case 'n': literal("null"); return;
        default: {
            bool plain = false;
            (void)number(plain);
        }
        }
    }

    // str(): a string value, or "" for any other value.
    std::string str() {
        if (peek() == '"') return string();
        skip();
        return {};
    }

    // strs(): the strings of an array (other elements dropped), or none.
    std::vector<std::string> strs() {
        std::vector<std::string> out;
        if (peek() != '[') {
            skip();
            return out;
        }
        ++i_;
        elements([&] {
            if (peek() == '"') out.push_back(string());
            else skip(1);
        });
        return out;
    }

    // value("start", 0) of a quote: a plain unsigned integer, else nlohmann's conversions.
    std::size_t offset() {
        if (peek() == '-' || (s_[i_] >= '0' && s_[i_] <= '9')) {
            bool plain = false;
            std::size_t v = number(plain);
            if (plain) return v;
        }
        fail();
    }

    Quote quote() {
        if (peek() != '{') fail();  // value() on a non-object throws in nlohmann
        ++i_;
        Quote q;
        members([&](std::string_view key) {
            if (key == "text") q.text = str();
            else if (key == "start") q.start = offset();
            else if (key == "end") q.end = offset();
            else skip(2);
        });
        return q;
    }

    Speaker speaker() {
        Speaker sp{"", "", "", {}};  // str() of absent keys: empty, "person" is not a default here
        if (peek() != '{') {  // find() on a non-object finds nothing: an empty speaker
            skip(1);
            return sp;
        }
        ++i_;
        members([&](std::string_view key) {
            if (key == "name") sp.name = str();
            else if (key == "kind") sp.kind = str();
            else if (key == "role") sp.role = str();
            else if (key == "quotes") {
                sp.quotes.clear();
                if (peek() != '[') {
                    skip(2);
                    return;
                }
                ++i_;
                elements([&] { sp.quotes.push_back(quote()); });
            } else {
                skip(2);
            }
        });
        return sp;
    }

    void article_member(Article& a, std::string_view key) {
        if (key == "id") a.id = str();
        else if (key == "path") a.path = str();
        else if (key == "title") a.title = str();
        else if (key == "dek") a.dek = str();
        else if (key == "date") a.date = str();
        else if (key == "source") a.source = str();
        else if (key == "url") a.url = str();
        else if (key == "dateline") a.dateline = str();
        else if (key == "language") a.language = str();
        else if (key == "encoding") a.encoding = str();
        else if (key == "text") a.text = str();
        else if (key == "authors") a.authors = strs();
        else if (key == "persons") a.persons = strs();
        else if (key == "organizations") a.organizations = strs();
        else if (key == "topics") a.topics = strs();
        else if (key == "speakers") {
            a.speakers.clear();
            if (peek() != '[') {
                skip(1);
                return;
            }
            ++i_;
            elements([&] { a.speakers.push_back(speaker()); });
        } else {
            skip(1);
        }
    }

    std::string_view s_;
    std::size_t i_ = 0;
};

}  // namespace

Article read_document_data(std::string_view data) {
    std::size_t nul = data.find('\0');
    std::string_view meta = data.substr(0, nul);
    Article a;
    try {
        if (!text::is_valid_utf8(meta)) throw Unexpected{};  // nlohmann rejects it: let it say so
        a = Reader(meta).article();
    } catch (const Unexpected&) {
        return article_from_document_data(data);
    }
    if (nul != std::string_view::npos) a.text = std::string(data.substr(nul + 1));
    for (Speaker& s : a.speakers)
        for (Quote& q : s.quotes)
            if (q.start <= q.end && q.end <= a.text.size()) q.text = a.text.substr(q.start, q.end - q.start);
    return a;
}

}  // namespace news::search
