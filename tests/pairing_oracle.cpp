/// @file
/// @brief pairing_oracle EXTRACT.jsonl DB [--queries N] [--seed S] [--fixed QUERY]...: the
/// speaker-quote pairing of news-search against brute force.
///
/// It reads the articles as `news-index --extract` printed them (speakers, their quotes with
/// offsets, the quotations nobody was found to say, reported speech), draws N random queries of
/// the six forms of the README's pairing table and four of said: (quoted or reported) from them, works out by brute force which articles
/// each must match (the quotes' words from the Analyzer, as indexing sees them; stems, phrases,
/// NEAR and prefixes by the rules of the query language), and runs each through the searcher
/// news-search uses, with every result and an exact count. Any difference is printed, and so
/// are the queries per form, how many match something, and how many agree.
///
/// The evaluation here shares nothing with the engine's but the Analyzer (tokens, folding,
/// stems) and, for speakers known by a surname alone, the rule of the speaker alias table
/// (aliases::links_to on the database's table, the one thing it reads from it): no parser, no
/// query of Xapian. Exit 0 when every query agrees, at least 20 were drawn of
/// each form and at least 75% match an article; else 1.
#include "common/article.h"
#include "common/date.h"
#include "common/speaker_aliases.h"
#include "common/text/analyzer.h"
#include "searcher/search.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

using news::Article;

namespace {

const news::text::Analyzer analyzer("english");

/// A word of a quote as the index has it.
struct Word {
    std::string term, alt;
    bool stemmable = false;
    std::string stem_term, stem_alt;  // stems when stemmable
};

struct QuoteWords {
    int speaker = -1;  // index into Doc::names; -1: nobody was found to say it
    std::vector<Word> words;
    bool reported = false;  // reported speech (said: only), not a quotation
};

struct Doc {
    std::string id;
    std::vector<std::string> names;  // folded speaker names: the quoted ones, then those who only report
    std::vector<std::string> linked;  // the full name the alias table links each to, or empty
    std::vector<char> quoted;         // the speaker is quoted (speaker: alone finds the article)
    std::vector<QuoteWords> quotes;
};

/// A quote: expression.
struct Expr {
    enum Kind { Term, Phrase, Near, Prefix, Or, And, AndNot } kind = Term;
    std::vector<std::string> words;  // Term: 1; Phrase, Near: 2+; Prefix: 1
    int slop = 0;
    std::vector<Expr> kids;  // Or, And, AndNot (the second is excluded)
};

/// A one-word query.
Expr term(std::string w) {
    Expr e;
    e.words = {std::move(w)};
    return e;
}

bool word_is(const Word& w, const std::string& s) { return w.term == s || w.alt == s; }

/// A query word: its form or any indexed word with its stem (the stem table).
bool word_matches(const Word& w, const std::string& q) {
    if (word_is(w, q)) return true;
    if (!w.stemmable) return false;
    const std::string s = analyzer.stem(q);
    return w.stem_term == s || (!w.alt.empty() && w.stem_alt == s);
}

bool eval(const Expr& e, const std::vector<Word>& ws) {
    switch (e.kind) {
    case Expr::Term:
        return std::any_of(ws.begin(), ws.end(), [&](const Word& w) { return word_matches(w, e.words[0]); });
    case Expr::Prefix:
        return std::any_of(ws.begin(), ws.end(), [&](const Word& w) {
            return w.term.starts_with(e.words[0]) || (!w.alt.empty() && w.alt.starts_with(e.words[0]));
        });
    case Expr::Phrase:
        for (std::size_t i = 0; i + e.words.size() <= ws.size(); ++i) {
            bool all = true;
            for (std::size_t k = 0; k < e.words.size() && all; ++k) all = word_is(ws[i + k], e.words[k]);
            if (all) return true;
        }
        return false;
    case Expr::Near: {  // two distinct words, at most (2 + slop) - 1 positions apart
        const std::size_t window = e.words.size() + static_cast<std::size_t>(e.slop);
        for (std::size_t i = 0; i < ws.size(); ++i) {
            if (!word_is(ws[i], e.words[0])) continue;
            for (std::size_t j = 0; j < ws.size(); ++j)
                if (j != i && word_is(ws[j], e.words[1]) && (i > j ? i - j : j - i) < window) return true;
        }
        return false;
    }
    case Expr::Or: return eval(e.kids[0], ws) || eval(e.kids[1], ws);
    case Expr::And: return eval(e.kids[0], ws) && eval(e.kids[1], ws);
    case Expr::AndNot: return eval(e.kids[0], ws) && !eval(e.kids[1], ws);
    }
    return false;
}

std::string render(const Expr& e, bool top) {
    auto group = [&](const std::string& s) { return top ? "(" + s + ")" : "(" + s + ")"; };
    switch (e.kind) {
    case Expr::Term: return e.words[0];
    case Expr::Prefix: return e.words[0] + "*";
    case Expr::Phrase:
    case Expr::Near: {
        std::string s = "\"";
        for (std::size_t i = 0; i < e.words.size(); ++i) s += (i ? " " : "") + e.words[i];
        s += "\"";
        if (e.kind == Expr::Near) s += "~" + std::to_string(e.slop);
        return s;
    }
    case Expr::Or: return group(render(e.kids[0], false) + " OR " + render(e.kids[1], false));
    case Expr::And: return group(render(e.kids[0], false) + " " + render(e.kids[1], false));
    case Expr::AndNot: return group(render(e.kids[0], false) + " -" + render(e.kids[1], false));
    }
    return "";
}

/// Does the folded name answer speaker:VALUE? One word: any name word; several: the full
/// name or its last words (or, see Doc::linked, the full name it is linked to).
bool name_matches(const std::string& name, const std::string& value) {
    if (value.find(' ') == std::string::npos) {
        std::size_t b = 0;
        while (b <= name.size()) {
            std::size_t e = name.find(' ', b);
            if (e == std::string::npos) e = name.size();
            if (name.compare(b, e - b, value) == 0) return true;
            b = e + 1;
        }
        return false;
    }
    return name == value || (name.size() > value.size() && name.ends_with(value) && name[name.size() - value.size() - 1] == ' ');
}

bool plain_word(const std::string& s) {
    return s.size() >= 3 && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

/// A speaker: value (folded) and a quote: expression, as one query form of the table.
struct Query {
    int form = 0;  // 1..6, the README's table
    std::string text;
    std::string a, b;  // speaker values
    Expr x, y;
};

/// Speaker @p s of @p d answers speaker:@p who: by name, or linked to the full name @p who.
bool speaks_as(const Doc& d, std::size_t s, const std::string& who) {
    return name_matches(d.names[s], who) || (who.find(' ') != std::string::npos && d.linked[s] == who);
}

/// A quote by @p who holds @p x (and @p y); with @p said, reported speech counts too (and then
/// @p x is the said: expression, @p y a quote: one that only a quotation holds).
bool by(const Doc& d, const std::string& who, const Expr& x, const Expr* y = nullptr, bool said = false) {
    for (const QuoteWords& q : d.quotes)
        if (q.speaker >= 0 && (!q.reported || (said && !y)) && speaks_as(d, static_cast<std::size_t>(q.speaker), who) &&
            eval(x, q.words) && (!y || eval(*y, q.words)))
            return true;
    return false;
}

bool quoted(const Doc& d, const std::string& who) {
    for (std::size_t s = 0; s < d.names.size(); ++s)
        if (d.quoted[s] && speaks_as(d, s, who)) return true;
    return false;
}

bool any_quote(const Doc& d, const Expr& x, bool said = false) {
    return std::any_of(d.quotes.begin(), d.quotes.end(),
                       [&](const QuoteWords& q) { return (!q.reported || said) && eval(x, q.words); });
}

bool matches(const Query& q, const Doc& d) {
    switch (q.form) {
    case 1: return by(d, q.a, q.x);
    case 2: return by(d, q.a, q.x, &q.y);
    case 3: return by(d, q.a, q.x) && by(d, q.b, q.y);
    case 4: return quoted(d, q.a) && !by(d, q.a, q.x);
    case 5: return quoted(d, q.a) || any_quote(d, q.x);
    case 6: return any_quote(d, q.x);
    // said: (quoted or reported), issue 13 item 6
    case 7: return by(d, q.a, q.x, nullptr, true);
    case 8: return any_quote(d, q.x, true);
    case 9: return by(d, q.a, q.x, &q.y, true);  // speaker:A said:X quote:Y: one quotation holds both
    case 10: return quoted(d, q.a) && !by(d, q.a, q.x, nullptr, true);
    }
    return false;
}

/// The number of query forms: the README's pairing table (1-6) and said: (7-10).
constexpr int kForms = 10;

std::string speaker_text(const std::string& v) { return v.find(' ') == std::string::npos ? v : "\"" + v + "\""; }

std::string quote_text(const Expr& e) { return "quote:" + render(e, true); }
std::string said_text(const Expr& e) { return "said:" + render(e, true); }

struct Drawer {
    const std::vector<Doc>& docs;
    std::mt19937_64 rnd;
    std::vector<std::string> vocabulary;

    std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rnd); }

    std::vector<std::size_t> plain_words(const QuoteWords& q) {
        std::vector<std::size_t> out;
        for (std::size_t i = 0; i < q.words.size(); ++i)
            if (plain_word(q.words[i].term)) out.push_back(i);
        return out;
    }

    /// An expression that the quote @p q holds (mostly).
    Expr expression(const QuoteWords& q) {
        std::vector<std::size_t> ws = plain_words(q);
        const std::string& w = q.words[ws[pick(ws.size())]].term;
        const std::string& other = vocabulary[pick(vocabulary.size())];
        Expr e;
        switch (pick(7)) {
        case 0: e.words = {w}; break;
        case 1:
            e.kind = Expr::Or;
            e.kids = {term(other), term(w)};
            break;
        case 2:
            e.kind = Expr::AndNot;
            e.kids = {term(w), term(other)};
            break;
        case 3: {  // a phrase of two or three words of the quote
            std::size_t at = pick(q.words.size());
            std::size_t n = 2 + pick(2);
            e.kind = Expr::Phrase;
            for (std::size_t i = at; i < q.words.size() && e.words.size() < n; ++i) {
                if (!plain_word(q.words[i].term)) break;
                e.words.push_back(q.words[i].term);
            }
            if (e.words.size() < 2) e = term(w);
            break;
        }
        case 4: {  // two words of the quote within a few positions
            const std::string& v = q.words[ws[pick(ws.size())]].term;
            if (v == w) {
                e.words = {w};
                break;
            }
            e.kind = Expr::Near;
            e.words = {w, v};
            e.slop = static_cast<int>(pick(6));
            break;
        }
        case 5:
            e.kind = Expr::Prefix;
            e.words = {w.substr(0, std::max<std::size_t>(4, w.size() - pick(3)))};
            if (e.words[0].size() < 4) e = term(w);
            break;
        default: {  // a group of a phrase-or-word and a word
            e.kind = Expr::And;
            const std::string& v = q.words[ws[pick(ws.size())]].term;
            e.kids = {Expr{Expr::Or, {}, 0, {term(other), term(v)}}, term(w)};
            break;
        }
        }
        return e;
    }

    /// speaker: value for the folded name: its last word, or the whole name.
    std::string name_value(const std::string& name) {
        std::string last = name.substr(name.rfind(' ') == std::string::npos ? 0 : name.rfind(' ') + 1);
        bool whole_ok = name.find(' ') != std::string::npos &&
                        std::all_of(name.begin(), name.end(), [](char c) { return c == ' ' || (c >= 'a' && c <= 'z'); });
        if (whole_ok && (pick(3) == 0 || !plain_word(last))) return name;
        return plain_word(last) ? last : std::string();
    }

    /// A random quote (or, @p reported, span of reported speech) by a named speaker with two or
    /// more plain words: (doc, quote).
    std::pair<const Doc*, const QuoteWords*> quote(bool reported = false) {
        for (int tries = 0; tries < 100000; ++tries) {
            const Doc& d = docs[pick(docs.size())];
            if (d.quotes.empty()) continue;
            const QuoteWords& q = d.quotes[pick(d.quotes.size())];
            if (q.speaker < 0 || plain_words(q).size() < 2 || q.reported != reported) continue;
            if (name_value(d.names[static_cast<std::size_t>(q.speaker)]).empty()) continue;
            return {&d, &q};
        }
        return {nullptr, nullptr};
    }

    Query draw(int form) {
        Query out;
        out.form = form;
        // (said: forms draw from reported speech two times in three)
        auto [d, q] = quote(form >= 7 && form != 9 && pick(3) != 0);
        if (!d) return out;
        out.a = name_value(d->names[static_cast<std::size_t>(q->speaker)]);
        out.x = expression(*q);
        switch (form) {
        case 1: out.text = "speaker:" + speaker_text(out.a) + " " + quote_text(out.x); break;
        case 2: {
            std::vector<std::size_t> ws = plain_words(*q);
            out.y = term(q->words[ws[pick(ws.size())]].term);
            out.text = "speaker:" + speaker_text(out.a) + " " + quote_text(out.x) + " " + quote_text(out.y);
            break;
        }
        case 3: {
            // Another speaker of the same article, with a quote of theirs.
            std::vector<const QuoteWords*> others;
            for (const QuoteWords& o : d->quotes)
                if (o.speaker >= 0 && o.speaker != q->speaker && plain_words(o).size() >= 2 &&
                    !name_value(d->names[static_cast<std::size_t>(o.speaker)]).empty())
                    others.push_back(&o);
            if (others.empty()) return draw(form);
            const QuoteWords& o = *others[pick(others.size())];
            out.b = name_value(d->names[static_cast<std::size_t>(o.speaker)]);
            out.y = expression(o);
            out.text = "speaker:" + speaker_text(out.a) + " " + quote_text(out.x) + " speaker:" + speaker_text(out.b) + " " +
                       quote_text(out.y);
            break;
        }
        case 4: out.text = "speaker:" + speaker_text(out.a) + " -" + quote_text(out.x); break;
        case 5: out.text = "speaker:" + speaker_text(out.a) + " OR " + quote_text(out.x); break;
        case 6: out.text = quote_text(out.x); break;
        case 7: out.text = "speaker:" + speaker_text(out.a) + " " + said_text(out.x); break;
        case 8: out.text = said_text(out.x); break;
        case 9: {
            std::vector<std::size_t> ws = plain_words(*q);
            out.y = term(q->words[ws[pick(ws.size())]].term);
            out.text = "speaker:" + speaker_text(out.a) + " " + said_text(out.x) + " " + quote_text(out.y);
            break;
        }
        case 10: out.text = "speaker:" + speaker_text(out.a) + " -" + said_text(out.x); break;
        }
        return out;
    }
};

Doc load(const Article& a, const news::aliases::Table& table) {
    Doc d;
    d.id = a.id;
    const std::vector<news::text::Token> tokens = analyzer.tokenize(a.text);
    auto words = [&](const news::Quote& q) {
        std::vector<Word> out;
        for (const auto& t : tokens)
            if (q.start <= t.start && t.end <= q.end) {
                Word w{t.term, t.alt, t.stemmable, "", ""};
                if (t.stemmable) {
                    w.stem_term = analyzer.stem(t.term);
                    if (!t.alt.empty()) w.stem_alt = analyzer.stem(t.alt);
                }
                out.push_back(std::move(w));
            }
        return out;
    };
    for (std::size_t s = 0; s < a.speakers.size(); ++s) {
        d.names.push_back(analyzer.normalize(a.speakers[s].name));
        const std::string day = news::date::to_value(a.date);
        const int year = day.size() == 8 ? std::stoi(day.substr(0, 4)) : 0;
        std::optional<std::string> to;
        if (a.speakers[s].kind == "person")
            to = news::aliases::links_to(table, d.names.back(), news::aliases::role_sex(a.speakers[s].role), year);
        d.linked.push_back(to.value_or(""));
        d.quoted.push_back(1);
        for (const news::Quote& q : a.speakers[s].quotes) d.quotes.push_back({static_cast<int>(s), words(q)});
    }
    for (const news::Quote& q : a.unattributed) d.quotes.push_back({-1, words(q)});
    // Reported speech: a quoted speaker's under that speaker (so linked as that one is); one who
    // only reports is no speaker of the article's (no alias link: speaker:"full name" finds it
    // by its own name only).
    for (const news::Speaker& r : a.reported) {
        auto it = std::find_if(a.speakers.begin(), a.speakers.end(), [&](const news::Speaker& s) { return s.name == r.name; });
        int s = static_cast<int>(it - a.speakers.begin());
        if (it == a.speakers.end()) {
            s = static_cast<int>(d.names.size());
            d.names.push_back(analyzer.normalize(r.name));
            d.linked.emplace_back();
            d.quoted.push_back(0);
        }
        for (const news::Quote& q : r.quotes) d.quotes.push_back({s, words(q), true});
    }
    return d;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: pairing_oracle EXTRACT.jsonl DB [--queries N] [--seed S] [--fixed QUERY]...\n";
        return 2;
    }
    std::size_t count = 200;
    std::uint64_t seed = 20261206;
    std::vector<std::string> fixed;
    for (int i = 3; i + 1 < argc; i += 2) {
        std::string opt = argv[i];
        if (opt == "--queries") count = std::stoul(argv[i + 1]);
        else if (opt == "--seed") seed = std::stoull(argv[i + 1]);
        else if (opt == "--fixed") fixed.push_back(argv[i + 1]);
    }
    std::vector<Doc> docs;
    std::set<std::string> vocab;
    const news::aliases::Table table = news::aliases::read({Xapian::Database(argv[2])});
    {
        std::ifstream in(argv[1]);
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty()) continue;
            docs.push_back(load(news::article_from_json(nlohmann::json::parse(line)), table));
            for (const QuoteWords& q : docs.back().quotes)
                for (const Word& w : q.words)
                    if (plain_word(w.term)) vocab.insert(w.term);
        }
    }
    if (docs.empty() || vocab.empty()) {
        std::cerr << "pairing_oracle: no articles with quotes in " << argv[1] << "\n";
        return 1;
    }
    Drawer drawer{docs, std::mt19937_64(seed), {vocab.begin(), vocab.end()}};
    std::vector<Query> queries;
    for (std::size_t i = 0; i < count; ++i) queries.push_back(drawer.draw(static_cast<int>(i % kForms) + 1));

    news::search::Searcher searcher({argv[2]});
    news::search::SearchOptions o;
    o.limit = docs.size() + 1;
    o.exact_count = true;
    o.snippets = false;
    o.collapse = false;  // (every matching article, wire copies too)
    std::map<int, std::size_t> per_form, matching, agree;
    std::size_t failures = 0, passed = 0;
    auto compare = [&](const std::string& text, const std::set<std::string>& want, const char* what) {
        std::set<std::string> got;
        news::search::Results r = searcher.run(text, o);
        for (const auto& h : r.hits) got.insert(h.article.id);
        const bool same = got == want && r.total == want.size();
        if (!same) {
            ++failures;
            std::cout << "DIFFERENT (" << what << "): " << text << "\n  oracle " << want.size() << ", news-search "
                      << got.size() << " (total " << r.total << ")\n";
            for (const auto& id : want)
                if (!got.count(id)) std::cout << "  only the oracle: " << id << "\n";
            for (const auto& id : got)
                if (!want.count(id)) std::cout << "  only news-search: " << id << "\n";
        } else {
            ++passed;
        }
        return same;
    };
    for (const Query& q : queries) {
        if (q.text.empty()) continue;
        std::set<std::string> want;
        for (const Doc& d : docs)
            if (matches(q, d)) want.insert(d.id);
        ++per_form[q.form];
        if (!want.empty()) ++matching[q.form];
        if (compare(q.text, want, "random")) ++agree[q.form];
    }
    // Fixed rows: 'speaker:A quote:X' with X a word or an OR of words, worked out the same way.
    for (const std::string& f : fixed) {
        std::set<std::string> want;
        // "speaker:NAME quote:WORD" or "speaker:NAME quote:(W1 OR W2)"
        const std::string name = f.substr(8, f.find(' ') - 8);
        std::string rest = f.substr(f.find("quote:") + 6);
        Expr x;
        if (rest.front() == '(') {
            rest = rest.substr(1, rest.size() - 2);
            x.kind = Expr::Or;
            x.kids = {term(rest.substr(0, rest.find(' '))), term(rest.substr(rest.rfind(' ') + 1))};
        } else {
            x.words = {rest};
        }
        for (const Doc& d : docs)
            if (by(d, name, x)) want.insert(d.id);
        std::cout << "fixed: " << f << ": " << want.size() << " articles\n";
        compare(f, want, "fixed");
    }
    std::size_t drawn = 0, with_matches = 0;
    bool enough = true;
    for (int form = 1; form <= kForms; ++form) {
        std::cout << "form " << form << ": " << per_form[form] << " queries, " << matching[form] << " match articles, "
                  << agree[form] << " agree\n";
        drawn += per_form[form];
        with_matches += matching[form];
        if (per_form[form] < 20) enough = false;
    }
    const double share = drawn ? static_cast<double>(with_matches) / static_cast<double>(drawn) : 0;
    std::cout << drawn << " random queries over " << docs.size() << " articles, " << with_matches << " ("
              << static_cast<int>(share * 100 + 0.5) << "%) match at least one\n";
    if (!enough || share < 0.75) {
        std::cout << "FAIL: fewer than 20 queries of some form, or under 75% matching\n";
        ++failures;
    }
    std::cout << passed << " passed, " << failures << " failed\n";
    return failures ? 1 : 0;
}
