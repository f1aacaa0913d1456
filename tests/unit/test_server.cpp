/// @file
/// @brief news-serve's library (server/): parameter checks and limits, the token, CSV
/// quoting, static files and path traversal, ids in URLs, api_version, and the routes end to
/// end on the bundled corpus (a Searcher per thread that follows news-index, --compact too).
#include "indexer/pipeline.h"
#include "searcher/format/output.h"
#include "server/api.h"
#include "server/csv.h"
#include "server/static_files.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;
using news::serve::ApiError;
using news::serve::Params;
using news::serve::Route;

namespace {

// The ApiError @p f throws: "status parameter: message", or "none".
template <class F>
std::string error_of(F f) {
    try {
        f();
    } catch (const ApiError& e) {
        return std::to_string(e.status()) + " " + e.parameter() + ": " + e.what();
    }
    return "none";
}

std::string param_error(const Params& p, Route route = Route::Search) {
    return error_of([&] { (void)news::serve::parse_search_params(p, route); });
}

struct TempDir : news::testing::TempDir {
    explicit TempDir(const std::string& name) : news::testing::TempDir("server", name) {}
};

void write(const fs::path& p, const std::string& text) { news::testing::write_file(p, text); }

}  // namespace

TEST_CASE("search parameters: defaults, limits and every kind of mistake", "[server]") {
    using news::search::Sort;
    const news::serve::SearchParams d = news::serve::parse_search_params({{"q", "cranes"}}, Route::Search);
    CHECK(d.q == "cranes");
    CHECK(d.n == 10);
    CHECK(d.offset == 0);
    CHECK(d.sort == Sort::Relevance);
    CHECK(d.facets.empty());
    CHECK_FALSE(d.split);
    CHECK(d.query() == "cranes");
    CHECK(d.collapse);
    CHECK_FALSE(d.stories);
    const news::serve::SearchParams copies =
        news::serve::parse_search_params({{"q", "x"}, {"collapse", "0"}, {"count", "stories"}}, Route::Search);
    CHECK_FALSE(copies.collapse);
    CHECK(copies.stories);
    CHECK(param_error({{"q", "x"}, {"collapse", "yes"}}) == "400 collapse: collapse must be 1 (one article per story, the default) or 0, not 'yes'");
    CHECK(param_error({{"q", "x"}, {"count", "words"}}) == "400 count: count must be articles or stories, not 'words'");

    const news::serve::SearchParams all = news::serve::parse_search_params(
        {{"q", "a OR b"}, {"n", "1000"}, {"offset", "100000"}, {"sort", "-date"}, {"from", "2024-01"}, {"to", "2024-03-31"},
         {"facet", "speaker"}, {"facet", "month:24"}, {"split", "source:5"}, {"token", "x"}},
        Route::Search);
    CHECK(all.n == 1000);
    CHECK(all.offset == 100000);
    CHECK(all.sort == Sort::DateDescending);
    CHECK(all.query() == "(a OR b) date:2024-01..2024-03-31");
    CHECK(all.facets == std::vector<news::search::FacetRequest>{{"speaker", 10}, {"month", 24}});
    CHECK(all.split == news::search::FacetRequest{"source", 5});
    // As news-search --facet reads them: every period of a date field by default.
    const news::serve::SearchParams periods =
        news::serve::parse_search_params({{"facet", "year"}, {"facet", "day:0"}, {"facet", "source"}}, Route::Facets);
    CHECK(periods.facets == std::vector<news::search::FacetRequest>{{"year", 0}, {"day", 0}, {"source", 10}});
    CHECK(periods.query().empty());  // (every article)
    CHECK(news::serve::parse_search_params({{"sort", "date"}, {"q", "x"}}, Route::Csv).sort == Sort::DateAscending);
    CHECK(news::serve::parse_search_params({{"from", "1987"}}, Route::Facets).query() == "date:1987..");
    CHECK(news::serve::parse_search_params({{"to", "1987-03"}}, Route::Search).query() == "date:..1987-03");
    CHECK(news::serve::parse_search_params({}, Route::Speaker).query().empty());
    CHECK(param_error({{"q", std::string(2000, 'a')}}) == "none");

    // (parameters, what is wrong with them, or "none")
    const std::vector<std::pair<Params, std::string>> cases = {
        {{{"q", "x"}, {"n", "1001"}}, "400 n: n 1001 is too large (at most 1000)"},
        {{{"q", "x"}, {"n", "-1"}}, "400 n: n takes a whole number, 0 or more, not '-1'"},
        {{{"q", "x"}, {"n", "ten"}}, "400 n: n takes a whole number, 0 or more, not 'ten'"},
        {{{"q", "x"}, {"n", ""}}, "400 n: n takes a whole number, 0 or more, not ''"},
        {{{"q", "x"}, {"n", "1e3"}}, "400 n: n takes a whole number, 0 or more, not '1e3'"},
        {{{"q", "x"}, {"n", "99999999999999999999999"}}, "400 n: n 99999999999999999999999 is too large (at most 1000)"},
        {{{"q", "x"}, {"n", "0001000"}}, "none"},
        {{{"q", "x"}, {"n", "\x01"}}, "400 n: n takes a whole number, 0 or more, not '%01'"},
        {{{"q", "x"}, {"offset", "100001"}}, "400 offset: offset 100001 is too large (at most 100000)"},
        {{{"q", "x"}, {"sort", "newest"}}, "400 sort: sort must be relevance, date or -date, not 'newest'"},
        {{{"q", "x"}, {"from", "2024-02-30"}},
         "400 from: from: no such date '2024-02-30'"},
        {{{"q", "x"}, {"to", "2023-13"}}, "400 to: to: no such date '2023-13'"},
        {{{"q", "x"}, {"from", "2024-1-5"}}, "400 from: from must be a date YYYY-MM-DD (or YYYY-MM, YYYY), not '2024-1-5'"},
        {{{"q", "x"}, {"to", "2024..2025"}}, "400 to: to must be a date YYYY-MM-DD (or YYYY-MM, YYYY), not '2024..2025'"},
        {{{"q", "x"}, {"to", "last week"}}, "400 to: to must be a date YYYY-MM-DD (or YYYY-MM, YYYY), not 'last week'"},
        {{{"q", "x"}, {"from", "2024-03"}, {"to", "2024-02-28"}}, "400 to: to (2024-02-28) is before from (2024-03)"},
        {{{"q", "x"}, {"facet", "colour"}},
         "400 facet: facet: unknown facet field 'colour' (one of speaker, person, source, author, place, topic, language, year, month, day)"},
        {{{"q", "x"}, {"facet", "speaker:0"}},
         "400 facet: facet speaker: the number of values is 1 to 1000 (0, all, is for year, month and day)"},
        {{{"q", "x"}, {"facet", "speaker:x"}},
         "400 facet: facet: 'speaker:x': the number of values after ':' is a whole number from 0 (all) to 100000"},
        {{{"q", "x"}, {"facet", "speaker:1001"}},
         "400 facet: facet speaker: the number of values is 1 to 1000 (0, all, is for year, month and day)"},
        {{{"q", "x"}, {"facet", "month:1001"}}, "400 facet: facet month: the number of values is 1 to 1000, or 0 (all)"},
        {{{"q", "x"}, {"facet", "month:0"}}, "none"},
        {{{"q", "x"}, {"facet", ""}},
         "400 facet: facet: unknown facet field '' (one of speaker, person, source, author, place, topic, language, year, month, day)"},
        {{{"q", "x"}, {"facet", "year"}, {"split", "Speaker"}},
         "400 split: split: unknown facet field 'Speaker' (one of speaker, person, source, author, place, topic, language, year, month, day)"},
        {{{"q", "x"}, {"split", "source"}}, "400 split: split splits the counts of a facet: give one (facet=month&split=source)"},
        {{{"q", "x"}, {"limit", "5"}}, "400 limit: unknown parameter 'limit'"},
        {{{"q", "x"}, {"a\x01\xff", "5"}}, "400 a\x01\xff: unknown parameter 'a%01%FF'"},
        {{{"q", "x"}, {"q", "y"}}, "400 q: parameter 'q' is given twice"},
        {{{"q", "x"}, {"facet", "day"}, {"split", "day"}, {"split", "year"}}, "400 split: parameter 'split' is given twice"},
        {{{"q", std::string(2001, 'a')}}, "400 q: q is too long: 2001 bytes (at most 2000)"},
        {{{"q", "caf\xe9"}}, "400 q: q is not valid UTF-8"},
        {{}, "none"},  // (every article)
        {{{"q", "  "}}, "none"},
    };
    for (const auto& [params, want] : cases) {
        CAPTURE(want);
        CHECK(param_error(params) == want);
    }
    std::vector<std::pair<std::string, std::string>> eleven(11, {"facet", "year"});
    eleven.emplace_back("q", "x");
    CHECK(param_error(eleven) == "400 facet: at most 10 facets");
    // Each route takes its own parameters.
    CHECK(param_error({{"q", "x"}, {"n", "5"}}, Route::Facets) == "400 n: unknown parameter 'n'");
    CHECK(param_error({{"q", "x"}, {"sort", "date"}}, Route::Speaker) == "400 sort: unknown parameter 'sort'");
    CHECK(param_error({{"q", "x"}}, Route::Article) == "400 q: unknown parameter 'q'");
    CHECK(param_error({{"token", "t"}}, Route::Article) == "none");
}

TEST_CASE("the token: a Bearer header or a parameter, compared whole", "[server]") {
    using news::serve::authorized;
    CHECK(authorized("", "", {}));
    CHECK(authorized("", "Bearer whatever", {{"token", "x"}}));
    CHECK(authorized("s3cret", "Bearer s3cret", {}));
    CHECK(authorized("s3cret", "bearer s3cret", {}));
    CHECK(authorized("s3cret", "", {{"q", "x"}, {"token", "s3cret"}}));
    CHECK_FALSE(authorized("s3cret", "", {}));
    CHECK_FALSE(authorized("s3cret", "Bearer s3cre", {}));
    CHECK_FALSE(authorized("s3cret", "Bearer s3cret ", {}));
    CHECK_FALSE(authorized("s3cret", "Basic s3cret", {}));
    CHECK_FALSE(authorized("s3cret", "s3cret", {}));
    CHECK_FALSE(authorized("s3cret", "", {{"token", "S3CRET"}}));
    CHECK_FALSE(authorized("s3cret", "", {{"token", ""}}));
    // The cookie a page opened with ?token= gets, for its own files.
    CHECK(authorized("s3cret", "", {}, "news_serve_token=s3cret"));
    CHECK(authorized("s3cret", "", {}, "a=1; news_serve_token=s3cret; b=2"));
    CHECK_FALSE(authorized("s3cret", "", {}, "news_serve_token=s3cre"));
    CHECK_FALSE(authorized("s3cret", "", {}, "xnews_serve_token=s3cret"));
    CHECK_FALSE(authorized("s3cret", "", {}, "news_serve_token="));
    CHECK_FALSE(authorized("s3cret", "", {{"token", "wrong"}}, "news_serve_token=s3cret"));  // (a wrong token is wrong)
}

TEST_CASE("CSV: RFC 4180 quoting, CRLF lines, the columns", "[server]") {
    using news::serve::csv_field;
    CHECK(csv_field("") == "");
    CHECK(csv_field("plain words") == "plain words");
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(csv_field("say \"no\"") == "\"say \"\"no\"\"\"");
    CHECK(csv_field("two\nlines") == "\"two\nlines\"");
    CHECK(csv_field("cr\r") == "\"cr\r\"");
    CHECK(csv_field(" padded") == "\" padded\"");
    CHECK(csv_field("\"") == "\"\"\"\"");
    CHECK(csv_field("López “quoted”") == "López “quoted”");

    news::search::Results r;
    news::search::Hit h;
    h.rank = 1;
    h.score = 2.5;
    h.article.id = "reut2-000.sgm#12";
    h.article.date = "1987-02-26";
    h.article.source = "Reuters";
    h.article.title = "Oil, gas \"up\"";
    h.article.url = "https://example.org/a?b=1,2";
    h.article.speakers = {{"Jen Daskal", "person", "", {}}, {"OPEC", "organization", "", {}}};
    r.hits.push_back(h);
    h.rank = 2;
    h.article = {};
    h.article.id = "x";
    r.hits.push_back(h);
    CHECK(news::serve::write_csv(r) ==
          "rank,id,date,source,title,speakers,score,url\r\n"
          "1,reut2-000.sgm#12,1987-02-26,Reuters,\"Oil, gas \"\"up\"\"\",Jen Daskal; OPEC,2.5,\"https://example.org/a?b=1,2\"\r\n"
          "2,x,,,,,2.5,\r\n");
}

TEST_CASE("static files: only regular files inside the web folder", "[server]") {
    TempDir t("web");
    write(t.path / "web" / "index.html", "<!doctype html>");
    write(t.path / "web" / "app.js", "1");
    write(t.path / "web" / "sub" / "index.html", "sub");
    write(t.path / "web" / "sub" / "a b.css", "css");
    write(t.path / "web" / ".hidden", "no");
    write(t.path / "secret.txt", "secret");
    fs::create_symlink(t.path / "secret.txt", t.path / "web" / "out.txt");
    fs::create_symlink(t.path / "web" / "app.js", t.path / "web" / "in.js");
    fs::create_directory_symlink(t.path, t.path / "web" / "up");
    const fs::path root = fs::canonical(t.path / "web");
    auto resolved = [&](std::string_view p) {
        auto f = news::serve::resolve_static(root, p);
        return f ? fs::relative(*f, root).string() : std::string("404");
    };
    CHECK(resolved("/") == "index.html");
    CHECK(resolved("/index.html") == "index.html");
    CHECK(resolved("/app.js") == "app.js");
    CHECK(resolved("//app.js") == "app.js");
    CHECK(resolved("/sub/") == "sub/index.html");
    CHECK(resolved("/sub/a b.css") == "sub/a b.css");
    CHECK(resolved("/in.js") == "app.js");  // links that end inside the folder
    CHECK(resolved("/up/web/index.html") == "index.html");
    for (const char* p : {"/sub", "/nothere", "/../secret.txt", "/sub/../index.html", "/./index.html", "/.hidden",
                          "/out.txt", "/up/secret.txt", "/..", "/%2e%2e/secret.txt", "index.html", "",
                          "/app.js\\", "/sub\\..\\index.html", "/etc/passwd", "//etc/passwd"}) {
        CAPTURE(p);
        CHECK(resolved(p) == "404");
    }
    CHECK(resolved(std::string_view("/app.js\0x", 9)) == "404");
    CHECK(news::serve::content_type_of("a/index.html") == "text/html; charset=utf-8");
    CHECK(news::serve::content_type_of("app.JS") == "text/javascript; charset=utf-8");
    CHECK(news::serve::content_type_of("style.css") == "text/css; charset=utf-8");
    CHECK(news::serve::content_type_of("logo.svg") == "image/svg+xml");
    CHECK(news::serve::content_type_of("README") == "application/octet-stream");
}

TEST_CASE("ids in URLs, api_version, error bodies", "[server]") {
    CHECK(news::serve::percent_encode("polnear/train/text/wash-post/x.txt") == "polnear%2Ftrain%2Ftext%2Fwash-post%2Fx.txt");
    CHECK(news::serve::percent_encode("reut2-000.sgm#127") == "reut2-000.sgm%23127");
    CHECK(news::serve::percent_encode("a b+c%~_") == "a%20b%2Bc%25~_");
    CHECK(news::serve::percent_encode("é") == "%C3%A9");
    CHECK(news::serve::article_path("x/y#1") == "/api/v1/article/x%2Fy%231");

    const nlohmann::json j = {{"total", 3}, {"databases", {1, 2}}, {"query", "x"}};
    const std::string with = news::serve::with_api_version(j.dump(2) + "\n");
    nlohmann::json want = j;
    want["api_version"] = 1;
    CHECK(with == want.dump(2) + "\n");
    CHECK(news::serve::with_api_version(with) == with);  // (once)
    CHECK(news::serve::error_json("bad", "q", 5) ==
          "{\n  \"api_version\": 1,\n  \"column\": 5,\n  \"error\": \"bad\",\n  \"parameter\": \"q\"\n}\n");
    CHECK(news::serve::error_json("gone") == "{\n  \"api_version\": 1,\n  \"error\": \"gone\"\n}\n");
}

TEST_CASE("the speaker a name names", "[server]") {
    const news::text::Analyzer a("none");
    std::vector<news::search::SpeakerCount> list = {
        {"Ines Alvarez-Roth", "person", {}, 12, 5}, {"Barack Obama", "person", {"Obama", "President Obama"}, 3, 2},
        {"Jen Daskal", "person", {}, 2, 1}};
    auto picked = [&](std::string_view name) {
        auto s = news::serve::pick_speaker(list, name, a);
        return s ? s->name : std::string("none");
    };
    CHECK(picked("Ines Alvarez-Roth") == "Ines Alvarez-Roth");
    CHECK(picked("ines alvarez roth") == "Ines Alvarez-Roth");
    CHECK(picked("Obama") == "Barack Obama");
    CHECK(picked("president obama") == "Barack Obama");
    CHECK(picked("daskal") == "Jen Daskal");
    CHECK(picked("Alvarez") == "Ines Alvarez-Roth");
    CHECK(picked("Nobody") == "none");
    CHECK(picked("") == "none");
}

TEST_CASE("the routes on the bundled corpus; a Searcher per thread follows news-index", "[server][search]") {
    TempDir t("api");
    const std::string db = (t.path / "news.db").string();
    {
        news::IndexOptions io;
        io.inputs = {fs::path(NEWS_SOURCE_DIR) / "corpus"};
        io.db_path = db;
        io.jobs = 1;
        std::ostringstream out, log;
        (void)news::run_index(io, out, log);
    }
    news::serve::Searchers searchers({db});
    write(t.path / "web" / "index.html", "<!doctype html>");
    news::serve::Api api(searchers, {"", fs::canonical(t.path / "web")});
    auto get = [&](std::string path, Params params = {}) { return api.handle({"GET", std::move(path), std::move(params), "", ""}); };

    // The JSON of news-search --json, with api_version, under /api/v1/ and /api/ alike.
    news::search::Searcher direct({db});
    news::search::SearchOptions so;
    so.limit = 3;
    std::ostringstream printed;
    news::search::OutputOptions json;
    json.format = news::search::Format::Json;
    news::search::print_results(printed, direct.run("cranes", so), json);
    const news::serve::Response r = get("/api/v1/search", {{"q", "cranes"}, {"n", "3"}});
    CHECK(r.status == 200);
    CHECK(r.content_type == "application/json; charset=utf-8");
    CHECK(r.body == news::serve::with_api_version(printed.str()));
    CHECK(get("/api/search", {{"q", "cranes"}, {"n", "3"}}).body == r.body);
    CHECK(nlohmann::json::parse(r.body)["api_version"] == 1);

    const nlohmann::json bad = nlohmann::json::parse(get("/api/v1/search", {{"q", "port \"crane"}}).body);
    CHECK(bad["column"] == 6);
    CHECK(bad["parameter"] == "q");
    CHECK(get("/api/v1/search", {{"q", "port \"crane"}}).status == 400);
    // With a date range, the column is still q's own.
    CHECK(nlohmann::json::parse(get("/api/v1/search", {{"q", "port (crane"}, {"from", "2020"}}).body)["column"] == 6);
    CHECK(get("/api/v1/search", {{"q", "cranes"}, {"from", "2024"}}).status == 200);
    CHECK(get("/api/v1/nothing").status == 404);
    CHECK(get("/api/v2/search", {{"q", "x"}}).status == 404);
    CHECK(get("/api/v1/search/", {{"q", "x"}}).status == 404);
    CHECK(api.handle({"POST", "/api/v1/search", {{"q", "x"}}, "", ""}).status == 405);
    CHECK(get("/").body == "<!doctype html>");
    CHECK(get("/../news.db/iamglass").status == 404);

    const news::serve::Response csv = get("/api/v1/search.csv", {{"q", "cranes"}, {"n", "2"}});
    CHECK(csv.content_type == "text/csv; charset=utf-8");
    CHECK(csv.body.starts_with("rank,id,date,source,title,speakers,score,url\r\n1,corpus/harbor-ledger/port-strike-begins.txt,"));

    const nlohmann::json facets = nlohmann::json::parse(get("/api/v1/facets", {{"q", "cranes"}}).body);
    CHECK(facets["results"].empty());
    CHECK(facets["total"] == nlohmann::json::parse(r.body)["total"]);
    // Facets: news-search's, the search with n=0.
    news::search::SearchOptions fo;
    fo.limit = 0;
    fo.facets = {{"source", 10}, {"month", 0}};
    fo.split = news::search::FacetRequest{"source", 3};
    std::ostringstream counted;
    news::search::print_results(counted, direct.run("water", fo), json);
    const news::serve::Response fr =
        get("/api/v1/facets", {{"q", "water"}, {"facet", "source"}, {"facet", "month"}, {"split", "source:3"}});
    CHECK(fr.body == news::serve::with_api_version(counted.str()));
    CHECK(nlohmann::json::parse(fr.body)["facets"].size() == 2);

    const news::serve::Response a = get("/api/v1/article/corpus/harbor-ledger/port-strike-begins.txt");
    CHECK(a.status == 200);
    CHECK(nlohmann::json::parse(a.body)["articles"][0]["title"] ==
          "Dockworkers walk off the job at Long Beach as contract talks collapse");
    CHECK(get("/api/v1/article/corpus/nothing.txt").status == 404);
    CHECK(get("/api/v1/article/").status == 404);

    const nlohmann::json s = nlohmann::json::parse(get("/api/v1/speaker/Ines Alvarez-Roth", {{"n", "2"}}).body);
    CHECK(s["speaker"]["name"] == "Ines Alvarez-Roth");
    REQUIRE(s["results"].size() == 2);
    CHECK(s["results"][0]["date"] >= s["results"][1]["date"]);
    CHECK(s["results"][0]["link"] == news::serve::article_path(s["results"][0]["id"].get<std::string>()));
    for (const auto& q : s["results"][0]["matched_quotes"]) CHECK(q["speaker"] == "Ines Alvarez-Roth");
    CHECK(get("/api/v1/speaker/Nobody Atall").status == 404);
    CHECK(get("/api/v1/speaker/a\"b").status == 400);

    // With a token, nothing goes without it.
    news::serve::Api locked(searchers, {"s3cret", fs::canonical(t.path / "web")});
    CHECK(locked.handle({"GET", "/api/v1/search", {{"q", "cranes"}}, "", ""}).status == 401);
    CHECK(locked.handle({"GET", "/", {}, "", ""}).status == 401);
    CHECK(locked.handle({"GET", "/api/v1/search", {{"q", "cranes"}}, "Bearer s3cret", ""}).status == 200);
    CHECK(locked.handle({"GET", "/api/v1/search", {{"q", "cranes"}, {"token", "s3cret"}}, "", ""}).status == 200);
    // The page opened with ?token= sets the cookie its own files then carry.
    const news::serve::Response page = locked.handle({"GET", "/", {{"token", "s3cret"}}, "", ""});
    CHECK(page.status == 200);
    CHECK(std::any_of(page.headers.begin(), page.headers.end(), [](const auto& h) {
        return h.first == "Set-Cookie" && h.second.starts_with("news_serve_token=s3cret;");
    }));
    CHECK(locked.handle({"GET", "/", {}, "", "news_serve_token=s3cret"}).status == 200);

    // An article added by news-index is seen at the next request; a compaction's folder swap
    // gives the thread a new Searcher; each thread has its own.
    const std::size_t opened = searchers.opened();
    write(t.path / "more" / "new.txt", "---\ntitle: Zanzibar cranes arrive\ndate: 2024-06-01\nsource: Test\n---\n\n"
                                       "Three zanzibarian cranes arrived at the pier on Monday, the port said in a statement.\n");
    auto index_more = [&](bool compact) {
        news::IndexOptions io;
        io.inputs = {t.path / "more"};
        io.db_path = db;
        io.jobs = 1;
        io.compact = compact;
        std::ostringstream out, log;
        (void)news::run_index(io, out, log);
    };
    index_more(false);
    CHECK(nlohmann::json::parse(get("/api/v1/search", {{"q", "zanzibarian"}}).body)["total"] == 1);
    CHECK(searchers.opened() == opened);
    index_more(true);
    CHECK(nlohmann::json::parse(get("/api/v1/search", {{"q", "zanzibarian"}}).body)["total"] == 1);
    CHECK(searchers.opened() == opened + 1);
    std::thread other([&] { CHECK(get("/api/v1/search", {{"q", "zanzibarian"}}).status == 200); });
    other.join();
    CHECK(searchers.opened() == opened + 2);
}
