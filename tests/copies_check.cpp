/// @file
/// @brief copies_check ARTICLES.jsonl TRUTH.tsv: recall of planted wire copies at any scale,
/// with news-index's own signatures and clustering (copies::sign_article, copies::cluster), but
/// without a database: a million articles take minutes instead of the hour indexing them does.
///
/// ARTICLES.jsonl: one article a line with "id", "title", "text", "date" (tests/bench/
/// gen_corpus.py, with copies planted by tests/bench/gen_copies.py); TRUTH.tsv: "copy id TAB
/// original id" per planted copy. Prints the articles, clusters and their sizes, the planted
/// copies found (in their original's cluster) and missed, and how many clusters hold articles
/// of more than one planted family (an original and its copies; every other article a family
/// of its own): false merges. Exit 2 on bad usage or input.
#include "common/article.h"
#include "common/copies.h"
#include "common/text/analyzer.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: copies_check ARTICLES.jsonl TRUTH.tsv\n";
        return 2;
    }
    std::ifstream in(argv[1]);
    std::ifstream truth_in(argv[2]);
    if (!in || !truth_in) {
        std::cerr << "copies_check: cannot open " << (in ? argv[2] : argv[1]) << "\n";
        return 2;
    }
    const auto t0 = std::chrono::steady_clock::now();
    news::text::Analyzer analyzer("english");
    std::vector<news::copies::Signature> sigs;
    std::string line;
    std::size_t line_no = 0;
    while (std::getline(in, line)) {
        ++line_no;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        nlohmann::json j;
        try {
            j = nlohmann::json::parse(line);
        } catch (const nlohmann::json::exception& e) {
            std::cerr << "copies_check: " << argv[1] << ":" << line_no << ": " << e.what() << "\n";
            return 2;
        }
        news::Article a;
        a.id = j.value("id", "");
        a.title = j.value("title", "");
        a.text = j.value("text", "");
        a.date = j.value("date", "");
        sigs.push_back(news::copies::sign_article(a, analyzer.tokenize(a.title), analyzer.tokenize(a.text)));
        if (sigs.size() % 100000 == 0) std::cerr << "copies_check: " << sigs.size() << " articles signed\n";
    }
    const auto t1 = std::chrono::steady_clock::now();
    const std::vector<std::size_t> first = news::copies::cluster(sigs);
    const auto t2 = std::chrono::steady_clock::now();

    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < sigs.size(); ++i) index.emplace(sigs[i].id, i);
    std::unordered_map<std::string, std::string> family;  // copy id -> original id
    std::size_t planted = 0, found = 0, unknown = 0;
    std::vector<std::string> missed;
    while (std::getline(truth_in, line)) {
        const std::size_t tab = line.find('\t');
        if (tab == std::string::npos) continue;
        const std::string copy = line.substr(0, tab), original = line.substr(tab + 1);
        family[copy] = original;
        auto c = index.find(copy), o = index.find(original);
        if (c == index.end() || o == index.end()) {
            ++unknown;
            continue;
        }
        ++planted;
        const bool same = first[c->second] != SIZE_MAX && first[c->second] == first[o->second];
        found += same;
        if (!same && missed.size() < 10) missed.push_back(copy);
    }
    std::map<std::size_t, std::size_t> sizes;
    std::unordered_map<std::size_t, std::set<std::string>> families;  // cluster -> families in it
    std::unordered_map<std::size_t, std::size_t> members;
    for (std::size_t i = 0; i < sigs.size(); ++i) {
        if (first[i] == SIZE_MAX) continue;
        ++members[first[i]];
        auto f = family.find(sigs[i].id);
        families[first[i]].insert(f == family.end() ? sigs[i].id : f->second);
    }
    std::size_t merged = 0;
    for (const auto& [c, n] : members) {
        ++sizes[n];
        merged += families[c].size() > 1;
    }
    const auto secs = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
    std::cout << "articles " << sigs.size() << " (signed in " << secs(t0, t1) << " s, clustered in " << secs(t1, t2)
              << " s)\nclusters " << members.size() << ":";
    for (const auto& [size, n] : sizes) std::cout << " " << n << " of " << size << ";";
    std::cout << "\nplanted copies " << planted << ", found " << found << ", recall "
              << (planted ? static_cast<double>(found) / static_cast<double>(planted) : 0.0) << "\n";
    if (unknown) std::cout << "truth rows naming an article not in the file: " << unknown << "\n";
    std::cout << "clusters holding more than one planted family (false merges): " << merged << "\n";
    for (const std::string& m : missed) std::cout << "  missed: " << m << " (of " << family[m] << ")\n";
    return 0;
}
