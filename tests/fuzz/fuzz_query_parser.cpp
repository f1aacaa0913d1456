/// @file
/// @brief libFuzzer target: news::search::parse_query on arbitrary bytes.
///
/// A QueryError is the parser's answer to a malformed query; any other exception escaping,
/// a crash, a sanitizer report or a hang is a bug. Both default_or values are tried, and the
/// resulting Xapian query is described (what --explain prints).
#include "common/text/analyzer.h"
#include "searcher/query_parser.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

const news::text::Analyzer& analyzer() {
    static const news::text::Analyzer a("english");
    return a;
}

void parse(std::string_view text, bool default_or) {
    try {
        news::search::ParsedQuery q = news::search::parse_query(text, analyzer(), default_or);
        volatile std::size_t n = q.query.get_description().size();
        (void)n;
    } catch (const news::search::QueryError&) {
        // a malformed query: expected
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    parse(text, false);
    parse(text, true);
    return 0;
}
