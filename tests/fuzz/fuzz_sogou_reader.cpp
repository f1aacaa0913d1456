/// @file
/// @brief libFuzzer target: read_file_content(Format::Sogou) on arbitrary bytes (UTF-8 or
/// GB18030-decoded <doc> records), then the extract stage (extract_article) on each article,
/// checking the quote offsets (reader_fuzz.h).
#include "reader_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return news_fuzz::read_and_check(news::readers::Format::Sogou, data, size, "f.dat");
}
