/// @file
/// @brief Sharded databases: which shard an article goes to, and the stub file (Xapian's
/// format) that lists the shards of one archive, local or served by xapian-tcpsrv.
///
/// news-index --shards N writes DIR/shard-00 ... DIR/shard-(N-1) and DIR/XAPIANDB, a stub
/// of "auto shard-NN" lines; Xapian itself opens DIR as one database, and news-search reads
/// the stub to open each shard on its own (remote ones with its timeouts). A stub may also
/// list shards built elsewhere ("auto /path", "remote HOST:PORT", "remote :PROGRAM ARGS"), as
/// long as every article lives in one shard only (news-search --check-shards).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace news::shards {

/// The stub file's name inside a sharded database's folder (Xapian opens such a folder as
/// the stub).
inline constexpr std::string_view kStubName = "XAPIANDB";
/// At most this many shards a news-index run writes.
inline constexpr std::size_t kMaxShards = 256;

/// The shard (0 .. @p n - 1) of the article with id @p id: FNV-1a (64 bits) of its bytes,
/// modulo @p n. Stable across runs, machines and versions, so that re-indexing, --delete and
/// --prune find the article where it went. (An id renamed "ID~2" goes where "ID" went.)
[[nodiscard]] std::size_t shard_of(std::string_view id, std::size_t n);

/// The folder of shard @p k of the sharded database @p dir ("DIR/shard-03").
[[nodiscard]] std::string shard_path(const std::string& dir, std::size_t k);

/// One line of a stub file.
struct Entry {
    enum class Kind { Local, Remote, Program } kind = Kind::Local;
    std::string path;      ///< Local: the database folder (made absolute from the stub's folder)
    std::string host;      ///< Remote
    unsigned port = 0;     ///< Remote
    std::string program;   ///< Program: run with args, speaking the remote protocol on stdin/stdout
    std::string args;
    std::size_t line = 0;  ///< in the stub, 1-based (0: not from a stub)
    /// How messages name it: "tcp://HOST:PORT", the path, or "prog:PROGRAM ARGS".
    [[nodiscard]] std::string name() const;
};

/// A stub file that cannot be read, or a line of it that is not understood: the message
/// names the file and line.
class StubError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The stub file @p path names, if it names one: @p path itself when it is a file (a
/// database is a folder), else PATH/XAPIANDB when that exists.
[[nodiscard]] std::optional<std::string> stub_file(const std::string& path);

/// The entries of the stub file @p file (Xapian's format: "auto PATH", "glass PATH",
/// "remote HOST:PORT", "remote :PROGRAM ARGS", blank lines and "#" comments). Throws StubError.
[[nodiscard]] std::vector<Entry> read_stub(const std::string& file);
/// The same from the stub's @p text; @p file names it in messages, and relative paths are
/// taken from its folder.
[[nodiscard]] std::vector<Entry> parse_stub(std::string_view text, const std::string& file);

/// "tcp://HOST:PORT" (news-search --db): the remote entry, nullopt for anything else. Throws
/// StubError for a tcp:// address without a valid port.
[[nodiscard]] std::optional<Entry> parse_tcp(std::string_view address);

/// Writes the stub of @p n local shards into @p dir (relative lines, so the folder can move),
/// atomically (a temporary file renamed).
void write_stub(const std::string& dir, std::size_t n);

/// The local shards of the sharded database @p dir, in order, when @p dir holds a stub of
/// local shards only; nullopt when it holds none. Throws StubError for a stub that lists a
/// remote shard (news-index writes local shards only) or cannot be read.
[[nodiscard]] std::optional<std::vector<std::string>> local_shards(const std::string& dir);

}  // namespace news::shards
