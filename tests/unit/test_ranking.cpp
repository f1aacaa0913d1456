// The ranking's parameters, query-side stop words and the shape a query is ranked with
// (searcher/ranking.h): the shape never changes what matches, only the order.
#include "searcher/ranking.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <string>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using news::search::RankParams;
using Q = Xapian::Query;

namespace {

Q words(Q::op op, std::initializer_list<const char*> ts) {
    std::vector<Q> v;
    for (const char* t : ts) v.emplace_back(t);
    return Q(op, v.begin(), v.end());
}

Q of(Q::op op, const std::vector<Q>& subs) { return Q(op, subs.begin(), subs.end()); }

std::vector<Xapian::docid> ranked(const Xapian::Database& db, const Q& q, const RankParams& p) {
    Xapian::Enquire e(db);
    e.set_query(q);
    e.set_weighting_scheme(Xapian::BM25Weight(p.k1, 0, 1, p.b, 0.5));
    Xapian::MSet m = e.get_mset(0, 100);
    std::vector<Xapian::docid> out;
    for (auto it = m.begin(); it != m.end(); ++it) out.push_back(*it);
    return out;
}

}  // namespace

TEST_CASE("RankParams: defaults, a subset given, every parameter described and read back") {
    const RankParams d;
    CHECK(d.k1 == 1);  // Xapian's
    CHECK(d.b == 0.5);
    CHECK(d.title > 0);
    CHECK(d.near == 0);
    CHECK(d.stop_words);
    RankParams p = RankParams::parse("k1=1.2,b=0.75");
    CHECK(p.k1 == 1.2);
    CHECK(p.b == 0.75);
    CHECK(p.title == d.title);
    p = RankParams::parse("title=0,near=0.25,window=12,stop=0,");
    CHECK(p.title == 0);
    CHECK(p.near == 0.25);
    CHECK(p.window == 12);
    CHECK_FALSE(p.stop_words);
    const RankParams back = RankParams::parse(p.describe());
    CHECK(back.describe() == p.describe());
    CHECK(back.near == 0.25);
    CHECK(RankParams::parse("").describe() == d.describe());
}

TEST_CASE("RankParams: a bad item is named") {
    auto why = [](const char* spec) {
        try {
            (void)RankParams::parse(spec);
        } catch (const std::invalid_argument& e) {
            return std::string(e.what());
        }
        return std::string("(accepted)");
    };
    CHECK(why("k2=1").find("'k2': not a ranking parameter") != std::string::npos);
    CHECK(why("k1").find("'k1': expected name=value") != std::string::npos);
    CHECK(why("k1=-1").find("not a number >= 0") != std::string::npos);
    CHECK(why("k1=abc").find("'k1=abc'") != std::string::npos);
    CHECK(why("b=1.5").find("between 0 and 1") != std::string::npos);
    CHECK(why("window=2.5").find("whole number") != std::string::npos);
    CHECK(why("window=1").find("whole number") != std::string::npos);
    CHECK(why("stop=2").find("0 or 1") != std::string::npos);
}

TEST_CASE("Query-side stop words leave an OR list only, and only beside another word") {
    CHECK(news::search::is_stop_word("the"));
    CHECK(news::search::is_stop_word("what"));
    CHECK(news::search::is_stop_word("yourselves"));
    CHECK_FALSE(news::search::is_stop_word("us"));  // (U.S.)
    CHECK_FALSE(news::search::is_stop_word("flow"));
    CHECK_FALSE(news::search::is_stop_word(""));
    const Q be = words(Q::OP_SYNONYM, {"be", "being", "beings"});
    std::string dropped;
    Q q = news::search::without_stop_words(of(Q::OP_OR, {Q("what"), be, Q("flow"), Q("heat")}), &dropped);
    CHECK(q.get_description() == "Query((flow OR heat))");
    CHECK(dropped == "what be");
    // One word left: the word itself.
    CHECK(news::search::without_stop_words(words(Q::OP_OR, {"the", "flow"})).get_description() == "Query(flow)");
    // Only stop words: kept (the query means them).
    dropped.clear();
    CHECK(news::search::without_stop_words(words(Q::OP_OR, {"the", "who"}), &dropped).get_description() == "Query((the OR who))");
    CHECK(dropped.empty());
    // Beside a field clause only: kept (nothing else weighs).
    CHECK(news::search::without_stop_words(Q(Q::OP_OR, Q("the"), Q("Sflow"))).get_description() == "Query((the OR Sflow))");
    // AND and phrases: kept (leaving them out would change what matches).
    CHECK(news::search::without_stop_words(words(Q::OP_AND, {"the", "flow"})).get_description() == "Query((the AND flow))");
    CHECK(news::search::without_stop_words(words(Q::OP_PHRASE, {"the", "flow"})).get_description() ==
          "Query((the PHRASE 2 flow))");
    // An OR inside an AND: dropped there.
    CHECK(news::search::without_stop_words(Q(Q::OP_AND, words(Q::OP_OR, {"of", "flow"}), Q("heat"))).get_description() ==
          "Query((flow AND heat))");
}

TEST_CASE("The ranking's shape: title and proximity weights as scaled subqueries, the same matches") {
    const fs::path path = fs::temp_directory_path() / ("news-ranking-" + std::to_string(::getpid()));
    fs::remove_all(path);
    {
        Xapian::WritableDatabase w(path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
        // {title words} {body words}: the title's words are body words too, as news-index writes them.
        const std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> docs = {
            {{"oil"}, {"oil", "price", "falls", "as", "crude", "stocks", "grow"}},
            {{}, {"crude", "stocks", "grow", "while", "the", "oil", "price", "falls"}},
            {{}, {"oil", "wells", "and", "much", "later", "far", "away", "a", "price", "tag"}},
            {{}, {"gold", "price"}},
            {{}, {"nothing", "here"}},
        };
        for (const auto& [title, body] : docs) {
            Xapian::Document d;
            Xapian::termpos pos = 0;
            for (const std::string& t : title) d.add_posting("S" + t, ++pos);
            for (const std::string& t : body) d.add_posting(t, ++pos);
            w.add_document(d);
        }
        w.commit();
    }
    Xapian::Database db(path.string());
    RankParams p;
    p.title = 0.5;
    p.near = 0.5;
    p.window = 3;
    for (const Q& q : {words(Q::OP_OR, {"oil", "price"}), words(Q::OP_AND, {"oil", "price"}),
                       Q(Q::OP_AND, Q("oil"), words(Q::OP_SYNONYM, {"price", "prices"})),
                       Q(Q::OP_AND_NOT, words(Q::OP_OR, {"oil", "gold"}), Q("wells")), Q(Q::OP_PHRASE, Q("oil"), Q("price"))}) {
        INFO(q.get_description());
        const Q shaped = news::search::shaped_for_ranking(q, p);
        std::vector<Xapian::docid> a = ranked(db, q, p), b = ranked(db, shaped, p);
        CHECK(std::set<Xapian::docid>(a.begin(), a.end()) == std::set<Xapian::docid>(b.begin(), b.end()));
    }
    const Q oil_price = words(Q::OP_AND, {"oil", "price"});
    const std::string shaped = news::search::shaped_for_ranking(oil_price, p).get_description();
    CHECK(shaped.find("0.5 * Soil") != std::string::npos);
    CHECK(shaped.find("AND_MAYBE") != std::string::npos);
    CHECK(shaped.find("NEAR 3") != std::string::npos);
    // Documents 1 and 2 hold both words as often in as long a body: the title puts 1 first,
    // proximity (document 3 has them far apart) puts 2 before 3.
    std::vector<Xapian::docid> order = ranked(db, news::search::shaped_for_ranking(oil_price, p), p);
    REQUIRE(order.size() == 3);
    CHECK(order[0] == 1);
    CHECK(order[1] == 2);
    CHECK(order[2] == 3);
    // Without them: nothing to put 1 first, and 3 is not last for its distance.
    RankParams off = p;
    off.title = off.near = 0;
    CHECK(news::search::shaped_for_ranking(oil_price, off).get_description() == oil_price.get_description());
    // The words weighed, once each, not those only filtering.
    auto clauses = news::search::weighed_word_clauses(
        Q(Q::OP_FILTER, of(Q::OP_OR, {Q("oil"), words(Q::OP_SYNONYM, {"price", "prices"}), Q("oil"), Q("Sgold")}), Q("crude")));
    REQUIRE(clauses.size() == 2);
    CHECK(clauses[0] == std::vector<std::string>{"oil"});
    CHECK(clauses[1] == std::vector<std::string>{"price", "prices"});
    fs::remove_all(path);
}

TEST_CASE("A scaled query's factor is read back exactly") {
    for (double f : {0.2, 1.0 / 3, 0.0, 1e-9, 12.5}) CHECK(news::search::scale_factor(Q(f, Q("x"))) == f);
    CHECK_THROWS(news::search::scale_factor(Q("x")));
}
