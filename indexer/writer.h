/// @file
/// @brief The writer: the one stage that writes to the database. It takes built articles
/// strictly in file order (so document ids do not depend on --jobs) and writes them
/// into the database, committed every --batch-size articles; or, into an empty database
/// with several threads, into segments written in parallel and merged at the end
/// (SegmentWriter). It gives each article its id, unique in the database ("ID~N" and a
/// warning for an id taken already), leaves out articles deleted with --delete, replaces
/// a changed file's articles, and records a file's signature once all its articles are in.
#pragma once

#include "common/copies.h"
#include "common/stored.h"
#include "indexer/pipeline.h"
#include "indexer/segments.h"

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

namespace news {

/// An article built into a document, on its way to the writer.
struct BuiltDoc {
    std::string idterm;  ///< the Q term of `id`
    Xapian::Document doc;
    std::string id;
    std::size_t line = 0;  ///< of the record in its file, 0: unknown
};

class Writer {
public:
    /// The file a chunk of articles comes from.
    struct File {
        std::size_t index;        ///< the run's number for it (names the owner of an id)
        const std::string& path;  ///< as the user gave it, for messages
        const std::string& key;   ///< its absolute path: the file term
    };

    /// Writes into @p db (open; reopened by merges and compaction). @p bulk: the database is
    /// empty and the run has work for several threads: write segments. @p path_of names the
    /// file of a File::index (the owner of a taken id); @p before_log runs before each
    /// message (clearing the progress bar). Throws DatabaseError.
    Writer(std::optional<Xapian::WritableDatabase>& db, const IndexOptions& o,
           std::shared_ptr<const stored::Dictionary> dict, bool bulk, IndexSummary& s, std::ostream& log,
           std::function<std::string(std::size_t)> path_of, std::function<void()> before_log);
    ~Writer();
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    /// A changed file is read again: its old articles go (before the first new one).
    void remove_file(const File& f);
    /// Writes one chunk of @p f's articles, in order, with the (stem, word) pairs of the
    /// stem table they bring; @return the articles written (those deleted with --delete
    /// are left out).
    std::size_t add(const File& f, const std::vector<std::pair<std::string, std::string>>& stems,
                    std::vector<BuiltDoc>& docs);
    /// All of @p f's articles are in: its signature @p sig is recorded (an unchanged file
    /// is skipped next time; a run killed before this redoes the whole file).
    void end_file(const File& f, const std::string& sig);
    /// Merges the segments, stores the document lengths, commits, and compacts with
    /// --compact. Without it, a run that stops keeps what it committed.
    void finish();

    /// For a sharded run, before finish(): a bulk build's segments are written and listed
    /// (reduced() then gives them; nullptr for a run into a database), so that the clusters of
    /// wire copies can be worked out across every shard's articles and given (set_copies):
    /// finish() then leaves them as they are.
    void reduce();
    [[nodiscard]] const std::vector<std::filesystem::path>* reduced() const { return reduced_ ? &*reduced_ : nullptr; }
    void set_copies(const copies::StoreCounts& c) { copies_ = c; }

private:
    // The id @p b gets (renamed when taken); false: leave it out (deleted with --delete).
    bool place(const File& f, BuiltDoc& b);
    void commit();
    void store_lengths();
    /// A bulk build's clusters of wire copies, worked out in its segments before the merge.
    std::optional<copies::StoreCounts> copies_;
    std::optional<std::vector<std::filesystem::path>> reduced_;  // reduce()'s segments

    std::optional<Xapian::WritableDatabase>& db_;
    const IndexOptions& o_;
    std::shared_ptr<const stored::Dictionary> dict_;
    IndexSummary& s_;
    std::ostream& log_;
    std::function<std::string(std::size_t)> path_of_;
    std::function<void()> before_log_;

    std::optional<SegmentWriter> segments_;  // a bulk build
    class IdRegistry;
    std::unique_ptr<IdRegistry> bulk_ids_;  // the ids a bulk build gave out (else the database knows)
    std::unordered_set<std::string> deleted_;      // news-index --delete's marks (database::deleted_mark)
    std::unordered_set<std::string> deleted_ids_;  // their ids
    std::unordered_set<std::string> used_marks_;   // marks that left an article out in this run
    std::unordered_set<std::string> known_stems_;  // (stem, word) pairs written in this run
    // (stem, word) pairs of the stem table, written at each commit sorted by stem: glass
    // rewrites (and deflates) a synonym entry each time add_synonym moves to another key, so
    // pairs added document by document rewrote the same entries again and again (8% of the
    // instructions of an incremental run).
    std::vector<std::pair<std::string, std::string>> pending_stems_;
    std::size_t pending_ = 0;  // articles written since the last commit
};

}  // namespace news
