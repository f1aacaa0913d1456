/// @file
/// @brief Site furniture: the lines of a scraped page that are not article text, by kind.
#include "indexer/extract/furniture.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace news::extract {
namespace {

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

bool ends_sentence(std::string_view s) {
    s = trim(s);
    while (!s.empty() && (s.back() == '"' || s.back() == '\'' || s.back() == ')')) s.remove_suffix(1);
    if (s.ends_with("\xE2\x80\x9D") || s.ends_with("\xE2\x80\x99")) s.remove_suffix(3);  // ” ’
    return !s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?' || s.ends_with("\xE3\x80\x82"));
}

// Words glued by a scraper ("newsLiveon"): three lower-case ASCII letters, a capital, two
// lower-case letters ([a-z]{3,}[A-Z][a-z]{2,} anywhere in @p s).
bool has_glued_words(std::string_view s) {
    auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
    std::size_t run = 0;  // lower-case letters just before i
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] >= 'A' && s[i] <= 'Z' && run >= 3 && i + 2 < s.size() && lower(s[i + 1]) && lower(s[i + 2])) return true;
        run = lower(s[i]) ? run + 1 : 0;
    }
    return false;
}

}  // namespace

const char* furniture_kind(std::string_view paragraph) {
    std::string_view p = trim(paragraph);
    if (p.size() > 160) return nullptr;
    std::string l = lower_ascii(p);
    // Always furniture, whatever the punctuation.
    static constexpr std::array<std::string_view, 7> strong = {
        "is not supported", "for an optimal experience", "all rights reserved", "skip to content",
        "enable javascript", "click here", "listen to this article"};
    for (std::string_view ph : strong)
        if (l.find(ph) != std::string::npos) return kSiteNotice;
    // A copyright sign in a short line ("© 2024 Harbor Ledger"), not in prose: a book excerpt's
    // credit ("Copyright © 2015 by ... Reprinted courtesy of ...") or mojibake ("clichÃ©" holds
    // the bytes of "©") is text.
    if (l.find("\xC2\xA9") != std::string::npos && std::count(p.begin(), p.end(), ' ') < 8) return kCopyright;
    // Furniture only when the line is not a sentence ("Sign up for our newsletter", but not
    // "The newsletter business is booming, analysts said.").
    static constexpr std::array<std::string_view, 17> weak = {
        "advertisement",    "sign up for",       "subscribe to",     "newsletter",
        "cookie",           "read more:",        "share this",       "follow us on",
        "get more news",    "download the app",  "watch live",       "share on facebook",
        "share on twitter", "related coverage",  "recommended stories", "continue reading",
        "also on "};  // "Also on HuffPost:" before links to other stories
    if (!ends_sentence(p))
        for (std::string_view ph : weak)
            if (l.find(ph) != std::string::npos) return kPromotion;
    static constexpr std::array<std::string_view, 12> whole = {"share", "tweet",  "email", "print",  "comments", "menu",
                                                               "search", "close", "more",  "advert", "home",     "video"};
    for (std::string_view w : whole)
        if (l == w) return kMenuWord;
    // Navigation text glued by a scraper: "Get more newsLiveon". (Not after a sentence: "-Sanders
    // won 84 percent of young voters. [WashPost.]" cites an outlet written in camel case.)
    if (!ends_sentence(p)) {
        std::size_t sp = p.rfind(' ');
        std::string_view last = sp == std::string_view::npos ? p : p.substr(sp + 1);
        if (last.size() > 60) return nullptr;
        if (sp != std::string_view::npos) {
            // ... nor after words that make a phrase of it: "According to Ida Brandt, writing for
            // RealClearPolitics:" (menus glue nouns: "Top storiesWatchNow").
            const std::string before = " " + l.substr(0, sp) + " ";  // (l is p lower-cased, byte for byte)
            for (std::string_view w : {". ", "? ", "! ", ", ", " to ", " for ", " of ", " the ", " a ", " an ", " in ",
                                       " on ", " by ", " with ", " and ", " from ", " at ", " says ", " said "})
                if (before.find(w) != std::string::npos) return nullptr;
        }
        if (has_glued_words(last)) return kGluedNavigation;
    }
    return nullptr;
}

}  // namespace news::extract
