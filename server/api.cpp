/// @file
/// @brief news-serve's routes: the JSON API, CSV export and the web page's files.
#include "server/api.h"

#include "searcher/format/output.h"
#include "server/csv.h"
#include "server/static_files.h"

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

namespace news::serve {
namespace {

constexpr const char* kJson = "application/json; charset=utf-8";
/// Database errors are retried this many times, each with a Searcher opened anew.
constexpr int kAttempts = 3;

std::string dump(const nlohmann::json& j) { return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n"; }

Response json_response(int status, std::string body) { return {status, kJson, std::move(body), {}}; }

Response error_response(int status, const std::string& message, const std::string& parameter = {},
                        std::optional<std::size_t> column = std::nullopt) {
    return json_response(status, error_json(message, parameter, column));
}

search::OutputOptions json_output() {
    search::OutputOptions o;
    o.format = search::Format::Json;
    return o;
}

// The part of @p path after /api/v1/ or /api/ (nullopt: no API path).
std::optional<std::string_view> api_rest(std::string_view path) {
    for (std::string_view head : {"/api/v1/", "/api/"})
        if (path.starts_with(head)) return path.substr(head.size());
    if (path == "/api" || path == "/api/v1") return std::string_view();
    return std::nullopt;
}

// Does q parse alone? Checked before q is combined with other clauses, so that the column of
// an error is q's own.
void check_query(search::Searcher& s, const std::string& q) {
    if (!q.empty()) (void)s.parse(q, false);
}

}  // namespace

std::string percent_encode(std::string_view s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
            c == '~')
            out += static_cast<char>(c);
        else
            out += {'%', hex[c >> 4], hex[c & 15]};
    }
    return out;
}

std::string article_path(std::string_view id) { return "/api/v1/article/" + percent_encode(id); }

std::string with_api_version(std::string json) {
    // output.h prints objects indented by 2 with their keys sorted: "api_version" sorts first.
    if (json.starts_with("{\n  \"") && json.compare(4, 12, "\"api_version") != 0) {
        json.insert(2, "  \"api_version\": " + std::to_string(kApiVersion) + ",\n");
        return json;
    }
    nlohmann::json j = nlohmann::json::parse(json);
    j["api_version"] = kApiVersion;
    return dump(j);
}

std::string error_json(const std::string& message, const std::string& parameter, std::optional<std::size_t> column) {
    nlohmann::json j = {{"api_version", kApiVersion}, {"error", message}};
    if (!parameter.empty()) j["parameter"] = parameter;
    if (column) j["column"] = *column;
    return dump(j);
}

std::optional<search::SpeakerCount> pick_speaker(const std::vector<search::SpeakerCount>& speakers, std::string_view name,
                                                 const text::Analyzer& analyzer) {
    const std::string want = analyzer.normalize(name);
    if (want.empty()) return std::nullopt;
    for (const search::SpeakerCount& s : speakers) {
        if (analyzer.normalize(s.name) == want) return s;
        for (const std::string& alias : s.aliases)
            if (analyzer.normalize(alias) == want) return s;
    }
    auto words = [](const std::string& folded) {
        std::set<std::string> out;
        std::istringstream in(folded);
        for (std::string w; in >> w;) out.insert(w);
        return out;
    };
    const std::set<std::string> wanted = words(want);
    for (const search::SpeakerCount& s : speakers) {
        const std::set<std::string> has = words(analyzer.normalize(s.name));
        if (std::includes(has.begin(), has.end(), wanted.begin(), wanted.end())) return s;
    }
    return std::nullopt;
}

Response Api::handle(const Request& request) {
    Response r;
    try {
        r = route(request);
    } catch (const ApiError& e) {
        r = error_response(e.status(), e.what(), e.parameter(), e.column());
    } catch (const search::QueryError& e) {
        r = error_response(400, e.what(), "q", e.column());
    } catch (const search::DatabaseError& e) {
        std::cerr << "news-serve: " << request.path << ": " << e.what() << "\n";
        r = error_response(503, std::string("database: ") + e.what());
    } catch (const Xapian::Error& e) {
        std::cerr << "news-serve: " << request.path << ": " << e.get_description() << "\n";
        r = error_response(503, "database: " + e.get_description());
    } catch (const std::exception& e) {
        std::cerr << "news-serve: " << request.path << ": internal error: " << e.what() << "\n";
        r = error_response(500, std::string("internal error: ") + e.what());
    }
    r.headers.emplace_back("Cache-Control", "no-cache");
    r.headers.emplace_back("X-Content-Type-Options", "nosniff");
    return r;
}

Response Api::route(const Request& request) {
    if (request.method != "GET" && request.method != "HEAD") {
        Response r = error_response(405, "method " + request.method + " not allowed: GET or HEAD");
        r.headers.emplace_back("Allow", "GET, HEAD");
        return r;
    }
    if (!authorized(options_.token, request.authorization, request.params, request.cookie)) {
        Response r = error_response(401, "this server needs a token: header 'Authorization: Bearer TOKEN' or parameter token=TOKEN");
        r.headers.emplace_back("WWW-Authenticate", "Bearer");
        return r;
    }
    const std::optional<std::string_view> rest = api_rest(request.path);
    if (!rest) {
        // The page opened as /?token=T: its script and style sheet come with the cookie.
        Response r = file(request);
        if (!options_.token.empty() && r.status == 200)
            for (const auto& [name, value] : request.params)
                if (name == "token")
                    r.headers.emplace_back("Set-Cookie", std::string(kTokenCookie) + "=" + options_.token +
                                                             "; Path=/; HttpOnly; SameSite=Strict");
        return r;
    }
    if (*rest == "search") return search(request, Route::Search);
    if (*rest == "search.csv") return search(request, Route::Csv);
    if (*rest == "facets") return search(request, Route::Facets);
    if (rest->starts_with("article/")) return article(request, rest->substr(8));
    if (rest->starts_with("speaker/")) return speaker(request, rest->substr(8));
    return error_response(404, "no such API route: " + request.path +
                                   " (routes: /api/v1/search, /api/v1/search.csv, /api/v1/facets, /api/v1/article/ID, "
                                   "/api/v1/speaker/NAME)");
}

// Runs @p f with the calling thread's Searcher; a database error (a folder swapped under a
// search, a writer faster than the retries of Searcher::run) opens a new Searcher and tries
// again, kAttempts times in all.
template <class F>
static Response with_worker(Searchers& searchers, F f) {
    for (int attempt = 1;; ++attempt) {
        try {
            return f(searchers.current());
        } catch (const search::DatabaseError&) {
            searchers.discard();
            if (attempt >= kAttempts) throw;
        } catch (const Xapian::DatabaseError&) {
            searchers.discard();
            if (attempt >= kAttempts) throw;
        }
    }
}

Response Api::search(const Request& request, Route route) {
    const SearchParams p = parse_search_params(request.params, route);
    search::SearchOptions so;
    so.sort = p.sort;
    so.limit = route == Route::Facets ? 0 : p.n;
    so.offset = route == Route::Facets ? 0 : p.offset;
    so.snippets = route != Route::Csv && route != Route::Facets;
    so.collapse = p.collapse;
    so.stories = p.stories;
    if (route != Route::Csv) {  // (a CSV file has no room for counts)
        so.facets = p.facets;
        so.split = p.split;
    }
    return with_worker(searchers_, [&](Worker w) {
        if (p.query() != p.q) check_query(w.searcher, p.q);
        const search::Results r = w.searcher.run(p.query(), so);
        if (route == Route::Csv) {
            Response out{200, "text/csv; charset=utf-8", write_csv(r), {}};
            out.headers.emplace_back("Content-Disposition", "attachment; filename=\"news-search.csv\"");
            return out;
        }
        std::ostringstream out;
        search::print_results(out, r, json_output());
        return json_response(200, with_api_version(std::move(out).str()));
    });
}

Response Api::article(const Request& request, std::string_view id) {
    (void)parse_search_params(request.params, Route::Article);  // (only token=)
    if (id.empty()) return error_response(404, "no article id: /api/v1/article/ID");
    return with_worker(searchers_, [&](Worker w) {
        std::vector<Article> found = w.searcher.get(std::string(id));
        if (found.empty()) return error_response(404, "no article with id '" + std::string(id) + "'");
        std::ostringstream out;
        search::print_articles(out, found, {}, w.searcher.revisions(), json_output());
        return json_response(200, with_api_version(std::move(out).str()));
    });
}

Response Api::speaker(const Request& request, std::string_view name) {
    SearchParams p = parse_search_params(request.params, Route::Speaker);
    if (name.find_first_not_of(' ') == std::string_view::npos) return error_response(404, "no speaker name: /api/v1/speaker/NAME");
    if (name.size() > kMaxQueryBytes) throw ApiError(400, "the speaker's name is too long", "name");
    if (name.find('"') != std::string_view::npos) throw ApiError(400, "a speaker's name holds no double quote", "name");
    if (!text::is_valid_utf8(name)) throw ApiError(400, "the speaker's name is not valid UTF-8", "name");
    const std::string who = "speaker:\"" + std::string(name) + "\"";
    search::SearchOptions so;
    so.sort = search::Sort::DateDescending;
    so.limit = p.n;
    so.offset = p.offset;
    return with_worker(searchers_, [&](Worker w) {
        check_query(w.searcher, p.q);
        SearchParams all = p;
        all.q = p.q.empty() ? who : who + " (" + p.q + ")";
        search::Results r;
        std::vector<search::SpeakerCount> names;
        try {
            r = w.searcher.run(all.query(), so);
            names = w.searcher.speakers(who, false);
        } catch (const search::QueryError& e) {
            throw ApiError(400, std::string("the speaker's name: ") + e.what(), "name");
        }
        const std::optional<search::SpeakerCount> s = pick_speaker(names, name, w.analyzer);
        if (!s && r.total == 0) return error_response(404, "no speaker named '" + std::string(name) + "'");
        std::ostringstream out;
        search::print_results(out, r, json_output());
        nlohmann::json j = nlohmann::json::parse(std::move(out).str());
        for (nlohmann::json& hit : j["results"]) hit["link"] = article_path(hit["id"].get<std::string>());
        j["api_version"] = kApiVersion;
        j["speaker"] = nullptr;
        if (s)
            j["speaker"] = {{"name", s->name}, {"kind", s->kind}, {"aliases", s->aliases}, {"quotes", s->quotes}, {"articles", s->articles}};
        return json_response(200, dump(j));
    });
}

Response Api::file(const Request& request) {
    // (any parameter goes: the page keeps its state in its URL)
    std::optional<std::filesystem::path> f;
    if (options_.web_root) f = resolve_static(*options_.web_root, request.path);
    if (!f) return {404, "text/plain; charset=utf-8", "not found\n", {}};
    std::ifstream in(*f, std::ios::binary);
    std::ostringstream body;
    body << in.rdbuf();
    if (!in) return {404, "text/plain; charset=utf-8", "not found\n", {}};
    return {200, content_type_of(*f), std::move(body).str(), {}};
}

}  // namespace news::serve
