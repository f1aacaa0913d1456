/// @file
/// @brief libFuzzer target: the searcher's direct JSON writer (print_results) against
/// nlohmann's dump() (print_results_nlohmann) on results built from arbitrary bytes: every
/// string (query, fields, names, quotes, snippet) may hold any bytes, invalid UTF-8 and
/// control characters included; scores any double, NaN and infinities included. For --json
/// and --jsonl, with and without --batch, both must print the same bytes or both refuse
/// (nlohmann::json::exception); anything else aborts.
#include "searcher/format/output.h"
#include "tests/support/differential.h"

#include <fuzzer/FuzzedDataProvider.h>
#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

namespace {

// Any bytes, or (half the time, so that most results are printable and reach the writer
// past its UTF-8 check) the same bytes folded to ASCII, control characters included.
std::string text(FuzzedDataProvider& in, std::size_t max = 64) {
    const bool ascii = in.ConsumeBool();
    std::string s = in.ConsumeRandomLengthString(max);
    if (ascii)
        for (char& c : s) c = static_cast<char>(c & 0x7f);
    return s;
}

std::vector<std::string> texts(FuzzedDataProvider& in) {
    std::vector<std::string> out(in.ConsumeIntegralInRange<std::size_t>(0, 3));
    for (std::string& s : out) s = text(in);
    return out;
}

news::Quote quote(FuzzedDataProvider& in) {
    news::Quote q;
    q.text = text(in);
    q.start = in.ConsumeIntegral<std::size_t>();
    q.end = in.ConsumeIntegral<std::size_t>();
    return q;
}

news::search::Hit hit(FuzzedDataProvider& in) {
    news::search::Hit h;
    h.rank = in.ConsumeIntegral<std::size_t>();
    h.score = in.ConsumeBool() ? in.ConsumeFloatingPoint<double>() : in.ConsumeProbability<double>() * 40;
    news::Article& a = h.article;
    a.id = text(in);
    a.path = text(in);
    a.title = text(in);
    a.date = text(in);
    a.source = text(in);
    a.url = text(in);
    a.dateline = text(in);
    a.language = text(in);
    a.authors = texts(in);
    a.persons = texts(in);
    a.organizations = texts(in);
    for (std::size_t n = in.ConsumeIntegralInRange<std::size_t>(0, 2); n > 0; --n) {
        news::Speaker s{text(in), text(in), text(in), {}};
        for (std::size_t k = in.ConsumeIntegralInRange<std::size_t>(0, 2); k > 0; --k) s.quotes.push_back(quote(in));
        a.speakers.push_back(std::move(s));
    }
    // A snippet's marks are sorted byte ranges inside its text, as make_snippet gives them.
    h.snippet.text = text(in, 200);
    std::size_t at = 0;
    for (std::size_t n = in.ConsumeIntegralInRange<std::size_t>(0, 4); n > 0 && at < h.snippet.text.size(); --n) {
        const std::size_t b = in.ConsumeIntegralInRange<std::size_t>(at, h.snippet.text.size());
        const std::size_t e = in.ConsumeIntegralInRange<std::size_t>(b, h.snippet.text.size());
        h.snippet.marks.emplace_back(b, e);
        at = e;
    }
    for (std::size_t n = in.ConsumeIntegralInRange<std::size_t>(0, 2); n > 0; --n) h.quotes.push_back({text(in), quote(in)});
    return h;
}

using news::testing::printed;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    news::search::Results r;
    r.query = text(in);
    r.parsed = text(in);
    r.total = in.ConsumeIntegral<Xapian::doccount>();
    r.total_exact = in.ConsumeBool();
    for (std::size_t n = in.ConsumeIntegralInRange<std::size_t>(0, 3); n > 0; --n) r.hits.push_back(hit(in));
    news::search::OutputOptions o;
    o.qid = text(in);
    for (auto format : {news::search::Format::Json, news::search::Format::JsonLines})
        for (bool batch : {false, true}) {
            o.format = format;
            o.batch = batch;
            if (printed(r, o, false) != printed(r, o, true)) std::abort();
        }
    return 0;
}
