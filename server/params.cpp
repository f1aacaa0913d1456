/// @file
/// @brief Reading and checking request parameters.
#include "server/params.h"

#include "common/date.h"
#include "common/text/analyzer.h"

#include <algorithm>
#include <set>

namespace news::serve {
namespace {

ApiError bad(const std::string& message, std::string_view parameter) { return ApiError(400, message, std::string(parameter)); }

// A value as shown in a message: printable ASCII, else escaped (64 bytes at most).
std::string shown(std::string_view s) {
    std::string out;
    for (unsigned char c : s.substr(0, 64)) {
        if (c >= 0x20 && c < 0x7f) out += static_cast<char>(c);
        else {
            static const char* hex = "0123456789ABCDEF";
            out += "%";
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return s.size() > 64 ? out + "..." : out;
}

// A whole number from 0 to @p max, digits only; @p name is how a message calls it.
std::size_t read_bounded(std::string_view name, std::string_view value, std::size_t max, std::string_view parameter) {
    const bool digits = !value.empty() && value.find_first_not_of("0123456789") == std::string_view::npos;
    if (!digits) throw bad(std::string(name) + " takes a whole number, 0 or more, not '" + shown(value) + "'", parameter);
    std::size_t n = 0;
    for (char c : value) {
        n = n * 10 + static_cast<std::size_t>(c - '0');
        if (n > max)
            throw bad(std::string(name) + " " + shown(value) + " is too large (at most " + std::to_string(max) + ")", parameter);
    }
    return n;
}

// The parameters each route takes (token: every route).
bool accepts(Route route, std::string_view name) {
    if (name == "token") return true;
    switch (route) {
    case Route::Search:
    case Route::Csv: return name == "q" || name == "n" || name == "offset" || name == "sort" || name == "from" || name == "to" ||
                             name == "facet" || name == "split" || name == "collapse" || name == "count";
    case Route::Facets: return name == "q" || name == "from" || name == "to" || name == "facet" || name == "split" || name == "count";
    case Route::Speaker: return name == "q" || name == "n" || name == "offset" || name == "from" || name == "to";
    case Route::Article: return false;
    }
    return false;
}

}  // namespace

std::string SearchParams::query() const {
    if (from.empty() && to.empty()) return q;
    const std::string clause = "date:" + from + ".." + to;
    return q.empty() ? clause : "(" + q + ") " + clause;
}

void check_date(std::string_view value, std::string_view parameter) {
    const std::string message = std::string(parameter) + " must be a date YYYY-MM-DD (or YYYY-MM, YYYY), not '" + shown(value) + "'";
    if (value.size() != 4 && value.size() != 7 && value.size() != 10) throw bad(message, parameter);
    for (std::size_t i = 0; i < value.size(); ++i) {
        const bool dash = i == 4 || i == 7;
        if (dash ? value[i] != '-' : (value[i] < '0' || value[i] > '9')) throw bad(message, parameter);
    }
    std::string error;
    std::size_t offset = 0;
    if (!date::parse_query(value, error, offset)) throw bad(std::string(parameter) + ": no such date '" + std::string(value) + "'", parameter);
}

search::FacetRequest parse_facet_spec(std::string_view spec, std::string_view parameter) {
    search::FacetRequest f;
    std::string error;
    if (!search::parse_facet(spec, f, error)) throw bad(std::string(parameter) + ": " + error, parameter);
    if (f.top > kMaxFacetValues || (f.top == 0 && !search::is_date_facet(f.field)))
        throw bad(std::string(parameter) + " " + f.field + ": the number of values is 1 to " + std::to_string(kMaxFacetValues) +
                      (search::is_date_facet(f.field) ? std::string(", or 0 (all)") : " (0, all, is for year, month and day)"),
                  parameter);
    return f;
}

SearchParams parse_search_params(const Params& params, Route route) {
    SearchParams p;
    std::set<std::string_view> seen;
    for (const auto& [name, value] : params) {
        if (!accepts(route, name)) throw bad("unknown parameter '" + shown(name) + "'", name);
        if (name != "facet" && !seen.insert(name).second) throw bad("parameter '" + name + "' is given twice", name);
        if (name == "q") {
            if (value.size() > kMaxQueryBytes)
                throw bad("q is too long: " + std::to_string(value.size()) + " bytes (at most " + std::to_string(kMaxQueryBytes) + ")",
                          name);
            if (!text::is_valid_utf8(value)) throw bad("q is not valid UTF-8", name);
            p.q = value;
        } else if (name == "n") {
            p.n = read_bounded(name, value, kMaxResults, name);
        } else if (name == "offset") {
            p.offset = read_bounded(name, value, kMaxOffset, name);
        } else if (name == "sort") {
            if (value == "relevance") p.sort = search::Sort::Relevance;
            else if (value == "date") p.sort = search::Sort::DateAscending;
            else if (value == "-date") p.sort = search::Sort::DateDescending;
            else throw bad("sort must be relevance, date or -date, not '" + shown(value) + "'", name);
        } else if (name == "from" || name == "to") {
            check_date(value, name);
            (name == "from" ? p.from : p.to) = value;
        } else if (name == "facet") {
            if (p.facets.size() == kMaxFacets) throw bad("at most " + std::to_string(kMaxFacets) + " facets", name);
            p.facets.push_back(parse_facet_spec(value, name));
        } else if (name == "split") {
            p.split = parse_facet_spec(value, name);
        } else if (name == "collapse") {
            if (value != "0" && value != "1") throw bad("collapse must be 1 (one article per story, the default) or 0, not '" + shown(value) + "'", name);
            p.collapse = value == "1";
        } else if (name == "count") {
            if (value != "articles" && value != "stories") throw bad("count must be articles or stories, not '" + shown(value) + "'", name);
            p.stories = value == "stories";
        }
    }
    if (!p.from.empty() && !p.to.empty()) {
        std::string error;
        std::size_t at = 0;
        const auto lo = date::parse_query(p.from, error, at), hi = date::parse_query(p.to, error, at);
        if (lo && hi && lo->lo > hi->hi) throw bad("to (" + p.to + ") is before from (" + p.from + ")", "to");
    }
    if (p.q.find_first_not_of(" \t\r\n") == std::string::npos) p.q.clear();  // (every article)
    if (p.split && p.facets.empty()) throw bad("split splits the counts of a facet: give one (facet=month&split=source)", "split");
    return p;
}

bool authorized(std::string_view token, std::string_view header, const Params& params, std::string_view cookies) {
    if (token.empty()) return true;
    // Constant time in the token's contents (the length is no secret worth keeping).
    auto same = [&](std::string_view given) {
        if (given.size() != token.size()) return false;
        unsigned char diff = 0;
        for (std::size_t i = 0; i < token.size(); ++i) diff |= static_cast<unsigned char>(given[i] ^ token[i]);
        return diff == 0;
    };
    if (header.size() > 7) {
        std::string scheme(header.substr(0, 7));
        std::transform(scheme.begin(), scheme.end(), scheme.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (scheme == "bearer " && same(header.substr(7))) return true;
    }
    bool ok = false, given = false;
    for (const auto& [name, value] : params)
        if (name == "token") ok = same(value), given = true;  // (the last one given)
    if (given) return ok;
    // Cookie: a=1; news_serve_token=T; b=2
    for (std::size_t at = 0; at < cookies.size();) {
        std::size_t end = std::min(cookies.find(';', at), cookies.size());
        std::string_view pair = cookies.substr(at, end - at);
        while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
        if (pair.size() > kTokenCookie.size() && pair.starts_with(kTokenCookie) && pair[kTokenCookie.size()] == '=' &&
            same(pair.substr(kTokenCookie.size() + 1)))
            return true;
        at = end + 1;
    }
    return false;
}

}  // namespace news::serve
