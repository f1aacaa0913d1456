/// @file
/// @brief libFuzzer target: results' document data read with simdjson (read_document_data)
/// against nlohmann (article_from_document_data) on arbitrary bytes: both throw, or both
/// give the same Article; anything else aborts. The same bytes also go through the stored
/// article's zstd packing: unpack() of arbitrary bytes throws or returns, pack() round-trips.
#include "common/article.h"
#include "common/stored.h"
#include "searcher/doc_data.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <string_view>

namespace {

template <class F>
std::optional<news::Article> attempt(F&& read) {
    try {
        return read();
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    try {
        (void)news::stored::unpack(bytes);
    } catch (const std::runtime_error&) {
    }
    if (news::stored::unpack(news::stored::pack(bytes)) != bytes) std::abort();
    auto fast = attempt([&] { return news::search::read_document_data(bytes); });
    auto slow = attempt([&] { return news::article_from_document_data(bytes); });
    if (fast.has_value() != slow.has_value()) std::abort();
    if (!fast) return 0;
    // Compared as JSON with invalid UTF-8 replaced, so that the comparison itself cannot throw.
    auto json = [](const news::Article& a) {
        return news::to_json(a).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    };
    if (json(*fast) != json(*slow) || fast->text != slow->text) std::abort();
    return 0;
}
