/// @file
/// @brief libFuzzer target: the searcher's FastAnalyzer (byte scanner for plain text) against
/// text::Analyzer (ICU) on arbitrary bytes. Queries and snippets go through the first, the
/// index through the second: any difference in a token (term, alternative, offsets,
/// stemmable) or in normalize() would make a search miss what was indexed, so it aborts.
#include "common/text/analyzer.h"
#include "searcher/fast_analyzer.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

const news::text::Analyzer& icu() {
    static const news::text::Analyzer a("english");
    return a;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const news::search::FastAnalyzer fast(icu());
    std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto want = icu().tokenize(text);
    const auto got = fast.tokenize(text);
    if (got.size() != want.size()) std::abort();
    for (std::size_t i = 0; i < got.size(); ++i)
        if (got[i].term != want[i].term || got[i].alt != want[i].alt || got[i].start != want[i].start ||
            got[i].end != want[i].end || got[i].stemmable != want[i].stemmable)
            std::abort();
    if (fast.normalize(text) != icu().normalize(text)) std::abort();
    return 0;
}
