/// @file
/// @brief Article structure: boilerplate, datelines, closing bylines, title / dek / text.
#include "indexer/extract/structure.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace news;
using namespace news::extract;

using Strings = std::vector<std::string>;

TEST_CASE("is_boilerplate spots site furniture", "[structure]") {
    struct Row {
        std::string paragraph;
        bool furniture;
    };
    auto row = GENERATE(values<Row>({
        {"IE 11 is not supported. For an optimal experience visit our site on another browser.", true},
        {"Get more newsLiveon", true},
        {"Top storiesWatchNow", true},       // glued at the end of the last word
        {"Sports scoresMore", true},
        {"Advertisement", true},
        {"ADVERTISEMENT", true},
        {"  Share  ", true},
        {"Sign up for our newsletter", true},
        {"Read more: the harbor strike", true},
        {"© 2024 Harbor Ledger", true},
        {"Listen to this article", true},
        // real text
        {"YouTube star sued over ads", false},
        {"iPhone sales rise", false},
        {"Why PayPal matters", false},
        {"McDonald's opens in Portville", false},
        {"Ride the GoLine", false},  // one lower-case letter before the capital: no
        {"Port of newsMa", false},   // one lower-case letter after it: no
        {"Ride the deLux", false},   // two before it: no
        {"The mayor said the pier would reopen on Monday.", false},
        {"Dockworkers went back to work on Monday after a deal that raises wages by 4 percent a year.", false},
        {"Share prices rose 4 percent on Monday.", false},
        // a sentence, then its outlet in camel case: a cited item, not glued navigation
        {"-Ida Brandt won 84 percent of young voters in the harbor ward. [PortPost.]", false},
        {"Who won the ward? [PortPost]", false},
        {"Harbor news Top storiesWatchNow", true},
        {"According to Ida Brandt, writing for PortPolitics:", false},  // a brand in camel case
        {"Data from SurveyMonkey", false},
        {"Also on PortPost:", true},
        {"Also on Monday, the harbor board met.", false},
        // a copyright sign in a short line is furniture, in prose it is text
        {"Copyright \xC2\xA9 2024 Harbor Ledger", true},
        {"From HARBOR DAYS by Ida Brandt. Copyright \xC2\xA9 2015 by Ida Brandt. Reprinted courtesy of Quay Books.",
         false},
        {"It is a dockside clich\xC3\x83\xC2\xA9 that a busy pier is a safe pier. Portville showed it again.", false},
        {"", false},
    }));
    CAPTURE(row.paragraph);
    CHECK(is_boilerplate(row.paragraph) == row.furniture);
}

TEST_CASE("long paragraphs are never boilerplate", "[structure]") {
    std::string p = "Advertisement revenue fell again this year";
    while (p.size() <= 170) p += ", and again";
    p += ".";
    CHECK_FALSE(is_boilerplate(p));
}

// BUG: any paragraph under 160 bytes that merely mentions "newsletter", "cookie",
// "advertisement", "subscribe to"... is dropped as boilerplate, losing real sentences.
TEST_CASE("sentences that mention furniture words are kept", "[structure]") {
    auto p = GENERATE(as<std::string>{},
                      "The newsletter business is booming, analysts said.",
                      "The company's cookie sales fell 4 percent in the quarter.",
                      "The advertisement ran during the final on Sunday.",
                      "Readers who subscribe to the paper will pay more next year.");
    CAPTURE(p);
    CHECK_FALSE(is_boilerplate(p));
}

TEST_CASE("find_dateline", "[structure]") {
    struct Row {
        std::string paragraph, dateline;
    };
    auto row = GENERATE(values<Row>({
        {"BEIJING — American officials met their counterparts.", "BEIJING"},
        {"SPRINGFIELD, Ill. — x", "SPRINGFIELD, Ill."},
        {"LONDON (Reuters) - x", "LONDON"},
        {"LONDON(Reuters) — x", "LONDON"},
        {"北京 — x", "北京"},
        {"ST. LOUIS — x", "ST. LOUIS"},
        {"SAN JOSÉ, Costa Rica — x", "SAN JOSÉ, Costa Rica"},
        {"WASHINGTON -- x", "WASHINGTON"},
        {"PORTVILLE–x", "PORTVILLE"},
        {"NEW YORK, N.Y. – x", "NEW YORK, N.Y."},
        // not datelines
        {"The U.S. — x", ""},
        {"Beijing — x", ""},
        {"— x", ""},
        {"A — x", ""},
        {"LONDON (Reuters — x", ""},
        {"PARIS, a city that is very long indeed and more — x", ""},
        {"No dash in this paragraph at all.", ""},
        {"", ""},
    }));
    CAPTURE(row.paragraph);
    CHECK(find_dateline(row.paragraph) == row.dateline);
}

TEST_CASE("parse_reported_from", "[structure]") {
    struct Row {
        std::string paragraph;
        Strings authors;
    };
    auto row = GENERATE(values<Row>({
        {"Tom Reyes reported from Portville, Ana Silva from Lisbon and Lee Park from Seoul.",
         {"Tom Reyes", "Ana Silva", "Lee Park"}},
        {"Tom Reyes reported from Portville, Ana Silva from Lisbon, and Lee Park from Seoul.",
         {"Tom Reyes", "Ana Silva", "Lee Park"}},
        {"Tom Reyes reported from Portville.", {"Tom Reyes"}},
        {"Tom Reyes reported from Portville and Ana Silva from Lisbon.", {"Tom Reyes", "Ana Silva"}},
        {"Additional reporting by Ana Silva and Lee Park.", {"Ana Silva", "Lee Park"}},
        {"(Reporting by Ana Silva; Editing by Lee Park)", {"Ana Silva"}},  // editors are not authors
        // not bylines
        {"The team reported from the scene.", {}},
        {"officials reported from the border that all was calm.", {}},
        {"Boats stayed in port on Tuesday.", {}},
    }));
    CAPTURE(row.paragraph);
    CHECK(parse_reported_from(row.paragraph) == row.authors);
}

TEST_CASE("apply_structure finds title, byline, dek, dateline and closing byline", "[structure]") {
    Article a;
    apply_structure(a,
                    {"Advertisement", "Fog closes harbor", "By Ann Lee and Bo Chen",
                     "Boats stayed in port all week as thick fog rolled over the coast.",
                     "PORTVILLE — The fog came on Monday.", "The pier reopened on Friday.",
                     "Tom Reyes reported from Portville."},
                    true);
    CHECK(a.title == "Fog closes harbor");
    CHECK(a.authors == Strings{"Ann Lee", "Bo Chen", "Tom Reyes"});
    CHECK(a.dek == "Boats stayed in port all week as thick fog rolled over the coast.");
    CHECK(a.dateline == "PORTVILLE");
    CHECK(a.text ==
          "Boats stayed in port all week as thick fog rolled over the coast.\n\n"
          "PORTVILLE — The fog came on Monday.\n\n"
          "The pier reopened on Friday.\n\n"
          "Tom Reyes reported from Portville.");
    CHECK_THAT(a.text, !Catch::Contains("Advertisement"));
    CHECK_THAT(a.text, !Catch::Contains("By Ann Lee"));
}

TEST_CASE("apply_structure variants", "[structure]") {
    SECTION("a title already known (a manifest's): the first paragraph leaves the text when it says it") {
        Article a;
        a.title = "Fog closes harbor; boats wait";
        apply_structure(a, {"Fog closes Harbor.", "Body."}, true);
        CHECK(a.title == "Fog closes harbor; boats wait");
        CHECK(a.text == "Body.");
        REQUIRE(a.dropped.size() == 1);
        CHECK(a.dropped[0] == std::pair<std::string, std::string>{"headline", "Fog closes Harbor."});
    }
    SECTION("a title already known: a first paragraph with other words stays text") {
        Article a;
        a.title = "Given";
        apply_structure(a, {"Fog closes harbor", "Body."}, true);
        CHECK(a.title == "Given");
        CHECK(a.text == "Fog closes harbor\n\nBody.");
        CHECK(a.dropped.empty());
    }
    SECTION("what guessing drops is listed with its kind") {
        Article a;
        apply_structure(a, {"Advertisement", "Fog closes harbor", "By Ann Lee", "Body.", "Share"}, true);
        CHECK(a.text == "Body.");
        using P = std::pair<std::string, std::string>;
        CHECK(a.dropped == std::vector<P>{{"promotion", "Advertisement"}, {"menu word", "Share"}, {"headline", "Fog closes harbor"},
                                          {"byline", "By Ann Lee"}});
    }
    SECTION("no title search: every paragraph is text") {
        Article a;
        apply_structure(a, {"Fog closes harbor", "Body."}, false);
        CHECK(a.title.empty());
        CHECK(a.text == "Fog closes harbor\n\nBody.");
    }
    SECTION("two paragraphs before the dateline: no dek") {
        Article a;
        apply_structure(a, {"Title", "First.", "Second.", "PORTVILLE — x"}, true);
        CHECK(a.dateline == "PORTVILLE");
        CHECK(a.dek.empty());
    }
    SECTION("the dateline paragraph right after the title: no dek") {
        Article a;
        apply_structure(a, {"Title", "PORTVILLE — x", "y"}, true);
        CHECK(a.dateline == "PORTVILLE");
        CHECK(a.dek.empty());
    }
    SECTION("a dateline given by metadata is kept") {
        Article a;
        a.dateline = "LISBON";
        apply_structure(a, {"Title", "PORTVILLE — x"}, true);
        CHECK(a.dateline == "LISBON");
    }
    SECTION("nothing at all") {
        Article a;
        apply_structure(a, {}, true);
        CHECK(a.title.empty());
        CHECK(a.text.empty());
    }
    SECTION("an author is not added twice") {
        Article a;
        a.authors = {"Tom Reyes"};
        apply_structure(a, {"Title", "By Tom Reyes", "Body.", "Tom Reyes reported from Portville."}, true);
        CHECK(a.authors == Strings{"Tom Reyes"});
    }
}
