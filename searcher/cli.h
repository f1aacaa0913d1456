/// @file
/// @brief news-search's command line: Boost.Program_options, and a direct reading of the
/// plainest command lines that gives the same options without building Boost's tables
/// (a one-query process spends about 0.1 ms in them).
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace news::search {

struct CliOptions {
    std::vector<std::string> dbs, words;
    std::string sort = "relevance", trec, batch, color = "auto", qid = "1";
    std::size_t limit = 10, offset = 0;
    bool json = false, jsonl = false, count = false, explain = false, any = false, stats = false;
    bool help = false;
    bool get = false, sources = false;  ///< --get: the words are article ids; --sources
    bool speakers = false;              ///< --speakers [QUERY]
    std::vector<std::string> facets;    ///< --facet FIELD[:N], repeatable
    std::string split;                  ///< --split FIELD[:N]
    std::string now, tz;                ///< --now (what relative dates count from), --tz (their time zone)
    std::string ranking;                ///< --ranking k1=..,b=..,title=..,near=..,window=..,stop=.. (RankParams::parse)
    bool version = false;               ///< --version
    bool no_collapse = false;           ///< --no-collapse: every wire copy, not one per cluster
    bool stories = false;               ///< --stories: count stories (a cluster of copies once), not articles
    bool copies = false;                ///< --copies ID: the articles of ID's cluster of wire copies
    std::string timeout;                ///< --timeout SECONDS: a remote shard's answer (default 10)
    bool allow_partial = false;         ///< --allow-partial: answers from the shards that answer
    bool check_shards = false;          ///< --check-shards: ids held by more than one shard

    bool operator==(const CliOptions&) const = default;
};

/// The largest -n and --offset (Xapian counts documents in 32 bits).
inline constexpr std::size_t kMaxNumber = 1'000'000'000;

/// Reads @p v as the value of @p option: digits only, at most kMaxNumber; else false with a
/// message in @p error ("--offset takes a whole number, 0 or more, not '-1'").
[[nodiscard]] bool read_number(std::string_view option, std::string_view v, std::size_t& n, std::string& error);

/// Reads argv through Boost.Program_options. On a usage error prints it on @p err and
/// returns false (a bad -n or --offset too; an unknown single-dash option such as "-iraq"
/// with the command line that searches for it: the query after "--"); --help sets `help`
/// and prints the help on @p out.
[[nodiscard]] bool parse_cli(int argc, const char* const* argv, CliOptions& o, std::ostream& out, std::ostream& err);

/// Reads argv when it holds only the plainest forms: known long or short options with
/// their value as the next argument, switches, words that do not start with '-', and
/// "--". Returns false (options in any state) for anything else, also for what Boost
/// would reject (a repeated option, a bad number): then parse_cli decides. What it
/// accepts, it reads as parse_cli does (the test compares them).
[[nodiscard]] bool parse_cli_plain(int argc, const char* const* argv, CliOptions& o);

}  // namespace news::search
