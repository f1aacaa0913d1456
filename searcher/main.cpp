/// @file
/// @brief news-search: command line only; the work is in search.cpp and format/.
#include "searcher/format/output.h"
#include "searcher/search.h"

#include <boost/program_options.hpp>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <unistd.h>

namespace po = boost::program_options;
using namespace news::search;

namespace {

constexpr int kFound = 0, kNone = 1, kUsage = 2, kDatabase = 3;

void report_query_error(const QueryError& e, std::string_view query, const std::string& qid) {
    std::cerr << "news-search: ";
    if (!qid.empty()) std::cerr << "query " << qid << ": ";
    std::cerr << "column " << e.column() << ": " << e.what() << "\n  " << query << "\n  "
              << std::string(e.column() > 0 ? e.column() - 1 : 0, ' ') << "^\n";
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    std::size_t i = static_cast<std::size_t>(p / 100.0 * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> dbs, words;
    std::string sort = "relevance", trec, batch, color = "auto", qid = "1";
    std::size_t limit = 10, offset = 0;
    bool json = false, jsonl = false, count = false, explain = false, any = false, stats = false;
    po::options_description opts(
        "Usage: news-search [OPTIONS] QUERY...\n\n"
        "Search a news-index database. Query language:\n"
        "  fentanyl precursors             all words (--any: any word)\n"
        "  \"step by step\"                  exact phrase;  \"fentanyl crisis\"~5  within 5 words\n"
        "  china OR mexico, fentanyl -mexico (or NOT mexico), (china OR mexico) AND fentanyl\n"
        "  precurs*                        words starting with precurs\n"
        "  title: body: quote:             words in the title, the text, inside quotations\n"
        "  speaker:daskal speaker:\"jen daskal\" person: author: source:\"nbc news\" place:beijing lang:zh\n"
        "  date:2024-01-30 date:2024-01 date:2024 date:2024-01-01..2024-03-31 date:..2023\n\n"
        "Exit status: 0 results, 1 no results, 2 bad usage or query, 3 database problem.\n\nOptions");
    opts.add_options()
        ("help,h", "show this help")
        ("db,d", po::value(&dbs), "database (repeat for shards; default: $NEWS_DB, else ./news.db)")
        ("sort,s", po::value(&sort)->default_value("relevance"), "relevance, date (oldest first) or -date (newest first)")
        ("limit,n", po::value(&limit)->default_value(10), "number of results")
        ("offset", po::value(&offset)->default_value(0), "skip this many results first")
        ("any", po::bool_switch(&any), "match any of the words instead of all")
        ("json", po::bool_switch(&json), "one JSON document with all results")
        ("jsonl", po::bool_switch(&jsonl), "one JSON object per result")
        ("trec", po::value(&trec), "TREC run format with this run id (qid Q0 docno rank score runid)")
        ("qid", po::value(&qid)->default_value("1"), "query id for --trec and JSON output")
        ("count", po::bool_switch(&count), "print only the number of matching articles")
        ("explain", po::bool_switch(&explain), "print the parsed query and stop")
        ("batch", po::value(&batch), "run one query per line of FILE (qid<TAB>query, or just query); - for stdin")
        ("stats", po::bool_switch(&stats), "with --batch: print latency percentiles to stderr")
        ("color", po::value(&color)->default_value("auto"), "highlight: auto (terminal, unless NO_COLOR), always, never")
        ("query", po::value(&words), "query words");
    po::positional_options_description pos;
    pos.add("query", -1);
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(argc, argv).options(opts).positional(pos).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        std::cerr << "news-search: " << e.what() << "\n(try news-search --help)\n";
        return kUsage;
    }
    if (vm.count("help")) {
        std::cout << opts << "\n";
        return 0;
    }
    SearchOptions so;
    if (sort == "relevance") so.sort = Sort::Relevance;
    else if (sort == "date") so.sort = Sort::DateAscending;
    else if (sort == "-date") so.sort = Sort::DateDescending;
    else {
        std::cerr << "news-search: --sort must be relevance, date or -date\n";
        return kUsage;
    }
    so.limit = limit;
    so.offset = offset;
    so.default_or = any;
    so.exact_count = count;
    so.snippets = !count && trec.empty();  // nobody reads snippets there
    OutputOptions oo;
    int formats = json + jsonl + !trec.empty();
    if (formats > 1) {
        std::cerr << "news-search: choose one of --json, --jsonl, --trec\n";
        return kUsage;
    }
    oo.format = json ? Format::Json : jsonl ? Format::JsonLines : !trec.empty() ? Format::Trec : Format::Text;
    oo.run_id = trec;
    oo.qid = qid;
    if (color != "auto" && color != "always" && color != "never") {
        std::cerr << "news-search: --color must be auto, always or never\n";
        return kUsage;
    }
    const char* no_color = std::getenv("NO_COLOR");
    oo.color = color == "always" || (color == "auto" && isatty(STDOUT_FILENO) && !(no_color && *no_color));
    if (batch.empty() && words.empty()) {
        std::cerr << "news-search: no query given (try news-search --help)\n";
        return kUsage;
    }
    if (!batch.empty() && !words.empty()) {
        std::cerr << "news-search: give either a QUERY or --batch FILE, not both\n";
        return kUsage;
    }
    if (stats && batch.empty()) {
        std::cerr << "news-search: --stats needs --batch\n";
        return kUsage;
    }
    if (dbs.empty()) {
        const char* env_db = std::getenv("NEWS_DB");
        dbs.emplace_back(env_db && *env_db ? env_db : "news.db");
    }

    try {
        Searcher searcher(dbs);
        if (batch.empty()) {
            std::string query;
            for (const auto& w : words) query += (query.empty() ? "" : " ") + w;
            try {
                if (explain) {
                    std::cout << searcher.parse(query, any).query.get_description() << "\n";
                    return kFound;
                }
                Results r = searcher.run(query, so);
                if (count) print_count(std::cout, r, oo);
                else print_results(std::cout, r, oo);
                return r.total > 0 ? kFound : kNone;
            } catch (const QueryError& e) {
                report_query_error(e, query, "");
                return kUsage;
            }
        }
        // --batch: one process, the same code path per query.
        std::ifstream file;
        std::istream* in = &std::cin;
        if (batch != "-") {
            file.open(batch);
            if (!file) {
                std::cerr << "news-search: " << batch << ": cannot open\n";
                return kUsage;
            }
            in = &file;
        }
        oo.batch = true;
        std::string line;
        std::size_t line_no = 0, bad = 0, found = 0;
        std::vector<double> micros;
        while (std::getline(*in, line)) {
            ++line_no;
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (line.find_first_not_of(" \t") == std::string::npos || line[0] == '#') continue;
            std::size_t tab = line.find('\t');
            oo.qid = tab == std::string::npos ? std::to_string(line_no) : line.substr(0, tab);
            std::string query = tab == std::string::npos ? line : line.substr(tab + 1);
            auto t0 = std::chrono::steady_clock::now();
            try {
                if (explain) {
                    std::cout << oo.qid << "\t" << searcher.parse(query, any).query.get_description() << "\n";
                    continue;
                }
                Results r = searcher.run(query, so);
                if (count) print_count(std::cout, r, oo);
                else print_results(std::cout, r, oo);
                found += r.total > 0;
            } catch (const QueryError& e) {
                report_query_error(e, query, oo.qid);
                ++bad;
                continue;
            }
            micros.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
        }
        std::cout.flush();
        if (stats && !micros.empty())
            std::cerr << "news-search: " << micros.size() << " queries; latency us p50 " << percentile(micros, 50)
                      << " p95 " << percentile(micros, 95) << " p99 " << percentile(micros, 99) << " max "
                      << percentile(micros, 100) << "\n";
        if (bad) return kUsage;
        return found ? kFound : kNone;
    } catch (const DatabaseError& e) {
        std::cerr << "news-search: " << e.what() << "\n";
        return kDatabase;
    } catch (const Xapian::Error& e) {
        std::cerr << "news-search: " << e.get_description() << "\n";
        return kDatabase;
    }
}
