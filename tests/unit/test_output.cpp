/// @file
/// @brief Results without nlohmann trees: the document data reader gives the Article that
/// article_from_document_data gives, the JSON writer prints what nlohmann prints; and one
/// search of the bundled corpus end to end (snippet, highlights, JSON).
#include "common/article.h"
#include "indexer/pipeline.h"
#include "searcher/doc_data.h"
#include "searcher/format/output.h"
#include "tests/support/differential.h"
#include "searcher/search.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <random>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

using news::Article;

namespace {

// Both readers' result on @p data: the Article as JSON, or "throws".
std::string read_fast(std::string_view data) {
    try {
        return news::to_json(news::search::read_document_data(data)).dump();
    } catch (const nlohmann::json::exception&) {
        return "throws";
    }
}
std::string read_plain(std::string_view data) {
    try {
        return news::to_json(news::article_from_document_data(data)).dump();
    } catch (const nlohmann::json::exception&) {
        return "throws";
    }
}

Article tricky_article(int variant) {
    Article a;
    a.id = "feeds/wire.jsonl#" + std::to_string(variant);
    a.path = "feeds/wire.jsonl";
    a.title = variant % 2 ? "Caf\xC3\xA9 \"quoted\" \\ back\tslash" : "Plain title";
    a.dek = variant % 3 ? "" : "a dek\nover two lines \x01 with a control byte";
    a.date = variant % 4 ? "2024-01-30" : "";
    a.source = "NBC News";
    a.url = "https://example.com/a?b=c&d=\xE2\x80\x9C";
    a.dateline = "BEIJING";
    a.language = variant % 5 ? "en" : "";
    a.encoding = "windows-1252";
    a.authors = {"Jennifer Jett", "\xE5\x85\xAC\xE5\xAE\x89\xE9\x83\xA8"};
    a.persons = variant % 2 ? std::vector<std::string>{} : std::vector<std::string>{"Jen Daskal", ""};
    a.organizations = {"DEA"};
    a.topics = variant % 2 ? std::vector<std::string>{} : std::vector<std::string>{"crude", "money-fx"};
    a.text = "\xE2\x80\x9CWe will not stop,\xE2\x80\x9D said Jen Daskal. The \"crisis\" \\ goes on.\n\n\xF0\x9F\x98\x80 end";
    news::Speaker s{"Jen Daskal", "person", "deputy adviser", {}};
    s.quotes.push_back({"", 3, 19});
    s.quotes.push_back({"", 40, 10});    // start after end: no text
    s.quotes.push_back({"", 5, 100000});  // past the text: no text
    a.speakers.push_back(s);
    if (variant % 3 == 1) a.speakers.push_back({"the ministry", "organization", "", {}});
    if (variant % 3 == 2) a.speakers.push_back({"Daskal", "person", "Mrs", {{"", 3, 19}}, "Jen \"J\" Daskal"});  // linked
    if (variant % 2) a.unattributed = {{"", 49, 55}, {"", 60, 200000}};  // "crisis", and past the text
    // reported speech: a quoted speaker's, one who only reports, a span past the text
    if (variant % 4 == 1) a.reported = {{"Jen Daskal", "person", "deputy adviser", {{"", 41, 63}}},
                                        {"the ministry", "organization", "", {{"", 71, 74}, {"", 80, 90000}}}};
    return a;
}

std::string with_text(const std::string& meta, const std::string& text = "some text") {
    std::string d = meta;
    d += '\0';
    d += text;
    return d;
}

news::search::Hit tricky_hit(int variant) {
    news::search::Hit h;
    h.rank = static_cast<std::size_t>(variant + 1);
    const double scores[] = {3.401050905387116, 0.0, 12.0, 1e-7, 123456789012345678.0, 0.1, 2.5e-300, 7.25};
    h.score = scores[variant % 8];
    h.article = tricky_article(variant);
    h.article = news::article_from_document_data(news::to_document_data(h.article));  // quote texts filled in
    h.article.text.clear();
    h.snippet.text = variant % 2 ? "" : "\xE2\x80\xA6the \"crisis\" \\ goes\x1f on\xE2\x80\xA6";
    if (!h.snippet.text.empty()) h.snippet.marks = {{4, 9}, {12, 18}};
    if (variant % 3 == 0) h.quotes.push_back({"Jen Daskal", {"We will not stop,", 3, 19}});
    if (variant % 4 == 1) h.quotes.push_back({"Jen Daskal", {"The \"crisis\" \\ goes on", 41, 63}, true});
    return h;
}

using news::testing::printed;

}  // namespace

TEST_CASE("document data: the direct reader gives article_from_document_data's Article", "[output]") {
    for (int v = 0; v < 30; ++v) {
        CAPTURE(v);
        const std::string data = news::to_document_data(tricky_article(v));
        CHECK(read_fast(data) == read_plain(data));
        CHECK(read_fast(data) != "throws");
    }
    // Reported speech is stored (offsets only) and read back with its text.
    const Article back = news::search::read_document_data(news::to_document_data(tricky_article(1)));
    REQUIRE(back.reported.size() == 2);
    CHECK(back.reported[0].name == "Jen Daskal");
    REQUIRE(back.reported[1].quotes.size() == 2);
    CHECK(back.reported[0].quotes[0].text == "The \"crisis\" \\ goes on");
    CHECK(back.reported[1].quotes[0].text == "end");
    CHECK(back.reported[1].quotes[1].text.empty());  // past the text: no text
    // Hand-made data: odd types, escapes, duplicates, whitespace, and malformed JSON.
    const std::string metas[] = {
        R"({"id":"a","title":"t\u00e9\u4e2d\n\"\\\/\b\f\r\t","authors":["x",1,null,["y"],{"z":1},"w"]})",
        R"({"id":"a","id":"b","speakers":[{"name":"A","quotes":[{"start":0,"end":4}]},{"name":"B","quotes":[]}]})",
        R"( { "id" : "a" , "speakers" : [ 1 , "s" , { "kind" : 2 , "quotes" : { "a" : 1 } } ] , "x" : [ 1.5e3 , -0 , true , false , null ] } )",
        R"({"id":3,"title":null,"authors":"not an array","speakers":{"not":"an array"},"language":"fr"})",
        R"({"speakers":[{"name":"A","quotes":[{"start":2,"end":7,"text":"kept when offsets are bad"}]}]})",
        R"({"speakers":[{"name":"A","quotes":[{"start":-1,"end":4}]}]})",          // nlohmann's conversion
        R"({"speakers":[{"name":"A","quotes":[{"start":1.5,"end":4}]}]})",
        R"({"speakers":[{"name":"A","quotes":[{"start":"1","end":4}]}]})",         // throws
        R"({"speakers":[{"name":"A","quotes":[{"start":null,"end":4}]}]})",        // throws
        R"({"speakers":[{"name":"A","quotes":[7]}]})",                              // throws
        R"({"speakers":[{"name":"A","quotes":[{"start":123456789012345678901,"end":4}]}]})",
        R"({"x":1e999,"id":"a"})",                                                  // overflow: throws
        R"({"x":-123456789012345678901234567890,"y":0.000001e-400,"id":"a"})",
        R"({"title":"pair \ud83d\ude00 of surrogates"})",
        R"({"title":"lone \ud83d surrogate"})",
        R"({"id":"a"} trailing)",
        R"({"id":"a",})",
        R"({"id":"a" "b":1})",
        R"({"id":01})",
        R"({"id":"raw)" "\x01" R"(control"})",
        R"({"id":"bad utf-8 )" "\xC3\x28" R"("})",
        R"(["an","array"])",
        R"("a string")",
        "",
        "{",
        R"({"text":"text inside the JSON"})",
        R"({"a":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]})",
    };
    for (const std::string& m : metas) {
        CAPTURE(m);
        CHECK(read_fast(with_text(m)) == read_plain(with_text(m)));
        CHECK(read_fast(m) == read_plain(m));  // no NUL: no text after it
    }
}

TEST_CASE("JSON output: the direct writer prints what nlohmann prints", "[output]") {
    for (int n = 0; n < 6; ++n) {
        news::search::Results r;
        r.query = n % 2 ? "cranes \"dock\\workers\"" : "caf\xC3\xA9";
        r.parsed = "Query((cranes SYNONYM crane))";
        r.total = static_cast<Xapian::doccount>(n * 1000);
        r.total_exact = n % 2 == 0;
        for (int v = 0; v < n * 2; ++v) r.hits.push_back(tricky_hit(v));
        for (int d = 0; d < n % 3; ++d) r.databases.push_back({"shard" + std::to_string(d) + ".db", d ? std::optional<Xapian::rev>(17) : std::nullopt});
        for (auto format : {news::search::Format::Json, news::search::Format::JsonLines})
            for (bool batch : {false, true}) {
                news::search::OutputOptions o;
                o.format = format;
                o.batch = batch;
                o.qid = "q\"7";
                CAPTURE(n, format == news::search::Format::Json, batch);
                CHECK(printed(r, o, false) == printed(r, o, true));
            }
    }
    // Invalid UTF-8 in a string: both refuse it the same way.
    news::search::Results r;
    r.query = "bad \xC3\x28 byte";
    r.hits.push_back(tricky_hit(0));
    news::search::OutputOptions o;
    o.format = news::search::Format::Json;
    CHECK(printed(r, o, false) == "throws");
    CHECK(printed(r, o, true) == "throws");
}

TEST_CASE("a search of the bundled corpus: snippet, highlights and JSON", "[output][search]") {
    const std::filesystem::path db =
        std::filesystem::temp_directory_path() / ("news-unit-output-" + std::to_string(::getpid()));
    std::filesystem::remove_all(db);
    news::IndexOptions io;
    io.inputs = {std::filesystem::path(NEWS_SOURCE_DIR) / "corpus"};
    io.db_path = db.string();
    io.jobs = 1;
    std::ostringstream out, log;
    (void)news::run_index(io, out, log);
    {
        news::search::Searcher searcher({db.string()});
        news::search::SearchOptions so;
        news::search::Results r = searcher.run("cranes", so);
        REQUIRE(r.hits.size() >= 2);
        const news::search::Hit& top = r.hits[0];
        CHECK(top.article.id == "corpus/harbor-ledger/port-strike-begins.txt");
        CHECK(top.snippet.text ==
              "\xE2\x80\xA6" "automation.  LONG BEACH, Calif. \xE2\x80\x94 Cranes stood idle and container ships queued "
              "offshore on Monday as more than 14,000 dockworkers at the ports of Long Beach and Los Angeles walked "
              "off the job,\xE2\x80\xA6");
        std::vector<std::string> marked;
        for (auto [b, e] : top.snippet.marks) marked.push_back(top.snippet.text.substr(b, e - b));
        CHECK(marked == std::vector<std::string>{"Cranes"});
        // "crane" reaches "crane" through the stem table and highlights it.
        const news::search::Hit& second = r.hits[1];
        marked.clear();
        for (auto [b, e] : second.snippet.marks) marked.push_back(second.snippet.text.substr(b, e - b));
        CHECK(marked == std::vector<std::string>{"crane"});

        for (const char* q : {"cranes", "strike OR port*", "\"container terminal\"", "speaker:cho", "quote:strike",
                              "speaker:\"ines alvarez-roth\" quote:strike", "date:2022", "nothingmatchesthis"}) {
            news::search::Results rq = searcher.run(q, so);
            for (auto format : {news::search::Format::Json, news::search::Format::JsonLines}) {
                news::search::OutputOptions o;
                o.format = format;
                CAPTURE(q);
                CHECK(printed(rq, o, false) == printed(rq, o, true));
            }
        }
        // The count shown is exact, whatever the page: the same for every -n and --offset
        // as --count's (exact_count) and as the number of hits of a page holding them all.
        for (const char* q : {"cranes", "strike OR port*", "port strike", "\"container terminal\"", "strike -port",
                              "said", "the OR a", "-strike", "date:2022", "speaker:cho"}) {
            news::search::SearchOptions all;
            all.limit = 1000;
            all.snippets = false;
            all.collapse = false;  // (every article: the bundled corpus has wire copies)
            const news::search::Results every = searcher.run(q, all);
            all.exact_count = true;
            all.limit = 0;
            const news::search::Results counted = searcher.run(q, all);
            CAPTURE(q);
            CHECK(counted.total == every.hits.size());
            CHECK(counted.total_exact);
            for (std::size_t limit : {0, 1, 3, 10})
                for (std::size_t offset : {0, 1, 5, 40}) {
                    news::search::SearchOptions page;
                    page.collapse = false;
                    page.limit = limit;
                    page.offset = offset;
                    page.snippets = false;
                    const news::search::Results r = searcher.run(q, page);
                    CAPTURE(limit, offset);
                    CHECK(r.total == every.hits.size());
                    CHECK(r.total_exact);
                }
        }
        news::search::Results quoted = searcher.run("speaker:\"ines alvarez-roth\" quote:strike", so);
        REQUIRE(!quoted.hits.empty());
        REQUIRE(!quoted.hits[0].quotes.empty());
        CHECK(quoted.hits[0].quotes[0].quote.text == "We did not want this strike, but the employers left us no other road,");
    }
    std::filesystem::remove_all(db);
}

TEST_CASE("news-search --get prints a dek once, whether the text holds it or not", "[output][get]") {
    Article a;
    a.id = "x";
    a.title = "Fog closes harbor";
    a.dek = "Boats wait for the fog to lift.";
    news::search::OutputOptions o;
    auto printed = [&](const std::string& text) {
        a.text = text;
        std::ostringstream out;
        news::search::print_articles(out, {a}, {}, {}, o);
        const std::string s = out.str();
        std::size_t n = 0;
        for (std::size_t at = s.find(a.dek); at != std::string::npos; at = s.find(a.dek, at + 1)) ++n;
        return n;
    };
    CHECK(printed("Boats wait for the fog to lift.\n\nThe harbor closed at noon.") == 1);  // scraped: in the text
    CHECK(printed("\nBoats wait for the fog to lift.\n\nThe harbor closed at noon.") == 1);
    CHECK(printed("The harbor closed at noon.") == 1);  // given apart (a JSON field): printed above the text
}

TEST_CASE("news-search --get prints the whole article, each quote followed by its speaker", "[output][get]") {
    Article a;
    a.id = "harbor/fog.txt";
    a.title = "Fog closes harbor";
    a.date = "2024-03-05";
    a.source = "Harbor Ledger";
    a.authors = {"Ann Lee", "Bo Chan"};
    a.topics = {"weather", "ports"};
    a.text = "Boats stayed in port.\n\n\xE2\x80\x9CWe are waiting,\xE2\x80\x9D said Ida Cole. \"Not long,\" she added.";
    news::Speaker s{"Ida Cole", "person", "harbor master", {}};
    for (std::string q : {"We are waiting,", "Not long,"}) {
        const std::size_t at = a.text.find(q);
        s.quotes.push_back({q, at, at + q.size()});
    }
    a.speakers = {s};
    news::search::OutputOptions o;
    std::ostringstream text;
    news::search::print_articles(text, {a}, {"gone"}, {}, o);
    CHECK(text.str() ==
          "Fog closes harbor\n"
          "id:        harbor/fog.txt\n"
          "date:      2024-03-05\n"
          "source:    Harbor Ledger\n"
          "authors:   Ann Lee; Bo Chan\n"
          "topics:    weather; ports\n"
          "language:  en\n"
          "\n"
          "Boats stayed in port.\n\n"
          "\xE2\x80\x9CWe are waiting,\xE2\x80\x9D [\xE2\x80\x94 Ida Cole] said Ida Cole. \"Not long,\" [\xE2\x80\x94 Ida Cole] she added.\n"
          "\n"
          "Quotes (2):\n"
          "  Ida Cole (harbor master): \xE2\x80\x9CWe are waiting\xE2\x80\x9D\n"
          "  Ida Cole (harbor master): \xE2\x80\x9CNot long\xE2\x80\x9D\n");

    o.format = news::search::Format::Json;
    std::ostringstream json;
    news::search::print_articles(json, {a}, {"gone"}, {{"x.db", 4}}, o);
    const auto j = nlohmann::json::parse(json.str());
    CHECK(j.at("missing") == nlohmann::json::array({"gone"}));
    CHECK(j.at("databases").at(0).at("revision") == 4);
    const auto& art = j.at("articles").at(0);
    CHECK(art.at("text") == a.text);
    CHECK(art.at("topics") == nlohmann::json::array({"weather", "ports"}));
    CHECK(art.at("speakers").at(0).at("role") == "harbor master");
    const auto& q = art.at("speakers").at(0).at("quotes").at(1);
    CHECK(a.text.substr(q.at("start").get<std::size_t>(), q.at("end").get<std::size_t>() - q.at("start").get<std::size_t>()) ==
          "Not long,");
    CHECK(q.at("char_start").get<std::size_t>() == q.at("start").get<std::size_t>() - 4);  // after “ and ”: 3 bytes, 1 character each
    CHECK(q.at("char_end").get<std::size_t>() == q.at("end").get<std::size_t>() - 4);
}

TEST_CASE("news-search --sources prints each source with its count", "[output][sources]") {
    const std::vector<news::search::SourceCount> list = {{"BBC News", "bbc-news", 510}, {"Reuters", "reuters", 7}};
    news::search::OutputOptions o;
    std::ostringstream text;
    news::search::print_sources(text, list, {}, o);
    CHECK(text.str() == "count  source (source: value)\n  510  BBC News  (bbc-news)\n    7  Reuters  (reuters)\n");
    o.format = news::search::Format::Json;
    std::ostringstream json;
    news::search::print_sources(json, list, {{"a.db", 3}, {"b.db", std::nullopt}}, o);
    const auto j = nlohmann::json::parse(json.str());
    CHECK(j.at("sources").at(0) == nlohmann::json({{"name", "BBC News"}, {"slug", "bbc-news"}, {"count", 510}}));
    CHECK(j.at("databases").at(1).at("revision").is_null());
}
