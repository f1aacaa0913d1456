/// @file
/// @brief Wire copies: signatures, the copy test, clusters, and their upkeep in the database.
#include "common/copies.h"

#include "common/schema.h"
#include "common/varint.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <unordered_map>

namespace news::copies {
namespace {

constexpr unsigned char kVersion = 2;

/// SplitMix64's finaliser: every bit of the input moves every bit of the output.
constexpr std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

/// FNV-1a: stable across builds and machines (signatures are stored).
std::uint64_t word_hash(std::string_view w) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : w) h = (h ^ c) * 0x100000001b3ULL;
    return mix(h);
}

/// The kHashes hash functions: mix(shingle ^ seed[i]).
const std::array<std::uint64_t, kHashes>& seeds() {
    static const std::array<std::uint64_t, kHashes> s = [] {
        std::array<std::uint64_t, kHashes> out{};
        std::uint64_t x = 0x6e6577732d636f70ULL;  // "news-cop"
        for (auto& v : out) v = mix(x += 0x9e3779b97f4a7c15ULL);
        return out;
    }();
    return s;
}

void put_fixed(std::string& out, std::uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

std::uint64_t get_fixed(const unsigned char* p, int bytes) {
    std::uint64_t v = 0;
    for (int i = 0; i < bytes; ++i) v |= std::uint64_t{p[i]} << (8 * i);
    return v;
}

/// Order of clustering: dated articles by date, then the undated ones; then by id.
bool earlier(const Signature& a, const Signature& b) {
    if (a.date.empty() != b.date.empty()) return b.date.empty();
    if (a.date != b.date) return a.date < b.date;
    return a.id < b.id;
}

}  // namespace

Signature sign(const std::vector<std::string_view>& title, const std::vector<std::string_view>& body, std::string date,
               std::string id) {
    Signature s;
    s.date = std::move(date);
    s.id = std::move(id);
    std::vector<std::uint64_t> words;
    words.reserve(body.size());
    std::uint64_t exact = 0x9ae16a3b2f90404fULL;
    for (std::string_view w : title) exact = mix(exact ^ word_hash(w));
    exact = mix(exact ^ 0x7469746c65ULL);  // (title | body: "a b" + "c" differs from "a" + "b c")
    for (std::string_view w : body) {
        words.push_back(word_hash(w));
        exact = mix(exact ^ words.back());
        if (w.size() >= 2 && w.find_first_of("0123456789") != std::string_view::npos)  // (see kMinFigures)
            s.figures.push_back(static_cast<std::uint32_t>(words.back() >> 32));
    }
    std::sort(s.figures.begin(), s.figures.end());
    s.figures.erase(std::unique(s.figures.begin(), s.figures.end()), s.figures.end());
    s.numbers = static_cast<std::uint32_t>(s.figures.size());
    if (s.figures.size() > kFigures) s.figures.resize(kFigures);
    if (title.empty() && body.empty()) return s;
    s.exact = exact | 1;  // never 0 (0: no words)
    if (words.empty()) return s;
    // The body's distinct word pairs (a body of one word: that word).
    const std::size_t n = std::min(kShingleWords, words.size());
    std::vector<std::uint64_t> shingles;
    shingles.reserve(words.size() - n + 1);
    for (std::size_t i = 0; i + n <= words.size(); ++i) {
        std::uint64_t h = 0;
        for (std::size_t j = 0; j < n; ++j) h = mix(h * 31 + words[i + j]);
        shingles.push_back(h);
    }
    std::sort(shingles.begin(), shingles.end());
    shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
    s.shingles = static_cast<std::uint32_t>(std::min<std::size_t>(shingles.size(), UINT32_MAX));
    const auto& seed = seeds();
    std::array<std::uint64_t, kHashes> best;
    std::array<std::uint64_t, kHashes> arg{};
    best.fill(std::numeric_limits<std::uint64_t>::max());
    for (std::uint64_t sh : shingles)
        for (std::size_t i = 0; i < kHashes; ++i)
            if (const std::uint64_t v = mix(sh ^ seed[i]); v < best[i]) best[i] = v, arg[i] = sh;
    // Kept: 16 bits of which shingle reached each minimum (not of the minimum itself, whose
    // high bits are near zero in every long text).
    for (std::size_t i = 0; i < kHashes; ++i) s.mins[i] = static_cast<std::uint16_t>(mix(arg[i] + i) >> 48);
    return s;
}

std::string encode(const Signature& s) {
    std::string out;
    out.reserve(1 + 8 + 5 + 2 * kHashes + 1 + s.date.size() + s.id.size());
    out.push_back(static_cast<char>(kVersion));
    put_fixed(out, s.exact, 8);
    varint::put(out, s.shingles);
    for (std::uint16_t m : s.mins) put_fixed(out, m, 2);
    varint::put(out, s.numbers);
    varint::put(out, s.figures.size());
    for (std::uint32_t f : s.figures) put_fixed(out, f, 4);
    varint::put(out, s.date.size());
    out += s.date;
    out += s.id;
    return out;
}

std::optional<Signature> decode(std::string_view bytes) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const unsigned char* end = p + bytes.size();
    if (end - p < 9 || *p != kVersion) return std::nullopt;
    Signature s;
    s.exact = get_fixed(p + 1, 8);
    p += 9;
    std::uint64_t v = 0;
    if (!varint::get(p, end, v) || v > UINT32_MAX) return std::nullopt;
    s.shingles = static_cast<std::uint32_t>(v);
    if (end - p < static_cast<std::ptrdiff_t>(2 * kHashes)) return std::nullopt;
    for (auto& m : s.mins) m = static_cast<std::uint16_t>(get_fixed(p, 2)), p += 2;
    if (!varint::get(p, end, v) || v > UINT32_MAX) return std::nullopt;
    s.numbers = static_cast<std::uint32_t>(v);
    if (!varint::get(p, end, v) || v > kFigures || v > s.numbers || static_cast<std::uint64_t>(end - p) < 4 * v)
        return std::nullopt;
    s.figures.resize(v);
    for (auto& f : s.figures) f = static_cast<std::uint32_t>(get_fixed(p, 4)), p += 4;
    if (!varint::get(p, end, v) || v > static_cast<std::uint64_t>(end - p)) return std::nullopt;
    s.date.assign(reinterpret_cast<const char*>(p), v);
    p += v;
    s.id.assign(reinterpret_cast<const char*>(p), static_cast<std::size_t>(end - p));
    return s;
}

std::string with_id(std::string_view bytes, const std::string& id) {
    std::optional<Signature> s = decode(bytes);
    if (!s) return std::string(bytes);
    s->id = id;
    return encode(*s);
}

double resemblance(const Signature& a, const Signature& b) {
    if (a.shingles == 0 || b.shingles == 0) return 0;
    std::size_t same = 0;
    for (std::size_t i = 0; i < kHashes; ++i) same += a.mins[i] == b.mins[i];
    return static_cast<double>(same) / kHashes;
}

double figure_share(const Signature& a, const Signature& b) {
    const double small = std::min(a.numbers, b.numbers), large = std::max(a.numbers, b.numbers);
    if (small == 0) return 1;
    // Bottom-k sketches: the kFigures smallest hashes of the union, and how many of them both
    // hold (exact while both sets are whole); the shared count from that resemblance.
    std::size_t seen = 0, both = 0;
    auto x = a.figures.begin(), y = b.figures.begin();
    const std::uint32_t a_top = a.figures.size() < a.numbers ? a.figures.back() : UINT32_MAX;
    const std::uint32_t b_top = b.figures.size() < b.numbers ? b.figures.back() : UINT32_MAX;
    while (seen < kFigures && (x != a.figures.end() || y != b.figures.end())) {
        std::uint32_t v;
        if (y == b.figures.end() || (x != a.figures.end() && *x < *y)) v = *x++;
        else if (x == a.figures.end() || *y < *x) v = *y++;
        else v = *x++, ++y, ++both;
        if (v > a_top || v > b_top) break;  // (past one sketch: not known whether both hold it)
        ++seen;
    }
    if (seen == 0) return 0;
    const double j = static_cast<double>(both) / static_cast<double>(seen);
    return std::min(1.0, j * (small + large) / (1 + j) / small);
}

bool are_copies(const Signature& a, const Signature& b) {
    if (a.exact != 0 && a.exact == b.exact) return true;
    const double small = std::min(a.shingles, b.shingles), large = std::max(a.shingles, b.shingles);
    if (small < kMinShingles || small < kMinSizeRatio * large) return false;
    const double j = resemblance(a, b);
    const double shared = j * (small + large) / (1 + j);
    if (shared < kMinContainment * small) return false;
    return std::min(a.numbers, b.numbers) < kMinFigures || figure_share(a, b) >= kMinFigureShare;
}

std::vector<std::size_t> cluster(const std::vector<Signature>& sigs) {
    const std::size_t n = sigs.size();
    constexpr std::size_t kNone = SIZE_MAX;
    // Candidate pairs, checked: the articles agreeing on a band of two minima.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> band;  // (band value, article)
    for (std::size_t b = 0; b < kHashes / kBandRows; ++b) {
        band.clear();
        for (std::size_t i = 0; i < n; ++i)
            if (sigs[i].shingles >= kMinShingles)
                band.emplace_back(std::uint32_t{sigs[i].mins[2 * b]} << 16 | sigs[i].mins[2 * b + 1],
                                  static_cast<std::uint32_t>(i));
        std::sort(band.begin(), band.end());
        for (std::size_t from = 0; from < band.size();) {
            std::size_t to = from + 1;
            while (to < band.size() && band[to].first == band[from].first) ++to;
            if (to - from <= kMaxBucket)
                for (std::size_t x = from; x < to; ++x)
                    for (std::size_t y = x + 1; y < to; ++y)
                        if (are_copies(sigs[band[x].second], sigs[band[y].second]))
                            edges.emplace_back(band[x].second, band[y].second);
            from = to;
        }
    }
    // Identical articles (of any length), grouped by their exact hash.
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> same;
    for (std::size_t i = 0; i < n; ++i)
        if (sigs[i].exact != 0) same[sigs[i].exact].push_back(static_cast<std::uint32_t>(i));
    std::vector<const std::vector<std::uint32_t>*> group(n, nullptr);
    for (const auto& [h, members] : same)
        if (members.size() > 1)
            for (std::uint32_t i : members) group[i] = &members;
    // Neighbours, as compressed rows.
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    std::vector<std::size_t> starts(n + 1, 0);
    for (const auto& [x, y] : edges) ++starts[x + 1], ++starts[y + 1];
    std::partial_sum(starts.begin(), starts.end(), starts.begin());
    std::vector<std::uint32_t> next(2 * edges.size());
    {
        std::vector<std::size_t> at(starts.begin(), starts.end() - 1);
        for (const auto& [x, y] : edges) next[at[x]++] = y, next[at[y]++] = x;
    }
    // Each article, earliest first, not yet in a cluster takes its copies not yet in one.
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return earlier(sigs[x], sigs[y]); });
    std::vector<std::size_t> first(n, kNone);
    for (std::size_t c : order) {
        if (first[c] != kNone) continue;
        bool took = false;
        auto take = [&](std::size_t m) {
            if (m != c && first[m] == kNone) first[m] = c, took = true;
        };
        for (std::size_t e = starts[c]; e < starts[c + 1]; ++e) take(next[e]);
        if (group[c])
            for (std::uint32_t m : *group[c]) take(m);
        if (took) first[c] = c;
    }
    return first;
}

std::string cluster_term(const std::string& id) { return schema::bounded_term(kCopyPrefix, id); }

StoreCounts store_for_next_commit(Xapian::WritableDatabase& db) {
    StoreCounts counts;
    std::vector<Signature> sigs;
    std::vector<Xapian::docid> docids;
    for (auto v = db.valuestream_begin(schema::kCopySigSlot); v != db.valuestream_end(schema::kCopySigSlot); ++v) {
        std::optional<Signature> s = decode(*v);
        if (!s) continue;
        sigs.push_back(std::move(*s));
        docids.push_back(v.get_docid());
    }
    counts.signed_articles = sigs.size();
    const std::vector<std::size_t> first = cluster(sigs);
    std::unordered_map<Xapian::docid, std::string> was;  // the cluster each article had
    for (auto v = db.valuestream_begin(schema::kCopySlot); v != db.valuestream_end(schema::kCopySlot); ++v)
        was.emplace(v.get_docid(), *v);
    auto rewrite = [&](Xapian::docid did, const std::string& old_id, const std::string& new_id) {
        Xapian::Document doc = db.get_document(did);
        if (!old_id.empty()) {
            try {
                doc.remove_term(cluster_term(old_id));
            } catch (const Xapian::InvalidArgumentError&) {  // (not there)
            }
        }
        if (new_id.empty()) doc.remove_value(schema::kCopySlot);
        else {
            doc.add_boolean_term(cluster_term(new_id));
            doc.add_value(schema::kCopySlot, new_id);
        }
        db.replace_document(did, doc);
        ++counts.rewritten;
    };
    for (std::size_t i = 0; i < sigs.size(); ++i) {
        const std::string now = first[i] == SIZE_MAX ? std::string() : sigs[first[i]].id;
        if (first[i] == i) ++counts.clusters;
        if (!now.empty()) ++counts.in_clusters;
        auto it = was.find(docids[i]);
        const std::string before = it == was.end() ? std::string() : it->second;
        if (it != was.end()) was.erase(it);
        if (before != now) rewrite(docids[i], before, now);
    }
    for (const auto& [did, before] : was) rewrite(did, before, {});  // (a cluster but no signature)
    return counts;
}

}  // namespace news::copies
