/// @file
/// @brief The extract stage: from an article as its source gave it to the article indexed.
#include "indexer/extract/extract.h"

#include "indexer/extract/speakers.h"
#include "indexer/extract/structure.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <stdexcept>

namespace news::extract {
namespace {

/// For the test that one failing article never stops a run (tests/e2e/test_bad_article.py):
/// with NEWS_TEST_FAIL_EXTRACT set, extraction throws on every article whose text holds
/// its value. Read once; unset (always, outside that test) it costs one branch.
void test_hook_extract(const Article& a) {
    static const std::string marker = [] {
        const char* v = std::getenv("NEWS_TEST_FAIL_EXTRACT");
        return std::string(v ? v : "");
    }();
    if (!marker.empty() && a.text.find(marker) != std::string::npos)
        throw std::runtime_error("NEWS_TEST_FAIL_EXTRACT: planted failure");
}

/// The paragraphs of an article's text (a reader's join_paragraphs).
std::vector<std::string> paragraphs_of(const std::string& text) {
    std::vector<std::string> out;
    for (std::size_t b = 0; b < text.size();) {
        std::size_t e = text.find("\n\n", b);
        if (e == std::string::npos) e = text.size();
        if (e > b) out.push_back(text.substr(b, e - b));
        b = e + 2;
    }
    return out;
}

/// Text a source gave whose first paragraph is its headline: without a title, that paragraph
/// becomes it; with one it leaves the text only when its words are the title's (or its first).
/// Either way none of its words is lost: the title's are indexed as text too.
void take_headline(Article& a) {
    const std::size_t e = std::min(a.text.find("\n\n"), a.text.size());
    const std::string first = a.text.substr(0, e);
    if (first.empty()) return;
    if (a.title.empty()) a.title = first;
    else if (!words_begin(first, a.title)) return;
    a.dropped.emplace_back(kHeadline, first);
    a.text.erase(0, std::min(e + 2, a.text.size()));
}

}  // namespace

std::string guess_language(const std::string& text, const std::string& given) {
    std::size_t letters = 0, han = 0, kana = 0;
    const auto* p = reinterpret_cast<const uint8_t*>(text.data());
    int32_t i = 0, n = static_cast<int32_t>(std::min<std::size_t>(text.size(), 4000));
    while (i < n) {
        UChar32 c;
        U8_NEXT(p, i, n, c);
        if (c < 0 || !u_isalpha(c)) continue;
        ++letters;
        UBlockCode b = ublock_getCode(c);
        if (b == UBLOCK_HIRAGANA || b == UBLOCK_KATAKANA) ++kana;
        else if (u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC)) ++han;
    }
    if (letters > 0 && (han + kana) * 2 > letters) return kana * 10 > letters ? "ja" : "zh";
    return given.empty() ? "en" : given;
}

void find_quotations(Article& a) {
    a.quotations.clear();
    for (const QuoteSpan& q : find_quotes(a.text)) a.quotations.push_back({std::string(), q.start, q.end});
}

void guess_structure(Article& a) {
    if (a.structure_guessed) {
        apply_structure(a, paragraphs_of(a.text), a.title_in_text);
    } else {
        if (a.title_in_text) take_headline(a);
        if (!a.fields_complete) annotate_given(a);
    }
    a.structure_guessed = a.title_in_text = false;  // done: never twice
}

std::string extract_article(Article& a, const ExtractOptions& o) {
    // A manifest row's title replaces the reader's; a headline line then leaves the text only
    // when it has the title's words. The row's other fields fill what the text did not give.
    if (o.manifest && !o.manifest->title.empty()) a.title = o.manifest->title;
    guess_structure(a);
    if (o.manifest) readers::apply_manifest(a, *o.manifest, true);
    if (a.source.empty()) a.source = o.default_source;
    if (a.date.empty()) a.date = o.default_date;
    a.language = guess_language(a.text, a.language);
    find_quotations(a);
    std::string failed;
    if (o.speakers) {
        try {
            test_hook_extract(a);
            extract_speakers(a);
        } catch (const std::exception& e) {
            a.speakers.clear();
            a.persons.clear();
            a.organizations.clear();
            failed = std::string("quote and speaker extraction failed (") + e.what() + ")";
        }
    }
    note_unattributed_quotes(a);
    return failed;
}

}  // namespace news::extract
