/// @file
/// @brief libFuzzer target: a JSON Lines record read with simdjson (article_from_record_fast)
/// against nlohmann (article_from_record over nlohmann::json::parse) on arbitrary bytes. Both
/// give the same Article, or both throw the same error (ReadError or nlohmann's exception,
/// same message); anything else aborts.
#include "indexer/readers/json_reader.h"
#include "indexer/readers/reader.h"
#include "tests/support/differential.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

using news::testing::record_outcome;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view line(reinterpret_cast<const char*>(data), size);
    const std::string slow = record_outcome([&] {
        return news::readers::article_from_record(nlohmann::json::parse(line), "f.jsonl", "f.jsonl#1");
    });
    const std::string fast = record_outcome([&] { return news::readers::article_from_record_fast(line, "f.jsonl", "f.jsonl#1"); });
    if (fast != slow) std::abort();
    return 0;
}
