/// @file
/// @brief Best-window snippets with highlight offsets.
#include "searcher/snippet.h"

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

namespace news::search {

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

}  // namespace

Snippet make_snippet(std::string_view full_body, const Highlight& hl, const text::Analyzer& analyzer, std::size_t words) {
    auto [region_b, region_e] = region_of(full_body, hl);
    std::string_view body = full_body.substr(region_b, region_e - region_b);
    std::vector<text::Token> toks = analyzer.tokenize(body);
    Snippet out;
    if (toks.empty()) return out;
    std::vector<int> match(toks.size(), -1);  // index of the query word matched, or -1
    std::map<std::string, int> ids;
    auto id_of = [&](const std::string& k) { return ids.emplace(k, static_cast<int>(ids.size())).first->second; };
    for (std::size_t i = 0; i < toks.size(); ++i) {
        const text::Token& t = toks[i];
        if (hl.terms.count(t.term)) match[i] = id_of(t.term);
        else if (!t.alt.empty() && hl.terms.count(t.alt)) match[i] = id_of(t.alt);
        else if (t.stemmable && !hl.stems.empty()) {
            std::string st = analyzer.stem(t.alt.empty() ? t.term : t.alt);
            if (hl.stems.count(st)) match[i] = id_of(st);
        }
        if (match[i] < 0)
            for (const std::string& p : hl.prefixes)
                if (t.term.starts_with(p)) { match[i] = id_of(p); break; }
    }
    // Slide a window; score = distinct words * 100 + occurrences, kept up to date incrementally.
    std::size_t n = std::min(words, toks.size()), best = 0;
    std::vector<int> in_window(ids.size(), 0);
    long distinct = 0, occ = 0, best_score = -1;
    auto add = [&](std::size_t i, int d) {
        if (match[i] < 0) return;
        int& c = in_window[static_cast<std::size_t>(match[i])];
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
        while (first < best + n && match[first] < 0) ++first;
        while (last > first && match[last] < 0) --last;
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
        if (match[i] >= 0) out.marks.emplace_back(base + toks[i].start - b, base + toks[i].end - b);
    return out;
}

}  // namespace news::search
