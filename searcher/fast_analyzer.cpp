/// @file
/// @brief FastAnalyzer: the byte scanner for ASCII, the Analyzer for the rest.
#include "searcher/fast_analyzer.h"

#include "searcher/word_scan.h"

namespace news::search {
namespace {
constexpr std::size_t kMaxTermBytes = 200;  // as text::Analyzer
}  // namespace

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
    std::vector<WordSpan> spans;
    if (!scan_plain_words(utf8, spans)) return full().tokenize(utf8);
    std::vector<text::Token> out;
    out.reserve(spans.size());
    for (const WordSpan& w : spans) {
        std::string term = text::fold_word(utf8.substr(w.start, w.end - w.start));
        if (term.empty() || term.size() > kMaxTermBytes) continue;
        text::Token t{std::move(term), {}, w.start, w.end, w.letters};
        if (t.term.size() > 2 && t.term.ends_with("'s")) t.alt = t.term.substr(0, t.term.size() - 2);
        out.push_back(std::move(t));
    }
    return out;
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
