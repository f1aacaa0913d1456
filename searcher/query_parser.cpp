/// @file
/// @brief A recursive-descent query parser with column-accurate errors.
#include "searcher/query_parser.h"

#include "common/date.h"
#include "common/schema.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <optional>
#include <set>
#include <vector>

namespace news::search {
namespace {

enum class Tok { Word, Phrase, LParen, RParen, And, Or, Not, Minus, Plus, Field, End };

struct Token {
    Token(Tok k, std::string t, std::size_t at) : kind(k), text(std::move(t)), offset(at) {}
    Tok kind;
    std::string text;        // word, phrase content, or field name
    std::size_t offset = 0;  // byte offset in the query
    bool wildcard = false;   // word ended with '*'
    int slop = -1;           // phrase ~N
    std::string not_field;   // "Trump:" when the word began with a name and a colon that is no field
    bool exact = false;      // a field written "name:=": its value is a whole name
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
                if (schema::find_field(lower)) {
                    ++i_;
                    const bool exact = i_ < s_.size() && s_[i_] == '=';
                    if (exact) ++i_;
                    if (i_ >= s_.size() || is_space(s_[i_]) || s_[i_] == ')')
                        fail("field '" + lower + (exact ? ":=" : ":") + "' needs a value right after the " +
                                 (exact ? "'='" : "colon"), b);
                    Token t{Tok::Field, lower, b};
                    t.exact = exact;
                    return t;
                }
            }
            // A colon inside a word ("10:30") is part of it, and so is the colon of a name
            // that is no field ("Trump: ...", "foo:bar"): text, as in Xapian's QueryParser.
            while (i_ < s_.size() && !is_space(s_[i_]) && s_[i_] != '(' && s_[i_] != ')' && !opens_phrase(s_, i_)) ++i_;
            std::string whole(s_.substr(b, i_ - b));
            if (name_like) {
                Token t = word_token(whole, at);
                t.not_field = word + ":";
                return t;
            }
            word = std::move(whole);
        }
        if (word == "AND") return {Tok::And, word, at};
        if (word == "OR") return {Tok::Or, word, at};
        if (word == "NOT") return {Tok::Not, word, at};
        return word_token(word, at);
    }

    // A word; '*' may only end it (Xapian 1.4 expands the beginnings of words, nothing else).
    Token word_token(const std::string& word, std::size_t at) {
        if (word == "*") fail("'*' must end a word prefix, as in precurs*", at);
        Token t{Tok::Word, word, at};
        std::size_t star = word.find('*');
        if (star == 0)
            fail("a wildcard can only end a word: '" + word + "' would need words ending in '" + word.substr(1) +
                 "', and only beginnings are expanded (as in " + word.substr(1) + "*)", at);
        if (star != std::string::npos && star + 1 < word.size())
            fail("a wildcard can only end a word, as in " + word.substr(0, star) + "*", at + star);
        if (star != std::string::npos) {
            t.wildcard = true;
            t.text.pop_back();
        }
        return t;
    }

    std::string_view s_;
    std::size_t i_ = 0;
};

bool has_and_not_or_phrase(const Xapian::Query& q) {
    using Q = Xapian::Query;
    if (q.get_type() == Q::OP_AND_NOT || q.get_type() == Q::OP_PHRASE || q.get_type() == Q::OP_NEAR) return true;
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i)
        if (has_and_not_or_phrase(q.get_subquery(i))) return true;
    return false;
}

/// What a quote: clause weighs article-wide, where its quote slots decide what matches: @p q
/// without what its AND_NOTs exclude, and its phrases and NEARs as the AND of their words
/// (Xapian weighs a phrase so; XQ terms have no positions).
Xapian::Query positive_part(const Xapian::Query& q) {
    using Q = Xapian::Query;
    if (!has_and_not_or_phrase(q)) return q;
    if (q.get_type() == Q::OP_AND_NOT) return positive_part(q.get_subquery(0));
    std::vector<Q> subs;
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) subs.push_back(positive_part(q.get_subquery(i)));
    if (q.get_type() == Q::OP_PHRASE || q.get_type() == Q::OP_NEAR) return Q(Q::OP_AND, subs.begin(), subs.end());
    return Q(q.get_type(), subs.begin(), subs.end());  // AND, OR, AND_MAYBE, FILTER, SYNONYM: no parameter
}

/// Does @p q hold in one quote whenever it holds in the words of all an article's quotes? True
/// for a word, a stem group, a prefix and ORs of them; an AND, a NOT, a phrase or NEAR may
/// hold only across two quotes.
bool one_quote_suffices(const Xapian::Query& q) {
    using Q = Xapian::Query;
    switch (q.get_type()) {
    case Q::LEAF_TERM:
    case Q::OP_WILDCARD: return true;
    case Q::OP_OR:
    case Q::OP_SYNONYM:
        for (std::size_t i = 0; i < q.get_num_subqueries(); ++i)
            if (!one_quote_suffices(q.get_subquery(i))) return false;
        return true;
    default: return false;
    }
}

struct Clause {
    Xapian::Query q;
    enum { Normal, Required, Excluded } how = Normal;
    /// A quote: clause paired with a speaker: clause: its pairing filter decides the match,
    /// so article-wide it only weighs, or (excluded) is dropped.
    enum { No, WeightOnly, Dropped } paired = No;
};

/// Where a clause of an AND group came from, for speaker-quote pairing.
struct Info {
    enum { Other, Speaker, Quote, Said } field = Other;
    std::size_t begin = 0;  ///< its first token (with any '-', NOT or '+')
};

class Parser {
public:
    Parser(std::string_view s, const FastAnalyzer& a, bool any, const ParseLimits& lim, const StemExpander& expand,
           const QuoteSlots& slots, const SpeakerLinks& links, const WordLinks& word_links)
        : s_(s), a_(a), any_(any), lim_(lim), expand_(expand), slots_(slots), links_(links), word_links_(word_links),
          toks_(Lexer(s).run()) {}

    static constexpr std::size_t kMaxExpansion = 64;  ///< words per stem, at most
    static constexpr std::size_t kMaxDatePeriods = 400;  ///< date terms of one date: range, at most
    static constexpr std::size_t kMaxWildcardWords = 1000;  ///< as Xapian's wildcards here

    ParsedQuery run() {
        if (toks_.front().kind == Tok::End) throw QueryError("empty query", 1);
        Xapian::Query q = parse_or(nullptr, 0);
        if (peek().kind == Tok::RParen) fail("unbalanced parenthesis: this ')' has no matching '('", peek().offset);
        if (peek().kind != Tok::End) fail("unexpected '" + peek().text + "'", peek().offset);
        if (q.empty()) throw QueryError("the query has no searchable words", 1);
        hl_.stem_words_known = static_cast<bool>(expand_);
        return {q, std::move(hl_), std::move(shows_), std::move(notes_), std::move(wildcards_), dated_};
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
            const Token& op = take();
            if (!starts_operand(peek().kind)) fail("OR needs a term on both sides", op.offset);
            alts.push_back(parse_and(f, depth));
        }
        return alts.size() == 1 ? alts[0] : Xapian::Query(Xapian::Query::OP_OR, alts.begin(), alts.end());
    }

    Xapian::Query parse_and(const schema::Field* f, std::size_t depth) {
        std::vector<Clause> clauses;
        std::vector<Info> infos;
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
            // Which clauses are speaker: and quote: fields (behind any '-', NOT or '+'), and
            // their tokens, to parse them again for each quote slot.
            Info in;
            in.begin = pos_;
            std::size_t p = pos_;
            while (toks_[p].kind == Tok::Minus || toks_[p].kind == Tok::Not || toks_[p].kind == Tok::Plus) ++p;
            if (!f && toks_[p].kind == Tok::Field)
                in.field = toks_[p].text == "speaker" ? Info::Speaker
                           : toks_[p].text == "quote" ? Info::Quote
                           : toks_[p].text == "said"  ? Info::Said
                                                      : Info::Other;
            clauses.push_back(parse_unary(f, depth));
            infos.push_back(in);
        }
        std::vector<Xapian::Query> filters, exclusions;
        if (!f) pair_quotes(clauses, infos, !any_ || explicit_and, depth, filters, exclusions);
        std::vector<Xapian::Query> pos, req, neg, weight;
        for (Clause& c : clauses) {
            if (c.q.empty() || c.paired == Clause::Dropped) continue;  // a word with nothing searchable in it ("—")
            if (c.paired == Clause::WeightOnly) {
                weight.push_back(c.q);
                continue;
            }
            (c.how == Clause::Excluded ? neg : c.how == Clause::Required || !any_ || explicit_and ? req : pos).push_back(c.q);
        }
        Xapian::Query q;
        if (!req.empty()) q = Xapian::Query(Xapian::Query::OP_AND, req.begin(), req.end());
        // A paired quote: clause matches through its pairing filter; article-wide it only
        // weighs (`quote:(mexico -wall)` holds in a quote even when another quote has wall).
        for (const auto& w : weight) q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, q, w);
        if (!pos.empty()) {
            Xapian::Query p(Xapian::Query::OP_OR, pos.begin(), pos.end());
            q = q.empty() ? p : Xapian::Query(Xapian::Query::OP_AND_MAYBE, q, p);
        }
        if (!neg.empty()) {
            if (q.empty()) q = Xapian::Query(std::string{});  // (every document; not the static MatchAll: threads)
            for (const auto& n : neg)
                if (!n.empty()) q = Xapian::Query(Xapian::Query::OP_AND_NOT, q, n);
        }
        // Pairing terms filter: never weighed (OP_FILTER and AND_NOT weigh their left side only).
        for (const auto& x : filters) q = Xapian::Query(Xapian::Query::OP_FILTER, q, x);
        for (const auto& x : exclusions) q = Xapian::Query(Xapian::Query::OP_AND_NOT, q, x);
        return q;
    }

    using Slot = std::pair<std::size_t, std::size_t>;  ///< (k, i); a speaker's terms have i = SIZE_MAX
    using SlotSet = std::optional<std::set<Slot>>;       ///< nullopt: any slot may match

    /// The clause @p in parsed again with the pairing terms of quote slot @p slot, or (no
    /// slot) as a template whose terms end in the bare separator.
    Xapian::Query in_slot(const Info& in, std::optional<Slot> slot, std::size_t depth) {
        const std::size_t saved_pos = pos_;
        const bool saved_negated = negated_;
        pos_ = in.begin;
        slot_ = slot;
        replaying_ = true;
        Clause c = parse_unary(nullptr, depth);
        replaying_ = false;
        slot_.reset();
        pos_ = saved_pos;
        negated_ = saved_negated;
        return c.q;
    }

    /// The database's terms starting with @p head (asked once per query).
    const std::vector<std::string>& terms_from(const std::string& head) {
        auto it = scans_.find(head);
        if (it == scans_.end()) it = scans_.emplace(head, slots_.terms ? slots_.terms(head) : std::vector<std::string>{}).first;
        return it->second;
    }

    /// @p all becomes the slots in both @p all and @p one (nullopt: any slot).
    static void narrow(SlotSet& all, SlotSet one) {
        if (!one) return;
        if (!all) {
            all = std::move(one);
            return;
        }
        std::set<Slot> both;
        std::set_intersection(all->begin(), all->end(), one->begin(), one->end(), std::inserter(both, both.end()));
        all = std::move(both);
    }

    /// The slots where template @p q may match, from the ranges of its terms.
    SlotSet slots_of(const Xapian::Query& q) {
        using Q = Xapian::Query;
        switch (q.get_type()) {
        case Q::LEAF_TERM: {
            const std::string t = *q.get_terms_begin();
            if (t.empty() || t.back() != schema::kSlotSeparator) return std::nullopt;
            const bool wildcard = t.size() >= 2 && t[t.size() - 2] == '*';
            const std::string& head = wildcard ? t.substr(0, t.size() - 2) : t;
            const std::vector<std::string>& found = terms_from(head);
            if (found.size() >= kMaxSlotTerms) return std::nullopt;
            std::set<Slot> out;
            for (const std::string& x : found) {
                Slot s;
                if (schema::parse_slot(x, s.first, s.second)) out.insert(s);
            }
            return out;
        }
        case Q::OP_AND:
        case Q::OP_PHRASE:
        case Q::OP_NEAR:
        case Q::OP_FILTER: {
            SlotSet all;
            for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) narrow(all, slots_of(q.get_subquery(i)));
            return all;
        }
        case Q::OP_OR:
        case Q::OP_SYNONYM: {
            std::set<Slot> any;
            for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
                SlotSet one = slots_of(q.get_subquery(i));
                if (!one) return std::nullopt;
                any.insert(one->begin(), one->end());
            }
            return any;
        }
        case Q::OP_AND_NOT:
        case Q::OP_AND_MAYBE: return slots_of(q.get_subquery(0));
        default: return std::nullopt;
        }
    }

    /// @p term, or (a pairing term of a slot that is not in the database) the term never
    /// indexed: in a slot, most words of a query are absent, and each term looked up costs.
    std::string present(const std::string& term) {
        if (!slot_) return term;
        const std::size_t sep = term.rfind(schema::kSlotSeparator);
        const std::vector<std::string>& there = terms_from(term.substr(0, sep + 1));
        if (std::binary_search(there.begin(), there.end(), term)) return term;
        return std::string(schema::kNoSlotTerm);
    }

    /// A wildcard on pairing terms: in a template, a term marking it ("XWwal*#"); in a slot,
    /// the words with that start in that slot.
    Xapian::Query slot_wildcard(const std::string& head, const std::string& suffix) {
        if (!slot_) return Xapian::Query(head + "*" + suffix);
        std::vector<Xapian::Query> alts;
        for (const std::string& t : terms_from(head))
            if (t.ends_with(suffix) && t.find(schema::kSlotSeparator, head.size()) == t.size() - suffix.size() &&
                alts.size() < kMaxWildcardWords)
                alts.emplace_back(t);
        if (alts.empty()) return Xapian::Query(std::string(schema::kNoSlotTerm));
        return Xapian::Query(Xapian::Query::OP_SYNONYM, alts.begin(), alts.end());
    }

    /// OR over the quote slots (k, i) of (speaker#k AND every one of quotes#k.i); without a
    /// speaker, of every one of quotes#k.i (one quote, anybody's or nobody's, holds them all).
    /// Only slots where the terms are: the ranges of the template's terms give them.
    Xapian::Query over_slots(const Info* speaker, const std::vector<const Info*>& quotes, std::size_t depth) {
        const Xapian::Query none{std::string(schema::kNoSlotTerm)};  // MatchNothing is an empty query
        if (!slots_.terms) return none;
        SlotSet where;
        for (const Info* q : quotes) narrow(where, slots_of(in_slot(*q, std::nullopt, depth)));
        if (!where) {  // every slot of the database (a clause such as quote:(-x) may hold anywhere)
            where.emplace();
            // (reported speech's slots only for said:)
            const bool said = std::any_of(quotes.begin(), quotes.end(), [](const Info* q) { return q->field == Info::Said; });
            for (std::string_view marker : {schema::kSlotMarkerPrefix, schema::kReportedMarkerPrefix}) {
                if (marker == schema::kReportedMarkerPrefix && !said) continue;
                for (const std::string& t : terms_from(std::string(marker))) {
                    Slot s;
                    if (schema::parse_slot(t, s.first, s.second)) where->insert(s);
                }
            }
        }
        const SlotSet speakers = speaker ? slots_of(in_slot(*speaker, std::nullopt, depth)) : SlotSet();
        std::vector<Xapian::Query> alts;
        std::map<std::size_t, Xapian::Query> who;  // the speaker's terms per k
        for (const Slot& slot : *where) {
            if (speakers && !speakers->count({slot.first, SIZE_MAX})) continue;
            std::vector<Xapian::Query> all;
            if (speaker) {
                auto it = who.find(slot.first);
                if (it == who.end()) it = who.emplace(slot.first, in_slot(*speaker, slot, depth)).first;
                all.push_back(it->second);
            }
            for (const Info* q : quotes) all.push_back(in_slot(*q, slot, depth));
            alts.push_back(all.size() == 1 ? all[0] : Xapian::Query(Xapian::Query::OP_AND, all.begin(), all.end()));
        }
        if (alts.empty()) return none;
        return alts.size() == 1 ? alts[0] : Xapian::Query(Xapian::Query::OP_OR, alts.begin(), alts.end());
    }

    /// Pairs each quote: clause of an AND group with the speaker: clause before it (else the
    /// first one after it): a filter for the quotes it must hold, an exclusion for each it
    /// must not (whose article-wide clause is dropped: `speaker:A -quote:X` is about A's
    /// quotes only). Also notes what to show with results.
    void pair_quotes(std::vector<Clause>& clauses, const std::vector<Info>& infos, bool conjunctive, std::size_t depth,
                     std::vector<Xapian::Query>& filters, std::vector<Xapian::Query>& exclusions) {
        const bool show = !negated_ && !replaying_;
        std::vector<std::size_t> speakers;
        for (std::size_t i = 0; i < clauses.size(); ++i)
            if (infos[i].field == Info::Speaker && clauses[i].how != Clause::Excluded && !clauses[i].q.empty())
                speakers.push_back(i);
        std::vector<std::vector<std::size_t>> attached(clauses.size());
        for (std::size_t i = 0; i < clauses.size(); ++i) {
            if ((infos[i].field != Info::Quote && infos[i].field != Info::Said) || clauses[i].q.empty()) continue;
            std::optional<std::size_t> anchor;
            if (conjunctive) {
                for (std::size_t s : speakers) {
                    if (s < i || !anchor) anchor = s;
                    else break;
                }
            }
            if (anchor) {
                attached[*anchor].push_back(i);
                continue;
            }
            if (show && clauses[i].how != Clause::Excluded)
                shows_.push_back({Xapian::Query(), clauses[i].q, infos[i].field == Info::Said});
            // Unpaired, quote:X still means one quote holding X: where the words of all the
            // quotes could hold it when no one quote does, the slots decide (and the words weigh).
            if (!one_quote_suffices(clauses[i].q)) {
                Xapian::Query one = over_slots(nullptr, {&infos[i]}, depth);
                clauses[i].q = clauses[i].how == Clause::Excluded
                                   ? one
                                   : Xapian::Query(Xapian::Query::OP_FILTER, positive_part(clauses[i].q), one);
            }
        }
        for (std::size_t s : speakers) {
            std::vector<const Info*> held;
            std::vector<Xapian::Query> shown;
            bool said = false;  // a said: clause held: someone who only reports speaks too
            for (std::size_t i : attached[s]) {
                if (clauses[i].how == Clause::Excluded) {
                    exclusions.push_back(over_slots(&infos[s], {&infos[i]}, depth));
                    clauses[i].paired = Clause::Dropped;
                } else {
                    shown.push_back(clauses[i].q);
                    clauses[i].paired = Clause::WeightOnly;
                    clauses[i].q = positive_part(clauses[i].q);
                    held.push_back(&infos[i]);
                    said |= infos[i].field == Info::Said;
                }
            }
            if (!held.empty()) filters.push_back(over_slots(&infos[s], held, depth));
            if (show)
                shows_.push_back({clauses[s].q,
                                  shown.empty()       ? Xapian::Query()
                                  : shown.size() == 1 ? shown[0]
                                                      : Xapian::Query(Xapian::Query::OP_AND, shown.begin(), shown.end()),
                                  said});
            // `speaker:A said:X` holds where A only reports X too: the slots decide, the speaker's
            // article-wide terms (a quoted speaker's) only weigh (every document, maybe those).
            if (said)
                clauses[s].q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, Xapian::Query(std::string{}), clauses[s].q);
        }
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
            if (t.exact) {
                if (inner->kind == schema::Kind::Text || inner->kind == schema::Kind::Date)
                    fail("'" + t.text + ":=' : only speaker:, person:, author:, source:, place:, topic: and lang: take '=' "
                         "(the whole name)", t.offset);
                if (v.kind != Tok::Word && v.kind != Tok::Phrase)
                    fail("'" + t.text + ":=' takes one name, as in " + t.text + ":=\"jen daskal\"", t.offset);
                if (v.wildcard) fail("'" + t.text + ":=' takes a whole name, without '*'", v.offset + v.text.size());
                Token whole = take();
                whole.exact = true;
                return value(*inner, whole);
            }
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

    /// @p q (the terms of the full name @p name) ORed with the speakers known by its last word
    /// alone that the alias table links to it: whole name XSPKN+word, the years of the link
    /// (date terms) and its sex (XSPKX); in a quote slot, with the pairing term @p pair_prefix +
    /// word + @p suffix too. Filters only: never weighed.
    Xapian::Query linked(const Xapian::Query& q, const std::string& name, const std::string& pair_prefix,
                         const std::string& suffix) {
        auto it = linked_.find(name);
        if (it == linked_.end()) it = linked_.emplace(name, links_(name)).first;
        if (it->second.empty()) return q;
        using Q = Xapian::Query;
        std::vector<Q> alts{q};
        for (const aliases::Alias& a : it->second) alts.push_back(alias_condition(a, pair_prefix, suffix));
        return Q(Q::OP_OR, alts.begin(), alts.end());
    }

    /// The speakers known as @p a.word whom the link @p a takes (aliases::takes): whole name
    /// XSPKN+word, the years (date terms) and the sex (XSPKX); in a quote slot, with the pairing
    /// term @p pair_prefix + word + @p suffix too.
    Xapian::Query alias_condition(const aliases::Alias& a, const std::string& pair_prefix, const std::string& suffix) {
        using Q = Xapian::Query;
        const std::string sexed = std::string(schema::kSpeakerSexPrefix);
        Q who(std::string(schema::kSpeakerWholePrefix) + a.word);
        if (!pair_prefix.empty()) who = Q(Q::OP_FILTER, Q(present(pair_prefix + a.word + suffix)), who);
        std::vector<Q> years;
        for (int y : a.years) years.emplace_back(schema::period_term(std::to_string(y)));
        who = Q(Q::OP_FILTER, who, Q(Q::OP_OR, years.begin(), years.end()));
        if (a.sex) return Q(Q::OP_FILTER, who, Q(sexed + a.sex + a.word));
        return Q(Q::OP_AND_NOT, who, Q(Q::OP_OR, Q(sexed + "m" + a.word), Q(sexed + "f" + a.word)));
    }

    /// `field:=NAME`: the whole name @p name (folded), what a facet value counts. A speaker's is
    /// a person's (XSPKN) or another speaker's (XSPKO); a person's full name also matches the
    /// one-word speakers the alias table links to it (as `speaker:"full name"` does), and a
    /// one-word name only the speakers of that name it links to nobody.
    Xapian::Query whole_name(const schema::Field& f, const std::string& name) {
        using Q = Xapian::Query;
        if (f.name == "person") return Q(std::string(schema::kPersonWholePrefix) + name);
        if (f.name == "author") return Q(std::string(schema::kAuthorWholePrefix) + name);
        const Q person(std::string(schema::kSpeakerWholePrefix) + name);
        const Q other(std::string(schema::kSpeakerOtherPrefix) + name);
        if (name.find(' ') != std::string::npos) return Q(Q::OP_OR, links_ ? linked(person, name, {}, {}) : person, other);
        if (!word_links_) return Q(Q::OP_OR, person, other);
        std::vector<Q> taken;
        for (const aliases::Link& l : word_links_(name)) taken.push_back(alias_condition(l.alias, {}, {}));
        if (taken.empty()) return Q(Q::OP_OR, person, other);
        return Q(Q::OP_OR, Q(Q::OP_AND_NOT, person, Q(Q::OP_OR, taken.begin(), taken.end())), other);
    }

    /// Adds a note once (a clause may be parsed again, for each quote slot).
    void note(std::string text) {
        if (std::find(notes_.begin(), notes_.end(), text) == notes_.end()) notes_.push_back(std::move(text));
    }

    /// The token as typed, for notes.
    std::string quoted(const Token& t) const {
        if (t.kind == Tok::Phrase) return "\"" + t.text + "\"";
        return "'" + t.text + (t.wildcard ? "*" : "") + "'";
    }

    void count_term(const Token& t) {
        if (replaying_) return;  // counted the first time
        if (++terms_ > lim_.max_terms) fail("too many terms (at most " + std::to_string(lim_.max_terms) + ")", t.offset);
    }

    Xapian::Query value(const schema::Field& f, const Token& t) {
        // said: is quoted or reported: the value as quote words, OR as reported speech's.
        if (f.name == "said" && said_family_ == 0) {
            count_term(t);
            struct Reset {
                int& family;
                ~Reset() { family = 0; }
            } reset{said_family_};
            said_family_ = 1;
            const Xapian::Query quoted = value(f, t);
            said_family_ = 2;
            const Xapian::Query reported = value(f, t);
            if (quoted.empty() || reported.empty()) return quoted.empty() ? reported : quoted;
            return Xapian::Query(Xapian::Query::OP_OR, quoted, reported);
        }
        if (said_family_ == 0) count_term(t);
        const bool quote_words = f.name == "quote" || (f.name == "said" && said_family_ == 1);
        std::string prefix(f.name == "said" ? (quote_words ? schema::kQuotePrefix : schema::kReportedPrefix) : f.prefix);
        std::string word_prefix(f.word_prefix), suffix;
        // Parsed again for speaker-quote pairing: the pairing terms of a slot, or a template.
        const bool pairing = replaying_ && (f.name == "quote" || f.name == "said" || f.name == "speaker");
        if (pairing) {
            prefix = quote_words ? schema::kPairWordPrefix
                     : f.name == "said" ? schema::kReportedWordPrefix
                                        : schema::kPairNamePrefix;
            word_prefix = schema::kPairNameWordPrefix;
            suffix = !slot_                  ? std::string(1, schema::kSlotSeparator)
                     : f.name != "speaker" ? schema::quote_slot_suffix(slot_->first, slot_->second)
                                           : schema::speaker_slot_suffix(slot_->first);
        }
        switch (f.kind) {
        case schema::Kind::Date: {
            if (t.wildcard) fail("date: takes no wildcard ('date:2024' is the whole year)", t.offset + t.text.size());
            std::string err;
            std::size_t off = 0;
            auto r = date::parse_query(t.text, err, off, lim_.today.empty() ? date::today_utc() : lim_.today);
            dated_ = true;
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
            const std::string p =
                !t.exact && s.find('-') == std::string::npos && !f.word_prefix.empty() ? std::string(f.word_prefix) : prefix;
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
            // Speakers' initials are indexed apart ("George H. W. Bush", however written):
            // "h.w." in a speaker: query is "h. w." too.
            std::string typed = t.text;
            if (f.name == "speaker")
                for (std::size_t at = 0; (at = typed.find('.', at)) != std::string::npos; ++at)
                    if (at + 1 < typed.size() && std::isalpha(static_cast<unsigned char>(typed[at + 1]))) typed.insert(at + 1, " ");
            std::string s = a_.normalize(typed);
            if (s.empty()) fail("empty " + std::string(f.name) + " value", t.offset);
            bool one_word = s.find(' ') == std::string::npos;
            if (t.wildcard && pairing) return slot_wildcard(word_prefix + s, suffix);
            if (t.wildcard) return Xapian::Query(Xapian::Query::OP_WILDCARD, word_prefix + s);
            if (t.exact && !pairing) return whole_name(f, s);
            if (t.exact) one_word = false;  // (in a quote slot: the name or its last words, as indexed there)
            // One word matches any name word; several match the full name or its last words.
            Xapian::Query q(present((one_word ? word_prefix : prefix) + s + suffix));
            if (one_word || f.name != "speaker" || !links_) return q;
            return linked(q, s, pairing ? prefix : std::string(), suffix);
        }
        case schema::Kind::Text: break;
        }
        std::vector<text::Token> toks = a_.tokenize(t.text);
        if (toks.empty()) {  // punctuation only: no constraint
            if (t.wildcard) fail("'*' must end a word prefix, as in precurs*", t.offset);
            note(quoted(t) + " holds no searchable word: left out");
            return Xapian::Query();
        }
        if (!t.not_field.empty()) {
            std::string as = toks.size() == 1 ? "the word " + toks[0].term : "the phrase \"";
            if (toks.size() > 1) {
                for (std::size_t i = 0; i < toks.size(); ++i) as += (i ? " " : "") + toks[i].term;
                as += "\"";
            }
            note("'" + t.not_field + "' is not a field: searched as " + as + (t.wildcard ? "*" : ""));
        }
        if (t.wildcard && toks.size() > 1)
            fail("a wildcard needs one word before the '*': '" + t.text + "' is " + std::to_string(toks.size()) + " words", t.offset);
        if (t.wildcard && toks.size() == 1) {
            if (highlighting()) hl_.prefixes.insert(toks[0].term);
            if (pairing) return slot_wildcard(prefix + toks[0].term, suffix);
            if (std::pair<std::string, std::string> w{quoted(t), prefix + toks[0].term}; std::find(wildcards_.begin(), wildcards_.end(), w) == wildcards_.end())
                wildcards_.push_back(std::move(w));
            return Xapian::Query(Xapian::Query::OP_WILDCARD, prefix + toks[0].term, kMaxWildcardWords,
                                 Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
        }
        if (highlighting())
            for (const auto& k : toks) hl_.terms.insert(k.term);
        if (toks.size() == 1 && t.kind == Tok::Word) {
            const text::Token& k = toks[0];
            if (!k.stemmable) return Xapian::Query(present(prefix + k.term + suffix));
            const std::string& base = k.alt.empty() ? k.term : k.alt;  // "china" for "china's"
            std::string stem = a_.stem(base);
            if (highlighting()) {
                hl_.stems.insert(stem);
                hl_.stem_words.emplace(base, stem);
            }
            std::vector<std::string> words{base};
            std::size_t left_out = 0;
            if (expand_)
                for (const std::string& w : expansion(stem)) {
                    if (highlighting()) hl_.stem_words.emplace(w, stem);  // all of them, beyond kMaxExpansion too
                    if (w == base) continue;
                    if (words.size() < kMaxExpansion) words.push_back(w);
                    else ++left_out;
                }
            if (left_out)
                note(quoted(t) + ": " + std::to_string(words.size() + left_out) + " indexed words share its stem; the first " +
                     std::to_string(kMaxExpansion) + " (alphabetically) are searched");
            if (slot_)  // in a slot, only the words it has (each one looked up is a cost)
                std::erase_if(words, [&](const std::string& w) { return present(prefix + w + suffix) != prefix + w + suffix; });
            if (words.empty()) return Xapian::Query(std::string(schema::kNoSlotTerm));
            if (words.size() == 1) return Xapian::Query(prefix + words[0] + suffix);
            std::vector<Xapian::Query> alts;
            for (const std::string& w : words) alts.emplace_back(prefix + w + suffix);
            return Xapian::Query(Xapian::Query::OP_SYNONYM, alts.begin(), alts.end());
        }
        // Any sentence is found as a phrase, also one holding a '*': there it is no wildcard.
        if (t.kind == Tok::Phrase && t.text.find('*') != std::string::npos)
            note(quoted(t) + ": '*' inside quotation marks is no wildcard; the phrase's words are matched exactly");
        std::vector<Xapian::Query> parts;
        for (const auto& k : toks) parts.emplace_back(present(prefix + k.term + suffix));
        if (parts.size() == 1 && t.slop >= 0) note(quoted(t) + "~" + std::to_string(t.slop) + ": one word, so the distance does nothing");
        if (parts.size() == 1) return parts[0];
        if (pairing && t.slop >= 0 && toks.size() > kMaxSlotNearWords)
            fail(quoted(t) + "~" + std::to_string(t.slop) + " is a NEAR of " + std::to_string(toks.size()) +
                     " words inside one quote: at most " + std::to_string(kMaxSlotNearWords) +
                     " there (each order of the words is searched); use a phrase, or AND",
                 t.offset);
        if (pairing && slot_) return slot_phrase(toks, t.slop, parts);
        if (t.slop >= 0)
            return Xapian::Query(Xapian::Query::OP_NEAR, parts.begin(), parts.end(),
                                 static_cast<Xapian::termcount>(parts.size() + static_cast<std::size_t>(t.slop)));
        return Xapian::Query(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(), static_cast<Xapian::termcount>(parts.size()));
    }

    /// A phrase (@p slop < 0) or NEAR of @p toks inside the quote of slot_: the quote must hold
    /// each word (@p words, its pairing terms), and the body's words must be in place between
    /// two positions of the quote's marker (schema::slot_marker): for NEAR, in some order.
    Xapian::Query slot_phrase(const std::vector<text::Token>& toks, int slop, const std::vector<Xapian::Query>& words) {
        using Q = Xapian::Query;
        const std::string none(schema::kNoSlotTerm);
        for (const Q& w : words)
            if (*w.get_terms_begin() == none) return w;
        const std::string marker = schema::slot_marker(slot_->first, slot_->second,
                                                       said_family_ == 2 ? schema::kReportedMarkerPrefix
                                                                         : schema::kSlotMarkerPrefix);
        std::vector<std::string> order;
        for (const auto& k : toks) order.push_back(std::string(schema::kBodyPrefix) + k.term);
        const auto window = static_cast<Xapian::termcount>(order.size() + 2 + static_cast<std::size_t>(std::max(slop, 0)));
        std::vector<Q> phrases;
        if (slop >= 0) std::sort(order.begin(), order.end());
        do {
            std::vector<Q> parts{Q(marker)};
            for (const std::string& w : order) parts.emplace_back(w);
            parts.emplace_back(marker);
            phrases.emplace_back(Q::OP_PHRASE, parts.begin(), parts.end(), window);
        } while (slop >= 0 && std::next_permutation(order.begin(), order.end()));
        Q where = phrases.size() == 1 ? phrases[0] : Q(Q::OP_OR, phrases.begin(), phrases.end());
        return Q(Q::OP_FILTER, where, Q(Q::OP_AND, words.begin(), words.end()));
    }

    bool highlighting() const { return !negated_ && !replaying_; }

    /// The stem table's words for @p stem, asked once per query (quote slots ask again).
    const std::vector<std::string>& expansion(const std::string& stem) {
        auto it = expansions_.find(stem);
        if (it == expansions_.end()) it = expansions_.emplace(stem, expand_(stem)).first;
        return it->second;
    }

    std::string_view s_;
    const FastAnalyzer& a_;
    bool any_;
    ParseLimits lim_;
    const StemExpander& expand_;
    const QuoteSlots& slots_;
    const SpeakerLinks& links_;
    const WordLinks& word_links_;
    std::map<std::string, std::vector<aliases::Alias>> linked_;  ///< links_ asked once per name
    std::vector<Token> toks_;
    std::size_t pos_ = 0;
    std::size_t terms_ = 0;
    bool negated_ = false;
    bool replaying_ = false;               ///< parsing a clause again for a quote slot
    int said_family_ = 0;  ///< parsing a said: value as quote words (1) or reported speech's (2)
    std::optional<Slot> slot_;  ///< that slot; none: a template
    std::map<std::string, std::vector<std::string>> scans_;
    std::map<std::string, std::vector<std::string>> expansions_;
    Highlight hl_;
    std::vector<QuoteShow> shows_;
    std::vector<std::string> notes_;
    std::vector<std::pair<std::string, std::string>> wildcards_;
    bool dated_ = false;
};

}  // namespace

ParsedQuery parse_query(std::string_view text, const FastAnalyzer& analyzer, bool default_or, const ParseLimits& limits,
                        const StemExpander& expand, const QuoteSlots& slots, const SpeakerLinks& links,
                        const WordLinks& word_links) {
    return Parser(text, analyzer, default_or, limits, expand, slots, links, word_links).run();
}

ParsedQuery parse_query(std::string_view text, const text::Analyzer& analyzer, bool default_or, const ParseLimits& limits,
                        const StemExpander& expand, const QuoteSlots& slots, const SpeakerLinks& links,
                        const WordLinks& word_links) {
    return parse_query(text, FastAnalyzer(analyzer), default_or, limits, expand, slots, links, word_links);
}

}  // namespace news::search
