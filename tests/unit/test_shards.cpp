/// @file
/// @brief Sharded databases (shards.h): an article's shard, the stub file read and written, and
/// a sharded run of news-index end to end (run_index with --shards, --prune, --delete): every
/// article in the shard its id hashes to, wire copies grouped across shards, the stem table's
/// metadata copy that remote shards serve.
#include "common/copies.h"
#include "common/schema.h"
#include "common/shards.h"
#include "indexer/pipeline.h"
#include "searcher/search.h"
#include "tests/support/temp_dir.h"

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
using namespace news;

namespace {

struct Dir : testing::TempDir {
    explicit Dir(const std::string& name) : testing::TempDir("shards", name) {}
};

void write(const fs::path& p, const std::string& text) { testing::write_file(p, text); }

IndexSummary index_into(const fs::path& db, const fs::path& in, std::size_t shards, bool prune = false) {
    IndexOptions o;
    o.inputs = {in};
    o.db_path = db.string();
    o.jobs = 2;
    o.shards = shards;
    o.prune = prune;
    std::ostringstream out, log;
    return run_index(o, out, log);
}

// The article ids of one database, from their Q terms.
std::set<std::string> ids_of(const std::string& db) {
    Xapian::Database d(db);
    std::set<std::string> out;
    for (auto t = d.allterms_begin("Q"); t != d.allterms_end("Q"); ++t) out.insert((*t).substr(1));
    return out;
}

}  // namespace

TEST_CASE("an article's shard is a stable hash of its id", "[shards]") {
    CHECK(shards::shard_of("anything", 1) == 0);
    CHECK(shards::shard_of("anything", 0) == 0);
    // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c: a change of the function would move every article.
    CHECK(shards::shard_of("a", 1000) == 0xaf63dc4c8601ec8cull % 1000);
    CHECK(shards::shard_of("", 7) == 14695981039346656037ull % 7);
    std::array<int, 3> per{};
    for (int i = 0; i < 3000; ++i) ++per[shards::shard_of("reut-" + std::to_string(i), 3)];
    for (int n : per) CHECK(n > 850);  // (about 1,000 each)
    CHECK(shards::shard_path("/x/db", 3) == "/x/db/shard-03");
}

TEST_CASE("stub files are read as Xapian writes them, and bad lines are named", "[shards]") {
    Dir d("stub");
    write(d.path / "s" / "XAPIANDB", "# a comment\n\nauto shard-00\nglass /abs/db\r\nremote 10.0.0.2:7000\nremote :xapian-progsrv /srv/db\n");
    REQUIRE(shards::stub_file((d.path / "s").string()) == (d.path / "s" / "XAPIANDB").string());
    CHECK(shards::stub_file((d.path / "s" / "XAPIANDB").string()));
    CHECK_FALSE(shards::stub_file((d.path / "nothing").string()));
    const std::vector<shards::Entry> e = shards::read_stub((d.path / "s" / "XAPIANDB").string());
    REQUIRE(e.size() == 4);
    CHECK(e[0].kind == shards::Entry::Kind::Local);
    CHECK(e[0].path == (d.path / "s" / "shard-00").string());
    CHECK(e[0].line == 3);
    CHECK(e[1].path == "/abs/db");
    CHECK(e[2].kind == shards::Entry::Kind::Remote);
    CHECK(e[2].name() == "tcp://10.0.0.2:7000");
    CHECK(e[3].kind == shards::Entry::Kind::Program);
    CHECK(e[3].program == "xapian-progsrv");
    CHECK(e[3].args == "/srv/db");
    for (const char* bad : {"remote nowhere\n", "remote host:0\n", "remote host:70000\n", "flint x\n", "auto\n", "inmemory\n", "# empty\n"}) {
        write(d.path / "bad.stub", bad);
        CHECK_THROWS_AS(shards::read_stub((d.path / "bad.stub").string()), shards::StubError);
    }
    write(d.path / "bad.stub", "auto a\nremote nowhere\n");
    CHECK_THROWS_WITH(shards::read_stub((d.path / "bad.stub").string()), Catch::Contains("bad.stub:2"));
    CHECK(shards::parse_tcp("tcp://h.example:7000")->port == 7000);
    CHECK_FALSE(shards::parse_tcp("/var/db"));
    CHECK_THROWS_AS(shards::parse_tcp("tcp://h.example"), shards::StubError);
    // A stub with a remote line is not news-index's to write into.
    CHECK_THROWS_AS(shards::local_shards((d.path / "s").string()), shards::StubError);
    shards::write_stub((d.path / "w").string(), 2);
    CHECK(shards::local_shards((d.path / "w").string()) ==
          std::vector<std::string>{(d.path / "w" / "shard-00").string(), (d.path / "w" / "shard-01").string()});
    CHECK_FALSE(shards::local_shards((d.path / "s" / "shard-00").string()));
}

TEST_CASE("news-index --shards: each article in its id's shard, copies across shards, later runs, prune and delete", "[shards][pipeline]") {
    Dir d("run");
    // 30 articles; two of them one wire story (the same text, two outlets, one day apart).
    const std::string story =
        "The port authority approved a budget of 41 million dollars for the north pier on Tuesday, after a vote of 7 to 2. "
        "Harbor commissioner Lena Marsh said the dredging would start in June and finish before the winter storms. "
        "Tug operators had asked for the work since 2019, when two freighters grounded near the breakwater. "
        "The authority will borrow 12 million dollars and take the rest from its reserves, the finance office said.";
    for (int i = 0; i < 28; ++i)
        write(d.path / "in" / ("a" + std::to_string(i) + ".txt"),
              "Title: Pier report " + std::to_string(i) + "\nDate: 2024-03-0" + std::to_string(1 + i % 9) + "\n\nCranes number " +
                  std::to_string(i) + " idle while running tugs wait; the harbour board counted " + std::to_string(i * 3) + " ships.\n");
    write(d.path / "in" / "wire.jsonl",
          R"({"id": "wire-1", "title": "Pier budget approved", "source": "Coast Wire", "date": "2024-05-07", "text": ")" + story +
              "\"}\n" + R"({"id": "wire-2", "title": "Pier budget approved", "source": "Bay Daily", "date": "2024-05-08", "text": ")" +
              story + "\"}\n");
    REQUIRE(shards::shard_of("wire-1", 3) != shards::shard_of("wire-2", 3));  // (copies in two shards)
    const fs::path db = d.path / "sh";
    IndexSummary s = index_into(db, d.path / "in", 3);
    CHECK(s.db_articles == 30);
    const std::vector<std::string> shard_dirs = *shards::local_shards(db.string());
    REQUIRE(shard_dirs.size() == 3);
    std::set<std::string> all;
    for (std::size_t k = 0; k < 3; ++k)
        for (const std::string& id : ids_of(shard_dirs[k])) {
            CHECK(shards::shard_of(id, 3) == k);
            CHECK(all.insert(id).second);
        }
    CHECK(all.size() == 30);
    // Both wire copies in one cluster, wherever they went.
    std::set<std::string> clusters;
    for (const std::string& p : shard_dirs) {
        Xapian::Database one(p);
        for (auto v = one.valuestream_begin(schema::kCopySlot); v != one.valuestream_end(schema::kCopySlot); ++v) clusters.insert(*v);
        // The clusters' metadata copy, as a remote shard serves them: the value stream's.
        const std::optional<copies::Table> table = copies::read_table(one);
        REQUIRE(table);
        CHECK(table->members == copies::read_values(one).members);
        CHECK(table->ids == copies::read_values(one).ids);
        // The stem table's copy in metadata, as a remote shard serves it: "running" under "run".
        if (one.get_termfreq("running")) CHECK(one.get_metadata(std::string(schema::kMetaStemPrefix) + "run").find("running") != std::string::npos);
        for (auto k = one.synonym_keys_begin("Z"); k != one.synonym_keys_end("Z"); ++k)
            CHECK_FALSE(one.get_metadata(std::string(schema::kMetaStemPrefix) + (*k).substr(1)).empty());
    }
    CHECK(clusters.size() == 1);
    search::Searcher searcher({db.string()});
    CHECK(searcher.size() == 30);
    CHECK(searcher.ids_in_several_shards(10).empty());
    search::SearchOptions o;
    o.collapse = false;
    CHECK(searcher.run("running", o).total == 28);  // (stems through the shards' tables)
    o.collapse = true;
    o.limit = 100;
    CHECK(searcher.run("pier budget", o).hits.size() == 1);  // (one of the two copies)

    // A second run: unchanged; another number of shards is refused.
    s = index_into(db, d.path / "in", 0);
    CHECK(s.unchanged == 29);  // (files)
    CHECK(s.articles == 0);
    CHECK_THROWS_AS(index_into(db, d.path / "in", 2), DatabaseError);
    // A later run (no bulk build) adds a third copy: one cluster over the shards still.
    write(d.path / "in" / "wire3.jsonl",
          R"({"id": "wire-3", "title": "Pier budget approved", "source": "Gulf Post", "date": "2024-05-08", "text": ")" + story + "\"}\n");
    s = index_into(db, d.path / "in", 0);
    CHECK(s.articles == 1);
    std::map<std::string, std::size_t> cluster_sizes;
    for (const std::string& p : shard_dirs) {
        Xapian::Database one(p);
        for (auto v = one.valuestream_begin(schema::kCopySlot); v != one.valuestream_end(schema::kCopySlot); ++v) ++cluster_sizes[*v];
    }
    CHECK(cluster_sizes == std::map<std::string, std::size_t>{{"wire-1", 3}});
    // --prune: a vanished file goes from its shard.
    fs::remove(d.path / "in" / "a5.txt");  // (one article)
    s = index_into(db, d.path / "in", 0, true);
    CHECK(s.pruned == 1);
    CHECK(s.db_articles == 30);
    // --delete finds an id in whichever shard holds it.
    const std::string victim = *ids_of(shard_dirs[1]).begin();
    std::ostringstream out, log;
    DeleteSummary del = run_delete(db.string(), {victim, "no-such-id"}, false, out, log);
    CHECK(del.deleted == 1);
    CHECK(del.unknown == 1);
    CHECK(del.db_articles == 29);
    CHECK(ids_of(shard_dirs[1]).count(victim) == 0);
    // Into a folder of one database, --shards is refused.
    index_into(d.path / "plain", d.path / "in", 0);
    CHECK_THROWS_AS(index_into(d.path / "plain", d.path / "in", 3), DatabaseError);
}

TEST_CASE("the clusters' metadata copy: absent, stale or damaged is none", "[shards][copies]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    CHECK_FALSE(copies::read_table(db));
    for (int i = 0; i < 4; ++i) {
        Xapian::Document doc;
        if (i != 1) doc.add_value(schema::kCopySlot, i < 3 ? "story-a" : "story-b");
        db.add_document(doc);
    }
    copies::store_table_for_next_commit(db);
    const std::optional<copies::Table> t = copies::read_table(db);
    REQUIRE(t);
    CHECK(t->ids == std::vector<std::string>{"story-a", "story-b"});
    CHECK(t->members == std::vector<std::pair<Xapian::docid, std::uint32_t>>{{1, 0}, {3, 0}, {4, 1}});
    db.add_document(Xapian::Document());  // (written for another last docid: stale)
    CHECK_FALSE(copies::read_table(db));
    copies::store_table_for_next_commit(db);
    CHECK(copies::read_table(db));
    const std::string bytes = db.get_metadata(schema::kMetaCopies);
    for (std::size_t cut = 0; cut < bytes.size(); ++cut) {
        db.set_metadata(schema::kMetaCopies, bytes.substr(0, cut));
        CHECK_FALSE(copies::read_table(db));
    }
}

TEST_CASE("a remote shard (xapian-progsrv): stems from its metadata, and one written before remote search is refused", "[shards]") {
    const char* progsrv = "/usr/bin/xapian-progsrv";
    if (!fs::exists(progsrv)) {
        WARN("xapian-progsrv is not installed (Debian: xapian-tools): skipped");
        return;
    }
    Dir d("remote");
    for (int i = 0; i < 6; ++i)
        write(d.path / "in" / ("a" + std::to_string(i) + ".txt"),
              "Title: Dock " + std::to_string(i) + "\n\nThe cranes were " + (i % 2 ? "running" : "idle") + " at berth " +
                  std::to_string(i) + " when the pilots said the tide runs high.\n");
    const fs::path db = d.path / "one";
    index_into(db, d.path / "in", 0);
    write(d.path / "prog.stub", std::string("remote :") + progsrv + " " + db.string() + "\n");
    search::SearchOptions o;
    o.collapse = false;
    {
        search::Searcher local({db.string()}), remote({(d.path / "prog.stub").string()});
        CHECK(remote.any_remote());
        CHECK_FALSE(local.any_remote());
        for (const char* q : {"run", "running", "cranes", "\"the tide\""}) {
            const search::Results a = local.run(q, o), b = remote.run(q, o);
            CHECK(a.total == b.total);
            REQUIRE(a.hits.size() == b.hits.size());
            for (std::size_t i = 0; i < a.hits.size(); ++i) {
                CHECK(a.hits[i].article.id == b.hits[i].article.id);
                CHECK(a.hits[i].score == Approx(b.hits[i].score).epsilon(1e-12));
            }
        }
        CHECK(remote.run("run", o).total == 6);  // (run, running, runs: through the stem table's copy)
    }
    {
        Xapian::WritableDatabase w(db.string(), Xapian::DB_OPEN);
        w.set_metadata(schema::kMetaRemoteTables, "");
        w.commit();
    }
    CHECK_THROWS_WITH(search::Searcher({(d.path / "prog.stub").string()}), Catch::Contains("older than remote search"));
    CHECK_NOTHROW(search::Searcher({db.string()}));  // (locally it is searched as before)
}
