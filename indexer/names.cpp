/// @file
/// @brief Lists of names as bylines and metadata write them.
#include "indexer/names.h"

#include "common/text/analyzer.h"

#include <cctype>
#include <regex>

namespace news {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

}  // namespace

std::vector<std::string> split_names(std::string_view list) {
    std::string s(text::utf8_prefix(trim(list), 1000));  // a list of names, not a document
    if (s.starts_with("By ") || s.starts_with("by ")) s = s.substr(3);
    static const std::regex sep(R"(\s*(?:;|,\s*and\s+|,|\s+and\s+|\s*&\s*|\|)\s*)");
    std::vector<std::string> out;
    for (auto it = std::sregex_token_iterator(s.begin(), s.end(), sep, -1); it != std::sregex_token_iterator(); ++it) {
        std::string name(trim(it->str()));
        if (!name.empty()) out.push_back(std::move(name));
    }
    return out;
}

}  // namespace news
