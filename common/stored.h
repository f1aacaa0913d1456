/// @file
/// @brief The stored article: document data (news::to_document_data) compressed with zstd and
/// kept in value slot schema::kStoredSlot, while Xapian's own document data stays empty.
///
/// Why not Xapian's document data: glass deflates every tag of its record table with zlib,
/// and zlib's deflateReset clears a 128 KB hash table for each one: 6% of all indexing
/// instructions on Reuters for document data alone, and inflating it was a quarter of a
/// query's time. Values live in the postlist table, which Xapian does not compress; a zstd
/// context kept per thread has no such fixed cost and decompresses several times faster.
#pragma once

#include <string>
#include <string_view>

namespace news::stored {

/// zstd frame of @p data (level 3, the frame carries the original size).
[[nodiscard]] std::string pack(std::string_view data);

/// The bytes pack() was given; throws std::runtime_error when @p packed is no zstd frame of
/// known size or does not decompress (a damaged value, or one from another program).
[[nodiscard]] std::string unpack(std::string_view packed);

}  // namespace news::stored
