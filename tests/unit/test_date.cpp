/// @file
/// @brief Dates: the forms articles use (never guessed) and query dates and ranges.
#include "common/date.h"

#include <catch2/catch.hpp>

#include <optional>
#include <string>

namespace date = news::date;

TEST_CASE("parse accepts the forms articles use", "[date]") {
    struct Row {
        std::string text, iso;
    };
    auto row = GENERATE(values<Row>({
        {"2024-01-30", "2024-01-30"},
        {"2024-01-30T08:00:00Z", "2024-01-30"},
        {"2024-01-30T08:00:00+05:00", "2024-01-30"},
        {"1987-02-26 15:01", "1987-02-26"},
        {"2024/01/30", "2024-01-30"},
        {"20240130", "2024-01-30"},
        {"30 January 2024", "2024-01-30"},
        {"30 Jan 2024", "2024-01-30"},
        {"January 30, 2024", "2024-01-30"},
        {"Jan. 30, 2024", "2024-01-30"},
        {"Sept. 5, 2023", "2023-09-05"},
        {"Tuesday, January 30, 2024", "2024-01-30"},
        {"Tue, 30 Jan 2024 08:00:00 GMT", "2024-01-30"},
        {"26-FEB-1987 15:01:01.79", "1987-02-26"},
        {"26-FEB-87", "1987-02-26"},
        {"2024-02-29", "2024-02-29"},  // leap year
        {"2000-02-29", "2000-02-29"},  // divisible by 400
    }));
    CAPTURE(row.text);
    const std::optional<std::string> got = date::parse(row.text);
    REQUIRE(got.has_value());
    CHECK(*got == row.iso);
}

TEST_CASE("parse never guesses", "[date]") {
    auto text = GENERATE(as<std::string>{}, "2023-02-30", "2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10",
                         "2024-01-32", "hello", "", "2024", "May 2024", "Janitor 5, 2024", "00000000", "12/25/2024",
                         "31 Feb 2024", "99999999999999999999");
    CAPTURE(text);
    CHECK_FALSE(date::parse(text).has_value());
}

TEST_CASE("valid_ymd", "[date]") {
    struct Row {
        int y, m, d;
        bool valid;
    };
    auto row = GENERATE(values<Row>({
        {2024, 2, 29, true},
        {2023, 2, 29, false},
        {1900, 2, 29, false},
        {2000, 2, 29, true},
        {2024, 4, 31, false},
        {2024, 12, 31, true},
        {2024, 0, 1, false},
        {2024, 1, 0, false},
        {999, 1, 1, false},
    }));
    CAPTURE(row.y, row.m, row.d);
    CHECK(date::valid_ymd(row.y, row.m, row.d) == row.valid);
}

TEST_CASE("to_value makes a sortable slot string", "[date]") {
    CHECK(date::to_value("2024-01-30") == "20240130");
    CHECK(date::to_value("1987-02-26") < date::to_value("2024-01-01"));
}

TEST_CASE("parse_query gives inclusive value ranges", "[date]") {
    struct Row {
        std::string text, lo, hi;
    };
    auto row = GENERATE(values<Row>({
        {"2024", "20240101", "20241231"},
        {"2024-02", "20240201", "20240229"},  // leap February
        {"2023-02", "20230201", "20230228"},
        {"2024-04", "20240401", "20240430"},
        {"2024-01-30", "20240130", "20240130"},
        {"2024-01..2024-03", "20240101", "20240331"},
        {"2024-01-01..2024-03-31", "20240101", "20240331"},
        {"2024-01-30..2024-01-30", "20240130", "20240130"},
        {"..2023", "", "20231231"},    // open start
        {"2024..", "20240101", ""},    // open end
        {"..2024-02", "", "20240229"},
    }));
    CAPTURE(row.text);
    std::string error;
    std::size_t offset = 0;
    const auto r = date::parse_query(row.text, error, offset);
    REQUIRE(r.has_value());
    CHECK(r->lo == row.lo);
    CHECK(r->hi == row.hi);
    CHECK(error.empty());
}

TEST_CASE("parse_query rejects bad values with an offset", "[date]") {
    struct Row {
        std::string text;
        std::size_t offset;
        std::string says;  ///< a piece of the message
    };
    auto row = GENERATE(values<Row>({
        {"2024-13", 0, "bad date '2024-13'"},
        {"2024-02-30", 0, "bad date"},
        {"24", 0, "bad date"},
        {"2024-1", 0, "bad date"},
        {"hello", 0, "bad date"},
        {"", 0, "bad date"},
        {"2024-01-01..x", 12, "bad end date 'x'"},
        {"x..2024", 0, "bad start date 'x'"},
        {"2025..2024", 0, "ends before it starts"},
        {"2024-03..2024-02", 0, "ends before it starts"},
        {"..", 0, "empty date range"},
    }));
    CAPTURE(row.text);
    std::string error;
    std::size_t offset = 999;
    const auto r = date::parse_query(row.text, error, offset);
    CHECK_FALSE(r.has_value());
    CHECK(offset == row.offset);
    CHECK_THAT(error, Catch::Contains(row.says));
}

TEST_CASE("covering_periods: the fewest whole years, months and days of a range", "[date]") {
    using V = std::vector<std::string>;
    struct Row {
        std::string lo, hi;
        V periods;
    };
    auto row = GENERATE(values<Row>({
        {"20240130", "20240130", {"20240130"}},
        {"20240101", "20241231", {"2024"}},
        {"20240201", "20240229", {"202402"}},                      // a leap February, whole
        {"20230201", "20230228", {"202302"}},
        {"20240201", "20240228", V{}},                              // not whole: its 28 days (checked below)
        {"20231230", "20240201", {"20231230", "20231231", "202401", "20240201"}},
        {"20220101", "20240331", {"2022", "2023", "202401", "202402", "202403"}},
        {"20241231", "20250101", {"20241231", "20250101"}},
        {"20240102", "20240101", V{}},                              // ends before it starts
    }));
    CAPTURE(row.lo, row.hi);
    const V got = date::covering_periods(row.lo, row.hi, 100);
    if (row.lo == "20240201" && row.hi == "20240228") {
        REQUIRE(got.size() == 28);
        CHECK(got.front() == "20240201");
        CHECK(got.back() == "20240228");
    } else {
        CHECK(got == row.periods);
    }
}

TEST_CASE("covering_periods: more periods than allowed give none", "[date]") {
    CHECK(date::covering_periods("20240102", "20241230", 40).empty());  // 30 days + 10 months + 30 days
    CHECK(date::covering_periods("20240102", "20241230", 80).size() == 70);
    CHECK(date::covering_periods("10000101", "99991231", 400).empty());
}
