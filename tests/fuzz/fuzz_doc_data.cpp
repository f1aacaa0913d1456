/// @file
/// @brief libFuzzer target: results' document data read with simdjson (read_document_data)
/// against nlohmann (article_from_document_data) on arbitrary bytes: both throw, or both
/// give the same Article; anything else aborts. The same bytes also go through the stored
/// article's zstd packing: unpack() of arbitrary bytes, with and without a dictionary, throws
/// or returns; pack() round-trips with and without one; bytes loaded as a dictionary throw or work.
#include "common/article.h"
#include "common/stored.h"
#include "searcher/doc_data.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace {

template <class F>
std::optional<news::Article> attempt(F&& read) {
    try {
        return read();
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
}

// A dictionary as a database would have one, trained once on made-up articles.
const std::vector<std::shared_ptr<const news::stored::Dictionary>>& dictionaries() {
    static const auto dicts = [] {
        std::vector<std::string> samples;
        for (std::size_t i = 0; i < 1500; ++i) {
            news::Article a;
            a.id = "feed.jsonl#" + std::to_string(i);
            a.title = "Pier " + std::to_string(i % 37) + " reopens";
            for (std::size_t k = 0; k < 10; ++k)
                a.text += "Berth " + std::to_string((i * 7 + k) % 97) + " waited " + std::to_string(k) + " hours. ";
            samples.push_back(news::to_document_data(a));
        }
        auto d = news::stored::Dictionary::train(samples);
        if (!d) std::abort();
        return std::vector<std::shared_ptr<const news::stored::Dictionary>>{d};
    }();
    return dicts;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    for (bool with : {false, true}) {
        try {
            (void)news::stored::unpack(bytes, with ? dictionaries() : decltype(dictionaries()){});
        } catch (const std::runtime_error&) {  // UnknownDictionary included
        }
    }
    if (news::stored::unpack(news::stored::pack(bytes)) != bytes) std::abort();
    if (news::stored::unpack(news::stored::pack(bytes, dictionaries()[0].get()), dictionaries()) != bytes) std::abort();
    // Bytes that load as a dictionary (or throw) never crash, nor does packing with one.
    try {
        auto d = news::stored::Dictionary::load(std::string(bytes));
        (void)news::stored::unpack(news::stored::pack("Cranes stood idle.", d.get()), std::vector{d});
    } catch (const std::runtime_error&) {
    }
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
