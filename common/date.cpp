/// @file
/// @brief Date parsing without guessing.
#include "common/date.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <vector>

namespace news::date {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                       "jul", "aug", "sep", "oct", "nov", "dec"};

int month_of(std::string_view word) {
    if (word.size() < 3) return 0;
    std::string w;
    for (char c : word) w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (w == "sept") w = "sep";
    for (std::size_t i = 0; i < kMonths.size(); ++i) {
        if (w.compare(0, 3, kMonths[i]) != 0) continue;
        static constexpr std::array<std::string_view, 12> full = {"january", "february", "march", "april", "may", "june",
                                                                 "july", "august", "september", "october", "november",
                                                                 "december"};
        // Accept "jan", "sep", "sept" and the full name, not "janitor".
        if (w.size() == 3 || w == full[i] || (i == 8 && w == "sep")) return static_cast<int>(i) + 1;
    }
    return 0;
}

// Splits into runs of digits and runs of letters; everything else separates.
std::vector<std::string> pieces(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    int kind = 0;  // 1 digit, 2 alpha
    for (char c : s) {
        int k = std::isdigit(static_cast<unsigned char>(c)) ? 1 : std::isalpha(static_cast<unsigned char>(c)) ? 2 : 0;
        if (k != kind && !cur.empty()) out.push_back(std::move(cur)), cur.clear();
        kind = k;
        if (k) cur += c;
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

std::string iso(int y, int m, int d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

std::optional<std::string> checked(int y, int m, int d) {
    if (!valid_ymd(y, m, d)) return std::nullopt;
    return iso(y, m, d);
}

int year_of(const std::string& s) {
    if (!all_digits(s)) return -1;
    if (s.size() == 4) return std::stoi(s);
    if (s.size() == 2) {  // Reuters' two-digit years are 19xx
        int y = std::stoi(s);
        return y >= 50 ? 1900 + y : 2000 + y;
    }
    return -1;
}

}  // namespace

bool valid_ymd(int y, int m, int d) {
    if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

std::optional<std::string> parse(std::string_view text) {
    std::vector<std::string> p = pieces(text);
    if (p.empty()) return std::nullopt;
    // 20240130
    if (p.size() == 1 && p[0].size() == 8 && all_digits(p[0]))
        return checked(std::stoi(p[0].substr(0, 4)), std::stoi(p[0].substr(4, 2)), std::stoi(p[0].substr(6, 2)));
    // Drop a leading weekday ("Tue, 30 Jan 2024").
    if (!all_digits(p[0]) && month_of(p[0]) == 0 && p.size() > 1) p.erase(p.begin());
    if (p.size() < 3) return std::nullopt;
    // 2024-01-30, 2024/01/30, 2024-01-30T08:00
    if (p[0].size() == 4 && all_digits(p[0]) && all_digits(p[1]) && all_digits(p[2]) && p[1].size() <= 2 &&
        p[2].size() <= 2)
        return checked(std::stoi(p[0]), std::stoi(p[1]), std::stoi(p[2]));
    // 30 January 2024, 26-FEB-1987
    if (all_digits(p[0]) && p[0].size() <= 2 && month_of(p[1]) && year_of(p[2]) > 0)
        return checked(year_of(p[2]), month_of(p[1]), std::stoi(p[0]));
    // January 30, 2024
    if (month_of(p[0]) && all_digits(p[1]) && p[1].size() <= 2 && p[2].size() == 4 && all_digits(p[2]))
        return checked(std::stoi(p[2]), month_of(p[0]), std::stoi(p[1]));
    return std::nullopt;
}

std::vector<std::string> covering_periods(std::string_view lo, std::string_view hi, std::size_t max) {
    auto ymd = [](std::string_view v) {
        return std::array<int, 3>{std::stoi(std::string(v.substr(0, 4))), std::stoi(std::string(v.substr(4, 2))),
                                  std::stoi(std::string(v.substr(6, 2)))};
    };
    auto last_day = [](int y, int m) {
        int d = 31;
        while (!valid_ymd(y, m, d)) --d;
        return d;
    };
    auto value = [](int y, int m, int d) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d%02d%02d", y, m, d);
        return std::string(buf);
    };
    std::vector<std::string> out;
    if (lo.size() != 8 || hi.size() != 8 || lo > hi) return out;
    const std::string end(hi);
    auto [y, m, d] = ymd(lo);
    while (value(y, m, d) <= end) {
        if (out.size() == max) return {};
        if (m == 1 && d == 1 && value(y, 12, 31) <= end) {  // the whole year
            out.push_back(value(y, 1, 1).substr(0, 4));
            ++y;
        } else if (d == 1 && value(y, m, last_day(y, m)) <= end) {  // the whole month
            out.push_back(value(y, m, 1).substr(0, 6));
            if (++m > 12) m = 1, ++y;
        } else {
            out.push_back(value(y, m, d));
            if (++d > last_day(y, m)) {
                d = 1;
                if (++m > 12) m = 1, ++y;
            }
        }
        if (y > 9999) break;
    }
    return out;
}

std::string to_value(std::string_view iso_date) {
    std::string v;
    for (char c : iso_date)
        if (c != '-') v += c;
    return v;
}

namespace {

// One bound: "2024" / "2024-01" / "2024-01-30" -> first and last day as values.
std::optional<Range> parse_bound(std::string_view s) {
    int y = 0, m = 0, d = 0;
    auto num = [](std::string_view t, std::size_t n) -> int {
        if (t.size() != n || !all_digits(t)) return -1;
        return std::stoi(std::string(t));
    };
    std::vector<std::string_view> parts;
    std::size_t b = 0;
    for (std::size_t i = 0; i <= s.size(); ++i)
        if (i == s.size() || s[i] == '-') parts.push_back(s.substr(b, i - b)), b = i + 1;
    if (parts.empty() || parts.size() > 3) return std::nullopt;
    y = num(parts[0], 4);
    if (y < 1000) return std::nullopt;
    if (parts.size() == 1) return Range{iso(y, 1, 1), iso(y, 12, 31)};
    m = num(parts[1], 2);
    if (m < 1 || m > 12) return std::nullopt;
    if (parts.size() == 2) {
        int last = 31;
        while (!valid_ymd(y, m, last)) --last;
        return Range{iso(y, m, 1), iso(y, m, last)};
    }
    d = num(parts[2], 2);
    if (!valid_ymd(y, m, d)) return std::nullopt;
    return Range{iso(y, m, d), iso(y, m, d)};
}

}  // namespace

std::optional<Range> parse_query(std::string_view text, std::string& error, std::size_t& error_offset) {
    const std::string expect = "expected a date like 2024, 2024-01, 2024-01-30 or a range 2024-01-01..2024-03-31";
    std::size_t dots = text.find("..");
    if (dots == std::string_view::npos) {
        auto r = parse_bound(text);
        if (!r) {
            error = "bad date '" + std::string(text) + "': " + expect;
            error_offset = 0;
            return std::nullopt;
        }
        return Range{to_value(r->lo), to_value(r->hi)};
    }
    std::string_view lo = text.substr(0, dots), hi = text.substr(dots + 2);
    if (lo.empty() && hi.empty()) {
        error = "empty date range: " + expect;
        error_offset = 0;
        return std::nullopt;
    }
    Range out;
    if (!lo.empty()) {
        auto r = parse_bound(lo);
        if (!r) {
            error = "bad start date '" + std::string(lo) + "': " + expect;
            error_offset = 0;
            return std::nullopt;
        }
        out.lo = to_value(r->lo);
    }
    if (!hi.empty()) {
        auto r = parse_bound(hi);
        if (!r) {
            error = "bad end date '" + std::string(hi) + "': " + expect;
            error_offset = dots + 2;
            return std::nullopt;
        }
        out.hi = to_value(r->hi);
    }
    if (!out.lo.empty() && !out.hi.empty() && out.lo > out.hi) {
        error = "date range ends before it starts";
        error_offset = 0;
        return std::nullopt;
    }
    return out;
}

}  // namespace news::date
