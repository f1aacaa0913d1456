/// @file
/// @brief Best-window snippets with highlight offsets.
#include "searcher/snippet.h"

#include <map>

namespace news::search {

Snippet make_snippet(std::string_view body, const Highlight& hl, const text::Analyzer& analyzer, std::size_t words) {
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
    if (best > 0) out.text = "\xE2\x80\xA6";
    std::size_t base = out.text.size();
    for (std::size_t i = b; i < e; ++i) out.text += (body[i] == '\n' || body[i] == '\r' || body[i] == '\t') ? ' ' : body[i];
    if (best + n < toks.size()) out.text += "\xE2\x80\xA6";
    // Collapse the blank line between paragraphs into one space (keeping offsets right).
    for (std::size_t i = best; i < best + n; ++i)
        if (match[i] >= 0) out.marks.emplace_back(base + toks[i].start - b, base + toks[i].end - b);
    return out;
}

}  // namespace news::search
