/// @file
/// @brief zstd packing of stored articles, one compression and one decompression context
/// per thread (creating a context costs more than compressing a short article).
#include "common/stored.h"

#define ZDICT_STATIC_LINKING_ONLY  // ZDICT_trainFromBuffer_fastCover: one pass, no parameter search
#include <zdict.h>
#include <zstd.h>

#include <memory>
#include <mutex>
#include <numeric>
#include <stdexcept>

namespace news::stored {
namespace {

constexpr int kLevel = 3;
/// Far above any article, so that a damaged size field cannot make unpack() allocate without
/// bound.
constexpr unsigned long long kMaxSize = 4ULL << 30;

struct CctxFree {
    void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
};
struct DctxFree {
    void operator()(ZSTD_DCtx* d) const { ZSTD_freeDCtx(d); }
};

ZSTD_CCtx* cctx() {
    thread_local std::unique_ptr<ZSTD_CCtx, CctxFree> c(ZSTD_createCCtx());
    if (!c) throw std::runtime_error("zstd: cannot create a compression context");
    return c.get();
}

ZSTD_DCtx* dctx() {
    thread_local std::unique_ptr<ZSTD_DCtx, DctxFree> d(ZSTD_createDCtx());
    if (!d) throw std::runtime_error("zstd: cannot create a decompression context");
    return d.get();
}

/// Dictionary size: on Reuters 32 / 64 / 110 KB took the stored articles from 13.6 MB to
/// 8.7 / 8.3 / 8.1 MB; 64 KB is most of the gain at half the memory of the largest.
constexpr std::size_t kDictBytes = 64 * 1024;

}  // namespace

struct Dictionary::Contexts {
    std::once_flag c_made;  // the compression side only when something is packed: a search never is
    ZSTD_CDict* c = nullptr;
    ZSTD_DDict* d = nullptr;
    ~Contexts() {
        ZSTD_freeCDict(c);
        ZSTD_freeDDict(d);
    }
};

Dictionary::Dictionary(std::string bytes) : bytes_(std::move(bytes)), ctx_(std::make_unique<Contexts>()) {
    id_ = ZDICT_getDictID(bytes_.data(), bytes_.size());
    if (id_ == 0) throw std::runtime_error("stored articles: not a zstd dictionary");
    ctx_->d = ZSTD_createDDict(bytes_.data(), bytes_.size());
    if (!ctx_->d) throw std::runtime_error("stored articles: cannot load the zstd dictionary");
}

const ::ZSTD_CDict_s* Dictionary::cdict() const {
    std::call_once(ctx_->c_made, [this] { ctx_->c = ZSTD_createCDict(bytes_.data(), bytes_.size(), kLevel); });
    if (!ctx_->c) throw std::runtime_error("stored articles: cannot load the zstd dictionary to compress");
    return ctx_->c;
}

Dictionary::~Dictionary() = default;

std::shared_ptr<const Dictionary> Dictionary::load(std::string bytes) {
    return std::shared_ptr<const Dictionary>(new Dictionary(std::move(bytes)));
}

std::shared_ptr<const Dictionary> Dictionary::train(const std::vector<std::string>& samples) {
    if (samples.size() < kMinSamples) return nullptr;
    std::string all;
    all.reserve(std::accumulate(samples.begin(), samples.end(), std::size_t{0},
                                [](std::size_t n, const std::string& x) { return n + x.size(); }));
    std::vector<std::size_t> sizes;
    sizes.reserve(samples.size());
    for (const std::string& x : samples) {
        all += x;
        sizes.push_back(x.size());
    }
    if (all.size() < 8 * kDictBytes) return nullptr;  // too little to learn from
    std::string dict(kDictBytes, '\0');
    ZDICT_fastCover_params_t params{};
    params.k = 200;  // segment and d-mer sizes: zstd's command-line defaults
    params.d = 8;
    params.steps = 1;
    params.zParams.compressionLevel = kLevel;
    const std::size_t n = ZDICT_trainFromBuffer_fastCover(dict.data(), dict.size(), all.data(), sizes.data(),
                                                          static_cast<unsigned>(sizes.size()), params);
    if (ZDICT_isError(n)) return nullptr;  // (samples zstd cannot learn from: store without)
    dict.resize(n);
    return load(std::move(dict));
}

std::string pack(std::string_view data, const Dictionary* dict) {
    std::string out(ZSTD_compressBound(data.size()), '\0');
    const std::size_t n =
        dict ? ZSTD_compress_usingCDict(cctx(), out.data(), out.size(), data.data(), data.size(), dict->cdict())
             : ZSTD_compressCCtx(cctx(), out.data(), out.size(), data.data(), data.size(), kLevel);
    if (ZSTD_isError(n)) throw std::runtime_error(std::string("zstd: ") + ZSTD_getErrorName(n));
    out.resize(n);
    return out;
}

std::string unpack(std::string_view packed, std::span<const std::shared_ptr<const Dictionary>> dicts) {
    const unsigned long long size = ZSTD_getFrameContentSize(packed.data(), packed.size());
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN)
        throw std::runtime_error("stored article: not a zstd frame of known size");
    if (size > kMaxSize) throw std::runtime_error("stored article: size field out of range");
    const ZSTD_DDict* ddict = nullptr;
    if (const unsigned id = ZSTD_getDictID_fromFrame(packed.data(), packed.size()); id != 0) {
        for (const auto& d : dicts)
            if (d && d->id() == id) ddict = d->ctx_->d;
        if (!ddict) throw UnknownDictionary("stored article: made with zstd dictionary " + std::to_string(id) +
                                             ", which this database does not hold");
    }
    std::string out(static_cast<std::size_t>(size), '\0');
    const std::size_t n = ddict ? ZSTD_decompress_usingDDict(dctx(), out.data(), out.size(), packed.data(),
                                                             packed.size(), ddict)
                                : ZSTD_decompressDCtx(dctx(), out.data(), out.size(), packed.data(), packed.size());
    if (ZSTD_isError(n)) throw std::runtime_error(std::string("stored article: ") + ZSTD_getErrorName(n));
    if (n != out.size()) throw std::runtime_error("stored article: shorter than its size field");
    return out;
}

}  // namespace news::stored
