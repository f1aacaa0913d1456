/// @file
/// @brief The query language (DESIGN.md, "Query language"): Xapian queries, highlights and column-accurate errors.
#include "searcher/query_parser.h"
#include "searcher/snippet.h"

#include <catch2/catch.hpp>

#include <string>

using news::search::parse_query;
using news::search::ParsedQuery;
using news::search::QueryError;
using news::text::Analyzer;

namespace {

const Analyzer& english() {
    static const Analyzer a("english");
    return a;
}

std::string describe(const std::string& q, bool any = false) {
    return parse_query(q, english(), any).query.get_description();
}

}  // namespace

TEST_CASE("queries become the expected Xapian queries", "[query]") {
    struct Row {
        std::string query;
        bool any;
        std::string expected;
    };
    auto row = GENERATE(values<Row>({
        // words: stemmed Z terms, AND by default
        {"fentanyl", false, "Query(fentanyl)"},
        {"running", false, "Query(running)"},
        {"López", false, "Query(lopez)"},
        {"U.S.", false, "Query(us)"},
        {"China’s", false, "Query(china)"},
        {"70,000", false, "Query(70000)"},  // numbers are not stemmed
        {"fentanyl precursors", false, "Query((fentanyl AND precursors))"},
        {"fentanyl AND precursors", false, "Query((fentanyl AND precursors))"},
        {"china OR mexico", false, "Query((china OR mexico))"},
        {"china OR mexico fentanyl", false, "Query((china OR (mexico AND fentanyl)))"},
        // exclusion; a lone negative needs everything to subtract from
        {"fentanyl -mexico", false, "Query((fentanyl AND_NOT mexico))"},
        {"fentanyl NOT mexico", false, "Query((fentanyl AND_NOT mexico))"},
        {"a -b -c", false, "Query(((a AND_NOT b) AND_NOT c))"},
        {"-mexico", false, "Query((<alldocuments> AND_NOT mexico))"},
        {"NOT mexico", false, "Query((<alldocuments> AND_NOT mexico))"},
        {"-(a)", false, "Query((<alldocuments> AND_NOT a))"},
        {"a OR -b", false, "Query((a OR (<alldocuments> AND_NOT b)))"},
        // grouping
        {"(china OR mexico) AND fentanyl", false, "Query(((china OR mexico) AND fentanyl))"},
        {"fentanyl (china OR mexico)", false, "Query((fentanyl AND (china OR mexico)))"},
        // phrases use unstemmed positional terms
        {"\"step by step\"", false, "Query((step PHRASE 3 by PHRASE 3 step))"},
        {"“step by step”", false, "Query((step PHRASE 3 by PHRASE 3 step))"},
        {"\"fentanyl\"", false, "Query(fentanyl)"},
        {"Felbab-Brown", false, "Query((felbab PHRASE 2 brown))"},
        {"10:30", false, "Query((10 PHRASE 2 30))"},
        {"\"fentanyl crisis\"~5", false, "Query((fentanyl NEAR 7 crisis))"},
        // a name and a colon that is no field is text, as in Xapian's QueryParser
        {"Trump: My plans", false, "Query((trump AND my AND plans))"},
        {"foo:bar", false, "Query((foo PHRASE 2 bar))"},
        {"x foo:bar", false, "Query((x AND (foo PHRASE 2 bar)))"},
        {"http://example.com", false, "Query((http PHRASE 2 examplecom))"},
        {"Update: title:cranes", false, "Query((update AND Scranes))"},
        // prefixes
        {"precurs*", false, "Query(WILDCARD SYNONYM precurs)"},
        {"title:precurs*", false, "Query(WILDCARD SYNONYM Sprecurs)"},
        // text fields
        {"title:fentanyl", false, "Query(Sfentanyl)"},
        {"Title:fentanyl", false, "Query(Sfentanyl)"},
        {"title:\"fentanyl crisis\"", false, "Query((Sfentanyl PHRASE 2 Scrisis))"},
        {"quote:supply", false, "Query(XQsupply)"},
        // a phrase holds in one quote: the quote slots decide (here none: nothing matches), XQ weighs
        {"quote:\"step by step\"", false, "Query(((XQstep AND XQby AND XQstep) FILTER XJ))"},
        // said: is quoted or reported: quote words or reported speech's
        {"said:supply", false, "Query((XQsupply OR XRsupply))"},
        {"said:\"step by step\"", false,
         "Query((((XQstep AND XQby AND XQstep) OR (XRstep AND XRby AND XRstep)) FILTER XJ))"},
        {"body:crisis", false, "Query(crisis)"},
        {"title:(fentanyl OR opioid)", false, "Query((Sfentanyl OR Sopioid))"},
        // names: one word matches any name word, several the full name or its tail
        {"speaker:daskal", false, "Query(XSPKWdaskal)"},
        {"speaker:\"jen daskal\"", false, "Query(XSPKjen daskal)"},
        {"speaker:\"george h.w. bush\"", false, "Query(XSPKgeorge h w bush)"},  // initials apart, as indexed
        {"speaker:\"Felbab-Brown\"", false, "Query(XSPKfelbab brown)"},
        {"speaker:(daskal OR yu)", false, "Query((XSPKWdaskal OR XSPKWyu))"},
        {"speaker:dask*", false, "Query(WILDCARD SYNONYM XSPKWdask)"},
        {"author:jett", false, "Query(XAWjett)"},
        {"author:\"Jennifer Jett\"", false, "Query(Ajennifer jett)"},
        {"person:biden", false, "Query(XPERWbiden)"},
        {"person:\"Joe Biden\"", false, "Query(XPERjoe biden)"},
        // slugs and exact values
        {"source:\"NBC News\"", false, "Query(XSRCnbc-news)"},
        {"source:nbc*", false, "Query(WILDCARD SYNONYM XSRCWnbc)"},
        {"source:BBC", false, "Query(XSRCWbbc)"},  // one word: any word of the name
        {"source:\"bbc news\"", false, "Query(XSRCbbc-news)"},  // several: the whole name
        {"topic:crude", false, "Query(Kcrude)"},
        {"topic:Money-FX", false, "Query(Kmoney fx)"},
        {"topic:\"climate change\" oil", false, "Query((Kclimate change AND oil))"},
        {"place:beijing", false, "Query(XPLACEbeijing)"},
        {"place:\"Hong Kong\"", false, "Query(XPLACEhong kong)"},
        {"lang:EN", false, "Query(Len)"},
        // dates: value slot 0
        {"date:2024", false, "Query(Y2024)"},
        {"date:2024-02", false, "Query(M202402)"},
        {"date:2024-01-30", false, "Query(D20240130)"},
        {"date:2024-01..2024-03", false, "Query((M202401 OR M202402 OR M202403))"},
        {"date:2023-12-30..2024-02-01", false, "Query((D20231230 OR D20231231 OR M202401 OR D20240201))"},
        {"date:1000..9999", false, "Query(VALUE_RANGE 0 10000101 99991231)"},  // too many years: the value slot
        {"date:..2023", false, "Query(VALUE_LE 0 20231231)"},
        {"date:2024..", false, "Query(VALUE_GE 0 20240101)"},
        {"fentanyl date:2024", false, "Query((fentanyl AND Y2024))"},
        // --any: bare words OR; +required and AND still bind
        {"fentanyl precursors", true, "Query((fentanyl OR precursors))"},
        {"fentanyl +precursors", true, "Query((precursors AND_MAYBE fentanyl))"},
        {"+fentanyl +precursors", true, "Query((fentanyl AND precursors))"},
        {"fentanyl AND precursors", true, "Query((fentanyl AND precursors))"},
        {"fentanyl crisis -mexico", true, "Query(((fentanyl OR crisis) AND_NOT mexico))"},
        {"fentanyl +precursors", false, "Query((fentanyl AND precursors))"},
    }));
    CAPTURE(row.query, row.any);
    CHECK(describe(row.query, row.any) == row.expected);
}

TEST_CASE("different queries do not collapse into one", "[query]") {
    struct Row {
        std::string a, b;
    };
    auto row = GENERATE(values<Row>({
        {"fentanyl mexico", "fentanyl -mexico"},
        {"fentanyl precursors", "fentanyl OR precursors"},
        {"\"step by step\"", "step by step"},
        {"title:fentanyl", "fentanyl"},
        {"quote:fentanyl", "fentanyl"},
        {"speaker:daskal", "person:daskal"},
        {"speaker:\"jen daskal\"", "speaker:daskal"},
        {"date:2024", "date:2024-01"},
        {"date:..2024", "date:2024.."},
    }));
    CAPTURE(row.a, row.b);
    CHECK(describe(row.a) != describe(row.b));
}

TEST_CASE("malformed queries name the column of the problem", "[query]") {
    struct Row {
        std::string query;
        std::size_t column;
        std::string says;  ///< a piece of the message
    };
    auto row = GENERATE(values<Row>({
        {"\"fentanyl crisis", 1, "unterminated phrase"},
        {"fentanyl \"crisis", 10, "unterminated phrase"},
        {"López \"x", 7, "unterminated phrase"},  // columns count characters, not bytes
        {"“unterminated", 1, "unterminated phrase"},
        {"(china OR mexico", 1, "never closed"},
        {"(a (b)", 1, "never closed"},
        {"china OR mexico)", 16, "no matching '('"},
        {"x )", 3, "no matching '('"},
        {"()", 1, "empty parentheses"},
        // a wildcard only ends a word (Xapian 1.4 expands prefixes only): never dropped silently
        {"*pod", 1, "a wildcard can only end a word"},
        {"x *pod", 3, "only beginnings are expanded (as in pod*)"},
        {"**", 1, "a wildcard can only end a word"},
        {"po*d", 3, "a wildcard can only end a word, as in po*"},
        {"pod**", 4, "a wildcard can only end a word, as in pod*"},
        {"title:*pod", 7, "a wildcard can only end a word"},
        {"felbab-br*", 1, "'felbab-br' is 2 words"},
        {"date:2024*", 10, "date: takes no wildcard"},
        {"—*", 1, "'*' must end a word prefix"},
        {"foo:bar*", 1, "'foo:bar' is 2 words"},
        {"title:", 1, "needs a value"},
        {"title: x", 1, "needs a value"},
        {"date:2024-13", 6, "bad date '2024-13'"},
        {"date:2024-02-30", 6, "bad date"},
        {"date:2024-01-01..x", 18, "bad end date 'x'"},
        {"date:2025..2024", 6, "ends before it starts"},
        {"date:(2024)", 6, "not a group"},
        {"", 1, "empty query"},
        {"   ", 1, "empty query"},
        {"—", 1, "no searchable words"},
        {"fentanyl AND", 10, "AND needs a term on both sides"},
        {"a AND AND b", 3, "AND needs a term on both sides"},
        {"OR x", 1, "'OR' needs a term before it"},
        {"AND x", 1, "'AND' needs a term before it"},
        {"a OR", 3, "OR needs a term on both sides"},
        {"-", 1, "'-' must be followed by a term"},
        {"x -", 3, "'-' must be followed by a term"},
        {"+", 1, "'+' must be followed by a term"},
        {"NOT", 1, "NOT needs a term after it"},
        {"x NOT", 3, "NOT needs a term after it"},
        {"NOT -x", 1, "NOT needs a term after it"},
        {"*", 1, "'*' must end a word prefix"},
        {"\"a b\"~", 6, "needs a number"},
        {"\"a b\"~x", 6, "needs a number"},
        {"\"a b\"~99999", 7, "too large"},
        {"source:—", 8, "empty source value"},
        {"title:speaker:x", 1, "needs a value"},
    }));
    CAPTURE(row.query);
    try {
        (void)parse_query(row.query, english());
        FAIL("no QueryError for: " << row.query);
    } catch (const QueryError& e) {
        CHECK(e.column() == row.column);
        CHECK_THAT(e.what(), Catch::Contains(row.says));
    }
}

TEST_CASE("absurd queries fail cleanly instead of crashing", "[query]") {
    SECTION("10,000 nested parentheses") {
        const std::string deep = std::string(10000, '(') + "x" + std::string(10000, ')');
        CHECK_THROWS_AS(parse_query(deep, english()), QueryError);
    }
    SECTION("10,000 nested NOT groups") {
        std::string q;
        for (int i = 0; i < 10000; ++i) q += "NOT (";
        q += "x" + std::string(10000, ')');
        CHECK_THROWS_AS(parse_query(q, english()), QueryError);
    }
    SECTION("2,000 terms") {
        std::string q;
        for (int i = 0; i < 2000; ++i) q += "w" + std::to_string(i) + " ";
        CHECK_THROWS_AS(parse_query(q, english()), QueryError);
    }
    SECTION("a run of minus signs") {
        CHECK_THROWS_AS(parse_query(std::string(5000, '-') + "x", english()), QueryError);
    }
    SECTION("but nesting within the limit is fine") {
        const std::string ok = std::string(50, '(') + "x" + std::string(50, ')');
        CHECK(parse_query(ok, english()).query.get_description() == "Query(x)");
    }
}

TEST_CASE("parse limits are honoured", "[query]") {
    news::search::ParseLimits lim;
    lim.max_terms = 3;
    lim.max_depth = 2;
    CHECK_NOTHROW(parse_query("a b c", english(), false, lim));
    try {
        (void)parse_query("a b c d", english(), false, lim);
        FAIL("expected too many terms");
    } catch (const QueryError& e) {
        CHECK(e.column() == 7);  // the fourth word
        CHECK_THAT(e.what(), Catch::Contains("too many terms"));
    }
    CHECK_NOTHROW(parse_query("(a)", english(), false, lim));
    CHECK_THROWS_AS(parse_query("(((a)))", english(), false, lim), QueryError);
}

TEST_CASE("highlights hold the positive words, never the negated ones", "[query]") {
    struct Row {
        std::string query;
        std::vector<std::string> terms, stems, prefixes;
        std::vector<std::string> not_terms;
    };
    auto row = GENERATE(values<Row>({
        {"fentanyl precursors", {"fentanyl", "precursors"}, {"fentanyl", "precursor"}, {}, {}},
        {"fentanyl -mexico", {"fentanyl"}, {"fentanyl"}, {}, {"mexico"}},
        {"fentanyl NOT (mexico OR china)", {"fentanyl"}, {"fentanyl"}, {}, {"mexico", "china"}},
        {"\"step by step\"", {"step", "by"}, {}, {}, {}},
        {"precurs* -precise*", {}, {}, {"precurs"}, {"precise"}},
        {"quote:supply", {"supply"}, {"suppli"}, {}, {}},
        {"China’s", {"china's"}, {"china"}, {}, {}},
        {"speaker:daskal crisis", {"crisis"}, {"crisi"}, {}, {"daskal"}},  // names are filters, not words
    }));
    CAPTURE(row.query);
    const ParsedQuery p = parse_query(row.query, english());
    CHECK(p.highlight.terms == std::set<std::string>(row.terms.begin(), row.terms.end()));
    CHECK(p.highlight.stems == std::set<std::string>(row.stems.begin(), row.stems.end()));
    CHECK(p.highlight.prefixes == std::set<std::string>(row.prefixes.begin(), row.prefixes.end()));
    for (const std::string& t : row.not_terms) {
        CAPTURE(t);
        CHECK(p.highlight.terms.count(t) == 0);
        CHECK(p.highlight.prefixes.count(t) == 0);
    }
}

TEST_CASE("snippets mark the query words", "[query][snippet]") {
    const ParsedQuery p = parse_query("fog lifting", english());
    const std::string body = "Boats stayed in port. We are waiting for the fog to lift, she said.";
    const news::search::Snippet s = news::search::make_snippet(body, p.highlight, english(), 32);
    CHECK(s.text == body);  // short body: all of it, no ellipsis
    std::vector<std::string> marked;
    for (auto [b, e] : s.marks) marked.push_back(s.text.substr(b, e - b));
    CHECK(marked == std::vector<std::string>{"fog", "lift"});  // "lift" by its stem
}

// BUG: the window is moved back to start a few words before its first match
// without checking that its last match still fits, so the best window loses a word.
TEST_CASE("the snippet window keeps every query word it was chosen for", "[query][snippet]") {
    const ParsedQuery p = parse_query("fog lift", english());
    const std::string body = "Boats stayed in port. We are waiting for the fog to lift, she said.";
    const news::search::Snippet s = news::search::make_snippet(body, p.highlight, english(), 6);
    CHECK_THAT(s.text, Catch::Contains("fog"));
    CHECK_THAT(s.text, Catch::Contains("lift"));
    CHECK(s.marks.size() == 2);
}

// BUG: '+' overrides the exclusion of a following '-', so "+-x" silently searches for x
// (and x is not highlighted): a contradiction should be an error, or the exclusion kept.
TEST_CASE("a required exclusion is not turned into a requirement", "[query]") {
    bool excluded_or_error = false;
    try {
        const std::string d = describe("fentanyl +-mexico");
        excluded_or_error = d.find("AND_NOT Zmexico") != std::string::npos;
    } catch (const QueryError&) {
        excluded_or_error = true;
    }
    CHECK(excluded_or_error);
}

TEST_CASE("what the parser does beyond the grammar is said in notes, for --explain", "[query]") {
    struct Row {
        std::string query;
        std::vector<std::string> notes;
    };
    auto row = GENERATE(values<Row>({
        {"fentanyl precursors", {}},
        {"10:30", {}},
        {"Trump: My immigration plans aren't set in stone", {"'Trump:' is not a field: searched as the word trump"}},
        {"foo:bar", {"'foo:' is not a field: searched as the phrase \"foo bar\""}},
        {"oil — prices", {"'—' holds no searchable word: left out"}},
        {"oil \"\"", {"\"\" holds no searchable word: left out"}},
        {"title:— oil", {"'—' holds no searchable word: left out"}},
        {"\"oil\"~3", {"\"oil\"~3: one word, so the distance does nothing"}},
        {"\"oil pri*\"", {"\"oil pri*\": '*' inside quotation marks is no wildcard; the phrase's words are matched exactly"}},
    }));
    CAPTURE(row.query);
    CHECK(parse_query(row.query, english()).notes == row.notes);
}

TEST_CASE("a stem with more words than are searched says so", "[query]") {
    news::search::StemExpander many = [](const std::string& stem) {
        std::vector<std::string> words;
        for (int i = 0; i < 70; ++i) words.push_back(stem + "x" + std::to_string(100 + i));
        return words;
    };
    const ParsedQuery p = parse_query("strike", english(), false, {}, many);
    CHECK(p.notes == std::vector<std::string>{"'strike': 71 indexed words share its stem; the first 64 (alphabetically) are searched"});
}

TEST_CASE("speaker: and quote: pair over the quote slots", "[query][pairing]") {
    // Speaker 0 (Donald Trump) has quotes 0.0 and 0.1, speaker 1 (Hillary Clinton) quote 1.0.
    static const std::vector<std::string> index = {
        "XJ0.0",         "XJ0.1",        "XJ1.0",         "XNWclinton#1", "XNWdonald#0", "XNWhillary#1",
        "XNWtrump#0",    "XNdonald trump#0", "XNhillary clinton#1", "XWbig#1.0", "XWpay#0.0", "XWwall#0.0",
        "XWwall#0.1",    "XWwall#1.0"};
    news::search::QuoteSlots slots;
    slots.terms = [](const std::string& head) {
        std::vector<std::string> out;
        for (const std::string& t : index)
            if (t.starts_with(head)) out.push_back(t);
        return out;
    };
    auto pairing = [&](const std::string& q) { return parse_query(q, english(), false, {}, {}, slots).query.get_description(); };
    struct Row {
        std::string query, expected;
    };
    auto row = GENERATE(values<Row>({
        // one quote by the speaker holds the word, in the slots where both are; the
        // article-wide quote: clause only weighs
        {"speaker:trump quote:wall",
         "Query(((XSPKWtrump AND_MAYBE XQwall) FILTER ((XNWtrump#0 AND XWwall#0.0) OR (XNWtrump#0 AND XWwall#0.1))))"},
        {"speaker:trump -quote:wall",
         "Query((XSPKWtrump AND_NOT ((XNWtrump#0 AND XWwall#0.0) OR (XNWtrump#0 AND XWwall#0.1))))"},
        {"speaker:\"donald trump\" quote:pay", "Query(((XSPKdonald trump AND_MAYBE XQpay) FILTER (XNdonald trump#0 AND XWpay#0.0)))"},
        // one quote holds both
        {"speaker:trump quote:wall quote:pay",
         "Query((((XSPKWtrump AND_MAYBE XQwall) AND_MAYBE XQpay) FILTER (XNWtrump#0 AND XWwall#0.0 AND XWpay#0.0)))"},
        {"speaker:clinton quote:pay", "Query(((XSPKWclinton AND_MAYBE XQpay) FILTER XJ))"},  // no such quote: nothing
        // unpaired: any quote; a word needs no slots, a phrase does
        {"speaker:trump OR quote:wall", "Query((XSPKWtrump OR XQwall))"},
        {"quote:\"big wall\"",
         "Query(((XQbig AND XQwall) FILTER ((XJ1.0 PHRASE 4 big PHRASE 4 wall PHRASE 4 XJ1.0) FILTER (XWbig#1.0 AND "
         "XWwall#1.0))))"},
        // a prefix: the words with that start in each slot
        {"speaker:trump quote:wal*",
         "Query(((XSPKWtrump AND_MAYBE WILDCARD SYNONYM XQwal) FILTER ((XNWtrump#0 AND XWwall#0.0) OR (XNWtrump#0 AND XWwall#0.1))))"},
        // a NOT of everything may hold in any slot: every slot of the speaker
        {"speaker:trump quote:(-pay)",
         "Query(((XSPKWtrump AND_MAYBE <alldocuments>) FILTER ((XNWtrump#0 AND (<alldocuments> AND_NOT XWpay#0.0)) OR "
         "(XNWtrump#0 AND (<alldocuments> AND_NOT XJ)))))"},  // XJ: never indexed (pay is not in 0.1)
    }));
    CAPTURE(row.query);
    CHECK(pairing(row.query) == row.expected);
    // --any without AND: unpaired
    CHECK(parse_query("speaker:trump quote:wall", english(), true, {}, {}, slots).query.get_description() ==
          "Query((XSPKWtrump OR XQwall))");
}
