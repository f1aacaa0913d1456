/// @file
/// @brief --prune: every article of a vanished file goes, though only the file's first article
/// carries the file's signature (the slot --prune reads a path from when the database holds
/// no finished signature for the file).
#include "common/schema.h"
#include "indexer/pipeline.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path = fs::temp_directory_path() / ("news-prune-" + std::to_string(::getpid()));
    TempDir() { fs::remove_all(path); fs::create_directories(path / "in"); }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
        fs::remove(fs::path(path.string() + ".db.lock"), ec);
    }
};

void write_feed(const fs::path& p, const std::string& tag, int n) {
    std::ofstream f(p);
    for (int i = 0; i < n; ++i)
        f << R"({"id": ")" << tag << i << R"(", "title": "Record )" << i << R"(", "text": "Cranes idle at pier )" << tag
          << R"(."})" << "\n";
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
    CHECK(of_file(db, "in/a.jsonl#a") == std::pair{50, 1});  // the signature once per file

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
        CHECK(of_file(db, "in/a.jsonl#a").first == 0);
    }
}
