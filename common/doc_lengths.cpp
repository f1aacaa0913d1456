/// @file
/// @brief The packed document lengths (see doc_lengths.h).
#include "common/doc_lengths.h"

#include "common/schema.h"
#include "common/varint.h"

#include <algorithm>

namespace news::doclengths {

namespace {

constexpr char kFormat = '1';
constexpr std::size_t kMaxMetadataKey = 240;  // Xapian's limit is a little higher

using varint::get;
using varint::put;

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

std::string blocks_key(const std::string& term) { return std::string(schema::kMetaBlocksPrefix) + term; }

std::string group_blocks_key(std::vector<std::string> words) {
    // A hash of the sorted words keeps the key short; the value repeats nothing, so two
    // groups with one hash would share blocks: 64 bits make that as good as impossible.
    std::sort(words.begin(), words.end());
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a
    for (const std::string& w : words) {
        for (unsigned char c : w) h = (h ^ c) * 1099511628211ull;
        h = (h ^ 0xFF) * 1099511628211ull;  // (a byte no UTF-8 word holds)
    }
    static const char* hex = "0123456789abcdef";
    std::string key = std::string(schema::kMetaBlocksPrefix) + "#";
    for (int i = 60; i >= 0; i -= 4) key.push_back(hex[(h >> i) & 0xF]);
    return key;
}

namespace {

// Blocks of kBlockPostings documents from (docid, wdf) pairs in docid order.
class BlockBuilder {
public:
    BlockBuilder(const Xapian::Database& db, const std::vector<Xapian::termcount>& lengths) : db_(db), lengths_(lengths) {}
    void add(Xapian::docid d, Xapian::termcount wdf) {
        if (in_block_ == 0) blocks_.push_back({0, 0, static_cast<Xapian::termcount>(-1)});
        Block& b = blocks_.back();
        const Xapian::termcount len = d < lengths_.size() ? lengths_[d] : db_.get_doclength(d);
        b.last = d;
        b.max_wdf = std::max(b.max_wdf, std::min(wdf, len));  // as a synonym's wdf is capped
        b.min_length = std::min(b.min_length, len);
        if (++in_block_ == kBlockPostings) in_block_ = 0;
    }
    std::vector<Block> take() { return std::move(blocks_); }

private:
    const Xapian::Database& db_;
    const std::vector<Xapian::termcount>& lengths_;
    std::vector<Block> blocks_;
    std::size_t in_block_ = 0;
};

}  // namespace

std::vector<Block> read_blocks(const Xapian::Database& db, const std::string& term,
                               const std::vector<Xapian::termcount>& lengths) {
    BlockBuilder b(db, lengths);
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) b.add(*it, it.get_wdf());
    return b.take();
}

std::vector<Block> read_group_blocks(const Xapian::Database& db, const std::vector<std::string>& words,
                                     const std::vector<Xapian::termcount>& lengths) {
    std::vector<Xapian::PostingIterator> its;
    for (const std::string& w : words) its.push_back(db.postlist_begin(w));
    BlockBuilder b(db, lengths);
    const Xapian::PostingIterator end;
    while (true) {
        Xapian::docid low = 0;
        for (const auto& it : its)
            if (it != end && (low == 0 || *it < low)) low = *it;
        if (low == 0) break;
        Xapian::termcount wdf = 0;
        for (auto& it : its)
            if (it != end && *it == low) {
                wdf += it.get_wdf();
                ++it;
            }
        b.add(low, wdf);
    }
    return b.take();
}

std::string encode_blocks(Xapian::rev revision, const std::vector<Block>& blocks) {
    std::string out(1, kFormat);
    put(out, revision);
    put(out, blocks.size());
    Xapian::docid prev = 0;
    for (const Block& b : blocks) {
        put(out, b.last - prev);
        put(out, b.max_wdf);
        put(out, b.min_length);
        prev = b.last;
    }
    return out;
}

std::optional<std::vector<Block>> decode_blocks(std::string_view bytes, Xapian::rev revision) {
    if (bytes.empty() || bytes[0] != kFormat) return std::nullopt;
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data()) + 1;
    const auto* end = reinterpret_cast<const unsigned char*>(bytes.data()) + bytes.size();
    std::uint64_t rev = 0, n = 0;
    if (!get(p, end, rev) || rev != revision || !get(p, end, n) || n > bytes.size()) return std::nullopt;
    std::vector<Block> blocks(static_cast<std::size_t>(n));
    std::uint64_t last = 0;
    for (Block& b : blocks) {
        std::uint64_t delta = 0, wdf = 0, len = 0;
        if (!get(p, end, delta) || !get(p, end, wdf) || !get(p, end, len)) return std::nullopt;
        last += delta;
        b = {static_cast<Xapian::docid>(last), static_cast<Xapian::termcount>(wdf), static_cast<Xapian::termcount>(len)};
    }
    if (p != end) return std::nullopt;
    return blocks;
}

void store_for_next_commit(Xapian::WritableDatabase& db, Xapian::doccount min_block_termfreq) {
    const Xapian::rev next = db.get_revision() + 1;
    const std::vector<Xapian::termcount> lengths = read_from_postlists(db);
    db.set_metadata(schema::kMetaDocLengths, encode(next, lengths));
    // Drop the blocks of terms now rarer than the threshold, and of all groups (stale anyway:
    // another revision; a group's key names no term, so it has no documents here).
    const std::string prefix(schema::kMetaBlocksPrefix);
    std::vector<std::string> old;
    for (auto k = db.metadata_keys_begin(prefix); k != db.metadata_keys_end(prefix); ++k) old.push_back(*k);
    for (const std::string& k : old)
        if (db.get_termfreq(k.substr(prefix.size())) < min_block_termfreq) db.set_metadata(k, "");
    for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t)
        if (t.get_termfreq() >= min_block_termfreq && blocks_key(*t).size() <= kMaxMetadataKey &&
            !schema::is_pairing_term(*t))  // filters, never weighed
            db.set_metadata(blocks_key(*t), encode_blocks(next, read_blocks(db, *t, lengths)));
    const std::string stems(schema::kStemPrefix);
    for (auto k = db.synonym_keys_begin(stems); k != db.synonym_keys_end(stems); ++k) {
        std::vector<std::string> words;
        Xapian::doccount sum = 0;
        for (auto w = db.synonyms_begin(*k); w != db.synonyms_end(*k); ++w) {
            words.push_back(*w);
            sum += db.get_termfreq(*w);
        }
        if (words.size() < 2 || sum < min_block_termfreq) continue;
        db.set_metadata(group_blocks_key(words), encode_blocks(next, read_group_blocks(db, words, lengths)));
    }
}

}  // namespace news::doclengths
