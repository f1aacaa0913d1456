/// @file
/// @brief CSV export of a result page (RFC 4180).
#include "server/csv.h"

#include <nlohmann/json.hpp>

namespace news::serve {

std::string csv_field(std::string_view s) {
    const bool quote = s.find_first_of(",\"\r\n") != std::string_view::npos ||
                       (!s.empty() && (s.front() == ' ' || s.back() == ' '));
    if (!quote) return std::string(s);
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

std::string write_csv(const search::Results& r) {
    std::string out(kCsvColumns);
    out += "\r\n";
    for (const search::Hit& h : r.hits) {
        const Article& a = h.article;
        std::string speakers;
        for (const Speaker& s : a.speakers) speakers += (speakers.empty() ? "" : "; ") + s.name;
        for (const std::string& field : {std::to_string(h.rank), a.id, a.date, a.source, a.title, speakers})
            out += csv_field(field) + ',';
        out += nlohmann::json(h.score).dump() + ',' + csv_field(a.url) + "\r\n";
    }
    return out;
}

}  // namespace news::serve
