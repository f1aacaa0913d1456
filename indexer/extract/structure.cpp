/// @file
/// @brief Boilerplate, title, dek, dateline and byline from an article's paragraphs.
#include "indexer/extract/structure.h"

#include "indexer/extract/furniture.h"
#include "indexer/names.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>

namespace news::extract {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

// A name as bylines write it: 2-5 words, each starting with a capital letter
// (particles such as "de", "van", "bin" allowed inside).
bool looks_like_name(std::string_view s) {
    s = trim(s);
    if (s.empty() || s.size() > 60) return false;
    int words = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t j = s.find(' ', i);
        if (j == std::string_view::npos) j = s.size();
        std::string_view w = s.substr(i, j - i);
        i = j + 1;
        if (w.empty()) continue;
        ++words;
        static constexpr std::array<std::string_view, 10> particles = {"de", "da", "van", "von", "der", "bin",
                                                                       "al",  "la", "le",  "del"};
        if (std::find(particles.begin(), particles.end(), w) != particles.end()) continue;
        const auto* p = reinterpret_cast<const uint8_t*>(w.data());
        int32_t k = 0;
        UChar32 c;
        U8_NEXT(p, k, static_cast<int32_t>(w.size()), c);
        if (c < 0 || !u_isupper(c)) return false;
    }
    return words >= 1 && words <= 5;
}

/// "Feb 27", "March 3", "Sept. 9": a month's name or abbreviation, then a day number.
bool is_day(std::string_view s) {
    static constexpr std::array<std::string_view, 12> months = {"jan", "feb", "mar", "apr", "may", "jun",
                                                                "jul", "aug", "sep", "oct", "nov", "dec"};
    const std::size_t sp = s.find(' ');
    if (sp == std::string_view::npos || sp < 3) return false;
    std::string month(s.substr(0, 3));
    for (char& c : month) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (std::find(months.begin(), months.end(), month) == months.end()) return false;
    std::string_view day = trim(s.substr(sp + 1));
    return !day.empty() && day.size() <= 2 && std::all_of(day.begin(), day.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

bool words_begin(std::string_view x, std::string_view y) {
    // Letters and digits, lower-cased; any other run of characters is one break.
    auto key = [](std::string_view s) {
        std::u32string out;
        const auto* p = reinterpret_cast<const uint8_t*>(s.data());
        int32_t i = 0, n = static_cast<int32_t>(s.size());
        while (i < n) {
            UChar32 c;
            U8_NEXT(p, i, n, c);
            if (c >= 0 && u_isalnum(c)) out += static_cast<char32_t>(u_tolower(c));
            else if (!out.empty() && out.back() != U' ') out += U' ';
        }
        while (!out.empty() && out.back() == U' ') out.pop_back();
        return out;
    };
    const std::u32string kx = key(x), ky = key(y);
    return !kx.empty() && ky.starts_with(kx) && (ky.size() == kx.size() || ky[kx.size()] == U' ');
}

std::string find_dateline(std::string_view paragraph) {
    std::string_view p = paragraph.substr(0, std::min<std::size_t>(paragraph.size(), 120));
    static constexpr std::array<std::string_view, 6> dashes = {" \xE2\x80\x94 ", " \xE2\x80\x93 ", " -- ", " - ",
                                                               "\xE2\x80\x94", "\xE2\x80\x93"};
    std::size_t pos = std::string_view::npos;
    for (std::string_view d : dashes) {
        std::size_t f = p.find(d);
        if (f != std::string_view::npos && f < pos) pos = f;
    }
    if (pos == std::string_view::npos || pos == 0) return {};
    std::string_view prefix = trim(p.substr(0, pos));
    // "LONDON (Reuters)": the agency is not part of the place.
    if (!prefix.empty() && prefix.back() == ')') {
        std::size_t open = prefix.rfind('(');
        if (open == std::string_view::npos) return {};
        prefix = trim(prefix.substr(0, open));
    }
    std::size_t comma = prefix.find(',');
    std::string_view place = comma == std::string_view::npos ? prefix : prefix.substr(0, comma);
    if (comma != std::string_view::npos && prefix.size() - comma > 30) return {};
    // A wire's date after the place ("WASHINGTON, Feb 27 - ") is no part of it.
    if (comma != std::string_view::npos && is_day(trim(prefix.substr(comma + 1)))) prefix = place;
    // The place itself: capital letters (BEIJING, SAN JOSÉ, ST. LOUIS) or a short CJK name.
    int letters = 0, cjk = 0;
    const auto* b = reinterpret_cast<const uint8_t*>(place.data());
    int32_t i = 0, n = static_cast<int32_t>(place.size());
    while (i < n) {
        UChar32 c;
        U8_NEXT(b, i, n, c);
        if (c < 0) return {};
        if (u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC)) { ++cjk; continue; }
        if (u_isalpha(c)) {
            if (!u_isupper(c)) return {};
            ++letters;
        } else if (c != ' ' && c != '.' && c != '\'' && c != '-' && c != 0x2019) {
            return {};
        }
    }
    if (letters >= 2 && cjk == 0) return std::string(prefix);
    if (cjk >= 1 && cjk <= 8 && letters == 0) return std::string(prefix);
    return {};
}

std::vector<std::string> parse_reported_from(std::string_view paragraph) {
    // A byline is one short line; std::regex recurses per character, so never feed it long text.
    if (trim(paragraph).size() > 400) return {};
    // Neither pattern can match without its words: most paragraphs stop here, before std::regex
    // (which was 1.4% of indexing for every paragraph of every article).
    if (paragraph.find(" reported from ") == std::string_view::npos && paragraph.find("eporting by ") == std::string_view::npos)
        return {};
    std::string p(trim(paragraph));
    static const std::regex reported(R"(^(.+?) reported from (.+?)\.?$)");
    static const std::regex reporting_by(R"(^\(?(?:Additional )?[Rr]eporting by (.+?)(?:;.*)?\)?\.?$)");
    std::smatch m;
    std::vector<std::string> names;
    if (std::regex_match(p, m, reported)) {
        if (!looks_like_name(m[1].str())) return {};
        names.push_back(m[1].str());
        // ", Jennifer Jett from Hong Kong and Henry Austin from London"
        std::string rest = m[2].str();
        static const std::regex more(R"((?:,| and|, and) ([^,]+?) from [^,]+?(?=,| and |$))");
        for (auto it = std::sregex_iterator(rest.begin(), rest.end(), more); it != std::sregex_iterator(); ++it) {
            std::string name = (*it)[1].str();
            if (name.starts_with("and ")) name = name.substr(4);
            if (looks_like_name(name)) names.push_back(name);
        }
        return names;
    }
    if (p.size() < 200 && std::regex_match(p, m, reporting_by)) {
        for (const std::string& n : split_names(m[1].str()))
            if (looks_like_name(n)) names.push_back(n);
    }
    return names;
}

void annotate_given(Article& a) {
    std::size_t n = 0;
    for (std::size_t b = 0; b < a.text.size() && n < 3; ++n) {
        std::size_t e = std::min(a.text.find("\n\n", b), a.text.size());
        if (a.dateline.empty()) a.dateline = find_dateline(std::string_view(a.text).substr(b, e - b));
        if (!a.dateline.empty()) break;
        b = e + 2;
    }
    const std::size_t last = a.text.rfind("\n\n");
    for (std::string& name : parse_reported_from(std::string_view(a.text).substr(last == std::string::npos ? 0 : last + 2)))
        if (std::find(a.authors.begin(), a.authors.end(), name) == a.authors.end()) a.authors.push_back(std::move(name));
}

void apply_structure(Article& a, std::vector<std::string> paragraphs, bool find_title) {
    std::vector<std::string> kept;
    for (std::string& p : paragraphs) {
        if (const char* kind = furniture_kind(p)) a.dropped.emplace_back(kind, std::move(p));
        else kept.push_back(std::move(p));
    }
    std::size_t i = 0;
    // The headline line: the title, or (a title given, a manifest's) out of the text when its
    // words are the title's or their start (the title adds a subtitle after ';'): no word is
    // lost either way, the title's are indexed as text too.
    if (find_title && !kept.empty() && (a.title.empty() || words_begin(kept[0], a.title))) {
        if (a.title.empty()) a.title = kept[0];
        a.dropped.emplace_back(kHeadline, kept[0]);
        i = 1;
    }
    // "By Jane Doe and John Roe" under the title.
    static const std::regex by_line(R"(^By:? ([^.]{2,100})$)");
    std::smatch m;
    if (i < kept.size() && kept[i].size() < 120 && std::regex_match(kept[i], m, by_line)) {
        for (const std::string& n : split_names(m[1].str()))
            if (looks_like_name(n) && std::find(a.authors.begin(), a.authors.end(), n) == a.authors.end())
                a.authors.push_back(n);
        a.dropped.emplace_back(kByline, kept[i]);
        ++i;
    }
    // The dateline opens one of the first paragraphs; a single paragraph before it is the dek.
    for (std::size_t k = i; k < kept.size() && k < i + 3; ++k) {
        std::string d = find_dateline(kept[k]);
        if (d.empty()) continue;
        if (a.dateline.empty()) a.dateline = d;
        if (k == i + 1 && a.dek.empty()) a.dek = kept[i];
        break;
    }
    if (a.dateline.empty() && i < kept.size()) {
        // No dateline: leave the text as it is.
    }
    if (!kept.empty()) {
        std::vector<std::string> byline = parse_reported_from(kept.back());
        for (std::string& n : byline)
            if (std::find(a.authors.begin(), a.authors.end(), n) == a.authors.end()) a.authors.push_back(std::move(n));
    }
    std::string text;
    for (std::size_t k = i; k < kept.size(); ++k) {
        if (!text.empty()) text += "\n\n";
        text += kept[k];
    }
    a.text = std::move(text);
}

}  // namespace news::extract
