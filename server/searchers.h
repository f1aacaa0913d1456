/// @file
/// @brief One Searcher per worker thread, kept up to date with the index.
#pragma once

#include "common/text/analyzer.h"
#include "searcher/search.h"

#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace news::serve {

/// What a worker thread searches with: its own Searcher (a Xapian handle is never shared
/// between threads) and an Analyzer to fold names with.
struct Worker {
    search::Searcher& searcher;
    const text::Analyzer& analyzer;
};

/// The Searchers of the worker threads, keyed by thread. Before each request, current()
/// makes the calling thread's Searcher see the index as it is now: Xapian's reopen() when
/// writers have committed, and a new Searcher when a database folder was replaced. news-index
/// --compact builds a new folder and renames it in; Xapian 1.4 (glass) on a handle opened
/// before: reopen() reads the new version file, finds the same revision and keeps its tables,
/// the old files (deleted, still open), until a later commit makes it open the new ones by
/// name; a table it opens lazily meanwhile would come from the new folder. So a changed folder
/// (device and inode of the path) gets a new Searcher instead.
class Searchers {
public:
    /// @p paths: the databases (shards) searched as one. Opens nothing yet.
    /// @p open: how shards are opened (remote timeouts, partial answers); a Searcher that left
    /// a shard out is opened again for the next request, so a shard back up is searched again.
    explicit Searchers(std::vector<std::string> paths, search::OpenOptions open = {})
        : paths_(std::move(paths)), open_(open) {}

    /// The calling thread's Searcher, opened or reopened now. Throws search::DatabaseError.
    [[nodiscard]] Worker current();

    /// Forgets the calling thread's Searcher (after a database error): the next current()
    /// opens the databases again.
    void discard();

    /// How many Searchers were opened so far (the first of each thread, and each replacement).
    [[nodiscard]] std::size_t opened() const;

private:
    /// What identifies a database folder on disk: device and inode (0, 0 when it is absent).
    struct Identity {
        unsigned long long device = 0, inode = 0;
        bool operator==(const Identity&) const = default;
    };
    struct Slot {
        std::unique_ptr<search::Searcher> searcher;
        std::unique_ptr<text::Analyzer> analyzer;
        std::vector<Identity> folders;  // of paths_, when the Searcher was opened
    };
    [[nodiscard]] std::vector<Identity> identities() const;

    std::vector<std::string> paths_;
    search::OpenOptions open_;
    mutable std::mutex mutex_;  // guards slots_ (not the Searchers: each is its thread's)
    std::unordered_map<std::thread::id, Slot> slots_;
    std::size_t opened_ = 0;
};

}  // namespace news::serve
