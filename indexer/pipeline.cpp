/// @file
/// @brief news-index's run (run_index): the walker (find_files), the planner (plan_work), the
/// workers that read, extract and build (BuildPool), then the writer (writer.h) in file order.
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
#include "indexer/database.h"
#include "indexer/writer.h"
#include "common/shards.h"

#include <xapian.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <set>
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

// --prune: removes the articles of files that are gone (before the run writes: a file moved
// elsewhere keeps its articles' ids).
// (@p pruned: the paths removed, from every shard: a file counts once.)
void prune_vanished(Xapian::WritableDatabase& db, const IndexOptions& o, std::set<std::string>& pruned, std::ostream& log) {
    try {
        // Each file's path, from the signature recorded once the file was in, else (a run
        // stopped midway, or the first article replaced by another file's) from the
        // signature on one of its articles.
        auto path_of = [](const std::string& sig) {
            std::size_t bar = sig.find('|');
            return bar == std::string::npos ? std::string() : sig.substr(bar + 1);
        };
        std::map<std::string, std::string> paths;  // XFILE term -> path
        const std::string meta_prefix(database::kFileMetaPrefix);
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
            if (!db.term_exists(t) && !fs::exists(path, ec)) db.set_metadata(database::file_meta_key(path), "");
        }
        for (const auto& [t, path] : gone) {
            db.delete_document(t);
            db.set_metadata(database::file_meta_key(path), "");
            if (pruned.insert(path).second && o.verbose) log << path << ": removed (file is gone)\n";
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
std::vector<Work> plan_work(const std::vector<Job>& jobs, const std::vector<Xapian::WritableDatabase*>& dbs,
                            const IndexOptions& o, IndexSummary& s, Progress& progress, std::size_t& done) {
    std::vector<Work> work;
    for (const Job& job : jobs) {
        std::string key = fs::absolute(job.path).lexically_normal().string();
        const readers::ManifestEntry* entry = job.manifest ? job.manifest->find(job.relative) : nullptr;
        std::string sig = file_signature(job.path, entry, o);
        bool existed = false;
        try {
            if (!dbs.empty()) {
                // The signature is recorded once the whole file is in (see the writer below), in
                // every shard: unchanged only when every shard has it.
                const std::string fterm = DocumentBuilder::file_term(key);
                bool unchanged = true;
                for (Xapian::WritableDatabase* db : dbs) {
                    existed = existed || db->postlist_begin(fterm) != db->postlist_end(fterm);
                    unchanged = unchanged && db->get_metadata(database::file_meta_key(key)) == sig;
                }
                if (unchanged) {
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
// A shard after the first that has none gets the first one's (@p given).
std::shared_ptr<const stored::Dictionary> choose_dictionary(Xapian::WritableDatabase& db, const std::vector<Work>& work,
                                                            const IndexOptions& o, std::ostream& log,
                                                            std::shared_ptr<const stored::Dictionary> given = nullptr) {
    std::shared_ptr<const stored::Dictionary> dict;
    try {
        if (std::string bytes = db.get_metadata(schema::kMetaDictionary); !bytes.empty())
            dict = stored::Dictionary::load(std::move(bytes));
    } catch (const Xapian::Error& e) {
        throw DatabaseError(o.db_path + ": " + e.get_description());
    } catch (const std::runtime_error& e) {
        throw DatabaseError(o.db_path + ": " + schema::kMetaDictionary + ": " + e.what());
    }
    if (!dict && given) {
        try {
            db.set_metadata(schema::kMetaDictionary, given->bytes());
            db.commit();
        } catch (const Xapian::Error& e) {
            throw DatabaseError(o.db_path + ": " + e.get_description());
        }
        return given;
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

// A piece of a file's articles, read, extracted and built, on its way to the writer.
struct Chunk {
    std::string messages;  // log lines, printed by the writer in order
    std::size_t failed = 0;
    std::vector<Article> articles;  // --extract
    std::vector<BuiltDoc> docs;
    std::vector<std::pair<std::string, std::string>> stems;  // (stem, word) pairs
    bool last = false;         // the file's final chunk
    bool readable = true;      // false: the file could not be read at all
    bool not_article = false;  // the file is no article (a README, a list): it gives none
};

// Readers, extraction and document building run on worker threads, each with its own
// Analyzer; the writer takes their results strictly in file order (take), so the database
// (document ids included) is the same whatever the number of threads. A file with many
// records (JSON Lines, SGML) is cut into chunks that any worker builds, so one big file
// uses every thread, and the chunks waiting for the writer are bounded in number.
class BuildPool {
public:
    /// Starts the workers on @p work. @p build: build documents (else keep the articles, for
    /// --extract), their stored articles compressed with @p dict.
    BuildPool(const std::vector<Work>& work, const IndexOptions& o, std::shared_ptr<const stored::Dictionary> dict,
              bool build)
        : work_(work), o_(o), dict_(std::move(dict)), build_(build), slots_(work.size()),
          threads_(std::max<std::size_t>(1, std::min(o.jobs, std::max<std::size_t>(1, work.size() * 64)))),
          max_buffered_(4 * threads_ + 4) {
        for (std::size_t t = 0; t < threads_ && !work.empty(); ++t) pool_.emplace_back([this] { worker(); });
    }
    BuildPool(const BuildPool&) = delete;
    BuildPool& operator=(const BuildPool&) = delete;
    /// Stops the workers (what they were doing is dropped).
    ~BuildPool() {
        {
            std::lock_guard lk(mu_);
            stop_ = true;
        }
        cv_.notify_all();
        for (auto& t : pool_) t.join();
    }

    /// Chunk @p k of work item @p i, once built (the writer's item is built first). Rethrows
    /// what failed a worker (out of memory; an article's own failures are in its chunk).
    Chunk take(std::size_t i, std::size_t k) {
        Chunk c;
        {
            std::unique_lock lk(mu_);
            current_ = i;
            cv_.notify_all();
            cv_.wait(lk, [&] { return (k < slots_[i].chunks.size() && slots_[i].chunks[k]) || error_; });
            if (error_) std::rethrow_exception(error_);
            c = std::move(*slots_[i].chunks[k]);
            slots_[i].chunks[k].reset();
            --buffered_;
        }
        cv_.notify_all();
        return c;
    }

private:
    static constexpr std::size_t kChunk = 256;  // documents per hand-over
    struct Read {  // a file read, whose chunks are being built
        readers::ReadResult result;
        std::string messages;
    };
    struct Slot {
        std::vector<std::optional<Chunk>> chunks;  // sized once the file is read
        std::shared_ptr<Read> read;                // until its last chunk is built
    };

    // Reads file i into its slot, and queues its chunks (under the lock on return).
    void read_file(std::size_t i, std::unique_lock<std::mutex>& lk) {
        const Job& job = *work_[i].job;
        const Piece& piece = work_[i].piece;
        auto read = std::make_shared<Read>();
        std::ostringstream msg;
        bool readable = true;
        try {
            read->result = readers::read_file_content(readers::format_of(job.path), read_piece(job.path, piece),
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
        if (readable && r.encoding != "UTF-8" && o_.verbose) msg << job.path.string() << ": converted from " << r.encoding << "\n";
        if (readable && !r.not_article.empty()) {
            if (o_.verbose) msg << job.path.string() << ": skipped (not an article: " << r.not_article << ")\n";
        } else if (readable && o_.verbose) {
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
            slots_[i].chunks.resize(1);
            slots_[i].chunks[0] = std::move(c);
            ++buffered_;
            return;
        }
        slots_[i].chunks.resize(n);
        slots_[i].read = std::move(read);
        for (std::size_t j = 0; j < n; ++j) tasks_.emplace(i, j);
    }

    // Extracts and builds chunk j of file i (read already) into its slot (under the lock on return).
    void build_chunk(std::size_t i, std::size_t j, std::unique_lock<std::mutex>& lk, const DocumentBuilder* b) {
        const Work& w = work_[i];
        std::shared_ptr<Read> read = slots_[i].read;
        lk.unlock();
        std::vector<Article>& articles = read->result.articles;  // chunks touch disjoint articles
        const std::size_t n = articles.size(), end = std::min(n, (j + 1) * kChunk);
        extract::ExtractOptions x;
        x.manifest = w.entry;
        x.default_source = o_.default_source;
        x.default_date = o_.default_date;
        x.speakers = o_.speakers;
        Chunk c;
        std::string errors;
        std::size_t failed = 0;
        for (std::size_t at = j * kChunk; at < end; ++at) {
            Article& a = articles[at];
            // One article never stops a run: a failing extraction leaves it without speakers,
            // a failing build leaves it out; either is told and counted.
            if (std::string why = extract::extract_article(a, x); !why.empty()) {
                errors += w.job->path.string() + ": error: article " + a.id + ": " + why + "; indexed without speakers\n";
                ++failed;
            }
            if (o_.verbose && !a.dropped.empty()) {
                // What guessing the structure took out of the text, by kind (--extract lists the lines).
                std::map<std::string, std::size_t> kinds;
                for (const auto& d : a.dropped) ++kinds[d.first];
                std::string what;
                for (const auto& [kind, k] : kinds) what += (what.empty() ? "" : ", ") + std::to_string(k) + " " + kind;
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
        slots_[i].chunks[j] = std::move(c);
        ++buffered_;
        if (last) slots_[i].read.reset();
    }

    void worker() {
        pthread_setname_np(pthread_self(), "news-read");  // for perf and top
        text::Analyzer local(o_.language);
        DocumentBuilder local_builder(local);
        local_builder.set_dictionary(dict_);
        std::unique_lock lk(mu_);
        while (true) {
            // Build the first chunk waiting (the writer's file's always, others while few
            // chunks wait for the writer); else read the next file, when none waits to be built.
            auto buildable = [&] { return !tasks_.empty() && (buffered_ < max_buffered_ || tasks_.begin()->first == current_); };
            auto readable = [&] {
                return tasks_.empty() && next_ < work_.size() && next_ < current_ + 8 * threads_ && buffered_ < max_buffered_;
            };
            auto all_done = [&] { return next_ >= work_.size() && tasks_.empty() && reading_ == 0; };
            cv_.wait(lk, [&] { return stop_ || buildable() || readable() || all_done(); });
            if (stop_ || all_done()) return;
            try {
                if (buildable()) {
                    auto [i, j] = *tasks_.begin();
                    tasks_.erase(tasks_.begin());
                    build_chunk(i, j, lk, build_ ? &local_builder : nullptr);
                } else {
                    std::size_t i = next_++;
                    ++reading_;
                    lk.unlock();
                    read_file(i, lk);
                    --reading_;
                }
            } catch (...) {
                if (!lk.owns_lock()) lk.lock();
                error_ = std::current_exception();
                stop_ = true;
                cv_.notify_all();
                return;
            }
            cv_.notify_all();
        }
    }

    const std::vector<Work>& work_;
    const IndexOptions& o_;
    const std::shared_ptr<const stored::Dictionary> dict_;
    const bool build_;
    std::vector<Slot> slots_;
    std::set<std::pair<std::size_t, std::size_t>> tasks_;  // (file, chunk) to build, first ones first
    std::mutex mu_;
    std::condition_variable cv_;
    std::size_t next_ = 0, current_ = 0, buffered_ = 0;  // current_: the file the writer is on
    std::size_t reading_ = 0;                            // files being read: their chunks will come
    bool stop_ = false;
    std::exception_ptr error_;
    const std::size_t threads_;
    const std::size_t max_buffered_;  // chunks built and waiting for the writer, at most
    std::vector<std::thread> pool_;   // last: started once the rest is ready
};

}  // namespace

namespace {
// The databases a run writes: the one at o.db_path, or the shards of a sharded one (a stub
// of local shards there, or --shards N into a new folder, which gets the stub).
std::vector<std::string> target_paths(const IndexOptions& o) {
    std::optional<std::vector<std::string>> existing;
    try {
        existing = shards::local_shards(o.db_path);
    } catch (const std::exception& e) {
        throw DatabaseError(e.what());
    }
    if (existing) {
        if (o.shards > 0 && o.shards != existing->size())
            throw DatabaseError(o.db_path + " holds " + std::to_string(existing->size()) + " shards, not " +
                                std::to_string(o.shards) + " (--shards): index into a new folder to shard otherwise");
        return *existing;
    }
    if (o.shards <= 1) return {o.db_path};
    std::error_code ec;
    if (fs::exists(fs::path(o.db_path) / "iamglass", ec))
        throw DatabaseError(o.db_path + " is a database of one shard: --shards " + std::to_string(o.shards) +
                            " needs a new folder (or leave --shards out to add to it)");
    if (fs::exists(o.db_path, ec) && !fs::is_empty(o.db_path, ec))
        throw DatabaseError(o.db_path + " is a folder of other files: --shards needs a new or empty folder");
    fs::create_directories(o.db_path, ec);
    if (ec) throw DatabaseError(o.db_path + ": cannot make the folder: " + ec.message());
    try {
        shards::write_stub(o.db_path, o.shards);
    } catch (const std::exception& e) {
        throw DatabaseError(e.what());
    }
    std::vector<std::string> out;
    for (std::size_t k = 0; k < o.shards; ++k) out.push_back(shards::shard_path(o.db_path, k));
    return out;
}

// One database this run writes (a shard, or the whole database).
struct Target {
    IndexOptions o;  // db_path: this one's
    std::optional<database::RunLock> lock;
    std::optional<Xapian::WritableDatabase> db;
    std::shared_ptr<const stored::Dictionary> dict;
    std::optional<Writer> writer;
};

void open_target(Target& t, std::ostream& log) {
    t.lock.emplace(t.o.db_path, log);
    database::recover_compaction(t.o.db_path);
    database::create(t.o.db_path, t.o.language, log);
    try {
        t.db.emplace(t.o.db_path, Xapian::DB_CREATE_OR_OPEN);
        schema::check_or_init_metadata(*t.db, t.o.language);
    } catch (const Xapian::DatabaseLockError& e) {
        throw DatabaseError(t.o.db_path + ": database is locked: another news-index is writing to it (" + e.get_msg() + ")");
    } catch (const Xapian::Error& e) {
        throw DatabaseError(t.o.db_path + ": cannot open database: " + e.get_description());
    } catch (const std::runtime_error& e) {
        throw DatabaseError(t.o.db_path + ": " + e.what());
    }
    database::recover_segments(t.db, t.o.db_path, log);
}

// The clusters of wire copies across shards (a cluster may hold articles of several): over
// the segments of the shards built in bulk, the databases of the others, before any merge.
void group_copies_across(std::vector<std::unique_ptr<Target>>& targets) {
    std::vector<Xapian::WritableDatabase> parts;
    std::vector<Xapian::WritableDatabase*> all;
    try {
        for (auto& t : targets)
            if (const std::vector<fs::path>* done = t->writer->reduced())
                for (const fs::path& p : *done) parts.emplace_back(p.string(), Xapian::DB_OPEN);
        for (Xapian::WritableDatabase& p : parts) all.push_back(&p);
        for (auto& t : targets)
            if (!t->writer->reduced()) all.push_back(&*t->db);
        const copies::StoreCounts c = copies::store_for_next_commit(all);
        for (Xapian::WritableDatabase& p : parts) p.commit();
        for (auto& t : targets) t->writer->set_copies(c);
    } catch (const Xapian::Error& e) {
        throw DatabaseError(targets.front()->o.db_path + ": grouping wire copies across shards failed: " + e.get_description());
    }
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

    // 2. Open the database, or each of its shards (not for --extract).
    std::vector<std::unique_ptr<Target>> targets;
    std::vector<Xapian::WritableDatabase*> dbs;
    if (!o.extract_only) {
        std::set<std::string> pruned;
        for (const std::string& path : target_paths(o)) {
            auto t = std::make_unique<Target>();
            t->o = o;
            t->o.db_path = path;
            open_target(*t, log);
            if (o.prune) prune_vanished(*t->db, t->o, pruned, log);
            dbs.push_back(&*t->db);
            targets.push_back(std::move(t));
        }
        s.pruned = pruned.size();
    }
    const std::size_t n_shards = targets.size() > 1 ? targets.size() : 1;

    Progress progress(o.progress && !o.extract_only, jobs.size(), log);

    // 3. Which files need work (the planner), and the zstd dictionary of stored articles.
    std::size_t done = 0;
    const std::vector<Work> work = plan_work(jobs, dbs, o, s, progress, done);
    for (auto& t : targets) {
        t->dict = choose_dictionary(*t->db, work, t->o, log, targets.front() == t ? nullptr : targets.front()->dict);
        // (The workers compress with the first shard's: every shard must have the same.)
        if ((t->dict ? t->dict->bytes() : std::string()) != (targets.front()->dict ? targets.front()->dict->bytes() : std::string()))
            throw DatabaseError(t->o.db_path + ": its zstd dictionary is not " + targets.front()->o.db_path +
                                "'s: shards of one database share one (build the shards with one news-index --shards run)");
    }

    // 4. Read, extract and build on the workers; write (or print) in file order, each article
    // into the shard its id hashes to (shards::shard_of).
    for (auto& t : targets)
        t->writer.emplace(
            t->db, t->o, t->dict, o.jobs > 1 && t->db->get_lastdocid() == 0 && !work.empty(), s, log,
            [&work](std::size_t i) { return work[i].job->path.string(); }, [&progress] { progress.clear(); });
    BuildPool pool(work, o, targets.empty() ? nullptr : targets.front()->dict, !targets.empty());
    std::vector<std::vector<BuiltDoc>> routed(n_shards);
    for (std::size_t i = 0; i < work.size(); ++i) {
        const Work& w = work[i];
        const std::string path = w.job->path.string();
        const Writer::File file{i, path, w.key};
        std::size_t file_articles = 0;
        for (std::size_t k = 0;; ++k) {
            Chunk c = pool.take(i, k);
            if (c.last && !c.messages.empty()) {
                progress.clear();
                log << c.messages;
            }
            s.failed += c.failed;
            if (c.not_article) ++s.not_articles;  // (its old articles, if any, go below)
            if (!c.readable) break;  // nothing to replace the old articles with: keep them
            if (!targets.empty()) {
                if (k == 0 && w.first && w.existed)
                    for (auto& t : targets) t->writer->remove_file(file);
                if (n_shards == 1) {
                    file_articles += targets.front()->writer->add(file, c.stems, c.docs);
                } else {
                    for (auto& r : routed) r.clear();
                    for (BuiltDoc& b : c.docs) routed[shards::shard_of(b.id, n_shards)].push_back(std::move(b));
                    for (std::size_t sh = 0; sh < n_shards; ++sh) file_articles += targets[sh]->writer->add(file, c.stems, routed[sh]);
                }
                if (c.last && w.last)
                    for (auto& t : targets) t->writer->end_file(file, w.sig);
            } else {
                for (const Article& a : c.articles) out << to_json(a).dump() << "\n";
                file_articles += c.articles.size();
            }
            if (c.last) {
                if (w.last) (w.existed ? s.updated : s.indexed) += 1;
                break;
            }
        }
        s.articles += file_articles;
        if (w.last) ++done;
        progress.tick(done, s.articles);
    }
    if (n_shards > 1) {
        for (auto& t : targets) t->writer->reduce();
        group_copies_across(targets);
    }
    std::size_t db_articles = 0;
    std::uintmax_t before = 0, after = 0;
    for (auto& t : targets) {
        t->writer->finish();
        db_articles += s.db_articles;
        before += s.bytes_before_compact;
        after += s.bytes_after_compact;
        s.bytes_before_compact = s.bytes_after_compact = 0;
    }
    s.db_articles = db_articles;
    s.bytes_before_compact = before;
    s.bytes_after_compact = after;
    progress.clear();
    s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return s;
}

}  // namespace news
