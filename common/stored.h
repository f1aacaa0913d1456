/// @file
/// @brief The stored article: document data (news::to_document_data) compressed with zstd and
/// kept in value slot schema::kStoredSlot, while Xapian's own document data stays empty.
///
/// Why not Xapian's document data: glass deflates every tag of its record table with zlib,
/// and zlib's deflateReset clears a 128 KB hash table for each one: 6% of all indexing
/// instructions on Reuters for document data alone, and inflating it was a quarter of a
/// query's time. Values live in the postlist table, which Xapian does not compress; a zstd
/// context kept per thread has no such fixed cost and decompresses several times faster.
///
/// A short article compresses poorly on its own: zstd learns nothing across frames. So a
/// database keeps one zstd dictionary (trained on the first articles of the run that
/// reached kMinSamples of them, stored in its metadata under schema::kMetaDictionary and
/// never replaced), and frames made with it name it by its id. On Reuters the stored
/// articles take 13.6 MB alone and 8.3 MB with a 64 KB dictionary.
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

struct ZSTD_CDict_s;  // zstd.h's ZSTD_CDict

namespace news::stored {

/// A trained zstd dictionary, ready to compress and decompress with (immutable: share it
/// between threads).
class Dictionary {
public:
    /// Articles a dictionary is trained on, at least (fewer: no dictionary) and at most.
    static constexpr std::size_t kMinSamples = 1000, kMaxSamples = 4000;

    /// A dictionary trained on @p samples (packed articles' plain bytes), or nullptr when
    /// they are too few or too small to train one.
    static std::shared_ptr<const Dictionary> train(const std::vector<std::string>& samples);
    /// The dictionary of these bytes (as bytes() gave them); throws std::runtime_error when
    /// they are no zstd dictionary.
    static std::shared_ptr<const Dictionary> load(std::string bytes);

    Dictionary(const Dictionary&) = delete;
    Dictionary& operator=(const Dictionary&) = delete;
    ~Dictionary();

    [[nodiscard]] const std::string& bytes() const { return bytes_; }
    [[nodiscard]] unsigned id() const { return id_; }

private:
    struct Contexts;
    explicit Dictionary(std::string bytes);
    [[nodiscard]] const ::ZSTD_CDict_s* cdict() const;
    std::string bytes_;
    unsigned id_ = 0;
    std::unique_ptr<Contexts> ctx_;
    friend std::string pack(std::string_view, const Dictionary*);
    friend std::string unpack(std::string_view, std::span<const std::shared_ptr<const Dictionary>>);
};

/// unpack() of a frame made with a dictionary that is not among those it was given (a
/// database that gained its dictionary after it was opened, or a value from elsewhere).
class UnknownDictionary : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// zstd frame of @p data (level 3, the frame carries the original size), made with @p dict
/// when given.
[[nodiscard]] std::string pack(std::string_view data, const Dictionary* dict = nullptr);

/// The bytes pack() was given; throws std::runtime_error when @p packed is no zstd frame of
/// known size or does not decompress (a damaged value, or one from another program), and
/// UnknownDictionary when it names a dictionary not among @p dicts.
[[nodiscard]] std::string unpack(std::string_view packed,
                                 std::span<const std::shared_ptr<const Dictionary>> dicts = {});

}  // namespace news::stored
