/// @file
/// @brief The database news-index writes, as files on disk: the run lock, creating it whole,
/// finishing what a killed run left (a compaction's swap, a bulk build's segments),
/// compaction, and the metadata kept per file (its signature) and per deleted article.
/// Used by the pipeline (run_index), the writer and news-index --delete (run_delete).
#pragma once

#include "common/copies.h"
#include "common/stored.h"
#include "indexer/pipeline.h"

#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace news::database {

/// The whole run holds an advisory lock on "<db>.lock", beside the database. Xapian's own
/// lock lives inside the database folder, and compaction swaps that folder for another:
/// between closing the old folder and the second rename there is no Xapian lock, and a second
/// news-index would "repair" the swap under the first one's feet, or open the folder that is
/// about to be deleted and lose what it writes. The file stays after the run: removing it
/// would race with a run that has just opened it.
/// (A POSIX record lock, common/run_lock.h: news-search tests it without taking it, to tell a
/// first build in progress from an interrupted one.) Throws DatabaseError when another run
/// holds it.
class RunLock {
public:
    RunLock(const std::string& db, std::ostream& log);
    ~RunLock();
    RunLock(const RunLock&) = delete;
    RunLock& operator=(const RunLock&) = delete;

private:
    int fd_ = -1;
};

/// Makes the database at @p path when there is none, whole (see database.cpp); a folder of
/// other files there is refused (DatabaseError).
void create(const std::string& path, const std::string& language, std::ostream& log);

/// The stem table (Xapian synonyms) copied into metadata (schema::kMetaStemPrefix), changed
/// entries only, for the next commit: a remote shard serves metadata but no synonyms.
void store_stem_metadata(Xapian::WritableDatabase& db);

/// The tables news-search reads besides the index, rebuilt for the revision the next commit of
/// @p db makes (call just before it): document lengths and blocks (doc_lengths.h), the speaker
/// alias table (speaker_aliases.h), the stem table's metadata copy, the facet columns (facets.h); and the clusters of wire
/// copies (copies.h), rewriting the articles whose cluster changed: what it found.
/// (@p copies false: the clusters are known right already, a bulk build wrote them into its
/// segments.)
copies::StoreCounts store_search_tables(Xapian::WritableDatabase& db, bool copies = true);

/// A run killed between the two renames of a compaction leaves the database under its old
/// name only: puts it back. A half-built copy is thrown away.
void recover_compaction(const std::string& path);

/// Where a bulk build writes its segments (see SegmentWriter).
[[nodiscard]] std::filesystem::path segments_dir(const std::string& path);

/// A bulk build killed before its segments were merged: the segments it finished, in order
/// up to the first it did not, go into the (still empty) database; the rest is redone.
void recover_segments(std::optional<Xapian::WritableDatabase>& db, const std::string& path, std::ostream& log);

/// Rewrites the database, followed by the databases @p more, into compact B-trees (Xapian's
/// compaction), then swaps the result in with two renames and opens it again. Alone, the
/// database keeps its document ids; with segments, documents are numbered in order. Records
/// the sizes before and after in @p s.
void compact(std::optional<Xapian::WritableDatabase>& db, const std::string& path,
             const std::vector<std::filesystem::path>& more, IndexSummary& s);

/// @p prefix + a stable hash of @p key (FNV-1a, 16 hex digits): metadata keys are limited in length.
[[nodiscard]] std::string hashed_key(std::string_view prefix, const std::string& key);

/// Metadata keys holding a file's signature once all its articles are written (keyed by the
/// hashed path).
inline constexpr std::string_view kFileMetaPrefix = "news.file.";
[[nodiscard]] inline std::string file_meta_key(const std::string& path) { return hashed_key(kFileMetaPrefix, path); }

/// news-index --delete leaves a mark per article (metadata kDeletedPrefix + a hash, holding
/// the file term, a NUL and the id), so that a later run that reads the file again (it
/// changed) leaves the article out; --undelete removes the mark.
inline constexpr std::string_view kDeletedPrefix = "news.deleted.";
[[nodiscard]] inline std::string deleted_mark(const std::string& file_term, const std::string& id) {
    return file_term + '\0' + id;
}
[[nodiscard]] inline std::string deleted_key(const std::string& mark) { return hashed_key(kDeletedPrefix, mark); }
/// Every mark in @p db.
[[nodiscard]] std::unordered_set<std::string> deleted_marks(const Xapian::Database& db);

/// The path of the file a document came from (its stored article's), or "another file".
[[nodiscard]] std::string stored_path(const Xapian::Document& doc, const std::shared_ptr<const stored::Dictionary>& dict);
/// The file term of a document (kFilePrefix), or "".
[[nodiscard]] std::string file_term_of(const Xapian::Document& doc);

}  // namespace news::database
