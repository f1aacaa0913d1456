/// @file
/// @brief Article -> Xapian::Document: terms and positions by prefix, values and data (DESIGN.md, "Xapian schema").
#include "indexer/document_builder.h"
#include "indexer/extract/extract.h"

#include "common/schema.h"
#include "common/stored.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

using namespace news;

namespace {

using Positions = std::vector<Xapian::termpos>;

/// Term -> positions (empty for terms without positions), in Xapian's termlist order.
std::map<std::string, Positions> terms_of(const Xapian::Document& doc) {
    std::map<std::string, Positions> out;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        Positions& p = out[*it];
        for (auto pi = it.positionlist_begin(); pi != it.positionlist_end(); ++pi) p.push_back(*pi);
    }
    return out;
}

const text::Analyzer& english() {
    static const text::Analyzer a("english");
    return a;
}

// Title: 3 words at positions 1-3; body words start after a gap of 100 (position 104).
Article sample() {
    Article a;
    a.id = "harbor/fog.txt";
    a.path = "corpus/harbor/fog.txt";
    a.title = "Fog closes Harbor";
    a.date = "2024-03-05";
    a.source = "Harbor Ledger";
    a.dateline = "PORTVILLE, Maine";
    a.authors = {"Ann Lee"};
    a.text =
        "PORTVILLE, Maine — Boats stayed in Portville’s port.\n\n"        // 104-110
        "“We are waiting for the fog to lift,” said Ida Brandt-Cole.";  // 111-122
    Speaker s;
    s.name = "Ida Brandt-Cole";
    const std::string q = "We are waiting for the fog to lift,";
    const std::size_t at = a.text.find(q);
    s.quotes.push_back({q, at, at + q.size()});
    a.speakers = {s};
    a.persons = {"Ida Brandt-Cole", "Tom Okafor"};
    extract::find_quotations(a);  // what extract_article gives the builder
    return a;
}

}  // namespace

TEST_CASE("document terms follow the schema", "[document]") {
    const Xapian::Document doc = DocumentBuilder(english()).build(sample(), "harbor/fog.txt", "123:456");
    const auto terms = terms_of(doc);

    struct Row {
        std::string term;
        bool present;
        Positions positions;  ///< checked when present
    };
    auto row = GENERATE(values<Row>({
        // identity and language
        {"Qharbor/fog.txt", true, {}},
        {"XFILEharbor/fog.txt", true, {}},
        {"Len", true, {}},
        // title words: unprefixed and S, positional; body continues after the gap
        {"fog", true, {1, 116}},
        {"closes", true, {2}},
        {"harbor", true, {3}},
        {"Sfog", true, {1}},
        {"Scloses", true, {2}},
        {"Sharbor", true, {3}},
        {"Sboats", false, {}},  // body words are not title words
        {"Harbor", false, {}},  // folded
        // body words
        {"portville", true, {104, 109}},
        {"maine", true, {105}},
        {"boats", true, {106}},
        {"portville's", true, {109}},  // a possessive and its bare form share a position
        {"port", true, {110}},
        {"brandt", true, {121}},  // hyphenated names: adjacent positions
        {"cole", true, {122}},
        {"brandt-cole", false, {}},
        // no stem terms: the database's stem table maps stems to these words instead
        {"Zfog", false, {}},
        {"Zclose", false, {}},
        {"ZSclose", false, {}},
        {"Zboat", false, {}},
        {"Zwait", false, {}},
        {"Zportvill", false, {}},
        {"Zboats", false, {}},
        // words inside quotes only, without positions (phrases in quotes use the slots)
        {"XQwaiting", true, {}},
        {"XQfog", true, {}},
        {"XQlift", true, {}},
        // the pairing terms of quote 0 of speaker 0 (#0.0): its words without positions, its marker,
        // the speaker's name (#0; no one-word part under XN: one word is looked up under XNW)
        {"XJ0.0", true, {110, 111, 112, 113, 114, 115, 116, 117, 118, 119}},  // its words (111-118), one more each side
        {"XWwaiting#0.0", true, {}},
        {"XWfog#0.0", true, {}},
        {"XWlift#0.0", true, {}},
        {"XWsaid#0.0", false, {}},
        {"XWboats#0.0", false, {}},
        {"XNida brandt cole#0", true, {}},
        {"XNbrandt cole#0", true, {}},
        {"XNcole#0", false, {}},
        {"XNWida#0", true, {}},
        {"XNWcole#0", true, {}},
        {"XJ0.1", false, {}},
        {"XJ1.0", false, {}},
        {"ZXQwait", false, {}},
        {"XQboats", false, {}},
        {"XQsaid", false, {}},
        {"XQbrandt", false, {}},
        {"XQharbor", false, {}},  // the title is not a quotation
        // speaker: full name, each trailing part of two words or more, each word
        {"XSPKida brandt cole", true, {}},
        {"XSPKbrandt cole", true, {}},
        {"XSPKcole", false, {}},  // a one-word part: one word is looked up under XSPKW
        {"XSPKWida", true, {}},
        {"XSPKWbrandt", true, {}},
        {"XSPKWcole", true, {}},
        {"XSPKida", false, {}},  // a first name alone is no name tail
        {"XSPKtom okafor", false, {}},  // mentioned, not quoted
        // persons
        {"XPERtom okafor", true, {}},
        {"XPERokafor", false, {}},
        {"XPERWokafor", true, {}},
        {"XPERWtom", true, {}},
        {"XPERida brandt cole", true, {}},
        // author: never a speaker
        {"Aann lee", true, {}},
        {"Alee", false, {}},
        {"XAWlee", true, {}},
        {"XAWann", true, {}},
        {"XSPKann lee", false, {}},
        {"XSPKWann", false, {}},
        // date terms: day, month, year (2024-03-05)
        {"D20240305", true, {}},
        {"M202403", true, {}},
        {"Y2024", true, {}},
        {"D20240306", false, {}},
        {"M202402", false, {}},
        // source slug and place
        {"XSRCharbor-ledger", true, {}},
        {"XSRCharbor ledger", false, {}},
        {"XSRCWharbor", true, {}},  // each word of the source: source:harbor
        {"XSRCWledger", true, {}},
        {"XSRCWharbor-ledger", false, {}},
        {"XPLACEportville maine", true, {}},
        {"XPLACEportville", true, {}},
        {"XPLACEmaine", false, {}},
    }));
    CAPTURE(row.term);
    const auto it = terms.find(row.term);
    if (!row.present) {
        CHECK(it == terms.end());
        return;
    }
    REQUIRE(it != terms.end());
    CHECK(it->second == row.positions);
}

TEST_CASE("the possessive's bare form is indexed at the same position", "[document]") {
    const auto terms = terms_of(DocumentBuilder(english()).build(sample(), "", ""));
    REQUIRE(terms.count("portville's"));
    REQUIRE(terms.count("portville"));
    const Positions& p = terms.at("portville");
    CHECK(std::find(p.begin(), p.end(), terms.at("portville's").front()) != p.end());
}

TEST_CASE("the termlist is sorted and phrases cannot cross from title to body", "[document]") {
    const Xapian::Document doc = DocumentBuilder(english()).build(sample(), "k", "");
    std::vector<std::string> list;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) list.push_back(*it);
    CHECK(std::is_sorted(list.begin(), list.end()));
    const auto terms = terms_of(doc);
    Xapian::termpos last_title = 0, first_body = ~0u;
    for (const auto& [t, pos] : terms) {
        if (t.starts_with("S") && !pos.empty()) last_title = std::max(last_title, pos.back());
        if (t == "portville" && !pos.empty()) first_body = pos.front();
    }
    CHECK(last_title == 3);
    CHECK(first_body > last_title + 100);
}

TEST_CASE("values and data", "[document]") {
    const Article a = sample();
    const Xapian::Document doc = DocumentBuilder(english()).build(a, "harbor/fog.txt", "123:456");
    CHECK(doc.get_value(0) == "20240305");
    CHECK(doc.get_value(1) == "123:456");
    CHECK(doc.get_data().empty());  // Xapian's document data stays empty: no deflate per document
    const std::string data = stored::unpack(doc.get_value(schema::kStoredSlot));
    const nlohmann::json j = nlohmann::json::parse(data.substr(0, data.find('\0')));
    CHECK(j.at("title") == "Fog closes Harbor");
    CHECK(j.at("id") == "harbor/fog.txt");
    CHECK(j.at("date") == "2024-03-05");
    CHECK(j.at("source") == "Harbor Ledger");
    CHECK(j.at("dateline") == "PORTVILLE, Maine");
    CHECK(j.at("authors") == nlohmann::json::array({"Ann Lee"}));
    CHECK(j.at("speakers").at(0).at("name") == "Ida Brandt-Cole");
    CHECK_FALSE(j.contains("text"));  // the text follows the NUL byte, stored once
    CHECK(data.substr(data.find('\0') + 1) == a.text);
    const Article back = article_from_document_data(data);
    CHECK(back.title == a.title);
    CHECK(back.text == a.text);
    REQUIRE(back.speakers.size() == a.speakers.size());
    for (std::size_t i = 0; i < a.speakers.size(); ++i) {
        REQUIRE(back.speakers[i].quotes.size() == a.speakers[i].quotes.size());
        for (std::size_t k = 0; k < a.speakers[i].quotes.size(); ++k)
            CHECK(back.speakers[i].quotes[k].text == a.speakers[i].quotes[k].text);  // rebuilt from offsets
    }
}

TEST_CASE("absent metadata adds no terms or values", "[document]") {
    Article a;
    a.id = "bare";
    a.text = "Just words.";
    a.language.clear();
    const Xapian::Document doc = DocumentBuilder(english()).build(a, "", "");
    const auto terms = terms_of(doc);
    CHECK(doc.get_value(0).empty());  // never an invented date
    CHECK(doc.get_value(1).empty());
    for (const auto& [t, pos] : terms) {
        CAPTURE(t);
        CHECK_FALSE(t.starts_with("XFILE"));
        CHECK_FALSE((t[0] == 'D' || t[0] == 'M' || t[0] == 'Y'));  // no date terms without a date
        CHECK_FALSE(t.starts_with("XSRC"));
        CHECK_FALSE(t.starts_with("XPLACE"));
        CHECK_FALSE(t.starts_with("XSPK"));
        CHECK_FALSE(t.starts_with("L"));
    }
    CHECK(terms.count("Qbare"));
    CHECK(terms.at("just") == Positions{101});  // empty title: the gap still applies
    const std::string data2 = stored::unpack(doc.get_value(schema::kStoredSlot));
    CHECK(nlohmann::json::parse(data2.substr(0, data2.find('\0'))).at("date").is_null());
}

TEST_CASE("id and file terms stay within Xapian's limit", "[document]") {
    const std::string head(300, 'x');
    const std::string t1 = DocumentBuilder::id_term(head + "1");
    const std::string t2 = DocumentBuilder::id_term(head + "2");
    CHECK(t1.size() <= 245);
    CHECK(t1 != t2);  // the hash keeps long ids apart
    CHECK(t1.starts_with("Qxxx"));
    CHECK(DocumentBuilder::id_term("a/b.txt") == "Qa/b.txt");
    CHECK(DocumentBuilder::file_term("a/b.txt") == "XFILEa/b.txt");
    CHECK(DocumentBuilder::file_term(head).size() <= 245);
}

TEST_CASE("WordSet: each word once, exact comparison, through growth and clear", "[builder]") {
    WordSet set;
    CHECK(set.insert("strike"));
    CHECK_FALSE(set.insert("strike"));
    CHECK(set.insert("strikes"));
    CHECK(set.insert(""));
    CHECK_FALSE(set.insert(""));
    CHECK(set.insert(std::string("a\0b", 3)));  // bytes, not C strings
    CHECK(set.insert("a"));
    for (int i = 0; i < 5000; ++i) CHECK(set.insert("w" + std::to_string(i)));  // grows past 1,024 slots
    for (int i = 0; i < 5000; i += 7) CHECK_FALSE(set.insert("w" + std::to_string(i)));
    CHECK(set.size() == 5005);
    CHECK_FALSE(set.insert("strikes"));
    set.clear();
    CHECK(set.size() == 0);
    CHECK(set.insert("strikes"));
}

TEST_CASE("stored articles: zstd round trip, damage is an error", "[document]") {
    std::string big;
    for (int i = 0; i < 20000; ++i) big += "Harbor pilots said the fog lifted at " + std::to_string(i) + ".\n";
    for (const std::string& data : {std::string(), std::string("{}\0", 3), std::string("\0\xff\xfe", 3), big}) {
        const std::string packed = stored::pack(data);
        CHECK(stored::unpack(packed) == data);
        if (data.size() > 1000) CHECK(packed.size() < data.size() / 4);  // repetitive text shrinks
    }
    const std::string packed = stored::pack(big);
    CHECK_THROWS_AS(stored::unpack(""), std::runtime_error);
    CHECK_THROWS_AS(stored::unpack("{\"title\":\"plain JSON\"}"), std::runtime_error);  // schema 3 data
    CHECK_THROWS_AS(stored::unpack(packed.substr(0, packed.size() / 2)), std::runtime_error);  // cut short
    std::string flipped = packed;
    flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x5a);
    // A flipped byte inside the compressed blocks either fails to decode or (zstd frames carry
    // no checksum by default) decodes to other bytes of the same size: never a crash.
    std::string out;
    bool decoded = true;
    try {
        out = stored::unpack(flipped);
    } catch (const std::runtime_error&) {
        decoded = false;
    }
    if (decoded) CHECK(out.size() == big.size());
}

namespace {

// Articles of the kind a newsroom's archive holds: the same JSON keys, varied sentences.
std::vector<std::string> sample_articles(std::size_t n, unsigned seed) {
    static const char* subjects[] = {"The harbor board", "Ida Brandt", "Dockworkers", "The port authority", "Tom Okafor",
                                     "Ferry pilots", "The city council", "Shipping firms"};
    static const char* verbs[] = {"said", "warned", "voted", "announced", "argued", "denied", "confirmed", "asked"};
    static const char* objects[] = {"that the cranes would stay idle", "a new fee for moorings", "the strike was over",
                                    "repairs to the north pier", "talks resume on Monday", "the tides were worse"};
    std::vector<std::string> out;
    unsigned x = seed;
    auto next = [&x] { return x = x * 1103515245u + 12345u, (x >> 16) & 0x7fff; };
    for (std::size_t i = 0; i < n; ++i) {
        news::Article a;
        a.id = "feed.jsonl#" + std::to_string(i);
        a.path = "feed.jsonl";
        a.title = std::string(subjects[next() % 8]) + " " + verbs[next() % 8] + " " + objects[next() % 6];
        a.date = "2024-0" + std::to_string(1 + next() % 9) + "-1" + std::to_string(next() % 10);
        a.source = "Harbor Ledger";
        for (int k = 0; k < 12; ++k)
            a.text += std::string(subjects[next() % 8]) + " " + verbs[next() % 8] + " " + objects[next() % 6] + " at " +
                      std::to_string(next() % 2400) + ". ";
        out.push_back(news::to_document_data(a));
    }
    return out;
}

}  // namespace

TEST_CASE("stored articles: a zstd dictionary trained on the first articles", "[document]") {
    CHECK(stored::Dictionary::train(sample_articles(stored::Dictionary::kMinSamples - 1, 1)) == nullptr);  // too few
    const auto dict = stored::Dictionary::train(sample_articles(2000, 1));
    REQUIRE(dict != nullptr);
    CHECK(dict->id() != 0);
    CHECK(dict->bytes().size() <= 64 * 1024);
    const std::vector<std::shared_ptr<const stored::Dictionary>> dicts{dict};
    std::size_t with = 0, without = 0;
    for (const std::string& data : sample_articles(300, 7)) {  // other articles than it learnt from
        const std::string packed = stored::pack(data, dict.get());
        CHECK(stored::unpack(packed, dicts) == data);
        with += packed.size();
        without += stored::pack(data).size();
        // A frame names its dictionary: without it, or with another, it is an error of its own kind.
        CHECK_THROWS_AS(stored::unpack(packed), stored::UnknownDictionary);
    }
    CHECK(with < without * 7 / 10);  // short articles compress much better with it
    // Frames without a dictionary still read with dictionaries given (a database that gained one).
    CHECK(stored::unpack(stored::pack("plain"), dicts) == "plain");
    // Loading again gives the same dictionary.
    const auto again = stored::Dictionary::load(dict->bytes());
    CHECK(again->id() == dict->id());
    const std::string packed = stored::pack("a short article", dict.get());
    CHECK(stored::unpack(packed, std::vector{again}) == "a short article");
    const auto other = stored::Dictionary::train(sample_articles(2000, 99));
    REQUIRE(other != nullptr);
    if (other->id() != dict->id()) CHECK_THROWS_AS(stored::unpack(packed, std::vector{other}), stored::UnknownDictionary);
    CHECK_THROWS_AS(stored::Dictionary::load("not a dictionary"), std::runtime_error);
    CHECK_THROWS_AS(stored::Dictionary::load(""), std::runtime_error);
}

TEST_CASE("topics become K terms, folded as topic: values are", "[document]") {
    Article a = sample();
    a.topics = {"crude", "Money-FX", "usa", "Climate Change", std::string(300, 'x')};
    const auto terms = terms_of(DocumentBuilder(english()).build(a, "", ""));
    std::vector<std::string> k;
    for (const auto& [t, pos] : terms)
        if (t.starts_with("K")) k.push_back(t);
    CHECK(k == std::vector<std::string>{"Kclimate change", "Kcrude", "Kmoney fx", "Kusa"});  // too long: left out
}
