/// @file
/// @brief libFuzzer target: news-serve's request handling (server/api.h) on arbitrary requests.
///
/// The input is a request as cpp-httplib hands it over, percent-decoded: the first byte picks
/// the method (GET, HEAD or POST), the first line is the path, each further line a parameter
/// NAME=VALUE, or "A:" and an Authorization header. It goes through Api::handle, the whole
/// path of a request after the HTTP library: token, routing, parameter checks and limits,
/// static files (a web folder with a file, a hidden file and a symbolic link out of it), and
/// for the API routes a real search of the bundled corpus, indexed once at start. A response
/// must have a status news-serve gives, a 500 (an exception nobody expected) is a bug, and
/// every JSON answer must parse and carry "api_version"; a crash, a sanitizer report or a
/// hang is a bug.
#include "indexer/pipeline.h"
#include "server/api.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

struct Fixture {
    fs::path dir = fs::temp_directory_path() / ("news-fuzz-serve-" + std::to_string(::getpid()));
    std::unique_ptr<news::serve::Searchers> searchers;
    std::unique_ptr<news::serve::Api> open, locked;

    Fixture() {
        fs::remove_all(dir);
        fs::create_directories(dir / "web" / "css");
        std::ofstream(dir / "web" / "index.html") << "<!doctype html>";
        std::ofstream(dir / "web" / "css" / "a.css") << "a{}";
        std::ofstream(dir / "web" / ".hidden") << "FUZZ-HIDDEN-19c2";
        std::ofstream(dir / "secret.txt") << "FUZZ-SECRET-7f3a";
        fs::create_symlink(dir / "secret.txt", dir / "web" / "out.txt");
        news::IndexOptions io;
        io.inputs = {fs::path(NEWS_SOURCE_DIR) / "corpus"};
        io.db_path = (dir / "news.db").string();
        io.jobs = 1;
        std::ostringstream out, log;
        (void)news::run_index(io, out, log);
        searchers = std::make_unique<news::serve::Searchers>(std::vector<std::string>{io.db_path});
        open = std::make_unique<news::serve::Api>(*searchers, news::serve::ApiOptions{"", fs::canonical(dir / "web")});
        locked = std::make_unique<news::serve::Api>(*searchers, news::serve::ApiOptions{"t0k", fs::canonical(dir / "web")});
    }
    ~Fixture() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    Fixture& f = fixture();
    std::string_view in(reinterpret_cast<const char*>(data) + 1, size - 1);
    news::serve::Request req;
    req.method = data[0] % 3 == 0 ? "GET" : data[0] % 3 == 1 ? "HEAD" : "POST";
    std::size_t at = 0, line = 0;
    while (at <= in.size()) {
        std::size_t end = in.find('\n', at);
        if (end == std::string_view::npos) end = in.size();
        const std::string_view text = in.substr(at, end - at);
        at = end + 1;
        if (line++ == 0) req.path = std::string(text);
        else if (text.starts_with("A:")) req.authorization = std::string(text.substr(2));
        else if (text.starts_with("C:")) req.cookie = std::string(text.substr(2));
        else {
            const std::size_t eq = text.find('=');
            req.params.emplace_back(std::string(text.substr(0, eq)), eq == std::string_view::npos ? "" : std::string(text.substr(eq + 1)));
        }
    }
    for (news::serve::Api* api : {f.open.get(), f.locked.get()}) {
        const news::serve::Response r = api->handle(req);
        static const std::set<int> statuses = {200, 400, 401, 404, 405, 503};
        if (!statuses.count(r.status)) std::abort();  // a 500: an exception the routes did not foresee
        if (r.content_type.starts_with("application/json")) {
            const nlohmann::json j = nlohmann::json::parse(r.body);  // (throws, and so fails, when it is no JSON)
            if (j.at("api_version") != news::serve::kApiVersion) std::abort();
        }
        // A file outside the web folder, or hidden, is never served (a JSON answer may echo the query).
        else if (r.body.find("FUZZ-SECRET-7f3a") != std::string::npos || r.body.find("FUZZ-HIDDEN-19c2") != std::string::npos)
            std::abort();
    }
    return 0;
}
