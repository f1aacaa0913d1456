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

TEST_CASE("parse_query: dates as people say them, relative to today", "[date]") {
    struct Row {
        const char* text;
        const char* lo;
        const char* hi;
    };
    // Today is Wednesday 2024-03-06 (a leap year: February has 29 days).
    auto row = GENERATE(values<Row>({
        {"today", "20240306", "20240306"},
        {"now", "20240306", "20240306"},
        {"Yesterday", "20240305", "20240305"},
        {"this week", "20240304", "20240310"},  // Monday to Sunday
        {"last week", "20240226", "20240303"},
        {"this month", "20240301", "20240331"},
        {"last month", "20240201", "20240229"},
        {"this quarter", "20240101", "20240331"},
        {"last quarter", "20231001", "20231231"},
        {"this year", "20240101", "20241231"},
        {"last year", "20230101", "20231231"},
        {"past 30 days", "20240206", "20240306"},  // the rolling window ending today (30 days)
        {"last 7 days", "20240229", "20240306"},
        {"past 2 weeks", "20240222", "20240306"},
        {"past 3 months", "20231207", "20240306"},
        {"past year", "20230307", "20240306"},
        {"past day", "20240306", "20240306"},
        {"2016-q3", "20160701", "20160930"},
        {"Q4 2016", "20161001", "20161231"},
        {"march 2016", "20160301", "20160331"},
        {"2016 Sept", "20160901", "20160930"},
        {"march 5, 2016", "20160305", "20160305"},
        {"2016-10..now", "20161001", "20240306"},
        {"yesterday..today", "20240305", "20240306"},
        {"since march 2016", "20160301", ""},
        {"from 2016", "20160101", ""},
        {"until march 2016", "", "20160331"},
        {"before march 2016", "", "20160229"},
        {"after 2016-q3", "20161001", ""},
        {"..last month", "", "20240229"},
    }));
    CAPTURE(row.text);
    std::string err;
    std::size_t off = 0;
    auto r = date::parse_query(row.text, err, off, "20240306");
    REQUIRE(r);
    CHECK(r->lo == row.lo);
    CHECK(r->hi == row.hi);
}

TEST_CASE("parse_query: relative dates refused with the forms it takes", "[date]") {
    for (const char* bad : {"next week", "past 0 days", "past -3 days", "last fortnight", "2016-q5", "since", "since soon",
                            "march", "now..2016", "past 100000 days", "past 99999 months", "0504-q3", "march 0999",
                            "before 1000"}) {
        CAPTURE(bad);
        std::string err;
        std::size_t off = 0;
        CHECK_FALSE(date::parse_query(bad, err, off, "20240306"));
        const bool says_why = err.find("expected a date like") != std::string::npos ||
                              err.find("ends before") != std::string::npos || err.find("needs a date") != std::string::npos ||
                              err.find("reaches past") != std::string::npos;
        CHECK(says_why);
    }
}

TEST_CASE("today_in: the calendar of a time zone; parse_now", "[date]") {
    std::string err;
    const auto at = date::parse_now("2024-03-06T23:30:00Z");
    REQUIRE(at);
    CHECK(date::today_in("", at, err).value_or("") == "20240306");
    CHECK(date::today_in("UTC", at, err).value_or("") == "20240306");
    CHECK(date::today_in("Asia/Tokyo", at, err).value_or("") == "20240307");
    CHECK(date::today_in("America/New_York", date::parse_now("2024-03-06T03:00Z"), err).value_or("") == "20240305");
    CHECK_FALSE(date::today_in("Mars/Olympus", at, err));
    CHECK(err.find("unknown time zone") != std::string::npos);
    CHECK((date::parse_now("2024-03-06") == date::parse_now("2024-03-06T00:00:00Z")));
    for (const char* bad : {"", "2024", "2024-02-30", "2024-03-06T25:00", "2024-03-06x", "06/03/2024"}) {
        CAPTURE(bad);
        CHECK_FALSE(date::parse_now(bad));
    }
    CHECK(date::today_utc().size() == 8);
}
