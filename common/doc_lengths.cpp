/// @file
/// @brief The packed document lengths (see doc_lengths.h).
#include "common/doc_lengths.h"

#include "common/schema.h"

namespace news::doclengths {

namespace {

constexpr char kFormat = '1';

void put(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<char>(v | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}

bool get(const unsigned char*& p, const unsigned char* end, std::uint64_t& v) {
    v = 0;
    for (int shift = 0; p < end && shift < 64; shift += 7) {
        unsigned char b = *p++;
        v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
        if (b < 0x80) return true;
    }
    return false;
}

}  // namespace

std::vector<Xapian::termcount> read_from_postlists(const Xapian::Database& db) {
    std::vector<Xapian::termcount> lengths(static_cast<std::size_t>(db.get_lastdocid()) + 1, 0);
    for (auto it = db.postlist_begin(std::string()); it != db.postlist_end(std::string()); ++it)
        if (*it < lengths.size()) lengths[*it] = it.get_doclength();
    return lengths;
}

std::string encode(Xapian::rev revision, const std::vector<Xapian::termcount>& lengths) {
    std::string out(1, kFormat);
    put(out, revision);
    put(out, lengths.empty() ? 0 : lengths.size() - 1);
    out.reserve(out.size() + lengths.size() * 2);
    for (std::size_t d = 1; d < lengths.size(); ++d) put(out, lengths[d]);
    return out;
}

std::optional<std::vector<Xapian::termcount>> decode(std::string_view bytes, Xapian::rev revision,
                                                     Xapian::docid lastdocid) {
    if (bytes.empty() || bytes[0] != kFormat) return std::nullopt;
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data()) + 1;
    const auto* end = reinterpret_cast<const unsigned char*>(bytes.data()) + bytes.size();
    std::uint64_t rev = 0, last = 0;
    if (!get(p, end, rev) || rev != revision || !get(p, end, last) || last != lastdocid) return std::nullopt;
    std::vector<Xapian::termcount> lengths(static_cast<std::size_t>(last) + 1, 0);
    for (std::size_t d = 1; d <= last; ++d) {
        std::uint64_t v = 0;
        if (p < end && *p < 0x80) v = *p++;  // most lengths: one byte... or two
        else if (!get(p, end, v)) return std::nullopt;
        lengths[d] = static_cast<Xapian::termcount>(v);
    }
    if (p != end) return std::nullopt;
    return lengths;
}

void store_for_next_commit(Xapian::WritableDatabase& db) {
    db.set_metadata(schema::kMetaDocLengths, encode(db.get_revision() + 1, read_from_postlists(db)));
}

}  // namespace news::doclengths
