/// @file
/// @brief Ranking shape and parameters (see ranking.h).
#include "searcher/ranking.h"

#include "common/schema.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <stdexcept>
#include <vector>

namespace news::search {

namespace {

using Q = Xapian::Query;

/// The Snowball project's English stop list (Porter's, as Xapian's documentation suggests for
/// its Stopper), without the forms with an apostrophe (the analyzer splits them). Sorted.
constexpr std::array<std::string_view, 124> kStopWords = {
    "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at",
    "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "cannot", "could",
    "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has",
    "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in",
    "into", "is", "it", "its", "itself", "me", "more", "most", "my", "myself", "no", "nor", "not", "of", "off",
    "on", "once", "only", "or", "other", "ought", "our", "ours", "ourselves", "out", "over", "own", "same",
    "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves",
    "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very",
    "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "with", "would",
    "you", "your", "yours", "yourself", "yourselves",
};

/// A body word's term (the body has no prefix; every field's prefix starts with a capital).
bool body_word(const std::string& term) {
    return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z');
}

/// The terms of a word clause (a body word, or a stem group of body words, the typed word
/// first), or empty when @p q is not one.
std::vector<std::string> word_clause(const Q& q) {
    std::vector<std::string> terms;
    if (q.get_type() == Q::LEAF_TERM) {
        auto it = q.get_terms_begin();
        if (it != q.get_terms_end() && body_word(*it)) terms.push_back(*it);
        return terms;
    }
    if (q.get_type() != Q::OP_SYNONYM) return terms;
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
        Q sub = q.get_subquery(i);
        auto it = sub.get_terms_begin();
        if (sub.get_type() != Q::LEAF_TERM || it == sub.get_terms_end() || !body_word(*it)) return {};
        terms.push_back(*it);
    }
    return terms;
}

Q group(Q::op op, const std::vector<Q>& subs) {
    return subs.size() == 1 ? subs[0] : Q(op, subs.begin(), subs.end());
}

/// The same words under the title's prefix, weighed as the clause is (one word, or a group).
Q title_of(const std::vector<std::string>& words) {
    std::vector<Q> t;
    for (const std::string& w : words) t.emplace_back(std::string(schema::kTitlePrefix) + w);
    return group(Q::OP_SYNONYM, t);
}

/// near*(a's and b's weights) where some word of a is within the window of some word of b.
/// (Xapian 1.4's OP_NEAR takes ORs of terms but not synonym groups: the words are matched by
/// the OR and weighed by the groups, as Xapian weighs a phrase: the AND of its words.)
Q near_bonus(const std::vector<std::string>& a, const std::vector<std::string>& b, const RankParams& p) {
    auto any_of = [](const std::vector<std::string>& words) {
        std::vector<Q> t(words.begin(), words.end());
        return group(Q::OP_OR, t);
    };
    auto weighed = [](const std::vector<std::string>& words) {
        std::vector<Q> t(words.begin(), words.end());
        return group(Q::OP_SYNONYM, t);
    };
    const std::array<Q, 2> parts{any_of(a), any_of(b)};
    Q near(Q::OP_NEAR, parts.begin(), parts.end(), p.window);
    return Q(Q::OP_FILTER, Q(Q::OP_AND, weighed(a), weighed(b)), near);
}

Q shape(const Q& q, const RankParams& p) {
    switch (q.get_type()) {
    case Q::LEAF_TERM:
    case Q::OP_SYNONYM: {
        std::vector<std::string> words = word_clause(q);
        if (words.empty() || p.title <= 0) return q;
        return Q(Q::OP_OR, q, Q(p.title, title_of(words)));
    }
    case Q::OP_AND:
    case Q::OP_OR:
    case Q::OP_AND_MAYBE:
    case Q::OP_AND_NOT:
    case Q::OP_FILTER: {
        const Q::op op = q.get_type();
        std::vector<Q> subs;
        std::vector<std::vector<std::string>> clauses;  // the word clauses, in order
        for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
            Q sub = q.get_subquery(i);
            if (!weighs_subquery(op, i)) {
                subs.push_back(sub);
                continue;
            }
            if ((op == Q::OP_AND || op == Q::OP_OR) && !word_clause(sub).empty()) clauses.push_back(word_clause(sub));
            subs.push_back(shape(sub, p));
        }
        Q shaped(op, subs.begin(), subs.end());
        if (clauses.size() < 2 || p.near <= 0) return shaped;
        std::vector<Q> bonuses;
        for (std::size_t i = 0; i + 1 < clauses.size(); ++i) bonuses.push_back(near_bonus(clauses[i], clauses[i + 1], p));
        return Q(Q::OP_AND_MAYBE, shaped, Q(p.near, group(Q::OP_OR, bonuses)));
    }
    default: return q;  // phrases (weighed as they are), fields, dates, wildcards...
    }
}

double number(std::string_view item, std::string_view value) {
    std::string s(value);
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (s.empty() || end != s.c_str() + s.size() || !(v >= 0) || v > 1e6)
        throw std::invalid_argument("'" + std::string(item) + "': not a number >= 0");
    return v;
}

}  // namespace

bool is_stop_word(std::string_view word) {
    return std::binary_search(kStopWords.begin(), kStopWords.end(), word);
}

Xapian::Query without_stop_words(const Xapian::Query& q, std::string* dropped) {
    switch (q.get_type()) {
    case Q::OP_OR: {
        std::vector<Q> all, kept;
        std::string stops;
        bool other_word = false;
        for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
            all.push_back(without_stop_words(q.get_subquery(i), dropped));
            std::vector<std::string> words = word_clause(all.back());
            if (!words.empty() && is_stop_word(words[0])) stops += (stops.empty() ? "" : " ") + words[0];
            else kept.push_back(all.back()), other_word = other_word || !words.empty();
        }
        if (!other_word || stops.empty()) return Q(Q::OP_OR, all.begin(), all.end());
        if (dropped) *dropped += (dropped->empty() ? "" : " ") + stops;
        return group(Q::OP_OR, kept);
    }
    case Q::OP_AND:
    case Q::OP_AND_MAYBE:
    case Q::OP_AND_NOT:
    case Q::OP_FILTER: {
        std::vector<Q> subs;
        for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) subs.push_back(without_stop_words(q.get_subquery(i), dropped));
        return Q(q.get_type(), subs.begin(), subs.end());
    }
    default: return q;
    }
}

namespace {
void collect_clauses(const Q& q, std::vector<std::vector<std::string>>& out) {
    if (std::vector<std::string> words = word_clause(q); !words.empty()) {
        if (std::find(out.begin(), out.end(), words) == out.end()) out.push_back(std::move(words));
        return;
    }
    const Q::op op = q.get_type();
    if (op != Q::OP_AND && op != Q::OP_OR && op != Q::OP_AND_MAYBE && op != Q::OP_AND_NOT && op != Q::OP_FILTER) return;
    for (std::size_t i = 0; i < q.get_num_subqueries() && weighs_subquery(op, i); ++i) collect_clauses(q.get_subquery(i), out);
}
}  // namespace

std::vector<std::vector<std::string>> weighed_word_clauses(const Xapian::Query& query) {
    std::vector<std::vector<std::string>> out;
    collect_clauses(query, out);
    return out;
}

Xapian::Query shaped_for_ranking(const Xapian::Query& query, const RankParams& params) { return shape(query, params); }

double scale_factor(const Xapian::Query& scaled) {
    const std::string d = scaled.get_description();  // "Query(0.2000000000000000111 * ...)"
    const std::size_t from = d.find('(');
    const std::size_t to = d.find(" * ");
    if (scaled.get_type() != Q::OP_SCALE_WEIGHT || from == std::string::npos || to == std::string::npos)
        throw std::logic_error("not a scaled query: " + d);
    return std::strtod(d.substr(from + 1, to - from - 1).c_str(), nullptr);
}

RankParams RankParams::parse(std::string_view spec) {
    RankParams p;
    std::size_t at = 0;
    while (at <= spec.size()) {
        std::size_t comma = spec.find(',', at);
        if (comma == std::string_view::npos) comma = spec.size();
        std::string_view item = spec.substr(at, comma - at);
        at = comma + 1;
        if (item.empty()) continue;
        const std::size_t eq = item.find('=');
        if (eq == std::string_view::npos) throw std::invalid_argument("'" + std::string(item) + "': expected name=value");
        std::string_view name = item.substr(0, eq), value = item.substr(eq + 1);
        const double v = number(item, value);
        if (name == "k1") p.k1 = v;
        else if (name == "b") {
            if (v > 1) throw std::invalid_argument("'" + std::string(item) + "': b is between 0 and 1");
            p.b = v;
        } else if (name == "title") p.title = v;
        else if (name == "near") p.near = v;
        else if (name == "window") {
            if (v < 2 || v > 1000 || v != static_cast<unsigned>(v))
                throw std::invalid_argument("'" + std::string(item) + "': the window is a whole number from 2 to 1000");
            p.window = static_cast<unsigned>(v);
        } else if (name == "stop") {
            if (v != 0 && v != 1) throw std::invalid_argument("'" + std::string(item) + "': stop is 0 or 1");
            p.stop_words = v == 1;
        } else
            throw std::invalid_argument("'" + std::string(name) + "': not a ranking parameter (k1, b, title, near, window, stop)");
    }
    return p;
}

std::string RankParams::describe() const {
    auto num = [](double v) {
        std::string s = std::to_string(v);
        s.erase(s.find_last_not_of('0') + 1);
        if (s.back() == '.') s.pop_back();
        return s;
    };
    return "k1=" + num(k1) + ",b=" + num(b) + ",title=" + num(title) + ",near=" + num(near) + ",window=" + std::to_string(window) +
           ",stop=" + (stop_words ? "1" : "0");
}

}  // namespace news::search
