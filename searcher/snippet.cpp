/// @file
/// @brief Best-window snippets with highlight offsets.
#include "searcher/snippet.h"

#include "common/text/word_scan.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <map>
#include <utility>
#include <vector>

namespace news::search {

// Which query word a word of the text stands for: an id per distinct string (a word, a
// stem or a wildcard head, one id when two are the same string), or -1.
class SnippetMaker::Matcher {
public:
    Matcher(const Highlight& hl, const FastAnalyzer& analyzer) : hl_(hl), analyzer_(analyzer) {
        // Folding keeps the first two bytes of a word (lower-cased) when they are ASCII and the
        // second is not '.', ',' or '\'': a word whose first two bytes start nothing we look
        // for is skipped unfolded. Without the stem table any stem could come from any
        // word: no skipping.
        if (!hl.stems.empty() && !hl.stem_words_known) {
            first_.fill(true);
            any_second_.fill(true);
            return;
        }
        auto mark = [&](const std::string& w, bool prefix) {
            if (w.empty()) return;
            auto b0 = static_cast<unsigned char>(w[0]);
            first_[b0] = true;
            if (prefix && w.size() == 1) any_second_[b0] = true;
            else pairs_[pair(b0, w.size() > 1 ? static_cast<unsigned char>(w[1]) : 0)] = true;
        };
        for (const std::string& w : hl.terms) mark(w, false);
        for (const auto& [w, stem] : hl.stem_words) mark(w, false);
        for (const std::string& w : hl.prefixes) mark(w, true);
    }

    /// Might the word @p raw (as written) match? (false: it cannot)
    [[nodiscard]] bool may_match(std::string_view raw) const {
        auto r0 = static_cast<unsigned char>(raw[0]);
        if (r0 >= 0x80) return true;  // "É" folds to "e": fold and see
        unsigned char b0 = lower(r0);
        if (!first_[b0]) return false;
        if (any_second_[b0]) return true;
        unsigned char b1 = raw.size() > 1 ? static_cast<unsigned char>(raw[1]) : 0;
        if (b1 >= 0x80 || b1 == '.' || b1 == ',' || b1 == '\'') return true;  // folding may change it
        return pairs_[pair(b0, lower(b1))];
    }

    [[nodiscard]] int match(const std::string& term, const std::string& alt, bool stemmable) {
        if (hl_.terms.count(term)) return id_of(term);
        if (!alt.empty() && hl_.terms.count(alt)) return id_of(alt);
        if (stemmable && !hl_.stems.empty()) {
            const std::string& base = alt.empty() ? term : alt;
            if (hl_.stem_words_known) {
                if (auto it = hl_.stem_words.find(base); it != hl_.stem_words.end()) return id_of(it->second);
            } else if (std::string st = analyzer_.stem(base); hl_.stems.count(st)) {
                return id_of(st);
            }
        }
        for (const std::string& p : hl_.prefixes)
            if (term.starts_with(p)) return id_of(p);
        return -1;
    }

    [[nodiscard]] std::size_t ids() const { return ids_.size(); }

private:
    int id_of(const std::string& k) { return ids_.emplace(k, static_cast<int>(ids_.size())).first->second; }
    static unsigned char lower(unsigned char b) { return b >= 'A' && b <= 'Z' ? static_cast<unsigned char>(b - 'A' + 'a') : b; }
    static std::size_t pair(unsigned char b0, unsigned char b1) { return std::size_t{b0} << 8 | b1; }

    const Highlight& hl_;
    const FastAnalyzer& analyzer_;
    std::array<bool, 256> first_{};       // first bytes of what we look for
    std::array<bool, 256> any_second_{};  // first bytes of one-letter wildcard heads
    std::bitset<65536> pairs_;            // first two bytes (second 0 for one-letter words)
    std::map<std::string, int> ids_;
};



namespace {

bool ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// Long texts: word-splitting all of them with ICU costs more than the rest of a query. A
// byte scan for the first letters of the query words picks the densest stretch, and only
// that stretch is split. Returns [begin, end) in bytes, or the whole text.
std::pair<std::size_t, std::size_t> region_of(std::string_view body, const Highlight& hl) {
    constexpr std::size_t kLong = 4000, kSpan = 1500, kLead = 300;
    if (body.size() <= kLong) return {0, body.size()};
    std::vector<std::string> needles;
    for (const auto* set : {&hl.terms, &hl.stems, &hl.prefixes})
        for (const std::string& w : *set) {
            std::string n = w.substr(0, std::min<std::size_t>(w.size(), 5));
            for (unsigned char c : n)
                if (c >= 0x80) return {0, body.size()};  // not ASCII: split it all
            if (!n.empty()) needles.push_back(std::move(n));
        }
    auto cut = [&](std::size_t b, std::size_t e) {
        e = std::min(e, body.size());
        while (b > 0 && b < body.size() && (static_cast<unsigned char>(body[b]) & 0xC0) == 0x80) --b;
        while (e < body.size() && (static_cast<unsigned char>(body[e]) & 0xC0) == 0x80) ++e;
        while (b > 0 && ascii_alnum(body[b - 1])) --b;                 // never split a word
        while (e < body.size() && ascii_alnum(body[e])) ++e;
        return std::pair{b, e};
    };
    if (needles.empty()) return cut(0, kSpan);
    std::string lower(body);
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    std::vector<std::pair<std::size_t, std::size_t>> hits;  // (byte, needle)
    for (std::size_t k = 0; k < needles.size(); ++k)
        for (std::size_t at = lower.find(needles[k]); at != std::string::npos; at = lower.find(needles[k], at + 1))
            if (at == 0 || !ascii_alnum(lower[at - 1])) hits.emplace_back(at, k);
    if (hits.empty()) return cut(0, kSpan);
    std::sort(hits.begin(), hits.end());
    std::size_t best = hits[0].first, best_distinct = 0;
    std::vector<int> count(needles.size(), 0);
    std::size_t distinct = 0;
    for (std::size_t lo = 0, hi = 0; lo < hits.size(); ++lo) {
        while (hi < hits.size() && hits[hi].first < hits[lo].first + kSpan)
            if (count[hits[hi++].second]++ == 0) ++distinct;
        if (distinct > best_distinct) best_distinct = distinct, best = hits[lo].first;
        if (--count[hits[lo].second] == 0) --distinct;
    }
    return cut(best > kLead ? best - kLead : 0, best + kSpan);
}

struct Word {
    std::size_t start, end;
    int match;  // Matcher id, or -1
};

// The words of @p body with their matches. Plain text goes through the byte scanner (the
// same words as the Analyzer's, see word_scan.h), and only words that may match are folded;
// anything else goes through the Analyzer.
std::vector<Word> words_of(std::string_view body, SnippetMaker::Matcher& m, const FastAnalyzer& analyzer) {
    std::vector<Word> out;
    out.reserve(body.size() / 5 + 8);
    bool scanned = text::for_each_plain_word(body, [&](std::size_t b, std::size_t e, bool letters) {
        std::string_view raw = body.substr(b, e - b);
        int id = -1;
        if (m.may_match(raw) || raw.size() > text::kMaxTermBytes) {
            std::string term = text::fold_word(raw);  // as Analyzer::tokenize does
            if (term.empty() || term.size() > text::kMaxTermBytes) return;
            id = m.match(term, text::possessive_alt(term), letters);
        }
        out.push_back({b, e, id});
    });
    if (scanned) return out;
    out.clear();
    std::vector<text::Token> toks = analyzer.full().tokenize_icu(body);  // the scan declined: no second scan
    out.reserve(toks.size());
    for (const text::Token& t : toks) out.push_back({t.start, t.end, m.match(t.term, t.alt, t.stemmable)});
    return out;
}

}  // namespace

Snippet make_snippet(std::string_view body, const Highlight& hl, const text::Analyzer& analyzer, std::size_t words) {
    return make_snippet(body, hl, FastAnalyzer(analyzer), words);
}

Snippet make_snippet(std::string_view full_body, const Highlight& hl, const FastAnalyzer& analyzer, std::size_t words) {
    return SnippetMaker(hl, analyzer).make(full_body, words);
}

SnippetMaker::SnippetMaker(const Highlight& hl, const FastAnalyzer& analyzer)
    : hl_(hl), analyzer_(analyzer), matcher_(std::make_unique<Matcher>(hl, analyzer)) {}

SnippetMaker::~SnippetMaker() = default;

Snippet SnippetMaker::make(std::string_view full_body, std::size_t words) {
    const Highlight& hl = hl_;
    const FastAnalyzer& analyzer = analyzer_;
    auto [region_b, region_e] = region_of(full_body, hl);
    std::string_view body = full_body.substr(region_b, region_e - region_b);
    Matcher& matcher = *matcher_;
    std::vector<Word> toks = words_of(body, matcher, analyzer);
    Snippet out;
    if (toks.empty()) return out;
    auto match = [&](std::size_t i) { return toks[i].match; };
    // Slide a window; score = distinct words * 100 + occurrences, kept up to date incrementally.
    std::size_t n = std::min(words, toks.size()), best = 0;
    std::vector<int> in_window(matcher.ids(), 0);
    long distinct = 0, occ = 0, best_score = -1;
    auto add = [&](std::size_t i, int d) {
        if (match(i) < 0) return;
        int& c = in_window[static_cast<std::size_t>(match(i))];
        if (d > 0 && c++ == 0) ++distinct;
        if (d < 0 && --c == 0) --distinct;
        occ += d;
    };
    for (std::size_t i = 0; i < n; ++i) add(i, +1);
    for (std::size_t s = 0;; ++s) {
        long score = distinct * 100 + occ;
        if (score > best_score) best_score = score, best = s;
        if (s + n >= toks.size()) break;
        add(s, -1);
        add(s + n, +1);
    }
    // Start the window a few words before the first match, so a match is not the first word.
    if (best_score > 0) {
        std::size_t first = best, last = best + n - 1;
        while (first < best + n && match(first) < 0) ++first;
        while (last > first && match(last) < 0) --last;
        std::size_t lead = std::min<std::size_t>(4, first);
        // Never shift so far that the last match falls out of the window.
        best = std::max(first - lead, last + 1 >= n ? last + 1 - n : 0);
        if (best + n > toks.size()) best = toks.size() - n;
    }
    std::size_t b = toks[best].start, e = toks[best + n - 1].end;
    // Include closing punctuation next to the last word.
    while (e < body.size() && (body[e] == '.' || body[e] == ',' || body[e] == '!' || body[e] == '?')) ++e;
    if (best > 0 || region_b > 0) out.text = "\xE2\x80\xA6";
    std::size_t base = out.text.size();
    for (std::size_t i = b; i < e; ++i) out.text += (body[i] == '\n' || body[i] == '\r' || body[i] == '\t') ? ' ' : body[i];
    if (best + n < toks.size() || region_e < full_body.size()) out.text += "\xE2\x80\xA6";
    // Collapse the blank line between paragraphs into one space (keeping offsets right).
    for (std::size_t i = best; i < best + n; ++i)
        if (match(i) >= 0) out.marks.emplace_back(base + toks[i].start - b, base + toks[i].end - b);
    return out;
}

}  // namespace news::search
