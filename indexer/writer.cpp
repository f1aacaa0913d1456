/// @file
/// @brief The writer (see writer.h).
#include "indexer/writer.h"

#include "common/copies.h"
#include "common/doc_lengths.h"
#include "common/speaker_aliases.h"
#include "indexer/extract/speakers/names.h"
#include "common/schema.h"
#include "indexer/database.h"
#include "indexer/document_builder.h"

#include <algorithm>
#include <chrono>
#include <ostream>
#include <span>
#include <string_view>
#include <system_error>

namespace news {
namespace fs = std::filesystem;
namespace {

// Documents per segment of a bulk build, at most. Xapian writes small databases faster, but
// compaction keeps each segment's piece of a posting list as a chunk of its own, so many
// small segments make a bigger index that is slower to search. On Reuters-21578, segments
// of 256 / 1,024 / 4,096: writing 7.8 / 8.1 / 8.6 s CPU, index 73 / 70 / 67 MB, query p99
// 550 / 490 / 475 µs (one writer, compacted: 65 MB, 495 µs).
constexpr std::size_t kSegmentDocs = 1024;


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
    doc.add_value(schema::kIdSlot, id);
    if (std::string sig = doc.get_value(schema::kCopySigSlot); !sig.empty())
        doc.add_value(schema::kCopySigSlot, copies::with_id(sig, id));
}

}  // namespace

// The article ids given out in one bulk build, each with the work item that took it: exact
// (two ids never pass for one), and compact as a million-article build needs (one buffer of
// bytes and a flat open-addressing table, as DocumentBuilder's WordSet).
class Writer::IdRegistry {
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

Writer::Writer(std::optional<Xapian::WritableDatabase>& db, const IndexOptions& o,
               std::shared_ptr<const stored::Dictionary> dict, bool bulk, IndexSummary& s, std::ostream& log,
               std::function<std::string(std::size_t)> path_of, std::function<void()> before_log)
    : db_(db), o_(o), dict_(std::move(dict)), s_(s), log_(log), path_of_(std::move(path_of)),
      before_log_(std::move(before_log)), bulk_ids_(std::make_unique<IdRegistry>()) {
    // A bulk build (an empty database, several threads) writes segments in parallel and
    // merges them at the end. An article id met twice in the run is written after the
    // merge, as a replacement, the way the single writer replaces it.
    if (bulk) {
        std::error_code ec;
        fs::remove_all(database::segments_dir(o_.db_path), ec);
        segments_.emplace(database::segments_dir(o_.db_path), o_.jobs, std::min<std::size_t>(o_.batch_size, kSegmentDocs));
    }
    try {
        deleted_ = database::deleted_marks(*db_);
        for (const std::string& m : deleted_) deleted_ids_.insert(m.substr(m.find('\0') + 1));
    } catch (const Xapian::Error& e) {
        throw DatabaseError(o_.db_path + ": " + e.get_description());
    }
}

Writer::~Writer() = default;

void Writer::remove_file(const File& f) {
    if (segments_) return;  // an empty database: nothing to remove
    try {
        db_->delete_document(DocumentBuilder::file_term(f.key));
    } catch (const Xapian::Error& e) {
        throw DatabaseError(o_.db_path + ": " + e.get_description());
    }
}

// Article ids are unique: an article whose id is taken already (by another file, or by
// another record of its own file) gets the first free "ID~N" and a warning, decided in
// file order, so whatever --jobs is. A bulk build knows the ids it gave out (bulk_ids_);
// a run into a database that holds articles asks the database (which sees this run's
// uncommitted articles).
bool Writer::place(const File& f, BuiltDoc& b) {
    const std::string fterm = DocumentBuilder::file_term(f.key);
    std::string owner;
    auto taken = [&](const std::string& term) {
        if (segments_) {
            std::uint32_t i = bulk_ids_->owner(term);
            if (i != IdRegistry::kNone && owner.empty()) owner = path_of_(i);
            return i != IdRegistry::kNone;
        }
        if (!db_->term_exists(term)) return false;
        if (owner.empty()) owner = database::stored_path(db_->get_document(*db_->postlist_begin(term)), dict_);
        return true;
    };
    // The id, else the first free of "ID~2", "ID~3" ...; an id deleted with --delete is
    // never given to another article.
    std::string id = b.id;
    for (std::size_t n = 2;; ++n) {
        // Each mark leaves out one article: a file that repeats an id had "ID" and "ID~2",
        // and only the one deleted stays out.
        if (std::string m = database::deleted_mark(fterm, id); deleted_.count(m) && used_marks_.insert(m).second) {
            ++s_.withheld;
            if (o_.verbose) {
                before_log_();
                log_ << f.path << ": " << id << ": left out, deleted with news-index --delete\n";
            }
            return false;
        }
        if (deleted_ids_.count(id)) {
            if (owner.empty()) owner = "an article deleted with news-index --delete";
        } else if (!taken(DocumentBuilder::id_term(id))) {
            break;
        }
        id = b.id + "~" + std::to_string(n);
    }
    if (id != b.id) {
        before_log_();
        log_ << f.path;
        if (b.line) log_ << ":" << b.line;
        log_ << ": warning: id " << b.id << " is already used by "
             << (owner == f.path ? std::string("another record of this file") : owner) << "; indexed as " << id << "\n";
        ++s_.renamed;
        const std::string old_term = b.idterm;
        b.idterm = DocumentBuilder::id_term(id);
        rename_document(b.doc, old_term, id, dict_);
    }
    if (segments_) bulk_ids_->add(b.idterm, static_cast<std::uint32_t>(f.index));
    return true;
}

std::size_t Writer::add(const File& f, const std::vector<std::pair<std::string, std::string>>& stems,
                        std::vector<BuiltDoc>& docs) {
    std::size_t written = 0;
    try {
        for (const auto& [stem, word] : stems) {
            if (!known_stems_.insert(stem + '\0' + word).second) continue;
            if (segments_) segments_->add_synonym(schema::stem_key(stem), word);
            else pending_stems_.emplace_back(stem, word);
        }
        for (BuiltDoc& b : docs) {
            if (!place(f, b)) continue;
            ++written;
            if (segments_) {
                segments_->add_document(std::move(b.doc));
            } else {
                db_->replace_document(b.idterm, b.doc);
                if (++pending_ >= o_.batch_size) commit();
            }
        }
    } catch (const Xapian::Error& e) {
        throw DatabaseError(o_.db_path + ": " + e.get_description());
    }
    return written;
}

void Writer::end_file(const File& f, const std::string& sig) {
    try {
        if (segments_) segments_->set_metadata(database::file_meta_key(f.key), sig);
        else db_->set_metadata(database::file_meta_key(f.key), sig);
    } catch (const Xapian::Error& e) {
        throw DatabaseError(o_.db_path + ": " + e.get_description());
    }
}

void Writer::commit() {
    if (pending_ == 0) return;
    try {
        std::sort(pending_stems_.begin(), pending_stems_.end());
        for (const auto& [stem, word] : pending_stems_) db_->add_synonym(schema::stem_key(stem), word);
        pending_stems_.clear();
        db_->commit();
    } catch (const Xapian::Error& e) {
        throw DatabaseError(o_.db_path + ": commit failed: " + e.get_description());
    }
    pending_ = 0;
}

// The document lengths, packed for the search, belong to the revision the next commit makes.
void Writer::store_lengths() {
    try {
        const auto t0 = std::chrono::steady_clock::now();
        copies::StoreCounts c = database::store_search_tables(*db_, !copies_);
        if (copies_) c = *copies_;  // (the segments' pass)
        if (o_.verbose) {
            before_log_();
            log_ << o_.db_path << ": wire copies: " << c.clusters << " clusters of " << c.in_clusters << " articles ("
                 << c.rewritten << " articles' cluster changed); search tables written in "
                 << std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() << " s\n";
        }
    } catch (const Xapian::Error& e) {
        throw DatabaseError(o_.db_path + ": " + e.get_description());
    }
}

void Writer::reduce() {
    if (!segments_ || reduced_) return;
    try {
        reduced_ = SegmentWriter::reduce(database::segments_dir(o_.db_path), segments_->finish(), o_.jobs);
    } catch (const Xapian::Error& e) {
        throw DatabaseError(o_.db_path + ": writing a segment failed: " + e.get_description());
    }
    segments_.reset();
}

void Writer::finish() {
    if (segments_ || reduced_) {
        reduce();
        const std::vector<fs::path> done = std::move(*reduced_);
        reduced_.reset();
        // The clusters of wire copies, written into the segments (a bulk build's database is
        // empty): the merge below writes them compactly, and the merged database's own pass
        // (store_lengths) finds them right. (A sharded run has done it across its shards.)
        if (!copies_) try {
            std::vector<Xapian::WritableDatabase> parts;
            parts.reserve(done.size());
            for (const fs::path& p : done) parts.emplace_back(p.string(), Xapian::DB_OPEN);
            std::vector<Xapian::WritableDatabase*> all;
            for (Xapian::WritableDatabase& p : parts) all.push_back(&p);
            copies_ = copies::store_for_next_commit(all);
            for (Xapian::WritableDatabase& p : parts) p.commit();
        } catch (const Xapian::Error& e) {
            throw DatabaseError(o_.db_path + ": grouping wire copies in the segments failed: " + e.get_description());
        }
        if (o_.verbose) {
            before_log_();
            log_ << o_.db_path << ": merging " << done.size() << " segments\n";
        }
        database::compact(db_, o_.db_path, done, s_);
        std::error_code ec;
        fs::remove_all(database::segments_dir(o_.db_path), ec);
    }
    store_lengths();
    ++pending_;  // always commit: metadata of a new database
    commit();
    s_.db_articles = db_->get_doccount();
    if (o_.compact && s_.bytes_after_compact == 0) {  // a bulk build's merge has compacted it
        before_log_();
        database::compact(db_, o_.db_path, {}, s_);
        if (!doclengths::decode(db_->get_metadata(schema::kMetaDocLengths), db_->get_revision(), db_->get_lastdocid())) {
            store_lengths();
            ++pending_;
            commit();
        }
    }
}

}  // namespace news
