/// @file
/// @brief FastAnalyzer: the byte scanner for ASCII, the Analyzer for the rest.
#include "searcher/fast_analyzer.h"

#include "common/text/word_scan.h"

namespace news::search {
FastAnalyzer::FastAnalyzer(const std::string& stem_language) : language_(stem_language) {
    if (language_ != "none") stemmer_ = Xapian::Stem(language_);
}

FastAnalyzer::FastAnalyzer(const text::Analyzer& analyzer) : language_(analyzer.language()), borrowed_(&analyzer) {}

const text::Analyzer& FastAnalyzer::full() const {
    if (borrowed_) return *borrowed_;
    if (!own_) own_ = std::make_unique<text::Analyzer>(language_);
    return *own_;
}

std::vector<text::Token> FastAnalyzer::tokenize(std::string_view utf8) const {
    std::vector<text::Token> out;
    if (text::tokenize_plain(utf8, out)) return out;
    return full().tokenize_icu(utf8);
}

std::string FastAnalyzer::normalize(std::string_view utf8) const {
    std::string out;
    for (const text::Token& t : tokenize(utf8)) {
        if (!out.empty()) out += ' ';
        out += t.alt.empty() ? t.term : t.alt;
    }
    return out;
}

std::string FastAnalyzer::stem(const std::string& term) const {
    if (borrowed_) return borrowed_->stem(term);
    if (language_ == "none") return term;
    return stemmer_(term);
}

}  // namespace news::search
