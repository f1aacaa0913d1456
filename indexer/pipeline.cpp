/// @file
/// @brief Walk, read, extract, build and write, committing in batches.
#include "indexer/pipeline.h"

#include "common/date.h"
#include "common/doc_lengths.h"
#include "common/schema.h"
#include "common/stored.h"
#include "common/text/analyzer.h"
#include "indexer/document_builder.h"
#include "indexer/extract/extract.h"
#include "indexer/readers/manifest.h"
#include "indexer/readers/reader.h"
#include "indexer/segments.h"
#include "common/run_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <xapian.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <chrono>
#include <cstring>
#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <span>
#include <pthread.h>
#include <thread>
#include <unordered_set>
#include <fstream>
#include <iostream>
#include <sstream>

namespace news {
namespace fs = std::filesystem;
namespace {

struct Job {
    fs::path path;
    std::string id;        // article id of the file
    fs::path relative;     // for manifest lookup
    const readers::Manifest* manifest = nullptr;
};

std::string read_bytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw readers::ReadError(std::string("cannot open: ") + std::strerror(errno));
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) throw readers::ReadError("read error");
    return ss.str();
}

// Bytes [begin, end) of a file.
std::string read_bytes(const fs::path& p, std::uintmax_t begin, std::uintmax_t end) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw readers::ReadError(std::string("cannot open: ") + std::strerror(errno));
    std::string out(end - begin, '\0');
    in.seekg(static_cast<std::streamoff>(begin));
    in.read(out.data(), static_cast<std::streamsize>(out.size()));
    if (static_cast<std::uintmax_t>(in.gcount()) != out.size()) throw readers::ReadError("read error (file changed?)");
    return out;
}

// A JSON Lines file bigger than this is read in pieces of about this size, cut at line ends:
// memory stays bounded whatever the size of the file (a million articles in one file).
constexpr std::uintmax_t kPieceBytes = 8u << 20;

struct Piece {
    std::uintmax_t begin, end;  // bytes
    std::size_t first_line;
};

// The bytes of @p piece (end 0: the whole file); with @p at_most, only that many at the most,
// cut after the last whole line (enough records to learn from, for JSON Lines).
std::string read_piece(const fs::path& p, const Piece& piece, std::uintmax_t at_most = UINTMAX_MAX) {
    if (!piece.end && at_most == UINTMAX_MAX) return read_bytes(p);
    const std::uintmax_t end = piece.end ? piece.end : fs::file_size(p);
    if (end - piece.begin <= at_most) return read_bytes(p, piece.begin, end);
    std::string bytes = read_bytes(p, piece.begin, piece.begin + at_most);
    bytes.resize(bytes.rfind('\n') + 1);  // whole lines only (none: nothing)
    return bytes;
}

// The pieces of a big JSON Lines file (one scan, counting lines); one piece for other files.
std::vector<Piece> pieces_of(const fs::path& p) {
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(p, ec);
    if (ec || size <= kPieceBytes || readers::format_of(p) != readers::Format::JsonLines) return {{0, 0, 1}};
    std::ifstream in(p, std::ios::binary);
    if (!in) return {{0, 0, 1}};  // reported when the file is read
    std::vector<Piece> out{{0, 0, 1}};
    std::vector<char> buf(1 << 20);
    std::uintmax_t at = 0;
    std::size_t line = 1;
    while (in) {
        in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        const std::size_t got = static_cast<std::size_t>(in.gcount());
        for (std::size_t i = 0; i < got; ++i) {
            if (buf[i] != '\n') continue;
            ++line;
            if (at + i + 1 - out.back().begin >= kPieceBytes && at + i + 1 < size) {
                out.back().end = at + i + 1;
                out.push_back({at + i + 1, 0, line});
            }
        }
        at += got;
    }
    out.back().end = at;
    return out;
}

bool is_hidden(const fs::path& p) {
    std::string n = p.filename().string();
    return !n.empty() && n[0] == '.';
}

bool is_manifest_name(const fs::path& p) {
    std::string n = p.filename().string();
    return n == "manifest.tsv" || n == "manifest.csv";
}

class Progress {
public:
    Progress(bool on, std::size_t total, std::ostream& log) : on_(on), total_(total), log_(log) {}
    void tick(std::size_t done, std::size_t articles) {
        if (!on_) return;
        auto now = std::chrono::steady_clock::now();
        if (done != total_ && now - last_ < std::chrono::milliseconds(100)) return;
        last_ = now;
        double secs = std::chrono::duration<double>(now - start_).count();
        int width = 30, fill = total_ ? static_cast<int>(width * done / total_) : width;
        log_ << "\r[" << std::string(fill, '=') << std::string(width - fill, ' ') << "] " << done << "/" << total_
             << " files, " << articles << " articles";
        if (secs > 0.5) log_ << ", " << static_cast<long>(articles / secs) << "/s";
        log_ << "   " << std::flush;
    }
    void clear() {
        if (on_) log_ << "\r" << std::string(79, ' ') << "\r" << std::flush;
    }

private:
    bool on_;
    std::size_t total_;
    std::ostream& log_;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_{};
};

std::string file_signature(const fs::path& p, const readers::ManifestEntry* m, const IndexOptions& o) {
    std::error_code ec;
    auto size = fs::file_size(p, ec);
    auto mtime = fs::last_write_time(p, ec).time_since_epoch().count();
    std::string meta = o.default_source + "|" + o.default_date + "|" + o.language;
    if (m) {
        meta += "|" + m->source + "|" + m->date + "|" + m->title + "|" + m->url + "|" + m->language + "|" + m->dateline;
        for (const auto& a : m->authors) meta += "|" + a;
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "%ju:%jd:%016zx|", static_cast<uintmax_t>(size), static_cast<intmax_t>(mtime),
                  std::hash<std::string>{}(meta));
    // The file's own path ends the signature: --prune reads it back (the term may be hashed).
    return buf + fs::absolute(p).lexically_normal().string();
}

// Metadata key holding a file's signature once all its articles are written. Keys are
// limited in length, so the path is hashed (FNV-1a, stable across builds).
constexpr std::string_view kFileMetaPrefix = "news.file.";
/// @p prefix + a stable hash of @p key (FNV-1a, 16 hex digits): metadata keys are limited in length.
std::string hashed_key(std::string_view prefix, const std::string& key) {
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : key) h = (h ^ c) * 1099511628211ull;
    char buf[40];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return std::string(prefix) + buf;
}
std::string file_meta_key(const std::string& path) { return hashed_key(kFileMetaPrefix, path); }

std::uintmax_t folder_bytes(const fs::path& dir) {
    std::uintmax_t total = 0;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.is_regular_file(ec)) total += e.file_size(ec);
    return total;
}

// The whole run holds an advisory lock on "<db>.lock", beside the database. Xapian's own
// lock lives inside the database folder, and compaction swaps that folder for another:
// between closing the old folder and the second rename there is no Xapian lock, and a second
// news-index would "repair" the swap under the first one's feet, or open the folder that is
// about to be deleted and lose what it writes. The file stays after the run: removing it
// would race with a run that has just opened it.
// (A POSIX record lock, common/run_lock.h: news-search tests it without taking it, to tell a
// first build in progress from an interrupted one.)
class RunLock {
public:
    RunLock(const std::string& db, std::ostream& log) {
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
    ~RunLock() { ::close(fd_); }
    RunLock(const RunLock&) = delete;
    RunLock& operator=(const RunLock&) = delete;

private:
    int fd_ = -1;
};

// Xapian creates a database file by file (the tables, then the version file "iamglass"), and
// a run killed in between leaves a folder that Xapian takes for a database and cannot open
// ("Failed to open glass revision file"). So a new database is made whole beside its place
// ("<db>.creating") and renamed in; a folder such a kill left (Xapian's files and no version
// file: nothing readable) is cleared first. A folder holding anything else is refused: the
// database would be written among someone's files.
bool is_glass_file(const std::string& name) {
    return name == "flintlock" || name.ends_with(".glass") || (name.starts_with("iamglass") && name != "iamglass");
}
void create_database(const std::string& path, const std::string& language, std::ostream& log) {
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

// Where a compacted copy is built, and where the old database waits until the swap is done.
fs::path compact_tmp(const std::string& db) { return db + ".compacting"; }
fs::path compact_old(const std::string& db) { return db + std::string(schema::kPrecompactSuffix); }

// A run killed between the two renames of a compaction leaves the database under its old
// name only: put it back. A half-built copy is thrown away.
void recover_compaction(const std::string& db) {
    std::error_code ec;
    if (!fs::exists(db, ec) && fs::exists(compact_old(db), ec)) fs::rename(compact_old(db), db, ec);
    fs::remove_all(compact_tmp(db), ec);
    if (fs::exists(db, ec)) fs::remove_all(compact_old(db), ec);
}

// Documents per segment of a bulk build, at most. Xapian writes small databases faster, but
// compaction keeps each segment's piece of a posting list as a chunk of its own, so many
// small segments make a bigger index that is slower to search. On Reuters-21578, segments
// of 256 / 1,024 / 4,096: writing 7.8 / 8.1 / 8.6 s CPU, index 73 / 70 / 67 MB, query p99
// 550 / 490 / 475 µs (one writer, compacted: 65 MB, 495 µs).
constexpr std::size_t kSegmentDocs = 1024;

// Where a bulk build writes its segments (see SegmentWriter).
fs::path segments_dir(const std::string& db) { return runlock::segments_of(db); }

// Rewrites the database, followed by the databases @p more, into compact B-trees (Xapian's
// compaction), then swaps the result in with two renames and opens it again. Alone, the
// database keeps its document ids; with segments, documents are numbered in order.
void compact_database(std::optional<Xapian::WritableDatabase>& db, const std::string& path,
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

// The article ids given out in one bulk build, each with the work item that took it: exact
// (two ids never pass for one), and compact as a million-article build needs (one buffer of
// bytes and a flat open-addressing table, as DocumentBuilder's WordSet).
class IdRegistry {
public:
    static constexpr std::uint32_t kNone = UINT32_MAX;
    /// The owner of @p key, or kNone.
    [[nodiscard]] std::uint32_t owner(std::string_view key) const {
        const std::uint64_t h = hash(key);
        for (std::size_t i = h & (slots_.size() - 1); slots_[i].hash != 0; i = (i + 1) & (slots_.size() - 1))
            if (slots_[i].hash == h && std::string_view(bytes_).substr(slots_[i].at, slots_[i].size) == key)
                return slots_[i].owner;
        return kNone;
    }
    /// Records @p key for @p owner (the key must be new).
    void add(std::string_view key, std::uint32_t owner) {
        if (++size_ * 2 > slots_.size()) grow();
        place({hash(key), bytes_.size(), static_cast<std::uint32_t>(key.size()), owner});
        bytes_ += key;
    }

private:
    struct Slot {  // 24 bytes
        std::uint64_t hash = 0;  // 0: empty
        std::uint64_t at = 0;    // the key in bytes_
        std::uint32_t size = 0;  // (a Q term: 240 bytes at most)
        std::uint32_t owner = kNone;
    };
    static std::uint64_t hash(std::string_view key) { return std::hash<std::string_view>{}(key) | 1; }
    void place(const Slot& s) {
        std::size_t i = s.hash & (slots_.size() - 1);
        while (slots_[i].hash != 0) i = (i + 1) & (slots_.size() - 1);
        slots_[i] = s;
    }
    void grow() {
        std::vector<Slot> old(slots_.size() * 2);
        old.swap(slots_);
        for (const Slot& s : old)
            if (s.hash != 0) place(s);
    }
    std::vector<Slot> slots_ = std::vector<Slot>(1024);
    std::string bytes_;
    std::size_t size_ = 0;
};

// A built document given another id: its Q term and the id in its stored article.
void rename_document(Xapian::Document& doc, const std::string& old_term, const std::string& id,
                     const std::shared_ptr<const stored::Dictionary>& dict) {
    doc.remove_term(old_term);
    doc.add_boolean_term(DocumentBuilder::id_term(id));
    std::shared_ptr<const stored::Dictionary> dicts[] = {dict};
    Article a = article_from_document_data(
        stored::unpack(doc.get_value(schema::kStoredSlot), std::span(dicts, dict ? 1 : 0)));
    a.id = id;
    doc.add_value(schema::kStoredSlot, stored::pack(to_document_data(a), dict.get()));
}

// The path of the file a document came from (its stored article's), or "another file".
std::string stored_path(const Xapian::Document& doc, const std::shared_ptr<const stored::Dictionary>& dict) {
    try {
        std::shared_ptr<const stored::Dictionary> dicts[] = {dict};
        return article_from_document_data(
                   stored::unpack(doc.get_value(schema::kStoredSlot), std::span(dicts, dict ? 1 : 0))).path;
    } catch (const std::exception&) {
        return "another file";
    }
}

// The file term of a document (kFilePrefix), or "".
std::string file_term_of(const Xapian::Document& doc) {
    const std::string fp(schema::kFilePrefix);
    auto t = doc.termlist_begin();
    t.skip_to(fp);
    return t != doc.termlist_end() && (*t).starts_with(fp) ? *t : std::string();
}

// news-index --delete leaves a mark per article (metadata kDeletedPrefix + a hash, holding
// the file term, a NUL and the id), so that a later run that reads the file again (it
// changed) leaves the article out; --undelete removes the mark.
constexpr std::string_view kDeletedPrefix = "news.deleted.";
std::string deleted_mark(const std::string& file_term, const std::string& id) { return file_term + '\0' + id; }
std::string deleted_key(const std::string& mark) { return hashed_key(kDeletedPrefix, mark); }
std::unordered_set<std::string> deleted_marks(const Xapian::Database& db) {
    std::unordered_set<std::string> out;
    const std::string prefix(kDeletedPrefix);
    for (auto k = db.metadata_keys_begin(prefix); k != db.metadata_keys_end(prefix); ++k)
        if (std::string v = db.get_metadata(*k); !v.empty()) out.insert(std::move(v));
    return out;
}

// A bulk build killed before its segments were merged: the segments it finished, in order
// up to the first it did not, go into the (still empty) database; the rest is redone.
void recover_segments(std::optional<Xapian::WritableDatabase>& db, const std::string& path, std::ostream& log) {
    const fs::path dir = segments_dir(path);
    std::error_code ec;
    if (!fs::exists(dir, ec)) return;
    if (db->get_lastdocid() == 0) {
        std::vector<fs::path> done = SegmentWriter::finished(dir);
        if (!done.empty()) {
            try {
                IndexSummary ignored;
                compact_database(db, path, SegmentWriter::reduce(dir, std::move(done), 1), ignored);
                log << path << ": kept " << db->get_doccount() << " articles written by an interrupted run\n";
            } catch (const DatabaseError& e) {  // segments broken by a crash of the machine: start again
                log << path << ": warning: " << e.what() << "; the articles of the interrupted run are indexed again\n";
                if (!db) db.emplace(path, Xapian::DB_CREATE_OR_OPEN);
            }
        }
    }
    fs::remove_all(dir, ec);
}

// --prune: removes the articles of files that are gone (before the run writes: a file moved
// elsewhere keeps its articles' ids).
void prune_vanished(Xapian::WritableDatabase& db, const IndexOptions& o, IndexSummary& s, std::ostream& log) {
    try {
        // Each file's path, from the signature recorded once the file was in, else (a run
        // stopped midway, or the first article replaced by another file's) from the
        // signature on one of its articles.
        auto path_of = [](const std::string& sig) {
            std::size_t bar = sig.find('|');
            return bar == std::string::npos ? std::string() : sig.substr(bar + 1);
        };
        std::map<std::string, std::string> paths;  // XFILE term -> path
        const std::string meta_prefix(kFileMetaPrefix);
        for (auto k = db.metadata_keys_begin(meta_prefix); k != db.metadata_keys_end(meta_prefix); ++k)
            if (std::string path = path_of(db.get_metadata(*k)); !path.empty())
                paths.emplace(DocumentBuilder::file_term(path), path);
        std::vector<std::pair<std::string, std::string>> gone;  // XFILE term, path
        const std::string fp(schema::kFilePrefix);
        for (auto t = db.allterms_begin(fp); t != db.allterms_end(fp); ++t) {
            auto known = paths.find(*t);
            std::string path = known != paths.end() ? known->second : std::string();
            for (auto d = db.postlist_begin(*t); path.empty() && d != db.postlist_end(*t); ++d)
                path = path_of(db.get_document(*d).get_value(schema::kFileSigSlot));
            std::error_code ec;
            if (!path.empty() && !fs::exists(path, ec)) gone.emplace_back(*t, path);
        }
        // Signatures of vanished files left with no article (all deleted with --delete).
        for (const auto& [t, path] : paths) {
            std::error_code ec;
            if (!db.term_exists(t) && !fs::exists(path, ec)) db.set_metadata(file_meta_key(path), "");
        }
        for (const auto& [t, path] : gone) {
            db.delete_document(t);
            db.set_metadata(file_meta_key(path), "");
            ++s.pruned;
            if (o.verbose) log << path << ": removed (file is gone)\n";
        }
    } catch (const Xapian::Error& e) {
        throw DatabaseError(o.db_path + ": " + e.get_description());
    }
}


// The files the inputs name, in order: a folder's files sorted by path (hidden ones, the
// manifest and files of no format news-index reads left out, the last counted by type), each
// with its id and its manifest (--manifest, else a manifest.tsv/.csv at the folder's top,
// loaded into @p manifests, which must outlive the jobs).
struct Manifests {
    std::optional<readers::Manifest> given;
    std::vector<std::unique_ptr<readers::Manifest>> found;
};

std::vector<Job> find_files(const IndexOptions& o, Manifests& manifests, IndexSummary& s, std::ostream& log) {
    std::optional<readers::Manifest>& given_manifest = manifests.given;
    if (o.manifest) {
        given_manifest = readers::Manifest::load(*o.manifest);
        for (const auto& w : given_manifest->warnings) log << w << "\n";
    }
    std::vector<std::unique_ptr<readers::Manifest>>& found_manifests = manifests.found;
    std::vector<Job> jobs;
    for (const fs::path& input : o.inputs) {
        std::error_code ec;
        fs::file_status st = fs::status(input, ec);
        if (ec || !fs::exists(st)) {
            log << input.string() << ": error: " << (ec ? ec.message() : std::string("no such file or folder")) << "\n";
            ++s.failed;
            continue;
        }
        if (fs::is_directory(st)) {
            const readers::Manifest* m = given_manifest ? &*given_manifest : nullptr;
            if (!m) {
                for (const char* name : {"manifest.tsv", "manifest.csv"}) {
                    if (fs::exists(input / name)) {
                        found_manifests.push_back(std::make_unique<readers::Manifest>(readers::Manifest::load(input / name)));
                        for (const auto& w : found_manifests.back()->warnings) log << w << "\n";
                        m = found_manifests.back().get();
                        break;
                    }
                }
            }
            fs::path root_name = fs::absolute(input).lexically_normal().parent_path().filename();
            if (fs::absolute(input).lexically_normal().filename().empty()) {
                // "corpus/" -> "corpus"
            } else {
                root_name = fs::absolute(input).lexically_normal().filename();
            }
            std::vector<Job> found;
            auto it = fs::recursive_directory_iterator(input, fs::directory_options::skip_permission_denied, ec);
            for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
                const fs::path& p = it->path();
                if (is_hidden(p)) {
                    if (it->is_directory(ec)) it.disable_recursion_pending();
                    continue;
                }
                if (!it->is_regular_file(ec)) {
                    std::error_code sec;
                    if (it->is_symlink(sec) && !fs::exists(it->status(sec))) {
                        // A dangling link or a loop of links: say so, never follow it.
                        std::error_code why;
                        (void)fs::canonical(p, why);
                        log << p.string() << ": error: " << (why ? why.message() : "broken symbolic link") << "\n";
                        ++s.failed;
                    }
                    continue;
                }
                if (is_manifest_name(p)) continue;  // read above, for its folder
                if (readers::format_of(p) == readers::Format::Unknown) {
                    // Counted by extension in the summary, named with --verbose: never silently.
                    std::string ext = p.extension().string();
                    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                    ++s.ignored;
                    ++s.ignored_by_type[ext.empty() ? "(no extension)" : ext];
                    if (o.verbose) log << p.string() << ": ignored (not a format news-index reads)\n";
                    continue;
                }
                fs::path rel = p.lexically_relative(input);
                found.push_back({p, (root_name / rel).generic_string(), rel, m});
            }
            if (ec) {
                log << input.string() << ": error: " << ec.message() << "\n";
                ++s.failed;
            }
            std::sort(found.begin(), found.end(), [](const Job& a, const Job& b) { return a.path < b.path; });
            jobs.insert(jobs.end(), found.begin(), found.end());
        } else {
            jobs.push_back({input, input.filename().generic_string(), input.filename(),
                            given_manifest ? &*given_manifest : nullptr});
        }
    }
    return jobs;
}

// A file, or a piece of a big JSON Lines file, to read, extract, build and write.
struct Work {
    const Job* job;
    std::string key, sig;
    const readers::ManifestEntry* entry;
    bool existed;
    Piece piece{0, 0, 1};                  // end 0: the whole file
    bool first = true, last = true;        // the file's first and last piece
};

// Which files need work (the planner): decided up front by the writer, which alone touches
// the database; an unchanged file (its signature recorded) is counted and skipped.
std::vector<Work> plan_work(const std::vector<Job>& jobs, Xapian::WritableDatabase* db, const IndexOptions& o,
                            IndexSummary& s, Progress& progress, std::size_t& done) {
    std::vector<Work> work;
    for (const Job& job : jobs) {
        std::string key = fs::absolute(job.path).lexically_normal().string();
        const readers::ManifestEntry* entry = job.manifest ? job.manifest->find(job.relative) : nullptr;
        std::string sig = file_signature(job.path, entry, o);
        bool existed = false;
        try {
            if (db) {
                std::string fterm = DocumentBuilder::file_term(key);
                existed = db->postlist_begin(fterm) != db->postlist_end(fterm);
                // The signature is recorded once the whole file is in (see the writer below).
                if (db->get_metadata(file_meta_key(key)) == sig) {
                    ++s.unchanged;
                    progress.tick(++done, s.articles);
                    continue;
                }
            }
        } catch (const Xapian::Error& e) {
            throw DatabaseError(o.db_path + ": " + e.get_description());
        }
        const std::vector<Piece> pieces = pieces_of(job.path);
        for (std::size_t k = 0; k < pieces.size(); ++k)
            work.push_back({&job, key, sig, entry, existed, pieces[k], k == 0, k + 1 == pieces.size()});
    }
    return work;
}

// The zstd dictionary of the stored articles: the database's, else one trained on the
// first articles of this run when it has enough of them (stored::Dictionary), committed
// at once so that the bulk build's merge (a compaction, which reads what is on disk)
// keeps it. The samples skip extraction but for the structure of scraped text: they teach
// zstd the JSON keys and the language.
// (The first files, or 4 MB of a JSON Lines file, are read twice; with the training, 0.08 s
// of a 3.2 s build of Reuters.)
std::shared_ptr<const stored::Dictionary> choose_dictionary(Xapian::WritableDatabase& db, const std::vector<Work>& work,
                                                            const IndexOptions& o, std::ostream& log) {
    std::shared_ptr<const stored::Dictionary> dict;
    try {
        if (std::string bytes = db.get_metadata(schema::kMetaDictionary); !bytes.empty())
            dict = stored::Dictionary::load(std::move(bytes));
    } catch (const Xapian::Error& e) {
        throw DatabaseError(o.db_path + ": " + e.get_description());
    } catch (const std::runtime_error& e) {
        throw DatabaseError(o.db_path + ": " + schema::kMetaDictionary + ": " + e.what());
    }
    std::vector<std::string> samples;
    for (std::size_t i = 0; !dict && i < work.size() && samples.size() < stored::Dictionary::kMaxSamples; ++i) {
        const Work& w = work[i];
        std::error_code ec;
        if (!fs::is_regular_file(w.job->path, ec)) continue;  // a pipe is read once, by the indexing itself
        try {
            const readers::Format format = readers::format_of(w.job->path);
            readers::ReadResult r = readers::read_file_content(
                format, read_piece(w.job->path, w.piece, format == readers::Format::JsonLines ? 4u << 20 : UINTMAX_MAX),
                w.job->path.string(), w.job->id, w.piece.first_line);
            for (Article& a : r.articles)
                if (samples.size() < stored::Dictionary::kMaxSamples) {
                    extract::guess_structure(a);
                    samples.push_back(to_document_data(a));
                }
        } catch (const std::exception&) {  // the file's errors are told when it is indexed
        }
    }
    if (!dict && (dict = stored::Dictionary::train(samples))) {
        try {
            db.set_metadata(schema::kMetaDictionary, dict->bytes());
            db.commit();
        } catch (const Xapian::Error& e) {
            throw DatabaseError(o.db_path + ": " + e.get_description());
        }
        if (o.verbose)
            log << o.db_path << ": stored articles compressed with a " << dict->bytes().size() / 1024
                << " KB zstd dictionary trained on " << samples.size() << " articles\n";
    }
    return dict;
}

}  // namespace

IndexSummary run_index(const IndexOptions& given, std::ostream& out, std::ostream& log) {
    auto t0 = std::chrono::steady_clock::now();
    IndexSummary s;
    IndexOptions o = given;
    o.db_path = schema::database_folder(given.db_path);

    // 1. Find the files (the walker).
    Manifests manifests;
    const std::vector<Job> jobs = find_files(o, manifests, s, log);
    s.files = jobs.size();

    // 2. Open the database (not for --extract).
    std::optional<Xapian::WritableDatabase> db;
    std::optional<RunLock> run_lock;
    if (!o.extract_only) {
        run_lock.emplace(o.db_path, log);
        recover_compaction(o.db_path);
        create_database(o.db_path, o.language, log);
        try {
            db.emplace(o.db_path, Xapian::DB_CREATE_OR_OPEN);
            schema::check_or_init_metadata(*db, o.language);
        } catch (const Xapian::DatabaseLockError& e) {
            throw DatabaseError(o.db_path + ": database is locked: another news-index is writing to it (" +
                                e.get_msg() + ")");
        } catch (const Xapian::Error& e) {
            throw DatabaseError(o.db_path + ": cannot open database: " + e.get_description());
        } catch (const std::runtime_error& e) {
            throw DatabaseError(o.db_path + ": " + e.what());
        }
        recover_segments(db, o.db_path, log);
        if (o.prune) prune_vanished(*db, o, s, log);
    }

    Progress progress(o.progress && !o.extract_only, jobs.size(), log);
    std::size_t pending = 0;
    // (stem, word) pairs of the stem table, written at each commit sorted by stem: glass
    // rewrites (and deflates) a synonym entry each time add_synonym moves to another key, so
    // pairs added document by document rewrote the same entries again and again (8% of the
    // instructions of an incremental run).
    std::vector<std::pair<std::string, std::string>> pending_stems;
    auto commit = [&] {
        if (!db || pending == 0) return;
        try {
            std::sort(pending_stems.begin(), pending_stems.end());
            for (const auto& [stem, word] : pending_stems) db->add_synonym(schema::stem_key(stem), word);
            pending_stems.clear();
            db->commit();
        } catch (const Xapian::Error& e) {
            throw DatabaseError(o.db_path + ": commit failed: " + e.get_description());
        }
        pending = 0;
    };

    // 3. Which files need work (the planner), and the zstd dictionary of stored articles.
    std::size_t done = 0;
    const std::vector<Work> work = plan_work(jobs, db ? &*db : nullptr, o, s, progress, done);
    const std::shared_ptr<const stored::Dictionary> dict = db ? choose_dictionary(*db, work, o, log) : nullptr;

    // Readers, extraction and document building run on worker threads, each with its own
    // Analyzer; the writer takes their results strictly in file order, so the database
    // (document ids included) is the same whatever the number of threads. A file with many
    // records (JSON Lines, SGML) is cut into chunks that any worker builds, so one big file
    // uses every thread, and the chunks waiting for the writer are bounded in number.
    constexpr std::size_t kChunk = 256;  // documents per hand-over
    struct Chunk {
        std::string messages;  // log lines, printed by the writer in order
        std::size_t failed = 0;
        std::vector<Article> articles;                                // --extract
        struct Built {
            std::string idterm;  // the Q term of `id`
            Xapian::Document doc;
            std::string id;
            std::size_t line;  // of the record in its file, 0: unknown
        };
        std::vector<Built> docs;
        std::vector<std::pair<std::string, std::string>> stems;      // (stem, word) pairs
        bool last = false;      // the file's final chunk
        bool readable = true;   // false: the file could not be read at all
        bool not_article = false;  // the file is no article (a README, a list): it gives none
    };
    struct Read {  // a file read, whose chunks are being built
        readers::ReadResult result;
        std::string messages;
    };
    struct Slot {
        std::vector<std::optional<Chunk>> chunks;  // sized once the file is read
        std::shared_ptr<Read> read;                // until its last chunk is built
    };
    std::vector<Slot> slots(work.size());
    std::set<std::pair<std::size_t, std::size_t>> tasks;  // (file, chunk) to build, first ones first
    std::mutex mu;
    std::condition_variable cv;
    std::size_t next = 0, current = 0, buffered = 0;  // current: the file the writer is on
    std::size_t reading = 0;                          // files being read: their chunks will come
    bool stop = false;
    std::exception_ptr worker_error;
    const std::size_t threads = std::max<std::size_t>(1, std::min(o.jobs, std::max<std::size_t>(1, work.size() * 64)));
    const std::size_t max_buffered = 4 * threads + 4;  // chunks built and waiting for the writer, at most

    // Reads file i into its slot, and queues its chunks (under the lock on return).
    auto read_file = [&](std::size_t i, std::unique_lock<std::mutex>& lk) {
        const Job& job = *work[i].job;
        const Piece& piece = work[i].piece;
        auto read = std::make_shared<Read>();
        std::ostringstream msg;
        bool readable = true;
        try {
            read->result = readers::read_file_content(
                readers::format_of(job.path), read_piece(job.path, piece),
                job.path.string(), job.id, piece.first_line);
        } catch (const std::exception& e) {
            msg << job.path.string();
            if (auto* re = dynamic_cast<const readers::ReadError*>(&e); re && re->line()) msg << ":" << re->line();
            msg << ": error: " << e.what() << "\n";
            readable = false;
        }
        const readers::ReadResult& r = read->result;
        for (const auto& [line, why] : r.errors) msg << job.path.string() << ":" << line << ": error: " << why << "\n";
        for (const auto& [line, why] : r.warnings) msg << job.path.string() << ":" << line << ": warning: " << why << "\n";
        if (readable && r.encoding != "UTF-8" && o.verbose) msg << job.path.string() << ": converted from " << r.encoding << "\n";
        if (readable && !r.not_article.empty()) {
            if (o.verbose) msg << job.path.string() << ": skipped (not an article: " << r.not_article << ")\n";
        } else if (readable && o.verbose) {
            msg << job.path.string() << ": " << r.articles.size() << " article(s)\n";
        }
        read->messages = msg.str();
        const std::size_t n = std::max<std::size_t>(1, (r.articles.size() + kChunk - 1) / kChunk);
        lk.lock();
        if (!readable) {
            Chunk c;
            c.messages = read->messages;
            c.failed = 1;
            c.last = true;
            c.readable = false;
            slots[i].chunks.resize(1);
            slots[i].chunks[0] = std::move(c);
            ++buffered;
            return;
        }
        slots[i].chunks.resize(n);
        slots[i].read = std::move(read);
        for (std::size_t j = 0; j < n; ++j) tasks.emplace(i, j);
    };

    auto extract_options = [&](const Work& w) {
        extract::ExtractOptions x;
        x.manifest = w.entry;
        x.default_source = o.default_source;
        x.default_date = o.default_date;
        x.speakers = o.speakers;
        return x;
    };

    // Builds chunk j of file i (read already) into its slot (under the lock on return).
    auto build_chunk = [&](std::size_t i, std::size_t j, std::unique_lock<std::mutex>& lk, const DocumentBuilder* b) {
        const Work& w = work[i];
        std::shared_ptr<Read> read = slots[i].read;
        lk.unlock();
        std::vector<Article>& articles = read->result.articles;  // chunks touch disjoint articles
        const std::size_t n = articles.size(), end = std::min(n, (j + 1) * kChunk);
        Chunk c;
        std::string errors;
        std::size_t failed = 0;
        for (std::size_t at = j * kChunk; at < end; ++at) {
            Article& a = articles[at];
            // One article never stops a run: a failing extraction leaves it without speakers,
            // a failing build leaves it out; either is told and counted.
            if (std::string why = extract::extract_article(a, extract_options(w)); !why.empty()) {
                errors += w.job->path.string() + ": error: article " + a.id + ": " + why + "; indexed without speakers\n";
                ++failed;
            }
            if (o.verbose && !a.dropped.empty()) {
                // What guessing the structure took out of the text, by kind (--extract lists the lines).
                std::map<std::string, std::size_t> kinds;
                for (const auto& d : a.dropped) ++kinds[d.first];
                std::string what;
                for (const auto& [kind, n] : kinds) what += (what.empty() ? "" : ", ") + std::to_string(n) + " " + kind;
                errors += w.job->path.string() + ": article " + a.id + ": " + std::to_string(a.dropped.size()) +
                          " line(s) taken out of the text (" + what + ")\n";
            }
            if (b) {
                // The signature (for --prune, which needs the path) goes on the file's first
                // article only: 1.6 MB of repeats in one 21,577-record JSON Lines file.
                static const std::string none;
                const std::string& sig = w.first && at == 0 ? w.sig : none;
                try {
                    c.docs.push_back({DocumentBuilder::id_term(a.id), b->build(a, w.key, sig, c.stems), a.id, a.line});
                } catch (const std::exception& e) {
                    errors += w.job->path.string() + ": error: article " + a.id + ": " + e.what() + "; not indexed\n";
                    ++failed;
                }
                a = Article();  // its memory now lives in the document
            } else {
                c.articles.push_back(std::move(a));
            }
        }
        c.last = end >= n;
        c.messages = std::move(errors);
        c.failed = failed;
        if (c.last) {
            c.messages = read->messages + c.messages;
            c.failed += read->result.errors.size();
            c.readable = !(n == 0 && !read->result.errors.empty());
            c.not_article = !read->result.not_article.empty();
        }
        const bool last = c.last;
        read.reset();
        lk.lock();
        slots[i].chunks[j] = std::move(c);
        ++buffered;
        if (last) slots[i].read.reset();
    };

    auto worker = [&] {
        pthread_setname_np(pthread_self(), "news-read");  // for perf and top
        text::Analyzer local(o.language);
        DocumentBuilder local_builder(local);
        local_builder.set_dictionary(dict);
        std::unique_lock lk(mu);
        while (true) {
            // Build the first chunk waiting (the writer's file's always, others while few
            // chunks wait for the writer); else read the next file, when none waits to be built.
            auto buildable = [&] { return !tasks.empty() && (buffered < max_buffered || tasks.begin()->first == current); };
            auto readable = [&] {
                return tasks.empty() && next < work.size() && next < current + 8 * threads && buffered < max_buffered;
            };
            auto all_done = [&] { return next >= work.size() && tasks.empty() && reading == 0; };
            cv.wait(lk, [&] { return stop || buildable() || readable() || all_done(); });
            if (stop || all_done()) return;
            try {
                if (buildable()) {
                    auto [i, j] = *tasks.begin();
                    tasks.erase(tasks.begin());
                    build_chunk(i, j, lk, db ? &local_builder : nullptr);
                } else {
                    std::size_t i = next++;
                    ++reading;
                    lk.unlock();
                    read_file(i, lk);
                    --reading;
                }
            } catch (...) {
                if (!lk.owns_lock()) lk.lock();
                worker_error = std::current_exception();
                stop = true;
                cv.notify_all();
                return;
            }
            cv.notify_all();
        }
    };
    std::unordered_set<std::string> known_stems;  // (stem, word) pairs written in this run

    // A bulk build (an empty database, several threads) writes segments in parallel and
    // merges them at the end. An article id met twice in the run is written after the
    // merge, as a replacement, the way the single writer replaces it.
    std::optional<SegmentWriter> segments;
    if (db && o.jobs > 1 && db->get_lastdocid() == 0 && !work.empty()) {
        std::error_code ec;
        fs::remove_all(segments_dir(o.db_path), ec);
        segments.emplace(segments_dir(o.db_path), o.jobs, std::min<std::size_t>(o.batch_size, kSegmentDocs));
    }
    // Article ids are unique: an article whose id is taken already (by another file, or by
    // another record of its own file) gets the first free "ID~N" and a warning, decided in
    // file order by the writer, so whatever --jobs is. A bulk build knows the ids it gave
    // out (`bulk_ids`); a run into a database that holds articles asks the database.
    IdRegistry bulk_ids;
    std::unordered_set<std::string> deleted;  // news-index --delete's marks (deleted_mark)
    std::unordered_set<std::string> deleted_ids;  // their ids
    std::unordered_set<std::string> used_marks;   // marks that left an article out in this run
    if (db) {
        try {
            deleted = deleted_marks(*db);
            for (const std::string& m : deleted) deleted_ids.insert(m.substr(m.find('\0') + 1));
        } catch (const Xapian::Error& e) {
            throw DatabaseError(o.db_path + ": " + e.get_description());
        }
    }
    std::vector<std::thread> pool;
    for (std::size_t t = 0; t < threads && !work.empty(); ++t) pool.emplace_back(worker);
    auto join_all = [&] {
        {
            std::lock_guard lk(mu);
            stop = true;
        }
        cv.notify_all();
        for (auto& t : pool) t.join();
        pool.clear();
    };
    try {
        for (std::size_t i = 0; i < work.size(); ++i) {
            const Work& w = work[i];
            bool first = w.first;  // the file's first chunk
            std::size_t file_articles = 0, chunk = 0;
            while (true) {
                Chunk c;
                {
                    std::unique_lock lk(mu);
                    current = i;
                    cv.notify_all();
                    cv.wait(lk, [&] { return (chunk < slots[i].chunks.size() && slots[i].chunks[chunk]) || worker_error; });
                    if (worker_error) std::rethrow_exception(worker_error);
                    c = std::move(*slots[i].chunks[chunk]);
                    slots[i].chunks[chunk].reset();
                    ++chunk;
                    --buffered;
                }
                cv.notify_all();
                if (c.last && !c.messages.empty()) {
                    progress.clear();
                    log << c.messages;
                }
                s.failed += c.failed;
                if (c.not_article) ++s.not_articles;  // (its old articles, if any, go below)
                if (!c.readable) break;  // nothing to replace the old articles with: keep them
                try {
                    if (db && first && w.existed && !segments) db->delete_document(DocumentBuilder::file_term(w.key));
                    // The id each article gets; false: leave it out (deleted with --delete).
                    const std::string fterm = DocumentBuilder::file_term(w.key);
                    auto place = [&](Chunk::Built& b) {
                        std::string owner;
                        auto taken = [&](const std::string& term) {
                            if (segments) {
                                std::uint32_t i = bulk_ids.owner(term);
                                if (i != IdRegistry::kNone && owner.empty()) owner = work[i].job->path.string();
                                return i != IdRegistry::kNone;
                            }
                            if (!db->term_exists(term)) return false;  // (sees this run's uncommitted articles)
                            if (owner.empty()) owner = stored_path(db->get_document(*db->postlist_begin(term)), dict);
                            return true;
                        };
                        // The id, else the first free of "ID~2", "ID~3" ...; an id deleted
                        // with --delete is never given to another article.
                        std::string id = b.id;
                        for (std::size_t n = 2;; ++n) {
                            // Each mark leaves out one article: a file that repeats an id had
                            // "ID" and "ID~2", and only the one deleted stays out.
                            if (std::string m = deleted_mark(fterm, id); deleted.count(m) && used_marks.insert(m).second) {
                                ++s.withheld;
                                if (o.verbose)
                                    log << w.job->path.string() << ": " << id << ": left out, deleted with news-index --delete\n";
                                return false;
                            }
                            if (deleted_ids.count(id)) {
                                if (owner.empty()) owner = "an article deleted with news-index --delete";
                            } else if (!taken(DocumentBuilder::id_term(id))) {
                                break;
                            }
                            id = b.id + "~" + std::to_string(n);
                        }
                        if (id != b.id) {
                            progress.clear();
                            log << w.job->path.string();
                            if (b.line) log << ":" << b.line;
                            log << ": warning: id " << b.id << " is already used by "
                                << (owner == w.job->path.string() ? std::string("another record of this file") : owner)
                                << "; indexed as " << id << "\n";
                            ++s.renamed;
                            const std::string old_term = b.idterm;
                            b.idterm = DocumentBuilder::id_term(id);
                            rename_document(b.doc, old_term, id, dict);
                        }
                        if (segments) bulk_ids.add(b.idterm, static_cast<std::uint32_t>(i));
                        return true;
                    };
                    if (segments) {
                        for (auto& [stem, word] : c.stems)
                            if (known_stems.insert(stem + '\0' + word).second) segments->add_synonym(schema::stem_key(stem), word);
                        for (Chunk::Built& b : c.docs)
                            if (place(b)) {
                                segments->add_document(std::move(b.doc));
                                ++file_articles;
                            }
                        if (c.last && w.last) segments->set_metadata(file_meta_key(w.key), w.sig);
                    } else if (db) {
                        for (const auto& [stem, word] : c.stems)
                            if (known_stems.insert(stem + '\0' + word).second) pending_stems.emplace_back(stem, word);
                        for (Chunk::Built& b : c.docs) {
                            if (!place(b)) continue;
                            db->replace_document(b.idterm, b.doc);
                            ++file_articles;
                            if (++pending >= o.batch_size) commit();
                        }
                        // The file counts as done only once all its articles are in: a run
                        // killed halfway through a big file redoes the whole file next time.
                        if (c.last && w.last) db->set_metadata(file_meta_key(w.key), w.sig);
                    } else {
                        for (const Article& a : c.articles) out << to_json(a).dump() << "\n";
                        file_articles += c.articles.size();
                    }
                } catch (const Xapian::Error& e) {
                    throw DatabaseError(o.db_path + ": " + e.get_description());
                }
                first = false;
                if (c.last) {
                    if (w.last) (w.existed ? s.updated : s.indexed) += 1;
                    break;
                }
            }
            s.articles += file_articles;
            if (w.last) ++done;
            progress.tick(done, s.articles);
        }
    } catch (...) {
        join_all();
        throw;
    }
    join_all();

    if (segments) {
        std::vector<fs::path> done;
        try {
            done = SegmentWriter::reduce(segments_dir(o.db_path), segments->finish(), o.jobs);
        } catch (const Xapian::Error& e) {
            throw DatabaseError(o.db_path + ": writing a segment failed: " + e.get_description());
        }
        segments.reset();
        progress.clear();
        if (o.verbose) log << o.db_path << ": merging " << done.size() << " segments\n";
        compact_database(db, o.db_path, done, s);
        std::error_code ec;
        fs::remove_all(segments_dir(o.db_path), ec);
    }

    if (db) {
        // The document lengths, packed for the search, belong to the revision this commit makes.
        auto store_lengths = [&] {
            try {
                doclengths::store_for_next_commit(*db);
            } catch (const Xapian::Error& e) {
                throw DatabaseError(o.db_path + ": " + e.get_description());
            }
        };
        store_lengths();
        ++pending;  // always commit: metadata of a new database
        commit();
        s.db_articles = db->get_doccount();
        if (o.compact && s.bytes_after_compact == 0) {  // a bulk build's merge has compacted it
            progress.clear();
            compact_database(db, o.db_path, {}, s);
            if (!doclengths::decode(db->get_metadata(schema::kMetaDocLengths), db->get_revision(), db->get_lastdocid())) {
                store_lengths();
                ++pending;
                commit();
            }
        }
    }
    progress.clear();
    s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return s;
}

}  // namespace news

namespace news {

DeleteSummary run_delete(const std::string& given_path, const std::vector<std::string>& ids, bool undelete,
                         std::ostream& out, std::ostream& log) {
    DeleteSummary s;
    const std::string path = schema::database_folder(given_path);
    RunLock lock(path, log);
    recover_compaction(path);
    std::optional<Xapian::WritableDatabase> db;
    try {
        db.emplace(path, Xapian::DB_OPEN);
        (void)schema::read_metadata(*db);
    } catch (const Xapian::DatabaseLockError& e) {
        throw DatabaseError(path + ": database is locked: another news-index is writing to it (" + e.get_msg() + ")");
    } catch (const Xapian::DatabaseNotFoundError&) {
        throw DatabaseError(path + ": no database here");
    } catch (const Xapian::Error& e) {
        throw DatabaseError(path + ": cannot open database: " + e.get_description());
    } catch (const std::runtime_error& e) {
        throw DatabaseError(path + ": " + e.what());
    }
    recover_segments(db, path, log);
    try {
        std::shared_ptr<const stored::Dictionary> dict;
        if (std::string bytes = db->get_metadata(schema::kMetaDictionary); !bytes.empty())
            dict = stored::Dictionary::load(std::move(bytes));
        // File term -> metadata key of the file's signature (for --undelete).
        std::map<std::string, std::string> signatures;
        const std::string meta_prefix(kFileMetaPrefix);
        for (auto k = db->metadata_keys_begin(meta_prefix); k != db->metadata_keys_end(meta_prefix); ++k) {
            const std::string sig = db->get_metadata(*k);
            if (std::size_t bar = sig.find('|'); bar != std::string::npos)
                signatures.emplace(DocumentBuilder::file_term(sig.substr(bar + 1)), *k);
        }
        const std::unordered_set<std::string> marks = undelete ? deleted_marks(*db) : std::unordered_set<std::string>{};
        for (const std::string& id : ids) {
            if (undelete) {
                bool found = false;
                for (const std::string& mark : marks) {
                    const std::size_t nul = mark.find('\0');
                    if (nul == std::string::npos || mark.compare(nul + 1, std::string::npos, id) != 0) continue;
                    found = true;
                    db->set_metadata(deleted_key(mark), "");
                    const std::string fterm = mark.substr(0, nul);
                    auto sig = signatures.find(fterm);
                    if (sig != signatures.end()) db->set_metadata(sig->second, "");  // the next run reads the file again
                    out << "undeleted " << id << ": the next news-index run over its file indexes it again\n";
                    ++s.undeleted;
                }
                if (!found) {
                    log << "news-index: " << id << ": no article deleted with this id\n";
                    ++s.unknown;
                }
                continue;
            }
            // The documents of the id: its Q term (hashed past Xapian's term limit, so the
            // stored id is compared), in every file that gave it.
            const std::string term = DocumentBuilder::id_term(id);
            std::vector<std::pair<Xapian::docid, std::string>> hits;  // docid, path
            for (auto p = db->postlist_begin(term); p != db->postlist_end(term); ++p) {
                std::string stored_id, stored_file;
                try {
                    std::shared_ptr<const stored::Dictionary> dicts[] = {dict};
                    Article a = article_from_document_data(stored::unpack(
                        db->get_document(*p).get_value(schema::kStoredSlot), std::span(dicts, dict ? 1 : 0)));
                    stored_id = a.id;
                    stored_file = a.path;
                } catch (const std::exception&) {  // unreadable: the id is the term's when not hashed
                    stored_id = term == std::string(schema::kIdPrefix) + id ? id : std::string();
                    stored_file = "(unreadable stored article)";
                }
                if (stored_id == id) hits.emplace_back(*p, stored_file);
            }
            if (hits.empty()) {
                log << "news-index: " << id << ": no article with this id\n";
                ++s.unknown;
                continue;
            }
            for (const auto& [docid, file] : hits) {
                const std::string mark = deleted_mark(file_term_of(db->get_document(docid)), id);
                db->delete_document(docid);
                db->set_metadata(deleted_key(mark), mark);
                out << "deleted " << id << " (" << file << ")\n";
                ++s.deleted;
            }
        }
        doclengths::store_for_next_commit(*db);
        db->commit();
        s.db_articles = db->get_doccount();
    } catch (const Xapian::Error& e) {
        throw DatabaseError(path + ": " + e.get_description());
    } catch (const std::runtime_error& e) {
        throw DatabaseError(path + ": " + e.what());
    }
    return s;
}

}  // namespace news
