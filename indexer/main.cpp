/// @file
/// @brief news-index: command line only; the work is in pipeline.cpp.
#include "common/paths.h"
#include "common/version.h"
#include "common/date.h"
#include "common/schema.h"
#include "indexer/pipeline.h"
#include "common/shards.h"

#include <boost/program_options.hpp>
#include <xapian.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <thread>
#include <unistd.h>

#ifndef NEWS_SOURCE_CORPUS
#define NEWS_SOURCE_CORPUS "corpus"
#endif

namespace po = boost::program_options;

namespace {

/// How many articles of the database at @p db come from files outside @p corpus (the bundled
/// one): 0 for a new or empty database, or one that holds only the corpus. Unreadable: 0 (the
/// run itself then says what is wrong with the database).
std::size_t articles_elsewhere(const std::string& db, const std::filesystem::path& corpus) {
    std::error_code ec;
    if (!std::filesystem::exists(db, ec)) return 0;
    try {
        Xapian::Database x(db);
        const std::string head = std::string(news::schema::kFilePrefix) + std::filesystem::absolute(corpus).lexically_normal().string() + "/";
        Xapian::doccount inside = 0;
        for (auto t = x.allterms_begin(head); t != x.allterms_end(head); ++t) inside += t.get_termfreq();
        return x.get_doccount() > inside ? x.get_doccount() - inside : 0;
    } catch (const Xapian::Error&) {
        return 0;
    }
}

}  // namespace

int main(int argc, char** argv) {
    // The bundled corpus: share/news-search/corpus of the installation, else the source tree's.
    const std::string bundled =
        news::installed_folder("corpus", {}, NEWS_SOURCE_CORPUS).value_or(std::filesystem::path(NEWS_SOURCE_CORPUS)).string();
    const std::string usage =
        "Usage: news-index [OPTIONS] [PATH...]\n"
        "       news-index [--db DB] --delete ID...   (or --undelete ID...)\n\n"
        "Index news articles (files and folders) into a Xapian database. Runs are\n"
        "incremental: unchanged files are skipped, changed ones replaced. With no PATH,\n"
        "indexes the bundled sample corpus (" + bundled + "), only into a new database\n"
        "or one that holds only it.\n\n"
        "Formats: plain-text articles (.txt, optional front matter), JSON (.json, one\n"
        "object or an array), JSON Lines (.jsonl), Reuters-21578 SGML (.sgm), HTML pages\n"
        "(.html, .htm). Text that is not UTF-8 is detected and converted. A manifest.tsv\n"
        "or manifest.csv at the top of a folder is used for it unless --manifest is given.\n\n"
        "A JSON or JSON Lines record's id is its own \"id\" field, else FILE#LINE (FILE#N in a\n"
        "JSON array). An id already taken (by another file or record) is reported and the\n"
        "article indexed as ID~2 (ID~3 ...); the first indexed keeps the id.\n\n"
        "--delete ID... removes articles (a takedown, a correction): they stay out when their\n"
        "file is read again, until --undelete ID... (then the next run indexes them again).\n\n"
        "Exit status: 0 all files indexed, 1 some files failed (--delete: some ids unknown),\n"
        "2 bad usage, 3 database problem.\n\nOptions";
    news::IndexOptions o;
    std::vector<std::string> inputs;
    std::string manifest, db, progress = "auto";
    po::options_description opts(usage);
    opts.add_options()
        ("help,h", "show this help")
        ("version", "print the version, the Xapian and ICU versions and the database schema, and stop")
        ("db,d", po::value(&db), "database folder (default: $NEWS_DB, else ./news.db)")
        ("manifest,m", po::value(&manifest), "CSV/TSV of metadata keyed by file name (columns: filename, source|publisher, date|publication_date, author, title, url)")
        ("source", po::value(&o.default_source), "source (outlet) for articles that name none")
        ("date", po::value(&o.default_date), "date (YYYY-MM-DD) for articles that have none; never guessed otherwise")
        ("language", po::value(&o.language)->default_value("english"), "stemming language of a new database (a Xapian::Stem name, or none); later runs into it must give the same")
        ("batch-size", po::value(&o.batch_size)->default_value(1000), "articles per commit when adding to a database: an interrupted run loses at most one batch")
        ("jobs,j", po::value(&o.jobs)->default_value(std::max(1u, std::thread::hardware_concurrency())),
         "threads reading, extracting and building articles; into an empty database as many threads write segments (256 articles, doubling up to 1,024), merged at the end (an interrupted run keeps the segments it finished)")
        ("prune", po::bool_switch(&o.prune), "remove articles whose files no longer exist")
        ("delete", po::bool_switch(), "delete the articles whose ids are given (instead of PATHs); they stay out of later runs")
        ("undelete", po::bool_switch(), "let the articles deleted with these ids back in: the next run over their files indexes them")
        ("no-speakers", po::bool_switch(), "skip quote, speaker and person extraction (faster; speaker: and person: find nothing)")
        ("shards", po::value(&o.shards), "write N shard databases (DB/shard-00 ...) and the stub DB/XAPIANDB that opens them as one; each article goes to the shard its id hashes to; later runs into DB add to its shards (give the same N or none)")
        ("compact", po::bool_switch(&o.compact), "compact the database at the end: smaller and faster to search (a build into an empty database with --jobs > 1 is compacted anyway)")
        ("extract", po::bool_switch(&o.extract_only), "print the extracted articles as JSON Lines; write nothing")
        ("progress", po::value(&progress)->default_value("auto"), "progress bar: auto (on a terminal), always, never")
        ("verbose,v", po::bool_switch(&o.verbose), "one line per file")
        ("input", po::value(&inputs), "files or folders to index");
    po::positional_options_description pos;
    pos.add("input", -1);
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(argc, argv).options(opts).positional(pos).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        std::cerr << "news-index: " << e.what() << "\n(try news-index --help)\n";
        return 2;
    }
    if (vm.count("help")) {
        std::cout << opts << "\n";
        return 0;
    }
    if (vm.count("version")) {
        std::cout << news::version_text("news-index");
        return 0;
    }
    if (!o.default_date.empty()) {
        auto d = news::date::parse(o.default_date);
        if (!d) {
            std::cerr << "news-index: --date '" << o.default_date << "' is not a date (use YYYY-MM-DD)\n";
            return 2;
        }
        o.default_date = *d;
    }
    o.speakers = !vm["no-speakers"].as<bool>();
    const bool del = vm["delete"].as<bool>(), undel = vm["undelete"].as<bool>();
    if (o.jobs == 0) {
        std::cerr << "news-index: --jobs must be at least 1\n";
        return 2;
    }
    if (vm.count("shards") && (o.shards == 0 || o.shards > news::shards::kMaxShards)) {
        std::cerr << "news-index: --shards must be 1 to " << news::shards::kMaxShards << "\n";
        return 2;
    }
    if (o.batch_size == 0) {
        std::cerr << "news-index: --batch-size must be at least 1\n";
        return 2;
    }
    if (progress != "auto" && progress != "always" && progress != "never") {
        std::cerr << "news-index: --progress must be auto, always or never\n";
        return 2;
    }
    o.progress = progress == "always" || (progress == "auto" && isatty(STDERR_FILENO));
    const char* env_db = std::getenv("NEWS_DB");
    o.db_path = !db.empty() ? db : env_db && *env_db ? env_db : "news.db";
    if (del || undel) {
        if (del && undel) {
            std::cerr << "news-index: choose one of --delete and --undelete\n";
            return 2;
        }
        if (inputs.empty()) {
            std::cerr << "news-index: " << (del ? "--delete" : "--undelete") << " needs the ids of the articles\n";
            return 2;
        }
        if (o.extract_only || o.prune || o.compact || !manifest.empty()) {
            std::cerr << "news-index: " << (del ? "--delete" : "--undelete")
                      << " takes ids only (not with --extract, --prune, --compact, --manifest)\n";
            return 2;
        }
        try {
            news::DeleteSummary s = news::run_delete(o.db_path, inputs, undel, std::cout, std::cerr);
            const std::size_t n = del ? s.deleted : s.undeleted;
            std::cerr << "news-index: " << (del ? "deleted " : "undeleted ") << n << (n == 1 ? " article" : " articles");
            if (s.unknown) std::cerr << ", " << s.unknown << " unknown " << (s.unknown == 1 ? "id" : "ids");
            std::cerr << "; " << o.db_path << " holds " << s.db_articles << " articles\n";
            return s.unknown ? 1 : 0;
        } catch (const news::DatabaseError& e) {
            std::cerr << "news-index: " << e.what() << "\n";
            return 3;
        }
    }
    if (!manifest.empty()) o.manifest = manifest;
    for (const auto& i : inputs) o.inputs.emplace_back(i);
    if (o.inputs.empty()) {
        // The bundled corpus goes only into a new database or one that holds only it: never
        // 52 fictional articles into a real archive.
        o.inputs.emplace_back(bundled);
        if (!o.extract_only)
            if (std::size_t n = articles_elsewhere(o.db_path, bundled)) {
                std::cerr << "news-index: " << o.db_path << " holds " << n << (n == 1 ? " article" : " articles")
                          << " from other files: name the files or folders to index (news-index --db " << o.db_path
                          << " PATH...); with no PATH, news-index indexes the bundled corpus (" << bundled
                          << ") only into a new database or one that holds only it\n";
                return 2;
            }
    }

    try {
        news::IndexSummary s = news::run_index(o, std::cout, std::cerr);
        if (o.extract_only) {
            std::cerr << "news-index: " << s.articles << " articles from " << s.files << " files";
        } else {
            std::cerr << "news-index: " << s.files << " files: " << s.indexed << " new, " << s.updated << " changed, "
                      << s.unchanged << " unchanged";
            if (s.pruned) std::cerr << ", " << s.pruned << " removed";
            if (s.renamed) std::cerr << ", " << s.renamed << (s.renamed == 1 ? " article" : " articles") << " renamed (id taken)";
            if (s.withheld) std::cerr << ", " << s.withheld << " deleted " << (s.withheld == 1 ? "article" : "articles") << " left out";
        }
        if (s.failed) std::cerr << ", " << s.failed << " failed";
        if (s.not_articles)
            std::cerr << ", " << s.not_articles << (s.not_articles == 1 ? " file" : " files")
                      << " not an article (README, lists; --verbose names them)";
        if (s.ignored) {
            std::cerr << " (" << s.ignored << " other files ignored:";
            const char* sep = " ";
            for (const auto& [type, n] : s.ignored_by_type) {
                std::cerr << sep << n << " " << type;
                sep = ", ";
            }
            std::cerr << ")";
        }
        std::cerr << "\n";
        // Paths that give nothing to index say so, and fail: a typo or a format we do not
        // read must not look like success.
        if (s.articles == 0 && s.unchanged == 0 && s.updated == 0 && s.pruned == 0) {
            std::cerr << "news-index: no article in the paths given: ";
            if (s.files == 0 && s.ignored == 0 && s.failed == 0) std::cerr << "they hold no file";
            else if (s.files == 0 && s.ignored) std::cerr << "no file of a format news-index reads (see --help)";
            else if (s.not_articles) std::cerr << "every file was no article (README, lists) or failed";
            else std::cerr << "every file failed or held no article";
            std::cerr << "\n";
            return 1;
        }
        if (!o.extract_only) {
            std::cerr << "news-index: wrote " << s.articles << " articles in " << s.seconds << " s";
            if (s.seconds > 0 && s.articles) std::cerr << " (" << static_cast<long>(s.articles / s.seconds) << " articles/s)";
            std::cerr << "; " << o.db_path << " holds " << s.db_articles << " articles\n";
            if (o.compact)
                std::cerr << "news-index: compacted " << o.db_path << " from " << s.bytes_before_compact / 1024 << " KiB to "
                          << s.bytes_after_compact / 1024 << " KiB\n";
        }
        return s.failed ? 1 : 0;
    } catch (const news::DatabaseError& e) {
        std::cerr << "news-index: " << e.what() << "\n";
        return 3;
    } catch (const Xapian::Error& e) {
        std::cerr << "news-index: " << e.get_description() << "\n";
        return 3;
    } catch (const std::filesystem::filesystem_error& e) {  // inputs report their own errors: this is the database's
        std::cerr << "news-index: " << e.what() << "\n";
        return 3;
    } catch (const std::exception& e) {
        std::cerr << "news-index: " << e.what() << "\n";
        return 2;
    }
}
