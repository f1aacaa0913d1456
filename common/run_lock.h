/// @file
/// @brief The run lock of a database ("<db>.lock" beside it): held by news-index for its whole
/// run, tested (never taken) by news-search.
#pragma once

#include <cstddef>
#include <string>

namespace news::runlock {

/// The lock file of the database at @p db.
[[nodiscard]] inline std::string path_of(const std::string& db) { return db + ".lock"; }

/// Takes the lock of @p db without waiting (a POSIX record lock on the whole file, which
/// another process can test without taking it). Returns the open descriptor (keep it open:
/// closing it, or any other descriptor of the file in this process, releases the lock), -1
/// when another process holds it. Throws std::runtime_error when the file cannot be created;
/// @p unsupported is set (and the descriptor returned) on a file system without locks.
[[nodiscard]] int take(const std::string& db, bool& unsupported);

/// Does a process hold the lock of @p db now? Tests without taking it (F_GETLK), so a search
/// never makes a starting news-index find its database locked. False when there is no lock file.
[[nodiscard]] bool held(const std::string& db);

/// Where a first (bulk) build writes its segments until it merges them (indexer/segments.h).
[[nodiscard]] inline std::string segments_of(const std::string& db) { return db + ".segments"; }

/// The articles in the finished segments of an interrupted first build of @p db (0 when none).
[[nodiscard]] std::size_t articles_in_segments(const std::string& db);

}  // namespace news::runlock
