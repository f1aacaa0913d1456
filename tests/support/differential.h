/// @file
/// @brief What two implementations give on the same input, as one comparable string: shared
/// by the differential unit tests and the fuzz targets that check the same pairs.
#pragma once

#include "indexer/readers/json_reader.h"
#include "indexer/readers/reader.h"
#include "searcher/format/output.h"

#include <nlohmann/json.hpp>

#include <sstream>
#include <string>

namespace news::testing {

/// The results as printed by the direct writer (@p plain false) or through nlohmann's trees,
/// or "throws" when the printer refuses them (invalid UTF-8).
inline std::string printed(const search::Results& r, const search::OutputOptions& o, bool plain) {
    std::ostringstream out;
    try {
        if (plain) search::print_results_nlohmann(out, r, o);
        else search::print_results(out, r, o);
    } catch (const nlohmann::json::exception&) {
        return "throws";
    }
    return out.str();
}

/// A reader's Article as JSON, or what it threw (ReadError or nlohmann's exception, with the message).
template <class Read>
std::string record_outcome(Read&& read) {
    try {
        return to_json(read()).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    } catch (const readers::ReadError& e) {
        return std::string("ReadError: ") + e.what();
    } catch (const nlohmann::json::exception& e) {
        return std::string("json: ") + e.what();
    }
}

}  // namespace news::testing
