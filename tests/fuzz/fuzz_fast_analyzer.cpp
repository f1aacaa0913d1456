/// @file
/// @brief libFuzzer target: the byte scanner for plain text against ICU's word splitting
/// (Analyzer::tokenize_icu) on arbitrary bytes, through both users of the scanner: the
/// indexer's Analyzer::tokenize and the searcher's FastAnalyzer. Any difference in a token
/// (term, alternative, offsets, stemmable) or in normalize() would index other words than
/// ICU finds, or make a search miss what was indexed, so it aborts.
#include "common/text/analyzer.h"
#include "searcher/fast_analyzer.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
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
    const auto want = icu().tokenize_icu(text);
    std::string normal;
    for (const auto& t : want) normal += (normal.empty() ? "" : " ") + (t.alt.empty() ? t.term : t.alt);
    for (const auto& got : {fast.tokenize(text), icu().tokenize(text)}) {
        if (got.size() != want.size()) std::abort();
        for (std::size_t i = 0; i < got.size(); ++i)
            if (got[i].term != want[i].term || got[i].alt != want[i].alt || got[i].start != want[i].start ||
                got[i].end != want[i].end || got[i].stemmable != want[i].stemmable)
                std::abort();
    }
    if (fast.normalize(text) != normal || icu().normalize(text) != normal) std::abort();
    return 0;
}
