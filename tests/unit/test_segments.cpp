/// @file
/// @brief SegmentWriter: documents in order, across many segments, merged back in order.
#include "indexer/segments.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <unistd.h>

using namespace news;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path = fs::temp_directory_path() / ("news-seg-" + std::to_string(::getpid()) + "-" +
                                                 std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    TempDir() { fs::remove_all(path); }
    ~TempDir() { fs::remove_all(path); }
};

Xapian::Document numbered(int i) {
    Xapian::Document d;
    d.set_data("doc " + std::to_string(i));
    d.add_boolean_term("Q" + std::to_string(i));
    return d;
}

}  // namespace

TEST_CASE("segments: documents keep their order through many segments, reduce and merge", "[segments]") {
    TempDir tmp;
    const int n = 700;  // segments of 2 documents: 350 segments, more than one merge may take
    std::vector<fs::path> segs;
    {
        SegmentWriter w(tmp.path / "segs", 3, 2);
        for (int i = 0; i < n; ++i) {
            w.add_document(numbered(i));
            if (i % 100 == 0) w.add_synonym("Zdock", "dock" + std::to_string(i));
        }
        w.set_metadata("news.file.x", "done");
        segs = w.finish();
    }
    REQUIRE(segs.size() == n / 2);
    CHECK(SegmentWriter::finished(tmp.path / "segs") == segs);
    const std::vector<fs::path> reduced = SegmentWriter::reduce(tmp.path / "segs", segs, 2);
    CHECK(reduced.size() <= SegmentWriter::kMaxMerge);
    CHECK(reduced.size() > 1);
    Xapian::Database all;
    for (const fs::path& p : reduced) all.add_database(Xapian::Database(p.string()));
    all.compact((tmp.path / "merged").string(), 0);
    Xapian::Database merged((tmp.path / "merged").string());
    REQUIRE(merged.get_doccount() == n);
    for (int i : {0, 1, 2, 255, 256, 511, 699}) {
        CAPTURE(i);
        CHECK(merged.get_document(static_cast<Xapian::docid>(i + 1)).get_data() == "doc " + std::to_string(i));
    }
    CHECK(merged.get_metadata("news.file.x") == "done");
    int synonyms = 0;
    for (auto t = merged.synonyms_begin("Zdock"); t != merged.synonyms_end("Zdock"); ++t) ++synonyms;
    CHECK(synonyms == 7);
}

TEST_CASE("segments: a killed run's finished segments count up to the first unfinished one", "[segments]") {
    TempDir tmp;
    const fs::path dir = tmp.path / "segs";
    {
        SegmentWriter w(dir, 1, 1);
        for (int i = 0; i < 4; ++i) w.add_document(numbered(i));
        (void)w.finish();
    }
    fs::rename(dir / "000002", dir / "000002.part");  // as if the run had died writing it
    CHECK(SegmentWriter::finished(dir) == std::vector<fs::path>{dir / "000000", dir / "000001"});
    CHECK(SegmentWriter::finished(tmp.path / "none").empty());
}

TEST_CASE("segments: without a finish the writer stops and leaves only whole segments", "[segments]") {
    TempDir tmp;
    const fs::path dir = tmp.path / "segs";
    {
        SegmentWriter w(dir, 2, 5);
        for (int i = 0; i < 23; ++i) w.add_document(numbered(i));
    }  // destroyed mid-run, like a run stopped by an error
    for (const fs::path& p : SegmentWriter::finished(dir)) CHECK(Xapian::Database(p.string()).get_doccount() == 5);
}

TEST_CASE("segments: each writer's first segments are small, then they double up to the size given", "[segments]") {
    TempDir tmp;
    std::vector<fs::path> segs;
    {
        SegmentWriter w(tmp.path / "segs", 2, 1024);
        for (int i = 0; i < 3000; ++i) w.add_document(numbered(i));
        segs = w.finish();
    }
    std::vector<Xapian::doccount> sizes;
    for (const fs::path& p : segs) sizes.push_back(Xapian::Database(p.string()).get_doccount());
    CHECK(sizes == std::vector<Xapian::doccount>{256, 256, 512, 512, 1024, 440});
}
