/// @file
/// @brief news-search's command line: the direct reading of plain command lines gives what
/// Boost.Program_options gives, and leaves every other form to Boost.
#include "searcher/cli.h"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

using news::search::CliOptions;

namespace {

std::vector<const char*> argv_of(const std::vector<std::string>& args) {
    std::vector<const char*> v{"news-search"};
    for (const std::string& a : args) v.push_back(a.c_str());
    return v;
}

std::string show(const CliOptions& o) {
    std::string s;
    for (const auto& d : o.dbs) s += "db=" + d + " ";
    for (const auto& w : o.words) s += "w=" + w + " ";
    s += "sort=" + o.sort + " trec=" + o.trec + " batch=" + o.batch + " color=" + o.color + " qid=" + o.qid;
    s += " limit=" + std::to_string(o.limit) + " offset=" + std::to_string(o.offset);
    s += std::string(" flags=") + (o.json ? "j" : "") + (o.jsonl ? "l" : "") + (o.count ? "c" : "") + (o.explain ? "e" : "") +
         (o.any ? "a" : "") + (o.stats ? "s" : "") + (o.help ? "h" : "") + (o.get ? "g" : "") + (o.sources ? "S" : "");
    return s;
}

}  // namespace

TEST_CASE("plain command lines read directly give Boost's options", "[cli]") {
    const std::vector<std::vector<std::string>> plain = {
        {},
        {"cranes"},
        {"--db", "x.db", "oil", "prices"},
        {"-d", "a", "--db", "b", "w1", "w2"},
        {"--json", "-n", "5", "--offset", "2", "q"},
        {"--jsonl", "--limit", "007", "q"},
        {"--sort", "date", "q"},
        {"-s", "relevance", "q"},
        {"--trec", "run1", "--qid", "7", "cranes"},
        {"--batch", "queries.tsv", "--stats", "--jsonl"},
        {"--color", "never", "--any", "a", "b"},
        {"--count", "--", "date:..2030"},
        {"--explain", "--", "-mexico", "--json"},
        {"q", "--json", "r"},
        {"--limit", "0", "speaker:\"jen daskal\"", "quote:step"},
        {"--db", "/tmp/db", "--color", "never", "oil prices"},
        {"-n", "1000000000", "--offset", "1000000000", "q"},
        {"--get", "cw-2022-0915-001", "corpus/a b.txt"},
        {"--json", "--get", "--", "-odd-id"},
        {"--sources", "--json", "--db", "a", "--db", "b"},
    };
    for (const auto& args : plain) {
        auto argv = argv_of(args);
        CliOptions direct, boost;
        std::ostringstream out, err;
        CAPTURE(args);
        REQUIRE(news::search::parse_cli_plain(static_cast<int>(argv.size()), argv.data(), direct));
        REQUIRE(news::search::parse_cli(static_cast<int>(argv.size()), argv.data(), boost, out, err));
        CHECK(show(direct) == show(boost));
        CHECK(direct == boost);
    }
}

TEST_CASE("every other command line is left to Boost", "[cli]") {
    const std::vector<std::vector<std::string>> other = {
        {"--help"}, {"-h"}, {"--lim", "5", "q"}, {"--db=x", "q"}, {"-n5", "q"}, {"--json", "--json", "q"},
        {"--sort", "date", "--sort", "-date", "q"}, {"-n", "-1", "q"}, {"-n", "x", "q"}, {"--sort", "-date", "q"},
        {"q", "-mexico"}, {"--bogus", "q"}, {"--db"}, {"--query", "x"}, {""}, {"--batch", "-"}, {"-n", "99999999999999999999"},
        {"--limit", "5", "-n", "6", "q"}, {"--qid", "", "q"}, {"-", "q"},
        {"-n", "4294967296", "q"}, {"--offset", "1000000001", "q"}, {"--offset", "-1", "q"}, {"-n", "+5", "q"},
    };
    for (const auto& args : other) {
        auto argv = argv_of(args);
        CliOptions direct;
        CAPTURE(args);
        CHECK_FALSE(news::search::parse_cli_plain(static_cast<int>(argv.size()), argv.data(), direct));
    }
    // What Boost then says about a few of them.
    auto boost = [](const std::vector<std::string>& args, CliOptions& o) {
        auto argv = argv_of(args);
        std::ostringstream out, err;
        return news::search::parse_cli(static_cast<int>(argv.size()), argv.data(), o, out, err);
    };
    CliOptions o;
    CHECK(boost({"--lim", "5", "q"}, o));
    CHECK(o.limit == 5);
    CHECK(boost({"--sort", "-date", "q"}, o));
    CHECK(o.sort == "-date");
    CHECK_FALSE(boost({"--json", "--json", "q"}, o));
    CHECK(boost({"--help"}, o));
    CHECK(o.help);
}

TEST_CASE("bad numbers and unknown options are usage errors that say what to do", "[cli]") {
    struct Row {
        std::vector<std::string> args;
        std::string message;  ///< all of stderr
    };
    const std::string help = "\n(try news-search --help)\n";
    auto row = GENERATE_COPY(values<Row>({
        {{"-n", "-5", "q"}, "news-search: --limit (-n) takes a whole number, 0 or more, not '-5'"},
        {{"-n", "abc", "q"}, "news-search: --limit (-n) takes a whole number, 0 or more, not 'abc'"},
        {{"--limit=-3", "q"}, "news-search: --limit (-n) takes a whole number, 0 or more, not '-3'"},
        {{"-n", "1.5", "q"}, "news-search: --limit (-n) takes a whole number, 0 or more, not '1.5'"},
        {{"--offset", "-1", "q"}, "news-search: --offset takes a whole number, 0 or more, not '-1'"},
        {{"-n", "4294967296", "q"}, "news-search: --limit (-n) 4294967296 is too large (at most 1000000000)"},
        {{"--offset", "99999999999999999999", "q"}, "news-search: --offset 99999999999999999999 is too large (at most 1000000000)"},
        {{"-iraq"}, "news-search: unknown option '-iraq'; to exclude a word, put the query after --: news-search -- -iraq"},
        {{"--json", "-n", "3", "oil", "-opec", "crude prices"},
         "news-search: unknown option '-opec'; to exclude a word, put the query after --: news-search --json -n 3 -- oil -opec 'crude prices'"},
        {{"--db", "it's.db", "-x"}, "news-search: unknown option '-x'; to exclude a word, put the query after --: news-search --db 'it'\\''s.db' -- -x"},
        {{"--iraq", "q"}, "news-search: unknown option '--iraq'"},
    }));
    auto argv = argv_of(row.args);
    CliOptions o, direct;
    std::ostringstream out, err;
    CAPTURE(row.args);
    CHECK_FALSE(news::search::parse_cli_plain(static_cast<int>(argv.size()), argv.data(), direct));
    CHECK_FALSE(news::search::parse_cli(static_cast<int>(argv.size()), argv.data(), o, out, err));
    CHECK(err.str() == row.message + help);
}

TEST_CASE("-n 0 is accepted (the count only), by both readings", "[cli]") {
    const std::vector<std::string> args = {"-n", "0", "q"};  // alive while argv points into it
    auto argv = argv_of(args);
    CliOptions direct, boost;
    std::ostringstream out, err;
    REQUIRE(news::search::parse_cli_plain(static_cast<int>(argv.size()), argv.data(), direct));
    REQUIRE(news::search::parse_cli(static_cast<int>(argv.size()), argv.data(), boost, out, err));
    CHECK(direct.limit == 0);
    CHECK(boost.limit == 0);
}
