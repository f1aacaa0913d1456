/// @file
/// @brief Counting on the posting lists (searcher/count.h) gives Xapian's exact count.
#include "searcher/count.h"

#include <catch2/catch.hpp>

#include <random>
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
