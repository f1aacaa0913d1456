/// @file
/// @brief Indexing runs end to end through run_index: --prune (every article of a vanished
/// file goes, though only the file's first article carries the file's signature) and the
/// stored articles' zstd dictionary (trained by a bulk build, kept by later runs, one per
/// shard).
#include "common/schema.h"
#include "indexer/pipeline.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path;
    explicit TempDir(const std::string& name = "a")
        : path(fs::temp_directory_path() / ("news-pipeline-" + std::to_string(::getpid()) + "-" + name)) {
        fs::remove_all(path);
        fs::create_directories(path / "in");
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
        fs::remove(fs::path(path.string() + ".db.lock"), ec);
    }
};

// Records of some 500 bytes (a dictionary needs a few hundred KB to learn from).
void write_feed(const fs::path& p, const std::string& tag, int n) {
    std::ofstream f(p);
    for (int i = 0; i < n; ++i) {
        f << R"({"id": ")" << tag << i << R"(", "title": "Record )" << i << R"(", "text": "Cranes idle at pier )" << tag
          << ".";
        for (int k = 0; k < 8; ++k)
            f << " Berth " << (i * 7 + k * 13) % 97 << " waited " << (i + k) % 11 << " hours for tugs, the harbor board said.";
        f << R"("})" << "\n";
    }
}

news::IndexSummary index(const TempDir& t, bool prune) {
    news::IndexOptions o;
    o.inputs = {t.path / "in"};
    o.db_path = (t.path / "x.db").string();
    o.jobs = 1;
    o.prune = prune;
    std::ostringstream out, log;
    return news::run_index(o, out, log);
}

// (documents of the file, how many of them carry the signature)
std::pair<int, int> of_file(const std::string& db, const std::string& id_prefix) {
    Xapian::Database d(db);
    int docs = 0, signed_docs = 0;
    for (auto t = d.allterms_begin("Q" + id_prefix); t != d.allterms_end("Q" + id_prefix); ++t) {
        ++docs;
        signed_docs += !d.get_document(*d.postlist_begin(*t)).get_value(news::schema::kFileSigSlot).empty();
    }
    return {docs, signed_docs};
}

}  // namespace

TEST_CASE("pruning removes every article of a vanished file", "[pipeline]") {
    TempDir t;
    write_feed(t.path / "in" / "a.jsonl", "a", 50);
    write_feed(t.path / "in" / "b.jsonl", "b", 5);
    REQUIRE(index(t, false).db_articles == 55);
    const std::string db = (t.path / "x.db").string();
    CHECK(of_file(db, "a") == std::pair{50, 1});  // the signature once per file

    SECTION("from the signature recorded when the file was finished") {
        fs::remove(t.path / "in" / "a.jsonl");
        news::IndexSummary s = index(t, true);
        CHECK(s.pruned == 1);
        CHECK(s.db_articles == 5);
    }
    SECTION("from its first article when no finished signature is recorded (a run stopped midway)") {
        {
            Xapian::WritableDatabase w(db);
            std::vector<std::string> keys;
            for (auto k = w.metadata_keys_begin("news.file."); k != w.metadata_keys_end("news.file."); ++k)
                keys.push_back(*k);
            REQUIRE(keys.size() == 2);
            for (const std::string& k : keys) w.set_metadata(k, "");
            w.commit();
        }
        fs::remove(t.path / "in" / "a.jsonl");
        news::IndexSummary s = index(t, true);  // b.jsonl is read again (no signature), a.jsonl pruned
        CHECK(s.pruned == 1);
        CHECK(s.db_articles == 5);
        CHECK(of_file(db, "a").first == 0);
    }
}

#include "searcher/search.h"

TEST_CASE("stored articles use the database's zstd dictionary, in every run and every shard", "[pipeline]") {
    TempDir t;
    const std::string db = (t.path / "x.db").string();
    // A search opened on the database while it is still empty...
    {
        news::IndexOptions o;
        o.inputs = {};
        o.db_path = db;
        std::ostringstream out, log;
        (void)news::run_index(o, out, log);
    }
    news::search::Searcher early({db});
    write_feed(t.path / "in" / "a.jsonl", "a", 1500);
    REQUIRE(index(t, false).db_articles == 1500);
    const std::string bytes = Xapian::Database(db).get_metadata(news::schema::kMetaDictionary);
    REQUIRE_FALSE(bytes.empty());  // a bulk build of 1,500 articles trains one
    // ... reads the articles packed with the dictionary it did not know when it opened.
    early.reopen();
    news::search::SearchOptions so;
    so.limit = 3;
    news::search::Results r = early.run("cranes", so);
    REQUIRE(r.hits.size() == 3);
    for (const auto& h : r.hits) CHECK(h.article.id.starts_with("a"));

    // An incremental run keeps the dictionary and uses it.
    write_feed(t.path / "in" / "b.jsonl", "b", 20);
    REQUIRE(index(t, false).db_articles == 1520);
    CHECK(Xapian::Database(db).get_metadata(news::schema::kMetaDictionary) == bytes);
    news::search::Searcher s({db});
    CHECK(s.run("title:record pier b", so).hits.at(0).article.id.starts_with("b"));

    // A second database with a dictionary of its own: both shards read together.
    TempDir t2("b");
    write_feed(t2.path / "in" / "c.jsonl", "c", 1200);
    REQUIRE(index(t2, false).db_articles == 1200);
    news::search::Searcher both({db, (t2.path / "x.db").string()});
    so.limit = 2000;
    so.collapse = false;  // (the feed's articles are near copies of each other)
    news::search::Results all = both.run("cranes", so);
    CHECK(all.total == 2720);
    CHECK(all.hits.size() == 2000);
    std::size_t from_c = 0, from_a = 0;
    for (const auto& h : all.hits) {
        from_c += h.article.id.starts_with("c");
        from_a += h.article.id.starts_with("a");
    }
    CHECK(from_c > 0);
    CHECK(from_a > 0);
    CHECK(from_c + from_a + 20 >= all.hits.size());  // none unreadable: every id is one of ours
}

#include "common/doc_lengths.h"

TEST_CASE("every run leaves the document lengths packed for its last revision", "[pipeline]") {
    auto current = [](const std::string& db) {
        Xapian::Database d(db);
        auto packed = news::doclengths::decode(d.get_metadata(news::schema::kMetaDocLengths), d.get_revision(),
                                               d.get_lastdocid());
        return packed && *packed == news::doclengths::read_from_postlists(d);
    };
    TempDir t("lengths");
    const std::string db = (t.path / "x.db").string();
    write_feed(t.path / "in" / "a.jsonl", "a", 40);
    news::IndexOptions o;
    o.inputs = {t.path / "in"};
    o.db_path = db;
    std::ostringstream out, log;
    SECTION("a bulk build with two jobs (segments merged), then an incremental run") {
        o.jobs = 2;
        REQUIRE(news::run_index(o, out, log).db_articles == 40);
        CHECK(current(db));
        write_feed(t.path / "in" / "b.jsonl", "b", 3);
        REQUIRE(news::run_index(o, out, log).db_articles == 43);
        CHECK(current(db));
    }
    SECTION("one job, compacted at the end") {
        o.jobs = 1;
        o.compact = true;
        REQUIRE(news::run_index(o, out, log).db_articles == 40);
        CHECK(current(db));
    }
}


namespace {

struct Run {
    news::IndexSummary summary;
    std::string log;
};

Run index_jobs(const fs::path& in, const std::string& db, std::size_t jobs) {
    news::IndexOptions o;
    o.inputs = {in};
    o.db_path = db;
    o.jobs = jobs;
    o.batch_size = 3;
    std::ostringstream out, log;
    Run r{news::run_index(o, out, log), ""};
    r.log = log.str();
    return r;
}

// docid -> id, from the Q terms (Xapian's order of documents).
std::map<Xapian::docid, std::string> ids_by_docid(const std::string& db) {
    Xapian::Database d(db);
    std::map<Xapian::docid, std::string> out;
    for (auto t = d.allterms_begin("Q"); t != d.allterms_end("Q"); ++t)
        for (auto p = d.postlist_begin(*t); p != d.postlist_end(*t); ++p) out[*p] = (*t).substr(1);
    return out;
}

void write_lines(const fs::path& p, const std::vector<std::string>& ids) {
    std::ofstream f(p);
    for (std::size_t i = 0; i < ids.size(); ++i)
        f << R"({"id": ")" << ids[i] << R"(", "title": "Record )" << p.filename().string() << " " << i
          << R"(", "text": "Cranes idle at the pier."})" << "\n";
}

}  // namespace

TEST_CASE("an id already taken is reported and the article indexed as ID~N, the same for any --jobs", "[pipeline][ids]") {
    TempDir t("ids");
    write_lines(t.path / "in" / "a.jsonl", {"x", "y", "x"});  // a repeat inside one file
    write_lines(t.path / "in" / "b.jsonl", {"y", "z", "x~2"});  // another file's ids, and a taken "x~2"
    const std::string one = (t.path / "one.db").string(), two = (t.path / "two.db").string();
    Run r1 = index_jobs(t.path / "in", one, 1);  // a single writer asks the database
    Run r2 = index_jobs(t.path / "in", two, 2);  // a bulk build of segments asks its registry
    const std::map<Xapian::docid, std::string> want = {{1, "x"}, {2, "y"}, {3, "x~2"}, {4, "y~2"}, {5, "z"}, {6, "x~2~2"}};
    CHECK(ids_by_docid(one) == want);
    CHECK(ids_by_docid(two) == want);
    CHECK(r1.summary.renamed == 3);
    CHECK(r1.log == r2.log);
    CHECK(r1.log.find("a.jsonl:3: warning: id x is already used by another record of this file; indexed as x~2") !=
          std::string::npos);
    CHECK(r1.log.find("b.jsonl:1: warning: id y is already used by " + (t.path / "in" / "a.jsonl").string() +
                      "; indexed as y~2") != std::string::npos);
    // The stored article carries the id it was given.
    news::search::Searcher s({one});
    REQUIRE(s.get("y~2").size() == 1);
    CHECK(s.get("y~2")[0].path == (t.path / "in" / "b.jsonl").string());
    CHECK(s.get("y~2")[0].title == "Record b.jsonl 0");

    // A changed file read again replaces its own articles and gets the same ids.
    write_lines(t.path / "in" / "b.jsonl", {"y", "z", "x~2", "w"});
    Run again = index_jobs(t.path / "in", one, 2);
    CHECK(again.summary.updated == 1);
    CHECK(again.summary.db_articles == 7);
    std::set<std::string> ids;
    for (const auto& [d, id] : ids_by_docid(one)) ids.insert(id);
    CHECK(ids == std::set<std::string>{"x", "y", "x~2", "y~2", "z", "x~2~2", "w"});
}

TEST_CASE("news-index --delete removes articles, long ids too, and a file read again leaves them out until --undelete", "[pipeline][delete]") {
    TempDir t("del");
    const std::string long_id = "wire/" + std::string(300, 'k');  // past Xapian's term limit: a hashed Q term
    write_lines(t.path / "in" / "a.jsonl", {"keep", long_id, "drop"});
    const std::string db = (t.path / "x.db").string();
    REQUIRE(index_jobs(t.path / "in", db, 1).summary.db_articles == 3);
    {
        news::search::Searcher s({db});
        REQUIRE(s.get(long_id).size() == 1);
        CHECK(s.get(long_id)[0].id == long_id);
        CHECK(s.get(long_id.substr(0, 250)).empty());  // the same hashed head is not the same id
    }
    std::ostringstream out, log;
    news::DeleteSummary d = news::run_delete(db, {long_id, "drop", "nosuch"}, false, out, log);
    CHECK(d.deleted == 2);
    CHECK(d.unknown == 1);
    CHECK(d.db_articles == 1);
    CHECK(out.str().find("deleted drop (" + (t.path / "in" / "a.jsonl").string() + ")") != std::string::npos);
    CHECK(log.str() == "news-index: nosuch: no article with this id\n");

    // Unchanged: skipped. Changed: read again, the deleted articles stay out.
    CHECK(index_jobs(t.path / "in", db, 1).summary.unchanged == 1);
    write_lines(t.path / "in" / "a.jsonl", {"keep", long_id, "drop", "new"});
    Run r = index_jobs(t.path / "in", db, 2);
    CHECK(r.summary.withheld == 2);
    CHECK(r.summary.db_articles == 2);
    {
        news::search::Searcher s({db});
        CHECK(s.get("drop").empty());
        CHECK(s.get("new").size() == 1);
    }
    // Another file's "drop" does not take the deleted id.
    write_lines(t.path / "in" / "b.jsonl", {"drop"});
    r = index_jobs(t.path / "in", db, 1);
    CHECK(r.log.find("id drop is already used by an article deleted with news-index --delete; indexed as drop~2") !=
          std::string::npos);

    // --undelete: the next run reads the file again and the articles come back.
    std::ostringstream out2, log2;
    d = news::run_delete(db, {"drop", "never-deleted"}, true, out2, log2);
    CHECK(d.undeleted == 1);
    CHECK(d.unknown == 1);
    r = index_jobs(t.path / "in", db, 1);
    CHECK(r.summary.updated == 1);  // a.jsonl, its signature cleared (b.jsonl keeps "drop~2")
    news::search::Searcher s({db});
    REQUIRE(s.get("drop").size() == 1);
    CHECK(s.get("drop")[0].path == (t.path / "in" / "a.jsonl").string());
    CHECK(s.get(long_id).empty());  // still deleted
}

TEST_CASE("a file that repeats an id: deleting the first leaves the second its ID~2", "[pipeline][delete]") {
    TempDir t("del2");
    write_lines(t.path / "in" / "a.jsonl", {"x", "x"});
    const std::string db = (t.path / "x.db").string();
    REQUIRE(index_jobs(t.path / "in", db, 1).summary.renamed == 1);
    std::ostringstream out, log;
    REQUIRE(news::run_delete(db, {"x"}, false, out, log).deleted == 1);
    write_lines(t.path / "in" / "a.jsonl", {"x", "x", "y"});  // changed: read again
    Run r = index_jobs(t.path / "in", db, 1);
    CHECK(r.summary.withheld == 1);
    std::set<std::string> ids;
    for (const auto& [d, id] : ids_by_docid(db)) ids.insert(id);
    CHECK(ids == std::set<std::string>{"x~2", "y"});
    news::search::Searcher s({db});
    REQUIRE(s.get("x~2").size() == 1);
    CHECK(s.get("x~2")[0].title == "Record a.jsonl 1");
}

TEST_CASE("a result whose stored article cannot be read still shows its id", "[pipeline][ids]") {
    TempDir t("unreadable");
    write_lines(t.path / "in" / "a.jsonl", {"good", "broken"});
    const std::string db = (t.path / "x.db").string();
    REQUIRE(index_jobs(t.path / "in", db, 1).summary.db_articles == 2);
    {
        Xapian::WritableDatabase w(db);
        const Xapian::docid id = *w.postlist_begin("Qbroken");
        Xapian::Document doc = w.get_document(id);
        doc.add_value(news::schema::kStoredSlot, "not a zstd frame");
        w.replace_document(id, doc);
        w.commit();
    }
    news::search::Searcher s({db});
    news::search::Results r = s.run("cranes", news::search::SearchOptions{});
    std::set<std::string> ids;
    for (const auto& h : r.hits) ids.insert(h.article.id);
    CHECK(ids == std::set<std::string>{"good", "broken"});
}
