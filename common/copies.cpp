/// @file
/// @brief Wire copies: signatures, the copy test, clusters, and their upkeep in the database.
#include "common/copies.h"

#include "common/date.h"
#include "common/schema.h"
#include "common/varint.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <bit>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <limits>
#include <numeric>
#include <unordered_map>

namespace news::copies {
namespace {

constexpr unsigned char kVersion = 4;

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

/// A fixed pseudo-random start for each bin's sequence of bins to borrow from (densification).
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


/// The sketch of words hashed to @p hashes (any order, repeats allowed).
Sketch sketch(std::vector<std::uint32_t> hashes) {
    std::sort(hashes.begin(), hashes.end());
    hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
    Sketch out;
    out.count = static_cast<std::uint32_t>(std::min<std::size_t>(hashes.size(), UINT32_MAX));
    if (hashes.size() > kSketch) hashes.resize(kSketch);
    out.hashes = std::move(hashes);
    return out;
}

void put_sketch(std::string& out, const Sketch& k) {
    varint::put(out, k.count);
    varint::put(out, k.hashes.size());
    for (std::uint32_t h : k.hashes) put_fixed(out, h, 2);
}

bool get_sketch(const unsigned char*& p, const unsigned char* end, Sketch& k) {
    std::uint64_t v = 0;
    if (!varint::get(p, end, v) || v > UINT32_MAX) return false;
    k.count = static_cast<std::uint32_t>(v);
    if (!varint::get(p, end, v) || v > kSketch || v > k.count || static_cast<std::uint64_t>(end - p) < 2 * v) return false;
    k.hashes.resize(v);
    for (auto& h : k.hashes) h = static_cast<std::uint32_t>(get_fixed(p, 2)), p += 2;
    return std::is_sorted(k.hashes.begin(), k.hashes.end());
}

}  // namespace

std::vector<bool> name_words(std::string_view text, const std::vector<std::size_t>& starts) {
    std::vector<bool> out(starts.size(), false);
    std::size_t named = 0;
    for (std::size_t i = 0; i < starts.size(); ++i) {
        const std::size_t at = starts[i];
        if (at >= text.size()) continue;
        UChar32 c;
        std::int32_t k = static_cast<std::int32_t>(at);
        U8_NEXT(reinterpret_cast<const std::uint8_t*>(text.data()), k, static_cast<std::int32_t>(text.size()), c);
        if (c < 0 || !u_isupper(c)) continue;
        // Starting a sentence, a paragraph, a quotation or the text: the word before ends
        // with . ! ? : or a line break or an opening quote comes first (brackets skipped).
        std::size_t b = at;
        bool first = true;
        while (b > 0) {
            const unsigned char ch = static_cast<unsigned char>(text[b - 1]);
            const bool curly = (ch == 0x9c || ch == 0x98) && b >= 3 && static_cast<unsigned char>(text[b - 2]) == 0x80 &&
                               static_cast<unsigned char>(text[b - 3]) == 0xe2;  // (U+201C, U+2018)
            if (ch == '"' || curly) break;  // a quotation starts a sentence
            if (ch == ' ' || ch == '\t' || ch == '\'' || ch == '(' || ch == '[' || ch >= 0x80) {
                --b;  // (UTF-8 quotes and dashes: their bytes are all >= 0x80)
                continue;
            }
            first = ch == '.' || ch == '!' || ch == '?' || ch == ':' || ch == '\n' || ch == '\r';
            break;
        }
        // Calendar words are capitalised by convention and name no one ("March 31").
        static const std::vector<std::string_view> kCalendar = {
            "April", "August", "December", "February", "Friday", "January", "July", "June", "March", "May",
            "Monday", "November", "October", "Saturday", "September", "Sunday", "Thursday", "Tuesday", "Wednesday"};
        std::size_t e = at;
        while (e < text.size() && std::isalpha(static_cast<unsigned char>(text[e]))) ++e;
        const bool calendar = std::binary_search(kCalendar.begin(), kCalendar.end(), text.substr(at, e - at));
        out[i] = !first && !calendar;
        named += out[i];
    }
    if (named > kMaxNameWords * static_cast<double>(starts.size())) out.assign(starts.size(), false);
    return out;
}


std::vector<std::string_view> figures_of(std::string_view text) {
    std::vector<std::string_view> out;
    const char* const begin = text.data();
    const char* const end = begin + text.size();
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    for (const char* p = begin; p < end;) {
        if (!digit(*p)) {
            ++p;
            continue;
        }
        const char* e = p;
        // (a separator is part of the figure between two digits: the one before is one, as
        // the run started with a digit and a separator is only passed when a digit follows)
        while (e < end && (digit(*e) || (e + 1 < end && (*e == '.' || *e == ',' || *e == '/' || *e == ':' || *e == '-') && digit(e[1]))))
            ++e;
        out.emplace_back(p, static_cast<std::size_t>(e - p));
        p = e;
    }
    return out;
}

namespace {

/// English number words, by word_hash: a report written out in words changes them as it
/// would a figure ("seven grain ships").
const std::vector<std::uint64_t>& number_word_hashes() {
    static const std::vector<std::uint64_t> hashes = [] {
        std::vector<std::uint64_t> h;
        for (std::string_view w : {"billion", "eight", "eighteen", "eighty", "eleven", "fifteen", "fifty", "five", "forty",
                                   "four", "fourteen", "half", "hundred", "million", "nine", "nineteen", "ninety", "one",
                                   "quarter", "seven", "seventeen", "seventy", "six", "sixteen", "sixty", "ten", "third",
                                   "thirteen", "thirty", "thousand", "three", "trillion", "twelve", "twenty", "two"})
            h.push_back(word_hash(w));
        std::sort(h.begin(), h.end());
        return h;
    }();
    return hashes;
}

}  // namespace

namespace {
std::int32_t day_number(const std::string& d);
}  // namespace

Signature sign(const std::vector<std::string_view>& title, const std::vector<std::string_view>& body,
               const std::vector<std::string_view>& figure_words, const std::vector<std::string_view>& names, std::string date,
               std::string id) {
    Signature s;
    s.date = std::move(date);
    s.day = day_number(s.date);
    s.id = std::move(id);
    std::vector<std::uint64_t> words;
    words.reserve(body.size());
    std::uint64_t exact = 0x9ae16a3b2f90404fULL;
    for (std::string_view w : title) exact = mix(exact ^ word_hash(w));
    exact = mix(exact ^ 0x7469746c65ULL);  // (title | body: "a b" + "c" differs from "a" + "b c")
    std::vector<std::uint32_t> figures, name_hashes;
    const std::vector<std::uint64_t>& number_words = number_word_hashes();
    for (std::string_view w : body) {
        const std::uint64_t h = word_hash(w);
        words.push_back(h);
        exact = mix(exact ^ h);
        if (std::binary_search(number_words.begin(), number_words.end(), h)) figures.push_back(static_cast<std::uint32_t>(h >> 48));
    }
    // (16 bits a word: two words of an article share a hash once in 65,536 pairs)
    for (std::string_view f : figure_words) figures.push_back(static_cast<std::uint32_t>(word_hash(f) >> 48));
    for (std::string_view w : names) name_hashes.push_back(static_cast<std::uint32_t>(word_hash(w) >> 48));
    s.figures = sketch(std::move(figures));
    s.names = sketch(std::move(name_hashes));
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
    // One permutation hashing (Li, Owen, Zhang 2012): one hash per shingle, whose top bits
    // choose one of kHashes bins and whose other bits compete for the bin's minimum; a bin
    // no shingle fell in takes the value of the first filled bin of its own fixed
    // pseudo-random sequence of bins ("optimal densification", Shrivastava 2017), the same
    // in every article, so that two articles' bins still agree with probability J. One hash
    // a shingle instead of kHashes: the signature cost a sixth of indexing time.
    static_assert((kHashes & (kHashes - 1)) == 0, "kHashes is a power of two");
    constexpr int kBinBits = std::countr_zero(kHashes);
    std::array<std::uint64_t, kHashes> best;
    std::array<std::uint64_t, kHashes> arg{};
    best.fill(std::numeric_limits<std::uint64_t>::max());
    for (std::uint64_t sh : shingles) {
        const std::uint64_t v = mix(sh ^ 0x5bd1e9955bd1e995ULL);
        const std::size_t bin = static_cast<std::size_t>(v >> (64 - kBinBits));
        if (const std::uint64_t rest = v << kBinBits; rest < best[bin] || (rest == best[bin] && sh < arg[bin]))
            best[bin] = rest, arg[bin] = sh;
    }
    // Kept: 16 bits of which shingle reached each minimum (not of the minimum itself, whose
    // high bits are near zero in every long text).
    std::array<bool, kHashes> filled{};
    for (std::uint64_t sh : shingles) filled[static_cast<std::size_t>(mix(sh ^ 0x5bd1e9955bd1e995ULL) >> (64 - kBinBits))] = true;
    for (std::size_t i = 0; i < kHashes; ++i) {
        std::size_t from = i;
        for (std::uint64_t attempt = 0; !filled[from]; ++attempt)
            from = static_cast<std::size_t>(mix(seeds()[i] + attempt) >> (64 - kBinBits));
        s.mins[i] = static_cast<std::uint16_t>(mix(arg[from] + 0x9e3779b97f4a7c15ULL) >> 48);
    }
    return s;
}

Signature sign_article(const Article& a, const std::vector<text::Token>& title_tokens,
                       const std::vector<text::Token>& body_tokens) {
    std::vector<std::string_view> title_words, body_words, names;
    std::vector<std::size_t> starts;
    title_words.reserve(title_tokens.size());
    body_words.reserve(body_tokens.size());
    starts.reserve(body_tokens.size());
    for (const text::Token& t : title_tokens) title_words.push_back(t.term);
    for (const text::Token& t : body_tokens) body_words.push_back(t.term), starts.push_back(t.start);
    const std::vector<bool> is_name = name_words(a.text, starts);
    for (std::size_t i = 0; i < body_tokens.size(); ++i)
        if (is_name[i]) names.push_back(body_tokens[i].term);
    return sign(title_words, body_words, figures_of(a.text), names, date::to_value(a.date), a.id);
}

std::string encode(const Signature& s) {
    std::string out;
    out.reserve(1 + 8 + 5 + 2 * kHashes + 1 + s.date.size() + s.id.size());
    out.push_back(static_cast<char>(kVersion));
    put_fixed(out, s.exact, 8);
    varint::put(out, s.shingles);
    for (std::uint16_t m : s.mins) put_fixed(out, m, 2);
    put_sketch(out, s.figures);
    put_sketch(out, s.names);
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
    if (!get_sketch(p, end, s.figures) || !get_sketch(p, end, s.names)) return std::nullopt;
    if (!varint::get(p, end, v) || v > static_cast<std::uint64_t>(end - p)) return std::nullopt;
    s.date.assign(reinterpret_cast<const char*>(p), v);
    s.day = day_number(s.date);
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

double share(const Sketch& a, const Sketch& b) {
    const double small = std::min(a.count, b.count), large = std::max(a.count, b.count);
    if (small == 0) return 1;
    // Bottom-k: the kSketch smallest hashes of the union, and how many of them both hold
    // (exact while both sets are whole); the shared count from that resemblance.
    std::size_t seen = 0, both = 0;
    auto x = a.hashes.begin(), y = b.hashes.begin();
    const std::uint32_t a_top = a.hashes.size() < a.count ? a.hashes.back() : UINT32_MAX;
    const std::uint32_t b_top = b.hashes.size() < b.count ? b.hashes.back() : UINT32_MAX;
    while (seen < kSketch && (x != a.hashes.end() || y != b.hashes.end())) {
        std::uint32_t v;
        if (y == b.hashes.end() || (x != a.hashes.end() && *x < *y)) v = *x++;
        else if (x == a.hashes.end() || *y < *x) v = *y++;
        else v = *x++, ++y, ++both;
        if (v > a_top || v > b_top) break;  // (past one sketch: not known whether both hold it)
        ++seen;
    }
    if (seen == 0) return 0;
    const double j = static_cast<double>(both) / static_cast<double>(seen);
    return std::min(1.0, j * (small + large) / (1 + j) / small);
}

namespace {

/// The day number of a YYYYMMDD date (days since 1970-01-01), or kNoDay.
std::int32_t day_number(const std::string& d) {
    if (d.size() != 8 || d.find_first_not_of("0123456789") != std::string::npos) return kNoDay;
    const std::chrono::year_month_day ymd{std::chrono::year(std::stoi(d.substr(0, 4))),
                                          std::chrono::month(static_cast<unsigned>(std::stoi(d.substr(4, 2)))),
                                          std::chrono::day(static_cast<unsigned>(std::stoi(d.substr(6, 2))))};
    if (!ymd.ok()) return kNoDay;
    return static_cast<std::int32_t>(std::chrono::sys_days(ymd).time_since_epoch().count());
}

}  // namespace

bool are_copies(const Signature& a, const Signature& b) {
    const bool far = a.day != kNoDay && b.day != kNoDay && std::abs(a.day - b.day) > kMaxDaysApart;
    if (a.exact != 0 && a.exact == b.exact) return !far || std::min(a.shingles, b.shingles) >= kMinShingles;
    if (far) return false;
    const double small = std::min(a.shingles, b.shingles), large = std::max(a.shingles, b.shingles);
    if (small < kMinShingles || small < kMinSizeRatio * large) return false;
    const double j = resemblance(a, b);
    const double shared = j * (small + large) / (1 + j);
    if (shared < kMinContainment * small) return false;
    if (std::min(a.figures.count, b.figures.count) >= kMinFigures && share(a.figures, b.figures) < kMinFigureShare)
        return false;
    return std::min(a.names.count, b.names.count) < kMinNames || share(a.names, b.names) >= kMinNameShare;
}

namespace {

/// Do @p a and @p b agree on one of the bands before band @p b?
bool agree_before(const Signature& a, const Signature& b, std::size_t band) {
    for (std::size_t k = 0; k < band; ++k) {
        bool same = true;
        for (std::size_t r = 0; r < kBandRows && same; ++r) same = a.mins[kBandRows * k + r] == b.mins[kBandRows * k + r];
        if (same) return true;
    }
    return false;
}

}  // namespace

std::vector<std::size_t> cluster(const std::vector<Signature>& sigs) {
    const std::size_t n = sigs.size();
    constexpr std::size_t kNone = SIZE_MAX;
    // The order of clustering (earliest first), and each article's place in it.
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return earlier(sigs[x], sigs[y]); });
    // Candidate pairs, checked: the articles agreeing on a band of kBandRows minima. A band
    // value many articles share is mostly boilerplate (a set phrase, a standard paragraph):
    // there each article is checked against the kAnchors earliest only, which still pairs a
    // story's copies with its first article, where the clusters start, and keeps the work
    // linear (all pairs of a million synthetic articles' buckets took minutes).
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    std::vector<std::pair<std::uint64_t, std::uint32_t>> band;  // (band value, place in order)
    for (std::size_t b = 0; b < kHashes / kBandRows; ++b) {
        band.clear();
        for (std::size_t r = 0; r < n; ++r) {
            const Signature& sg = sigs[order[r]];
            if (sg.shingles < kMinShingles) continue;
            std::uint64_t key = 0;
            for (std::size_t k = 0; k < kBandRows; ++k) key = key << 16 | sg.mins[kBandRows * b + k];
            band.emplace_back(key, static_cast<std::uint32_t>(r));
        }
        std::sort(band.begin(), band.end());
        for (std::size_t from = 0; from < band.size();) {
            std::size_t to = from + 1;
            while (to < band.size() && band[to].first == band[from].first) ++to;
            const bool big = to - from > kAnchors;
            for (std::size_t y = from + 1; y < to; ++y)
                for (std::size_t x = from; x < y && x < from + kAnchors; ++x) {
                    const std::size_t i = order[band[x].second], j = order[band[y].second];
                    // In a big bucket (a template's or a feed's shared wording, the same in
                    // every band), a pair that agreed on an earlier band was checked there,
                    // and an article's earliest copy in it is enough: twenty thousand records
                    // of one feed took 64 x 64 checks each and a gigabyte of edges.
                    if (big && agree_before(sigs[i], sigs[j], b)) continue;
                    if (are_copies(sigs[i], sigs[j])) {
                        edges.emplace_back(static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j));
                        if (big) break;
                    }
                }
            from = to;
        }
        if (edges.size() > 4 * n + 1024) {  // (the same pairs, band after band: keep them once)
            std::sort(edges.begin(), edges.end());
            edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
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
    for (const auto& [x, y] : edges) ++starts[x + 1], ++starts[y + 1];  // (edges: sorted, unique pairs)
    std::partial_sum(starts.begin(), starts.end(), starts.begin());
    std::vector<std::uint32_t> next(2 * edges.size());
    {
        std::vector<std::size_t> at(starts.begin(), starts.end() - 1);
        for (const auto& [x, y] : edges) next[at[x]++] = y, next[at[y]++] = x;
    }
    // Each article, earliest first, not yet in a cluster takes its copies not yet in one.
    std::vector<std::size_t> first(n, kNone);
    for (std::size_t c : order) {
        if (first[c] != kNone) continue;
        bool took = false;
        auto take = [&](std::size_t m) {
            if (m != c && first[m] == kNone) first[m] = c, took = true;
        };
        for (std::size_t e = starts[c]; e < starts[c + 1]; ++e) take(next[e]);
        if (group[c])
            for (std::uint32_t m : *group[c])
                if (are_copies(sigs[c], sigs[m])) take(m);  // (identical, but maybe two editions: the date rule)
        if (took) first[c] = c;
    }
    return first;
}

StoreCounts store_for_next_commit(const std::vector<Xapian::WritableDatabase*>& dbs) {
    StoreCounts counts;
    std::vector<Signature> sigs;
    std::vector<std::pair<std::size_t, Xapian::docid>> where;  // (database, docid) of each signature
    for (std::size_t k = 0; k < dbs.size(); ++k) {
        Xapian::WritableDatabase& db = *dbs[k];
        for (auto v = db.valuestream_begin(schema::kCopySigSlot); v != db.valuestream_end(schema::kCopySigSlot); ++v) {
            std::optional<Signature> s = decode(*v);
            if (!s) continue;
            sigs.push_back(std::move(*s));
            where.emplace_back(k, v.get_docid());
        }
    }
    counts.signed_articles = sigs.size();
    const std::vector<std::size_t> first = cluster(sigs);
    std::vector<std::unordered_map<Xapian::docid, std::string>> was(dbs.size());  // the cluster each article had
    for (std::size_t k = 0; k < dbs.size(); ++k)
        for (auto v = dbs[k]->valuestream_begin(schema::kCopySlot); v != dbs[k]->valuestream_end(schema::kCopySlot); ++v)
            was[k].emplace(v.get_docid(), *v);
    // Only the value changes: Xapian then leaves the terms alone (a cluster term as well cost
    // ten times as much, half a millisecond an article).
    auto rewrite = [&](std::size_t k, Xapian::docid did, const std::string& new_id) {
        Xapian::Document doc = dbs[k]->get_document(did);
        if (new_id.empty()) doc.remove_value(schema::kCopySlot);
        else doc.add_value(schema::kCopySlot, new_id);
        dbs[k]->replace_document(did, doc);
        ++counts.rewritten;
    };
    for (std::size_t i = 0; i < sigs.size(); ++i) {
        const std::string now = first[i] == SIZE_MAX ? std::string() : sigs[first[i]].id;
        if (first[i] == i) ++counts.clusters;
        if (!now.empty()) ++counts.in_clusters;
        const auto [k, did] = where[i];
        auto it = was[k].find(did);
        const std::string before = it == was[k].end() ? std::string() : it->second;
        if (it != was[k].end()) was[k].erase(it);
        if (before != now) rewrite(k, did, now);
    }
    for (std::size_t k = 0; k < dbs.size(); ++k)
        for (const auto& [did, before] : was[k]) rewrite(k, did, {});  // (a cluster but no signature)
    return counts;
}

StoreCounts store_for_next_commit(Xapian::WritableDatabase& db) { return store_for_next_commit(std::vector{&db}); }

Table read_values(const Xapian::Database& db) {
    Table t;
    std::unordered_map<std::string, std::uint32_t> number;
    for (auto v = db.valuestream_begin(schema::kCopySlot); v != db.valuestream_end(schema::kCopySlot); ++v) {
        auto [it, fresh] = number.try_emplace(*v, static_cast<std::uint32_t>(t.ids.size()));
        if (fresh) t.ids.push_back(*v);
        t.members.emplace_back(v.get_docid(), it->second);
    }
    return t;
}

namespace {
constexpr std::string_view kTableFormat = "copies1";
}  // namespace

void store_table_for_next_commit(Xapian::WritableDatabase& db) {
    const Table t = read_values(db);
    std::string out(kTableFormat);
    varint::put(out, db.get_lastdocid());
    varint::put(out, t.ids.size());
    for (const std::string& id : t.ids) {
        varint::put(out, id.size());
        out += id;
    }
    varint::put(out, t.members.size());
    Xapian::docid last = 0;
    for (const auto& [d, c] : t.members) {
        varint::put(out, d - last);
        varint::put(out, c);
        last = d;
    }
    if (db.get_metadata(schema::kMetaCopies) != out) db.set_metadata(schema::kMetaCopies, out);
}

std::optional<Table> read_table(const Xapian::Database& db) {
    return decode_table(db.get_metadata(schema::kMetaCopies), db.get_lastdocid());
}

std::optional<Table> decode_table(std::string_view bytes, Xapian::docid lastdocid) {
    if (!bytes.starts_with(kTableFormat)) return std::nullopt;
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data()) + kTableFormat.size();
    const auto* end = reinterpret_cast<const unsigned char*>(bytes.data()) + bytes.size();
    std::uint64_t last = 0, n = 0;
    if (!varint::get(p, end, last) || last != lastdocid || !varint::get(p, end, n) || n > bytes.size()) return std::nullopt;
    Table t;
    t.ids.resize(n);
    for (std::string& id : t.ids) {
        std::uint64_t len = 0;
        if (!varint::get(p, end, len) || len > static_cast<std::uint64_t>(end - p)) return std::nullopt;
        id.assign(reinterpret_cast<const char*>(p), len);
        p += len;
    }
    if (!varint::get(p, end, n) || n > bytes.size()) return std::nullopt;
    std::uint64_t d = 0;
    for (std::uint64_t i = 0; i < n; ++i) {
        std::uint64_t gap = 0, c = 0;
        if (!varint::get(p, end, gap) || !varint::get(p, end, c) || gap == 0 || c >= t.ids.size() || (d += gap) > last) return std::nullopt;
        t.members.emplace_back(static_cast<Xapian::docid>(d), static_cast<std::uint32_t>(c));
    }
    if (p != end) return std::nullopt;
    return t;
}

}  // namespace news::copies
