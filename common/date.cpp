/// @file
/// @brief Date parsing without guessing.
#include "common/date.h"

#include <unicode/timezone.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <array>
#include <memory>
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

namespace {

// Days since 1970-01-01 of a civil date, and back (H. Hinnant's algorithms).
long days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

std::string value_of_days(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const int y = static_cast<int>(yoe + era * 400 + (m <= 2));
    if (y < 1000 || y > 9999) return {};  // (outside what dates hold: no value)
    return to_value(iso(y, m, d));
}

long days_of_value(std::string_view v) {
    return days_from_civil(std::stoi(std::string(v.substr(0, 4))), std::stoi(std::string(v.substr(4, 2))),
                           std::stoi(std::string(v.substr(6, 2))));
}

int last_day_of(int y, int m) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : kDays[(m - 1) % 12];
}

/// A year of four digits, as parse_bound takes it (1000 to 9999), or 0.
int year_word(const std::string& w) { return w.size() == 4 && all_digits(w) && w[0] != '0' ? std::stoi(w) : 0; }

/// The words of a relative date, lower case, separated by spaces ("Last  Week" -> "last week").
std::vector<std::string> words_of(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (c == ' ' || c == '\t' || c == ',') {
            if (!cur.empty()) out.push_back(std::move(cur)), cur.clear();
            continue;
        }
        cur += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

/// One period, as values (first and last day): what parse_bound reads, and the forms said
/// relative to @p today (a value "YYYYMMDD"; empty: none of those).
std::optional<Range> parse_period_unchecked(std::string_view text, std::string_view today);

/// ... and only the periods within the years 1000 to 9999 ("past 9000 years" is not one).
std::optional<Range> parse_period(std::string_view text, std::string_view today) {
    std::optional<Range> r = parse_period_unchecked(text, today);
    auto sane = [](const std::string& v) { return v.size() == 8 && all_digits(v) && v[0] != '0'; };
    if (r && (!sane(r->lo) || !sane(r->hi) || r->lo > r->hi)) return std::nullopt;
    return r;
}

std::optional<Range> parse_period_unchecked(std::string_view text, std::string_view today) {
    if (auto r = parse_bound(text)) return Range{to_value(r->lo), to_value(r->hi)};
    const std::vector<std::string> w = words_of(text);
    if (w.empty()) return std::nullopt;
    // 2016-q3, q3 2016, 2016 q3
    auto quarter = [](const std::string& y, const std::string& q) -> std::optional<Range> {
        const int year = year_word(y);
        if (!year || q.size() != 2 || q[0] != 'q' || q[1] < '1' || q[1] > '4') return std::nullopt;
        const int first = (q[1] - '1') * 3 + 1;
        return Range{to_value(iso(year, first, 1)), to_value(iso(year, first + 2, last_day_of(year, first + 2)))};
    };
    if (w.size() == 1 && w[0].size() == 7 && w[0][4] == '-')
        if (auto r = quarter(w[0].substr(0, 4), w[0].substr(5))) return r;
    if (w.size() == 2) {
        if (auto r = quarter(w[1], w[0])) return r;
        if (auto r = quarter(w[0], w[1])) return r;
        // march 2016, 2016 march
        for (auto [mw, yw] : {std::pair{0, 1}, std::pair{1, 0}})
            if (const int m = month_of(w[mw]), y = year_word(w[yw]); m && y) {
                return Range{to_value(iso(y, m, 1)), to_value(iso(y, m, last_day_of(y, m)))};
            }
    }
    // A whole date as articles write them: "march 5, 2016", "5 march 2016".
    if (w.size() == 3)
        if (auto d = parse(text)) return Range{to_value(*d), to_value(*d)};
    if (today.size() != 8) return std::nullopt;
    const long t = days_of_value(today);
    const int ty = std::stoi(std::string(today.substr(0, 4))), tm = std::stoi(std::string(today.substr(4, 2)));
    auto days = [](long a, long b) { return Range{value_of_days(a), value_of_days(b)}; };
    if (w.size() == 1 && (w[0] == "today" || w[0] == "now")) return days(t, t);
    if (w.size() == 1 && w[0] == "yesterday") return days(t - 1, t - 1);
    auto month_range = [](int y, int m) {
        while (m < 1) m += 12, --y;
        return Range{to_value(iso(y, m, 1)), to_value(iso(y, m, last_day_of(y, m)))};
    };
    if (w.size() == 2 && (w[0] == "this" || w[0] == "last")) {
        const int back = w[0] == "last";
        const long monday = t - ((t + 3) % 7 + 7) % 7;  // 1970-01-01 was a Thursday
        if (w[1] == "week") return days(monday - 7 * back, monday - 7 * back + 6);
        if (w[1] == "month") return month_range(ty, tm - back);
        if (w[1] == "quarter") {
            int q = (tm - 1) / 3 - back, y = ty;
            if (q < 0) q += 4, --y;
            return Range{to_value(iso(y, q * 3 + 1, 1)), to_value(iso(y, q * 3 + 3, last_day_of(y, q * 3 + 3)))};
        }
        if (w[1] == "year") return Range{to_value(iso(ty - back, 1, 1)), to_value(iso(ty - back, 12, 31))};
    }
    // past 30 days, last 7 days, past 3 months, past year: the rolling window ending today
    if ((w.size() == 3 || w.size() == 2) && (w[0] == "past" || w[0] == "last")) {
        long n = 1;
        if (w.size() == 3) {
            if (!all_digits(w[1]) || w[1].size() > 5) return std::nullopt;
            n = std::stol(w[1]);
            if (n < 1) return std::nullopt;
        }
        std::string unit = w.back();
        if (unit.size() > 1 && unit.back() == 's') unit.pop_back();
        if (unit == "day") return days(t - n + 1, t);
        if (unit == "week") return days(t - 7 * n + 1, t);
        if (unit == "month" || unit == "year") {
            long months = unit == "month" ? n : 12 * n;
            int y = ty, m = tm - static_cast<int>(months % 12);
            y -= static_cast<int>(months / 12);
            while (m < 1) m += 12, --y;
            const int d = std::min(std::stoi(std::string(today.substr(6, 2))), last_day_of(y, m));
            return days(days_from_civil(y, m, d) + 1, t);
        }
    }
    return std::nullopt;
}

const char* const kDateForms =
    "expected a date like 2024, 2024-01, 2024-01-30, 2024-q3, \"march 2024\", today, yesterday, \"last week\", "
    "\"this month\", \"past 30 days\", \"since march 2024\", or a range 2024-01-01..now";

}  // namespace

std::optional<Range> parse_query(std::string_view text, std::string& error, std::size_t& error_offset) {
    return parse_query(text, error, error_offset, today_utc());
}

std::optional<Range> parse_query(std::string_view text, std::string& error, std::size_t& error_offset, std::string_view today) {
    error_offset = 0;
    // since X, until X, before X, after X
    const std::vector<std::string> w = words_of(text);
    if (!w.empty() && (w[0] == "since" || w[0] == "from" || w[0] == "until" || w[0] == "till" || w[0] == "before" ||
                       w[0] == "after")) {
        const std::size_t skip = text.find_first_not_of(" \t", text.find_first_of(" \t"));
        if (skip == std::string_view::npos) {
            error = "'" + w[0] + "' needs a date after it, as in \"" + w[0] + " march 2024\"";
            return std::nullopt;
        }
        auto r = parse_period(text.substr(skip), today);
        if (!r) {
            error = "bad date '" + std::string(text.substr(skip)) + "': " + kDateForms;
            error_offset = skip;
            return std::nullopt;
        }
        if (w[0] == "since" || w[0] == "from") return Range{r->lo, ""};
        if (w[0] == "until" || w[0] == "till") return Range{"", r->hi};
        const std::string edge = w[0] == "before" ? value_of_days(days_of_value(r->lo) - 1) : value_of_days(days_of_value(r->hi) + 1);
        if (edge.empty()) {
            error = "'" + std::string(text) + "' reaches past the years 1000 to 9999";
            return std::nullopt;
        }
        return w[0] == "before" ? Range{"", edge} : Range{edge, ""};
    }
    std::size_t dots = text.find("..");
    if (dots == std::string_view::npos) {
        auto r = parse_period(text, today);
        if (!r) {
            error = "bad date '" + std::string(text) + "': " + kDateForms;
            return std::nullopt;
        }
        return r;
    }
    std::string_view lo = text.substr(0, dots), hi = text.substr(dots + 2);
    if (lo.empty() && hi.empty()) {
        error = std::string("empty date range: ") + kDateForms;
        return std::nullopt;
    }
    Range out;
    if (!lo.empty()) {
        auto r = parse_period(lo, today);
        if (!r) {
            error = "bad start date '" + std::string(lo) + "': " + kDateForms;
            return std::nullopt;
        }
        out.lo = r->lo;
    }
    if (!hi.empty()) {
        auto r = parse_period(hi, today);
        if (!r) {
            error = "bad end date '" + std::string(hi) + "': " + kDateForms;
            error_offset = dots + 2;
            return std::nullopt;
        }
        out.hi = r->hi;
    }
    if (!out.lo.empty() && !out.hi.empty() && out.lo > out.hi) {
        error = "date range ends before it starts";
        return std::nullopt;
    }
    return out;
}

std::string today_utc() {
    const long days = static_cast<long>(std::time(nullptr) / 86400);
    return value_of_days(days);
}

std::optional<std::string> today_in(std::string_view tz, std::optional<std::time_t> now, std::string& error) {
    const std::time_t at = now ? *now : std::time(nullptr);
    if (tz.empty() || tz == "UTC") return value_of_days(static_cast<long>((at >= 0 ? at : at - 86399) / 86400));
    icu::UnicodeString id = icu::UnicodeString::fromUTF8(icu::StringPiece(tz.data(), static_cast<int32_t>(tz.size())));
    std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(id));
    if (!zone || *zone == icu::TimeZone::getUnknown()) {
        error = "unknown time zone '" + std::string(tz) + "' (an IANA name such as Europe/Paris or America/New_York)";
        return std::nullopt;
    }
    int32_t raw = 0, dst = 0;
    UErrorCode status = U_ZERO_ERROR;
    zone->getOffset(static_cast<UDate>(at) * 1000.0, false, raw, dst, status);
    if (U_FAILURE(status)) {
        error = "time zone '" + std::string(tz) + "': " + u_errorName(status);
        return std::nullopt;
    }
    const std::time_t local = at + (raw + dst) / 1000;
    return value_of_days(static_cast<long>((local >= 0 ? local : local - 86399) / 86400));
}

std::optional<std::time_t> parse_now(std::string_view text) {
    // YYYY-MM-DD (midnight UTC) or YYYY-MM-DDTHH:MM[:SS][Z]
    if (text.size() < 10) return std::nullopt;
    auto r = parse_bound(text.substr(0, 10));
    if (!r || r->lo != r->hi || text.substr(0, 10).find('-') != 4) return std::nullopt;
    long secs = 0;
    std::string_view rest = text.substr(10);
    if (!rest.empty()) {
        if (rest[0] != 'T' && rest[0] != ' ') return std::nullopt;
        rest.remove_prefix(1);
        if (!rest.empty() && rest.back() == 'Z') rest.remove_suffix(1);
        int h = 0, m = 0, s = 0;
        if (rest.size() == 5 && rest[2] == ':' && all_digits(rest.substr(0, 2)) && all_digits(rest.substr(3, 2))) {
            h = std::stoi(std::string(rest.substr(0, 2))), m = std::stoi(std::string(rest.substr(3, 2)));
        } else if (rest.size() == 8 && rest[2] == ':' && rest[5] == ':' && all_digits(rest.substr(0, 2)) &&
                   all_digits(rest.substr(3, 2)) && all_digits(rest.substr(6, 2))) {
            h = std::stoi(std::string(rest.substr(0, 2))), m = std::stoi(std::string(rest.substr(3, 2)));
            s = std::stoi(std::string(rest.substr(6, 2)));
        } else {
            return std::nullopt;
        }
        if (h > 23 || m > 59 || s > 60) return std::nullopt;
        secs = h * 3600L + m * 60L + s;
    }
    return static_cast<std::time_t>(days_of_value(to_value(r->lo)) * 86400L + secs);
}

}  // namespace news::date
