/// @file
/// @brief speaker: and quote: pair in every boolean form (schema::quote_slot_prefix), and the
/// quotes shown with results, on a small database of hand-attributed articles.
#include "common/schema.h"
#include "common/text/analyzer.h"
#include "indexer/document_builder.h"
#include "indexer/extract/extract.h"
#include "indexer/extract/speakers.h"
#include "searcher/query_parser.h"
#include "searcher/search.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <filesystem>
#include <set>
#include <string>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using namespace news;

namespace {

struct Said {
    std::string who;
    std::string quote;
};

// An article whose text is "WHO said: “QUOTE”" for each item, with the speakers given by hand
// (not by the extractor), so that the pairing alone is tested.
Article make(const std::string& id, const std::vector<Said>& said, const std::string& extra = "") {
    Article a;
    a.id = id;
    a.title = "Article " + id;
    for (const Said& s : said) {
        a.text += s.who + " said: “";
        const std::size_t start = a.text.size();
        a.text += s.quote;
        const std::size_t end = a.text.size();
        a.text += "”\n\n";
        auto it = std::find_if(a.speakers.begin(), a.speakers.end(), [&](const Speaker& x) { return x.name == s.who; });
        if (it == a.speakers.end()) it = a.speakers.insert(a.speakers.end(), Speaker{s.who, "person", "", {}});
        it->quotes.push_back({s.quote, start, end});
    }
    a.text += extra;
    extract::find_quotations(a);
    extract::note_unattributed_quotes(a);
    return a;
}

struct PairingDb {
    fs::path path = fs::temp_directory_path() / ("news-pairing-" + std::to_string(::getpid()));
    PairingDb() {
        fs::remove_all(path);
        text::Analyzer analyzer("english");
        DocumentBuilder builder(analyzer);
        Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
        schema::check_or_init_metadata(db, "english");
        const std::vector<Article> articles = {
            make("a1", {{"Donald Trump", "We will build a wall."}, {"Hillary Clinton", "Mexico is a partner."}}),
            make("a2", {{"Donald Trump", "That makes me smart."},
                        {"Hillary Clinton", "The wall is a fantasy and Mexico will not pay."}}),
            make("a3", {{"Donald Trump", "Mexico will pay for the walls."}}),
            make("a4", {{"Donald Trump", "Mexico sends us trouble."}, {"Donald Trump", "We need a wall."}}),
            // Words of a quote by nobody, and the speaker's name in the text only.
            make("a5", {{"Hillary Clinton", "Jobs first."}}, "Trump's rally chanted “build the wall” at night."),
        };
        std::vector<std::pair<std::string, std::string>> stems;
        for (const Article& a : articles) db.replace_document(DocumentBuilder::id_term(a.id), builder.build(a, "", "", stems));
        for (const auto& [stem, word] : stems) db.add_synonym(schema::stem_key(stem), word);
        db.commit();
    }
    ~PairingDb() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

std::set<std::string> ids(search::Searcher& s, const std::string& query) {
    search::SearchOptions o;
    o.limit = 100;
    std::set<std::string> out;
    for (const search::Hit& h : s.run(query, o).hits) out.insert(h.article.id);
    return out;
}

}  // namespace

TEST_CASE("speaker: and quote: pair in every boolean form", "[search][pairing]") {
    PairingDb db;
    search::Searcher s({db.path.string()});
    using Ids = std::set<std::string>;
    struct Row {
        const char* query;
        Ids want;
    };
    const Row rows[] = {
        {"speaker:trump quote:wall", {"a1", "a3", "a4"}},                  // stems: walls
        {"speaker:clinton quote:wall", {"a2"}},
        {"speaker:trump quote:(wall OR mexico)", {"a1", "a3", "a4"}},     // a2: Trump said neither
        {"speaker:trump quote:(mexico -wall)", {"a4"}},                    // one quote, mexico without wall
        {"speaker:trump quote:wall quote:mexico", {"a3"}},                 // the same quote (a4: two quotes)
        {"quote:mexico speaker:trump quote:wall", {"a3"}},                 // before the speaker: pairs too
        {"speaker:trump quote:wall speaker:clinton quote:mexico", {"a1"}},
        {"speaker:trump -quote:wall", {"a2"}},                             // quoted, and never about walls
        {"speaker:trump NOT quote:mexico", {"a1", "a2"}},
        {"speaker:trump quote:wall -quote:mexico", {"a1"}},                // a4: another quote of his holds mexico
        {"speaker:trump OR quote:mexico", {"a1", "a2", "a3", "a4"}},       // unpaired
        {"quote:wall", {"a1", "a2", "a3", "a4", "a5"}},                    // any quotation
        {"speaker:trump quote:\"build a wall\"", {"a1"}},
        {"speaker:trump quote:\"build the wall\"", {}},                    // nobody's, in a5
        {"speaker:trump quote:\"mexico pay\"~2", {"a3"}},
        {"speaker:trump quote:\"pay mexico\"~2", {"a3"}},                 // NEAR: either order
        {"speaker:trump quote:\"we will build\"", {"a1"}},                // the quote's first words
        {"speaker:trump quote:\"the walls\"", {"a3"}},                    // its last ones
        {"speaker:trump quote:\"said we\"", {}},                          // a phrase of the body that
        {"speaker:trump quote:\"wall hillary\"", {}},                     // crosses the quote's edge
        {"quote:\"wall hillary\"", {}},
        {"\"wall hillary\"", {"a1"}},
        {"speaker:trump quote:\"trouble need\"~4", {}},                   // a4: two quotes of his
        {"quote:\"trouble need\"~4", {}},
        {"\"trouble need\"~4", {"a4"}},
        {"speaker:trump quote:\"need wall\"~1", {"a4"}},
        {"speaker:trump quote:wal*", {"a1", "a3", "a4"}},
        {"speaker:\"donald trump\" quote:smart", {"a2"}},
        {"speaker:(trump OR clinton) quote:partner", {"a1"}},
        {"(speaker:trump quote:smart) OR (speaker:clinton quote:jobs)", {"a2", "a5"}},
        {"speaker:clinton -quote:mexico", {"a5"}},
        {"speaker:nobody quote:wall", {}},
        {"-speaker:trump quote:wall", {"a5"}},                             // an excluded speaker pairs nothing
    };
    for (const Row& r : rows) {
        CAPTURE(r.query);
        CHECK(ids(s, r.query) == r.want);
        search::SearchOptions o;
        o.limit = 0;
        o.exact_count = true;
        CHECK(s.run(r.query, o).total == r.want.size());
    }
}

TEST_CASE("pairing terms carry no weight", "[search][pairing]") {
    PairingDb db;
    search::Searcher s({db.path.string()});
    search::SearchOptions o;
    auto score = [&](const std::string& q, const std::string& id) {
        for (const search::Hit& h : s.run(q, o).hits)
            if (h.article.id == id) return h.score;
        return -1.0;
    };
    // The pairing filters: the scores are those of the unpaired query.
    CHECK(score("speaker:trump quote:wall", "a3") == Approx(score("quote:wall", "a3")));
    CHECK(score("speaker:trump quote:(mexico -wall)", "a4") == Approx(score("quote:mexico", "a4")));
    Xapian::Database x(db.path.string());
    for (auto t = x.allterms_begin("XW"); t != x.allterms_end("XW"); ++t) CHECK(x.get_collection_freq(*t) == 0);
}

TEST_CASE("results show the quotes the query asks about", "[search][pairing]") {
    PairingDb db;
    search::Searcher s({db.path.string()});
    search::SearchOptions o;
    auto shown = [&](const std::string& q) {
        std::vector<std::string> out;
        for (const search::Hit& h : s.run(q, o).hits)
            for (const search::MatchedQuote& m : h.quotes) out.push_back(h.article.id + " " + m.speaker + ": " + m.quote.text);
        std::sort(out.begin(), out.end());
        return out;
    };
    using V = std::vector<std::string>;
    CHECK(shown("speaker:trump quote:mexico") ==
          V{"a3 Donald Trump: Mexico will pay for the walls.", "a4 Donald Trump: Mexico sends us trouble."});
    CHECK(shown("speaker:trump quote:(mexico -wall)") == V{"a4 Donald Trump: Mexico sends us trouble."});
    CHECK(shown("quote:partner") == V{"a1 Hillary Clinton: Mexico is a partner."});
    CHECK(shown("quote:\"build the wall\"") == V{"a5 : build the wall"});  // a quotation nobody was found to say
    CHECK(shown("speaker:clinton") == V{"a1 Hillary Clinton: Mexico is a partner.",
                                        "a2 Hillary Clinton: The wall is a fantasy and Mexico will not pay.",
                                        "a5 Hillary Clinton: Jobs first."});
    CHECK(shown("wall") == V{});  // no speaker: or quote: clause, no quotes
}

TEST_CASE("shown quotes: the direct evaluation agrees with Xapian's", "[search][pairing]") {
    // Quotes and clauses of the shapes the parser gives speaker: and quote:, evaluated by
    // search::holds and by Xapian on an in-memory database of the same terms.
    text::Analyzer analyzer("english");
    const std::vector<std::pair<std::string, std::string>> quotes = {
        {"Donald Trump", "We will build a great wall and Mexico will pay for the wall."},
        {"Hillary Clinton", "Walls do not work; bridges do."},
        {"", "build the wall"},
        {"Jen Daskal", "We will take it step by step, step by step."},
    };
    const std::vector<std::string> queries = {
        "quote:wall", "quote:(wall OR bridges)", "quote:(wall -mexico)", "quote:\"build a great wall\"",
        "quote:\"step by step\"", "quote:\"by step step\"", "speaker:trump quote:wall", "speaker:\"donald trump\"",
        "speaker:daskal quote:(step -wall)", "quote:(-wall)", "speaker:(trump OR clinton) quote:(walls work)",
        "quote:(\"the wall\" OR partner)", "speaker:trump"};
    Xapian::WritableDatabase mem(std::string(), Xapian::DB_BACKEND_INMEMORY);
    std::vector<search::QuoteTerms> terms;
    const schema::Field& spk = schema::field("speaker");
    for (const auto& [who, text] : quotes) {
        search::QuoteTerms t;
        Xapian::Document doc;
        Xapian::termpos pos = 0;
        for (const text::Token& k : analyzer.tokenize(text)) {
            t.words.emplace_back(k.term, ++pos);
            doc.add_posting("XQ" + k.term, pos);
            if (!k.alt.empty()) {
                t.words.emplace_back(k.alt, pos);
                doc.add_posting("XQ" + k.alt, pos);
            }
        }
        std::sort(t.words.begin(), t.words.end());
        if (!who.empty()) t.names = schema::name_terms(analyzer.normalize(who), spk.prefix, spk.word_prefix);
        for (const std::string& n : t.names) doc.add_boolean_term(n);
        mem.add_document(doc);
        terms.push_back(std::move(t));
    }
    for (const std::string& q : queries) {
        CAPTURE(q);
        for (const search::QuoteShow& show : search::parse_query(q, analyzer).quote_shows) {
            std::vector<Xapian::Query> parts;
            if (!show.speaker.empty()) parts.push_back(show.speaker);
            if (!show.quote.empty()) parts.push_back(show.quote);
            const Xapian::Query ask(Xapian::Query::OP_AND, parts.begin(), parts.end());
            Xapian::Enquire e(mem);
            e.set_query(ask);
            e.set_weighting_scheme(Xapian::BoolWeight());
            std::set<Xapian::docid> xapian;
            const Xapian::MSet m = e.get_mset(0, 100);
            for (auto it = m.begin(); it != m.end(); ++it) xapian.insert(*it);
            std::set<Xapian::docid> direct;
            for (std::size_t i = 0; i < terms.size(); ++i) {
                std::optional<bool> yes = search::holds(ask, terms[i]);
                REQUIRE(yes.has_value());
                if (*yes) direct.insert(static_cast<Xapian::docid>(i + 1));
            }
            CHECK(direct == xapian);
        }
    }
    // NEAR and wildcards are left to Xapian.
    auto shows = search::parse_query("quote:\"wall build\"~3 quote:wal*", analyzer).quote_shows;
    REQUIRE(shows.size() == 2);
    CHECK_FALSE(search::holds(shows[0].quote, terms[0]).has_value());
    CHECK_FALSE(search::holds(shows[1].quote, terms[0]).has_value());
}
