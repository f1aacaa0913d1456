/// @file
/// @brief Segments of a bulk build, written by several threads at once.
#include "indexer/segments.h"

#include <algorithm>
#include <cstdio>
#include <pthread.h>
#include <system_error>

namespace news {
namespace fs = std::filesystem;

namespace {
constexpr const char* kPartSuffix = ".part";  // a segment being written
}

SegmentWriter::SegmentWriter(fs::path dir, std::size_t writers, std::size_t segment_size)
    : dir_(std::move(dir)), writers_(std::max<std::size_t>(1, writers)), segment_size_(std::max<std::size_t>(1, segment_size)) {
    fs::create_directories(dir_);
    for (std::size_t w = 0; w < writers_; ++w) threads_.emplace_back([this, w] { run(w); });
}

SegmentWriter::~SegmentWriter() {
    {
        std::lock_guard lk(mu_);
        stop_ = true;
    }
    cv_.notify_all();
    for (auto& t : threads_) t.join();
}

fs::path SegmentWriter::path_of(std::size_t index, bool finished) const {
    char name[32];
    std::snprintf(name, sizeof name, "%06zu%s", index, finished ? "" : kPartSuffix);
    return dir_ / name;
}

std::size_t SegmentWriter::size_of(std::size_t k) const {
    // Each writer's first segments are small, so that a few thousand articles are written
    // by all threads too; then they double up to segment_size_.
    std::size_t size = std::min<std::size_t>(segment_size_, kFirstSegment);
    for (std::size_t round = k / writers_; round > 0 && size < segment_size_; --round) size *= 2;
    return std::min(size, segment_size_);
}

SegmentWriter::Segment& SegmentWriter::current() {
    if (segments_.empty()) {
        segments_.emplace_back();
        docs_in_current_ = 0;
    }
    return segments_.back();
}

void SegmentWriter::push(Item item) {
    const bool is_doc = std::holds_alternative<Xapian::Document>(item);
    {
        std::unique_lock lk(mu_);
        if (is_doc && (segments_.empty() || docs_in_current_ == size_of(segments_.size() - 1))) {
            if (!segments_.empty()) segments_.back().closed = true;
            cv_.notify_all();
            // Segment k is opened once segment k - 4 * writers is written: a few segments
            // per writer wait in memory, and no writer waits for work.
            const std::size_t k = segments_.size(), ahead = 4 * writers_;
            cv_.wait(lk, [&] { return error_ || stop_ || k < ahead || segments_[k - ahead].done; });
            if (!error_ && !stop_) {
                segments_.emplace_back();
                docs_in_current_ = 0;
            }
        }
        if (error_) std::rethrow_exception(error_);
        if (stop_) return;
        current().items.push_back(std::move(item));
        if (is_doc) ++docs_in_current_;
    }
    cv_.notify_all();
}

void SegmentWriter::add_document(Xapian::Document doc) { push(std::move(doc)); }
void SegmentWriter::add_synonym(std::string key, std::string word) { push(Synonym{std::move(key), std::move(word)}); }
void SegmentWriter::set_metadata(std::string key, std::string value) { push(Metadata{std::move(key), std::move(value)}); }

void SegmentWriter::run(std::size_t writer) {
    pthread_setname_np(pthread_self(), "news-write");  // for perf and top
    for (std::size_t k = writer;; k += writers_) {
        try {
            std::unique_lock lk(mu_);
            cv_.wait(lk, [&] { return stop_ || k < segments_.size(); });
            if (k >= segments_.size()) return;  // stopped, and no segment k will come
            lk.unlock();
            const fs::path part = path_of(k, false);
            // No fsync: a segment only matters until the merge, which writes the database
            // to disk; after a crash of the machine a broken segment fails the merge of
            // the next run, which then starts again (see recover_segments).
            Xapian::WritableDatabase db(part.string(), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
            lk.lock();
            while (true) {
                // Work on the items in batches, outside the lock.
                cv_.wait(lk, [&] { return stop_ || !segments_[k].items.empty() || segments_[k].closed; });
                if (segments_[k].items.empty() && (segments_[k].closed || stop_)) break;
                std::deque<Item> batch;
                batch.swap(segments_[k].items);
                lk.unlock();
                for (Item& item : batch) {
                    if (auto* doc = std::get_if<Xapian::Document>(&item)) db.add_document(*doc);
                    else if (auto* syn = std::get_if<Synonym>(&item)) db.add_synonym(syn->key, syn->word);
                    else if (auto* meta = std::get_if<Metadata>(&item)) db.set_metadata(meta->key, meta->value);
                }
                batch.clear();  // documents are freed here, on this thread
                lk.lock();
            }
            if (stop_ && !segments_[k].closed) return;  // abandoned: left as .part
            lk.unlock();
            db.commit();
            db.close();
            fs::rename(part, path_of(k, true));
            lk.lock();
            segments_[k].done = true;
            lk.unlock();
            cv_.notify_all();
        } catch (...) {
            std::lock_guard lk(mu_);
            if (!error_) error_ = std::current_exception();
            stop_ = true;
            cv_.notify_all();
            return;
        }
    }
}

std::vector<fs::path> SegmentWriter::finish() {
    {
        std::unique_lock lk(mu_);
        if (!segments_.empty()) segments_.back().closed = true;
        cv_.notify_all();
        cv_.wait(lk, [&] {
            return error_ || std::all_of(segments_.begin(), segments_.end(), [](const Segment& s) { return s.done; });
        });
        if (error_) std::rethrow_exception(error_);
        stop_ = true;  // no segment comes after these
    }
    cv_.notify_all();
    for (auto& t : threads_) t.join();
    threads_.clear();
    std::vector<fs::path> out;
    for (std::size_t k = 0; k < segments_.size(); ++k) out.push_back(path_of(k, true));
    return out;
}

std::vector<fs::path> SegmentWriter::finished(const fs::path& dir) {
    std::vector<fs::path> out;
    std::error_code ec;
    for (std::size_t k = 0;; ++k) {
        char name[32];
        std::snprintf(name, sizeof name, "%06zu", k);
        const fs::path p = dir / name;
        if (!fs::is_directory(p, ec)) break;
        out.push_back(p);
    }
    return out;
}

std::vector<fs::path> SegmentWriter::reduce(const fs::path& dir, std::vector<fs::path> segments, std::size_t threads) {
    constexpr std::size_t kGroup = 64;
    for (int level = 1; segments.size() > kMaxMerge; ++level) {
        const std::size_t groups = (segments.size() + kGroup - 1) / kGroup;
        std::vector<fs::path> merged(groups);
        std::mutex mu;
        std::size_t next = 0;
        std::exception_ptr error;
        auto work = [&] {
            while (true) {
                std::size_t g;
                {
                    std::lock_guard lk(mu);
                    if (error || next == groups) return;
                    g = next++;
                }
                try {
                    Xapian::Database all;
                    for (std::size_t i = g * kGroup; i < std::min(segments.size(), (g + 1) * kGroup); ++i)
                        all.add_database(Xapian::Database(segments[i].string()));
                    char name[32];
                    std::snprintf(name, sizeof name, "L%d-%06zu", level, g);
                    merged[g] = dir / name;
                    all.compact(merged[g].string(), 0);  // renumbered: the group's documents in order
                } catch (...) {
                    std::lock_guard lk(mu);
                    if (!error) error = std::current_exception();
                }
            }
        };
        std::vector<std::thread> pool;
        for (std::size_t t = 0; t < std::max<std::size_t>(1, std::min(threads, groups)); ++t) pool.emplace_back(work);
        for (auto& t : pool) t.join();
        if (error) std::rethrow_exception(error);
        segments = std::move(merged);
    }
    return segments;
}

}  // namespace news
