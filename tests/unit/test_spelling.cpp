// "Did you mean" (searcher/spelling.h): edit distances, the typing model, the corrections a
// database's words give, and the query rewritten with them.
#include "searcher/spelling.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;
using news::search::code_points;
using news::search::edit_distance;

namespace {

int dist(const char* a, const char* b, int limit = 5) { return edit_distance(code_points(a), code_points(b), limit); }

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace

TEST_CASE("Edit distance: insertions, deletions, substitutions, swaps of neighbours; by code point; bounded") {
    CHECK(dist("coffee", "coffee") == 0);
    CHECK(dist("coffe", "coffee") == 1);
    CHECK(dist("cofee", "coffee") == 1);
    CHECK(dist("crued", "crude") == 1);  // a swap
    CHECK(dist("cofffee", "coffee") == 1);
    CHECK(dist("kofee", "coffee") == 2);
    CHECK(dist("", "abc") == 3);
    CHECK(dist("abcdef", "ab", 2) == 3);  // above the limit: limit + 1
    CHECK(dist("xxxxxx", "yyyyyy", 2) == 3);
    CHECK(dist("zürich", "zurich") == 1);  // one code point, two bytes
    CHECK(dist("北京", "北平") == 1);
    CHECK(code_points("a\xff" "b").size() == 3);  // an invalid byte is one code point of its own
    CHECK(code_points("\xe2\x82").size() == 2);   // (a cut sequence too)
}

TEST_CASE("The typing model: a letter left out or two swapped costs less than one added or replaced") {
    auto cost = [](const char* typed, const char* word) { return news::search::typing_cost(code_points(typed), code_points(word), 1, 8); };
    CHECK(cost("coffee", "coffee") == 0);
    CHECK(cost("cofee", "coffee") == 1);   // an f left out
    CHECK(cost("crued", "crude") == 1);    // swapped
    CHECK(cost("cofffee", "coffee") == 8); // one too many
    CHECK(cost("coffea", "coffee") == 8);  // one replaced
    // "termm": "terms" (one replaced) costs more than "term" (one too many)? both 8: a tie that frequency breaks.
    CHECK(cost("termm", "terms") == cost("termm", "term"));
    CHECK(cost("plats", "plants") < cost("plats", "plans"));
}

TEST_CASE("Corrections come from the database's words, much more frequent, never stop words") {
    const fs::path path = fs::temp_directory_path() / ("news-spelling-" + std::to_string(::getpid()));
    fs::remove_all(path);
    {
        Xapian::WritableDatabase w(path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
        auto add = [&w](std::initializer_list<const char*> words, int times) {
            for (int i = 0; i < times; ++i) {
                Xapian::Document d;
                Xapian::termpos pos = 0;
                for (const char* t : words) d.add_posting(t, ++pos);
                d.add_boolean_term("XSPKNcoffee");  // a field term: never a correction of a body word
                if (times == 30) d.add_term("XSPKWobama");  // a speaker's word
                w.add_document(d);
            }
        };
        add({"coffee", "prices", "brazil"}, 30);
        add({"coffer", "the"}, 2);         // rarer than coffee
        add({"hilary", "benn"}, 25);       // held often enough to be meant
        add({"hillary", "clinton"}, 40);
        add({"there", "then"}, 50);        // stop words: never suggested
        add({"thermal"}, 1);
        w.commit();
    }
    Xapian::Database db(path.string());
    auto fixes = news::search::corrections(db, {"coffe", "brazl", "hilary", "thera", "prices", "crofee", "42x", "xy"});
    auto to = [&](const std::string& w) {
        for (const auto& f : fixes)
            if (f.word == w) return f.correct;
        return std::string("(none)");
    };
    REQUIRE(fixes.size() == 4);
    CHECK(fixes[0].word == "coffe");  // in the order asked
    CHECK(fixes[0].correct == "coffee");
    CHECK(fixes[0].correct_freq == 30);
    CHECK(fixes[0].word_freq == 0);
    CHECK(to("brazl") == "brazil");
    CHECK(to("crofee") == "coffee");  // two edits, the most frequent within them
    // "thera" is 1 edit from "there" and "then"'s stop words, never suggested: the next is "thermal".
    CHECK(to("thera") == "thermal");
    // hilary (25) is meant: hillary (40) is not 20 times as frequent. A known word, a number,
    // a word too short: nothing.
    CHECK(to("hilary") == "(none)");
    CHECK(to("prices") == "(none)");
    CHECK(to("42x") == "(none)");
    CHECK(to("xy") == "(none)");
    // A speaker's words: from the speakers' words only.
    auto names = news::search::corrections(db, {"obma", "cofee"}, "XSPKW");
    REQUIRE(names.size() == 1);
    CHECK(names[0].correct == "obama");
    CHECK(names[0].correct_freq == 30);
    CHECK(news::search::corrections(db, {"obma"}).empty());  // no body word near it
    // A word held a little: corrected only to one at least 20 times as frequent.
    auto rare = news::search::corrections(db, {"coffer"});
    CHECK(rare.empty());  // coffee (30) is not 20 times coffer (2)
    fs::remove_all(path);
}

TEST_CASE("The corrected query keeps everything else as typed, in the case typed") {
    std::vector<news::search::Correction> fixes{{"coffe", "coffee", 0, 30, 1}, {"hilary", "hillary", 1, 40, 1}, {"opkc", "opec", 0, 8, 1}};
    auto fix = [&](std::string_view q) { return news::search::corrected_query(q, fixes, lower); };
    CHECK(fix("coffe prices") == "coffee prices");
    CHECK(fix("Coffe OR tea") == "Coffee OR tea");
    CHECK(fix("\"Hilary Clinton\" -coffe") == "\"Hillary Clinton\" -coffee");
    CHECK(fix("OPKC") == "OPEC");
    CHECK(fix("coffe: title:coffe") == "coffe: title:coffee");  // a field name stays
    CHECK(fix("coffees café") == "coffees café");
    CHECK(fix("") == "");
}
