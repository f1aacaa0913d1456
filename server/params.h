/// @file
/// @brief news-serve's request parameters: reading and checking them, before any search.
///
/// Everything a client sends is checked here, against the API's limits, and a mistake is an
/// ApiError (a 400 naming the parameter) instead of a guess: a bad number, sort, date or
/// facet, an unknown or repeated parameter, a query too long. The query's own syntax is the
/// query parser's (a QueryError with its column).
#pragma once

#include "searcher/search.h"

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace news::serve {

/// The version of the JSON API: every JSON answer carries it as "api_version"; routes are
/// under /api/v1/ (and /api/, its alias).
inline constexpr int kApiVersion = 1;

/// Limits of a request (README "news-serve"): query bytes, results per page, offset.
inline constexpr std::size_t kMaxQueryBytes = 2000;
inline constexpr std::size_t kMaxResults = 1000;
inline constexpr std::size_t kMaxOffset = 100000;
/// Facets: at most this many in one request, and values per facet (0, every value, only for
/// year, month and day, whose values are periods).
inline constexpr std::size_t kMaxFacets = 10;
inline constexpr std::size_t kMaxFacetValues = 1000;

/// A request answered with an error: the HTTP status, the message, and what it is about
/// (a parameter's name, and for a query error the column in that parameter, 1-based).
class ApiError : public std::runtime_error {
public:
    ApiError(int status, const std::string& message, std::string parameter = {},
             std::optional<std::size_t> column = std::nullopt)
        : std::runtime_error(message), status_(status), parameter_(std::move(parameter)), column_(column) {}
    [[nodiscard]] int status() const { return status_; }
    [[nodiscard]] const std::string& parameter() const { return parameter_; }
    [[nodiscard]] const std::optional<std::size_t>& column() const { return column_; }

private:
    int status_;
    std::string parameter_;
    std::optional<std::size_t> column_;
};

/// The parameters of a request (percent-decoded by the HTTP server), in any order.
using Params = std::vector<std::pair<std::string, std::string>>;

/// What /api/search, /api/facets and /api/search.csv were asked.
struct SearchParams {
    std::string q;                      ///< the query, as typed
    std::size_t n = 10;                 ///< results per page (0..kMaxResults)
    std::size_t offset = 0;             ///< results skipped (0..kMaxOffset)
    search::Sort sort = search::Sort::Relevance;
    std::string from, to;               ///< date bounds as given (YYYY, YYYY-MM or YYYY-MM-DD), or empty
    std::vector<search::FacetRequest> facets;
    std::optional<search::FacetRequest> split;
    bool collapse = true;               ///< collapse=0: every wire copy, not one article per story
    bool stories = false;               ///< count=stories: the total and facets count stories

    /// The query run: q, and a date:FROM..TO clause when from or to is given.
    [[nodiscard]] std::string query() const;
};

/// What a route accepts besides its own parameters.
enum class Route { Search, Facets, Csv, Speaker, Article };

/// Reads the parameters of @p route. Throws ApiError (400) for an unknown or repeated
/// parameter, a number out of range, a bad sort, date or facet, a split without a facet, or a
/// query too long or not UTF-8. An empty q is every article (as Searcher::run has it). `token`
/// is always allowed (see authorized()).
[[nodiscard]] SearchParams parse_search_params(const Params& params, Route route);

/// Reads FIELD[:N] as news-search --facet does (search::parse_facet), within the API's limits
/// (N up to kMaxFacetValues; 0 only for year, month and day). Throws ApiError (400) about
/// @p parameter.
[[nodiscard]] search::FacetRequest parse_facet_spec(std::string_view spec, std::string_view parameter);

/// Checks a date bound: YYYY, YYYY-MM or YYYY-MM-DD, a real day. Throws ApiError (400).
void check_date(std::string_view value, std::string_view parameter);

/// Does the request carry @p token (as "Authorization: Bearer TOKEN", a parameter
/// token=TOKEN, or the cookie kTokenCookie that a request with the parameter sets, so that a
/// page opened as /?token=T loads its own script and style sheet)? Always true when @p token is
/// empty. Compared in constant time.
[[nodiscard]] bool authorized(std::string_view token, std::string_view authorization_header, const Params& params,
                              std::string_view cookie_header = {});
inline constexpr std::string_view kTokenCookie = "news_serve_token";

}  // namespace news::serve
