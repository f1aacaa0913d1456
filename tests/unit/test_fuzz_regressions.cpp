/// @file
/// @brief Inputs found by the fuzz targets (tests/fuzz), minimised, kept as regression cases.
///
/// Each case goes through exactly what its fuzz target does: read_file_content in the
/// target's format, extract_article on every article, then the quote-offset invariants and
/// the JSON form. Memory errors only show under the sanitizers (tools/test-sanitize.sh);
/// in a plain build these cases check that nothing throws and the invariants hold.
#include "common/article.h"
#include "common/text/analyzer.h"
#include "indexer/extract/extract.h"
#include "indexer/readers/reader.h"
#include "searcher/doc_data.h"

#include <catch2/catch.hpp>

#include <string>

using news::readers::Format;

namespace {

struct Case {
    Format format;
    std::string bytes;
    std::string what;  ///< the target and the bug it found
};

void read_extract_check(const Case& c) {
    INFO(c.what);
    news::readers::ReadResult r;
    try {
        r = news::readers::read_file_content(c.format, c.bytes, "f", "f");
    } catch (const news::readers::ReadError&) {
        return;  // an unusable file is a fine answer
    }
    for (news::Article& a : r.articles) {
        REQUIRE(news::extract::extract_article(a, news::extract::ExtractOptions{}).empty());
        for (const news::Speaker& s : a.speakers)
            for (const news::Quote& q : s.quotes) {
                INFO("speaker " << s.name << ", quote [" << q.start << ", " << q.end << ") " << q.text);
                REQUIRE(q.start <= q.end);
                REQUIRE(q.end <= a.text.size());
                REQUIRE(a.text.substr(q.start, q.end - q.start) == q.text);
            }
        CHECK_NOTHROW(news::to_json(a).dump());
    }
}

}  // namespace

TEST_CASE("fuzz regressions: readers and speaker extraction", "[fuzz]") {
    auto c = GENERATE(values<Case>({
        // fuzz_text_reader, minimised: a one-word name after the cue ("said S") that appears
        // nowhere before it. extract_speakers (indexer/extract/speakers.cpp, the "Hydrologists
        // said" check) walks w back to 0 and then reads ws[w - 1], i.e. ws[-1]: heap-buffer-overflow.
        {Format::Text, "e\nt, said S", "fuzz_text_reader: ws[-1] in extract_speakers (minimised)"},
        {Format::Text, "Title\n\n\xE2\x80\x9CYes,\xE2\x80\x9D said Lee.", "fuzz_text_reader: “Yes,” said Lee."},
        {Format::Text, "Title\n\n\"Yes,\" said Lee.", "fuzz_text_reader: \"Yes,\" said Lee."},
        // The same bug through the SGML and HTML readers.
        {Format::Sgml, "<REUTERS NEWID=\"7\"><TITLE>T</TITLE><BODY>\xE2\x80\x9CYes,\xE2\x80\x9D said Lee.</BODY></REUTERS>",
         "fuzz_sgml_reader: ws[-1] in extract_speakers"},
        {Format::Html, "<p>\xE2\x80\x9CYes,\xE2\x80\x9D said Lee.</p>", "fuzz_html_reader: ws[-1] in extract_speakers"},
    }));
    read_extract_check(c);
}

namespace {

/// "a" then @p n times "é" (2 bytes each): a name list longer than 1000 bytes whose byte
/// 1000 is the middle of a character when n >= 500.
std::string long_name(std::size_t n) {
    std::string s = "a";
    for (std::size_t i = 0; i < n; ++i) s += "\xC3\xA9";
    return s;
}

}  // namespace

TEST_CASE("fuzz regressions: every field the readers fill is valid UTF-8", "[fuzz]") {
    auto c = GENERATE(values<Case>({
        // fuzz_sgml_reader (minimised by hand): split_names (indexer/readers/text_reader.cpp)
        // cuts the author list at 1000 bytes, in the middle of a UTF-8 character; the author
        // is then invalid UTF-8 and to_json(a).dump() throws type_error.316 (document_builder
        // and --extract). The front matter of a text file reaches it the same way.
        {Format::Sgml, "<REUTERS NEWID=\"1\"><TEXT><AUTHOR>" + long_name(500) + "</AUTHOR><BODY>Text.</BODY></TEXT></REUTERS>",
         "fuzz_sgml_reader: author cut mid-character by split_names"},
        {Format::Text, "---\ntitle: T\nauthor: " + long_name(500) + "\n---\nBody text.\n",
         "fuzz_sgml_reader, same bug through the text reader's front matter"},
        // fuzz_html_reader, minimised: gumbo 0.10.1 turns a numeric character reference that
        // overflows int into one raw byte (&#xFFFFFF8D; -> 0x8D), so read_html's text is
        // invalid UTF-8 and to_json(a).dump() throws.
        {Format::Html, "<p>&#xFFFFFF8D;</p>", "fuzz_html_reader: &#xFFFFFF8D; gives a raw 0x8D byte"},
        {Format::Html, "<p>a &#4294967181; b</p>", "fuzz_html_reader: &#4294967181; gives a raw 0x8D byte"},
    }));
    INFO(c.what);
    news::readers::ReadResult r;
    try {
        r = news::readers::read_file_content(c.format, c.bytes, "f", "f");
    } catch (const news::readers::ReadError&) {
        return;
    }
    using news::text::is_valid_utf8;
    for (const news::Article& a : r.articles) {
        CHECK(is_valid_utf8(a.title));
        CHECK(is_valid_utf8(a.text));
        CHECK(is_valid_utf8(a.dateline));
        for (const std::string& au : a.authors) CHECK(is_valid_utf8(au));
    }
    read_extract_check(c);
}

TEST_CASE("fuzz regressions: document data with a quote offset that is no unsigned integer", "[fuzz]") {
    // fuzz_doc_data: nlohmann converted 5e+82 to size_t (undefined behaviour, UBSan). An
    // offset that is not an unsigned integer now reads as 0, in both readers.
    for (const char* start : {"5e82", "-3", "1.5", "18446744073709551616"}) {
        CAPTURE(start);
        const std::string data = std::string(R"({"id":"a","speakers":[{"name":"Ida Cole","quotes":[{"start":)") + start +
                                 R"(,"end":4}]}]})" + std::string(1, '\0') + "Cranes idle.";
        const news::Article slow = news::article_from_document_data(data);
        const news::Article fast = news::search::read_document_data(data);
        REQUIRE(slow.speakers.size() == 1);
        REQUIRE(slow.speakers[0].quotes.size() == 1);
        CHECK(slow.speakers[0].quotes[0].start == 0);
        CHECK(slow.speakers[0].quotes[0].text == "Cran");
        CHECK(news::to_json(fast) == news::to_json(slow));
    }
}
