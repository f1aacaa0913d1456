/// @file
/// @brief news-index's work: find files, read, extract, build, write in batches; or print (--extract).
#pragma once

#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace news {

struct IndexOptions {
    std::vector<std::filesystem::path> inputs;    ///< files and folders
    std::string db_path = "news.db";
    std::optional<std::filesystem::path> manifest;  ///< else a manifest.tsv/.csv at a folder's top is used
    std::string default_source;                   ///< --source: for articles that name none
    std::string default_date;                     ///< --date (ISO): for articles that have none
    std::string language = "english";             ///< stemming language, stored in the database
    std::size_t batch_size = 1000;                ///< articles per commit
    std::size_t jobs = 2;                         ///< threads reading, extracting and building documents
    bool extract_only = false;                    ///< print JSON Lines, write nothing
    bool prune = false;                           ///< drop articles whose files are gone
    bool compact = false;                         ///< rewrite the database compactly at the end
    bool speakers = true;                         ///< extract quotes, speakers and persons
    bool progress = false;                        ///< draw a progress bar on stderr
    bool verbose = false;                         ///< one line per file
    std::size_t shards = 0;                       ///< --shards: N shard databases and a stub (0: as the folder is)
};

struct IndexSummary {
    std::size_t files = 0;       ///< article files considered
    std::size_t indexed = 0;     ///< new files
    std::size_t updated = 0;     ///< changed files, re-indexed
    std::size_t unchanged = 0;   ///< skipped: same size, time and metadata
    std::size_t failed = 0;      ///< files (or records) that could not be read
    std::size_t ignored = 0;     ///< files in folders of no format news-index reads (images, .md ...)
    std::map<std::string, std::size_t> ignored_by_type;  ///< those by extension (".pdf" -> 2)
    std::size_t not_articles = 0;  ///< files read that are no article (README, lists: not_article.h)
    std::size_t pruned = 0;      ///< files removed with --prune
    std::size_t articles = 0;    ///< articles written (or printed)
    std::size_t renamed = 0;     ///< articles whose id was taken, indexed as "ID~N"
    std::size_t withheld = 0;    ///< articles left out: deleted with --delete
    std::size_t db_articles = 0; ///< articles in the database at the end
    std::uintmax_t bytes_before_compact = 0, bytes_after_compact = 0;  ///< with --compact
    double seconds = 0;
};

/// A problem with the database itself (locked, corrupt, wrong schema): exit status 3.
class DatabaseError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Runs one indexing job. Problems with single files are reported on @p log as
/// "path[:line]: error: reason" and counted; they never stop the run.
/// Throws DatabaseError when the database cannot be opened or written.
IndexSummary run_index(const IndexOptions& options, std::ostream& out, std::ostream& log);

struct DeleteSummary {
    std::size_t deleted = 0;     ///< articles deleted
    std::size_t undeleted = 0;   ///< deletion marks removed (--undelete)
    std::size_t unknown = 0;     ///< ids with no article (or, with --undelete, no deletion)
    std::size_t db_articles = 0; ///< articles in the database at the end
};

/// news-index --delete: removes the articles with the ids @p ids (a takedown, a correction),
/// under the run lock, and marks each one deleted for its file: a later run that reads the
/// file again (it changed) leaves the article out. With @p undelete, removes those marks
/// instead and makes the next run read the files again, so the articles come back. Prints
/// what it did on @p out; an id with no article (no mark) on @p log, counted as unknown.
/// Throws DatabaseError.
DeleteSummary run_delete(const std::string& db_path, const std::vector<std::string>& ids, bool undelete,
                         std::ostream& out, std::ostream& log);

}  // namespace news
