/// @file
/// @brief not_article(): README-like files and lists of codes are no article; short news is.
/// The fixtures are written for this test (fictional); the last case runs over the real
/// BBC and Reuters-21578 files of ../shared when they are there.
#include "indexer/readers/not_article.h"
#include "indexer/readers/reader.h"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace news::readers;
namespace fs = std::filesystem;

namespace {

struct Row {
    const char* name;
    const char* path;
    std::string content;
};

const std::string kBrief =
    "Fog closes harbour\n\nFerries stayed in port on Monday as thick fog settled over the bay. "
    "The coastguard said it expected the fog to lift by noon on Tuesday.\n";

// --- must be kept: news, however short or table-like ---------------------------------
const std::vector<Row> kKeep = {
    {"short brief, two sentences", "harbour/fog.txt", kBrief},
    {"short brief, three sentences, no blank line", "a.txt",
     "Mill to reopen\nThe Eastbrook paper mill will reopen in March.\nIt closed in 2021 after a fire.\n"
     "About 140 jobs are expected to return.\n"},
    {"football results with a headline and a sentence", "sport/results.txt",
     "Weekend results\n\nThe Riverside League resumed on Saturday after the winter break.\n\n"
     "Harbour Town 2 Millbrook 1\nEastfield 0 Kingsway Rovers 0\nNorthgate 3 St Albans Athletic 1\n"
     "Port Vale Wanderers 1 Oakley 2\nWestmoor 4 Ferry United 4\nCastleton 1 Hillside 0\n"},
    {"stock table inside an article", "markets/close.txt",
     "Shares slip at the close\n\nLondon shares ended the day lower as miners fell.\n\n"
     "Company    Close    Change\nNorthern Mining    412.5    -8.25\nHarbour Bank    188.0    +1.10\n"
     "Eastbrook Paper    96.75    -0.50\nKingsway Foods    1,204    +12\nRiverside Power    330.2    -4.1\n"},
    {"a table of figures with no sentence at all", "markets/rates.txt",
     "Currency rates\nDollar 1.2710\nEuro 1.1685\nYen 187.40\nFranc 1.1120\nKrone 13.72\n"},
    {"one-paragraph item", "briefs/library.txt",
     "The town council voted seven to two on Tuesday night to close the old library on Mill Street, "
     "which first opened its doors in 1911, and to move its books to the new civic centre.\n"},
    {"headline plus one line", "b.txt", "Harbour ferry resumes\nService restarts on Monday\n"},
    {"headline plus one sentence", "c.txt", "Harbour ferry resumes\nService restarts on Monday, the operator said.\n"},
    {"headline and four short lines", "d.txt", "Storm warning\nWind up to 90 km/h\nSchools shut\nTrains cancelled\n"},
    {"a bulleted brief with a sentence", "e.txt",
     "What changes on Monday\n\nThree new rules take effect this week.\n- Later bus times\n- Free parking on Sundays\n"
     "- New recycling days\n- Longer library hours\n- Quieter night flights\n"},
    {"a Chinese brief", "zh/brief.txt",
     "港口渡轮周一恢复航行\n\n受大雾影响停航一周的渡轮周一恢复航行。码头工人表示欢迎。\n"},
    {"article slug starting with licence", "tv/licence-fee-rise.txt", kBrief},
    {"article slug starting with changes", "politics/changes-at-the-top.txt", kBrief},
    {"article slug starting with readme", "books/readme-a-story.txt", kBrief},
    {"article named news", "news.txt", kBrief},
    {"article named notices", "notices.txt", kBrief},
    {"empty file (the reader says so)", "empty.txt", ""},
};

// --- must be skipped: README-like names, lists ------------------------------------------
const std::vector<Row> kSkipName = {
    {"README.TXT", "corpus/README.TXT", "This collection holds 500 stories from the Harbour Ledger.\n"},
    {"README without extension", "README", "Read me first.\n"},
    {"readme.md", "docs/readme.md", "# Notes\n"},
    {"LICENSE", "LICENSE", "Permission is hereby granted, free of charge.\n"},
    {"Licence.txt", "Licence.txt", "Use for research only.\n"},
    {"COPYING", "COPYING", "GNU GENERAL PUBLIC LICENSE\n"},
    {"ChangeLog.old", "ChangeLog.old", "2024-01-02 Fixed the index.\n"},
    {"CHANGES.md", "CHANGES.md", "v2: more stories.\n"},
    {"NOTICE.txt", "NOTICE.txt", "This product includes data from the Harbour Ledger.\n"},
    {"AUTHORS", "AUTHORS", "Jane Roe\nJohn Doe\n"},
    {"Read_Me.txt", "Read_Me.txt", "Notes on the data.\n"},
    {"LICENSE-MIT", "LICENSE-MIT", "MIT License\n"},
    {"README_en.txt", "README_en.txt", "English notes.\n"},
    {"CONTRIBUTORS.txt", "CONTRIBUTORS.txt", "Jane Roe\n"},
};

const std::vector<Row> kSkipList = {
    {"topic codes, one per line", "codes/all-topics.txt",
     "barley\ncocoa\ncoffee\ncopper\ncorn\ncrude\ngold\nhog\nl-cattle\nmoney-fx\nnat-gas\norange\nrubber\nsugar\n"},
    {"place codes with trailing spaces and CRLF", "places.lc.txt",
     "albion \r\nbelmar\r\ncaldera  \r\nnew-harbour\r\nrivermouth\r\nwest-isle \r\n"},
    {"a list of names", "people.txt", "Jane Roe\nJohn Doe\nMaria Fernandez Lopez\nAhmed Ali\nLi Wei\nAnna Berg\n"},
    {"a list of section names with a blank line", "sections.txt",
     "Sections\n\nWorld\nBusiness\nSport\nArts and culture\nScience\nHealth\n"},
    {"a few words per line, one line a bit longer", "vocab.txt",
     "interest rates\nmoney supply\nbalance of payments\ntrade\nconsumer price index\nwholesale price index\n"
     "industrial production index and capacity utilisation figures\njobs\nhousing starts\nretail sales\n"},
};

}  // namespace

TEST_CASE("not_article keeps news, however short or table-like", "[not_article]") {
    for (const Row& row : kKeep) {
        INFO(row.name);
        const auto r = not_article(Format::Text, row.path, row.content);
        CHECK((r ? r->reason : std::string()) == "");
    }
}

TEST_CASE("not_article skips README-like file names", "[not_article]") {
    for (const Row& row : kSkipName) {
        INFO(row.name);
        const auto r = not_article(Format::Text, row.path, row.content);
        REQUIRE(r.has_value());
        CHECK(r->kind == NotArticle::Kind::Name);
        CHECK_THAT(r->reason, Catch::Contains(fs::path(row.path).filename().string()));
    }
}

TEST_CASE("not_article skips lists of codes and short phrases", "[not_article]") {
    for (const Row& row : kSkipList) {
        INFO(row.name);
        const auto r = not_article(Format::Text, row.path, row.content);
        REQUIRE(r.has_value());
        CHECK(r->kind == NotArticle::Kind::List);
        CHECK_THAT(r->reason, Catch::StartsWith("a list: "));
    }
    // Four codes are too few to call a list; one sentence among them makes it text.
    CHECK_FALSE(not_article(Format::Text, "x.txt", "barley\ncocoa\ncoffee\ncopper\n"));
    CHECK_FALSE(not_article(Format::Text, "x.txt", "barley\ncocoa\ncoffee\ncopper\ncorn\nPrices rose.\n"));
}

TEST_CASE("not_article applies to plain text only", "[not_article]") {
    const std::string list = "barley\ncocoa\ncoffee\ncopper\ncorn\ncrude\n";
    for (Format f : {Format::Json, Format::JsonLines, Format::Sgml, Format::Html, Format::Sogou, Format::Unknown}) {
        CHECK_FALSE(not_article(f, "README.json", "{\"text\": \"Read me.\"}"));
        CHECK_FALSE(not_article(f, "codes.txt", list));
    }
    CHECK(not_article(Format::Text, "codes.txt", list));
}

namespace {

/// Unpacks a shared corpus archive into @p dir, without Reuters' big .sgm files; false when
/// tar fails.
bool unpack_text(const fs::path& archive, const fs::path& dir) {
    fs::create_directories(dir);
    const std::string cmd = "tar -xJf '" + archive.string() + "' -C '" + dir.string() + "' --exclude='*.sgm'";
    return std::system(cmd.c_str()) == 0;
}

}  // namespace

TEST_CASE("not_article on the real BBC and Reuters-21578 files", "[not_article]") {
    const fs::path corpora = fs::path(NEWS_SOURCE_DIR) / ".." / "shared" / "corpora";
    const fs::path bbc = corpora / "bbc-fulltext" / "bbc-fulltext.tar.xz";
    const fs::path reuters = corpora / "reuters21578" / "reuters21578.tar.xz";
    if (!fs::exists(bbc) || !fs::exists(reuters)) {
        WARN("skipped: " << corpora.string() << " is absent (the shared data is not beside the repository)");
        return;
    }
    const fs::path dir = fs::temp_directory_path() / ("news-not-article-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    REQUIRE(unpack_text(bbc, dir));
    REQUIRE(unpack_text(reuters, dir));

    std::map<std::string, std::string> flagged;  // path from dir -> reason
    std::size_t text_files = 0, bbc_articles = 0, bbc_kept = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        if (!e.is_regular_file() || format_of(e.path()) != Format::Text) continue;
        ++text_files;
        std::ifstream in(e.path(), std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::string encoding;
        const std::string content = decode_to_utf8(bytes, encoding);
        const std::string rel = e.path().lexically_relative(dir).generic_string();
        const auto r = not_article(Format::Text, e.path(), content);
        if (r) flagged[rel] = r->reason;
        const bool bbc_article = rel.starts_with("bbc/") && rel.find('/', 4) != std::string::npos;
        bbc_articles += bbc_article;
        bbc_kept += bbc_article && !r;
    }
    fs::remove_all(dir);

    std::ostringstream all;
    for (const auto& [path, reason] : flagged) all << path << ": " << reason << "\n";
    INFO("flagged:\n" << all.str());
    // Every BBC article is kept: 2,225 in five topic folders.
    CHECK(bbc_articles == 2225);
    CHECK(bbc_kept == 2225);
    // Exactly the two README files and Reuters' five lists of category codes. Reuters'
    // cat-descriptions_120396.txt (notes) and feldman-cia-worldfactbook-data.txt (Prolog
    // facts) are no news either, but they hold sentences and stay: rules for them would
    // be rules for one file.
    const std::set<std::string> want = {
        "bbc/README.TXT",
        "reuters21578/README.txt",
        "reuters21578/all-exchanges-strings.lc.txt",
        "reuters21578/all-orgs-strings.lc.txt",
        "reuters21578/all-people-strings.lc.txt",
        "reuters21578/all-places-strings.lc.txt",
        "reuters21578/all-topics-strings.lc.txt",
    };
    std::set<std::string> got;
    for (const auto& [path, reason] : flagged) got.insert(path);
    CHECK(got == want);
    CHECK(flagged["bbc/README.TXT"].starts_with("a README-like file name"));
    CHECK(flagged["reuters21578/all-topics-strings.lc.txt"].starts_with("a list: 135 "));
    CHECK(text_files == 2226 + 8);  // BBC: articles and README; Reuters: README, 5 lists, 2 others
}
