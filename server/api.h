/// @file
/// @brief news-serve's routes: the JSON API, CSV export and the web page's files.
///
/// Independent of the HTTP library: main.cpp hands each request over as a Request (path and
/// parameters percent-decoded by cpp-httplib) and sends the Response back. Every JSON answer
/// is what news-search --json prints for the same request (searcher/format/output.h), with
/// "api_version" added; errors are {"api_version": 1, "error": ..., "parameter": ...,
/// "column": ...}.
#pragma once

#include "server/params.h"
#include "server/searchers.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace news::serve {

struct Request {
    std::string method;         ///< "GET", "HEAD", ...
    std::string path;           ///< percent-decoded, without the query string
    Params params;              ///< percent-decoded
    std::string authorization;  ///< the Authorization header, or empty
    std::string cookie;         ///< the Cookie header, or empty
};

struct Response {
    int status = 200;
    std::string content_type;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;  ///< besides Content-Type
};

struct ApiOptions {
    std::string token;                             ///< every request must carry it (empty: none)
    std::optional<std::filesystem::path> web_root; ///< canonical; nullopt: no page, only the API
};

/// The routes (README "news-serve"):
///   GET /api/v1/search?q=&n=&offset=&sort=&from=&to=&facet=&split=   results as news-search --json
///   GET /api/v1/search.csv?...                                        the same page as CSV
///   GET /api/v1/facets?q=&from=&to=&facet=&split=                     the search with n=0
///   GET /api/v1/article/ID                                            news-search --get --json ID
///   GET /api/v1/speaker/NAME?q=&n=&offset=&from=&to=                  the speaker's quotes, newest first
/// and the same under /api/; any other path is a file of the web folder ("/": index.html).
class Api {
public:
    Api(Searchers& searchers, ApiOptions options) : searchers_(searchers), options_(std::move(options)) {}

    /// Answers one request; never throws (a database error is a 503, anything unforeseen a 500).
    [[nodiscard]] Response handle(const Request& request);

private:
    Response route(const Request& request);
    Response search(const Request& request, Route route);
    Response article(const Request& request, std::string_view id);
    Response speaker(const Request& request, std::string_view name);
    Response file(const Request& request);

    Searchers& searchers_;
    ApiOptions options_;
};

/// @p s percent-encoded for a URL path segment: every byte but A-Z a-z 0-9 - . _ ~ as %XX
/// ('/' too: "polnear/a#1" -> "polnear%2Fa%231").
[[nodiscard]] std::string percent_encode(std::string_view s);

/// The API path of an article: "/api/v1/article/" + its id percent-encoded.
[[nodiscard]] std::string article_path(std::string_view id);

/// A JSON document as output.h prints it (an object, indented by 2), with "api_version"
/// added: the same bytes nlohmann would print for the object with that key.
[[nodiscard]] std::string with_api_version(std::string json);

/// The body of an error answer: {"api_version", "error", and "parameter", "column" when known}.
[[nodiscard]] std::string error_json(const std::string& message, const std::string& parameter = {},
                                     std::optional<std::size_t> column = std::nullopt);

/// Of the speakers of a speaker:"NAME" search, the one NAME names: whose name or one of whose
/// other names is NAME (folded), else the first (most articles) whose name holds all of NAME's
/// words; nullopt when none.
[[nodiscard]] std::optional<search::SpeakerCount> pick_speaker(const std::vector<search::SpeakerCount>& speakers,
                                                               std::string_view name, const text::Analyzer& analyzer);

}  // namespace news::serve
