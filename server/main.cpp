/// @file
/// @brief news-serve: the HTTP server (cpp-httplib) around server/api.h; options and set-up only.
#include "common/paths.h"
#include "common/version.h"
#include "server/api.h"

#include <boost/program_options.hpp>
#include <httplib.h>
#include <xapian.h>

#include <csignal>
#include <malloc.h>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <pthread.h>
#include <sys/socket.h>
#include <thread>

namespace fs = std::filesystem;
namespace po = boost::program_options;
using namespace news;

namespace {

constexpr int kStopped = 0, kCannotListen = 1, kUsage = 2, kDatabase = 3;

/// The HTTP library's limits, set here rather than left to its defaults (a worker held per
/// keep-alive connection for as long as the client likes, requests of any size).
constexpr std::size_t kKeepAliveRequests = 100;  ///< requests on one connection, then it closes
constexpr time_t kKeepAliveSeconds = 5;          ///< an idle keep-alive connection closes (frees its worker)
constexpr time_t kReadSeconds = 5, kWriteSeconds = 10;
constexpr std::size_t kMaxPayloadBytes = 64 * 1024;  ///< request body (no route takes one)
constexpr std::size_t kMaxThreads = 256;

bool loopback(const std::string& host) {
    return host == "localhost" || host == "::1" || host.starts_with("127.");
}

/// The web folder: --web, else "web" beside the executable (the build folder), else
/// ../share/news-search/web beside it (an installed copy).
std::optional<fs::path> default_web_folder() { return news::installed_folder("web", {"web"}); }

}  // namespace

int main(int argc, char** argv) {
    // Two malloc arenas, not glibc's one per thread (up to 8 per core): each worker's arena kept
    // the free memory of its largest requests, and RSS grew with the requests served until every
    // arena had seen its worst (Reuters, 8 workers: 40 MB after 500 requests, 52 after 5,000,
    // 56 after 30,000; with two arenas 33, 33 and 34 MB, and no slower). MALLOC_ARENA_MAX in the
    // environment still decides.
    if (!std::getenv("MALLOC_ARENA_MAX")) mallopt(M_ARENA_MAX, 2);
    std::vector<std::string> dbs;
    std::string host, token, web;
    int port = 8080;
    std::size_t threads = 8;
    std::string timeout;
    search::OpenOptions open;
    po::options_description opts(
        "Usage: news-serve [--db news.db ...] [--port 8080] [--host 127.0.0.1] [--threads 8] [--token T] [--web DIR]\n\n"
        "Serves the searches of news-search as a JSON API (under /api/v1/, and /api/) and the search\n"
        "page (the files of the web folder) over HTTP. Routes:\n"
        "  /api/v1/search?q=QUERY&n=10&offset=0&sort=relevance|date|-date&from=DATE&to=DATE&facet=F[:N]&split=F[:N]\n"
        "  /api/v1/search.csv?...    the same results as CSV      /api/v1/facets?q=...&facet=...   counts only\n"
        "  /api/v1/article/ID        one article, whole           /api/v1/speaker/NAME?q=...       a speaker's quotes\n"
        "--db: a database, a sharded one, a stub file of shards, or tcp://HOST:PORT (xapian-tcpsrv).\n"
        "Limits: q up to 2,000 bytes, n up to 1,000, offset up to 100,000; a bad request gets a 400\n"
        "with a JSON error. Each worker thread has its own database handle and sees what news-index\n"
        "writes (and its --compact) before each request.\n"
        "Exit status: 0 stopped (SIGINT, SIGTERM), 1 cannot listen, 2 bad usage, 3 database problem.\n\n"
        "Options");
    opts.add_options()
        ("help,h", "show this help")
        ("version", "print the version, the Xapian and ICU versions and the database schema, and stop")
        ("db,d", po::value(&dbs), "database to serve (default: $NEWS_DB, else ./news.db); repeat for shards searched as one")
        ("port", po::value(&port)->default_value(8080), "TCP port (0: any free port, printed on start)")
        ("host", po::value(&host)->default_value("127.0.0.1"),
         "address to listen on; anything but loopback makes the database reachable from the network (a warning is printed)")
        ("threads", po::value(&threads)->default_value(8),
         "worker threads (each holds a database handle; an open keep-alive connection holds a worker for up to 5 s idle)")
        ("token", po::value(&token),
         "every request must carry this token: header 'Authorization: Bearer T' or parameter token=T (else 401); "
         "also read from $NEWS_SERVE_TOKEN, which keeps it out of the process list")
        ("timeout", po::value(&timeout), "seconds a remote shard (tcp://, or a stub's remote line) has to connect and to answer each request (default 10)")
        ("allow-partial", po::bool_switch(&open.allow_partial), "when a shard is down or too slow, answer from the others, flagged \"partial\" (default: 503)")
        ("web", po::value(&web), "folder of the page's files (default: 'web' beside the executable, else ../share/news-search/web)");
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(argc, argv).options(opts).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        std::cerr << "news-serve: " << e.what() << " (try news-serve --help)\n";
        return kUsage;
    }
    if (vm.count("help")) {
        std::cout << opts << "\n";
        return kStopped;
    }
    if (vm.count("version")) {
        std::cout << news::version_text("news-serve");
        return kStopped;
    }
    if (std::string why; !timeout.empty() && !search::set_timeout(timeout, open, why)) {
        std::cerr << "news-serve: " << why << "\n";
        return kUsage;
    }
    if (port < 0 || port > 65535) {
        std::cerr << "news-serve: --port must be 0 to 65535\n";
        return kUsage;
    }
    if (threads < 1 || threads > kMaxThreads) {
        std::cerr << "news-serve: --threads must be 1 to " << kMaxThreads << "\n";
        return kUsage;
    }
    if (token.empty())
        if (const char* t = std::getenv("NEWS_SERVE_TOKEN"); t && *t) token = t;
    if (vm.count("token") && token.empty()) {
        std::cerr << "news-serve: --token must not be empty\n";
        return kUsage;
    }
    serve::ApiOptions options;
    options.token = token;
    std::error_code ec;
    if (!web.empty()) {
        if (!fs::is_directory(web, ec)) {
            std::cerr << "news-serve: --web " << web << ": no such folder\n";
            return kUsage;
        }
        options.web_root = fs::canonical(web, ec);
    } else {
        options.web_root = default_web_folder();
        if (!options.web_root) std::cerr << "news-serve: no web folder found (--web DIR): only the API is served\n";
    }
    if (dbs.empty()) {
        const char* env_db = std::getenv("NEWS_DB");
        dbs.emplace_back(env_db && *env_db ? env_db : "news.db");
    }

    Xapian::doccount articles = 0;
    try {  // Open once here, so that a database problem shows now (exit 3), not at the first request.
        search::Searcher check(dbs, open);
        for (const std::string& n : check.open_notes()) std::cerr << "news-serve: " << n << "\n";
        articles = check.size();
    } catch (const search::DatabaseError& e) {
        std::cerr << "news-serve: " << e.what() << "\n";
        return kDatabase;
    } catch (const Xapian::Error& e) {
        std::cerr << "news-serve: " << e.get_description() << "\n";
        return kDatabase;
    }

    // SIGINT and SIGTERM stop the server from a thread of their own (every thread started
    // after this inherits the blocked mask), not from a signal handler.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    serve::Searchers searchers(dbs, open);
    serve::Api api(searchers, options);
    httplib::Server server;
    server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    server.set_keep_alive_max_count(kKeepAliveRequests);
    server.set_keep_alive_timeout(kKeepAliveSeconds);
    server.set_read_timeout(kReadSeconds, 0);
    server.set_write_timeout(kWriteSeconds, 0);
    server.set_payload_max_length(kMaxPayloadBytes);
    server.set_tcp_nodelay(true);
    // SO_REUSEADDR only: the library's default adds SO_REUSEPORT, with which a second
    // news-serve on the same port starts without a word and takes half the connections.
    server.set_socket_options([](socket_t sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    // Every request goes through the Api (no regex routes, no file handler of the library).
    server.set_pre_routing_handler([&api](const httplib::Request& req, httplib::Response& res) {
        serve::Request r{req.method, req.path, {}, req.get_header_value("Authorization"), req.get_header_value("Cookie")};
        r.params.assign(req.params.begin(), req.params.end());
        serve::Response out = api.handle(r);
        res.status = out.status;
        for (const auto& [name, value] : out.headers) res.set_header(name, value);
        res.set_content(std::move(out.body), out.content_type);
        return httplib::Server::HandlerResponse::Handled;
    });

    if (!loopback(host))
        std::cerr << "news-serve: warning: listening on " << host << ", not on loopback: anyone who can reach it can search "
                  << "the database" << (token.empty() ? " (--token makes requests carry a token)" : "") << "\n";
    const int asked = port;
    if (port == 0) port = server.bind_to_any_port(host);
    else if (!server.bind_to_port(host, port)) port = -1;
    if (port <= 0) {
        std::cerr << "news-serve: cannot listen on " << host << " port " << asked
                  << " (in use, or not an address of this machine)\n";
        return kCannotListen;
    }
    const std::string shown_host = host.find(':') != std::string::npos ? "[" + host + "]" : host;
    std::cout << "news-serve: http://" << shown_host << ":" << port << "/ (" << articles << " articles; " << threads
              << " threads)" << std::endl;

    std::thread stopper([&server, stop_signals] {
        int sig = 0;
        sigwait(&stop_signals, &sig);
        server.stop();
    });
    const bool listened = server.listen_after_bind();
    pthread_kill(stopper.native_handle(), SIGTERM);  // (when the server stopped by itself)
    stopper.join();
    if (!listened) {
        std::cerr << "news-serve: the server stopped on an error\n";
        return kCannotListen;
    }
    return kStopped;
}
