/// @file
/// @brief LEB128 variable-length unsigned integers, for the packed tables news-index keeps in
/// the database metadata (document lengths, blocks, facet columns).
#pragma once

#include <cstdint>
#include <string>

namespace news::varint {

inline void put(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<char>(v | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}

/// Reads one number at @p p (advanced past it); false when the bytes end first.
inline bool get(const unsigned char*& p, const unsigned char* end, std::uint64_t& v) {
    v = 0;
    for (int shift = 0; p < end && shift < 64; shift += 7) {
        unsigned char b = *p++;
        v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
        if (b < 0x80) return true;
    }
    return false;
}

}  // namespace news::varint
