/// @file
/// @brief lossless_check DB SOURCES.jsonl: does every word of each source record's title and
/// body reach its document?
///
/// Each line of SOURCES.jsonl is one article as its source gives it: {"id", "title", "body",
/// "dropped": [lines], "allowed": [words]}. Every Analyzer token of title and body must be an
/// unprefixed term of the document with that id (title words are indexed as text too), unless
/// it is a token of a "dropped" line (what news-index --extract lists as taken out of guessed
/// structure, each with its kind: the caller checks the kinds), one of "allowed" (the losses
/// the README names, such as Reuters' closing "Reuter"), or longer than the longest term.
/// A record without any word needs no document. Prints a line per record with a lost word (at
/// most 20) and the totals; exit 1 when a word is lost or a record has no document, 2 on bad
/// usage.
#include "common/schema.h"
#include "common/text/analyzer.h"

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <unordered_set>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: lossless_check DB SOURCES.jsonl\n";
        return 2;
    }
    Xapian::Database db(argv[1]);
    const news::text::Analyzer analyzer("english");
    std::ifstream in(argv[2]);
    if (!in) {
        std::cerr << "lossless_check: cannot read " << argv[2] << "\n";
        return 2;
    }
    std::size_t records = 0, tokens = 0, lost = 0, missing = 0, excused = 0, shown = 0;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        const nlohmann::json r = nlohmann::json::parse(line);
        ++records;
        const std::string id = r.at("id").get<std::string>();
        if (analyzer.tokenize(r.value("title", std::string())).empty() && analyzer.tokenize(r.value("body", std::string())).empty())
            continue;  // nothing to find it by: no article (news-index says so)
        Xapian::PostingIterator p = db.postlist_begin(news::schema::id_term(id));
        if (p == db.postlist_end(news::schema::id_term(id))) {
            ++missing;
            if (shown++ < 20) std::cout << id << ": no document\n";
            continue;
        }
        const Xapian::Document doc = db.get_document(*p);
        std::unordered_set<std::string> terms;
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) terms.insert(*t);
        std::unordered_set<std::string> excuses;
        for (const auto& d : r.value("dropped", nlohmann::json::array()))
            for (const auto& t : analyzer.tokenize(d.get<std::string>())) excuses.insert(t.term);
        for (const auto& w : r.value("allowed", nlohmann::json::array())) excuses.insert(w.get<std::string>());
        std::set<std::string> gone;
        for (const char* field : {"title", "body"})
            for (const auto& t : analyzer.tokenize(r.value(field, std::string()))) {
                ++tokens;
                if (terms.count(t.term)) continue;
                if (excuses.count(t.term) || t.term.size() > news::schema::kMaxTerm) {
                    ++excused;
                    continue;
                }
                ++lost;
                gone.insert(t.term);
            }
        if (!gone.empty() && shown++ < 20) {
            std::cout << id << ": lost";
            for (const std::string& g : gone) std::cout << " " << g;
            std::cout << "\n";
        }
    }
    std::cout << records << " records, " << tokens << " words: " << lost << " lost, " << excused
              << " in dropped lines or allowed, " << missing << " records without a document\n";
    return lost || missing ? 1 : 0;
}
