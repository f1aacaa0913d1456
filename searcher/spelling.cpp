/// @file
/// @brief "Did you mean" (see spelling.h).
#include "searcher/spelling.h"

#include "searcher/ranking.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <vector>

namespace news::search {

std::u32string code_points(std::string_view s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (n == 0 || i + n > s.size()) {  // an invalid byte: itself
            out.push_back(c);
            ++i;
            continue;
        }
        char32_t cp = n == 1 ? c : c & (0x7f >> n);
        bool ok = true;
        for (int k = 1; k < n; ++k) {
            const auto b = static_cast<unsigned char>(s[i + k]);
            if ((b & 0xc0) != 0x80) ok = false;
            cp = (cp << 6) | (b & 0x3f);
        }
        if (!ok) {
            out.push_back(c);
            ++i;
            continue;
        }
        out.push_back(cp);
        i += n;
    }
    return out;
}

int edit_distance(std::u32string_view a, std::u32string_view b, int limit) {
    const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
    if (std::abs(n - m) > limit) return limit + 1;
    // Three rows of the optimal-string-alignment table.
    std::vector<int> before(m + 1), prev(m + 1), cur(m + 1);
    for (int j = 0; j <= m; ++j) prev[j] = j;
    for (int i = 1; i <= n; ++i) {
        cur[0] = i;
        int row_min = cur[0];
        for (int j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = std::min(v, before[j - 2] + 1);
            cur[j] = v;
            row_min = std::min(row_min, v);
        }
        if (row_min > limit) return limit + 1;
        std::swap(before, prev);
        std::swap(prev, cur);
    }
    return std::min(prev[m], limit + 1);
}

double typing_cost(std::u32string_view typed, std::u32string_view word, double dropped, double other) {
    const std::size_t n = typed.size(), m = word.size();
    std::vector<std::vector<double>> d(n + 1, std::vector<double>(m + 1));
    for (std::size_t i = 0; i <= n; ++i) d[i][0] = i * other;    // letters typed in excess
    for (std::size_t j = 0; j <= m; ++j) d[0][j] = j * dropped;  // letters of the word left out
    for (std::size_t i = 1; i <= n; ++i)
        for (std::size_t j = 1; j <= m; ++j) {
            double v = std::min({d[i - 1][j] + other, d[i][j - 1] + dropped, d[i - 1][j - 1] + (typed[i - 1] == word[j - 1] ? 0 : other)});
            if (i > 1 && j > 1 && typed[i - 1] == word[j - 2] && typed[i - 2] == word[j - 1]) v = std::min(v, d[i - 2][j - 2] + dropped);
            d[i][j] = v;
        }
    return d[n][m];
}

namespace {

/// Edits allowed for a word of @p letters code points.
int edits_for(std::size_t letters) { return letters <= 4 ? 1 : 2; }

const double kDropped = std::log(kEditCost);
const double kOther = std::log(kEditCost * kOtherSlip);

/// The fewest articles a correction of a word held by @p freq articles must be in: any, for a
/// word the archive does not hold.
Xapian::doccount need(Xapian::doccount freq) {
    return freq == 0 ? 1 : static_cast<Xapian::doccount>(std::ceil(kMoreCommon * freq));
}

bool has_digit(std::string_view w) {
    return std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::vector<Correction> corrections(const Xapian::Database& db, const std::vector<std::string>& words, const std::string& prefix) {
    struct Want {
        std::string word;
        std::u32string cps;
        Xapian::doccount freq = 0;
        int limit = 0;
        double best = -HUGE_VAL;
        Correction fix;
    };
    std::vector<Want> wants;
    for (const std::string& w : words) {
        if (w.empty() || has_digit(w) || static_cast<unsigned char>(w[0]) < 'a') continue;  // (numbers, field terms)
        Want x;
        x.word = w;
        x.cps = code_points(w);
        if (x.cps.size() < 3) continue;  // too short to tell a typo from another word
        x.freq = db.get_termfreq(prefix + w);
        x.limit = edits_for(x.cps.size());
        wants.push_back(std::move(x));
    }
    if (wants.empty()) return {};
    Xapian::doccount least = 0;  // the rarest candidate any word could take
    for (const Want& x : wants) {
        least = least == 0 ? need(x.freq) : std::min(least, need(x.freq));
    }
    // Body words: every term from "a" on (field terms start with a capital, numbers with a
    // digit); a field's words: its terms.
    auto t = db.allterms_begin(prefix);
    if (prefix.empty()) t.skip_to("a");
    for (; t != db.allterms_end(prefix); ++t) {
        const Xapian::doccount tf = t.get_termfreq();
        if (tf < least) continue;
        const std::string term = (*t).substr(prefix.size());
        if (term.size() < 3 || (prefix.empty() && is_stop_word(term))) continue;  // never worth suggesting
        std::u32string cps;
        for (Want& x : wants) {
            if (term == x.word || tf < need(x.freq)) continue;
            if (term.size() + 8 < x.word.size() || x.word.size() + 8 < term.size()) continue;  // (bytes: cheap)
            if (cps.empty()) cps = code_points(term);
            const int d = edit_distance(x.cps, cps, x.limit);
            if (d > x.limit) continue;
            const double score = std::log(static_cast<double>(tf)) - typing_cost(x.cps, cps, kDropped, kOther);
            if (score > x.best) {
                x.best = score;
                x.fix = Correction{x.word, term, x.freq, tf, d};
            }
        }
    }
    std::vector<Correction> out;
    for (Want& x : wants)
        if (!x.fix.correct.empty()) out.push_back(std::move(x.fix));
    return out;
}

namespace {
/// @p word (folded) in the case @p typed was typed in: "Hillary" for "Hilary", "OPEC" for "OPKC"
/// (ASCII letters; others as folded).
std::string in_case_of(std::string_view typed, std::string word) {
    auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
    auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
    const bool all = typed.size() > 1 && std::none_of(typed.begin(), typed.end(), lower) && std::any_of(typed.begin(), typed.end(), upper);
    for (std::size_t i = 0; i < word.size(); ++i)
        if (lower(word[i]) && (all || (i == 0 && upper(typed[0])))) word[i] = static_cast<char>(word[i] - 'a' + 'A');
    return word;
}
}  // namespace

std::string corrected_query(std::string_view query, const std::vector<Correction>& fixes,
                            const std::function<std::string(std::string_view)>& fold) {
    auto word_byte = [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
    };
    std::string out;
    for (std::size_t i = 0; i < query.size();) {
        if (!word_byte(query[i])) {
            out += query[i++];
            continue;
        }
        std::size_t j = i;
        while (j < query.size() && word_byte(query[j])) ++j;
        const std::string_view span = query.substr(i, j - i);
        const bool field = j < query.size() && query[j] == ':';
        const Correction* fix = nullptr;
        if (!field) {
            const std::string folded = fold(span);
            for (const Correction& c : fixes)
                if (c.word == folded) fix = &c;
        }
        if (!fix) out += span;
        else out += in_case_of(span, fix->correct);
        i = j;
    }
    return out;
}

}  // namespace news::search
