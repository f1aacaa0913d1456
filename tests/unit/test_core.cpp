/// @file
/// @brief Table-driven unit tests of the core: Analyzer, dates, query parser, structure, speakers, documents.
#include "common/date.h"
#include "common/schema.h"
#include "common/stored.h"
#include "common/text/analyzer.h"
#include "indexer/document_builder.h"
#include "indexer/extract/extract.h"
#include "indexer/extract/speakers.h"
#include "indexer/extract/speakers_zh.h"
#include "indexer/extract/structure.h"
#include "indexer/readers/reader.h"
#include "indexer/readers/text_reader.h"
#include "tests/support/structured.h"
#include "searcher/query_parser.h"
#include "searcher/search.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using news::text::Analyzer;

namespace {

std::string terms(const Analyzer& a, const std::string& text) {
    std::string out;
    for (const auto& t : a.tokenize(text)) {
        if (!out.empty()) out += ' ';
        out += t.term;
        if (!t.alt.empty()) out += "|" + t.alt;
    }
    return out;
}

std::string describe(const std::string& q, bool any = false) {
    static const Analyzer a("english");
    return news::search::parse_query(q, a, any).query.get_description();
}

std::size_t error_column(const std::string& q) {
    static const Analyzer a("english");
    try {
        (void)news::search::parse_query(q, a);
    } catch (const news::search::QueryError& e) {
        return e.column();
    }
    return 0;
}

}  // namespace

TEST_CASE("Analyzer: text -> terms", "[analyzer]") {
    Analyzer a("english");
    struct Row { const char* text; const char* want; };
    const Row rows[] = {
        {"López Obrador", "lopez obrador"},
        {"70,000 overdose deaths", "70000 overdose deaths"},
        {"1,200.50 dollars", "1200.50 dollars"},
        {"U.S. and US and u.s", "us and us and us"},
        {"Felbab-Brown", "felbab brown"},
        {"China’s rhetoric", "china's|china rhetoric"},
        {"China's rhetoric", "china's|china rhetoric"},
        {"ＡＢＣ ﬁnance", "abc finance"},
        {"Zoë Lefèvre, Łukasz Wróbel, Søren Ørsted", "zoe lefevre łukasz wrobel søren ørsted"},
        {"“Quoted,” she said — twice.", "quoted she said twice"},
        {"2024-01-30", "2024 01 30"},
    };
    for (const Row& r : rows) {
        CAPTURE(r.text);
        CHECK(terms(a, r.text) == r.want);
    }
    CHECK(terms(a, "70000") == terms(a, "70,000"));
    CHECK(terms(a, "lopez") != terms(a, "lopes"));
}

TEST_CASE("Analyzer: Chinese is segmented into words, offsets point at the input", "[analyzer]") {
    Analyzer a("english");
    auto toks = a.tokenize("公安部部长表示");
    REQUIRE(toks.size() >= 2);
    std::string text = "Jen Daskal said";
    auto t = a.tokenize(text);
    REQUIRE(t.size() == 3);
    CHECK(text.substr(t[1].start, t[1].end - t[1].start) == "Daskal");
    CHECK(a.tokenize(std::string("bad \xff\xfe bytes")).size() >= 2);  // no crash on invalid UTF-8
    CHECK(a.stem("running") == "run");
    CHECK(Analyzer("none").stem("running") == "running");
    CHECK(a.normalize("Vanda Felbab-Brown") == "vanda felbab brown");
}

TEST_CASE("Dates: article dates are parsed, never guessed", "[date]") {
    struct Row { const char* text; const char* want; };
    const Row rows[] = {
        {"2024-01-30", "2024-01-30"},           {"2024-01-30T08:15:00Z", "2024-01-30"},
        {"January 30, 2024", "2024-01-30"},     {"Jan. 30, 2024", "2024-01-30"},
        {"30 Jan 2024", "2024-01-30"},          {"Tue, 30 Jan 2024 08:00:00 GMT", "2024-01-30"},
        {"26-FEB-1987 15:01:01.79", "1987-02-26"}, {"20240130", "2024-01-30"},
        {"2024-02-29", "2024-02-29"},
        {"2023-02-29", ""}, {"2024-13-01", ""}, {"hello", ""}, {"", ""}, {"2024", ""}, {"Janitor 3, 2024", ""},
    };
    for (const Row& r : rows) {
        CAPTURE(r.text);
        auto d = news::date::parse(r.text);
        CHECK((d ? *d : std::string()) == r.want);
    }
}

TEST_CASE("Dates: query values and ranges", "[date]") {
    struct Row { const char* text; const char* lo; const char* hi; };
    const Row rows[] = {
        {"2024", "20240101", "20241231"},     {"2024-02", "20240201", "20240229"},
        {"2023-02", "20230201", "20230228"},  {"2024-01-30", "20240130", "20240130"},
        {"2024-01..2024-03", "20240101", "20240331"}, {"..2023", "", "20231231"}, {"2024..", "20240101", ""},
    };
    for (const Row& r : rows) {
        CAPTURE(r.text);
        std::string err;
        std::size_t off = 0;
        auto got = news::date::parse_query(r.text, err, off);
        REQUIRE(got);
        CHECK(got->lo == r.lo);
        CHECK(got->hi == r.hi);
    }
    for (const char* bad : {"2024-13", "x", "..", "2025..2024", "2024-02-30"}) {
        CAPTURE(bad);
        std::string err;
        std::size_t off = 0;
        CHECK_FALSE(news::date::parse_query(bad, err, off));
        CHECK_FALSE(err.empty());
    }
    std::string err;
    std::size_t off = 0;
    CHECK_FALSE(news::date::parse_query("2024-01-01..x", err, off));
    CHECK(off == 12);
}

TEST_CASE("Query parser: query -> Xapian description", "[query]") {
    struct Row { const char* query; const char* want; };
    const Row rows[] = {
        {"fentanyl", "Query(fentanyl)"},
        {"fentanyl precursors", "Query((fentanyl AND precursors))"},
        {"china OR mexico", "Query((china OR mexico))"},
        {"fentanyl -mexico", "Query((fentanyl AND_NOT mexico))"},
        {"fentanyl NOT mexico", "Query((fentanyl AND_NOT mexico))"},
        {"-mexico", "Query((<alldocuments> AND_NOT mexico))"},
        {"(china OR mexico) AND fentanyl", "Query(((china OR mexico) AND fentanyl))"},
        {"\"step by step\"", "Query((step PHRASE 3 by PHRASE 3 step))"},
        {"\"fentanyl crisis\"~5", "Query((fentanyl NEAR 7 crisis))"},
        {"precurs*", "Query(WILDCARD SYNONYM precurs)"},
        {"title:fentanyl", "Query(Sfentanyl)"},
        {"quote:supply", "Query(XQsupply)"},
        {"title:(china OR mexico)", "Query((Schina OR Smexico))"},
        {"speaker:daskal", "Query(XSPKWdaskal)"},
        {"speaker:\"Jen Daskal\"", "Query(XSPKjen daskal)"},
        {"speaker:Felbab-Brown", "Query(XSPKfelbab brown)"},
        {"person:\"López Obrador\"", "Query(XPERlopez obrador)"},
        {"author:jett", "Query(XAWjett)"},
        {"source:\"NBC News\"", "Query(XSRCnbc-news)"},
        {"place:beijing", "Query(XPLACEbeijing)"},
        {"date:2024-01", "Query(M202401)"},
        {"date:..2023", "Query(VALUE_LE 0 20231231)"},
        {"date:2024..", "Query(VALUE_GE 0 20240101)"},
        {"\"70,000\"", "Query(70000)"},
        {"López", "Query(lopez)"},
    };
    for (const Row& r : rows) {
        CAPTURE(r.query);
        CHECK(describe(r.query) == r.want);
    }
    CHECK(describe("china mexico", true) == "Query((china OR mexico))");
    CHECK(describe("china +mexico", true) == "Query((mexico AND_MAYBE china))");
}

TEST_CASE("Query parser: errors name the column", "[query]") {
    struct Row { std::string query; std::size_t column; };
    const std::vector<Row> rows = {
        {"fentanyl \"crisis", 10}, {"(china OR mexico", 1}, {"china)", 6}, {"*pod", 1},
        {"date:2024-13", 6},       {"fentanyl AND", 10},    {"OR china", 1}, {"-", 1},
        {"\"a b\"~", 6},           {"", 1},                  {"a ()", 3},     {"speaker: x", 1},
    };
    for (const Row& r : rows) {
        CAPTURE(r.query);
        CHECK(error_column(r.query) == r.column);
    }
    CHECK(error_column(std::string(10000, '(') + "x" + std::string(10000, ')')) > 0);
    std::string many;
    for (int i = 0; i < 2000; ++i) many += "w" + std::to_string(i) + " ";
    CHECK(error_column(many) > 0);
    CHECK(error_column("fentanyl precursors") == 0);
}

TEST_CASE("Query parser: highlight words exclude negated ones", "[query]") {
    Analyzer a("english");
    auto pq = news::search::parse_query("fentanyl -mexico \"step by\"", a);
    CHECK(pq.highlight.terms.count("fentanyl") == 1);
    CHECK(pq.highlight.terms.count("step") == 1);
    CHECK(pq.highlight.terms.count("mexico") == 0);
}

TEST_CASE("Structure: boilerplate, dateline, byline", "[structure]") {
    using namespace news::extract;
    CHECK(is_boilerplate("IE 11 is not supported. For an optimal experience visit our site on another browser."));
    CHECK(is_boilerplate("Get more newsLiveon"));
    CHECK(is_boilerplate("Advertisement"));
    CHECK_FALSE(is_boilerplate("YouTube star sued over ads"));
    CHECK_FALSE(is_boilerplate("The council met on Monday to discuss the plan."));
    struct Row { const char* para; const char* want; };
    const Row rows[] = {
        {"BEIJING — American and Chinese officials met.", "BEIJING"},
        {"SPRINGFIELD, Ill. — The governor said.", "SPRINGFIELD, Ill."},
        {"LONDON (Reuters) - Shares fell.", "LONDON"},
        {"北京 — 中美双方", "北京"},
        {"The U.S. — and China — met.", ""},
        {"Officials met on Tuesday.", ""},
    };
    for (const Row& r : rows) {
        CAPTURE(r.para);
        CHECK(find_dateline(r.para) == r.want);
    }
    CHECK(parse_reported_from("Ann Lee reported from Paris, Bo Chen from Hong Kong and Cy Dunn from London.") ==
          std::vector<std::string>{"Ann Lee", "Bo Chen", "Cy Dunn"});
    CHECK(parse_reported_from("The minister reported from the summit that talks failed.").empty());
}

TEST_CASE("Text reader: seed-like article -> fields", "[reader]") {
    std::string text =
        "Advertisement\n\nHarbour talks stall\n\nUnion and employers fail to agree.\n\n"
        "KESTREL BAY — Talks collapsed on Monday.\n\n“We walk,” said Ines Vale, a union steward.\n\n"
        "Ana Ruiz reported from Kestrel Bay and Bo Chen from Dunmore.\n";
    news::Article a = news::testing::structured(news::readers::read_text_article(text, "x.txt", "x.txt"));
    CHECK(a.title == "Harbour talks stall");
    CHECK(a.dek == "Union and employers fail to agree.");
    CHECK(a.dateline == "KESTREL BAY");
    CHECK(a.authors == std::vector<std::string>{"Ana Ruiz", "Bo Chen"});
    CHECK(a.text.find("Advertisement") == std::string::npos);
    CHECK_THROWS_AS(news::readers::read_text_article("---\ntitle: x\n", "y.txt", "y"), news::readers::ReadError);
    news::Article fm = news::testing::structured(news::readers::read_text_article(
        "---\ntitle: T\ndate: March 4, 2022\nsource: Harbor Ledger\nauthor: A One; B Two\n---\n\nBody text.\n", "z", "z"));
    CHECK(fm.title == "T");
    CHECK(fm.date == "2022-03-04");
    CHECK(fm.source == "Harbor Ledger");
    CHECK(fm.authors == std::vector<std::string>{"A One", "B Two"});
    std::string enc;
    CHECK(news::readers::decode_to_utf8("caf\xe9", enc) == "café");
    CHECK(enc != "UTF-8");
    CHECK_THROWS_AS(news::readers::decode_to_utf8(std::string("a\0b", 3), enc), news::readers::ReadError);
}

TEST_CASE("Speakers: attribution table", "[speakers]") {
    struct Row { const char* text; const char* speaker; const char* role; };
    const Row rows[] = {
        {"“We walk out at dawn,” Vale said.", "Vale", ""},
        {"“We walk out at dawn,” said Ines Vale, a union steward at the port.", "Ines Vale", "union steward at the port"},
        {"Ines Vale, a union steward, said the union had “no choice at all” now.", "Ines Vale", "union steward"},
        {"Governor Tom Brandt said: “We will not wait for the wells to go dry.”", "Tom Brandt", "Governor"},
        {"“Every household must cut use,” the mayor, Otto Brandt, said.", "Otto Brandt", "mayor"},
        {"Chinese Minister of Public Security Wang Lixin said the sides had “reached common ground today.”",
         "Wang Lixin", "Chinese Minister of Public Security"},
    };
    for (const Row& r : rows) {
        CAPTURE(r.text);
        news::Article a;
        a.text = r.text;
        news::extract::extract_speakers(a);
        REQUIRE(a.speakers.size() == 1);
        CHECK(a.speakers[0].name == r.speaker);
        CHECK(a.speakers[0].role == r.role);
        for (const auto& q : a.speakers[0].quotes) CHECK(a.text.substr(q.start, q.end - q.start) == q.text);
    }
}

TEST_CASE("Speakers: surnames, pronouns, split quotes, authors and scare quotes", "[speakers]") {
    news::Article a;
    a.authors = {"Ana Ruiz"};
    a.source = "Harbor Ledger";
    a.text = "“We walk out at dawn,” said Ines Vale, a union steward.\n\n"
             "“The port will close,” Vale said. “Nobody wins.”\n\n"
             "Ana Ruiz said the so-called “reform” was a plan.\n\n"
             "“It is over,” she said.";
    news::extract::extract_speakers(a);
    REQUIRE(a.speakers.size() == 1);
    CHECK(a.speakers[0].name == "Ines Vale");
    std::vector<std::string> quotes;
    for (const auto& q : a.speakers[0].quotes) quotes.push_back(q.text);
    CHECK(quotes == std::vector<std::string>{"We walk out at dawn,", "The port will close,", "Nobody wins.", "It is over,"});
}

TEST_CASE("Speakers: a pronoun after a quote stands for the subject of the sentence before it", "[speakers][pronoun]") {
    // Who said the quote that opens with @p words.
    auto speaker_of = [](const std::string& text, std::string_view words) {
        news::Article a;
        a.text = text;
        news::extract::extract_speakers(a);
        for (const auto& s : a.speakers)
            for (const auto& q : s.quotes)
                if (q.text.starts_with(words)) return s.name;
        return std::string("(none)");
    };
    const std::string before = "“We will not accept these terms,” said Ana Ruiz, the union's negotiator. ";
    struct Row { const char* why; std::string text; const char* speaker; };
    const Row rows[] = {
        // The subject of the sentence right before, introduced without a speech verb, of a sex the text never gives.
        {"subject, no speech verb", before + "\n\nTom Okafor, a lawyer for the port, expressed doubts that talks would resume. “Not one offer was accepted,” he said.", "Tom Okafor"},
        {"after a quote that ends its sentence", "“People want portability,” said Shelley Taylor. “They pay for it,” she said, “and they get it.” Cory Doctorow doubted the plan would work. “Not one lock has stopped copying,” he said.", "Cory Doctorow"},
        // Not the subject: the quote stays with the speaker before.
        {"the owner of something", before + "Okafor's plan was dropped. “We wait,” she said.", "Ana Ruiz"},
        {"after 'Regarding'", before + "Regarding Okafor's offer, she was blunt. “We wait,” she said.", "Ana Ruiz"},
        {"in parentheses", before + "(Harbor Freight Lines ships the cargo.) “We wait,” she said.", "Ana Ruiz"},
        {"two sentences back", before + "Tom Okafor left the room. The talks went on. Nobody ate. “We wait,” she said.", "Ana Ruiz"},
    };
    for (const Row& r : rows) {
        CAPTURE(r.why, r.text);
        const std::string last = r.text.substr(r.text.rfind("“") + 3, 8);
        CHECK(speaker_of(r.text, last) == r.speaker);
    }
}

TEST_CASE("Quotes: marks, multi-paragraph quotes, unclosed quotes", "[speakers]") {
    using news::extract::find_quotes;
    std::string t = "He said “one” and \"two\".";
    auto q = find_quotes(t);
    REQUIRE(q.size() == 2);
    CHECK(t.substr(q[0].start, q[0].end - q[0].start) == "one");
    CHECK(t.substr(q[1].start, q[1].end - q[1].start) == "two");
    std::string multi = "“First paragraph goes on\n\n“and ends here.”";
    auto m = find_quotes(multi);
    REQUIRE(m.size() == 1);
    CHECK(multi.substr(m[0].start, m[0].end - m[0].start) == "First paragraph goes on\n\n“and ends here.");
    CHECK(find_quotes("“never closed\n\nNext paragraph.").empty());
}

TEST_CASE("Document builder: article -> terms and values", "[document]") {
    Analyzer an("english");
    news::DocumentBuilder b(an);
    news::Article a;
    a.id = "c/x.txt";
    a.title = "Port strike";
    a.text = "“We walk,” said Ines Vale.";
    a.date = "2022-03-04";
    a.source = "Harbor Ledger";
    a.dateline = "LONG BEACH, Calif.";
    a.authors = {"Ana Ruiz"};
    a.speakers = {{"Ines Vale", "person", "", {}}};
    news::extract::find_quotations(a);
    Xapian::Document d = b.build(a, "/abs/x.txt", "sig");
    std::vector<std::string> got;
    for (auto it = d.termlist_begin(); it != d.termlist_end(); ++it) got.push_back(*it);
    auto has = [&](const std::string& t) { return std::find(got.begin(), got.end(), t) != got.end(); };
    for (const char* t : {"Qc/x.txt", "XFILE/abs/x.txt", "Len", "port", "strike", "Sport", "Sstrike",
                          "XQwe", "XQwalk", "walk", "said", "XSPKines vale", "XSPKWines",
                          "XSPKWvale", "Aana ruiz", "XAWruiz", "XSRCharbor-ledger", "XPLACElong beach calif",
                          "XPLACElong beach"}) {
        CAPTURE(t);
        CHECK(has(t));
    }
    // One-word name parts are looked up under the word prefixes only (XSPKW, XAW).
    for (const char* t : {"XQsaid", "XQines", "XSPKana ruiz", "Sines", "Zstrike", "ZSstrike", "ZXQwalk", "XSPKvale", "Aruiz"}) {
        CAPTURE(t);
        CHECK_FALSE(has(t));
    }
    CHECK(d.get_value(news::schema::kDateSlot) == "20220304");
    // Title and body positions: the body starts after a gap, so phrases never cross fields.
    auto pos = d.termlist_begin();
    pos.skip_to("walk");
    REQUIRE(pos != d.termlist_end());
    CHECK(*pos.positionlist_begin() > 100);
    CHECK(news::stored::unpack(d.get_value(news::schema::kStoredSlot)).find("\"title\":\"Port strike\"") != std::string::npos);
}

TEST_CASE("Chinese attribution: title + name + cue, after the quote, pronouns", "[speakers][zh]") {
    struct Row { const char* text; const char* name; const char* role; std::size_t quotes; };
    const Row rows[] = {
        {"外交部发言人李明表示：“我们欢迎对话。”", "李明", "外交部发言人", 1},
        {"“这是第一步，”张华说，“还有很多工作。”", "张华", "", 2},
        {"市长王刚说：“水价不会上涨。”他说：“我们有足够的储备。”", "王刚", "市长", 2},
        {"美方代表团团长、白宫顾问约翰·史密斯表示，会谈“务实而富有建设性”。", "约翰·史密斯", "白宫顾问", 1},
    };
    for (const Row& r : rows) {
        CAPTURE(r.text);
        news::Article a;
        a.language = "zh";
        a.text = r.text;
        news::extract::extract_speakers(a);
        REQUIRE(a.speakers.size() == 1);
        CHECK(a.speakers[0].name == r.name);
        CHECK(a.speakers[0].role == r.role);
        CHECK(a.speakers[0].quotes.size() == r.quotes);
    }
    news::Article none;
    none.language = "zh";
    none.text = "这是所谓的“改革”。会议在北京举行。";
    news::extract::extract_speakers(none);
    CHECK(none.speakers.empty());
}

namespace {
news::Article zh_article(const char* text) {
    news::Article a;
    a.language = "zh";
    a.text = text;
    news::extract::extract_speakers(a);
    return a;
}
std::string zh_speakers(const news::Article& a) {
    std::string out;
    for (const news::Speaker& s : a.speakers)
        out += "[" + s.name + " | " + s.kind + " | " + s.role + " | " + std::to_string(s.quotes.size()) + "] ";
    return out;
}
}  // namespace

TEST_CASE("Chinese speakers: fillers off the name, pronouns resolved, terms are no speech (must match)",
          "[speakers][zh]") {
    struct Row { const char* text; const char* name; const char* kind; const char* role; std::size_t quotes; };
    const Row rows[] = {
        // 他/她 with an adverb glued stand for the last person named as a subject, quoted or not.
        {"市长王刚表示，水价保持稳定。对此，他仅强调：“我们会继续努力。”", "王刚", "person", "市长", 1},
        {"不过今天张伟也向记者坦承，“比赛很难。”", "张伟", "person", "", 1},
        {"研究员李朝林就表示，“市场已经见底。”", "李朝林", "person", "研究员", 1},
        {"苏明２日表示，“会谈很顺利。”", "苏明", "person", "", 1},
        {"按李华的说法，“这只是开始。”", "李华", "person", "", 1},
        {"据目击者称，“车速非常快。”", "目击者", "person", "", 1},
        {"卫生部随即回应称，“产品没有问题。”", "卫生部", "organization", "", 1},
        {"外交部发言人昨日表示，“我们欢迎对话。”", "外交部发言人", "person", "", 1},
        {"市民陈先生则表示，“价格太高了。”", "陈先生", "person", "市民", 1},
        {"而其余网友则表示“不能接受”。", "网友", "person", "", 1},
        {"京华大学马立新教授介绍，食品给人们上了一堂“化学课”。", "马立新", "person", "教授", 1},
        // A quote closing its own sentence takes the cue after it when none is before it.
        {"“我们欢迎对话。”王丽说，会谈将在下周继续。", "王丽", "person", "", 1},
        {"“我很高兴，”冬冬说。", "冬冬", "person", "", 1},
    };
    for (const Row& r : rows) {
        CAPTURE(r.text);
        news::Article a = zh_article(r.text);
        CAPTURE(zh_speakers(a));
        REQUIRE(a.speakers.size() == 1);
        CHECK(a.speakers[0].name == r.name);
        CHECK(a.speakers[0].kind == r.kind);
        CHECK(a.speakers[0].role == r.role);
        CHECK(a.speakers[0].quotes.size() == r.quotes);
    }
    // A cue opening the next quote is that quote's, not the one before.
    news::Article two = zh_article("赵敏说，这件事让她很难过。“我一夜没睡。”王丽说：“我也是。”");
    CAPTURE(zh_speakers(two));
    REQUIRE(two.speakers.size() == 1);
    CHECK(two.speakers[0].name == "王丽");
    CHECK(two.speakers[0].quotes.size() == 1);
    CHECK(two.speakers[0].quotes[0].text == "我也是。");
    // The surname of a foreign name given in full is a name.
    news::Article foreign = zh_article("警察局长约翰·史密斯说：“我们在调查。”“这是严重的事件，”史密斯说。");
    CAPTURE(zh_speakers(foreign));
    REQUIRE(foreign.speakers.size() == 2);
    CHECK(foreign.speakers[1].name == "史密斯");
}

TEST_CASE("Chinese speakers: fillers, things, places and times never speak (must not match)", "[speakers][zh]") {
    const char* none[] = {
        "老人默坐一旁，很少说话，只说有点不舒服，“心里发慌，睡不着”。",
        "孩子们笑了，不停地说：“真好玩，真好玩。”",
        "网友“＠小鱼”也表态称，“这个规定不合理。”",
        "文章中称，“改革势在必行，不能再等。”",
        "昨日表示，“我们会尽快处理这件事。”",
        "他说：“我们来了。”",
        "也是自北京市政府宣布计划后的第二次，“很可能是一种挑衅行为”。",
        // Terms, titles and names in quotation marks inside a clause are nobody's words.
        "李明表示，政府将以“小步快跑”的方式推进改革。",
        "王刚说，马“政府”十几天前宣布了新计划。",
        "张华说，这家店上了“黑榜”。",
        "李明说，居民们陷入“停水门”，很多人很生气。",
    };
    for (const char* text : none) {
        CAPTURE(text);
        news::Article a = zh_article(text);
        CAPTURE(zh_speakers(a));
        CHECK(a.speakers.empty());
    }
    // The term is no one's; the sentence quoted after the cue is the speaker's.
    news::Article a = zh_article("针对“累犯”问题，王刚表示，“我们将严肃处理。”");
    CAPTURE(zh_speakers(a));
    REQUIRE(a.speakers.size() == 1);
    CHECK(a.speakers[0].name == "王刚");
    REQUIRE(a.speakers[0].quotes.size() == 1);
    CHECK(a.speakers[0].quotes[0].text == "我们将严肃处理。");
}

TEST_CASE("Stem table: documents give (stem, word) pairs, queries expand a word to its stem's words", "[stems]") {
    Analyzer an("english");
    news::DocumentBuilder b(an);
    news::Article a;
    a.id = "s.txt";
    a.title = "Strikes";
    a.text = "The strike spread; striking workers walked out. China’s ports.";
    std::vector<std::pair<std::string, std::string>> stems;
    (void)b.build(a, "", "", stems);
    auto has = [&](const char* stem, const char* word) {
        return std::find(stems.begin(), stems.end(), std::make_pair(std::string(stem), std::string(word))) != stems.end();
    };
    CHECK(has("strike", "strike"));
    CHECK(has("strike", "strikes"));
    CHECK(has("strike", "striking"));
    CHECK(has("walk", "walked"));
    CHECK(has("china", "china"));   // the bare form of a possessive
    CHECK_FALSE(has("strike", "spread"));
    CHECK(std::is_sorted(stems.begin(), stems.end()));
    // A builder gives each word's pair once: the same article again gives none, a new word
    // gives its own.
    std::vector<std::pair<std::string, std::string>> again;
    (void)b.build(a, "", "", again);
    CHECK(again.empty());
    news::Article more = a;
    more.text = "Strikers walked out.";
    (void)b.build(more, "", "", again);
    CHECK(again == std::vector<std::pair<std::string, std::string>>{{"striker", "strikers"}});
    // A second document appends its own sorted pairs and leaves the first ones alone (sorting
    // the whole vector per document made big JSON Lines files quadratic).
    news::DocumentBuilder fresh(an);
    std::vector<std::pair<std::string, std::string>> shared{{"zz", "zz"}, {"aa", "aa"}};
    (void)fresh.build(a, "", "", shared);
    REQUIRE(shared.size() > 2);
    CHECK(shared[0].first == "zz");
    CHECK(shared[1].first == "aa");
    CHECK(std::is_sorted(shared.begin() + 2, shared.end()));

    // A fake stem table: what the searcher reads from the database.
    news::search::StemExpander table = [](const std::string& stem) -> std::vector<std::string> {
        if (stem == "strike") return {"strike", "strikes", "striking"};
        return {};
    };
    auto q = [&](const std::string& text) {
        return news::search::parse_query(text, an, false, {}, table).query.get_description();
    };
    CHECK(q("strikes") == "Query((strikes SYNONYM strike SYNONYM striking))");
    CHECK(q("title:strike") == "Query((Sstrike SYNONYM Sstrikes SYNONYM Sstriking))");
    CHECK(q("quote:striking") == "Query((XQstriking SYNONYM XQstrike SYNONYM XQstrikes))");
    CHECK(q("walked") == "Query(walked)");                     // nothing else in the table
    CHECK(q("\"strikes spread\"") == "Query((strikes PHRASE 2 spread))");  // phrases stay exact
    CHECK(q("70000") == "Query(70000)");                       // numbers are not stemmed
}

TEST_CASE("Speaker rules: one row per rule, with a case that must not match", "[speakers][rules]") {
    struct Row { const char* rule; const char* text; const char* speaker; const char* role; };
    const Row rows[] = {
        {"dash after quote", "“We will win this seat.” ― Maria Lastra", "Maria Lastra", ""},
        {"dash, no-break space", "“We will win.” \xE2\x80\x95\xC2\xA0Jorge Falcon", "Jorge Falcon", ""},
        {"parenthetical party", "“This is a disgrace,” said Rep. Jim Carlow (D-S.C.), head of the caucus.", "Jim Carlow", "head of the caucus"},
        {"participle after a name", "The ad shows Hillary Clinton asking, “Why am I not ahead?”", "Hillary Clinton", ""},
        {"participle, sentence subject", "Mayor Dana Ruiz mocked the plan, saying it was “a gift to developers.”", "Dana Ruiz", "Mayor"},
        {"role before an inverted name", "“The rationale does not hold,” said 9/11 widow Terry Strada.", "Terry Strada", "9/11 widow"},
        {"titled name after 'said the'", "“Be frank,” said the Rev. Peter Wherry, of Mayfield Church.", "Peter Wherry", "Rev"},
        {"stacked appositives", "“It is an invasion,” Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said.", "Scott Pruitt", "attorney general of Oklahoma"},
        {"according to", "The talks failed, according to Ana Ruiz, a union steward, who called them “a farce.”", "Ana Ruiz", "union steward"},
        {"name before 'at the ORG'", "Dan Mills at the National Review agreed: “He won.”", "Dan Mills", ""},
        {"of-place after a titled name", "“No,” said Rep. Elijah Carver of Maryland.", "Elijah Carver", "Rep"},
        {"transcript tag", "“CARVER: We will not yield an inch on this bill.”", "Carver", ""},
        {"organisation named before", "Orbis Systems denied it. “We compete fairly,” the company said.", "Orbis Systems", ""},
    };
    for (const Row& r : rows) {
        CAPTURE(r.rule, r.text);
        news::Article a;
        a.text = r.text;
        news::extract::extract_speakers(a);
        REQUIRE(a.speakers.size() >= 1);
        CHECK(a.speakers[0].name == r.speaker);
        CHECK(a.speakers[0].role == r.role);
    }
    // Cases that must not produce a named speaker.
    const char* none[] = {
        "Chastened by the analyses, the campaign revised its plan, promising “more jobs.”",  // not a name
        "The so-called “reform” passed.",                                                      // scare quote
        "“It is over,” she said.",                                                             // pronoun, nobody named
        "Officials said the plan was “under review.”",                                         // unnamed group
        "He called it “a disaster” in remarks to reporters.",                                  // pronoun only
    };
    for (const char* t : none) {
        CAPTURE(t);
        news::Article a;
        a.text = t;
        news::extract::extract_speakers(a);
        for (const auto& s : a.speakers) CHECK_FALSE(std::isupper(static_cast<unsigned char>(s.name[0])));
    }
}

#include <filesystem>
#include <unistd.h>

TEST_CASE("Schema: a database of an older schema is refused with a message to rebuild it", "[schema]") {
    const std::string path = (std::filesystem::temp_directory_path() / ("news-unit-schema-" + std::to_string(::getpid()))).string();
    std::filesystem::remove_all(path);
    {
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
        news::schema::check_or_init_metadata(db, "english");
        CHECK(news::schema::read_metadata(db) == "english");
        db.set_metadata(news::schema::kMetaSchema, "5");
        db.commit();
        CHECK_THROWS_WITH(news::schema::read_metadata(db),
                          "database schema version 5 is older than this program's (" +
                              std::to_string(news::schema::kSchemaVersion) +
                              "): rebuild it: delete the database folder and run news-index on the articles again");
        CHECK_THROWS_WITH(news::schema::check_or_init_metadata(db, "english"), Catch::Contains("rebuild it"));
        db.set_metadata(news::schema::kMetaSchema, std::to_string(news::schema::kSchemaVersion + 1));
        CHECK_THROWS_WITH(news::schema::read_metadata(db), Catch::Contains("is newer than this program's"));
    }
    std::filesystem::remove_all(path);
}
