/// @file
/// @brief news-search: command line only; the work is in search.cpp and format/.
#include "searcher/cli.h"
#include "searcher/format/output.h"
#include "searcher/search.h"
#include "common/version.h"
#include "common/date.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <unistd.h>

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
    CliOptions cli;
    // The plainest command lines are read directly; anything else, --help included, by Boost.
    if (!parse_cli_plain(argc, argv, cli)) {
        if (!parse_cli(argc, argv, cli, std::cout, std::cerr)) return kUsage;
        if (cli.help) return 0;
    }
    if (cli.version) {
        std::cout << news::version_text("news-search");
        return 0;
    }
    [[maybe_unused]] auto& [dbs, words, sort, trec, batch, color, qid, limit, offset, json, jsonl, count, explain, any, stats, help, get, sources, speakers, facets, split, now, tz, ranking, version, no_collapse, stories, copies, timeout, allow_partial, check_shards] = cli;
    OpenOptions open;
    open.allow_partial = allow_partial;
    if (std::string why; !timeout.empty() && !set_timeout(timeout, open, why)) {
        std::cerr << "news-search: " << why << "\n";
        return kUsage;
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
    so.collapse = !no_collapse;
    so.stories = stories;
    so.snippets = !count && trec.empty();  // nobody reads snippets there
    so.suggest = !count && !jsonl && trec.empty();  // "did you mean": shown with text and --json results
    for (const std::string& spec : facets) {
        FacetRequest f;
        std::string why;
        if (!parse_facet(spec, f, why)) {
            std::cerr << "news-search: --facet " << why << "\n";
            return kUsage;
        }
        so.facets.push_back(std::move(f));
    }
    if (!split.empty()) {
        FacetRequest f;
        std::string why;
        if (!parse_facet(split, f, why)) {
            std::cerr << "news-search: --split " << why << "\n";
            return kUsage;
        }
        if (so.facets.empty()) {
            std::cerr << "news-search: --split splits the counts of a --facet: give one (--facet month --split source)\n";
            return kUsage;
        }
        so.split = std::move(f);
    }
    if (!ranking.empty()) {
        try {
            so.rank = RankParams::parse(ranking);
        } catch (const std::invalid_argument& e) {
            std::cerr << "news-search: --ranking " << e.what() << "\n";
            return kUsage;
        }
    }
    if (!now.empty() || !tz.empty()) {
        std::optional<std::time_t> at;
        if (!now.empty() && !(at = news::date::parse_now(now))) {
            std::cerr << "news-search: --now takes YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS]Z (UTC), not '" << now << "'\n";
            return kUsage;
        }
        std::string why;
        std::optional<std::string> today = news::date::today_in(tz, at, why);
        if (!today) {
            std::cerr << "news-search: --tz: " << why << "\n";
            return kUsage;
        }
        so.today = *today;
    }
    if (!so.facets.empty() && (count || jsonl || !trec.empty() || explain || get || sources || speakers || copies)) {
        std::cerr << "news-search: --facet goes with text or --json results, not with --count, --jsonl, --trec, "
                     "--explain, --get, --sources or --speakers\n";
        return kUsage;
    }
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
    if (get || sources || speakers || copies) {
        if (get + sources + speakers + copies > 1) {
            std::cerr << "news-search: choose one of --get, --sources, --speakers and --copies\n";
            return kUsage;
        }
        if (copies && words.size() != 1) {
            std::cerr << "news-search: --copies needs the id of one article (each result of a search ends with its id)\n";
            return kUsage;
        }
        if (!batch.empty() || count || explain || !trec.empty()) {
            std::cerr << "news-search: " << (get ? "--get" : sources ? "--sources" : copies ? "--copies" : "--speakers")
                      << " does not go with --batch, --count, --explain or --trec\n";
            return kUsage;
        }
        if (get && words.empty()) {
            std::cerr << "news-search: --get needs the ids of the articles (each result of a search ends with its id)\n";
            return kUsage;
        }
        if (sources && !words.empty()) {
            std::cerr << "news-search: --sources takes no query\n";
            return kUsage;
        }
    }
    if (check_shards && (get || sources || speakers || copies || !batch.empty() || !words.empty() || !so.facets.empty())) {
        std::cerr << "news-search: --check-shards takes the --db shards only, no query\n";
        return kUsage;
    }
    if (batch.empty() && words.empty() && !sources && !speakers && so.facets.empty() && !check_shards) {
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
        Searcher searcher(dbs, open);
        for (const std::string& n : searcher.open_notes()) std::cerr << "news-search: " << n << "\n";
        if (check_shards) {
            constexpr std::size_t kListed = 1000;
            const auto twice = searcher.ids_in_several_shards(kListed);
            for (const auto& [id, where] : twice) {
                std::cout << id;
                for (const std::string& w : where) std::cout << "\t" << w;
                std::cout << "\n";
            }
            const std::size_t n = searcher.revisions().size();
            if (twice.empty()) std::cerr << "news-search: no article id is in more than one of the " << n << " shards\n";
            else
                std::cerr << "news-search: " << (twice.size() >= kListed ? "at least " : "") << twice.size()
                          << (twice.size() == 1 ? " id is" : " ids are") << " in more than one of the " << n
                          << " shards (listed: id, then the shards): searched together, such an article counts twice\n";
            return twice.empty() ? kFound : kNone;
        }
        if (get) {
            std::vector<news::Article> found;
            std::vector<std::string> missing;
            for (const std::string& id : words) {
                std::vector<news::Article> a = searcher.get(id);
                if (a.empty()) missing.push_back(id);
                for (news::Article& x : a) found.push_back(std::move(x));
            }
            print_articles(std::cout, found, missing, searcher.revisions(), oo);
            std::cout.flush();
            for (const std::string& id : missing) std::cerr << "news-search: no article with id '" << id << "'\n";
            return missing.empty() ? kFound : kNone;
        }
        if (copies) {
            const std::vector<news::Article> list = searcher.copies_of(words[0]);
            print_copies(std::cout, words[0], list, searcher.revisions(), oo);
            std::cout.flush();
            if (list.empty()) std::cerr << "news-search: no article with id '" << words[0] << "'\n";
            return list.empty() ? kNone : kFound;
        }
        if (sources) {
            std::vector<SourceCount> list = searcher.sources();
            print_sources(std::cout, list, searcher.revisions(), oo);
            return list.empty() ? kNone : kFound;
        }
        if (speakers) {
            std::string query;
            for (const auto& w : words) query += (query.empty() ? "" : " ") + w;
            std::vector<SpeakerCount> list;
            try {
                list = searcher.speakers(query, any);
            } catch (const QueryError& e) {
                std::cerr << "news-search: bad query: " << e.what() << " (column " << e.column() << ")\n";
                return kUsage;
            }
            print_speakers(std::cout, list, searcher.revisions(), oo);
            return list.empty() ? kNone : kFound;
        }
        if (batch.empty()) {
            std::string query;
            for (const auto& w : words) query += (query.empty() ? "" : " ") + w;
            try {
                if (explain) {
                    ParsedQuery pq = searcher.parse(query, any, so.today, so.rank);
                    std::cout << pq.query.get_description() << "\n";
                    for (const std::string& note : pq.notes) std::cout << "note: " << note << "\n";
                    for (const std::string& line : searcher.explain_ranking(pq, so.rank)) std::cout << line << "\n";
                    return kFound;
                }
                Results r = searcher.run(query, so);
                for (const std::string& w : r.warnings) std::cerr << "news-search: warning: " << w << "\n";
                for (const std::string& m : r.missing_shards) std::cerr << "news-search: warning: partial answer: shard left out: " << m << "\n";
                if (count) {
                    print_count(std::cout, r, oo);
                    return r.total > 0 ? kFound : kNone;
                }
                if (r.hits.empty() && r.total > 0 && limit > 0) {  // --offset past the end
                    std::cerr << "news-search: " << total_line(r) << "; --offset " << offset << " is past the last one\n";
                    if (oo.format != Format::Text) print_results(std::cout, r, oo);
                    return kNone;
                }
                print_results(std::cout, r, oo);
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
                    ParsedQuery pq = searcher.parse(query, any, so.today, so.rank);
                    std::cout << oo.qid << "\t" << pq.query.get_description() << "\n";
                    for (const std::string& note : pq.notes) std::cout << oo.qid << "\tnote: " << note << "\n";
                    for (const std::string& line : searcher.explain_ranking(pq, so.rank)) std::cout << oo.qid << "\t" << line << "\n";
                    continue;
                }
                Results r = searcher.run(query, so);
                for (const std::string& w : r.warnings) std::cerr << "news-search: query " << oo.qid << ": warning: " << w << "\n";
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
