/// @file
/// @brief Dates: parsing the many forms articles use, and query date values and ranges.
#pragma once

#include <ctime>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace news::date {

/// An article date in ISO form ("2024-01-30"), or nullopt when @p text is no valid date.
///
/// Accepts ISO dates with or without a time ("2024-01-30T08:00:00Z"), "2024/01/30",
/// "20240130", "30 January 2024", "January 30, 2024", "Jan. 30, 2024",
/// "Tue, 30 Jan 2024 08:00:00 GMT" and Reuters' "26-FEB-1987 15:01:01.79".
/// Never guesses: an impossible day ("2023-02-30") is nullopt.
[[nodiscard]] std::optional<std::string> parse(std::string_view text);

/// ISO date -> sortable value-slot string ("2024-01-30" -> "20240130").
[[nodiscard]] std::string to_value(std::string_view iso);

/// An inclusive range of value-slot strings; an empty bound is open.
struct Range {
    std::string lo, hi;
};

/// A query date: "2024", "2024-01", "2024-01-30", "2024-q3", "march 2024", "march 5, 2024",
/// or said relative to @p today (a value "YYYYMMDD"): "today" (or "now"), "yesterday", "this
/// week" / "last week" (calendar weeks, Monday to Sunday), "this month", "last month", "this
/// quarter", "last year" ..., "past 30 days" / "last 7 days" / "past 3 months" / "past year"
/// (the rolling window ending today); a range "A..B", "..B", "A.." of any of those (A's first
/// day to B's last: "2016-10..now"); "since A" / "from A", "until B", "before B", "after A".
/// On failure returns nullopt and sets @p error (and @p error_offset, bytes into @p text).
[[nodiscard]] std::optional<Range> parse_query(std::string_view text, std::string& error, std::size_t& error_offset,
                                               std::string_view today);
/// The same, relative to today_utc().
[[nodiscard]] std::optional<Range> parse_query(std::string_view text, std::string& error, std::size_t& error_offset);

/// Today's date in UTC, as a value "YYYYMMDD".
[[nodiscard]] std::string today_utc();
/// The date (a value "YYYYMMDD") at @p now (the current time when none) in the IANA time
/// zone @p tz ("" or "UTC": UTC); nullopt and @p error for an unknown zone.
[[nodiscard]] std::optional<std::string> today_in(std::string_view tz, std::optional<std::time_t> now, std::string& error);
/// news-search --now: "YYYY-MM-DD" (midnight UTC) or "YYYY-MM-DDTHH:MM[:SS][Z]" (UTC), as seconds.
[[nodiscard]] std::optional<std::time_t> parse_now(std::string_view text);

[[nodiscard]] bool valid_ymd(int y, int m, int d);

/// The fewest whole years, months and days that cover the days lo..hi (value strings
/// "YYYYMMDD", lo <= hi), in order: "2024" a year, "202402" a month, "20240130" a day.
/// "20231215".."20240229" gives 20231215 ... 20231231, 2024 is not whole: 202401, 202402.
/// Empty when more than @p max periods would be needed.
[[nodiscard]] std::vector<std::string> covering_periods(std::string_view lo, std::string_view hi, std::size_t max);

}  // namespace news::date
