/// @file
/// @brief Lists of names as bylines and metadata write them.
#include "indexer/names.h"

#include "common/text/analyzer.h"

#include <cctype>

namespace news {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

// The separator that starts at @p i of @p s (white space before it included), as its end; 0
// when none starts there. A separator is ";", "|" or "&", a comma (with an "and" after it),
// or the word "and" after white space, each with the white space around it.
std::size_t separator_end(std::string_view s, std::size_t i) {
    auto space = [&](std::size_t k) { return k < s.size() && std::isspace(static_cast<unsigned char>(s[k])); };
    auto skip = [&](std::size_t k) {
        while (space(k)) ++k;
        return k;
    };
    // "and" and at least one white space after it, at k: the end of that space, else 0.
    auto and_word = [&](std::size_t k) -> std::size_t {
        return s.substr(k).starts_with("and") && space(k + 3) ? skip(k + 3) : 0;
    };
    const std::size_t k = skip(i);
    if (k >= s.size()) return 0;
    if (s[k] == ';' || s[k] == '|' || s[k] == '&') return skip(k + 1);
    if (s[k] == ',') {
        const std::size_t m = skip(k + 1);
        const std::size_t a = and_word(m);
        return a ? a : m;
    }
    if (k > i) return and_word(k);
    return 0;
}

}  // namespace

std::vector<std::string> split_names(std::string_view list) {
    std::string_view s = text::utf8_prefix(trim(list), 1000);  // a list of names, not a document
    if (s.starts_with("By ") || s.starts_with("by ")) s.remove_prefix(3);
    // (Scanned by hand: a std::regex of the same separators backtracked for seconds on a
    // line of 900 bytes of spaces and commas that fuzz_jsonl_record found.)
    std::vector<std::string> out;
    auto add = [&](std::string_view name) {
        if (name = trim(name); !name.empty()) out.emplace_back(name);
    };
    std::size_t from = 0;
    for (std::size_t i = 0; i < s.size();) {
        if (const std::size_t end = separator_end(s, i)) {
            add(s.substr(from, i - from));
            from = i = end;
        } else {
            ++i;
        }
    }
    add(s.substr(from));
    return out;
}

}  // namespace news
