#include "common/shards.h"

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace news::shards {

std::size_t shard_of(std::string_view id, std::size_t n) {
    if (n <= 1) return 0;
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : id) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return static_cast<std::size_t>(h % n);
}

std::string shard_path(const std::string& dir, std::size_t k) {
    char name[32];
    std::snprintf(name, sizeof name, "shard-%02zu", k);
    return (fs::path(dir) / name).string();
}

std::string Entry::name() const {
    switch (kind) {
    case Kind::Remote: return "tcp://" + host + ":" + std::to_string(port);
    case Kind::Program: return "prog:" + program + (args.empty() ? "" : " " + args);
    case Kind::Local: break;
    }
    return path;
}

std::optional<std::string> stub_file(const std::string& path) {
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) return path;
    const fs::path inside = fs::path(path) / std::string(kStubName);
    if (fs::is_directory(path, ec) && fs::is_regular_file(inside, ec)) return inside.string();
    return std::nullopt;
}

namespace {
std::optional<unsigned> port_of(std::string_view s) {
    unsigned port = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), port);
    if (ec != std::errc() || end != s.data() + s.size() || port == 0 || port > 65535) return std::nullopt;
    return port;
}

// "HOST:PORT" -> the remote entry (the last ':' splits, so "[::1]:7000"-free IPv6 is not read).
std::optional<Entry> host_port(std::string_view s) {
    const std::size_t colon = s.rfind(':');
    if (colon == std::string_view::npos || colon == 0) return std::nullopt;
    std::optional<unsigned> port = port_of(s.substr(colon + 1));
    if (!port) return std::nullopt;
    Entry e;
    e.kind = Entry::Kind::Remote;
    e.host = std::string(s.substr(0, colon));
    e.port = *port;
    return e;
}
}  // namespace

std::optional<Entry> parse_tcp(std::string_view address) {
    constexpr std::string_view scheme = "tcp://";
    if (!address.starts_with(scheme)) return std::nullopt;
    std::optional<Entry> e = host_port(address.substr(scheme.size()));
    if (!e) throw StubError(std::string(address) + ": not a remote database address (write tcp://HOST:PORT, a port of 1 to 65535)");
    return e;
}

std::vector<Entry> read_stub(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    if (!in || !(text << in.rdbuf())) throw StubError(file + ": cannot read the stub file");
    return parse_stub(text.str(), file);
}

std::vector<Entry> parse_stub(std::string_view text, const std::string& file) {
    std::istringstream in{std::string(text)};
    const fs::path base = fs::path(file).parent_path();
    std::vector<Entry> out;
    std::string line;
    for (std::size_t n = 1; std::getline(in, line); ++n) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const std::size_t start = line.find_first_not_of(" \t");
        if (start == std::string::npos || line[start] == '#') continue;
        const std::size_t space = line.find_first_of(" \t", start);
        const std::string type = line.substr(start, space == std::string::npos ? std::string::npos : space - start);
        std::string rest;
        if (space != std::string::npos)
            if (std::size_t r = line.find_first_not_of(" \t", space); r != std::string::npos) rest = line.substr(r);
        while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\t')) rest.pop_back();
        auto fail = [&](const std::string& why) {
            return StubError(file + ":" + std::to_string(n) + ": " + why + " (a line is \"auto PATH\", \"remote HOST:PORT\" or \"remote :PROGRAM ARGS\")");
        };
        if (rest.empty()) throw fail("\"" + type + "\" names no database");
        Entry e;
        if (type == "auto" || type == "glass" || type == "chert" || type == "honey") {
            e.kind = Entry::Kind::Local;
            fs::path p(rest);
            e.path = (p.is_absolute() ? p : base / p).lexically_normal().string();
        } else if (type == "remote") {
            if (rest[0] == ':') {
                e.kind = Entry::Kind::Program;
                const std::size_t sp = rest.find_first_of(" \t");
                e.program = rest.substr(1, sp == std::string::npos ? std::string::npos : sp - 1);
                if (sp != std::string::npos) e.args = rest.substr(rest.find_first_not_of(" \t", sp));
                if (e.program.empty()) throw fail("\"remote :\" names no program");
            } else {
                std::optional<Entry> r = host_port(rest);
                if (!r) throw fail("\"" + rest + "\" is not HOST:PORT");
                e = *r;
            }
        } else if (type == "inmemory") {
            throw fail("an in-memory database holds no articles");
        } else {
            throw fail("unknown database type \"" + type + "\"");
        }
        e.line = n;
        out.push_back(std::move(e));
    }
    if (out.empty()) throw StubError(file + ": the stub file lists no database");
    return out;
}

void write_stub(const std::string& dir, std::size_t n) {
    std::ostringstream text;
    text << "# The shards of this archive (news-index --shards " << n << "): Xapian's stub format.\n"
         << "# An article goes to the shard its id hashes to; news-search --db opens them as one.\n";
    for (std::size_t k = 0; k < n; ++k) text << "auto " << fs::path(shard_path(dir, k)).filename().string() << "\n";
    std::error_code ec;
    fs::create_directories(dir, ec);
    const fs::path to = fs::path(dir) / std::string(kStubName);
    const fs::path tmp = fs::path(dir) / (std::string(kStubName) + ".tmp");
    {
        std::ofstream out(tmp, std::ios::trunc);
        out << text.str();
        if (!out.flush()) throw StubError(tmp.string() + ": cannot write the stub file");
    }
    fs::rename(tmp, to);
}

std::optional<std::vector<std::string>> local_shards(const std::string& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return std::nullopt;
    std::optional<std::string> file = stub_file(dir);
    if (!file) return std::nullopt;
    std::vector<std::string> out;
    for (const Entry& e : read_stub(*file)) {
        if (e.kind != Entry::Kind::Local)
            throw StubError(*file + ":" + std::to_string(e.line) + ": " + e.name() +
                            " is a remote shard: news-index writes local shards only (index into it where it lives)");
        out.push_back(e.path);
    }
    return out;
}

}  // namespace news::shards
