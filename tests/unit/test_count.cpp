/// @file
/// @brief Counting on the posting lists (searcher/count.h) gives Xapian's exact count.
#include "searcher/count.h"

#include "common/doc_lengths.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <random>
#include <unistd.h>
#include <string>
#include <vector>

using Q = Xapian::Query;
using news::search::count_on_postings;
using news::search::ranking_reads_every_match;

namespace {

/// Xapian's own count: every match counted by the matcher.
Xapian::doccount matcher_count(const Xapian::Database& db, const Q& q) {
    Xapian::Enquire e(db);
    e.set_query(q);
    e.set_weighting_scheme(Xapian::BoolWeight());
    Xapian::MSet m = e.get_mset(0, 0, db.get_doccount());
    REQUIRE(m.get_matches_lower_bound() == m.get_matches_upper_bound());
    return m.get_matches_lower_bound();
}

Xapian::Database random_db(unsigned seed, Xapian::doccount n) {
    Xapian::WritableDatabase db = Xapian::InMemory::open();
    std::mt19937 rnd(seed);
    // Words of every frequency: "w0" in half the documents, "w7" in 1/128 of them.
    for (Xapian::doccount d = 0; d < n; ++d) {
        Xapian::Document doc;
        for (int w = 0; w < 8; ++w)
            if (rnd() % (2u << w) == 0) doc.add_term("w" + std::to_string(w));
        doc.add_term("Q" + std::to_string(d));
        db.add_document(doc);
    }
    return db;
}

}  // namespace

TEST_CASE("counting on posting lists gives the matcher's count", "[count]") {
    Xapian::Database one = random_db(1, 3000);
    Xapian::Database shards;  // two shards: interleaved docids
    shards.add_database(random_db(2, 1000));
    shards.add_database(random_db(3, 1700));
    const std::vector<Q> queries = {
        Q("w0"), Q("w7"), Q("nosuchword"), Q::MatchAll, Q::MatchNothing,
        Q(Q::OP_SYNONYM, Q("w3"), Q("w5")),
        Q(Q::OP_OR, Q("w6"), Q("w7")),
        Q(Q::OP_AND, Q("w0"), Q("w1")),
        Q(Q::OP_AND, Q(Q::OP_AND, Q("w0"), Q("w1")), Q("w2")),
        Q(Q::OP_AND, Q(Q::OP_SYNONYM, Q("w2"), Q("w6")), Q(Q::OP_OR, Q("w1"), Q("w4"))),
        Q(Q::OP_AND_NOT, Q("w0"), Q("w1")),
        Q(Q::OP_AND_NOT, Q::MatchAll, Q("w0")),
        Q(Q::OP_AND_NOT, Q(Q::OP_AND_NOT, Q("w0"), Q("w1")), Q(Q::OP_OR, Q("w2"), Q("w3"))),
        Q(Q::OP_AND_MAYBE, Q("w2"), Q("w0")),
        Q(Q::OP_FILTER, Q("w1"), Q("w3")),
        Q(Q::OP_OR, Q(Q::OP_AND, Q("w1"), Q("w2")), Q(Q::OP_AND_NOT, Q("w3"), Q("w0"))),
        Q(Q::OP_AND, Q("w0"), Q("nosuchword")),
        Q(2.0, Q("w4")),
    };
    for (const Xapian::Database* db : {&one, &shards})
        for (const Q& q : queries) {
            CAPTURE(q.get_description(), db->get_doccount());
            const Xapian::doccount want = matcher_count(*db, q);
            REQUIRE(count_on_postings(*db, q, db->get_doccount() + 1) == std::optional(want));
            // Stopping early: the count, or stop_at when there are at least that many.
            for (Xapian::doccount stop : {1u, 10u, 500u})
                CHECK(count_on_postings(*db, q, stop) == std::optional(std::min(want, stop)));
        }
}

TEST_CASE("what the posting lists cannot count is left to the matcher", "[count]") {
    Xapian::Database db = random_db(1, 100);
    CHECK_FALSE(count_on_postings(db, Q(Q::OP_PHRASE, Q("w0"), Q("w1")), 10));
    CHECK_FALSE(count_on_postings(db, Q(Q::OP_AND, Q("w0"), Q(Q::OP_NEAR, Q("w0"), Q("w1"))), 10));
    CHECK_FALSE(count_on_postings(db, Q(Q::OP_WILDCARD, "w"), 10));
    CHECK_FALSE(count_on_postings(db, Q(Q::OP_VALUE_GE, 0, "a"), 10));
}

TEST_CASE("ANDs and phrases are counted by the ranked pass, words and ORs after it", "[count]") {
    CHECK(ranking_reads_every_match(Q(Q::OP_AND, Q("a"), Q("b"))));
    CHECK(ranking_reads_every_match(Q(Q::OP_PHRASE, Q("a"), Q("b"))));
    CHECK(ranking_reads_every_match(Q(Q::OP_NEAR, Q("a"), Q("b"))));
    CHECK(ranking_reads_every_match(Q(Q::OP_AND_NOT, Q(Q::OP_AND, Q("a"), Q("b")), Q("c"))));
    CHECK(ranking_reads_every_match(Q(Q::OP_AND_MAYBE, Q(Q::OP_FILTER, Q("a"), Q("b")), Q("c"))));
    CHECK_FALSE(ranking_reads_every_match(Q("a")));
    CHECK_FALSE(ranking_reads_every_match(Q(Q::OP_SYNONYM, Q("a"), Q("b"))));
    CHECK_FALSE(ranking_reads_every_match(Q(Q::OP_OR, Q(Q::OP_AND, Q("a"), Q("b")), Q("c"))));
    CHECK_FALSE(ranking_reads_every_match(Q(Q::OP_AND_NOT, Q("a"), Q(Q::OP_AND, Q("b"), Q("c")))));
    CHECK_FALSE(ranking_reads_every_match(Q(Q::OP_WILDCARD, "a")));
}

namespace {

// Documents of the words of two stems and a few others, news-index's blocks (for terms of
// 300 documents or more) stored for the revision committed.
void fill_with_blocks(const std::string& path, int docs, unsigned seed) {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
    std::mt19937 rnd(seed);
    const std::vector<std::string> words = {"bank", "banks", "banking", "bank's", "rate", "rates", "rated", "gold", "oil"};
    for (int d = 0; d < docs; ++d) {
        Xapian::Document doc;
        for (std::size_t i = 0, len = 1 + rnd() % 6; i < len; ++i)
            doc.add_posting(words[rnd() % words.size()], static_cast<Xapian::termpos>(i + 1));
        db.add_document(doc);
    }
    for (const char* w : {"bank", "banks", "banking", "bank's"}) db.add_synonym("Zbank", w);
    for (const char* w : {"rate", "rates", "rated"}) db.add_synonym("Zrate", w);
    news::doclengths::store_for_next_commit(db, 300);
    db.commit();
}

Q group(const std::vector<std::string>& words) {
    std::vector<Q> subs;
    for (const std::string& w : words) subs.emplace_back(w);
    return Q(Q::OP_SYNONYM, subs.begin(), subs.end());
}

}  // namespace

TEST_CASE("a word's or a stem group's count from its term frequency or its blocks", "[count]") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("news-count-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    fill_with_blocks((dir / "a").string(), 3000, 1);
    fill_with_blocks((dir / "b").string(), 1300, 2);
    std::vector<Xapian::Database> shards{Xapian::Database((dir / "a").string()), Xapian::Database((dir / "b").string())};
    Xapian::Database both;
    for (const auto& s : shards) both.add_database(s);
    for (std::size_t n : {1, 2}) {
        const std::vector<Xapian::Database> some(shards.begin(), shards.begin() + static_cast<long>(n));
        Xapian::Database db;
        for (const auto& s : some) db.add_database(s);
        news::search::DocLengths lengths(some);
        const Q bank = group({"bank", "banks", "banking", "bank's"}), rate = group({"rated", "rate", "rates"});
        REQUIRE(lengths.blocks_at(some[0], news::doclengths::group_blocks_key({"bank", "banks", "banking", "bank's"})));
        for (const Q& q : {bank, rate, Q("gold"), Q("nosuchword")}) {
            CAPTURE(n, q.get_description());
            CHECK(news::search::count_word_or_group(some, lengths, q) == std::optional(matcher_count(db, q)));
        }
        // Not a stem: no blocks; a group this small is counted on its postings.
        const Q small = group({"gold", "oil"});
        const auto got = news::search::count_word_or_group(some, lengths, small);
        CHECK((!got || *got == matcher_count(db, small)));
        CHECK_FALSE(news::search::count_word_or_group(some, lengths, Q(Q::OP_OR, Q("gold"), Q("oil"))));
        CHECK_FALSE(news::search::count_word_or_group(some, lengths, Q(Q::OP_AND, Q("gold"), Q("oil"))));
    }
    fs::remove_all(dir);
}
