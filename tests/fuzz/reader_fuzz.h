/// @file
/// @brief What the reader fuzz targets share: read one file's bytes in a format, run the
/// extract stage (structure, quotations, speakers) on every article and check the quote offsets.
///
/// A ReadError is a reader's answer to an unusable file; any other exception escaping, a
/// crash, a sanitizer report or a broken invariant (abort) is a bug. Invariants, for every
/// quote of every speaker: [start, end) lies inside article.text, and
/// text.substr(start, end - start) == quote.text. The article must also serialise to JSON
/// (the document data and --extract output), which needs valid UTF-8 everywhere, and its
/// wire-copy signature must read back whole (copies.h).
#pragma once

#include "common/article.h"
#include "common/copies.h"
#include "common/text/analyzer.h"
#include "indexer/extract/extract.h"
#include "indexer/readers/reader.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

namespace news_fuzz {

[[noreturn]] inline void fail(const news::Article& a, const news::Speaker& s, const news::Quote& q, const char* what) {
    std::fprintf(stderr, "invariant broken: %s\n  article %s, speaker \"%s\", quote [%zu, %zu) of text size %zu\n"
                         "  quote.text: \"%s\"\n", what, a.id.c_str(), s.name.c_str(), q.start, q.end,
                 a.text.size(), q.text.c_str());
    std::abort();
}

inline void check_article(news::Article& a) {
    const std::string failed = news::extract::extract_article(a, news::extract::ExtractOptions{});
    if (!failed.empty()) {  // the pipeline contains it, but extraction must not throw on any text
        std::fprintf(stderr, "extraction failed: %s\n", failed.c_str());
        std::abort();
    }
    for (const news::Speaker& s : a.speakers)
        for (const news::Quote& q : s.quotes) {
            if (q.start > q.end) fail(a, s, q, "quote start > end");
            if (q.end > a.text.size()) fail(a, s, q, "quote ends after the article text");
            if (a.text.compare(q.start, q.end - q.start, q.text) != 0) fail(a, s, q, "text.substr(start, end - start) != quote.text");
        }
    for (const news::Quote& q : a.quotations)
        if (q.start > q.end || q.end > a.text.size()) fail(a, news::Speaker{}, q, "quotation outside the text");
    // Reported speech: spans of the text, never inside a quotation's words.
    for (const news::Speaker& s : a.reported)
        for (const news::Quote& q : s.quotes) {
            if (q.start >= q.end) fail(a, s, q, "reported span empty or reversed");
            if (q.end > a.text.size()) fail(a, s, q, "reported span ends after the article text");
            if (a.text.compare(q.start, q.end - q.start, q.text) != 0) fail(a, s, q, "reported span text != text.substr");
        }
    volatile std::size_t n = news::to_json(a).dump().size();
    (void)n;
    // Its wire-copy signature (names and figures read from the text): stored whole, read back.
    static const news::text::Analyzer analyzer("english");
    const news::copies::Signature sig = news::copies::sign_article(a, analyzer.tokenize(a.title), analyzer.tokenize(a.text));
    const std::optional<news::copies::Signature> back = news::copies::decode(news::copies::encode(sig));
    if (!back || back->mins != sig.mins || back->figures != sig.figures || back->names != sig.names || back->id != a.id) {
        std::fprintf(stderr, "wire-copy signature of %s does not read back\n", a.id.c_str());
        std::abort();
    }
    if (!news::copies::are_copies(sig, sig) && sig.exact != 0) {
        std::fprintf(stderr, "article %s is not a copy of itself\n", a.id.c_str());
        std::abort();
    }
}

inline int read_and_check(news::readers::Format format, const std::uint8_t* data, std::size_t size, const char* name) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    news::readers::ReadResult r;
    try {
        r = news::readers::read_file_content(format, bytes, name, name);
    } catch (const news::readers::ReadError&) {
        return 0;  // an unusable file: expected
    }
    for (news::Article& a : r.articles) check_article(a);
    return 0;
}

}  // namespace news_fuzz
