/// @file
/// @brief Readers: Reuters-21578 SGML records and HTML pages (meta tags, JSON-LD, body extraction).
#include "indexer/readers/html_reader.h"
#include "indexer/readers/reader.h"
#include "indexer/readers/sgml_reader.h"
#include "tests/support/structured.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace news;
using namespace news::readers;

namespace {

using Strings = std::vector<std::string>;

/// One Reuters record as the collection writes it (fictional text).
std::string record(const std::string& newid, const std::string& inner, const std::string& date = "26-FEB-1987 15:01:01.79") {
    return "<REUTERS TOPICS=\"YES\" LEWISSPLIT=\"TRAIN\" CGISPLIT=\"TRAINING-SET\" OLDID=\"9" + newid + "\" NEWID=\"" +
           newid + "\">\n<DATE>" + date + "</DATE>\n" + inner + "</REUTERS>\n";
}

const std::string kNorm =
    "<TOPICS><D>cocoa</D><D>grain</D></TOPICS>\n<PLACES><D>ruritania</D><D>usa</D></PLACES>\n"
    "<PEOPLE></PEOPLE>\n<ORGS></ORGS>\n<EXCHANGES></EXCHANGES>\n<COMPANIES></COMPANIES>\n"
    "<UNKNOWN> \n&#5;&#5;&#5;C T\n&#22;&#22;&#1;f0704&#31;reute\nu f BC-MARLOW-COCOA   02-26 0105</UNKNOWN>\n"
    "<TEXT>&#2;\n<TITLE>MARLOW COCOA CROP &lt;MCC> SEEN LOWER</TITLE>\n"
    "<AUTHOR>    By Petra Linde, Reuters</AUTHOR>\n"
    "<DATELINE>    NEW MARLOW, Ruritania, Feb 26 - </DATELINE><BODY>Cocoa growers in the Marlow valley\n"
    "expect a smaller crop this year after a dry winter, the\n"
    "growers' board &amp; traders said.\n"
    "    Arrivals fell to 12,000 bags &lt;from 15,000>, the board said.\n"
    " Reuter\n&#3;</BODY></TEXT>\n";

std::vector<Article> sgml(const std::string& content, LineMessages* errors_out = nullptr,
                          LineMessages* warnings_out = nullptr) {
    LineMessages errors, warnings;
    auto out = read_sgml(content, "wire/reut.sgm", "wire/reut.sgm", errors, warnings);
    if (errors_out) *errors_out = errors;
    if (warnings_out) *warnings_out = warnings;
    return out;
}

}  // namespace

// --- Reuters SGML ---------------------------------------------------------------------

TEST_CASE("an SGML record gives id, title, date, dateline, author, topics and body", "[sgml]") {
    const auto arts = sgml("<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n" + record("41", kNorm));
    REQUIRE(arts.size() == 1);
    const Article& a = arts[0];
    CHECK(a.id == "wire/reut.sgm#41");
    CHECK(a.path == "wire/reut.sgm");
    CHECK(a.title == "MARLOW COCOA CROP <MCC> SEEN LOWER");
    CHECK(a.date == "1987-02-26");
    CHECK(a.dateline == "NEW MARLOW, Ruritania");
    CHECK(a.authors == Strings{"Petra Linde"});
    CHECK(a.topics == Strings{"cocoa", "grain", "ruritania", "usa"});  // TOPICS first, then PLACES
    CHECK(a.source == "Reuters");
    CHECK(a.language == "en");
    // Wrapped lines joined; an indented line starts a paragraph; signature and controls gone.
    CHECK(a.text ==
          "Cocoa growers in the Marlow valley expect a smaller crop this year after a dry winter, the growers' "
          "board & traders said.\n\nArrivals fell to 12,000 bags <from 15,000>, the board said.");
    CHECK_THAT(a.text, !Catch::Contains("Reuter"));
    CHECK_THAT(a.text, !Catch::Contains("&#"));
}

TEST_CASE("SGML topics: TOPICS then PLACES codes, no other lists, no repeats", "[sgml]") {
    struct Row {
        std::string lists;
        Strings topics;
    };
    const std::vector<Row> rows = {
        {"<TOPICS><D>grain</D></TOPICS><PLACES><D>usa</D></PLACES>", {"grain", "usa"}},
        {"<TOPICS></TOPICS><PLACES><D>usa</D><D>ussr</D></PLACES>", {"usa", "ussr"}},
        {"<TOPICS><D>grain</D><D>grain</D></TOPICS><PLACES><D>grain</D></PLACES>", {"grain"}},
        {"<TOPICS></TOPICS><PLACES></PLACES><PEOPLE><D>lindqvist</D></PEOPLE><ORGS><D>opec</D></ORGS>"
         "<EXCHANGES><D>nyse</D></EXCHANGES>",
         {}},
        {"", {}},
    };
    for (const Row& r : rows) {
        INFO(r.lists);
        const auto arts = sgml(record("3", r.lists + "<TEXT><TITLE>T</TITLE><BODY>B.</BODY></TEXT>"));
        REQUIRE(arts.size() == 1);
        CHECK(arts[0].topics == r.topics);
    }
}

TEST_CASE("one SGML file holds many records, each with its NEWID", "[sgml]") {
    std::string file = "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n";
    for (const char* id : {"1", "2", "3"})
        file += record(id, "<TEXT>&#2;\n<TITLE>STORY " + std::string(id) + "</TITLE>\n<BODY>Text of story " +
                               id + ".\n Reuter\n&#3;</BODY></TEXT>\n");
    const auto arts = sgml(file);
    REQUIRE(arts.size() == 3);
    CHECK(arts[0].id == "wire/reut.sgm#1");
    CHECK(arts[2].id == "wire/reut.sgm#3");
    CHECK(arts[1].title == "STORY 2");
    CHECK(arts[1].text == "Text of story 2.");
}

TEST_CASE("SGML character references are decoded, wire control codes dropped", "[sgml]") {
    struct Row {
        std::string in, out;
    };
    const std::vector<Row> rows = {
        {"&lt;Sumitomo Bank Ltd>", "<Sumitomo Bank Ltd>"},
        {"A &amp; B", "A & B"},
        {"x &gt; y", "x > y"},
        {"&quot;q&quot;", "\"q\""},
        {"caf&#233;", "caf\xC3\xA9"},
        {"&#x41;&#66;", "AB"},
        {"a&#3;b&#5;&#22;c&#127;d", "abcd"},     // control characters: transmission codes
        {"raw\x01" "ctl", "rawctl"},             // raw control bytes too
        {"&unknown; &amp", "&unknown; &amp"},    // unknown or unterminated: as written
        {"&#55296;", "&#55296;"},                // a surrogate is no character
        {"&#99999999;", "&#99999999;"},          // beyond Unicode
        {"line\nbreak\ttab", "line\nbreak\ttab"},
        {"\xC3\xBC", "\xC3\xBC"},                // UTF-8 kept (0xBC is no C1 control here)
    };
    for (const Row& r : rows) {
        INFO(r.in);
        CHECK(decode_sgml_entities(r.in) == r.out);
    }
}

TEST_CASE("Reuters datelines keep the place only", "[sgml]") {
    struct Row {
        std::string in, out;
    };
    const std::vector<Row> rows = {
        {"    BAHIA BLANCA, Argentina, Feb 26 - ", "BAHIA BLANCA, Argentina"},
        {"    SALVADOR, Feb 26 - ", "SALVADOR"},
        {"    NEW YORK, March 9 -- ", "NEW YORK"},
        {"    MARLOWE, Md. March 3 -\n    ", "MARLOWE, Md."},
        {"    GLENFORD, Md., - March 4 - ", "GLENFORD, Md."},
        {"    AMSTERDAM, 2 March - ", "AMSTERDAM"},
        {"    PORT ELLIS, Okla. March 11, Reuter - ", "PORT ELLIS, Okla."},
        {"    VELDSTAD March 13 -\n    ", "VELDSTAD"},
        {"    CHICAGO, April - ", "CHICAGO"},
        {"    BELGRADE, March 2O - ", "BELGRADE"},                 // letter O for zero
        {"    RIVERTON, March 2 - Growers said the crop - ", "RIVERTON"},
        {"    MARSEILLE, March 5 - ", "MARSEILLE"},               // a place that starts like a month
        {"    ST. ANNE, Que., May 4 - ", "ST. ANNE, Que."},
        {"    ****LONDON, March 4 - ", "LONDON"},
        {"    peoria, april 7 - ", "peoria"},
        {"    RIVERTON, Va. Feb 26 -\n    ", "RIVERTON, Va."},
        {"    OSTRAVA, Italy, April l - ", "OSTRAVA, Italy"},          // letter l for one
        // Misspelt or glued dates after the comma.
        {"    NEW YORK, Narch 2 - ", "NEW YORK"},
        {"    NEW YORK , APri 7 - ", "NEW YORK"},
        {"    TORONTO, March 119 - ", "TORONTO"},
        {"    LONDON, Oct 20- ", "LONDON"},
        {"    PARIS,March 16 - ", "PARIS"},
        {"    BUENOS AIRES, ABR 7 - ", "BUENOS AIRES"},
        {"    MONTREAL, March 20, Reuter - ", "MONTREAL"},
        {"    TULSA, Okla., April 1,  - ", "TULSA, Okla."},
        {"    Hauppauge, N.Y,. March 13 - ", "Hauppauge, N.Y"},
        // A place is never cut to nothing, nor a capitalised place word taken for a month.
        {"    SEOUL 26 - ", "SEOUL"},
        {"    NEW YORK 26 - ", "NEW YORK"},
        {"    APRIL 7  - ", ""},                                  // only a date
        {"    April - ", ""},
        {"    TOKYO - ", "TOKYO"},
        // Not places: table debris.
        {" us        7.8015 - ", ""},
        {" - Position of APR 6   -\n ", ""},
        {"    (totals - ", ""},
        {" overnight      4 1/2 - ", ""},
        {" Accumulative total at 1800 gmt - ", ""},
        {"", ""},
    };
    for (const Row& r : rows) {
        INFO(r.in);
        CHECK(reuters_dateline(r.in) == r.out);
    }
}

TEST_CASE("Reuters: words after the dateline's dash are the story's first words", "[sgml]") {
    struct Row {
        std::string dateline, body, text;
    };
    const std::vector<Row> rows = {
        // a suspended hyphen before a conjunction keeps its space
        {"    NEW MARLOW, March 2 - Ruritanian imports of bean- ", "and pod-bearing crops rose.",
         "Ruritanian imports of bean- and pod-bearing crops rose."},
        // a word cut at its hyphen joins the next
        {"    NEW MARLOW, Feb 26 - The valley's \"Harvest\" anti- ", "drought plan worked.",
         "The valley's \"Harvest\" anti-drought plan worked."},
        {"    OSTRAVA, March 8 - Crews repair the Ostrava-", "Marlow pipeline.", "Crews repair the Ostrava-Marlow pipeline."},
        {"    LONDON, March 9 - FIXTURE - ", "wheat Marlow Star 20,000 mt.", "FIXTURE - wheat Marlow Star 20,000 mt."},
        // nothing after the date's dash, or no dash after a date: the body alone
        {"    NEW YORK, March 9 -- ", "Cocoa fell.", "Cocoa fell."},
        {"    GLENFORD, Md., - March 4 - ", "Cocoa fell.", "Cocoa fell."},
        {"    TOKYO - ", "Cocoa fell.", "Cocoa fell."},
        {"    PORT ELLIS, Okla. March 11, Reuter - ", "Cocoa fell.", "Cocoa fell."},
    };
    for (const Row& r : rows) {
        INFO(r.dateline);
        const auto arts = sgml(record("7", "<TEXT>&#2;\n<TITLE>COCOA</TITLE>\n<DATELINE>" + r.dateline +
                                                "</DATELINE><BODY>" + r.body + "\n Reuter\n&#3;</BODY></TEXT>\n"));
        REQUIRE(arts.size() == 1);
        CHECK(arts[0].text == r.text);
        CHECK(arts[0].dateline == reuters_dateline(r.dateline));
    }
}

TEST_CASE("Reuters dates: padded, junk after the time, malformed", "[sgml]") {
    struct Row {
        std::string date, iso;
        bool warned;
    };
    const std::vector<Row> rows = {
        {"26-FEB-1987 15:01:01.79", "1987-02-26", false},
        {" 2-MAR-1987 09:15:05.40", "1987-03-02", false},
        {"  9-MAR-1987 16:10:40.61", "1987-03-09", false},
        {"27-MAR-1987 00:03:35.68&#5;&#5;&#5;F", "1987-03-27", false},
        {"31-MAR-1987 605:12:19.12", "1987-03-31", false},  // the day is right; the time is not kept
        {"30-FEB-1987 10:00:00.00", "", true},               // no such day
        {"FEB-1987", "", true},
        {"sometime in spring", "", true},
    };
    for (const Row& r : rows) {
        INFO(r.date);
        LineMessages errors, warnings;
        const auto arts = sgml(record("5", "<TEXT><TITLE>T</TITLE><BODY>Body.</BODY></TEXT>", r.date), &errors, &warnings);
        REQUIRE(arts.size() == 1);  // a bad date never costs the record
        CHECK(arts[0].date == r.iso);
        CHECK(errors.empty());
        CHECK(warnings.size() == (r.warned ? 1u : 0u));
        if (r.warned) CHECK_THAT(warnings[0].second, Catch::Contains("is not a date"));
    }
}

TEST_CASE("SGML records without BODY: BRIEF uses the title, UNPROC its text", "[sgml]") {
    const std::string brief = record("10", "<TEXT TYPE=\"BRIEF\">&#2;\n******<TITLE>MARLOW BANK RAISES PRIME RATE\n"
                                           "</TITLE>Blah blah blah.\n&#3;\n\n</TEXT>\n");
    const std::string unproc = record("11", "<TEXT TYPE=\"UNPROC\">&#2;\nMARLOW RESERVE REPORT - FEB 26\n"
                                            "    One week ended Feb 25\n Bank borrowings.....614 down.....131\n\n"
                                            " Reuter\n&#3;\n\n</TEXT>\n");
    const auto arts = sgml(brief + unproc);
    REQUIRE(arts.size() == 2);
    CHECK(arts[0].title == "MARLOW BANK RAISES PRIME RATE");
    CHECK(arts[0].text == "MARLOW BANK RAISES PRIME RATE");  // the placeholder text is dropped
    CHECK(arts[0].dateline.empty());
    CHECK(arts[1].title == "MARLOW RESERVE REPORT - FEB 26");
    CHECK(arts[1].text == "One week ended Feb 25\n\nBank borrowings.....614 down.....131");
}

TEST_CASE("an SGML record with no text is still an article (its metadata stays searchable)", "[sgml]") {
    const std::string file = "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n" +                   // line 1
                             record("1", "<TEXT><TITLE>FIRST</TITLE><BODY>One.</BODY></TEXT>\n") +  // lines 2-5
                             record("2", "<TEXT TYPE=\"UNPROC\">&#2;\n&#3;\n\n</TEXT>\n") +        // line 6
                             record("3", "<TEXT><TITLE>THIRD</TITLE><BODY>Three.</BODY></TEXT>\n");
    LineMessages errors;
    const auto arts = sgml(file, &errors);
    REQUIRE(arts.size() == 3);
    CHECK(arts[0].id == "wire/reut.sgm#1");
    CHECK(arts[1].id == "wire/reut.sgm#2");
    CHECK(arts[1].text.empty());
    CHECK(arts[2].id == "wire/reut.sgm#3");
    CHECK(errors.empty());
}

TEST_CASE("SGML signatures are dropped, the word Reuters in text is not", "[sgml]") {
    struct Row {
        std::string body, text;
    };
    const std::vector<Row> rows = {
        {"Prices rose.\n Reuter\n&#3;", "Prices rose."},
        {"Prices rose.\n REUTER\n&#3;", "Prices rose."},
        {"Prices rose.\nREUTER...^M\n&#3;", "Prices rose."},
        {"Prices rose.\nREUTER\n Reuter\n&#3;", "Prices rose."},           // signed twice
        {"total 55.8 (33.7).        REUTER\n&#3;", "total 55.8 (33.7)."},  // same line, after spaces
        {"a tenth of an ounce. REUTER\n&#3;", "a tenth of an ounce."},     // same line, after a sentence
        {"the official told Reuters.\n&#3;", "the official told Reuters."},
        {"a Reuter survey shows. It was given to a Reuter\n&#3;", "a Reuter survey shows. It was given to a Reuter"},
    };
    for (const Row& r : rows) {
        INFO(r.body);
        const auto arts = sgml(record("8", "<TEXT><TITLE>T</TITLE><BODY>" + r.body + "</BODY></TEXT>"));
        REQUIRE(arts.size() == 1);
        CHECK(arts[0].text == r.text);
    }
}

TEST_CASE("SGML: repeated NEWID, missing NEWID, unclosed record, no records", "[sgml]") {
    LineMessages errors, warnings;
    const std::string body = "<TEXT><TITLE>T</TITLE><BODY>B.</BODY></TEXT>";
    auto arts = sgml(record("4", body) + record("4", body), &errors, &warnings);
    CHECK(arts.size() == 1);
    REQUIRE(errors.size() == 1);
    CHECK_THAT(errors[0].second, Catch::Contains("repeats"));

    arts = sgml("<REUTERS TOPICS=\"NO\">" + body + "</REUTERS>\n<reuters newid='9'>" + body + "</reuters>", &errors,
                &warnings);
    REQUIRE(arts.size() == 2);
    CHECK(arts[0].id == "wire/reut.sgm#1");  // numbered by position, and said so
    CHECK(arts[1].id == "wire/reut.sgm#9");  // tags in any case, single quotes
    CHECK(errors.empty());
    CHECK(warnings.size() == 1);

    arts = sgml("<REUTERS NEWID=\"1\">" + body + "\n<REUTERS NEWID=\"2\">" + body + "</REUTERS>", &errors, &warnings);
    CHECK(arts.size() == 2);
    CHECK(warnings.size() == 1);  // the first is never closed

    CHECK_THROWS_AS(sgml("<!DOCTYPE lewis>\n<REUTERSX>no</REUTERSX>\n"), ReadError);
    CHECK_THROWS_AS(sgml("plain text, no records"), ReadError);
}

TEST_CASE("read_file_content dispatches .sgm files and converts a Latin-1 byte", "[sgml]") {
    CHECK(format_of("reut2-000.sgm") == Format::Sgml);
    CHECK(format_of("x.SGML") == Format::Sgml);
    CHECK(format_of("x.sgmx") == Format::Unknown);
    std::string file = record("17980", "<TEXT><TITLE>GROWTH</TITLE><BODY>economic growth.\xFC&#5;\n Reuter\n&#3;</BODY></TEXT>") +
                       record("17981", "<TEXT TYPE=\"UNPROC\">&#2;\n&#3;</TEXT>", "bad date");
    const ReadResult r = read_file_content(Format::Sgml, file, "r.sgm", "r.sgm");
    REQUIRE(r.articles.size() == 2);  // the record without text is kept too
    CHECK(r.encoding != "UTF-8");
    CHECK(r.articles[0].text == "economic growth.\xC3\xBC");  // ü
    CHECK(r.articles[1].text.empty());
    CHECK(r.errors.empty());
    CHECK(r.warnings.size() == 1);  // the bad date
}

// --- HTML -----------------------------------------------------------------------------

namespace {

Article html(const std::string& page) { return news::testing::structured(read_html(page, "site/page.html", "site/page.html")); }

const std::string kBody =
    "<article><p>HARBOUR CITY \xE2\x80\x94 The night ferry sailed again on Monday after a week of repairs.</p>"
    "<p>Repairs cost the council more than expected, officials said.</p></article>";

}  // namespace

TEST_CASE("HTML metadata: each field from the first source that has it", "[html]") {
    struct Row {
        std::string name, head, field, want;
    };
    const std::vector<Row> rows = {
        // title
        {"og:title first", "<meta property='og:title' content='OG headline'><title>Tag title</title>", "title", "OG headline"},
        {"<title> without og", "<title>Tag title</title>", "title", "Tag title"},
        {"<title> loses the site tail", "<title>Tag title | The Gull</title><meta property='og:site_name' content='The Gull'>",
         "title", "Tag title"},
        {"a tail that is not the site stays", "<title>Left | Right</title>", "title", "Left | Right"},
        // date
        {"article:published_time", "<meta property='article:published_time' content='2023-05-06T22:10:00-04:00'>", "date",
         "2023-05-06"},
        {"meta name=date", "<meta name='date' content='2023-05-07'>", "date", "2023-05-07"},
        {"meta pubdate", "<meta name='pubdate' content='20230508'>", "date", "2023-05-08"},
        {"DC.date any case", "<meta name='DC.Date' content='9 May 2023'>", "date", "2023-05-09"},
        {"a bad meta date is skipped", "<meta name='date' content='yesterday'><meta name='DC.date' content='2023-05-10'>",
         "date", "2023-05-10"},
        {"no date anywhere", "<meta name='description' content='2023-05-11'>", "date", ""},
        // source, url, language
        {"og:site_name", "<meta property='og:site_name' content='The Gull'>", "source", "The Gull"},
        {"canonical before og:url", "<link rel='canonical' href='https://a.example/x'><meta property='og:url' content='https://b.example/y'>",
         "url", "https://a.example/x"},
        {"og:url", "<meta property='og:url' content='https://b.example/y'>", "url", "https://b.example/y"},
        {"og:locale when no lang", "<meta property='og:locale' content='fr_FR'>", "language", "fr"},
        {"default language", "", "language", "en"},
    };
    for (const Row& r : rows) {
        INFO(r.name);
        const Article a = html("<html><head>" + r.head + "</head><body>" + kBody + "</body></html>");
        std::string got = r.field == "title" ? a.title : r.field == "date" ? a.date : r.field == "source" ? a.source
                        : r.field == "url"   ? a.url   : a.language;
        CHECK(got == r.want);
    }
}

TEST_CASE("HTML language from <html lang>, title falls back to the first h1", "[html]") {
    const Article a = html("<html lang='de-AT'><body><h1>Fähre fährt wieder</h1>" + kBody + "</body></html>");
    CHECK(a.language == "de");
    CHECK(a.title == "Fähre fährt wieder");
    CHECK(a.dateline == "HARBOUR CITY");  // apply_structure ran
    const Article b = html("<html lang='not a language'><body>" + kBody + "</body></html>");
    CHECK(b.language == "en");
    CHECK(b.title.empty());
}

TEST_CASE("HTML authors from meta, article:author, JSON-LD and rel=author, without repeats", "[html]") {
    const Article a = html(
        "<html><head><meta name='author' content='Ada Vale and Ben Roe'>"
        "<meta property='article:author' content='https://facebook.example/adavale'>"
        "<meta property='article:author' content='Cy Moss'>"
        "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"author\":[{\"@type\":\"Person\",\"name\":\"ADA VALE\"},"
        "{\"name\":\"Di Lune\"}]}</script></head><body><a rel='author' href='/e'>By Ed Park</a>" +
        kBody + "</body></html>");
    CHECK(a.authors == Strings{"Ada Vale", "Ben Roe", "Cy Moss", "Di Lune", "Ed Park"});
}

TEST_CASE("HTML JSON-LD: object, array, @graph, references, bad JSON", "[html]") {
    struct Row {
        std::string name, jsonld, title, date, source;
        Strings authors;
    };
    const std::vector<Row> rows = {
        {"object", R"({"@context":"https://schema.org","@type":"NewsArticle","headline":"LD head","datePublished":"2022-01-02T10:00:00Z","author":{"@type":"Person","name":"Ann Lee"},"publisher":{"@type":"Organization","name":"Gull Media"}})",
         "LD head", "2022-01-02", "Gull Media", {"Ann Lee"}},
        {"array", R"([{"@type":"WebSite","name":"site"},{"@type":["Article","NewsArticle"],"headline":"In array","datePublished":"2022-01-03","author":"Bo Chan"}])",
         "In array", "2022-01-03", "", {"Bo Chan"}},
        {"@graph with @id", R"({"@graph":[{"@type":"Person","@id":"#p","name":"Cai Wu"},{"@type":"http://schema.org/ReportageNewsArticle","headline":"Graph","datePublished":"2022-01-04","author":{"@id":"#p"},"publisher":"Gull Wire"}]})",
         "Graph", "2022-01-04", "Gull Wire", {"Cai Wu"}},
        {"wrapped in a comment", "<!--\n{\"@type\":\"NewsArticle\",\"headline\":\"Commented\"}\n-->", "Commented", "", "", {}},
        {"not an article type", R"({"@type":"Recipe","headline":"Soup","datePublished":"2022-01-05"})", "", "", "", {}},
        {"broken JSON", R"({"@type":"NewsArticle","headline":"Broken",)", "", "", "", {}},
        {"wrong value types", R"({"@type":"NewsArticle","headline":7,"datePublished":["x"],"author":[null,3,{"name":false}],"publisher":[]})",
         "", "", "", {}},
        {"bad date", R"({"@type":"NewsArticle","datePublished":"not a date"})", "", "", "", {}},
        {"deep nesting", std::string(5000, '[') + std::string(5000, ']'), "", "", "", {}},
    };
    for (const Row& r : rows) {
        INFO(r.name);
        Article a;
        REQUIRE_NOTHROW(a = html("<html><head><script type=\"application/ld+json\">" + r.jsonld + "</script></head><body>" +
                                 kBody + "</body></html>"));
        CHECK(a.title == r.title);
        CHECK(a.date == r.date);
        CHECK(a.source == r.source);
        CHECK(a.authors == r.authors);
    }
}

TEST_CASE("HTML body: the article's paragraphs without scripts, styles and site furniture", "[html]") {
    const Article a = html(
        "<html><head><style>p{color:red}</style><script>var secretScript = 1;</script></head><body>"
        "<header><p>Header words</p></header><nav><p>Navigation words</p></nav>"
        "<article><header><h1>Headline</h1><p>Article header words</p></header>"
        "<p>First paragraph, with <b>bold</b> and <a href='#'>a link</a>.</p>"
        "<script>document.write('inline script words')</script><style>.x{}</style>"
        "<figure><img src='a.jpg'><figcaption>Caption words.</figcaption></figure>"
        "<aside><p>Aside words</p></aside><form><p>Form words</p></form><noscript><p>Noscript words</p></noscript>"
        "<div hidden><p>Hidden words</p></div><svg><title>Svg words</title></svg>"
        "<p>Second\n   paragraph   spread\nover lines.</p><ul><li>Item one</li><li>Item two</li></ul></article>"
        "<footer><p>Footer words</p></footer></body></html>");
    CHECK(a.text == "First paragraph, with bold and a link.\n\nCaption words.\n\nSecond paragraph spread over lines.\n\n"
                    "Item one\n\nItem two");
    for (const char* gone : {"secretScript", "Header words", "Navigation words", "Article header words", "inline script",
                             "color:red", "Aside words", "Form words", "Noscript words", "Hidden words", "Svg words",
                             "Footer words"}) {
        INFO(gone);
        CHECK_THAT(a.text, !Catch::Contains(gone));
    }
    CHECK(a.title == "Headline");
}

TEST_CASE("HTML furniture by class or id: share bars, ads, comments, not look-alike names", "[html]") {
    struct Row {
        std::string name, inner;
        bool kept;
    };
    const std::vector<Row> rows = {
        {"share bar", "<div class='share-buttons'>Share Tweet Email</div>", false},
        {"social links, last part", "<ul class='footer-social'><li>Follow</li></ul>", false},
        {"ad slot", "<div class='ad-slot top'><p>Buy now</p></div>", false},
        {"comments by id", "<section id='comments'><p>Great story!</p></section>", false},
        {"related links", "<div class='related_posts'><p>More from us</p></div>", false},
        {"a word that only starts like one", "<div class='shared-story'><p>Kept words.</p></div>", true},
        {"a part in the middle", "<div class='post-ad-free-body'><p>Kept words.</p></div>", true},
        {"head is not ad", "<div class='head'><p>Kept words.</p></div>", true},
    };
    for (const Row& r : rows) {
        INFO(r.name);
        const Article a = html("<body><article><p>The story.</p>" + r.inner + "<p>The end.</p></article></body>");
        CHECK((a.text != "The story.\n\nThe end.") == r.kept);
    }
    // A share bar whose end tag was lost holds the rest of the story: the story is kept.
    CHECK(html("<body><article><h1>Head</h1><div class='share-bar'>Share</di v><p>The story went on.</p></article>"
               "</body>").text == "The story went on.");
    // A furniture-like class around the whole text does not empty the page.
    CHECK(html("<body><article><div class='has-sidebar'><p>All the text.</p></div></article></body>").text ==
          "All the text.");
    // Without <article>, a long comment thread does not win over the story.
    const Article c = html("<body><div class='story'><p>The story is here and it is long enough.</p></div>"
                           "<div class='comments'><p>First comment, which is quite long too.</p><p>Second comment, "
                           "also long.</p><p>Third comment here.</p></div></body>");
    CHECK(c.text == "The story is here and it is long enough.");
}

TEST_CASE("HTML body without <article>: <main>, else the element with most paragraph text", "[html]") {
    const Article m = html("<body><div><p>Sidebar teaser text here.</p></div><main><p>Main story text.</p>"
                           "<p>More main text.</p></main></body>");
    CHECK(m.text == "Main story text.\n\nMore main text.");
    const Article d = html(
        "<body><div class='promo'><p>Short promo.</p></div>"
        "<div class='story'><p>The first long paragraph of the story, which goes on for a while.</p>"
        "<p>The second long paragraph of the story, which also goes on.</p></div>"
        "<div class='more'><p>Another short promo.</p></div></body>");
    CHECK(d.text == "The first long paragraph of the story, which goes on for a while.\n\n"
                    "The second long paragraph of the story, which also goes on.");
    const Article t = html("<body><div>Text in a div only.</div><div>And another.</div></body>");
    CHECK(t.text == "Text in a div only.\n\nAnd another.");
    // Among several <article>s (teasers), the one with most text.
    const Article many = html("<body><article><p>Teaser.</p></article><article><p>The real story is much longer than "
                              "a teaser.</p></article></body>");
    CHECK(many.text == "The real story is much longer than a teaser.");
}

TEST_CASE("HTML: the headline repeated in the body is dropped, a By line gives the author", "[html]") {
    const Article a = html("<head><meta property='og:title' content='Night ferry returns'></head><body><article>"
                           "<h1>Night ferry returns</h1><p>By Fen Holt</p><p>The ferry is back.</p></article></body>");
    CHECK(a.text == "The ferry is back.");
    CHECK(a.authors == Strings{"Fen Holt"});
    // The same words later in the text are kept.
    const Article b = html("<head><meta property='og:title' content='Back'></head><body><article><p>One.</p><p>Two.</p>"
                           "<p>Three.</p><p>Back</p></article></body>");
    CHECK_THAT(b.text, Catch::EndsWith("Back"));
}

TEST_CASE("HTML: a <time datetime> inside the article gives the date, one outside does not", "[html]") {
    CHECK(html("<body><article><time datetime='2021-07-08T09:00'>July 8</time><p>Text.</p></article></body>").date ==
          "2021-07-08");
    CHECK(html("<body><div><time datetime='2021-07-08'>x</time></div><article><p>Text.</p></article></body>").date.empty());
}

TEST_CASE("broken HTML does not crash, a page without text is an error", "[html]") {
    const std::vector<std::string> pages = {
        "<html><body><article><p>Unclosed <b>bold <i>and italic<p>Next paragraph",
        "<p>Text</div></span></p></p></body></html></html>",
        "<table><tr><td><p>Cell text<td>more</table><p>after",
        "<<<>>><p>Angle soup</p><!-- never closed comment",
        "<p>Text \xEF\xBF\xBD with a replacement char</p><script>unterminated script",
        "<p>Entity &amp; &nbsp; &#0; &#xD800; &bogus; text</p>",
    };
    for (const std::string& p : pages) {
        INFO(p);
        Article a;
        REQUIRE_NOTHROW(a = html(p));
        CHECK_FALSE(a.text.empty());
        CHECK_NOTHROW((void)to_json(a).dump());  // valid UTF-8 everywhere
    }
    CHECK_THROWS_AS(html("<html><head><title>Only a title</title></head><body></body></html>"), ReadError);
    CHECK_THROWS_AS(html("<script>var x = 1;</script><nav><ul><li>Home</li><li>World news</li></ul></nav>"), ReadError);
    // An end tag lost so that the story sits inside a <header>: its paragraphs, not nothing.
    CHECK(html("<body><header><h1>Site</h1><div class='menu'><p>The story went into the header.</p></header>").text ==
          "The story went into the header.");
    std::string deep = "<body>";
    for (int i = 0; i < 6000; ++i) deep += "<div>";
    deep += "<p>deep</p>";
    CHECK_THROWS_WITH(html(deep), Catch::Contains("nest"));
    std::string ok = "<body>";
    for (int i = 0; i < 1000; ++i) ok += "<div>";
    ok += "<p>deep enough</p>";
    CHECK(html(ok).text == "deep enough");
}

TEST_CASE("read_file_content dispatches HTML by extension", "[html]") {
    CHECK(format_of("a.html") == Format::Html);
    CHECK(format_of("a.HTM") == Format::Html);
    CHECK(format_of("a.xhtml") == Format::Html);
    CHECK(format_of("a.shtmlx") == Format::Unknown);
    const ReadResult r = read_file_content(Format::Html, "<p>Caf\xE9 society.</p>", "a.html", "a.html");  // Latin-1
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].text == "Caf\xC3\xA9 society.");
}
