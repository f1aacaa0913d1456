/// @file
/// @brief Facets: --facet's reading, `field:=NAME`, the facet columns (built, packed, read back,
/// damaged, stale) and the counts a Searcher gives on a small database.
#include "common/facets.h"
#include "common/schema.h"
#include "common/text/analyzer.h"
#include "indexer/database.h"
#include "indexer/document_builder.h"
#include "searcher/facets.h"
#include "searcher/query_parser.h"
#include "searcher/search.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <filesystem>
#include <map>
#include <string>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using namespace news;

namespace {

Article article(const std::string& id, const std::string& date, const std::string& source,
                std::vector<std::pair<std::string, std::string>> speakers /* name, role */) {
    Article a;
    a.id = id;
    a.title = "Article " + id;
    a.date = date;
    a.source = source;
    a.language = "en";
    a.dateline = "DAYTON, Ohio";
    a.authors = {"Marcus Bell"};
    a.persons = {"Vanda Felbab-Brown", "Brown"};
    a.topics = {"crude"};
    for (const auto& [name, role] : speakers) {
        a.text += "\u201C";
        const std::size_t start = a.text.size();
        a.text += "Words of " + name + ".";
        const std::size_t end = a.text.size();
        a.text += "\u201D ";
        a.speakers.push_back(Speaker{name, name == "the ministry" ? "organization" : "person", role,
                                     {{"Words of " + name + ".", start, end}}});
    }
    a.text += "The end.";
    return a;
}

struct FacetDb {
    fs::path path = fs::temp_directory_path() / ("news-facets-" + std::to_string(::getpid()));
    text::Analyzer analyzer{"english"};
    FacetDb() {
        fs::remove_all(path);
        DocumentBuilder builder(analyzer);
        Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
        schema::check_or_init_metadata(db, "english");
        const std::vector<Article> articles = {
            article("a1", "2024-01-05", "Capital Wire", {{"Jane Daskal", ""}, {"the ministry", ""}}),
            article("a2", "2024-02-10", "Capital Wire", {{"Jane Daskal", ""}}),
            article("a3", "2024-02-11", "BBC News", {{"Jane Daskal", "professor"}}),
            article("a4", "2024-03-01", "BBC News", {{"Daskal", ""}}),         // linked to Jane Daskal
            article("a5", "2019-03-01", "BBC News", {{"Daskal", ""}}),         // another year: not linked
            article("a6", "2024-03-02", "BBC News", {{"Daskal", "Mr"}}),  // a man: not Jane Daskal
        };
        for (const Article& a : articles) db.replace_document(DocumentBuilder::id_term(a.id), builder.build(a, "", ""));
        database::store_search_tables(db);
        db.commit();
    }
    ~FacetDb() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    std::function<std::string(std::string_view)> normalize() const {
        return [this](std::string_view s) { return analyzer.normalize(s); };
    }
};

std::map<std::string, Xapian::doccount> values(const search::FacetResult& f) {
    std::map<std::string, Xapian::doccount> out;
    for (const auto& v : f.values) out[v.value] = v.articles;
    return out;
}

}  // namespace

TEST_CASE("Facets: --facet FIELD[:N] is read, bad ones say why", "[facets]") {
    search::FacetRequest f;
    std::string why;
    CHECK(search::parse_facet("speaker", f, why));
    CHECK(f == search::FacetRequest{"speaker", 10});
    CHECK(search::parse_facet("month", f, why));
    CHECK(f == search::FacetRequest{"month", 0});  // every period
    CHECK(search::parse_facet("source:3", f, why));
    CHECK(f == search::FacetRequest{"source", 3});
    CHECK(search::parse_facet("day:0", f, why));
    CHECK(f.top == 0);
    for (const char* bad : {"colour", "speaker:", "speaker:x", "speaker:-1", "speaker:1000001", "", ":3", "Speaker"}) {
        CAPTURE(bad);
        CHECK_FALSE(search::parse_facet(bad, f, why));
        CHECK_FALSE(why.empty());
    }
}

TEST_CASE("Facets: field:=NAME is the whole name", "[facets][query_parser]") {
    text::Analyzer a("english");
    auto parsed = [&](const std::string& q) { return search::parse_query(q, a).query.get_description(); };
    CHECK(parsed("speaker:=\"Jane Daskal\"") == "Query((XSPKNjane daskal OR XSPKOjane daskal))");
    CHECK(parsed("speaker:=daskal") == "Query((XSPKNdaskal OR XSPKOdaskal))");
    CHECK(parsed("person:=\"Vanda Felbab-Brown\"") == "Query(XPERNvanda felbab brown)");
    CHECK(parsed("author:=\"Marcus Bell\"") == "Query(XANmarcus bell)");
    CHECK(parsed("source:=bbc") == "Query(XSRCbbc)");  // the whole name, not a word of it
    CHECK(parsed("source:bbc") == "Query(XSRCWbbc)");
    CHECK(parsed("source:=\"bbc-news\"") == "Query(XSRCbbc-news)");
    CHECK(parsed("topic:=crude") == parsed("topic:crude"));
    for (const char* bad : {"title:=x", "date:=2024", "speaker:= x", "speaker:=daskal*", "speaker:=(a OR b)", "body:=\"a b\""}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(search::parse_query(bad, a), search::QueryError);
    }
    try {
        (void)search::parse_query("oil title:=x", a);
    } catch (const search::QueryError& e) {
        CHECK(e.column() == 5);
    }
}

TEST_CASE("Facets: columns are built from the terms, packed and read back for their revision only", "[facets]") {
    FacetDb f;
    Xapian::Database db(f.path.string());
    for (facets::Column c : facets::kColumns) {
        CAPTURE(facets::column_name(c));
        const facets::Values built = facets::build(db, c, f.normalize());
        const auto stored = facets::decode(db.get_metadata(facets::metadata_key(c)), db.get_revision(), db.get_lastdocid());
        REQUIRE(stored);
        CHECK(stored->keys == built.keys);
        CHECK(stored->display == built.display);
        CHECK(stored->starts == built.starts);
        CHECK(stored->entries == built.entries);
        CHECK_FALSE(facets::decode(db.get_metadata(facets::metadata_key(c)), db.get_revision() + 1, std::nullopt));
        CHECK_FALSE(facets::decode(db.get_metadata(facets::metadata_key(c)), std::nullopt, db.get_lastdocid() + 1));
        // Damaged: every cut of the bytes is refused (or, cut at the end of a document, not
        // at its full length), never read past the end.
        const std::string bytes = facets::encode(1, built);
        for (std::size_t n = 0; n < bytes.size(); ++n) CHECK_FALSE(facets::decode(bytes.substr(0, n), 1, db.get_lastdocid()));
    }
    const facets::Values speakers = facets::build(db, facets::Column::Speaker, f.normalize());
    CHECK(speakers.keys == std::vector<std::string>{"daskal", "jane daskal", "the ministry"});
    // Mr Daskal's entry (a6) has the male flag.
    const Xapian::docid a6 = *db.postlist_begin(DocumentBuilder::id_term("a6"));
    REQUIRE(speakers.starts[a6 + 1] - speakers.starts[a6] == 1);
    CHECK(speakers.entries[speakers.starts[a6]] == (0u << facets::kFlagBits | facets::kMale));
    CHECK(speakers.display[1] == "Jane Daskal");
    const facets::Values places = facets::build(db, facets::Column::Place, f.normalize());
    CHECK(places.keys == std::vector<std::string>{"dayton"});  // the city, not the whole dateline
    const facets::Values persons = facets::build(db, facets::Column::Person, f.normalize());
    CHECK(persons.display == std::vector<std::string>{"Brown", "Vanda Felbab-Brown"});
}

TEST_CASE("Facets: exact counts, one-word speakers under the full name the alias table links", "[facets]") {
    FacetDb f;
    search::Searcher s({f.path.string()});
    search::SearchOptions o;
    o.facets = {{"speaker", 0}, {"source", 0}, {"year", 0}, {"month", 0}, {"place", 0}, {"person", 0}, {"topic", 0}};
    search::Results r = s.run("", o);
    CHECK(r.total == 6);
    CHECK(r.total_exact);
    REQUIRE(r.facets.size() == 7);
    const auto spk = values(r.facets[0]);
    // a4's "Daskal" (2024, no sex) is Jane Daskal's; a5's (2019) and Mr Daskal (a6) are not.
    CHECK(spk.at("Jane Daskal") == 4);
    CHECK(spk.at("Daskal") == 2);
    CHECK(spk.at("the ministry") == 1);
    CHECK(values(r.facets[1]) == std::map<std::string, Xapian::doccount>{{"BBC News", 4}, {"Capital Wire", 2}});
    CHECK(values(r.facets[2]) == std::map<std::string, Xapian::doccount>{{"2019", 1}, {"2024", 5}});
    CHECK(r.facets[3].values.front().value == "2019-03");  // in time order
    CHECK(values(r.facets[4]) == std::map<std::string, Xapian::doccount>{{"Dayton", 6}});
    CHECK(values(r.facets[5]) == std::map<std::string, Xapian::doccount>{{"Brown", 6}, {"Vanda Felbab-Brown", 6}});
    // Each filter finds exactly its count.
    for (const search::FacetResult& fr : r.facets)
        for (const search::FacetCount& v : fr.values) {
            CAPTURE(fr.field, v.value, v.filter);
            search::SearchOptions c;
            c.exact_count = true;
            c.limit = 0;
            CHECK(s.run(v.filter, c).total == v.articles);
        }
    // The split.
    o.facets = {{"year", 0}};
    o.split = search::FacetRequest{"source", 0};
    r = s.run("", o);
    REQUIRE(r.facets[0].values.size() == 2);
    CHECK(r.facets[0].split == "source");
    CHECK(r.facets[0].values[1].value == "2024");
    REQUIRE(r.facets[0].values[1].split.size() == 2);
    CHECK(r.facets[0].values[1].split[0].value == "BBC News");
    CHECK(r.facets[0].values[1].split[0].articles == 3);
    CHECK(r.facets[0].split_values.size() == 2);
}

TEST_CASE("Facets: a database changed since its columns were stored is counted from its terms", "[facets]") {
    FacetDb f;
    {
        Xapian::WritableDatabase db(f.path.string());
        DocumentBuilder builder(f.analyzer);
        const Article a = article("a7", "2024-04-01", "Harbor Ledger", {{"Jane Daskal", ""}});
        db.replace_document(DocumentBuilder::id_term(a.id), builder.build(a, "", ""));
        db.commit();  // (no store_search_tables: the columns are stale)
    }
    search::Searcher s({f.path.string()});
    search::SearchOptions o;
    o.facets = {{"source", 0}, {"speaker", 0}};
    const search::Results r = s.run("", o);
    CHECK(values(r.facets[0]).at("Harbor Ledger") == 1);
    CHECK(values(r.facets[1]).at("Jane Daskal") == 5);
}
