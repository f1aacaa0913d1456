/// @file
/// @brief Phrases in title: and quote: without positions: the token matcher, the stored
/// article check, and whole queries over real documents (two shards) against what the
/// positional index answered.
#include "common/text/analyzer.h"
#include "indexer/document_builder.h"
#include "searcher/field_phrase.h"
#include "searcher/query_parser.h"

#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

using news::Article;
using news::search::PhraseField;

namespace {

const news::text::Analyzer& english() {
    static const news::text::Analyzer a("english");
    return a;
}

std::vector<std::string> words(const std::string& s) {
    std::vector<std::string> out;
    for (const auto& t : english().tokenize(s)) out.push_back(t.term);
    return out;
}

bool holds(const std::string& text, const std::string& phrase, std::size_t slop = 0, bool ordered = true) {
    const auto w = words(phrase);
    return news::search::tokens_hold(english().tokenize(text), w, w.size() + slop, ordered);
}

Article article(const std::string& id, const std::string& title, const std::string& text) {
    Article a;
    a.id = id;
    a.title = title;
    a.text = text;
    return a;
}

}  // namespace

TEST_CASE("field phrases: the token matcher", "[field_phrase]") {
    struct Row {
        const char* text;
        const char* phrase;
        std::size_t slop;
        bool ordered;
        bool match;
    };
    const Row rows[] = {
        {"the harbor stays closed", "harbor stays", 0, true, true},
        {"the harbor stays closed", "stays harbor", 0, true, false},      // order matters
        {"the harbor never stays closed", "harbor stays", 0, true, false},  // adjacent only
        {"the harbor never stays closed", "harbor stays", 1, false, true},  // ~1: one word between
        {"the harbor never stays closed", "stays harbor", 1, false, true},  // NEAR: any order
        {"the harbor is said to never stay", "harbor stay", 1, false, false},
        {"Portville's harbor", "portville harbor", 0, true, true},  // the possessive's bare form
        {"Portville's harbor", "portville's harbor", 0, true, true},
        {"step by step", "step by step", 0, true, true},
        {"step by", "step by step", 0, true, false},
        {"", "harbor", 0, true, false},
    };
    for (const Row& r : rows) {
        CAPTURE(r.text, r.phrase, r.slop);
        CHECK(holds(r.text, r.phrase, r.slop, r.ordered) == r.match);
    }
}

TEST_CASE("field phrases: the stored title and quotations", "[field_phrase]") {
    Article a = article("a", "Fog closes Portville harbor",
                        "Pilots waited. \"The fog will lift by noon,\" said Ida Brandt. The fog will stay, others said. "
                        "\"We wait.\" \"Lift it.\"");
    const std::string& t = a.text;
    for (const char* q : {"The fog will lift by noon,", "We wait.", "Lift it."}) {
        const std::size_t b = t.find(q);
        a.quotations.emplace_back(b, b + std::string(q).size());
    }
    auto check = [&](PhraseField f, const std::string& phrase, std::size_t slop = 0) {
        const auto w = words(phrase);
        return news::search::article_holds(a, f, w, w.size() + slop, slop == 0);
    };
    CHECK(check(PhraseField::Title, "portville harbor"));
    CHECK_FALSE(check(PhraseField::Title, "fog will"));  // a body phrase, not in the title
    CHECK(check(PhraseField::Quote, "fog will lift"));
    CHECK(check(PhraseField::Quote, "lift by noon"));
    CHECK_FALSE(check(PhraseField::Quote, "fog will stay"));  // in the body, outside every quotation
    CHECK_FALSE(check(PhraseField::Quote, "noon said"));      // runs out of the quotation
    CHECK_FALSE(check(PhraseField::Quote, "wait lift"));      // across two quotations
    CHECK(check(PhraseField::Quote, "we wait"));
    CHECK(check(PhraseField::Quote, "lift noon", 2));
    a.quotations.clear();
    CHECK_FALSE(check(PhraseField::Quote, "fog will lift"));  // no quotations: no quote phrase
}

TEST_CASE("field phrases: whole queries over two shards", "[field_phrase]") {
    const news::DocumentBuilder builder(english());
    const std::vector<Article> docs = {
        article("quoted", "Council meets", "\"The bridge will reopen in May,\" the mayor said. Traffic was light."),
        article("narrated", "Council meets", "The bridge will reopen in May, officials wrote. \"Maybe,\" one said."),
        article("split", "Bridge news", "\"The bridge will\" was all she said; it will reopen \"in May\" perhaps."),
        article("titled", "Bridge will reopen", "Work ends soon. \"Good,\" a driver said."),
        article("body-title", "Roads", "The bridge will reopen, the notice said. \"Soon,\" it added."),
        // Every word of the phrase in quotations and the phrase in the body, but not inside
        // one quotation: only the stored article tells (the index alone would match).
        article("scattered", "Will the bridge reopen", "\"Bridge?\" he asked. \"Will it reopen?\" The bridge will reopen."),
    };
    Xapian::WritableDatabase one = Xapian::InMemory::open(), two = Xapian::InMemory::open();
    for (std::size_t i = 0; i < docs.size(); ++i) (i % 2 ? two : one).add_document(builder.build(docs[i], "", ""));
    Xapian::Database db;
    db.add_database(one);
    db.add_database(two);
    const news::search::FastAnalyzer fast(english());
    auto ids = [&](const std::string& q) {
        Xapian::Enquire enquire(db);
        enquire.set_query(news::search::parse_query(q, fast).query);
        std::set<std::string> out;
        for (const Xapian::Document& d : [&] {
                 std::vector<Xapian::Document> v;
                 Xapian::MSet m = enquire.get_mset(0, 100);
                 for (auto it = m.begin(); it != m.end(); ++it) v.push_back(it.get_document());
                 return v;
             }()) {
            for (auto t = d.termlist_begin(); t != d.termlist_end(); ++t)
                if ((*t).starts_with("Q")) out.insert((*t).substr(1));
        }
        return out;
    };
    using S = std::set<std::string>;
    CHECK(ids("quote:\"bridge will reopen\"") == S{"quoted"});
    CHECK(ids("\"bridge will reopen\"") == S{"quoted", "narrated", "titled", "body-title", "scattered"});
    CHECK(ids("quote:bridge quote:will quote:reopen") == S{"quoted", "scattered"});
    CHECK(ids("quote:\"will reopen\"~2") == S{"quoted", "scattered"});  // "Will it reopen?"
    CHECK(ids("quote:\"will reopen\"") == S{"quoted"});
    CHECK(ids("quote:\"in may\"") == S{"quoted", "split"});
    CHECK(ids("title:\"bridge will\"") == S{"titled"});  // not "scattered": its title says "Will the bridge"
    CHECK(ids("title:bridge title:will") == S{"titled", "scattered"});
    CHECK(ids("title:\"council meets\"") == S{"quoted", "narrated"});
    CHECK(ids("title:\"meets council\"").empty());
    CHECK(ids("title:\"reopen bridge\"~1") == S{"titled", "scattered"});
    CHECK(ids("title:\"reopen bridge\"").empty());
    // Inside OR and NOT, as any other query part.
    CHECK(ids("quote:\"bridge will reopen\" OR title:roads") == S{"quoted", "body-title"});
    CHECK(ids("bridge -quote:\"bridge will reopen\"") == S{"narrated", "split", "titled", "body-title", "scattered"});
    CHECK(ids("title:(\"council meets\" OR \"bridge will\")") == S{"quoted", "narrated", "titled"});
}
