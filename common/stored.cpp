/// @file
/// @brief zstd packing of stored articles, one compression and one decompression context
/// per thread (creating a context costs more than compressing a short article).
#include "common/stored.h"

#include <zstd.h>

#include <memory>
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

}  // namespace

std::string pack(std::string_view data) {
    std::string out(ZSTD_compressBound(data.size()), '\0');
    const std::size_t n = ZSTD_compressCCtx(cctx(), out.data(), out.size(), data.data(), data.size(), kLevel);
    if (ZSTD_isError(n)) throw std::runtime_error(std::string("zstd: ") + ZSTD_getErrorName(n));
    out.resize(n);
    return out;
}

std::string unpack(std::string_view packed) {
    const unsigned long long size = ZSTD_getFrameContentSize(packed.data(), packed.size());
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN)
        throw std::runtime_error("stored article: not a zstd frame of known size");
    if (size > kMaxSize) throw std::runtime_error("stored article: size field out of range");
    std::string out(static_cast<std::size_t>(size), '\0');
    const std::size_t n = ZSTD_decompressDCtx(dctx(), out.data(), out.size(), packed.data(), packed.size());
    if (ZSTD_isError(n)) throw std::runtime_error(std::string("stored article: ") + ZSTD_getErrorName(n));
    if (n != out.size()) throw std::runtime_error("stored article: shorter than its size field");
    return out;
}

}  // namespace news::stored
