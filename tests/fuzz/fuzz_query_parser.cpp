/// @file
/// @brief libFuzzer target: news::search::parse_query on arbitrary bytes.
///
/// A QueryError is the parser's answer to a malformed query; any other exception escaping,
/// a crash, a sanitizer report or a hang is a bug. Both default_or values are tried, and the
/// resulting Xapian query is described (what --explain prints). Every query is parsed once more
/// with quote slots (a small fixed set of pairing terms), so that speaker:/quote: pairing, its
/// templates and its per-slot clauses are fuzzed too, and with speaker links (every name of
/// several words is known by its last word alone in two years, of each sex), so that the
/// alias clauses of speaker: are fuzzed in both.
#include "common/text/analyzer.h"
#include "searcher/query_parser.h"
#include "searcher/ranking.h"
#include "searcher/spelling.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace {

const news::text::Analyzer& analyzer() {
    static const news::text::Analyzer a("english");
    return a;
}

// Two speakers with quotes, as a database would list its pairing terms.
const news::search::QuoteSlots& slots() {
    static const std::vector<std::string> terms = {
        "XJ0.0", "XJ0.1", "XJ1.0", "XJ2.0", "XNWa#0", "XNWb#1", "XNa b#0", "XWa#0.0", "XWa#1.0", "XWb#0.1",
        "XWb#2.0", "XWc#0.0", "XWca#0.1", "XWcat#1.0"};
    static const news::search::QuoteSlots s{[](const std::string& head) {
        std::vector<std::string> out;
        for (const std::string& t : terms)
            if (t.starts_with(head)) out.push_back(t);
        return out;
    }};
    return s;
}

// Every full name is "known" by its last word: unknown sex in 2009 and 2010, a woman's in 2015.
const news::search::SpeakerLinks& links() {
    static const news::search::SpeakerLinks l = [](const std::string& name) {
        const std::string word = name.substr(name.rfind(' ') + 1);
        return std::vector<news::aliases::Alias>{{word, 0, {2009, 2010}}, {word, 'f', {2015}}};
    };
    return l;
}

// Every one-word speaker may be two full names: "a W" in 2009, "b W" a man's in 2015.
const news::search::WordLinks& word_links() {
    static const news::search::WordLinks l = [](const std::string& word) {
        return std::vector<news::aliases::Link>{{"a " + word, {word, 0, {2009}}}, {"b " + word, {word, 'm', {2015}}}};
    };
    return l;
}

void parse(std::string_view text, bool default_or) {
    try {
        news::search::ParsedQuery p = news::search::parse_query(text, analyzer(), default_or, {}, {}, slots(), links(), word_links());
        volatile std::size_t m = p.query.get_description().size();
        (void)m;
        // The ranking's shape of whatever the parser builds (stop words out, title and proximity in).
        news::search::RankParams rank;
        rank.near = 0.1;
        std::string dropped;
        const Xapian::Query shaped = news::search::shaped_for_ranking(news::search::without_stop_words(p.query, &dropped), rank);
        volatile std::size_t k = shaped.get_description().size() + news::search::weighed_word_clauses(p.query).size();
        (void)k;
    } catch (const news::search::QueryError&) {
    }
    try {
        news::search::ParsedQuery q = news::search::parse_query(text, analyzer(), default_or);
        volatile std::size_t n = q.query.get_description().size();
        (void)n;
    } catch (const news::search::QueryError&) {
        // a malformed query: expected
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    {  // "did you mean" rewriting the query as typed, and comparing its bytes as words
        const std::vector<news::search::Correction> fixes{{"oil", "oils", 0, 30, 1}, {"a", "\xc3\xa9t\xc3\xa9", 0, 30, 1}};
        const std::string fixed = news::search::corrected_query(text, fixes, [](std::string_view s) { return analyzer().normalize(s); });
        const std::u32string cps = news::search::code_points(text);
        const std::u32string_view half = std::u32string_view(cps).substr(0, cps.size() / 2);
        const int d = news::search::edit_distance(half, std::u32string_view(cps).substr(cps.size() / 2), 2);
        if (d < 0 || d > 3) __builtin_trap();
        if (cps.size() < 200) (void)news::search::typing_cost(half, std::u32string_view(cps).substr(cps.size() / 2), 1, 8);
        volatile std::size_t n = fixed.size();
        (void)n;
    }
    try {  // the same bytes as news-search --ranking's value
        news::search::RankParams r = news::search::RankParams::parse(text);
        if (news::search::RankParams::parse(r.describe()).describe() != r.describe()) __builtin_trap();
    } catch (const std::invalid_argument&) {
    }
    parse(text, false);
    parse(text, true);
    return 0;
}
