/// @file
/// @brief Dates: parsing the many forms articles use, and query date values and ranges.
#pragma once

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

/// A query date: "2024", "2024-01", "2024-01-30", or a range "A..B", "..B", "A.." of those.
/// On failure returns nullopt and sets @p error (and @p error_offset, bytes into @p text).
[[nodiscard]] std::optional<Range> parse_query(std::string_view text, std::string& error, std::size_t& error_offset);

[[nodiscard]] bool valid_ymd(int y, int m, int d);

/// The fewest whole years, months and days that cover the days lo..hi (value strings
/// "YYYYMMDD", lo <= hi), in order: "2024" a year, "202402" a month, "20240130" a day.
/// "20231215".."20240229" gives 20231215 ... 20231231, 2024 is not whole: 202401, 202402.
/// Empty when more than @p max periods would be needed.
[[nodiscard]] std::vector<std::string> covering_periods(std::string_view lo, std::string_view hi, std::size_t max);

}  // namespace news::date
