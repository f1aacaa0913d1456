/// @file
/// @brief news-search's options.
#include "searcher/cli.h"

#include <boost/program_options.hpp>

#include <cctype>
#include <ostream>
#include <string_view>

namespace news::search {

namespace po = boost::program_options;

namespace {

// An argument as a POSIX shell reads it back.
std::string shell_quoted(const std::string& s) {
    bool plain = !s.empty();
    for (char c : s) plain &= std::isalnum(static_cast<unsigned char>(c)) || std::string_view("-_./:=@,+%").find(c) != std::string_view::npos;
    if (plain) return s;
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

// The command line again with its options first, then "--", then the query words and the
// options Boost did not know ("-iraq"), in their order.
std::string with_query_after_dashes(int argc, const char* const* argv, const po::options_description& opts,
                                    const po::positional_options_description& pos) {
    std::string before = "news-search", after;
    try {
        po::parsed_options parsed = po::command_line_parser(argc, argv).options(opts).positional(pos).allow_unregistered().run();
        for (const po::option& opt : parsed.options) {
            bool query = opt.unregistered || opt.position_key >= 0 || opt.string_key == "query";
            for (const std::string& t : opt.original_tokens)
                (query ? after : before) += " " + (t == "--" ? t : shell_quoted(t));
        }
    } catch (const po::error&) {
        return "news-search [OPTIONS] -- QUERY";
    }
    return before + " --" + after;
}

}  // namespace

bool read_number(std::string_view option, std::string_view v, std::size_t& n, std::string& error) {
    bool digits = !v.empty();
    for (char c : v) digits &= c >= '0' && c <= '9';
    if (!digits) {
        error = std::string(option) + " takes a whole number, 0 or more, not '" + std::string(v) + "'";
        return false;
    }
    std::size_t value = 0;
    for (char c : v) {
        value = value * 10 + static_cast<std::size_t>(c - '0');
        if (value > kMaxNumber) {
            error = std::string(option) + " " + std::string(v) + " is too large (at most " + std::to_string(kMaxNumber) + ")";
            return false;
        }
    }
    n = value;
    return true;
}

bool parse_cli(int argc, const char* const* argv, CliOptions& o, std::ostream& out, std::ostream& err) {
    std::string limit, offset;
    po::options_description opts(
        "Usage: news-search [OPTIONS] QUERY...\n\n"
        "Search a news-index database. Query language:\n"
        "  fentanyl precursors             all words (--any: any word)\n"
        "  \"step by step\"                  exact phrase;  \"fentanyl crisis\"~5  within 5 words\n"
        "  china OR mexico, fentanyl -mexico (or NOT mexico), (china OR mexico) AND fentanyl\n"
        "  precurs*                        words starting with precurs (a wildcard only ends a word)\n"
        "  title: body: quote:             words in the title, the text, inside quotations\n"
        "  said:                           what someone said, quoted or reported (\"X said the ...\")\n"
        "                                  (another word: is text, as in a pasted \"Trump: ...\")\n"
        "  speaker:daskal speaker:\"jen daskal\" person: author: place:beijing lang:zh\n"
        "  date:2024-01-30 date:2024-01 date:2024 date:2024-01-01..2024-03-31 date:..2023\n"
        "  date:2024-q3 date:\"march 2024\" date:today date:yesterday date:\"last week\" (Monday to Sunday)\n"
        "  date:\"this month\" date:\"past 30 days\" date:2016-10..now date:\"since march 2016\" (--now, --tz)\n"
        "  topic:crude topic:\"money-fx\"    a topic or tag (Reuters <TOPICS>, JSON \"topics\"/\"tags\")\n"
        "  source:bbc                      any word of the source name; source:\"bbc news\" the whole name\n\n"
        "A query starting with '-' goes after --:  news-search -- -iraq\n"
        "Counts are exact up to 10,000 matches, then \"more than 10,000\"; --count is always exact.\n"
        "news-search --get ID...  prints whole articles (each result ends with its id);\n"
        "news-search --sources    lists the sources with their numbers of articles;\n"
        "--db takes a database folder, a sharded one (news-index --shards), a stub file of shards\n"
        "(Xapian's format: \"auto PATH\", \"remote HOST:PORT\"), or tcp://HOST:PORT (xapian-tcpsrv);\n"
        "repeated, the databases are searched as one.\n"
        "news-search --speakers [QUERY]  lists the speakers of the matching articles (all without\n"
        "                         a QUERY): each person once under every name (\"Obama\" linked to\n"
        "                         \"Barack Obama\" where the archive makes it clear), with the\n"
        "                         other names, quotes and articles, most articles first.\n"
        "--facet FIELD[:N]        exact counts over every match of the top N values (default 10, 0:\n"
        "                         all) of speaker, person, source, author, place, topic, language,\n"
        "                         or year, month, day (every period, in time order); repeatable.\n"
        "                         Each value's filter (speaker:=\"barack obama\", date:2016-10)\n"
        "                         narrows the query to exactly its articles. With quote: or\n"
        "                         speaker: in the query, the quotes asked about are counted too\n"
        "                         (--facet speaker quote:tariffs: who is quoted most about tariffs).\n"
        "--split FIELD[:N]        each facet value's articles per value of FIELD (top N, default\n"
        "                         10): --facet month --split source is attention over time by source.\n"
        "Wire copies: the same story in several outlets (a wire report, a correction, a rerun) is\n"
        "shown once, the best-ranked copy, with \"N copies: outlets; first seen DATE\"; counts are of\n"
        "articles (--stories: of stories, a cluster of copies counted once, facets too).\n"
        "A QUERY of \"\" (or none, with --facet) is every article.\n\n"
        "Exit status: 0 results, 1 no results (--get: an id not found; --offset past the last),\n"
        "2 bad usage or query, "
        "3 database problem.\n\nOptions");
    opts.add_options()
        ("help,h", "show this help")
        ("version", po::bool_switch(&o.version), "print the version, the Xapian and ICU versions and the database schema, and stop")
        ("db,d", po::value(&o.dbs), "database (repeat for shards; default: $NEWS_DB, else ./news.db)")
        ("sort,s", po::value(&o.sort)->default_value("relevance"), "relevance, date (oldest first) or -date (newest first)")
        ("limit,n", po::value(&limit)->default_value("10"), "number of results (0: print only how many match)")
        ("offset", po::value(&offset)->default_value("0"), "skip this many results first")
        ("any", po::bool_switch(&o.any), "match any of the words instead of all")
        ("json", po::bool_switch(&o.json), "one JSON document with all results")
        ("jsonl", po::bool_switch(&o.jsonl), "one JSON object per result")
        ("trec", po::value(&o.trec), "TREC run format with this run id (qid Q0 docno rank score runid)")
        ("qid", po::value(&o.qid)->default_value("1"), "query id for --trec (with --batch, each line's)")
        ("count", po::bool_switch(&o.count), "print only the number of matching articles")
        ("explain", po::bool_switch(&o.explain), "print the parsed query, the parser's notes and how it is ranked, and stop")
        ("batch", po::value(&o.batch), "run one query per line of FILE (qid<TAB>query, or just query); - for stdin")
        ("stats", po::bool_switch(&o.stats), "with --batch: print latency percentiles to stderr")
        ("get", po::bool_switch(&o.get), "print the articles whose ids are given (instead of a QUERY), whole, quotes attributed")
        ("sources", po::bool_switch(&o.sources), "list the sources and their numbers of articles")
        ("speakers", po::bool_switch(&o.speakers), "list the speakers of the matching articles (all without a QUERY)")
        ("copies", po::bool_switch(&o.copies), "list the wire copies of the article whose id is given: every article of its "
                                               "cluster, earliest first")
        ("no-collapse", po::bool_switch(&o.no_collapse), "show every wire copy (default: the best-ranked of each cluster)")
        ("stories", po::bool_switch(&o.stories), "count stories, not articles: the total and facets count a cluster "
                                                 "of wire copies once (always exact)")
        ("facet", po::value(&o.facets), "count the values of FIELD[:N] over every match (repeatable; see above)")
        ("split", po::value(&o.split), "split each facet's counts by the values of FIELD[:N]")
        ("now", po::value(&o.now), "the time date:today, date:\"last week\" ... count from: YYYY-MM-DD or "
                                   "YYYY-MM-DDTHH:MM[:SS]Z, UTC (default: the clock)")
        ("tz", po::value(&o.tz), "the time zone whose calendar they use, an IANA name such as Europe/Paris (default: UTC)")
        ("ranking", po::value(&o.ranking), "the ranking's parameters, any of (defaults) k1=1, b=0.5, title=0.3, near=0, "
                                           "window=8, stop=1, comma-separated: BM25's k1 and b; the title's extra weight; the "
                                           "weight of query words within window positions of each other; leave common words "
                                           "out of OR lists")
        ("timeout", po::value(&o.timeout), "seconds a remote shard (tcp://, or a stub's remote line) has to connect and to answer each request (default 10)")
        ("allow-partial", po::bool_switch(&o.allow_partial), "when a shard is down or too slow, answer from the others, flagged as partial (default: fail, exit 3)")
        ("check-shards", po::bool_switch(&o.check_shards), "list the article ids held by more than one shard of the --db databases (exit 1 if any)")
        ("color", po::value(&o.color)->default_value("auto"), "highlight: auto (terminal, unless NO_COLOR), always, never")
        ("query", po::value(&o.words), "query words");
    po::positional_options_description pos;
    pos.add("query", -1);
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(argc, argv).options(opts).positional(pos).run(), vm);
        po::notify(vm);
    } catch (const po::unknown_option& e) {
        const std::string name = e.get_option_name();
        err << "news-search: unknown option '" << name << "'";
        if (name.size() > 1 && name[0] == '-' && name[1] != '-')  // "-iraq": a word to exclude?
            err << "; to exclude a word, put the query after --: " << with_query_after_dashes(argc, argv, opts, pos);
        err << "\n(try news-search --help)\n";
        return false;
    } catch (const po::error& e) {
        err << "news-search: " << e.what() << "\n(try news-search --help)\n";
        return false;
    }
    std::string why;
    if (!read_number("--limit (-n)", limit, o.limit, why) || !read_number("--offset", offset, o.offset, why)) {
        err << "news-search: " << why << "\n(try news-search --help)\n";
        return false;
    }
    if (vm.count("help")) {
        o.help = true;
        out << opts << "\n";
    }
    return true;
}

namespace {

bool plain_number(std::string_view s, std::size_t& n) {
    std::string ignored;
    return read_number("", s, n, ignored);
}

}  // namespace

bool parse_cli_plain(int argc, const char* const* argv, CliOptions& o) {
    o = CliOptions{};
    unsigned seen = 0;  // options given once at most (Boost rejects a second one)
    auto once = [&](unsigned bit) {
        if (seen & bit) return false;
        seen |= bit;
        return true;
    };
    for (int i = 1; i < argc; ++i) {
        std::string_view a = argv[i];
        if (a.empty()) return false;
        if (a == "--") {
            for (++i; i < argc; ++i) o.words.emplace_back(argv[i]);
            return true;
        }
        if (a[0] != '-') {
            o.words.emplace_back(a);
            continue;
        }
        bool* flag = a == "--any"     ? &o.any
                     : a == "--json"  ? &o.json
                     : a == "--jsonl" ? &o.jsonl
                     : a == "--count" ? &o.count
                     : a == "--explain" ? &o.explain
                     : a == "--stats" ? &o.stats
                     : a == "--get"   ? &o.get
                     : a == "--sources" ? &o.sources
                     : a == "--speakers" ? &o.speakers
                     : a == "--copies" ? &o.copies
                     : a == "--no-collapse" ? &o.no_collapse
                     : a == "--stories" ? &o.stories
                                      : nullptr;
        if (flag) {
            if (*flag) return false;
            *flag = true;
            continue;
        }
        // Options with a value: the next argument, which must not look like an option.
        if (i + 1 >= argc) return false;
        std::string_view v = argv[i + 1];
        if (v.empty() || v[0] == '-') return false;
        ++i;
        if (a == "--db" || a == "-d") o.dbs.emplace_back(v);
        else if ((a == "--sort" || a == "-s") && once(1)) o.sort = v;
        else if ((a == "--limit" || a == "-n") && once(2)) {
            if (!plain_number(v, o.limit)) return false;
        } else if (a == "--offset" && once(4)) {
            if (!plain_number(v, o.offset)) return false;
        } else if (a == "--trec" && once(8)) o.trec = v;
        else if (a == "--qid" && once(16)) o.qid = v;
        else if (a == "--batch" && once(32)) o.batch = v;
        else if (a == "--color" && once(64)) o.color = v;
        else if (a == "--facet") o.facets.emplace_back(v);
        else if (a == "--split" && once(128)) o.split = v;
        else if (a == "--now" && once(256)) o.now = v;
        else if (a == "--tz" && once(512)) o.tz = v;
        else if (a == "--ranking" && once(1024)) o.ranking = v;
        else return false;  // anything else (abbreviations, --x=y, -n5, --help...): Boost's
    }
    return true;
}

}  // namespace news::search
