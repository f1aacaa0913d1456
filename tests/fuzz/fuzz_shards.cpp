/// @file
/// @brief libFuzzer target: what a search reads about shards from outside. A stub file's text
/// (shards::parse_stub) either throws StubError or gives entries that name a database (a path,
/// a host and a port of 1 to 65535, or a program); a "tcp://" address the same; and the bytes
/// of a shard's metadata copy of its clusters of wire copies (copies::decode_table), which a
/// remote shard sends, either decode to a table whose docids rise within the last docid and
/// whose clusters exist, or to nothing. Anything else aborts.
#include "common/copies.h"
#include "common/shards.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        for (const news::shards::Entry& e : news::shards::parse_stub(text, "/fuzz/XAPIANDB")) {
            switch (e.kind) {
            case news::shards::Entry::Kind::Local:
                if (e.path.empty()) std::abort();
                break;
            case news::shards::Entry::Kind::Remote:
                if (e.host.empty() || e.port == 0 || e.port > 65535) std::abort();
                break;
            case news::shards::Entry::Kind::Program:
                if (e.program.empty()) std::abort();
                break;
            }
            if (e.line == 0 || e.name().empty()) std::abort();
        }
    } catch (const news::shards::StubError&) {
    }
    try {
        if (auto e = news::shards::parse_tcp(text); e && (e->port == 0 || e->host.empty())) std::abort();
    } catch (const news::shards::StubError&) {
    }
    for (Xapian::docid last : {0u, 7u, 1000u}) {
        std::string bytes = "copies1";
        bytes.append(text);
        for (const std::string& b : {std::string(text), bytes})
            if (auto t = news::copies::decode_table(b, last)) {
                Xapian::docid prev = 0;
                for (const auto& [d, c] : t->members) {
                    if (d <= prev || d > last || c >= t->ids.size()) std::abort();
                    prev = d;
                }
            }
    }
    return 0;
}
