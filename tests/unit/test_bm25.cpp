// Bm25Source weighs exactly as Xapian's BM25Weight: the same documents, in the same order,
// with the same weights, for single terms, synonym groups (Xapian's term frequency estimate),
// boolean combinations and shards, with the document lengths in memory or not.
#include "searcher/bm25.h"
#include "searcher/ranking.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <string>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using news::search::Bm25Source;
using news::search::DocLengths;
using news::search::with_bm25_sources;
using Q = Xapian::Query;

namespace {

struct TempDb {
    fs::path path;
    explicit TempDb(const std::string& name)
        : path(fs::temp_directory_path() / ("news-bm25-" + std::to_string(::getpid()) + "-" + name)) {
        fs::remove_all(path);
    }
    ~TempDb() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

const std::vector<std::string> kWords = {"bank", "banks", "banking", "bank's", "rate", "rates", "rated", "oil",
                                         "crude", "price", "prices", "gold", "silver", "trade", "deficit", "the"};

// Documents of 3 to 80 words drawn unevenly from kWords (deterministic); @p skip never appears.
void fill(const fs::path& path, int docs, std::uint32_t seed, const std::string& skip = "") {
    Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    std::uint32_t x = seed;
    auto rnd = [&x] { return x = x * 1664525u + 1013904223u, x >> 8; };
    for (int d = 0; d < docs; ++d) {
        Xapian::Document doc;
        std::size_t len = 3 + rnd() % 78;
        for (std::size_t i = 0; i < len; ++i) {
            std::size_t w = rnd() % kWords.size();
            if (rnd() % 3 == 0) w = w % 5;  // bank..rate more common
            if (kWords[w] == skip) continue;
            doc.add_posting(kWords[w], static_cast<Xapian::termpos>(i + 1));
            if (i < 4) doc.add_posting("S" + kWords[w], static_cast<Xapian::termpos>(i + 1));  // a title
        }
        doc.add_boolean_term("Q" + std::to_string(d));
        db.add_document(doc);
    }
    // The stem table, as news-index writes it: stem key -> the words.
    for (const char* w : {"bank", "banks", "banking", "bank's"}) db.add_synonym("Zbank", w);
    for (const char* w : {"rate", "rates", "rated"}) db.add_synonym("Zrate", w);
    db.commit();
}

std::vector<std::pair<Xapian::docid, double>> run(const Xapian::Database& db, const Q& q,
                                                   const news::search::Bm25Params& p = {}) {
    Xapian::Enquire e(db);
    e.set_query(q);
    e.set_weighting_scheme(Xapian::BM25Weight(p.k1, 0, 1, p.b, p.min_normlen));
    Xapian::MSet m = e.get_mset(0, 60);
    std::vector<std::pair<Xapian::docid, double>> out;
    for (auto it = m.begin(); it != m.end(); ++it) out.emplace_back(*it, it.get_weight());
    return out;
}

Q terms(Q::op op, std::initializer_list<const char*> ts) {
    std::vector<Q> v;
    for (const char* t : ts) v.emplace_back(t);
    return Q(op, v.begin(), v.end());
}

Q near(std::initializer_list<const char*> ts, Xapian::termcount window) {
    std::vector<Q> v;
    for (const char* t : ts) v.emplace_back(t);
    return Q(Q::OP_NEAR, v.begin(), v.end(), window);
}

std::vector<Q> queries() {
    Q bank = terms(Q::OP_SYNONYM, {"bank", "banks", "banking", "bank's"});
    Q rate = terms(Q::OP_SYNONYM, {"rate", "rates", "rated"});
    return {
        Q("oil"),
        Q("silver"),
        bank,
        rate,
        Q(Q::OP_AND, bank, rate),
        Q(Q::OP_OR, bank, Q("gold")),
        Q(Q::OP_OR, terms(Q::OP_SYNONYM, {"price", "prices"}), terms(Q::OP_SYNONYM, {"gold", "silver"})),
        Q(Q::OP_AND_NOT, Q("oil"), Q("crude")),
        Q(Q::OP_AND_MAYBE, Q("trade"), Q("deficit")),
        Q(Q::OP_FILTER, rate, Q("Q7")),
        Q(Q::OP_AND, Q(Q::OP_PHRASE, Q("crude"), Q("oil")), Q("prices")),
        Q(Q::OP_PHRASE, Q("trade"), Q("deficit")),
        terms(Q::OP_PHRASE, {"the", "bank", "the"}),  // a word twice
        near({"gold", "silver"}, 4),
        Q(Q::OP_OR, Q(Q::OP_PHRASE, Q("oil"), Q("price")), Q("gold")),
        terms(Q::OP_AND, {"trade", "gold", "oil"}),
        Q(Q::OP_AND, rate, terms(Q::OP_SYNONYM, {"price", "prices"})),
        Q(Q::OP_OR, terms(Q::OP_AND, {"gold", "silver"}), terms(Q::OP_AND, {"oil", "crude"})),
        Q(Q::OP_AND_NOT, terms(Q::OP_AND, {"bank", "rate"}), Q("oil")),
        terms(Q::OP_SYNONYM, {"gold", "gold"}),                            // not disjoint: Xapian's
        terms(Q::OP_SYNONYM, {"silver", "nosuchword"}),
        Q("the"),
    };
}

// The collection statistics Bm25Source weighs with, as news-search fills them.
std::shared_ptr<Bm25Source::Shared> stats_of(const Xapian::Database& db) {
    auto shared = std::make_shared<Bm25Source::Shared>();
    shared->collection_size = db.get_doccount();
    shared->average_length = db.get_avlength();
    return shared;
}

// Wildcards: Xapian expands them per shard and, over shards, weighs each word with the first
// shard's frequency; Bm25Source expands over all shards and uses the whole frequency. So
// they are compared on one database only.
std::vector<Q> wildcards() {
    return {
        Q(Q::OP_WILDCARD, "ban", 1000, Q::WILDCARD_LIMIT_MOST_FREQUENT),  // a synonym group, as the parser asks
        Q(Q::OP_WILDCARD, "ra", 0, Q::WILDCARD_LIMIT_ERROR, Q::OP_OR),    // an OR of terms
        Q(Q::OP_AND, Q(Q::OP_WILDCARD, "pri"), Q("oil")),
    };
}

// Each query as Xapian's defaults weigh it, and shaped by news-search's ranking (RankParams:
// its BM25 parameters, the title's and proximity's scaled weights), which the sources' bounds
// (blocks skipped) must follow.
void same_results(const Xapian::Database& db, const std::shared_ptr<DocLengths>& lengths, bool single_shard) {
    std::vector<Q> all = queries();
    if (single_shard)
        for (const Q& q : wildcards()) all.push_back(q);
    news::search::RankParams ranking;
    ranking.near = 0.3;
    ranking.window = 4;
    for (const bool shaped : {false, true}) {
        auto shared = stats_of(db);
        shared->single_shard = single_shard;
        shared->lengths = lengths;
        if (shaped) shared->params = news::search::Bm25Params{ranking.k1, ranking.b};
        for (const Q& plain : all) {
            const Q q = shaped ? news::search::shaped_for_ranking(plain, ranking) : plain;
            INFO(q.get_description());
            double needed = 0;
            Q weighed = with_bm25_sources(q, db, shared, needed);
            auto want = run(db, q, shared->params);
            auto got = run(db, weighed, shared->params);
            REQUIRE(!want.empty());
            REQUIRE(got.size() == want.size());
            for (std::size_t i = 0; i < want.size(); ++i) {
                CHECK(got[i].first == want[i].first);
                CHECK(std::abs(got[i].second - want[i].second) <= 1e-12 * std::max(1.0, want[i].second));
            }
        }
    }
}

}  // namespace

TEST_CASE("BM25 from Bm25Source ranks and weighs as Xapian's BM25Weight, one database") {
    TempDb a("one");
    fill(a.path, 700, 1);
    Xapian::Database db(a.path.string());
    auto lengths = std::make_shared<DocLengths>(std::vector<Xapian::Database>{db});
    SECTION("lengths looked up in Xapian") { same_results(db, lengths, true); }
    SECTION("lengths in memory") {
        lengths->load();
        REQUIRE(lengths->loaded());
        REQUIRE(lengths->find(db) != nullptr);
        CHECK(lengths->find(db)->at(5) == db.get_doclength(5));
        same_results(db, lengths, true);
    }
    SECTION("term frequencies asked of the shard again") { same_results(db, lengths, false); }
}

TEST_CASE("BM25 from Bm25Source with news-index's blocks skips blocks and still ranks as Xapian") {
    TempDb a("blocks");
    fill(a.path, 2500, 8);
    {
        Xapian::WritableDatabase w(a.path.string());
        news::doclengths::store_for_next_commit(w, 300);  // blocks for the common words
        w.commit();
    }
    Xapian::Database db(a.path.string());
    REQUIRE(db.get_termfreq("bank") >= 300);
    REQUIRE(news::doclengths::decode_blocks(db.get_metadata(news::doclengths::blocks_key("bank")), db.get_revision()));
    auto lengths = std::make_shared<DocLengths>(std::vector<Xapian::Database>{db});
    REQUIRE(lengths->blocks(db, "bank") != nullptr);
    CHECK(lengths->blocks(db, "nosuchword") == nullptr);
    // A stem's words as one list, whatever their order.
    REQUIRE(lengths->blocks_at(db, news::doclengths::group_blocks_key({"banks", "bank's", "bank", "banking"})) != nullptr);
    CHECK(news::doclengths::group_blocks_key({"rates", "rate", "rated"}) ==
          news::doclengths::group_blocks_key({"rate", "rated", "rates"}));
    CHECK(news::doclengths::group_blocks_key({"rate", "rates"}) != news::doclengths::group_blocks_key({"rate", "rated"}));
    const std::size_t before = Bm25Source::blocks_skipped();
    SECTION("lengths looked up in Xapian") { same_results(db, lengths, true); }
    SECTION("lengths in memory") {
        lengths->load();
        same_results(db, lengths, true);
    }
    CHECK(Bm25Source::blocks_skipped() > before);
}

TEST_CASE("BM25 from Bm25Source ranks and weighs as Xapian's BM25Weight, over shards") {
    // Uneven shards, one without "silver": the synonym estimate is built per shard.
    TempDb a("s1"), b("s2");
    fill(a.path, 500, 2);
    fill(b.path, 170, 3, "silver");
    Xapian::Database s1(a.path.string()), s2(b.path.string());
    Xapian::Database both;
    both.add_database(s1);
    both.add_database(s2);
    auto lengths = std::make_shared<DocLengths>(std::vector<Xapian::Database>{s1, s2});
    SECTION("lengths looked up in Xapian") { same_results(both, lengths, false); }
    SECTION("lengths in memory") {
        lengths->load();
        same_results(both, lengths, false);
    }
}

TEST_CASE("document lengths read for one revision are not used for the next") {
    TempDb a("rev");
    fill(a.path, 50, 4);
    Xapian::Database db(a.path.string());
    DocLengths lengths({db});
    CHECK(!lengths.loaded());
    CHECK(lengths.find(db) == nullptr);
    lengths.load();
    REQUIRE(lengths.find(db) != nullptr);
    CHECK(lengths.find(db)->size() == 51);
    {
        Xapian::WritableDatabase w(a.path.string());
        Xapian::Document doc;
        for (int i = 0; i < 9; ++i) doc.add_posting("gold", static_cast<Xapian::termpos>(i + 1));
        w.replace_document(3, doc);  // same docid, another length
        w.commit();
    }
    db.reopen();
    CHECK(!lengths.loaded());
    CHECK(lengths.find(db) == nullptr);  // stale: Bm25Source asks Xapian instead
    lengths.load();
    REQUIRE(lengths.find(db) != nullptr);
    CHECK(lengths.find(db)->at(3) == 9);
}

TEST_CASE("a synonym group's term frequency is Xapian's estimate") {
    // Two words: l + r - l*r/N, rounded.
    CHECK(Bm25Source::synonym_termfreq({100, 50}, {100, 50}, 1000, 1000) == 145);
    // Three: the two rarest first (5 and 10 -> 15), then with 400: 400 + 15 - 6 = 409.
    CHECK(Bm25Source::synonym_termfreq({400, 10, 5}, {400, 10, 5}, 1000, 1000) == 409);
    // The order of the pairs shows in the rounding: the rarest (235, 739) first gives 964;
    // the shard's own frequencies choose the pairs, so where 822 and 739 are its rarest, 965.
    CHECK(Bm25Source::synonym_termfreq({739, 822, 235}, {739, 822, 235}, 1000, 1000) == 964);
    CHECK(Bm25Source::synonym_termfreq({739, 822, 235}, {20, 10, 300}, 1000, 1000) == 965);
}

TEST_CASE("the lengths a query will look up: the postings of an OR, the rarest side of an AND") {
    TempDb a("needed");
    fill(a.path, 300, 5);
    Xapian::Database db(a.path.string());
    auto shared = stats_of(db);
    auto needed = [&](const Q& q) {
        double n = -1;
        (void)with_bm25_sources(q, db, shared, n);
        return n;
    };
    const double oil = db.get_termfreq("oil"), gold = db.get_termfreq("gold"), silver = db.get_termfreq("silver");
    REQUIRE(oil > 0);
    CHECK(needed(Q("oil")) == oil);
    CHECK(needed(Q(Q::OP_OR, Q("oil"), Q("gold"))) == oil + gold);  // each weighs all its own
    CHECK(needed(Q(Q::OP_AND, Q("oil"), Q("gold"))) == 2 * std::min(oil, gold));
    CHECK(needed(terms(Q::OP_SYNONYM, {"gold", "silver"})) == std::min(gold + silver, 300.0));
    CHECK(needed(Q(Q::OP_AND_NOT, Q("oil"), Q("gold"))) == oil);
    // A phrase is weighed as the AND of its words (and only checked as a phrase).
    const double crude = db.get_termfreq("crude"), phrase = std::min(crude, oil);
    CHECK(needed(Q(Q::OP_PHRASE, Q("crude"), Q("oil"))) == 2 * phrase);
    const double both = std::min(phrase, gold);
    CHECK(needed(Q(Q::OP_AND, Q(Q::OP_PHRASE, Q("crude"), Q("oil")), Q("gold"))) == std::min(2 * phrase, both) + both);
    CHECK(needed(Q(Q::OP_WILDCARD, "go")) == std::min(gold + db.get_termfreq("go"), 300.0));  // gold (a group)
    CHECK(needed(Q(Q::OP_WILDCARD, "zz")) == 0);  // no such words: Xapian's own
}

#include "common/doc_lengths.h"
#include "common/schema.h"

TEST_CASE("packed blocks belong to one revision and bound every posting of their term") {
    namespace dl = news::doclengths;
    const std::vector<dl::Block> blocks = {{5, 3, 10}, {9000, 1, 200}, {9001, 70000, 1}};
    const std::string bytes = dl::encode_blocks(4, blocks);
    auto back = dl::decode_blocks(bytes, 4);
    REQUIRE(back);
    REQUIRE(back->size() == 3);
    CHECK((*back)[1].last == 9000);
    CHECK((*back)[2].max_wdf == 70000);
    CHECK((*back)[2].min_length == 1);
    CHECK_FALSE(dl::decode_blocks(bytes, 5));
    CHECK_FALSE(dl::decode_blocks(bytes.substr(0, bytes.size() - 1), 4));
    CHECK_FALSE(dl::decode_blocks(bytes + "x", 4));

    TempDb a("blockread");
    fill(a.path, 400, 9);
    Xapian::Database db(a.path.string());
    const auto lengths = dl::read_from_postlists(db);
    const auto bank = dl::read_blocks(db, "bank", lengths);
    REQUIRE(bank.size() == (db.get_termfreq("bank") + dl::kBlockPostings - 1) / dl::kBlockPostings);
    std::size_t k = 0, n = 0;
    Xapian::docid last = 0;
    for (auto it = db.postlist_begin("bank"); it != db.postlist_end("bank"); ++it, ++n) {
        if (*it > bank[k].last) ++k;
        REQUIRE(k < bank.size());
        CHECK(it.get_wdf() <= bank[k].max_wdf);
        CHECK(lengths[*it] >= bank[k].min_length);
        last = *it;
    }
    CHECK(bank.back().last == last);
    CHECK(n == db.get_termfreq("bank"));

    // A group's blocks bound each document's summed wdf (capped by its length).
    const std::vector<std::string> words = {"rate", "rates", "rated"};
    const auto group = dl::read_group_blocks(db, words, lengths);
    Xapian::Enquire e(db);
    e.set_query(terms(Q::OP_OR, {"rate", "rates", "rated"}));
    Xapian::MSet all = e.get_mset(0, db.get_doccount());
    std::vector<Xapian::docid> docs(all.begin(), all.end());
    std::sort(docs.begin(), docs.end());
    REQUIRE(group.size() == (docs.size() + dl::kBlockPostings - 1) / dl::kBlockPostings);
    k = 0;
    for (Xapian::docid d : docs) {
        if (d > group[k].last) ++k;
        REQUIRE(k < group.size());
        Xapian::termcount sum = 0;
        for (const std::string& w : words) {
            auto it = db.postlist_begin(w);
            it.skip_to(d);
            if (it != db.postlist_end(w) && *it == d) sum += it.get_wdf();
        }
        CHECK(std::min(sum, lengths[d]) <= group[k].max_wdf);
        CHECK(lengths[d] >= group[k].min_length);
    }
    CHECK(group.back().last == docs.back());
}

TEST_CASE("packed document lengths belong to one revision and one last docid") {
    namespace dl = news::doclengths;
    const std::vector<Xapian::termcount> lengths = {0, 3, 0, 127, 128, 70000, 1};
    const std::string bytes = dl::encode(7, lengths);
    CHECK(dl::decode(bytes, 7, 6) == lengths);
    CHECK_FALSE(dl::decode(bytes, 8, 6));  // another revision: stale
    CHECK_FALSE(dl::decode(bytes, 7, 5));
    CHECK_FALSE(dl::decode(bytes.substr(0, bytes.size() - 1), 7, 6));  // cut short
    CHECK_FALSE(dl::decode(bytes + "x", 7, 6));
    CHECK_FALSE(dl::decode("", 7, 6));
    CHECK(dl::decode(dl::encode(1, {0}), 1, 0) == std::vector<Xapian::termcount>{0});
}

TEST_CASE("the search reads the packed lengths of the revision it has open, else Xapian's") {
    TempDb a("packed");
    fill(a.path, 80, 6);
    {
        Xapian::WritableDatabase w(a.path.string());
        news::doclengths::store_for_next_commit(w);
        w.commit();
    }
    Xapian::Database db(a.path.string());
    const auto want = news::doclengths::read_from_postlists(db);
    REQUIRE(want.size() == 81);
    REQUIRE(news::doclengths::decode(db.get_metadata(news::schema::kMetaDocLengths), db.get_revision(),
                                     db.get_lastdocid()) == want);
    {
        DocLengths lengths({db});
        CHECK(lengths.load(/*packed_only=*/true));
        CHECK(*lengths.find(db) == want);
    }
    // A commit that does not store them again (another program's) leaves them stale.
    {
        Xapian::WritableDatabase w(a.path.string());
        Xapian::Document doc;
        doc.add_posting("gold", 1);
        w.replace_document(2, doc);
        w.commit();
    }
    db.reopen();
    DocLengths lengths({db});
    CHECK_FALSE(lengths.load(/*packed_only=*/true));
    CHECK(lengths.find(db) == nullptr);
    CHECK(lengths.load());
    CHECK(lengths.find(db)->at(2) == 1);
}

TEST_CASE("skip_to lands on the first document at or after the target, however light") {
    // An AND leapfrogs: walking on past light documents from there would read every posting.
    TempDb a("skip");
    fill(a.path, 200, 7);
    Xapian::Database db(a.path.string());
    auto shared = stats_of(db);
    Bm25Source s({"gold"}, {db.get_termfreq("gold")}, shared);
    s.init(db);
    Xapian::docid want = 0;
    for (auto it = db.postlist_begin("gold"); it != db.postlist_end("gold"); ++it)
        if (*it >= 100) {
            want = *it;
            break;
        }
    REQUIRE(want != 0);
    s.skip_to(100, 1e9);
    CHECK(s.get_docid() == want);
    s.next(1e9);  // next() may pass over what cannot make the results: here, everything
    CHECK(s.at_end());
}
