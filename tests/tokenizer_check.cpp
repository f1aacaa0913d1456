/// @file
/// @brief tokenizer_check DIR...: the byte scanner against ICU on real text. Every file under
/// the folders is cut into paragraphs (blank lines; at most 64 KB each) and each paragraph is
/// split by Analyzer::tokenize (the byte scanner when the text is plain) and by
/// Analyzer::tokenize_icu; any difference in a token is printed with its file and byte offset
/// and makes the exit status 1. Exit 77 (ctest's skip) when no folder exists.
#include "common/text/analyzer.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

bool same(const news::text::Token& a, const news::text::Token& b) {
    return a.term == b.term && a.alt == b.alt && a.start == b.start && a.end == b.end && a.stemmable == b.stemmable;
}

}  // namespace

int main(int argc, char** argv) {
    const news::text::Analyzer analyzer("english");
    std::size_t files = 0, bytes = 0, pieces = 0, plain = 0, tokens = 0, differences = 0;
    bool any = false;
    for (int i = 1; i < argc; ++i) {
        std::error_code ec;
        if (!fs::is_directory(argv[i], ec)) continue;
        any = true;
        for (const auto& entry : fs::recursive_directory_iterator(argv[i], ec)) {
            if (!entry.is_regular_file()) continue;
            std::ifstream in(entry.path(), std::ios::binary);
            std::ostringstream ss;
            ss << in.rdbuf();
            const std::string text = ss.str();
            ++files;
            bytes += text.size();
            for (std::size_t at = 0; at < text.size();) {
                std::size_t end = text.find("\n\n", at);
                end = std::min<std::size_t>({end == std::string::npos ? text.size() : end + 2, text.size(), at + (64u << 10)});
                const std::string_view piece = std::string_view(text).substr(at, end - at);
                std::vector<news::text::Token> scanned;
                plain += news::text::tokenize_plain(piece, scanned);
                const auto got = analyzer.tokenize(piece);
                const auto want = analyzer.tokenize_icu(piece);
                ++pieces;
                tokens += want.size();
                bool equal = got.size() == want.size();
                for (std::size_t k = 0; equal && k < got.size(); ++k) equal = same(got[k], want[k]);
                if (!equal && ++differences <= 20)
                    std::cerr << entry.path().string() << ": byte " << at << ": the scanner's tokens differ from ICU's in '"
                              << piece.substr(0, 200) << "'\n";
                at = end;
            }
        }
    }
    if (!any) {
        std::cerr << "tokenizer_check: none of the folders exists; skipped\n";
        return 77;
    }
    std::cout << "tokenizer_check: " << files << " files, " << bytes << " bytes, " << pieces << " paragraphs ("
              << plain << " plain, split by the scanner), " << tokens << " tokens, " << differences << " differences\n";
    return differences ? 1 : 0;
}
