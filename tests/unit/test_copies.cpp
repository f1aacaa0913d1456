/// @file
/// @brief Wire copies (common/copies.h): signatures, the copy test (a wire edit is a copy; another
/// story, a template's other day, a short text one word apart are not), clusters (the same in any
/// order; every member a copy of the first), their upkeep in a database, and what a search shows.
#include "common/copies.h"
#include "common/schema.h"
#include "common/text/analyzer.h"
#include "indexer/database.h"
#include "indexer/document_builder.h"
#include "searcher/search.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <random>
#include <string>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using namespace news;

namespace {

/// A made-up word for each number: letters only (no figure).
std::string word(std::size_t n) {
    static const char* syllables[] = {"ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "de", "fu", "ga", "hi"};
    std::string w;
    do {
        w += syllables[n % 12];
        n /= 12;
    } while (n);
    return w;
}

/// @p n words of a story drawn with @p seed, in paragraphs of 40 words.
std::vector<std::string> story(std::size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < n; ++i) out.push_back(word(rng() % 5000));
    return out;
}

/// An outlet's edit: a share of the words replaced, and the words [cut_from, cut_to) cut.
std::vector<std::string> edited(std::vector<std::string> words, double share, std::size_t cut_from, std::size_t cut_to,
                                unsigned seed) {
    std::mt19937 rng(seed);
    for (std::string& w : words)
        if (std::uniform_real_distribution<double>(0, 1)(rng) < share) w = word(5000 + rng() % 5000);
    words.erase(words.begin() + static_cast<std::ptrdiff_t>(cut_from), words.begin() + static_cast<std::ptrdiff_t>(cut_to));
    return words;
}

copies::Signature sig(const std::vector<std::string>& body, const std::string& id = "x", const std::string& date = "",
                      const std::vector<std::string>& title = {"headline"}, const std::vector<std::string>& names = {}) {
    std::vector<std::string_view> t(title.begin(), title.end()), b(body.begin(), body.end()), n(names.begin(), names.end());
    std::string text;
    for (const std::string& w : body) text += w + " ";
    return copies::sign(t, b, copies::figures_of(text), n, date, id);
}

std::string text_of(const std::vector<std::string>& words) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) out += (i ? (i % 40 == 0 ? ".\n\n" : " ") : "") + words[i];
    return out + ".";
}

}  // namespace

TEST_CASE("a signature is stored and read back whole; damaged bytes are refused", "[copies]") {
    std::vector<std::string> body = story(120, 1);
    body[5] = "1987";
    body[9] = "4.151";
    const copies::Signature s = sig(body, "reuters#62", "19870226");
    const std::optional<copies::Signature> back = copies::decode(copies::encode(s));
    REQUIRE(back);
    CHECK(back->exact == s.exact);
    CHECK(back->shingles == s.shingles);
    CHECK(back->mins == s.mins);
    CHECK(back->figures.count == 2);
    CHECK(back->figures == s.figures);
    CHECK(back->names == s.names);
    CHECK(back->date == "19870226");
    CHECK(back->id == "reuters#62");
    CHECK(copies::decode(copies::with_id(copies::encode(s), "reuters#62~2"))->id == "reuters#62~2");
    const std::string bytes = copies::encode(s);
    CHECK_FALSE(copies::decode(""));
    CHECK_FALSE(copies::decode(bytes.substr(0, 40)));
    CHECK_FALSE(copies::decode(std::string(1, '\x7f') + bytes.substr(1)));
}

TEST_CASE("a wire edit is a copy; another story, or a template's other figures, is not", "[copies]") {
    const std::vector<std::string> original = story(300, 7);
    // 10% of the words changed and a paragraph of 40 cut, a new headline.
    const std::vector<std::string> copy = edited(original, 0.10, 120, 160, 8);
    CHECK(copies::are_copies(sig(original), sig(copy, "y", "", {"another", "headline"})));
    // 18% changed: still a copy (about two thirds of the word pairs kept).
    CHECK(copies::are_copies(sig(original), sig(edited(original, 0.18, 0, 0, 9))));
    // Half the words changed: a rewrite, not a copy.
    CHECK_FALSE(copies::are_copies(sig(original), sig(edited(original, 0.5, 0, 0, 10))));
    // Another story.
    CHECK_FALSE(copies::are_copies(sig(original), sig(story(300, 11))));
    // A short brief holding a fifth of the story: too small to be the same story.
    const std::vector<std::string> brief(original.begin(), original.begin() + 50);
    CHECK_FALSE(copies::are_copies(sig(original), sig(brief)));

    // A template's two days: the same words, other figures.
    std::vector<std::string> monday = story(80, 12), tuesday = monday;
    for (std::size_t i = 4; i < 80; i += 12) {
        monday[i] = std::to_string(100 + i) + ".5";
        tuesday[i] = std::to_string(200 + i) + ".25";
    }
    CHECK(copies::share(sig(monday).figures, sig(tuesday).figures) < 0.2);
    CHECK_FALSE(copies::are_copies(sig(monday), sig(tuesday)));
    // The same day's report reprinted with a word changed: its figures agree.
    std::vector<std::string> reprint = monday;
    reprint[1] = "reprinted";
    CHECK(copies::share(sig(monday).figures, sig(reprint).figures) == 1.0);
    CHECK(copies::are_copies(sig(monday), sig(reprint)));
}

TEST_CASE("a template's report for another company is not a copy: names must agree", "[copies]") {
    const std::vector<std::string> body = story(60, 21);
    const copies::Signature hanover = sig(body, "a", "", {"h"}, {"manufacturers", "hanover", "trust"});
    const copies::Signature mercantile = sig(body, "b", "", {"m"}, {"mercantile", "bank", "trust"});
    CHECK(copies::share(hanover.names, mercantile.names) < 0.5);
    CHECK_FALSE(copies::are_copies(hanover, mercantile));
    CHECK(copies::are_copies(hanover, sig(body, "c", "", {"other"}, {"hanover", "manufacturers", "trust"})));
    // A copy may name fewer (a paragraph cut): the shorter's names are the other's.
    CHECK(copies::are_copies(hanover, sig(body, "c", "", {"other"}, {"hanover"})));
}

TEST_CASE("figures are read whole from the text, and number words count", "[copies]") {
    CHECK(copies::figures_of("Paying 6-3/16 pct, 1,500 shares at 10:31, 4.151 bln; May 7. A-1 rated") ==
          std::vector<std::string_view>{"6-3/16", "1,500", "10:31", "4.151", "7", "1"});
    CHECK(copies::figures_of("").empty());
    CHECK(copies::figures_of("9") == std::vector<std::string_view>{"9"});
    CHECK(copies::figures_of("1.") == std::vector<std::string_view>{"1"});
    // Number words count as figures: seven ships and three ships are two reports.
    const copies::Signature seven = sig({"there", "were", "seven", "ships", "loading"});
    const copies::Signature three = sig({"there", "were", "three", "ships", "loading"});
    CHECK(seven.figures.count == 1);
    CHECK(copies::share(seven.figures, three.figures) == 0);
}

TEST_CASE("names: capitalised words that do not start a sentence, a paragraph or the text", "[copies]") {
    const std::string text = "Shares of Acme Corp rose on Monday. The company said \u201CWe thank Mr Brown.\u201D\nAnalysts at Zenith agreed: Growth is back.";
    std::vector<std::size_t> starts;
    std::vector<std::string> words;
    for (std::size_t i = 0; i < text.size();) {
        const auto alpha = [&](std::size_t k) { return std::isalpha(static_cast<unsigned char>(text[k])) != 0; };
        if (!alpha(i)) { ++i; continue; }
        std::size_t e = i;
        while (e < text.size() && alpha(e)) ++e;
        starts.push_back(i);
        words.push_back(text.substr(i, e - i));
        i = e;
    }
    const std::vector<bool> names = copies::name_words(text, starts);
    std::vector<std::string> got;
    for (std::size_t i = 0; i < words.size(); ++i)
        if (names[i]) got.push_back(words[i]);
    CHECK(got == std::vector<std::string>{"Acme", "Corp", "Mr", "Brown", "Zenith"});
    // All capitals: no names to tell.
    const std::string caps = "ACME CORP SAID IT RAISED ITS PRIME RATE";
    std::vector<std::size_t> at;
    for (std::size_t i = 0; i < caps.size(); ++i)
        if (i == 0 || caps[i - 1] == ' ') at.push_back(i);
    const std::vector<bool> none = copies::name_words(caps, at);
    CHECK(std::count(none.begin(), none.end(), true) == 0);
}

TEST_CASE("near copies more than two days apart are two editions; long identical articles are copies at any distance", "[copies]") {
    const std::vector<std::string> body = story(200, 31);
    const std::vector<std::string> edit = edited(body, 0.05, 0, 0, 32);
    CHECK(copies::are_copies(sig(body, "a", "20240301"), sig(edit, "b", "20240303", {"b"})));
    CHECK_FALSE(copies::are_copies(sig(body, "a", "20240301"), sig(edit, "b", "20240304", {"b"})));
    CHECK_FALSE(copies::are_copies(sig(body, "a", "20240228"), sig(edit, "b", "20240302", {"b"})));  // (February 29th)
    CHECK(copies::are_copies(sig(body, "a", "20240301"), sig(edit, "b", "", {"b"})));  // undated
    CHECK(copies::are_copies(sig(body, "a", "20240301"), sig(body, "b", "20241201")));  // identical: a rerun
    // A short item identical word for word: the same day, a copy; a fortnight later, a new flash.
    const std::vector<std::string> flash = {"council", "meeting", "ends", "no", "change"};
    CHECK(copies::are_copies(sig(flash, "a", "20240305"), sig(flash, "b", "20240305")));
    CHECK_FALSE(copies::are_copies(sig(flash, "a", "20240305"), sig(flash, "b", "20240319")));
    CHECK(copies::are_copies(sig(flash, "a", ""), sig(flash, "b", "20240319")));
    const std::vector<std::size_t> first = copies::cluster({sig(flash, "a", "20240305"), sig(flash, "b", "20240319"),
                                                            sig(flash, "c", "20240306")});
    CHECK(first == std::vector<std::size_t>{0, SIZE_MAX, 0});
}

TEST_CASE("identical articles are copies at any length; short texts a word apart are not", "[copies]") {
    const std::vector<std::string> one = {"shr", "cts", "net", "revs"};
    CHECK(copies::are_copies(sig(one, "a"), sig(one, "b")));
    std::vector<std::string> other = one;
    other[2] = "loss";
    CHECK_FALSE(copies::are_copies(sig(one, "a"), sig(other, "b")));
    // The same body under two headlines: not identical, and too short to judge.
    CHECK_FALSE(copies::are_copies(sig(one, "a", "", {"acme"}), sig(one, "b", "", {"zenith"})));
    // No words at all: never a copy of anything.
    CHECK_FALSE(copies::are_copies(sig({}, "a", "", {}), sig({}, "b", "", {})));
}

TEST_CASE("clusters are the same in any order, named after their earliest article", "[copies]") {
    std::vector<copies::Signature> sigs;
    for (unsigned s = 0; s < 30; ++s) {
        const std::vector<std::string> original = story(200, 100 + s);
        sigs.push_back(sig(original, "story" + std::to_string(s), "2024010" + std::to_string(1 + s % 5)));
        for (unsigned c = 0; c < s % 4; ++c)  // 0 to 3 copies, a day later (light edits: this is about order;
                                              // recall is measured by tests/bench/copies_eval.py)
            sigs.push_back(sig(edited(original, 0.05, 40, 80, 1000 + 10 * s + c), "copy" + std::to_string(s) + "-" + std::to_string(c),
                               "2024010" + std::to_string(2 + s % 5)));
    }
    auto named = [](const std::vector<copies::Signature>& v) {
        const std::vector<std::size_t> first = copies::cluster(v);
        std::map<std::string, std::string> out;
        for (std::size_t i = 0; i < v.size(); ++i) out[v[i].id] = first[i] == SIZE_MAX ? "" : v[first[i]].id;
        return out;
    };
    const std::map<std::string, std::string> in_order = named(sigs);
    for (unsigned s = 0; s < 30; ++s) {
        const std::string id = "story" + std::to_string(s);
        CHECK(in_order.at(id) == (s % 4 ? id : ""));
        for (unsigned c = 0; c < s % 4; ++c) CHECK(in_order.at("copy" + std::to_string(s) + "-" + std::to_string(c)) == id);
    }
    std::mt19937 rng(3);
    for (int round = 0; round < 5; ++round) {
        std::shuffle(sigs.begin(), sigs.end(), rng);
        CHECK(named(sigs) == in_order);
    }
}

TEST_CASE("every member of a cluster is a copy of its first: edits of edits do not chain stories", "[copies]") {
    // b is a copy of a, c of b, but c is not a copy of a: twenty paragraphs each, b shifted
    // by six from a (70% of a's pairs in b), c by five from b (75%; 45% of a's).
    std::vector<std::vector<std::string>> p;
    for (unsigned i = 0; i < 31; ++i) p.push_back(story(30, 40 + i));
    auto join = [&](std::size_t from) {
        std::vector<std::string> out;
        for (std::size_t i = from; i < from + 20; ++i) out.insert(out.end(), p[i].begin(), p[i].end());
        return out;
    };
    const std::vector<std::string> a = join(0), b = join(6), c = join(11);
    const std::vector<copies::Signature> sigs = {sig(c, "c", "20240103"), sig(a, "a", "20240101"), sig(b, "b", "20240102")};
    REQUIRE(copies::are_copies(sigs[1], sigs[2]));
    REQUIRE(copies::are_copies(sigs[2], sigs[0]));
    REQUIRE_FALSE(copies::are_copies(sigs[1], sigs[0]));
    const std::vector<std::size_t> first = copies::cluster(sigs);
    CHECK(first[1] == 1);         // a: first of its cluster
    CHECK(first[2] == 1);         // b: with a
    CHECK(first[0] == SIZE_MAX);  // c: b is taken, and c is no copy of a
}

TEST_CASE("news-index keeps clusters in the database; a search shows one article per story", "[copies]") {
    const fs::path path = fs::temp_directory_path() / ("news-copies-" + std::to_string(::getpid()));
    fs::remove_all(path);
    text::Analyzer analyzer("english");
    DocumentBuilder builder(analyzer);
    const std::vector<std::string> words = story(250, 77);
    auto article = [&](const std::string& id, const std::string& date, const std::string& source,
                       const std::vector<std::string>& body) {
        Article a;
        a.id = id;
        a.title = "Harbor strike " + id;
        a.date = date;
        a.source = source;
        a.language = "en";
        a.text = "kalomi " + text_of(body);
        return a;
    };
    {
        Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
        schema::check_or_init_metadata(db, "english");
        for (const Article& a : {article("wire", "2024-05-02", "Capital Wire", words),
                                 article("ledger", "2024-05-03", "Harbor Ledger", edited(words, 0.1, 80, 120, 5)),
                                 article("other", "2024-05-02", "Harbor Ledger", story(250, 78))})
            db.replace_document(DocumentBuilder::id_term(a.id), builder.build(a, "", ""));
        const copies::StoreCounts c = database::store_search_tables(db);
        CHECK(c.signed_articles == 3);
        CHECK(c.clusters == 1);
        CHECK(c.in_clusters == 2);
        db.commit();
        CHECK(db.get_value_freq(schema::kCopySlot) == 2);
        CHECK(db.get_document(*db.postlist_begin(DocumentBuilder::id_term("ledger"))).get_value(schema::kCopySlot) == "wire");
    }
    {
        search::Searcher s({path.string()});
        search::SearchOptions o;
        search::Results r = s.run("kalomi", o);
        CHECK(r.total == 3);  // articles
        REQUIRE(r.hits.size() == 2);  // one of the two copies
        const auto with_copies = std::find_if(r.hits.begin(), r.hits.end(), [](const search::Hit& h) { return h.copies.has_value(); });
        REQUIRE(with_copies != r.hits.end());
        CHECK(with_copies->copies->cluster == "wire");
        CHECK(with_copies->copies->articles == 2);
        CHECK(with_copies->copies->outlets == std::vector<std::string>{"Capital Wire", "Harbor Ledger"});
        CHECK(with_copies->copies->first_seen == "2024-05-02");
        o.collapse = false;
        CHECK(s.run("kalomi", o).hits.size() == 3);
        o.stories = true;
        r = s.run("kalomi", o);
        CHECK(r.stories);
        CHECK(r.total == 2);
        o.facets = {search::FacetRequest{"language", 10}};
        r = s.run("kalomi", o);
        REQUIRE(r.facets.size() == 1);
        CHECK(r.facets[0].stories);
        REQUIRE(r.facets[0].values.size() == 1);
        CHECK(r.facets[0].values[0].articles == 2);  // "en": 2 stories (3 articles)
        o.stories = false;
        CHECK(s.run("kalomi", o).facets[0].values[0].articles == 3);
        const std::vector<Article> members = s.copies_of("ledger");
        REQUIRE(members.size() == 2);
        CHECK(members[0].id == "wire");
        CHECK(members[1].id == "ledger");
        CHECK(s.copies_of("other").size() == 1);
        CHECK(s.copies_of("nobody").empty());
    }
    {
        // An earlier copy turns up in a later run: the cluster is named after it now.
        Xapian::WritableDatabase db(path.string(), Xapian::DB_OPEN);
        const Article early = article("early", "2024-05-01", "Meridian Post", edited(words, 0.05, 0, 0, 6));
        db.replace_document(DocumentBuilder::id_term(early.id), builder.build(early, "", ""));
        const copies::StoreCounts c = database::store_search_tables(db);
        CHECK(c.rewritten == 3);
        db.commit();
        for (const char* id : {"wire", "ledger", "early"})
            CHECK(db.get_document(*db.postlist_begin(DocumentBuilder::id_term(id))).get_value(schema::kCopySlot) == "early");
        // Deleted: the cluster of one left is none.
        db.delete_document(DocumentBuilder::id_term("early"));
        db.delete_document(DocumentBuilder::id_term("ledger"));
        CHECK(database::store_search_tables(db).clusters == 0);
        db.commit();
        CHECK(db.get_value_freq(schema::kCopySlot) == 0);
    }
    fs::remove_all(path);
}
