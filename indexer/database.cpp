/// @file
/// @brief The database news-index writes, as files on disk (see database.h).
#include "indexer/database.h"

#include "common/copies.h"
#include "common/doc_lengths.h"
#include "common/facets.h"
#include "common/speaker_aliases.h"
#include "common/text/analyzer.h"
#include "indexer/extract/speakers/names.h"

#include "common/run_lock.h"
#include "common/schema.h"
#include "indexer/document_builder.h"
#include "indexer/segments.h"

#include <unistd.h>

#include <cstdio>
#include <ostream>
#include <stdexcept>

namespace news::database {
namespace fs = std::filesystem;
namespace {

std::uintmax_t folder_bytes(const fs::path& dir) {
    std::uintmax_t total = 0;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.is_regular_file(ec)) total += e.file_size(ec);
    return total;
}

// Where a compacted copy is built, and where the old database waits until the swap is done.
fs::path compact_tmp(const std::string& db) { return db + ".compacting"; }
fs::path compact_old(const std::string& db) { return db + std::string(schema::kPrecompactSuffix); }

bool is_glass_file(const std::string& name) {
    return name == "flintlock" || name.ends_with(".glass") || (name.starts_with("iamglass") && name != "iamglass");
}

}  // namespace

std::string hashed_key(std::string_view prefix, const std::string& key) {
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : key) h = (h ^ c) * 1099511628211ull;
    char buf[40];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return std::string(prefix) + buf;
}

RunLock::RunLock(const std::string& db, std::ostream& log) {
    bool unsupported = false;
    try {
        fd_ = runlock::take(db, unsupported);
    } catch (const std::runtime_error& e) {
        throw DatabaseError(e.what());
    }
    if (fd_ < 0)
        throw DatabaseError(db + ": database is locked: another news-index is writing to it (it holds " +
                            runlock::path_of(db) + ")");
    // A file system without locks (some network mounts): Xapian's lock still guards the
    // writes, only the compaction swap is unguarded.
    if (unsupported)
        log << runlock::path_of(db) << ": warning: cannot lock; do not run two news-index on this database at once\n";
}

RunLock::~RunLock() { ::close(fd_); }


// Xapian creates a database file by file (the tables, then the version file "iamglass"), and
// a run killed in between leaves a folder that Xapian takes for a database and cannot open
// ("Failed to open glass revision file"). So a new database is made whole beside its place
// ("<db>.creating") and renamed in; a folder such a kill left (Xapian's files and no version
// file: nothing readable) is cleared first. A folder holding anything else is refused: the
// database would be written among someone's files.
void create(const std::string& path, const std::string& language, std::ostream& log) {
    std::error_code ec;
    if (fs::exists(fs::path(path) / "iamglass", ec)) return;
    const fs::path creating = path + ".creating";
    fs::remove_all(creating, ec);
    if (fs::is_directory(path, ec)) {
        std::vector<fs::path> left;
        for (const auto& e : fs::directory_iterator(path, ec)) {
            if (!is_glass_file(e.path().filename().string()))
                throw DatabaseError(path + ": not a database (no " + path +
                                    "/iamglass) and not empty: choose another --db, or empty the folder");
            left.push_back(e.path());
        }
        if (!left.empty()) log << path << ": a database whose creation was interrupted: created again\n";
        for (const fs::path& f : left) fs::remove(f, ec);
    } else if (fs::exists(path, ec)) {
        return;  // a stub file, or not a database: Xapian says which
    }
    try {
        Xapian::WritableDatabase db(creating.string(), Xapian::DB_CREATE_OR_OVERWRITE);
        schema::check_or_init_metadata(db, language);
        db.commit();
        db.close();
    } catch (const Xapian::Error& e) {
        fs::remove_all(creating, ec);
        throw DatabaseError(path + ": cannot create database: " + e.get_description());
    }
    fs::rename(creating, path, ec);  // onto an empty folder too
    if (ec) throw DatabaseError(path + ": cannot create database: " + ec.message());
}

void recover_compaction(const std::string& db) {
    std::error_code ec;
    if (!fs::exists(db, ec) && fs::exists(compact_old(db), ec)) fs::rename(compact_old(db), db, ec);
    fs::remove_all(compact_tmp(db), ec);
    if (fs::exists(db, ec)) fs::remove_all(compact_old(db), ec);
}

fs::path segments_dir(const std::string& db) { return runlock::segments_of(db); }

void compact(std::optional<Xapian::WritableDatabase>& db, const std::string& path,
             const std::vector<fs::path>& more, IndexSummary& s) {
    s.bytes_before_compact = folder_bytes(path);
    for (const fs::path& m : more) s.bytes_before_compact += folder_bytes(m);
    try {
        fs::remove_all(compact_tmp(path));
        Xapian::Database all(*db);
        for (const fs::path& m : more) all.add_database(Xapian::Database(m.string()));
        all.compact(compact_tmp(path).string(), more.empty() ? Xapian::DBCOMPACT_NO_RENUMBER : 0);
        db->close();
    } catch (const Xapian::Error& e) {
        fs::remove_all(compact_tmp(path));
        throw DatabaseError(path + ": " + (more.empty() ? "compaction" : "merging segments") + " failed: " +
                            e.get_description());
    }
    fs::rename(path, compact_old(path));
    fs::rename(compact_tmp(path), path);
    fs::remove_all(compact_old(path));
    s.bytes_after_compact = folder_bytes(path);
    try {
        db.emplace(path, Xapian::DB_OPEN);
    } catch (const Xapian::Error& e) {
        throw DatabaseError(path + ": cannot open database: " + e.get_description());
    }
}

std::string stored_path(const Xapian::Document& doc, const std::shared_ptr<const stored::Dictionary>& dict) {
    try {
        std::shared_ptr<const stored::Dictionary> dicts[] = {dict};
        return article_from_document_data(
                   stored::unpack(doc.get_value(schema::kStoredSlot), std::span(dicts, dict ? 1 : 0))).path;
    } catch (const std::exception&) {
        return "another file";
    }
}

std::string file_term_of(const Xapian::Document& doc) {
    const std::string fp(schema::kFilePrefix);
    auto t = doc.termlist_begin();
    t.skip_to(fp);
    return t != doc.termlist_end() && (*t).starts_with(fp) ? *t : std::string();
}

std::unordered_set<std::string> deleted_marks(const Xapian::Database& db) {
    std::unordered_set<std::string> out;
    const std::string prefix(kDeletedPrefix);
    for (auto k = db.metadata_keys_begin(prefix); k != db.metadata_keys_end(prefix); ++k)
        if (std::string v = db.get_metadata(*k); !v.empty()) out.insert(std::move(v));
    return out;
}

void recover_segments(std::optional<Xapian::WritableDatabase>& db, const std::string& path, std::ostream& log) {
    const fs::path dir = segments_dir(path);
    std::error_code ec;
    if (!fs::exists(dir, ec)) return;
    if (db->get_lastdocid() == 0) {
        std::vector<fs::path> done = SegmentWriter::finished(dir);
        if (!done.empty()) {
            try {
                IndexSummary ignored;
                compact(db, path, SegmentWriter::reduce(dir, std::move(done), 1), ignored);
                log << path << ": kept " << db->get_doccount() << " articles written by an interrupted run\n";
            } catch (const DatabaseError& e) {  // segments broken by a crash of the machine: start again
                log << path << ": warning: " << e.what() << "; the articles of the interrupted run are indexed again\n";
                if (!db) db.emplace(path, Xapian::DB_CREATE_OR_OPEN);
            }
        }
    }
    fs::remove_all(dir, ec);
}

void store_stem_metadata(Xapian::WritableDatabase& db) {
    // Both tables are sorted by stem: one merge, then the writes (not while iterating).
    const std::string stems(schema::kStemPrefix), meta(schema::kMetaStemPrefix);
    std::vector<std::pair<std::string, std::string>> writes;  // key, words ("": gone)
    auto m = db.metadata_keys_begin(meta);
    const auto m_end = db.metadata_keys_end(meta);
    for (auto k = db.synonym_keys_begin(stems); k != db.synonym_keys_end(stems); ++k) {
        const std::string key = meta + (*k).substr(stems.size());
        for (; m != m_end && *m < key; ++m) writes.emplace_back(*m, std::string());
        std::string words;
        for (auto w = db.synonyms_begin(*k); w != db.synonyms_end(*k); ++w) {
            if (!words.empty()) words += '\n';
            words += *w;
        }
        if (m != m_end && *m == key) {
            ++m;
            if (db.get_metadata(key) == words) continue;
        }
        writes.emplace_back(key, std::move(words));
    }
    for (; m != m_end; ++m) writes.emplace_back(*m, std::string());
    for (const auto& [key, words] : writes) db.set_metadata(key, words);
    if (db.get_metadata(schema::kMetaRemoteTables) != "1") db.set_metadata(schema::kMetaRemoteTables, "1");
}

copies::StoreCounts store_search_tables(Xapian::WritableDatabase& db, bool with_copies) {
    copies::StoreCounts c;
    if (with_copies) c = copies::store_for_next_commit(db);  // (first: it rewrites articles)
    copies::store_table_for_next_commit(db);
    doclengths::store_for_next_commit(db);
    store_stem_metadata(db);
    aliases::store(db, extract::speakers::given_name_sex);
    const text::Analyzer analyzer;  // (normalize() does not stem: any language)
    facets::store_for_next_commit(db, [&](std::string_view s) { return analyzer.normalize(s); });
    return c;
}

}  // namespace news::database
