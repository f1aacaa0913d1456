/// @file
/// @brief A recursive-descent query parser with column-accurate errors.
#include "searcher/query_parser.h"

#include "common/date.h"
#include "common/schema.h"

#include <vector>

namespace news::search {
namespace {

enum class Tok { Word, Phrase, LParen, RParen, And, Or, Not, Minus, Plus, Field, End };

struct Token {
    Tok kind;
    std::string text;        // word, phrase content, or field name
    std::size_t offset = 0;  // byte offset in the query
    bool wildcard = false;   // word ended with '*'
    int slop = -1;           // phrase ~N
};

std::size_t column_of(std::string_view s, std::size_t byte) {
    std::size_t col = 1;
    for (std::size_t i = 0; i < byte && i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++col;
    return col;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool opens_phrase(std::string_view s, std::size_t i) {
    return s[i] == '"' || s.substr(i).starts_with("\xE2\x80\x9C");  // " or “
}

class Lexer {
public:
    explicit Lexer(std::string_view s) : s_(s) {}

    std::vector<Token> run() {
        std::vector<Token> out;
        while (true) {
            while (i_ < s_.size() && is_space(s_[i_])) ++i_;
            if (i_ >= s_.size()) break;
            out.push_back(next());
        }
        out.push_back({Tok::End, "", s_.size()});
        return out;
    }

private:
    [[noreturn]] void fail(const std::string& msg, std::size_t at) { throw QueryError(msg, column_of(s_, at)); }

    Token phrase(std::size_t at) {
        std::size_t open_len = s_[i_] == '"' ? 1 : 3;
        i_ += open_len;
        std::size_t b = i_;
        while (i_ < s_.size() && s_[i_] != '"' && !s_.substr(i_).starts_with("\xE2\x80\x9D")) ++i_;
        if (i_ >= s_.size()) fail("unterminated phrase: the quotation mark here is never closed", at);
        Token t{Tok::Phrase, std::string(s_.substr(b, i_ - b)), at};
        i_ += s_[i_] == '"' ? 1 : 3;
        if (i_ < s_.size() && s_[i_] == '~') {
            std::size_t tilde = i_++;
            std::size_t d = i_;
            while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
            if (d == i_) fail("'~' after a phrase needs a number of positions, as in \"fentanyl crisis\"~5", tilde);
            if (i_ - d > 4) fail("proximity distance too large (at most 9999)", d);
            t.slop = std::stoi(std::string(s_.substr(d, i_ - d)));
        }
        return t;
    }

    Token next() {
        std::size_t at = i_;
        char c = s_[i_];
        if (c == '(') { ++i_; return {Tok::LParen, "(", at}; }
        if (c == ')') { ++i_; return {Tok::RParen, ")", at}; }
        if (opens_phrase(s_, i_)) return phrase(at);
        if ((c == '-' || c == '+') && (i_ + 1 >= s_.size() || is_space(s_[i_ + 1]) || s_[i_ + 1] == ')'))
            fail(std::string("'") + c + "' must be followed by a term, as in " + (c == '-' ? "-mexico" : "+mexico"), at);
        if (c == '-') { ++i_; return {Tok::Minus, "-", at}; }
        if (c == '+') { ++i_; return {Tok::Plus, "+", at}; }
        std::size_t b = i_;
        while (i_ < s_.size() && !is_space(s_[i_]) && s_[i_] != '(' && s_[i_] != ')' && !opens_phrase(s_, i_)) {
            if (s_[i_] == ':' ) break;
            ++i_;
        }
        std::string word(s_.substr(b, i_ - b));
        if (i_ < s_.size() && s_[i_] == ':') {
            bool name_like = !word.empty();
            for (char ch : word) name_like &= std::isalpha(static_cast<unsigned char>(ch)) != 0;
            if (name_like) {
                std::string lower = word;
                for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
                if (!schema::find_field(lower)) {
                    std::string names;
                    for (const auto& f : schema::kFields) names += (names.empty() ? "" : ", ") + std::string(f.name);
                    fail("unknown field '" + word + ":' (fields: " + names + ")", b);
                }
                ++i_;
                if (i_ >= s_.size() || is_space(s_[i_]) || s_[i_] == ')')
                    fail("field '" + lower + ":' needs a value right after the colon", b);
                return {Tok::Field, lower, b};
            }
            // A colon inside a word ("10:30") is part of it.
            while (i_ < s_.size() && !is_space(s_[i_]) && s_[i_] != '(' && s_[i_] != ')' && !opens_phrase(s_, i_)) ++i_;
            word = std::string(s_.substr(b, i_ - b));
        }
        if (word == "AND") return {Tok::And, word, at};
        if (word == "OR") return {Tok::Or, word, at};
        if (word == "NOT") return {Tok::Not, word, at};
        Token t{Tok::Word, word, at};
        if (word.size() > 1 && word.back() == '*') {
            t.wildcard = true;
            t.text.pop_back();
        } else if (word == "*") {
            fail("'*' must end a word prefix, as in precurs*", at);
        }
        return t;
    }

    std::string_view s_;
    std::size_t i_ = 0;
};

struct Clause {
    Xapian::Query q;
    enum { Normal, Required, Excluded } how = Normal;
};

class Parser {
public:
    Parser(std::string_view s, const FastAnalyzer& a, bool any, const ParseLimits& lim, const StemExpander& expand)
        : s_(s), a_(a), any_(any), lim_(lim), expand_(expand), toks_(Lexer(s).run()) {}

    static constexpr std::size_t kMaxExpansion = 64;  ///< words per stem, at most
    static constexpr std::size_t kMaxDatePeriods = 400;  ///< date terms of one date: range, at most

    ParsedQuery run() {
        if (toks_.front().kind == Tok::End) throw QueryError("empty query", 1);
        Xapian::Query q = parse_or(nullptr, 0);
        if (peek().kind == Tok::RParen) fail("unbalanced parenthesis: this ')' has no matching '('", peek().offset);
        if (peek().kind != Tok::End) fail("unexpected '" + peek().text + "'", peek().offset);
        if (q.empty()) throw QueryError("the query has no searchable words", 1);
        if (top_level_or_) sq_ = {};
        hl_.stem_words_known = static_cast<bool>(expand_);
        return {q, std::move(hl_), std::move(sq_)};
    }

private:
    [[noreturn]] void fail(const std::string& msg, std::size_t at) const { throw QueryError(msg, column_of(s_, at)); }
    const Token& peek() const { return toks_[pos_]; }
    const Token& take() { return toks_[pos_++]; }

    static bool starts_operand(Tok k) {
        return k == Tok::Word || k == Tok::Phrase || k == Tok::LParen || k == Tok::Not || k == Tok::Minus ||
               k == Tok::Plus || k == Tok::Field;
    }

    Xapian::Query parse_or(const schema::Field* f, std::size_t depth) {
        std::vector<Xapian::Query> alts{parse_and(f, depth)};
        while (peek().kind == Tok::Or) {
            if (depth == 0 && !f) top_level_or_ = true;
            const Token& op = take();
            if (!starts_operand(peek().kind)) fail("OR needs a term on both sides", op.offset);
            alts.push_back(parse_and(f, depth));
        }
        return alts.size() == 1 ? alts[0] : Xapian::Query(Xapian::Query::OP_OR, alts.begin(), alts.end());
    }

    Xapian::Query parse_and(const schema::Field* f, std::size_t depth) {
        std::vector<Clause> clauses;
        bool explicit_and = false;
        if (!starts_operand(peek().kind)) {
            const Token& t = peek();
            if (t.kind == Tok::End) fail("the query ends where a term was expected", t.offset);
            if (t.kind == Tok::RParen) fail("unbalanced parenthesis: this ')' has no matching '('", t.offset);
            fail("'" + t.text + "' needs a term before it", t.offset);
        }
        while (starts_operand(peek().kind) || peek().kind == Tok::And) {
            if (peek().kind == Tok::And) {
                const Token& op = take();
                if (clauses.empty() || !starts_operand(peek().kind)) fail("AND needs a term on both sides", op.offset);
                explicit_and = true;
                continue;
            }
            // Remember top-level speaker:VALUE and quote:VALUE for the speaker-quote check.
            const Token& next = peek();
            bool field_value = depth == 0 && !f && !any_ && next.kind == Tok::Field &&
                               (next.text == "speaker" || next.text == "quote") &&
                               (toks_[pos_ + 1].kind == Tok::Word || toks_[pos_ + 1].kind == Tok::Phrase) &&
                               !toks_[pos_ + 1].wildcard;
            std::string field_name = field_value ? next.text : std::string();
            std::string raw = field_value ? toks_[pos_ + 1].text : std::string();
            clauses.push_back(parse_unary(f, depth));
            if (field_value && clauses.back().how != Clause::Excluded) {
                if (field_name == "speaker") {
                    if (std::string n = a_.normalize(raw); !n.empty()) sq_.speakers.push_back(n);
                } else {
                    std::vector<std::string> words;
                    for (const auto& k : a_.tokenize(raw)) words.push_back(k.term);
                    if (!words.empty()) sq_.words.push_back(std::move(words));
                }
            }
        }
        std::vector<Xapian::Query> pos, req, neg;
        for (Clause& c : clauses) {
            if (c.q.empty()) continue;  // a word with nothing searchable in it ("—")
            (c.how == Clause::Excluded ? neg : c.how == Clause::Required || !any_ || explicit_and ? req : pos).push_back(c.q);
        }
        Xapian::Query q;
        if (!req.empty()) q = Xapian::Query(Xapian::Query::OP_AND, req.begin(), req.end());
        if (!pos.empty()) {
            Xapian::Query p(Xapian::Query::OP_OR, pos.begin(), pos.end());
            q = q.empty() ? p : Xapian::Query(Xapian::Query::OP_AND_MAYBE, q, p);
        }
        if (!neg.empty()) {
            if (q.empty()) q = Xapian::Query::MatchAll;
            for (const auto& n : neg)
                if (!n.empty()) q = Xapian::Query(Xapian::Query::OP_AND_NOT, q, n);
        }
        return q;
    }

    Clause parse_unary(const schema::Field* f, std::size_t depth) {
        if (depth > lim_.max_depth) fail("query nested too deeply (at most " + std::to_string(lim_.max_depth) + " levels)", peek().offset);
        const Token& t = peek();
        if (t.kind == Tok::Minus || t.kind == Tok::Not) {
            take();
            if (!starts_operand(peek().kind) || peek().kind == Tok::Minus || peek().kind == Tok::Not)
                fail(std::string(t.kind == Tok::Not ? "NOT" : "'-'") + " needs a term after it", t.offset);
            bool saved = negated_;
            negated_ = !negated_;
            Clause c = parse_unary(f, depth + 1);
            negated_ = saved;
            c.how = Clause::Excluded;
            return c;
        }
        if (t.kind == Tok::Plus) {
            take();
            if (!starts_operand(peek().kind) || peek().kind == Tok::Plus) fail("'+' needs a term after it", t.offset);
            if (peek().kind == Tok::Minus || peek().kind == Tok::Not)
                fail("'+' and an exclusion contradict each other", t.offset);
            Clause c = parse_unary(f, depth + 1);
            c.how = Clause::Required;
            return c;
        }
        return {parse_primary(f, depth)};
    }

    Xapian::Query parse_primary(const schema::Field* f, std::size_t depth) {
        const Token& t = take();
        switch (t.kind) {
        case Tok::LParen: {
            if (depth + 1 > lim_.max_depth) fail("query nested too deeply (at most " + std::to_string(lim_.max_depth) + " levels)", t.offset);
            if (peek().kind == Tok::RParen) fail("empty parentheses", t.offset);
            if (peek().kind == Tok::End) fail("unbalanced parenthesis: this '(' is never closed", t.offset);
            Xapian::Query q = parse_or(f, depth + 1);
            if (peek().kind != Tok::RParen) fail("unbalanced parenthesis: this '(' is never closed", t.offset);
            take();
            return q;
        }
        case Tok::Field: {
            if (f) fail("a field inside another field's value", t.offset);
            const schema::Field* inner = schema::find_field(t.text);
            const Token& v = peek();
            if (v.kind == Tok::LParen) {
                if (inner->kind == schema::Kind::Date) fail("date: takes one date or range, not a group", v.offset);
                return parse_primary(inner, depth + 1);
            }
            if (v.kind != Tok::Word && v.kind != Tok::Phrase) fail("field '" + t.text + ":' needs a value", t.offset);
            take();
            return value(*inner, v);
        }
        case Tok::Word:
        case Tok::Phrase: return value(f ? *f : schema::field("body"), t);
        default: fail("unexpected '" + t.text + "'", t.offset);
        }
    }

    void count_term(const Token& t) {
        if (++terms_ > lim_.max_terms) fail("too many terms (at most " + std::to_string(lim_.max_terms) + ")", t.offset);
    }

    Xapian::Query value(const schema::Field& f, const Token& t) {
        count_term(t);
        const std::string prefix(f.prefix);
        switch (f.kind) {
        case schema::Kind::Date: {
            std::string err;
            std::size_t off = 0;
            auto r = date::parse_query(t.text, err, off);
            if (!r) fail(err, t.offset + off);
            if (!r->lo.empty() && !r->hi.empty()) {
                // The date terms of the years, months and days that make up the range; a
                // range that would need very many (centuries of days) reads the value slot.
                std::vector<std::string> periods = date::covering_periods(r->lo, r->hi, kMaxDatePeriods);
                if (periods.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, r->lo, r->hi);
                std::vector<Xapian::Query> terms;
                for (const std::string& p : periods) terms.emplace_back(schema::period_term(p));
                return terms.size() == 1 ? terms[0] : Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
            }
            if (!r->lo.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, r->lo);
            return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kDateSlot, r->hi);
        }
        case schema::Kind::Slug: {
            std::string s = schema::slug(t.text);
            if (s.empty()) fail("empty " + std::string(f.name) + " value", t.offset);
            // One word matches any word of the name ("bbc": "BBC News"); several, the whole name.
            const std::string p = s.find('-') == std::string::npos && !f.word_prefix.empty() ? std::string(f.word_prefix) : prefix;
            if (t.wildcard) return Xapian::Query(Xapian::Query::OP_WILDCARD, p + s);
            return Xapian::Query(p + s);
        }
        case schema::Kind::Exact: {
            std::string s = a_.normalize(t.text);
            if (s.empty()) fail("empty " + std::string(f.name) + " value", t.offset);
            if (t.wildcard) return Xapian::Query(Xapian::Query::OP_WILDCARD, prefix + s);
            return Xapian::Query(prefix + s);
        }
        case schema::Kind::Name: {
            std::string s = a_.normalize(t.text);
            if (s.empty()) fail("empty " + std::string(f.name) + " value", t.offset);
            bool one_word = s.find(' ') == std::string::npos;
            if (t.wildcard) return Xapian::Query(Xapian::Query::OP_WILDCARD, std::string(f.word_prefix) + s);
            // One word matches any name word; several match the full name or its last words.
            return Xapian::Query(one_word ? std::string(f.word_prefix) + s : prefix + s);
        }
        case schema::Kind::Text: break;
        }
        std::vector<text::Token> toks = a_.tokenize(t.text);
        if (toks.empty()) return Xapian::Query();  // punctuation only: no constraint
        if (t.wildcard && toks.size() == 1) {
            if (!negated_) hl_.prefixes.insert(toks[0].term);
            return Xapian::Query(Xapian::Query::OP_WILDCARD, prefix + toks[0].term, 1000,
                                 Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
        }
        if (!negated_)
            for (const auto& k : toks) hl_.terms.insert(k.term);
        if (toks.size() == 1 && t.kind == Tok::Word) {
            const text::Token& k = toks[0];
            if (!k.stemmable) return Xapian::Query(prefix + k.term);
            const std::string& base = k.alt.empty() ? k.term : k.alt;  // "china" for "china's"
            std::string stem = a_.stem(base);
            if (!negated_) {
                hl_.stems.insert(stem);
                hl_.stem_words.emplace(base, stem);
            }
            std::vector<std::string> words{base};
            if (expand_)
                for (std::string& w : expand_(stem)) {
                    if (!negated_) hl_.stem_words.emplace(w, stem);  // all of them, beyond kMaxExpansion too
                    if (w != base && words.size() < kMaxExpansion) words.push_back(std::move(w));
                }
            if (words.size() == 1) return Xapian::Query(prefix + base);
            std::vector<Xapian::Query> alts;
            for (const std::string& w : words) alts.emplace_back(prefix + w);
            return Xapian::Query(Xapian::Query::OP_SYNONYM, alts.begin(), alts.end());
        }
        std::vector<Xapian::Query> parts;
        for (const auto& k : toks) parts.emplace_back(prefix + k.term);
        if (parts.size() == 1) return parts[0];
        if (t.slop >= 0)
            return Xapian::Query(Xapian::Query::OP_NEAR, parts.begin(), parts.end(),
                                 static_cast<Xapian::termcount>(parts.size() + static_cast<std::size_t>(t.slop)));
        return Xapian::Query(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(), static_cast<Xapian::termcount>(parts.size()));
    }

    std::string_view s_;
    const FastAnalyzer& a_;
    bool any_;
    ParseLimits lim_;
    const StemExpander& expand_;
    std::vector<Token> toks_;
    std::size_t pos_ = 0;
    std::size_t terms_ = 0;
    bool negated_ = false;
    bool top_level_or_ = false;
    Highlight hl_;
    SpeakerQuote sq_;
};

}  // namespace

ParsedQuery parse_query(std::string_view text, const FastAnalyzer& analyzer, bool default_or, const ParseLimits& limits,
                        const StemExpander& expand) {
    return Parser(text, analyzer, default_or, limits, expand).run();
}

ParsedQuery parse_query(std::string_view text, const text::Analyzer& analyzer, bool default_or, const ParseLimits& limits,
                        const StemExpander& expand) {
    return parse_query(text, FastAnalyzer(analyzer), default_or, limits, expand);
}

}  // namespace news::search
