/// @file
/// @brief Snippets: the byte scanner finds the Analyzer's words, and the fast snippet (scanner,
/// stem table) is the snippet of the plain method (the Analyzer's words, every word stemmed).
#include "common/text/analyzer.h"
#include "searcher/fast_analyzer.h"
#include "searcher/query_parser.h"
#include "searcher/snippet.h"
#include "common/text/word_scan.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using news::search::Highlight;
using news::search::Snippet;
using news::text::WordSpan;
using news::text::Analyzer;

namespace {

const Analyzer& english() {
    static const Analyzer a("english");
    return a;
}

const news::search::FastAnalyzer& fast() {
    static const news::search::FastAnalyzer a("english");  // its own Analyzer, created when needed
    return a;
}

std::string tokens(const std::vector<news::text::Token>& toks) {
    std::string out;
    for (const auto& t : toks)
        out += t.term + "|" + t.alt + "|" + std::to_string(t.start) + "-" + std::to_string(t.end) + (t.stemmable ? "s " : " ");
    return out;
}

// The scanner's words are the Analyzer's (same spans, same letter status), or it declines;
// FastAnalyzer's tokens and normal form are the Analyzer's, whether it scanned or not.
bool scan_agrees(const std::string& s, bool& scanned) {
    std::vector<WordSpan> spans;
    scanned = news::text::scan_plain_words(s, spans);
    std::vector<news::text::Token> toks = english().tokenize_icu(s);  // the reference
    if (tokens(fast().tokenize(s)) != tokens(toks) || tokens(english().tokenize(s)) != tokens(toks)) return false;
    std::string normal;
    for (const auto& t : toks) normal += (normal.empty() ? "" : " ") + (t.alt.empty() ? t.term : t.alt);
    if (fast().normalize(s) != normal || english().normalize(s) != normal) return false;
    if (!scanned) return true;
    // Words the Analyzer drops (folded to nothing or too long) are still spans: none here.
    if (toks.size() != spans.size()) return false;
    for (std::size_t i = 0; i < toks.size(); ++i)
        if (toks[i].start != spans[i].start || toks[i].end != spans[i].end || toks[i].stemmable != spans[i].letters)
            return false;
    return true;
}

// Every string of up to @p len characters of @p alphabet (each character one or more bytes).
void all_strings(const std::vector<std::string>& alphabet, std::size_t len, const std::function<void(const std::string&)>& f) {
    std::vector<std::size_t> idx;
    for (std::size_t n = 1; n <= len; ++n) {
        idx.assign(n, 0);
        while (true) {
            std::string s;
            for (std::size_t k : idx) s += alphabet[k];
            f(s);
            std::size_t k = n;
            while (k > 0 && ++idx[k - 1] == alphabet.size()) idx[--k] = 0;
            if (k == 0) break;
        }
    }
}

std::vector<std::string> chars(const std::string& bytes) {
    std::vector<std::string> out;
    for (char c : bytes) out.emplace_back(1, c);
    return out;
}

// The snippet as first written: every word from the Analyzer, every word stemmed. The fast
// one must give exactly this.
Snippet plain_snippet(std::string_view body, const Highlight& hl, const Analyzer& analyzer, std::size_t words = 32) {
    std::vector<news::text::Token> toks = analyzer.tokenize(body);
    Snippet out;
    if (toks.empty()) return out;
    std::vector<int> match(toks.size(), -1);
    std::map<std::string, int> ids;
    auto id_of = [&](const std::string& k) { return ids.emplace(k, static_cast<int>(ids.size())).first->second; };
    for (std::size_t i = 0; i < toks.size(); ++i) {
        const news::text::Token& t = toks[i];
        if (hl.terms.count(t.term)) match[i] = id_of(t.term);
        else if (!t.alt.empty() && hl.terms.count(t.alt)) match[i] = id_of(t.alt);
        else if (t.stemmable && !hl.stems.empty()) {
            std::string st = analyzer.stem(t.alt.empty() ? t.term : t.alt);
            if (hl.stems.count(st)) match[i] = id_of(st);
        }
        if (match[i] < 0)
            for (const std::string& p : hl.prefixes)
                if (t.term.starts_with(p)) { match[i] = id_of(p); break; }
    }
    std::size_t n = std::min(words, toks.size()), best = 0;
    std::vector<int> in_window(ids.size(), 0);
    long distinct = 0, occ = 0, best_score = -1;
    auto add = [&](std::size_t i, int d) {
        if (match[i] < 0) return;
        int& c = in_window[static_cast<std::size_t>(match[i])];
        if (d > 0 && c++ == 0) ++distinct;
        if (d < 0 && --c == 0) --distinct;
        occ += d;
    };
    for (std::size_t i = 0; i < n; ++i) add(i, +1);
    for (std::size_t s = 0;; ++s) {
        long score = distinct * 100 + occ;
        if (score > best_score) best_score = score, best = s;
        if (s + n >= toks.size()) break;
        add(s, -1);
        add(s + n, +1);
    }
    if (best_score > 0) {
        std::size_t first = best, last = best + n - 1;
        while (first < best + n && match[first] < 0) ++first;
        while (last > first && match[last] < 0) --last;
        std::size_t lead = std::min<std::size_t>(4, first);
        best = std::max(first - lead, last + 1 >= n ? last + 1 - n : 0);
        if (best + n > toks.size()) best = toks.size() - n;
    }
    std::size_t b = toks[best].start, e = toks[best + n - 1].end;
    while (e < body.size() && (body[e] == '.' || body[e] == ',' || body[e] == '!' || body[e] == '?')) ++e;
    if (best > 0) out.text = "\xE2\x80\xA6";
    std::size_t base = out.text.size();
    for (std::size_t i = b; i < e; ++i) out.text += (body[i] == '\n' || body[i] == '\r' || body[i] == '\t') ? ' ' : body[i];
    if (best + n < toks.size()) out.text += "\xE2\x80\xA6";
    for (std::size_t i = best; i < best + n; ++i)
        if (match[i] >= 0) out.marks.emplace_back(base + toks[i].start - b, base + toks[i].end - b);
    return out;
}

std::vector<std::string> corpus_texts() {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::recursive_directory_iterator(std::string(NEWS_SOURCE_DIR) + "/corpus")) {
        if (!e.is_regular_file() || e.path().extension() != ".txt") continue;
        std::ifstream f(e.path());
        std::stringstream ss;
        ss << f.rdbuf();
        std::string text = ss.str();
        if (text.size() > 3900) text.resize(3900);  // under the long-text cut (a byte scan, not compared here)
        while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();
        while (!text.empty() && static_cast<unsigned char>(text.back()) >= 0xC0) text.pop_back();
        out.push_back(text);
        // The same text in plain ASCII, for the byte scanner.
        std::string ascii;
        for (unsigned char c : text) ascii += c < 0x80 ? static_cast<char>(c) : ' ';
        out.push_back(ascii);
    }
    std::sort(out.begin(), out.end());
    return out;
}

// A stem table as news-index writes it: stem -> every word of the texts with that stem.
std::map<std::string, std::vector<std::string>> stem_table(const std::vector<std::string>& texts) {
    std::map<std::string, std::vector<std::string>> table;
    for (const std::string& t : texts)
        for (const news::text::Token& k : english().tokenize(t)) {
            if (!k.stemmable) continue;
            for (const std::string* w : {&k.term, &k.alt})
                if (!w->empty()) table[english().stem(*w)].push_back(*w);
        }
    for (auto& [stem, words] : table) {
        std::sort(words.begin(), words.end());
        words.erase(std::unique(words.begin(), words.end()), words.end());
    }
    return table;
}

std::string show(const Snippet& s) {
    std::string out = s.text;
    out += " |";
    for (auto [b, e] : s.marks) {
        out += ' ';
        out.append(s.text, b, e - b);
    }
    return out;
}

}  // namespace

TEST_CASE("the byte scanner finds the Analyzer's words in every short string of the characters it knows", "[snippet]") {
    std::size_t scanned_count = 0;
    auto check = [&](const std::string& s) {
        bool scanned = false;
        bool ok = scan_agrees(s, scanned);
        scanned_count += scanned;
        if (!ok) FAIL_CHECK("scanner and Analyzer disagree on [" << s << "]");
    };
    all_strings(chars("a1.',; -"), 6, check);
    // Every other ASCII character between letters, digits and the joiners.
    for (char c : std::string("!\"#$%&()*+/:<=>?[\\]^`{|}~\t\n\rZ9@_\x01\x7f")) all_strings(chars(std::string("a1.',") + c), 4, check);
    // The characters beyond ASCII that it knows, and some that it does not.
    all_strings({"a", "1", ".", "'", " ", "\xC3\xA9", "\xE2\x80\x99", "\xE2\x80\x98", "\xE2\x80\x9C", "\xE2\x80\x94",
                 "\xC2\xA0", "\xC3\x97", "\xC3\x9F"},
                5, check);
    for (const char* c : {"\xE2\x80\x93", "\xE2\x80\x9D", "\xE2\x80\xA2", "\xE2\x80\xA6", "\xC2\xA3", "\xC2\xAB",
                          "\xC2\xBB", "\xC2\xB0", "\xC3\x80", "\xC3\xBF", "\xC3\xB7", "\xC2\xAA", "\xC2\xB7",
                          "\xE2\x80\xA4", "\xE2\x80\x8B", "\xCC\x81", "\xE4\xB8\xAD", "\xC3", "\xE2\x80", "\xFF"})
        all_strings({"a", "1", ".", "\xE2\x80\x99", " ", c}, 4, check);
    CHECK(scanned_count > 600000);
}

TEST_CASE("the byte scanner agrees with the Analyzer on long random text", "[snippet]") {
    std::mt19937 rng(29);
    const std::string pieces[] = {"oil", "U.S.", "70,000", "1.5m", "can't", "China's", "e.g.", "3:30", "a.b.c",
                                  " ", " ", "  ", "\n\n", ", ", ". ", "-", "(", ")", "\"", "'", "1987", "x1", "1x",
                                  "...", ";", "10;000", "Reuter", "$5", "%", "&", "/", "'s", "a'", ".5", "5.",
                                  "\xE2\x80\x9CWe", "stop,\xE2\x80\x9D", "China\xE2\x80\x99s", "\xE2\x80\x94", "caf\xC3\xA9",
                                  "\xC2\xA0", "\xE2\x80\x98", "\xE2\x80\xA6", "\xC2\xA3""5", "\xC3\x9F""e", "1\xE2\x80\x99""000"};
    for (int round = 0; round < 2000; ++round) {
        std::string s;
        std::size_t len = 1 + rng() % 60;
        for (std::size_t i = 0; i < len; ++i) s += pieces[rng() % std::size(pieces)];
        bool scanned = false;
        CAPTURE(s);
        CHECK(scan_agrees(s, scanned));
        CHECK(scanned);
    }
}

TEST_CASE("FastAnalyzer: the Analyzer's tokens, normal forms and stems, also beyond ASCII", "[snippet]") {
    for (const char* s : {"L\xC3\xB3pez said 70,000 U.S. jobs", "China\xE2\x80\x99s ports", "Felbab-Brown",
                          "\xE5\x85\xAC\xE5\xAE\x89\xE9\x83\xA8\xE9\x83\xA8\xE9\x95\xBF", "mail@example.com",
                          "snake_case words", "", "   ", "bad \xC3\x28 byte", "The company's 3.5 pct stake"}) {
        CAPTURE(s);
        CHECK(tokens(fast().tokenize(s)) == tokens(english().tokenize_icu(s)));
        CHECK(fast().normalize(s) == english().normalize(s));
    }
    std::string long_word(300, 'a');  // longer than the Analyzer keeps
    CHECK(tokens(fast().tokenize("x " + long_word + " y")) == tokens(english().tokenize_icu("x " + long_word + " y")));
    CHECK(tokens(english().tokenize("x " + long_word + " y")) == tokens(english().tokenize_icu("x " + long_word + " y")));
    for (const char* w : {"running", "prices", "china's", "lopez", "70000", "us"}) CHECK(fast().stem(w) == english().stem(w));
    const news::search::FastAnalyzer none("none");
    CHECK(none.stem("running") == "running");
    CHECK(&news::search::FastAnalyzer(english()).full() == &english());
}

TEST_CASE("the byte scanner declines what it is not exact for", "[snippet]") {
    std::vector<WordSpan> spans;
    for (const char* s : {"mail@example.com", "snake_case", "a\x01z", "tab\x0bvt", "e\xCC\x81", "\xE4\xB8\xAD\xE6\x96\x87",
                          "zero\xE2\x80\x8Bwidth", "one\xE2\x80\xA4""dot", "\xC2\xAA", "cut \xC3", "cut \xE2\x80"}) {
        CAPTURE(s);
        CHECK_FALSE(news::text::scan_plain_words(s, spans));
        bool scanned = true;
        CHECK(scan_agrees(s, scanned));  // trivially: it declined
    }
    CHECK(news::text::scan_plain_words("", spans));
    for (const char* s : {"caf\xC3\xA9", "China\xE2\x80\x99s \xE2\x80\x9Cports\xE2\x80\x9D \xE2\x80\x94 L\xC3\xB3pez\xC2\xA0said\xE2\x80\xA6"}) {
        CAPTURE(s);
        CHECK(news::text::scan_plain_words(s, spans));
        bool scanned = false;
        CHECK(scan_agrees(s, scanned));
    }
}

TEST_CASE("fast snippets equal plain ones (every word stemmed), with and without the stem table", "[snippet]") {
    const std::vector<std::string> texts = corpus_texts();
    REQUIRE(texts.size() > 40);
    const auto table = stem_table(texts);
    news::search::StemExpander expand = [&](const std::string& stem) {
        auto it = table.find(stem);
        return it == table.end() ? std::vector<std::string>{} : it->second;
    };
    const char* queries[] = {"cranes", "strike", "striking workers", "port*", "contain*", "\"container terminal\"",
                             "union OR contract", "dockworkers -ships", "China's", "ports", "said", "automation",
                             "title:strike", "quote:contract", "70,000", "walked", "U.S.", "the", "records",
                             "lifting fog", "operator's", "calif", "beach*", "monday 2022", "s*", "a", "i",
                             "d*", "1,200", "o'neil", "14,000 dockworkers", "2022"};
    std::size_t compared = 0, marked = 0;
    for (const char* q : queries) {
        const news::search::ParsedQuery with_table = news::search::parse_query(q, english(), false, {}, expand);
        const news::search::ParsedQuery no_table = news::search::parse_query(q, english());
        REQUIRE(with_table.highlight.stem_words_known);
        REQUIRE_FALSE(no_table.highlight.stem_words_known);
        for (const std::string& body : texts) {
            CAPTURE(q, body.substr(0, 80));
            const std::string want = show(plain_snippet(body, no_table.highlight, english()));
            CHECK(show(news::search::make_snippet(body, with_table.highlight, english())) == want);
            CHECK(show(news::search::make_snippet(body, no_table.highlight, english())) == want);
            for (std::size_t words : {6, 12}) {
                const std::string short_want = show(plain_snippet(body, no_table.highlight, english(), words));
                CHECK(show(news::search::make_snippet(body, with_table.highlight, english(), words)) == short_want);
            }
            ++compared;
            marked += want.find(" | ") == std::string::npos ? 0 : 1;
        }
    }
    CHECK(compared > 1000);
    CHECK(marked > 200);  // most of them highlight something
}

TEST_CASE("a snippet shows and marks every form of the query word's stem", "[snippet]") {
    news::search::StemExpander expand = [](const std::string& stem) -> std::vector<std::string> {
        if (stem == "strike") return {"strike", "strikes", "striking"};
        return {};
    };
    const news::search::ParsedQuery p = news::search::parse_query("strikes", english(), false, {}, expand);
    const std::string body = "The strike spread. Striking dockworkers walked out; more strikes followed.";
    const Snippet s = news::search::make_snippet(body, p.highlight, english());
    CHECK(s.text == body);
    std::vector<std::string> marked;
    for (auto [b, e] : s.marks) marked.push_back(s.text.substr(b, e - b));
    CHECK(marked == std::vector<std::string>{"strike", "Striking", "strikes"});
}
