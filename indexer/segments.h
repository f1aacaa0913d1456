/// @file
/// @brief Parallel writing of a bulk build. Documents, in file order, are cut into segments
/// (small Xapian databases of consecutive documents) that several threads write at once;
/// Xapian's compaction then merges them in order, so every document gets the id a single
/// writer would have given it. Xapian's writer is the costly part of indexing and uses one
/// core; this uses them all (Lucene writes segments the same way).
#pragma once

#include <xapian.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <variant>
#include <vector>

namespace news {

class SegmentWriter {
public:
    /// Segments are written under @p dir (created, must not hold segments) by @p writers
    /// threads, @p segment_size documents each at most: each writer's first segment holds
    /// kFirstSegment, the next ones twice as many as the one before, up to @p segment_size.
    SegmentWriter(std::filesystem::path dir, std::size_t writers, std::size_t segment_size);
    SegmentWriter(const SegmentWriter&) = delete;
    SegmentWriter& operator=(const SegmentWriter&) = delete;
    /// Stops the threads; segments finished so far stay in the folder.
    ~SegmentWriter();

    /// The next document in file order. Blocks while the writers are too far behind.
    void add_document(Xapian::Document doc);
    /// A stem table entry, written with the current segment.
    void add_synonym(std::string key, std::string word);
    /// Metadata written with the current segment, after the documents added before it: a
    /// file's signature is set after its last document, so a segment that holds it holds
    /// (with the segments before it) the whole file.
    void set_metadata(std::string key, std::string value);

    /// Waits for every segment to be written; their folders, in order. Rethrows the first
    /// error of a writer thread (Xapian::Error, std::bad_alloc...).
    std::vector<std::filesystem::path> finish();

    /// The segments under @p dir that were finished, in order, up to the first one that was
    /// not (a killed run leaves segments half written, and those after them are of no use:
    /// the files they end began in the missing one).
    [[nodiscard]] static std::vector<std::filesystem::path> finished(const std::filesystem::path& dir);

    /// At most kMaxMerge databases holding @p segments' documents in the same order: runs
    /// of consecutive segments merged (Xapian compaction, on @p threads threads) into
    /// bigger ones under @p dir, as often as needed. Small segments are cheap to write
    /// (Xapian's writer slows down as a database grows) but one merge must not open
    /// thousands of files.
    [[nodiscard]] static std::vector<std::filesystem::path> reduce(const std::filesystem::path& dir,
                                                                   std::vector<std::filesystem::path> segments,
                                                                   std::size_t threads);
    static constexpr std::size_t kMaxMerge = 128;

private:
    struct Synonym {
        std::string key, word;
    };
    struct Metadata {
        std::string key, value;
    };
    using Item = std::variant<Xapian::Document, Synonym, Metadata>;
    struct Segment {
        std::deque<Item> items;
        bool closed = false;  ///< no more items will come
        bool done = false;    ///< committed and renamed to its final name
    };

    static constexpr std::size_t kFirstSegment = 256;
    [[nodiscard]] std::size_t size_of(std::size_t k) const;  ///< documents of segment k
    Segment& current();  // under mu_; opens a new segment when the current one is full
    void push(Item item);
    void run(std::size_t writer);
    [[nodiscard]] std::filesystem::path path_of(std::size_t index, bool finished) const;

    std::filesystem::path dir_;
    std::size_t writers_, segment_size_;
    std::mutex mu_;
    std::condition_variable cv_;
    std::deque<Segment> segments_;  ///< every segment of the run; items are freed once written
    std::size_t docs_in_current_ = 0;
    bool stop_ = false;
    std::exception_ptr error_;
    std::vector<std::thread> threads_;
};

}  // namespace news
