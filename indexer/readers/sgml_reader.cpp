/// @file
/// @brief Reuters-21578 SGML records into Articles.
#include "indexer/readers/sgml_reader.h"

#include "common/date.h"
#include "indexer/readers/reader.h"
#include "indexer/readers/text_reader.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <optional>

namespace news::readers {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

/// Runs of whitespace become one space; the ends are trimmed.
std::string collapse(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : trim(s)) {
        if (is_space(c)) {
            space = true;
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool is_control(char32_t cp) { return (cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp <= 0x9F); }

/// The content span of the first <tag ...>...</tag> in [from, to) of @p lower (the record
/// in lower case, so that tags match whatever their case). An element never closed runs to @p to.
struct Span {
    std::size_t begin = 0, end = 0;  ///< content
    std::size_t after = 0;           ///< just past the closing tag
};

std::optional<Span> find_element(std::string_view lower, std::size_t from, std::size_t to, std::string_view tag) {
    lower = lower.substr(0, to);  // searches never run past the record
    std::string open(1, '<');
    open += tag;
    std::size_t p = from;
    while ((p = lower.find(open, p)) != std::string_view::npos && p < to) {
        std::size_t after = p + open.size();
        if (after < to && (lower[after] == '>' || is_space(lower[after]))) {
            std::size_t gt = lower.find('>', after);
            if (gt == std::string_view::npos || gt >= to) return std::nullopt;
            Span s;
            s.begin = gt + 1;
            std::string close(open);
            close.insert(1, 1, '/');
            std::size_t c = lower.find(close, s.begin);
            if (c == std::string_view::npos || c >= to) {
                s.end = s.after = to;
            } else {
                s.end = c;
                std::size_t cgt = lower.find('>', c);
                s.after = cgt == std::string_view::npos || cgt >= to ? to : cgt + 1;
            }
            return s;
        }
        p = after;
    }
    return std::nullopt;
}

/// Attributes of an SGML start tag's inside ("TOPICS=\"YES\" NEWID=\"1\""), names upper-cased.
std::map<std::string, std::string> parse_attributes(std::string_view s) {
    std::map<std::string, std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && is_space(s[i])) ++i;
        std::size_t b = i;
        while (i < s.size() && !is_space(s[i]) && s[i] != '=') ++i;
        if (b == i) {
            ++i;
            continue;
        }
        std::string name(s.substr(b, i - b));
        for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        while (i < s.size() && is_space(s[i])) ++i;
        std::string value;
        if (i < s.size() && s[i] == '=') {
            ++i;
            while (i < s.size() && is_space(s[i])) ++i;
            if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
                char q = s[i++];
                std::size_t e = s.find(q, i);
                if (e == std::string_view::npos) e = s.size();
                value = std::string(s.substr(i, e - i));
                i = e + 1;
            } else {
                std::size_t e = i;
                while (e < s.size() && !is_space(s[e])) ++e;
                value = std::string(s.substr(i, e - i));
                i = e;
            }
        }
        out[name] = value;
    }
    return out;
}

/// Drops "^M" (a carriage return as the wire printed it) at the ends of lines.
std::string drop_caret_m(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '^' && i + 1 < s.size() && s[i + 1] == 'M' && (i + 2 == s.size() || s[i + 2] == '\n')) {
            ++i;
            continue;
        }
        out += s[i];
    }
    return out;
}

/// Removes one closing signature: "Reuter", "REUTER", "Reuters", "REUTER..." on the last
/// line, or at the end of the last line after a run of spaces ("(33.7).        REUTER") or
/// after a sentence ("ounce. REUTER").
std::string drop_one_signature(std::string_view text) {
    std::string_view t = trim(text);
    std::size_t nl = t.rfind('\n');
    std::size_t line_start = nl == std::string_view::npos ? 0 : nl + 1;
    std::string_view last = t.substr(line_start);
    std::size_t sp = last.find_last_of(" \t");
    std::string_view word = sp == std::string_view::npos ? last : last.substr(sp + 1);
    std::string_view before = sp == std::string_view::npos ? std::string_view() : last.substr(0, sp + 1);
    while (!word.empty() && word.back() == '.') word.remove_suffix(1);
    std::string l = lower_ascii(word);
    if (l != "reuter" && l != "reuters" && l != "reute") return std::string(t);
    // On a line with text, only after a run of spaces or after a sentence ("ounce. REUTER");
    // "... a Reuter" or "told Reuters." is text.
    std::string_view prev = trim(before);
    bool after_sentence = !prev.empty() && (prev.back() == '.' || prev.back() == '"' || prev.back() == ')') &&
                          (word == "REUTER" || word == "Reuter") && word.size() == last.size() - sp - 1;
    if (!prev.empty() && !before.ends_with("  ") && !after_sentence) return std::string(t);
    return std::string(trim(t.substr(0, line_start + before.size())));
}

/// Removes the closing signature, twice when the wire repeated it ("REUTER\n Reuter").
std::string drop_signature(std::string_view text) {
    std::string t = drop_one_signature(text);
    for (int i = 0; i < 2; ++i) {
        std::string again = drop_one_signature(t);
        if (again.size() == t.size()) break;
        t = std::move(again);
    }
    return t;
}

/// Wire text -> paragraphs: an indented line or a blank line starts a new paragraph; the
/// lines of one paragraph (hard-wrapped at ~70 columns) are joined with spaces.
std::vector<std::string> wire_paragraphs(std::string_view text) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        if (!cur.empty()) out.push_back(std::move(cur));
        cur.clear();
    };
    std::size_t b = 0;
    while (b <= text.size()) {
        std::size_t e = text.find('\n', b);
        if (e == std::string_view::npos) e = text.size();
        std::string_view line = text.substr(b, e - b);
        b = e + 1;
        std::string_view t = trim(line);
        if (t.empty()) {
            flush();
            continue;
        }
        if (is_space(line.front())) flush();
        if (!cur.empty()) cur += ' ';
        cur += collapse(t);
    }
    flush();
    return out;
}

bool is_month(std::string_view w) {
    while (!w.empty() && (w.back() == '.' || w.back() == ',')) w.remove_suffix(1);
    static constexpr std::array<std::string_view, 24> months = {
        "jan", "january", "feb",    "february", "mar",  "march",     "apr", "april",   "may", "jun",
        "june", "jul",    "july",   "aug",      "august", "sep",     "sept", "september", "oct", "october",
        "nov", "november", "dec",   "december"};
    std::string l = lower_ascii(w);
    return std::find(months.begin(), months.end(), l) != months.end();
}

/// A day of the month as the wire typed it: "26", "2O" (letter O), "l" (letter l), "11-"
/// (the dash glued), "119" (a typo).
bool is_day(std::string_view w) {
    while (!w.empty() && (w.back() == ',' || w.back() == '.' || w.back() == '-')) w.remove_suffix(1);
    if (w.empty() || w.size() > 3) return false;
    bool digit = false;
    for (char c : w) {
        if (std::isdigit(static_cast<unsigned char>(c))) digit = true;
        else if (c != 'l' && c != 'O' && c != 'o') return false;
    }
    return digit || w == "l";
}

/// A word in the place of a month: a month name, or (misspelt: "Narch", "Junee", "ABR",
/// "APri") any word of 2 to 9 letters when @p loose.
bool is_monthish(std::string_view w, bool loose) {
    while (!w.empty() && w.back() == '.') w.remove_suffix(1);
    if (is_month(w)) return true;
    if (!loose || w.size() < 2 || w.size() > 9) return false;
    return std::all_of(w.begin(), w.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
}

/// A title-case word ("Narch"), as a misspelt month is written after a place.
bool is_title_case(std::string_view w) {
    if (w.empty() || !std::isupper(static_cast<unsigned char>(w[0]))) return false;
    return std::all_of(w.begin() + 1, w.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)) != 0 || c == '.'; });
}

bool all_upper(std::string_view w) {
    return std::none_of(w.begin(), w.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)) != 0; });
}

std::vector<std::string> split_words(std::string_view s) {
    std::vector<std::string> out;
    for (std::size_t b = 0; b < s.size();) {
        std::size_t e = s.find(' ', b);
        if (e == std::string_view::npos) e = s.size();
        if (e > b) out.emplace_back(s.substr(b, e - b));
        b = e + 1;
    }
    return out;
}

/// Is this comma-separated piece of a dateline a date ("Feb 26", "2 March", "April",
/// "June 18-"; when @p loose also misspelt: "Narch 2") or the agency ("Reuter")?
bool is_date_piece(const std::vector<std::string>& w, bool loose) {
    if (w.size() == 1) {
        std::string l = lower_ascii(w[0]);
        return is_month(w[0]) || is_day(w[0]) || l == "reuter" || l == "reuters";
    }
    if (w.size() == 2) return (is_monthish(w[0], loose) && is_day(w[1])) || (is_day(w[0]) && is_month(w[1]));
    return false;
}

std::optional<std::string> reuters_date(std::string_view raw) { return date::parse(raw); }

/// Authors of an <AUTHOR> line: "    By Jane Doe and John Roe, Reuters".
std::vector<std::string> reuters_authors(std::string_view raw) {
    std::string s = collapse(raw);
    if (s.size() > 3 && lower_ascii(s.substr(0, 3)) == "by ") s = s.substr(3);
    for (std::string_view tail : {", reuters", ", reuter", " reuters", " reuter"}) {
        if (s.size() > tail.size() && lower_ascii(s.substr(s.size() - tail.size())) == tail) {
            s.resize(s.size() - tail.size());
            break;
        }
    }
    return split_names(s);
}

/// Text and title of a record without <BODY>: what <TEXT> holds outside its sub-elements.
std::string text_outside_elements(std::string_view raw, std::string_view lower_raw) {
    std::string out;
    std::array<bool, 4> never_closed{};
    std::size_t i = 0;
    while (i < raw.size()) {
        if (raw[i] != '<') {
            out += raw[i++];
            continue;
        }
        std::size_t gt = raw.find('>', i);
        if (gt == std::string_view::npos) break;
        std::string_view tag = lower_raw.substr(i + 1, gt - i - 1);
        std::string_view name = tag.substr(0, tag.find_first_of(" \t\n"));
        i = gt + 1;
        // The sub-elements read elsewhere are skipped whole; any other tag is dropped alone.
        static constexpr std::array<std::string_view, 4> read_elsewhere = {"title", "dateline", "author", "body"};
        auto k = static_cast<std::size_t>(std::find(read_elsewhere.begin(), read_elsewhere.end(), name) - read_elsewhere.begin());
        if (k == read_elsewhere.size() || never_closed[k]) continue;
        std::string close(name);
        close.insert(0, "</");
        std::size_t c = lower_raw.find(close, i);
        if (c == std::string_view::npos) {
            never_closed[k] = true;  // nor will it be further on: no search twice
            continue;
        }
        std::size_t cgt = raw.find('>', c);
        i = cgt == std::string_view::npos ? raw.size() : cgt + 1;
    }
    return out;
}

}  // namespace

std::string decode_sgml_entities(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '&') {
            std::size_t semi = s.substr(i + 1, 12).find(';');
            if (semi != std::string_view::npos) {
                semi += i + 1;
                std::string_view ref = s.substr(i + 1, semi - i - 1);
                if (ref.size() >= 2 && ref[0] == '#') {
                    bool hex = ref[1] == 'x' || ref[1] == 'X';
                    std::string_view digits = ref.substr(hex ? 2 : 1);
                    char32_t cp = 0;
                    bool ok = !digits.empty();
                    for (char d : digits) {
                        int v = std::isdigit(static_cast<unsigned char>(d)) ? d - '0'
                                : hex && std::isxdigit(static_cast<unsigned char>(d))
                                    ? std::tolower(static_cast<unsigned char>(d)) - 'a' + 10
                                    : -1;
                        if (v < 0 || cp > 0x10FFFF) {
                            ok = false;
                            break;
                        }
                        cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(v);
                    }
                    if (ok && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF) && cp != 0) {
                        if (!is_control(cp)) append_utf8(out, cp);
                        i = semi;
                        continue;
                    }
                } else {
                    static const std::map<std::string_view, std::string_view> named = {
                        {"lt", "<"}, {"gt", ">"}, {"amp", "&"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", "\xC2\xA0"}};
                    auto it = named.find(ref);
                    if (it != named.end()) {
                        out += it->second;
                        i = semi;
                        continue;
                    }
                }
            }
            out += c;
            continue;
        }
        // Raw control bytes (bytes from 0x80 on belong to UTF-8 sequences: left alone).
        if (auto u = static_cast<unsigned char>(c); (u < 0x20 && c != '\t' && c != '\n') || u == 0x7F) continue;
        out += c;
    }
    return out;
}

namespace {

// What the wire put inside <DATELINE> after the dash that ends its date: the first words of
// the story (61 records of Reuters-21578, "THE HAGUE, March 2 - Dutch imports of fat-
// </DATELINE><BODY>and oil-bearing ..."). Empty when only the dash is there, or no dash
// follows a date ("TOKYO - ", "GLENFORD, Md., - March 4 - ").
std::string dateline_overflow(std::string_view dateline) {
    std::string s = collapse(dateline);
    for (std::size_t cut = s.find(" -"); cut != std::string::npos; cut = s.find(" -", cut + 1)) {
        const std::string_view head = std::string_view(s).substr(0, cut);
        std::string_view before = head.substr(head.rfind(' ') + 1);  // the word before the dash (npos + 1: all)
        while (!before.empty() && before.back() == ',') before.remove_suffix(1);
        bool date = is_month(before) || std::any_of(before.begin(), before.end(), [](char c) {
                        return std::isdigit(static_cast<unsigned char>(c)) != 0;
                    });
        if (!date) continue;
        std::size_t b = cut + 2;
        while (b < s.size() && (s[b] == '-' || s[b] == ' ')) ++b;
        return s.substr(b);
    }
    return {};
}

// @p overflow in front of the body's first paragraph. A word cut at a hyphen joins the next
// ("anti-" + "inflation", "Iraq-" + "Turkey"), except before a conjunction, where the hyphen
// is suspended ("fat- and oil-bearing", "Vereins- und Westbank").
void prepend_overflow(std::vector<std::string>& paragraphs, const std::string& overflow) {
    if (overflow.empty()) return;
    if (paragraphs.empty()) {
        paragraphs.push_back(overflow);
        return;
    }
    std::string& first = paragraphs.front();
    const std::string next = first.substr(0, first.find(' '));
    static constexpr std::array<std::string_view, 6> conjunctions = {"and", "or", "und", "oder", "et", "to"};
    const bool cut_word = overflow.size() >= 2 && overflow.back() == '-' &&
                          std::isalnum(static_cast<unsigned char>(overflow[overflow.size() - 2])) &&
                          std::find(conjunctions.begin(), conjunctions.end(), next) == conjunctions.end();
    first = overflow + (cut_word ? "" : " ") + first;
}

}  // namespace

std::string reuters_dateline(std::string_view dateline) {
    std::string s = collapse(dateline);
    // The dateline ends at the first dash after a space: " - ", " -- ", " -" at the end.
    if (std::size_t cut = s.find(" -"); cut != std::string::npos) s.resize(cut);
    // Comma-separated pieces; the trailing ones that are a date or "Reuter" go.
    std::vector<std::vector<std::string>> pieces;
    for (std::size_t b = 0; b <= s.size();) {
        std::size_t e = s.find(',', b);
        if (e == std::string::npos) e = s.size();
        if (auto w = split_words(std::string_view(s).substr(b, e - b)); !w.empty()) pieces.push_back(std::move(w));
        b = e + 1;
    }
    while (pieces.size() > 1 && is_date_piece(pieces.back(), true)) pieces.pop_back();
    // A dateline that is only a date ("APRIL 7 - ") names no place.
    if (pieces.empty() || is_date_piece(pieces.front(), false)) return {};
    // A date left inside the last piece: "Okla. March 11", "JOHANNESBURG March 13", "2 March".
    std::vector<std::string>& last = pieces.back();
    if (last.size() >= 2 && is_day(last.back())) {
        bool month_before = last.size() >= 3 && (is_month(last[last.size() - 2]) || is_title_case(last[last.size() - 2]));
        last.resize(last.size() - (month_before ? 2 : 1));
    } else if (last.size() >= 3 && is_month(last.back()) && is_day(last[last.size() - 2])) {
        last.resize(last.size() - 2);
    } else if (last.size() >= 2 && is_month(last.back()) && !all_upper(last.back())) {
        last.pop_back();
    }
    std::string place;
    for (const auto& piece : pieces) {
        std::string joined;
        for (const std::string& w : piece) {
            if (!joined.empty()) joined += ' ';
            joined += w;
        }
        bool letters = std::any_of(joined.begin(), joined.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
        if (!letters) continue;  // "Hauppauge, N.Y,. March 13": the stray "."
        if (!place.empty()) place += ", ";
        place += joined;
    }
    // Flash marks ("****LONDON") go; table debris ("- Position of", "(totals", "us 7.8015")
    // is no place.
    place.erase(0, std::min(place.find_first_not_of('*'), place.size()));
    if (place.empty() || !std::isalpha(static_cast<unsigned char>(place.front())) || place.size() > 60) return {};
    if (std::any_of(place.begin(), place.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }))
        return {};
    return place;
}

std::vector<Article> read_sgml(const std::string& content, const std::string& path, const std::string& id,
                               LineMessages& errors, LineMessages& warnings) {
    const std::string lower = lower_ascii(content);
    const std::string_view lv = lower;
    std::vector<Article> out;
    std::map<std::string, std::size_t> seen;  // NEWID -> line of its record
    std::size_t pos = 0, line = 1, line_pos = 0, ordinal = 0;
    bool any = false;
    while (true) {
        std::size_t start = lv.find("<reuters", pos);
        while (start != std::string_view::npos && start + 8 < lv.size() && lv[start + 8] != '>' &&
               !is_space(lv[start + 8]))
            start = lv.find("<reuters", start + 8);
        if (start == std::string_view::npos || start + 8 >= lv.size()) break;
        any = true;
        ++ordinal;
        line += static_cast<std::size_t>(std::count(content.begin() + static_cast<std::ptrdiff_t>(line_pos),
                                                    content.begin() + static_cast<std::ptrdiff_t>(start), '\n'));
        line_pos = start;
        const std::size_t rec_line = line;
        std::size_t gt = lv.find('>', start);
        if (gt == std::string_view::npos) {
            errors.emplace_back(rec_line, "<REUTERS tag is never closed with '>'");
            break;
        }
        // The record ends at </REUTERS>, or (never closed) where the next one begins.
        std::size_t next = lv.find("<reuters", gt);
        std::size_t close = lv.substr(0, next).find("</reuters>", gt);
        std::size_t end, after;
        if (close != std::string_view::npos && (next == std::string_view::npos || close < next)) {
            end = close;
            after = close + 10;
        } else {
            end = after = next == std::string_view::npos ? lv.size() : next;
            warnings.emplace_back(rec_line, "record is not closed with </REUTERS>");
        }
        pos = after;

        auto attrs = parse_attributes(std::string_view(content).substr(start + 8, gt - start - 8));
        auto raw = [&](const Span& s) { return std::string_view(content).substr(s.begin, s.end - s.begin); };
        auto field = [&](std::size_t from, std::size_t to, std::string_view tag) -> std::optional<std::string> {
            auto s = find_element(lv, from, to, tag);
            if (!s) return std::nullopt;
            return decode_sgml_entities(raw(*s));
        };
        auto codes = [&](std::string_view list_tag) {
            std::vector<std::string> v;
            auto list = find_element(lv, gt, end, list_tag);
            if (!list) return v;
            for (std::size_t p = list->begin; p < list->end;) {
                auto d = find_element(lv, p, list->end, "d");
                if (!d) break;
                std::string code = collapse(decode_sgml_entities(raw(*d)));
                if (!code.empty() && std::find(v.begin(), v.end(), code) == v.end()) v.push_back(code);
                p = d->after;
            }
            return v;
        };

        Article a;
        a.path = path;
        a.source = "Reuters";
        a.language = "en";
        std::string newid = collapse(attrs["NEWID"]);
        if (newid.empty()) {
            newid = std::to_string(ordinal);
            warnings.emplace_back(rec_line, "record has no NEWID attribute; numbered " + newid + " by its position");
        }
        a.id = id + "#" + newid;
        a.line = rec_line;
        if (auto [it, fresh] = seen.emplace(newid, rec_line); !fresh) {
            errors.emplace_back(rec_line, "NEWID " + newid + " repeats the record at line " + std::to_string(it->second));
            continue;
        }

        if (auto d = field(gt, end, "date")) {
            std::string value = collapse(*d);
            if (auto iso = reuters_date(value)) a.date = *iso;
            else warnings.emplace_back(rec_line, "NEWID " + newid + ": date '" + value + "' is not a date; left empty");
        }
        a.topics = codes("topics");
        for (std::string& p : codes("places"))
            if (std::find(a.topics.begin(), a.topics.end(), p) == a.topics.end()) a.topics.push_back(std::move(p));

        auto text = find_element(lv, gt, end, "text");
        std::size_t tb = text ? text->begin : gt, te = text ? text->end : end;
        if (auto t = field(tb, te, "title")) a.title = collapse(*t);
        std::string overflow;
        if (auto d = field(tb, te, "dateline")) {
            a.dateline = reuters_dateline(*d);
            overflow = dateline_overflow(*d);
        }
        if (auto au = field(tb, te, "author")) a.authors = reuters_authors(*au);
        std::vector<std::string> paragraphs;
        if (auto body = field(tb, te, "body")) paragraphs = wire_paragraphs(drop_signature(drop_caret_m(*body)));
        if (paragraphs.empty() && text) {
            // BRIEF and UNPROC records: what <TEXT> holds besides its sub-elements.
            std::string rest = decode_sgml_entities(text_outside_elements(raw(*text), lv.substr(text->begin, text->end - text->begin)));
            rest = drop_signature(drop_caret_m(rest));
            std::string kept;
            std::size_t b = 0;
            bool first = true;
            while (b <= rest.size()) {
                std::size_t e = rest.find('\n', b);
                if (e == std::string::npos) e = rest.size();
                std::string_view l = rest;
                l = l.substr(b, e - b);
                b = e + 1;
                std::string_view t = trim(l);
                while (!t.empty() && t.front() == '*') t.remove_prefix(1);  // "******" flash marks
                if (t.empty() || t == "Blah blah blah.") {
                    if (!first) kept += '\n';
                    continue;
                }
                if (first && a.title.empty()) {  // UNPROC: the first line is the headline
                    a.title = collapse(t);
                    first = false;
                    continue;
                }
                first = false;
                kept += l;
                kept += '\n';
            }
            paragraphs = wire_paragraphs(kept);
        }
        prepend_overflow(paragraphs, overflow);  // (the story's first words, whichever way its text came)
        if (paragraphs.empty() && !a.title.empty()) paragraphs.push_back(a.title);
        // A record with no text at all (NEWID 12793) is still a record: its date, places and
        // topics are kept and searchable, so every <REUTERS> record becomes an article.
        a.text = join_paragraphs(paragraphs);
        a.fields_complete = true;  // <DATELINE>, <AUTHOR>: nothing to look for in the text
        out.push_back(std::move(a));
    }
    if (!any) throw ReadError("no <REUTERS> records in this SGML file");
    return out;
}

}  // namespace news::readers
