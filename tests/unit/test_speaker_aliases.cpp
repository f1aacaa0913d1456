/// @file
/// @brief The speaker alias table (common/speaker_aliases.h): the rule that links a surname
/// alone to a full name, its independence of the order of indexing and of shards, and what
/// `speaker:"full name"` becomes with it.
#include "common/schema.h"
#include "common/speaker_aliases.h"
#include "searcher/query_parser.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace aliases = news::aliases;
using news::search::parse_query;
using news::text::Analyzer;

namespace {

/// An article as the alias table sees it: its year and its person speakers (whole folded
/// name, and the sex the role tells).
struct Doc {
    int year;
    std::vector<std::pair<std::string, char>> speakers;
};

Xapian::Document document(const Doc& d) {
    Xapian::Document doc;
    if (d.year) doc.add_boolean_term("Y" + std::to_string(d.year));
    for (const auto& [name, sex] : d.speakers) {
        doc.add_boolean_term(std::string(news::schema::kSpeakerWholePrefix) + name);
        if (sex) doc.add_boolean_term(std::string(news::schema::kSpeakerSexPrefix) + sex + name);
    }
    return doc;
}

char given(std::string_view first) {
    if (first == "barack" || first == "bill" || first == "george") return 'm';
    if (first == "michelle" || first == "hillary") return 'f';
    return 0;
}

aliases::Table table_of(const std::vector<Doc>& docs) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (const Doc& d : docs) db.add_document(document(d));
    return aliases::build(db, given);
}

// An archive of 2008-2010: Barack Obama speaks in five articles, Michelle Obama in one; Bill
// Clinton in three of 1995, Hillary Clinton in four of 2009; George H. W. Bush in three of
// 1990 and George W. Bush in three of 2004.
std::vector<Doc> archive() {
    std::vector<Doc> docs;
    for (int i = 0; i < 5; ++i) docs.push_back({2009, {{"barack obama", 0}}});
    docs.push_back({2009, {{"michelle obama", 0}}});
    for (int i = 0; i < 3; ++i) docs.push_back({2015, {{"michelle obama", 'f'}}});
    for (int i = 0; i < 3; ++i) docs.push_back({1995, {{"bill clinton", 0}}});
    for (int i = 0; i < 4; ++i) docs.push_back({2009, {{"hillary clinton", 0}}});
    for (int i = 0; i < 3; ++i) docs.push_back({1990, {{"george h w bush", 0}}});
    for (int i = 0; i < 3; ++i) docs.push_back({2004, {{"george w bush", 0}}});
    docs.push_back({2009, {{"obama", 0}}});
    docs.push_back({2009, {{"obama", 'f'}}});
    return docs;
}

}  // namespace

TEST_CASE("speaker aliases: the rule", "[aliases]") {
    const aliases::Table t = table_of(archive());
    struct Row {
        std::string word;
        char sex;
        int year;
        std::string expected;  // empty: no link
    };
    auto row = GENERATE(values<Row>({
        {"obama", 0, 2009, "barack obama"},     // 5 of 6 full-name articles: 83% >= 80%
        {"obama", 'm', 2010, "barack obama"},   // a year next to his
        {"obama", 'f', 2009, ""},               // "Mrs. Obama": never Barack; Michelle has too few articles
        {"obama", 0, 2012, ""},                 // out of the period
        {"obama", 'f', 2015, "michelle obama"}, // "Mrs. Obama" of 2015: she speaks then, Barack not
        {"obama", 0, 2015, "michelle obama"},
        {"clinton", 'f', 2009, "hillary clinton"},
        {"clinton", 0, 2009, "hillary clinton"},  // in 2009 only Hillary Clinton speaks
        {"clinton", 0, 1995, "bill clinton"},
        {"clinton", 'f', 1995, ""},             // "Mrs. Clinton" of 1995 is never Bill
        {"bush", 0, 1990, "george h w bush"},
        {"bush", 0, 2004, "george w bush"},
        {"bush", 0, 1997, ""},                  // nobody named in full around 1997
        {"obama", 0, 0, ""},                    // an undated article is never linked
        {"smith", 0, 2009, ""},                 // no full name
    }));
    CAPTURE(row.word, row.sex, row.year);
    CHECK(aliases::links_to(t, row.word, row.sex, row.year).value_or("") == row.expected);
}

TEST_CASE("speaker aliases: a full name shared two ways is no link", "[aliases]") {
    std::vector<Doc> docs;
    for (int i = 0; i < 4; ++i) docs.push_back({2004, {{"george w bush", 0}}});
    for (int i = 0; i < 2; ++i) docs.push_back({2004, {{"laura bush", 'f'}}});
    const aliases::Table t = table_of(docs);
    CHECK_FALSE(aliases::links_to(t, "bush", 0, 2004));         // 4 of 6: below 80%
    CHECK(aliases::links_to(t, "bush", 'm', 2004).value_or("") == "george w bush");  // "Mr. Bush"
    CHECK_FALSE(aliases::links_to(t, "bush", 'f', 2004));       // Laura Bush: 2 articles only
}

TEST_CASE("speaker aliases: the table does not depend on the order of articles or on shards", "[aliases]") {
    std::vector<Doc> docs = archive();
    const std::string once = aliases::encode(table_of(docs));
    std::mt19937 rng(13);
    for (int round = 0; round < 5; ++round) {
        std::shuffle(docs.begin(), docs.end(), rng);
        CHECK(aliases::encode(table_of(docs)) == once);
        // Two shards, each with its own table, added up at query time.
        const std::size_t cut = 1 + static_cast<std::size_t>(round) * 3;
        aliases::Table a = table_of(std::vector<Doc>(docs.begin(), docs.begin() + static_cast<long>(cut)));
        aliases::merge(a, aliases::decode(aliases::encode(table_of(std::vector<Doc>(docs.begin() + static_cast<long>(cut), docs.end())))));
        CHECK(aliases::encode(a) == once);
    }
    CHECK(aliases::decode("aliases 1\nbroken line\n").empty());
    CHECK(aliases::decode("").empty());
}

TEST_CASE("speaker aliases: the sex a role tells", "[aliases]") {
    CHECK(aliases::role_sex("Mrs") == 'f');
    CHECK(aliases::role_sex("Mr") == 'm');
    CHECK(aliases::role_sex("first lady") == 'f');
    CHECK(aliases::role_sex("White House spokesman") == 'm');
    CHECK(aliases::role_sex("senator") == 0);
    CHECK(aliases::role_sex("wife of Mr Smith") == 'f');  // an honorific counts only first
    CHECK(aliases::role_sex("") == 0);
}

TEST_CASE("speaker aliases: speaker:\"full name\" ORs the linked surname", "[aliases][query]") {
    static const Analyzer english("english");
    const aliases::Table t = table_of(archive());
    news::search::SpeakerLinks links = [&](const std::string& name) { return aliases::aliases_of(t, name); };
    auto describe = [&](const std::string& q) { return parse_query(q, english, false, {}, {}, {}, links).query.get_description(); };
    CHECK(describe("speaker:\"barack obama\"") ==
          "Query((XSPKbarack obama OR ((XSPKNobama FILTER (Y2008 OR Y2009 OR Y2010)) AND_NOT (XSPKXmobama OR "
          "XSPKXfobama)) OR ((XSPKNobama FILTER (Y2008 OR Y2009 OR Y2010)) FILTER XSPKXmobama)))");
    // A surname alone keeps its meaning: any speaker with that name word.
    CHECK(describe("speaker:obama") == "Query(XSPKWobama)");
    // Michelle Obama is "Obama" only around 2015, when Barack Obama does not speak.
    CHECK(describe("speaker:\"michelle obama\"") ==
          "Query((XSPKmichelle obama OR ((XSPKNobama FILTER (Y2014 OR Y2015 OR Y2016)) AND_NOT (XSPKXmobama OR "
          "XSPKXfobama)) OR ((XSPKNobama FILTER (Y2014 OR Y2015 OR Y2016)) FILTER XSPKXfobama)))");
    CHECK(describe("speaker:\"hillary clinton\"").find("FILTER XSPKXfclinton") != std::string::npos);  // "Mrs. Clinton"
    // Without links, as before.
    CHECK(parse_query("speaker:\"barack obama\"", english).query.get_description() == "Query(XSPKbarack obama)");
}
