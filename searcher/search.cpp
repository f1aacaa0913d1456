/// @file
/// @brief Enquire, sorting, paging and snippets.
#include "searcher/search.h"

#include "common/copies.h"

#include "common/date.h"
#include "common/run_lock.h"
#include "common/speaker_aliases.h"
#include "common/schema.h"
#include "searcher/count.h"
#include "searcher/doc_data.h"
#include "searcher/spelling.h"
#include "common/shards.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <thread>
#include <unordered_set>

namespace news::search {

std::optional<bool> holds(const Xapian::Query& q, const QuoteTerms& c) {
    using Q = Xapian::Query;
    const std::string_view xq = schema::kQuotePrefix, xr = schema::kReportedPrefix;
    // A word term of the words' own kind (XQ on a quote, XR on reported speech); the other
    // kind's matches nothing there.
    auto own = [&](std::string_view t) { return c.reported ? t.starts_with(xr) : t.starts_with(xq); };
    auto words_term = [&](std::string_view t) { return t.starts_with(xq) || t.starts_with(xr); };
    auto positions = [&](std::string_view word) {
        return std::equal_range(c.words.begin(), c.words.end(), std::pair<std::string, Xapian::termpos>(word, 0),
                                [](const auto& x, const auto& y) { return x.first < y.first; });
    };
    const std::size_t n = q.get_num_subqueries();
    switch (q.get_type()) {
    case Q::LEAF_MATCH_ALL: return true;
    case Q::LEAF_TERM: {
        const std::string t = *q.get_terms_begin();
        if (words_term(t)) {
            if (!own(t)) return false;
            auto [b, e] = positions(std::string_view(t).substr(xq.size()));
            return b != e;
        }
        // (the year term: of the article, for a speaker linked by the alias table)
        if (t.starts_with(schema::field("speaker").prefix) || (t.size() == 5 && t.starts_with(schema::kYearPrefix)))
            return std::find(c.names.begin(), c.names.end(), t) != c.names.end();
        return std::nullopt;
    }
    case Q::OP_AND:
    case Q::OP_FILTER:
    case Q::OP_OR:
    case Q::OP_SYNONYM: {
        const bool all = q.get_type() == Q::OP_AND || q.get_type() == Q::OP_FILTER;
        bool answer = all;
        for (std::size_t i = 0; i < n; ++i) {
            std::optional<bool> one = holds(q.get_subquery(i), c);
            if (!one) return std::nullopt;
            answer = all ? answer && *one : answer || *one;
        }
        return answer;
    }
    case Q::OP_AND_NOT:
    case Q::OP_AND_MAYBE: {
        std::optional<bool> first = holds(q.get_subquery(0), c);
        if (!first) return std::nullopt;
        bool answer = *first;
        for (std::size_t i = 1; i < n && q.get_type() == Q::OP_AND_NOT; ++i) {
            std::optional<bool> one = holds(q.get_subquery(i), c);
            if (!one) return std::nullopt;
            answer = answer && !*one;
        }
        return answer;
    }
    case Q::OP_PHRASE: {  // the parser's phrases: words in order at consecutive positions
        std::vector<std::string> words;
        for (std::size_t i = 0; i < n; ++i) {
            const Q sub = q.get_subquery(i);
            if (sub.get_type() != Q::LEAF_TERM) return std::nullopt;
            const std::string t = *sub.get_terms_begin();
            if (!words_term(t)) return std::nullopt;
            if (!own(t)) return false;
            words.push_back(t.substr(xq.size()));
        }
        if (words.empty()) return std::nullopt;
        auto [b, e] = positions(words[0]);
        for (auto it = b; it != e; ++it) {
            bool all = true;
            for (std::size_t k = 1; k < words.size() && all; ++k) {
                auto [wb, we] = positions(words[k]);
                all = std::any_of(wb, we, [&](const auto& x) { return x.second == it->second + k; });
            }
            if (all) return true;
        }
        return false;
    }
    default: return std::nullopt;
    }
}

namespace {

/// Can the terms a document must have one of to match @p q be listed? Not past a wildcard,
/// nor a NOT of everything as in `quote:(-x)` (what an AND_NOT excludes does not count).
bool listable(const Xapian::Query& q) {
    const auto t = q.get_type();
    if (t == Xapian::Query::OP_WILDCARD || t == Xapian::Query::LEAF_MATCH_ALL || t == Xapian::Query::OP_INVALID) return false;
    const std::size_t n = t == Xapian::Query::OP_AND_NOT ? 1 : q.get_num_subqueries();
    for (std::size_t i = 0; i < n; ++i)
        if (!listable(q.get_subquery(i))) return false;
    return true;
}

/// The terms a document must have one of to match @p q, or none when they cannot be listed.
std::optional<std::vector<std::string>> needs_one_of(const Xapian::Query& q) {
    if (!listable(q)) return std::nullopt;
    return std::vector<std::string>(q.get_unique_terms_begin(), q.get_unique_terms_end());
}

/// The quotes of @p hits that @p shows ask for. Each quote of the page that may answer a show
/// (it has one of the terms the show needs) gets the terms the index gives it (its words under
/// XQ at consecutive positions, its speaker's name under XSPK/XSPKW), and each show's query is
/// evaluated on them: directly (holds()) when the query has only the shapes that knows, else by
/// Xapian itself on a small in-memory database of these quotes, so that what is shown agrees
/// with what matched.
/// A quote of one of the articles given to pick_quotes.
struct Picked {
    std::size_t article;     ///< its index there
    const Speaker* speaker;  ///< nullptr: a quotation nobody was found to say
    Quote quote;
    bool reported = false;   ///< reported speech (a said: clause asked)
};

/// The quotes of @p articles that @p shows ask for, in article order and then in the order of
/// the text (see attach_quotes).
std::vector<Picked> pick_quotes(const std::vector<const Article*>& articles, const std::vector<QuoteShow>& shows,
                                const FastAnalyzer& analyzer) {
    if (shows.empty() || articles.empty()) return {};
    using Set = std::unordered_set<std::string>;
    struct Need {
        std::optional<Set> speaker;  ///< name terms, one of which the quote's speaker must have
        std::optional<Set> words;    ///< folded words (XQ's, unprefixed), one of which the quote must hold
    };
    const std::string xq(schema::kQuotePrefix), xr(schema::kReportedPrefix);
    std::vector<Need> needs;
    bool any_reported = false;  // a said: clause asks: reported speech may answer
    for (const QuoteShow& show : shows) {
        Need n;
        if (!show.speaker.empty())
            if (auto terms = needs_one_of(show.speaker)) n.speaker.emplace(terms->begin(), terms->end());
        if (!show.quote.empty())
            if (auto terms = needs_one_of(show.quote)) {
                n.words.emplace();
                for (const std::string& t : *terms)
                    if (t.starts_with(xq) || t.starts_with(xr)) n.words->insert(t.substr(xq.size()));
            }
        needs.push_back(std::move(n));
        any_reported |= show.reported;
    }
    struct Where {
        std::size_t hit;
        const Speaker* speaker;  // nullptr: a quotation nobody was found to say
        Quote quote;
        QuoteTerms terms;
    };
    std::vector<Where> where;
    const schema::Field& spk = schema::field("speaker");
    std::vector<text::Token> tokens;
    std::vector<char> speaker_ok(shows.size());
    for (std::size_t h = 0; h < articles.size(); ++h) {
        const Article& a = *articles[h];
        auto add_quotes = [&](const Speaker* s, const std::vector<Quote>& quotes, bool reported) {
            if (quotes.empty()) return;
            // The shows this speaker may answer (its name terms, worked out once).
            std::vector<std::string> names =
                s ? schema::name_terms(analyzer.normalize(s->name), spk.prefix, spk.word_prefix) : std::vector<std::string>{};
            // ... and what a link of the alias table asks of it: a person's whole name, the sex
            // its role tells, the article's year (as the document has them).
            if (s && s->kind == "person") {
                const std::string whole = analyzer.normalize(s->name);
                names.push_back(std::string(schema::kSpeakerWholePrefix) + whole);
                if (const char sex = aliases::role_sex(s->role)) names.push_back(std::string(schema::kSpeakerSexPrefix) + sex + whole);
                if (const std::string day = date::to_value(a.date); day.size() == 8)
                    names.push_back(schema::period_term(std::string_view(day).substr(0, 4)));
            }
            bool any_speaker = false, words_needed = false, whole = false;
            for (std::size_t n = 0; n < shows.size(); ++n) {
                // (reported speech answers said: clauses only)
                bool ok = (!reported || shows[n].reported) &&
                          (shows[n].speaker.empty() ||
                           (s && (!needs[n].speaker || std::any_of(names.begin(), names.end(), [&](const std::string& t) {
                                      return needs[n].speaker->count(t) > 0;
                                  }))));
                speaker_ok[n] = ok;
                any_speaker |= ok;
                if (ok) (shows[n].quote.empty() ? whole : words_needed) = true;
            }
            if (!any_speaker) return;
            for (const Quote& q : quotes) {
                if (q.start > q.end || q.end > a.text.size()) continue;
                // Its words, only when a show asks about them: a quote is cut at its marks, so
                // its words are those the index has for it.
                tokens.clear();
                bool wanted = whole;
                if (words_needed) {
                    tokens = analyzer.tokenize(std::string_view(a.text).substr(q.start, q.end - q.start));
                    for (std::size_t n = 0; n < shows.size() && !wanted; ++n) {
                        if (!speaker_ok[n] || shows[n].quote.empty()) continue;
                        wanted = !needs[n].words || std::any_of(tokens.begin(), tokens.end(), [&](const text::Token& t) {
                                     return needs[n].words->count(t.term) || (!t.alt.empty() && needs[n].words->count(t.alt));
                                 });
                    }
                }
                if (!wanted) continue;
                Where w{h, s, q, {}};
                w.terms.reported = reported;
                Xapian::termpos pos = 0;
                for (const text::Token& t : tokens) {
                    w.terms.words.emplace_back(t.term, ++pos);
                    if (!t.alt.empty()) w.terms.words.emplace_back(t.alt, pos);
                }
                std::sort(w.terms.words.begin(), w.terms.words.end());
                w.terms.names = names;
                where.push_back(std::move(w));
            }
        };
        for (const Speaker& s : a.speakers) add_quotes(&s, s.quotes, false);
        add_quotes(nullptr, a.unattributed, false);
        if (any_reported)
            for (const Speaker& s : a.reported) add_quotes(&s, s.quotes, true);
    }
    if (where.empty()) return {};
    std::vector<Xapian::Query> asks;  // each show as one query
    std::vector<char> ask_reported;   // ... and whether reported speech may answer it
    for (const QuoteShow& show : shows) {
        std::vector<Xapian::Query> parts;
        if (!show.speaker.empty()) parts.push_back(show.speaker);
        if (!show.quote.empty()) parts.push_back(show.quote);
        if (!parts.empty()) {
            asks.emplace_back(Xapian::Query::OP_AND, parts.begin(), parts.end());
            ask_reported.push_back(show.reported);
        }
    }
    // Directly on each quote's words, for the shapes the parser gives these clauses ...
    std::vector<std::size_t> picked;
    bool direct = true;
    for (std::size_t i = 0; i < where.size() && direct; ++i)
        for (std::size_t n = 0; n < asks.size(); ++n) {
            if (where[i].terms.reported && !ask_reported[n]) continue;
            const Xapian::Query& ask = asks[n];
            std::optional<bool> yes = holds(ask, where[i].terms);
            if (!yes) {
                direct = false;
                break;
            }
            if (*yes) {
                picked.push_back(i);
                break;
            }
        }
    // ... else (NEAR, a wildcard) by Xapian itself, on an in-memory database of these quotes.
    if (!direct) {
        picked.clear();
        Xapian::WritableDatabase mem(std::string(), Xapian::DB_BACKEND_INMEMORY);
        for (const Where& w : where) {
            Xapian::Document doc;
            const std::string& prefix = w.terms.reported ? xr : xq;
            for (const auto& [word, pos] : w.terms.words) doc.add_posting(prefix + word, pos);
            for (const std::string& t : w.terms.names) doc.add_boolean_term(t);
            mem.add_document(doc);
        }
        for (std::size_t n = 0; n < asks.size(); ++n) {
            Xapian::Enquire e(mem);
            e.set_query(asks[n]);
            e.set_weighting_scheme(Xapian::BoolWeight());
            e.set_docid_order(Xapian::Enquire::ASCENDING);
            Xapian::MSet m = e.get_mset(0, static_cast<Xapian::doccount>(where.size()));
            for (auto it = m.begin(); it != m.end(); ++it)
                if (!where[*it - 1].terms.reported || ask_reported[n]) picked.push_back(*it - 1);
        }
    }
    std::sort(picked.begin(), picked.end());
    picked.erase(std::unique(picked.begin(), picked.end()), picked.end());
    // In the order of the text, at most three a result.
    std::stable_sort(picked.begin(), picked.end(), [&](std::size_t x, std::size_t y) {
        return where[x].hit != where[y].hit ? where[x].hit < where[y].hit : where[x].quote.start < where[y].quote.start;
    });
    std::vector<Picked> out;
    for (std::size_t i : picked) out.push_back({where[i].hit, where[i].speaker, where[i].quote, where[i].terms.reported});
    return out;
}

/// The quotes of @p hits that @p shows ask for, at most three a result (Hit::quotes).
void attach_quotes(std::vector<Hit>& hits, const std::vector<QuoteShow>& shows, const FastAnalyzer& analyzer) {
    std::vector<const Article*> articles;
    for (const Hit& h : hits) articles.push_back(&h.article);
    for (const Picked& p : pick_quotes(articles, shows, analyzer)) {
        Hit& h = hits[p.article];
        if (h.quotes.size() < 3) h.quotes.push_back({p.speaker ? p.speaker->name : std::string(), p.quote, p.reported});
    }
}

// news-index --compact swaps the database folder with two renames: between them only
// "<db>.precompact" is there. True after a short sleep when the caller should open again:
// while the old folder is there (2 s at most), when the database is back already, or when
// `retry` anyway.
bool wait_for_swap(const std::string& path, int& waits, bool retry) {
    const std::string folder = schema::database_folder(path);
    const std::string old = folder + std::string(schema::kPrecompactSuffix);
    std::error_code ec;
    // In this order (once the new folder is in, the old one goes), and a few times, as the
    // renames may run between the two looks.
    bool swapping = false;
    for (int look = 0; look < 3 && !swapping; ++look)
        swapping = std::filesystem::exists(folder + "/iamglass", ec) || std::filesystem::exists(old, ec);
    if (!swapping && !retry) return false;
    if (++waits > 200)
        throw DatabaseError(path + ": only " + old + " is there: a compaction was interrupted (run news-index --db " +
                            path + " to finish it)");
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    return true;
}

}  // namespace

namespace {
// The shards @p paths name: database folders, stub files (or folders holding one), tcp:// addresses.
std::vector<shards::Entry> shard_entries(const std::vector<std::string>& paths) {
    std::vector<shards::Entry> out;
    for (const std::string& p : paths) {
        try {
            if (std::optional<shards::Entry> e = shards::parse_tcp(p)) {
                out.push_back(std::move(*e));
            } else if (std::optional<std::string> stub = shards::stub_file(p)) {
                for (shards::Entry& e : shards::read_stub(*stub)) out.push_back(std::move(e));
            } else {
                shards::Entry e;
                e.path = p;
                out.push_back(std::move(e));
            }
        } catch (const shards::StubError& e) {
            throw DatabaseError(e.what());
        }
    }
    return out;
}
}  // namespace

bool set_timeout(const std::string& seconds, OpenOptions& o, std::string& why) {
    char* end = nullptr;
    const double secs = std::strtod(seconds.c_str(), &end);
    if (end == seconds.c_str() || *end || !(secs > 0) || secs > 86400) {
        why = "--timeout takes seconds, more than 0 (such as 2.5), not '" + seconds + "'";
        return false;
    }
    o.timeout_ms = o.connect_timeout_ms = static_cast<unsigned>(secs * 1000 + 0.5);
    return true;
}

Searcher::Searcher(const std::vector<std::string>& paths, const OpenOptions& open) : open_(open) {
    open_shards(paths);
    expander_ = [this](const std::string& stem) { return words_with_stem(stem); };
    quote_slots_.terms = [this](const std::string& head) { return terms_from(head); };
    links_ = [this](const std::string& full_name) { return aliases::aliases_of(alias_table(), full_name); };
    word_links_ = [this](const std::string& word) { return aliases::links_of_word(alias_table(), word); };
}

Xapian::Database Searcher::open_remote(const shards::Entry& e) const {
    if (e.kind == shards::Entry::Kind::Program) return Xapian::Remote::open(e.program, e.args, open_.timeout_ms);
    return Xapian::Remote::open(e.host, e.port, open_.timeout_ms, open_.connect_timeout_ms);
}

void Searcher::open_shards(const std::vector<std::string>& paths) {
    std::string language;
    for (const shards::Entry& entry : shard_entries(paths)) {
        const std::string p = entry.name();
        const bool remote = entry.kind != shards::Entry::Kind::Local;
        try {
            Xapian::Database one;
            std::string lang;
            if (remote) {
                one = open_remote(entry);
                lang = one.get_doccount() == 0 && one.get_metadata(schema::kMetaSchema).empty() ? language : schema::read_metadata(one);
                // Without the stem table's copy a remote shard would silently stop stemming.
                if (one.get_doccount() > 0 && one.get_metadata(schema::kMetaRemoteTables).empty())
                    throw DatabaseError(p + ": this shard was last written by a news-index older than remote search: it lacks "
                                        "the tables a remote shard must serve (its stem table in metadata); run news-index "
                                        "--db SHARD FILES... once where it lives (unchanged files are skipped) and serve it again");
            } else {
                // A writer committing while we open: open again (a few times, then give up).
                for (int attempt = 0, waits = 0;; ++attempt) {
                    try {
                        one = Xapian::Database(p);
                        // An empty database without a schema is one news-index is creating right now.
                        bool being_created = one.get_doccount() == 0 && one.get_metadata(schema::kMetaSchema).empty();
                        lang = being_created ? language : schema::read_metadata(one);
                        break;
                    } catch (const Xapian::DatabaseModifiedError&) {
                        if (attempt >= 5) throw;
                    } catch (const Xapian::DatabaseNotFoundError&) {
                        if (!wait_for_swap(p, waits, false)) throw;
                    } catch (const Xapian::DatabaseOpeningError&) {
                        // The swap can also fall between Xapian reading the version file and opening
                        // the tables ("Couldn't open .../postlist.glass").
                        if (!wait_for_swap(p, waits, attempt < 5)) throw;
                    }
                }
                // A first build writes its articles in segments beside the database and merges them at
                // its end: until then the database is empty. Killed before, it says so on every search.
                if (std::error_code ec; one.get_doccount() == 0 && std::filesystem::exists(runlock::segments_of(p), ec)) {
                    if (!runlock::held(p))
                        throw DatabaseError("the first build of " + p + " was interrupted after " +
                                            std::to_string(runlock::articles_in_segments(p)) +
                                            " articles; run news-index --db " + p + " to finish it");
                    open_notes_.push_back(p + ": its first build is still running (" + std::to_string(runlock::articles_in_segments(p)) +
                                     " articles written so far): nothing is searchable before it ends");
                }
            }
            if (lang.empty()) lang = "english";
            if (!language.empty() && lang != language)
                throw DatabaseError(p + ": built with stemming language " + lang + ", the other databases with " + language);
            language = lang;
            shards_.push_back(one);
            entries_.push_back(entry);
            paths_.push_back(p);
            remote_.push_back(remote);
        } catch (const Xapian::DatabaseNotFoundError&) {
            throw DatabaseError(p + ": no database here (build one with news-index --db " + p + ")");
        } catch (const Xapian::Error& e) {
            // A shard that is down or too slow: left out when partial answers are allowed.
            if (open_.allow_partial && remote) missing_.push_back(p + ": " + e.get_description());
            else throw DatabaseError(p + ": cannot open " + (remote ? "remote shard" : "database") + ": " + e.get_description());
        } catch (const std::runtime_error& e) {
            if (dynamic_cast<const DatabaseError*>(&e)) throw;
            throw DatabaseError(p + ": " + e.what());
        }
    }
    if (shards_.empty()) {
        std::string all;
        for (const std::string& m : missing_) all += (all.empty() ? "" : "; ") + m;
        throw DatabaseError("no shard answered: " + all);
    }
    analyzer_.emplace(language.empty() ? "english" : language);
    rebuild_views();
}

void Searcher::rebuild_views() {
    db_ = Xapian::Database();
    local_db_ = Xapian::Database();
    local_count_ = 0;
    any_remote_ = false;
    for (std::size_t i = 0; i < shards_.size(); ++i) {
        db_.add_database(shards_[i]);
        if (remote_[i]) any_remote_ = true;
        else {
            local_db_.add_database(shards_[i]);
            ++local_count_;
        }
    }
    lengths_ = std::make_shared<DocLengths>(shards_);
    facet_counter_.reset();
    copy_table_.reset();
    reset_alias_table();
    load_dictionaries();
}

std::vector<std::pair<std::size_t, std::string>> Searcher::dead_shards() {
    // Every remote shard connected again (a failed request leaves a connection in an unknown
    // state): those that do not answer are named.
    std::vector<std::pair<std::size_t, std::string>> dead;
    for (std::size_t i = 0; i < shards_.size(); ++i) {
        if (!remote_[i]) continue;
        try {
            Xapian::Database again = open_remote(entries_[i]);
            (void)again.get_metadata(schema::kMetaSchema);  // (a request, answered in time)
            shards_[i] = again;
        } catch (const Xapian::Error& e) {
            dead.emplace_back(i, paths_[i] + ": " + e.get_description());
        }
    }
    return dead;
}

void Searcher::drop_shards(const std::vector<std::pair<std::size_t, std::string>>& dead) {
    for (auto it = dead.rbegin(); it != dead.rend(); ++it) {
        const auto at = static_cast<std::ptrdiff_t>(it->first);
        missing_.push_back(it->second);
        shards_.erase(shards_.begin() + at);
        entries_.erase(entries_.begin() + at);
        paths_.erase(paths_.begin() + at);
        remote_.erase(remote_.begin() + at);
    }
    if (shards_.empty()) throw DatabaseError("no shard answered: " + dead.front().second);
    rebuild_views();
}

void Searcher::load_dictionaries() {
    dicts_.clear();
    for (std::size_t i = 0; i < shards_.size(); ++i) {
        std::string bytes = shards_[i].get_metadata(schema::kMetaDictionary);
        if (bytes.empty()) continue;
        try {
            dicts_.push_back(stored::Dictionary::load(std::move(bytes)));
        } catch (const std::runtime_error& e) {
            throw DatabaseError(paths_[i] + ": " + schema::kMetaDictionary + ": " + e.what());
        }
    }
}

Article Searcher::stored_article(const Xapian::Document& doc) {
    try {
        return read_stored_article(doc, dicts_);
    } catch (const stored::UnknownDictionary&) {
        load_dictionaries();
        return read_stored_article(doc, dicts_);
    }
}

std::vector<std::string> Searcher::words_with_stem(const std::string& stem) const {
    std::vector<std::string> words;
    const std::string key = schema::stem_key(stem), meta = std::string(schema::kMetaStemPrefix) + stem;
    for (std::size_t i = 0; i < shards_.size(); ++i) {
        const Xapian::Database& shard = shards_[i];
        if (!remote_[i]) {
            for (auto it = shard.synonyms_begin(key); it != shard.synonyms_end(key); ++it) words.push_back(*it);
            continue;
        }
        // A remote shard serves no synonyms: the table's copy in its metadata.
        const std::string list = shard.get_metadata(meta);
        for (std::size_t from = 0; from < list.size();) {
            std::size_t nl = list.find('\n', from);
            if (nl == std::string::npos) nl = list.size();
            if (nl > from) words.push_back(list.substr(from, nl - from));
            from = nl + 1;
        }
    }
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    return words;
}

std::vector<std::string> Searcher::terms_from(const std::string& head) const {
    std::vector<std::string> out;
    for (auto t = db_.allterms_begin(head); t != db_.allterms_end(head) && out.size() < kMaxSlotTerms; ++t)
        out.push_back(*t);
    return out;
}

namespace {
/// @p pq without the stop words of its OR lists, when @p rank says so (noted for --explain).
void leave_out_stop_words(ParsedQuery& pq, const RankParams& rank) {
    if (!rank.stop_words) return;
    std::string dropped;
    pq.query = without_stop_words(pq.query, &dropped);
    if (!dropped.empty())
        pq.notes.push_back("common words left out of the OR (they would only add noise): " + dropped +
                           " (--ranking stop=0 keeps them)");
}
}  // namespace

ParsedQuery Searcher::parse(std::string_view query, bool default_or, const std::string& today, const RankParams& rank) const {
    ParseLimits limits;
    limits.today = today;
    ParsedQuery pq = parse_query(query, *analyzer_, default_or, limits, expander_, quote_slots_, links_, word_links_);
    leave_out_stop_words(pq, rank);
    for (const auto& [typed, pattern] : pq.wildcards) {
        Xapian::termcount words = 0;
        for (auto it = db_.allterms_begin(pattern); it != db_.allterms_end(pattern) && words <= kMaxWildcardWords; ++it) ++words;
        if (words > kMaxWildcardWords)
            pq.notes.push_back(typed + " matches more than " + std::to_string(kMaxWildcardWords) + " indexed words: the " +
                               std::to_string(kMaxWildcardWords) + " most frequent are searched");
    }
    return pq;
}

std::vector<std::string> Searcher::explain_ranking(const ParsedQuery& pq, const RankParams& rank) const {
    std::vector<std::string> lines;
    lines.push_back("ranking: " + rank.describe() + " (BM25's k1 and b; a word's extra weight in the title; "
                    "the extra weight of two query words within window positions; stop words left out of ORs)");
    lines.push_back("ranked as: " + shaped_for_ranking(pq.query, rank).get_description());
    const Xapian::doccount n = db_.get_doccount();
    for (const std::vector<std::string>& words : weighed_word_clauses(pq.query)) {
        std::vector<Xapian::doccount> tfs;
        for (const std::string& w : words) tfs.push_back(db_.get_termfreq(w));
        const Xapian::doccount tf = words.size() == 1 ? tfs[0] : Bm25Source::synonym_termfreq(tfs, tfs, n, n);
        std::string what = words[0];
        for (std::size_t i = 1; i < words.size(); ++i) what += (i == 1 ? " (with " : ", ") + words[i] + (i + 1 == words.size() ? ")" : "");
        char weight[32];
        std::snprintf(weight, sizeof weight, "%.3f", n ? bm25_term_weight(tf, n, rank.k1) : 0.0);
        lines.push_back("weight: " + what + ": in " + std::to_string(tf) + " of " + std::to_string(n) +
                        " articles, term weight " + weight + " (the most one article can get from it)");
    }
    return lines;
}

// Runs @p f, reopening the databases and trying again while a writer commits under them; a
// remote shard that fails is named, or left out with allow_partial (shard_failed).
template <class F>
auto Searcher::retrying(F f) {
    for (int attempt = 0;; ++attempt) {
        try {
            return f();
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt >= 3) throw DatabaseError("the database keeps changing under the search; try again");
            db_.reopen();
        } catch (const Xapian::NetworkError& e) {
            shard_failed(e, attempt);
        } catch (const Xapian::DatabaseError& e) {
            throw DatabaseError(e.get_description());
        }
    }
}

std::vector<Article> Searcher::get(const std::string& id) {
    return retrying([&] {
        std::vector<Article> out;
        const std::string term = schema::id_term(id);
        for (auto p = db_.postlist_begin(term); p != db_.postlist_end(term); ++p) {
            Article a;
            try {
                a = stored_article(db_.get_document(*p));
            } catch (const std::exception& e) {
                if (term != std::string(schema::kIdPrefix) + id) continue;  // a hashed term: cannot tell
                a.id = id;
                a.title = "(unreadable stored article, docid " + std::to_string(*p) + ": " + e.what() + ")";
            }
            if (a.id == id) out.push_back(std::move(a));  // a hashed term may be another long id's
        }
        for (Article& a : out) name_people(a);
        return out;
    });
}

void Searcher::name_people(Article& a) {
    int year = -1;
    for (Speaker& s : a.speakers) {
        if (s.kind != "person" || s.quotes.empty()) continue;
        const std::string whole = analyzer_->normalize(s.name);
        if (whole.empty() || whole.find(' ') != std::string::npos) continue;
        if (year < 0) {
            const std::string day = date::to_value(a.date);
            year = day.size() == 8 ? std::stoi(day.substr(0, 4)) : 0;
        }
        const std::optional<std::string> to = aliases::links_to(alias_table(), whole, aliases::role_sex(s.role), year);
        if (!to) continue;
        for (const Xapian::Database& shard : shards_)
            if (s.person = shard.get_metadata(facets::spelling_key(*to)); !s.person.empty()) break;
        if (s.person.empty()) s.person = *to;  // (a database from before the spellings: the folded name)
    }
}

std::vector<SourceCount> Searcher::sources() {
    return retrying([&] {
        std::vector<SourceCount> out;
        const schema::Field& f = schema::field("source");
        const std::string prefix(f.prefix), words(f.word_prefix);
        for (auto t = db_.allterms_begin(prefix); t != db_.allterms_end(prefix); ++t) {
            const std::string term = *t;
            if (term.starts_with(words)) continue;  // a word of a name (slugs are folded: no capital W)
            SourceCount c{"", term.substr(prefix.size()), t.get_termfreq()};
            // The name as the first article of the source spells it.
            if (auto p = db_.postlist_begin(term); p != db_.postlist_end(term)) {
                try {
                    c.name = stored_article(db_.get_document(*p)).source;
                } catch (const std::exception&) {
                }
            }
            if (c.name.empty()) c.name = c.slug;
            out.push_back(std::move(c));
        }
        std::sort(out.begin(), out.end(), [](const SourceCount& a, const SourceCount& b) {
            return a.count != b.count ? a.count > b.count : a.name < b.name;
        });
        return out;
    });
}

const aliases::Table& Searcher::alias_table() {
    if (!alias_table_) alias_table_ = aliases::read(shards_);
    return *alias_table_;
}

std::vector<SpeakerCount> Searcher::speakers(std::string_view query, bool default_or) {
    bool again = false;
    return retrying([&] {
        if (again) reset_alias_table();  // (read again after retrying's reopen)
        again = true;
        Xapian::Query q(std::string{});  // every article (not the static MatchAll: see run_once)
        if (!query.empty()) q = parse_query(query, *analyzer_, default_or, {}, expander_, quote_slots_, links_, word_links_).query;
        Xapian::Enquire e(db_);
        e.set_query(q);
        e.set_weighting_scheme(Xapian::BoolWeight());
        e.set_docid_order(Xapian::Enquire::ASCENDING);
        const Xapian::MSet m = e.get_mset(0, db_.get_doccount());
        struct Acc {
            SpeakerCount c;
            std::map<std::string, std::size_t> spellings;  // full names as written -> articles
            std::set<std::string> aliases;
            Xapian::docid last = 0;
        };
        std::map<std::string, Acc> by_key;  // (kind, folded canonical name) -> what is seen of it
        for (auto it = m.begin(); it != m.end(); ++it) {
            const Article a = stored_article(it.get_document());
            const std::string day = date::to_value(a.date);
            const int year = day.size() == 8 ? std::stoi(day.substr(0, 4)) : 0;
            for (const Speaker& s : a.speakers) {
                if (s.quotes.empty()) continue;
                const std::string whole = analyzer_->normalize(s.name);
                if (whole.empty()) continue;
                std::string canonical = whole;
                bool alias = false;
                if (s.kind == "person" && whole.find(' ') == std::string::npos)
                    if (auto to = aliases::links_to(alias_table(), whole, aliases::role_sex(s.role), year))
                        canonical = *to, alias = true;
                Acc& acc = by_key[s.kind + '\t' + canonical];
                acc.c.kind = s.kind;
                acc.c.quotes += s.quotes.size();
                if (acc.last != *it) ++acc.c.articles, acc.last = *it;
                if (alias) acc.aliases.insert(s.name);
                else ++acc.spellings[s.name];
            }
        }
        std::vector<SpeakerCount> out;
        for (auto& [key, acc] : by_key) {
            // The spelling most articles give, else (linked names only) the folded full name.
            std::size_t best = 0;
            for (const auto& [spelled, n] : acc.spellings)
                if (n > best) best = n, acc.c.name = spelled;
            if (acc.c.name.empty()) acc.c.name = key.substr(key.find('\t') + 1);
            for (const auto& [spelled, n] : acc.spellings)
                if (spelled != acc.c.name) acc.aliases.insert(spelled);
            acc.c.aliases.assign(acc.aliases.begin(), acc.aliases.end());
            out.push_back(std::move(acc.c));
        }
        std::sort(out.begin(), out.end(), [](const SpeakerCount& a, const SpeakerCount& b) {
            if (a.articles != b.articles) return a.articles > b.articles;
            if (a.quotes != b.quotes) return a.quotes > b.quotes;
            return a.name < b.name;
        });
        return out;
    });
}

std::vector<std::pair<std::string, std::vector<std::string>>> Searcher::ids_in_several_shards(std::size_t limit) const {
    // The shards' id terms, merged in order: a term in two shards or more is an id held twice
    // unless it is a hashed long id shared by two (schema::bounded_term): the stored ids say.
    const std::string q(schema::kIdPrefix);
    std::vector<Xapian::TermIterator> at, end;
    for (const Xapian::Database& shard : shards_) {
        at.push_back(shard.allterms_begin(q));
        end.push_back(shard.allterms_end(q));
    }
    std::vector<std::pair<std::string, std::vector<std::string>>> out;
    while (out.size() < limit) {
        std::optional<std::string> least;
        for (std::size_t i = 0; i < at.size(); ++i)
            if (at[i] != end[i] && (!least || *at[i] < *least)) least = *at[i];
        if (!least) break;
        std::vector<std::size_t> holders;
        for (std::size_t i = 0; i < at.size(); ++i)
            if (at[i] != end[i] && *at[i] == *least) {
                holders.push_back(i);
                ++at[i];
            }
        if (holders.size() < 2) continue;
        std::map<std::string, std::vector<std::string>> by_id;  // stored id -> shards
        for (std::size_t i : holders)
            for (auto p = shards_[i].postlist_begin(*least); p != shards_[i].postlist_end(*least); ++p) {
                std::string id = least->substr(q.size());
                try {
                    id = read_stored_article(shards_[i].get_document(*p), dicts_).id;
                } catch (const std::exception&) {  // (unreadable: the term's id)
                }
                std::vector<std::string>& where = by_id[id];
                if (where.empty() || where.back() != paths_[i]) where.push_back(paths_[i]);
            }
        for (auto& [id, where] : by_id)
            if (where.size() > 1 && out.size() < limit) out.emplace_back(id, std::move(where));
    }
    return out;
}

std::vector<DatabaseRevision> Searcher::revisions() const {
    std::vector<DatabaseRevision> out;
    for (std::size_t i = 0; i < shards_.size(); ++i) {
        DatabaseRevision r{paths_[i], std::nullopt};
        try {
            r.revision = shards_[i].get_revision();
        } catch (const Xapian::Error&) {  // a stub file of several databases, or a remote one
        }
        out.push_back(std::move(r));
    }
    return out;
}

void Searcher::shard_failed(const Xapian::Error& e, int attempt) {
    // Which shard: every remote one is asked again. Named (exit 3), or left out when partial
    // answers are allowed, and the query run again on the others.
    const std::vector<std::pair<std::size_t, std::string>> dead = dead_shards();
    if (dead.empty()) {
        rebuild_views();  // (on the new connections)
        if (attempt >= 2) throw DatabaseError("a remote shard failed: " + e.get_description());
        return;
    }
    if (!open_.allow_partial) {
        std::string all;
        for (const auto& [i, why] : dead) all += (all.empty() ? "" : "; ") + why;
        throw DatabaseError("a shard is down or too slow: " + all + " (--allow-partial answers from the others)");
    }
    drop_shards(dead);
}

Results Searcher::run(std::string_view query, const SearchOptions& o) {
    // A writer may commit while we read: reopen and try again.
    for (int attempt = 0;; ++attempt) {
        try {
            Results r = run_once(query, o);
            r.databases = revisions();
            r.missing_shards = missing_;
            return r;
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt >= 3) throw DatabaseError("the database keeps changing under the search; try again");
            db_.reopen();
            copy_table_.reset();
        } catch (const Xapian::NetworkError& e) {
            shard_failed(e, attempt);
        } catch (const Xapian::DatabaseError& e) {
            throw DatabaseError(e.get_description());
        }
    }
}

namespace {
/// Read the document lengths when a query needs more than 1/this of them: from news-index's
/// packed copy (2-3 ns a document) ...
constexpr double kPackedLengthsWorthReading = 64;
/// ... or from Xapian's length list (15-20 ns a document).
constexpr double kLengthsWorthReading = 12;
}  // namespace

void Searcher::count_matches(const Xapian::Query& query, const Xapian::MSet& mset, const SearchOptions& o, Results& r) const {
    // Exact up to kExactCountUpTo, at the least cost. An AND or a phrase was counted by the
    // ranked pass itself up to one past the limit (Xapian's bounds only meet at the limit when
    // it counted past it): it reads every match anyway. Otherwise the ranked pass stopped
    // counting once it had its page, so that Bm25Source could skip blocks; its bounds often
    // meet anyway (one word, a page holding every match). When they do not, and the count may
    // be under the limit, count in a second pass up to one past the limit: on the posting lists
    // (count.h) when the query is made of words, ORs, ANDs and exclusions, else through the
    // matcher, unweighted (BoolWeight: no lengths, no weights).
    // (Articles, not the clusters of copies a collapsed page shows one of.)
    // (On remote shards, through the matcher only: posting lists would cross the network.)
    Xapian::doccount lo = mset.get_uncollapsed_matches_lower_bound(), hi = mset.get_uncollapsed_matches_upper_bound();
    if (lo != hi && (!any_remote_ || query.get_type() == Xapian::Query::LEAF_TERM))
        // a word or a stem group: its term frequency, or its blocks but the last one
        if (std::optional<Xapian::doccount> n = count_word_or_group(shards_, *lengths_, query)) lo = hi = *n;
    // (A collapsed pass's article counts are not exact even when it read every match.)
    if (lo != hi && (lo <= kExactCountUpTo || o.exact_count)) {
        const auto want = o.exact_count ? db_.get_doccount() : static_cast<Xapian::doccount>(
            std::min<std::size_t>(std::max<std::size_t>(kExactCountUpTo + 1, o.offset + o.limit), db_.get_doccount()));
        if (std::optional<Xapian::doccount> n = any_remote_ ? std::nullopt : count_on_postings(db_, query, want)) {
            lo = *n;
            hi = *n < want ? *n : db_.get_doccount();
        } else {
            Xapian::Enquire counter(db_);
            counter.set_query(query);
            counter.set_weighting_scheme(Xapian::BoolWeight());
            Xapian::MSet counted = counter.get_mset(0, 0, want);
            lo = counted.get_matches_lower_bound();
            hi = counted.get_matches_upper_bound();
        }
    }
    // Above the limit, always the limit as a lower bound, even when a deep page made Xapian
    // count them all: the count shown does not change with the page.
    r.total_exact = lo == hi && (lo <= kExactCountUpTo || o.exact_count);
    r.total = r.total_exact ? lo : kExactCountUpTo;
}

void Searcher::count_facets(const ParsedQuery& pq, const SearchOptions& o, Results& r) {
    if (!facet_counter_)
        facet_counter_ = std::make_unique<FacetCounter>(shards_, [this](std::string_view s) { return analyzer_->normalize(s); },
                                                         remote_);
    const std::vector<std::vector<Xapian::docid>> matches = facet_counter_->matches(pq.query);
    std::size_t n = 0;
    for (const auto& m : matches) n += m.size();
    r.total = static_cast<Xapian::doccount>(n);
    r.total_exact = true;
    // Stories: each match's story number, the same for the copies of one story (their cluster
    // term, on any shard), a number of its own for an article without copies.
    std::optional<std::vector<std::vector<std::uint32_t>>> stories;
    if (o.stories) {
        stories.emplace(matches.size());
        const CopyTable& table = copy_table();
        auto next = static_cast<std::uint32_t>(table.ids.size());  // (articles without copies: numbers of their own)
        const auto n_shards = static_cast<Xapian::docid>(shards_.size());
        for (std::size_t s = 0; s < matches.size(); ++s) {
            (*stories)[s].reserve(matches[s].size());
            for (Xapian::docid d : matches[s]) {
                auto it = table.cluster_of.find((d - 1) * n_shards + static_cast<Xapian::docid>(s) + 1);
                (*stories)[s].push_back(it == table.cluster_of.end() ? next++ : it->second);
            }
        }
        std::vector<std::uint32_t> all;
        for (const auto& v : *stories) all.insert(all.end(), v.begin(), v.end());
        std::sort(all.begin(), all.end());
        r.total = static_cast<Xapian::doccount>(std::unique(all.begin(), all.end()) - all.begin());
        r.stories = true;
    }
    // The quotes asked about (speaker:, quote:), article by article: their speakers as the
    // speaker facet has them (a one-word name linked to a full one by the alias table).
    std::optional<std::vector<std::vector<QuoteTally>>> tallies;
    if (!pq.quote_shows.empty()) {
        tallies.emplace(matches.size());
        std::map<std::string, std::optional<std::string>> linked;
        constexpr std::size_t kBatch = 256;
        for (std::size_t s = 0; s < matches.size(); ++s) {
            (*tallies)[s].resize(matches[s].size());
            for (std::size_t from = 0; from < matches[s].size(); from += kBatch) {
                std::vector<Article> batch;
                for (std::size_t i = from; i < std::min(from + kBatch, matches[s].size()); ++i) {
                    try {
                        batch.push_back(stored_article(shards_[s].get_document(matches[s][i])));
                    } catch (const std::exception&) {  // (unreadable: no quotes)
                        batch.emplace_back();
                    }
                }
                std::vector<const Article*> articles;
                for (const Article& a : batch) articles.push_back(&a);
                for (const Picked& p : pick_quotes(articles, pq.quote_shows, *analyzer_)) {
                    QuoteTally& t = (*tallies)[s][from + p.article];
                    ++t.total;
                    if (!p.speaker) continue;
                    std::string who = analyzer_->normalize(p.speaker->name);
                    if (p.speaker->kind == "person" && who.find(' ') == std::string::npos) {
                        const std::string day = date::to_value(articles[p.article]->date);
                        const int year = day.size() == 8 ? std::stoi(day.substr(0, 4)) : 0;
                        const char sex = aliases::role_sex(p.speaker->role);
                        // (links_to reads the whole table: once per name, sex and year)
                        auto [it, fresh] = linked.try_emplace(who + '\t' + sex + std::to_string(year));
                        if (fresh) it->second = aliases::links_to(alias_table(), who, sex, year);
                        if (it->second) who = *it->second;
                    }
                    auto it = std::find_if(t.by_speaker.begin(), t.by_speaker.end(), [&](const auto& x) { return x.first == who; });
                    if (it == t.by_speaker.end()) t.by_speaker.emplace_back(std::move(who), 1);
                    else ++it->second;
                }
            }
        }
    }
    r.facets = facet_counter_->count(matches, tallies ? &*tallies : nullptr, o.facets, o.split, alias_table(),
                                     stories ? &*stories : nullptr);
}

const Searcher::CopyTable& Searcher::copy_table() {
    if (copy_table_) return *copy_table_;
    // Shard by shard: a local one's value stream, a remote one's metadata copy (its value
    // stream would cross the network document by document), docids made db_'s.
    CopyTable t;
    std::unordered_map<std::string, std::uint32_t> number;
    const auto n = static_cast<Xapian::docid>(shards_.size());
    for (std::size_t s = 0; s < shards_.size(); ++s) {
        std::optional<copies::Table> stored;
        if (remote_[s]) stored = copies::read_table(shards_[s]);
        if (!stored) stored = copies::read_values(shards_[s]);
        for (const auto& [d, c] : stored->members) {
            auto [it, fresh] = number.try_emplace(stored->ids[c], static_cast<std::uint32_t>(t.ids.size()));
            if (fresh) {
                t.ids.push_back(stored->ids[c]);
                t.members.emplace_back();
            }
            const Xapian::docid global = (d - 1) * n + static_cast<Xapian::docid>(s) + 1;
            t.cluster_of.emplace(global, it->second);
            t.members[it->second].push_back(global);
        }
    }
    for (std::vector<Xapian::docid>& m : t.members) std::sort(m.begin(), m.end());
    copy_table_ = std::move(t);
    return *copy_table_;
}

std::optional<Copies> Searcher::copies_info(const Xapian::Document& doc) {
    const CopyTable& table = copy_table();
    auto at = table.cluster_of.find(doc.get_docid());
    if (at == table.cluster_of.end()) return std::nullopt;
    Copies c;
    c.cluster = table.ids[at->second];
    const std::vector<Xapian::docid>& members = table.members[at->second];
    c.articles = static_cast<Xapian::doccount>(members.size());
    std::vector<std::pair<std::string, std::string>> seen;  // (date, source)
    for (std::size_t i = 0; i < members.size() && i < kCopyArticlesRead; ++i) {
        try {
            const Article a = stored_article(db_.get_document(members[i]));
            seen.emplace_back(a.date.empty() ? std::string("~") : a.date, a.source);  // (undated last)
        } catch (const std::exception&) {  // (unreadable: left out)
        }
    }
    std::sort(seen.begin(), seen.end());
    for (const auto& [date, source] : seen)
        if (!source.empty() && std::find(c.outlets.begin(), c.outlets.end(), source) == c.outlets.end())
            c.outlets.push_back(source);
    if (!seen.empty() && seen.front().first != "~") c.first_seen = seen.front().first;
    return c;
}

std::vector<Article> Searcher::copies_of(const std::string& id) {
    return retrying([&] {
        copy_table_.reset();  // (as the database is now: retrying() may have reopened it)
        std::vector<Article> out;
        const std::string term = schema::id_term(id);
        std::string cluster;
        for (auto p = db_.postlist_begin(term); p != db_.postlist_end(term) && cluster.empty(); ++p) {
            const Xapian::Document doc = db_.get_document(*p);
            Article a = stored_article(doc);
            if (a.id != id) continue;  // (a hashed term may be another long id's)
            cluster = doc.get_value(schema::kCopySlot);
            if (cluster.empty()) out.push_back(std::move(a));
        }
        if (!cluster.empty()) {
            const CopyTable& table = copy_table();
            for (std::size_t c = 0; c < table.ids.size(); ++c)
                if (table.ids[c] == cluster)
                    for (Xapian::docid d : table.members[c]) out.push_back(stored_article(db_.get_document(d)));
        }
        std::sort(out.begin(), out.end(), [](const Article& x, const Article& y) {
            const std::string dx = date::to_value(x.date), dy = date::to_value(y.date);
            if (dx.empty() != dy.empty()) return dy.empty();
            if (dx != dy) return dx < dy;
            return x.id < y.id;
        });
        for (Article& a : out) name_people(a), a.text.clear();
        return out;
    });
}

Results Searcher::run_once(std::string_view query, const SearchOptions& o) {
    // An empty query is every article (a page that opens on the whole archive, facets of all).
    ParsedQuery pq;
    // (Xapian::Query(""), not the static Query::MatchAll: copying that one from several threads
    // at once, as news-serve's workers do, races on its reference count.)
    if (query.find_first_not_of(" \t\r\n") == std::string_view::npos) pq.query = Xapian::Query(std::string{});
    else {
        ParseLimits limits;
        limits.today = o.today;
        pq = parse_query(query, *analyzer_, o.default_or, limits, expander_, quote_slots_, links_, word_links_);
        leave_out_stop_words(pq, o.rank);
    }
    Results r;
    r.query = std::string(query);
    r.parsed = pq.query.get_description();
    if (pq.dated && db_.get_doccount() > 0 && db_.get_value_freq(schema::kDateSlot) == 0)
        r.warnings.push_back("none of the " + std::to_string(db_.get_doccount()) +
                             " articles has a date: a date: clause matches nothing here");
    Xapian::Enquire enquire(db_);
    // Word terms weighed by Bm25Source: the same BM25 as Xapian's, with the document lengths
    // read into memory once a query needs enough of them: Xapian's own lookup costs about
    // 250 ns a posting.
    // A remote shard runs no custom posting source (stock xapian-tcpsrv has none registered):
    // there Xapian's BM25Weight itself weighs the words, with the same parameters.
    auto shared = std::make_shared<Bm25Source::Shared>();
    shared->collection_size = db_.get_doccount();
    shared->average_length = db_.get_avlength();
    shared->params = Bm25Params{o.rank.k1, o.rank.b};
    shared->lengths = lengths_;
    shared->single_shard = shards_.size() == 1;
    double needed = 0;
    Xapian::Query weighed = shaped_for_ranking(pq.query, o.rank);
    // (NEWS_XAPIAN_BM25=1: that ranking on local databases too, for tests/bench/shard_bench.py.)
    static const bool xapian_bm25 = [] {
        const char* e = std::getenv("NEWS_XAPIAN_BM25");
        return e && *e && std::string_view(e) != "0";
    }();
    if (!any_remote_ && !xapian_bm25) weighed = with_bm25_sources(weighed, db_, shared, needed);
    if (needed * kPackedLengthsWorthReading > shared->collection_size && !lengths_->loaded())
        lengths_->load(/*packed_only=*/needed * kLengthsWorthReading <= shared->collection_size);
    enquire.set_query(weighed);
    const Bm25Params& bm25 = shared->params;
    enquire.set_weighting_scheme(Xapian::BM25Weight(bm25.k1, 0, 1, bm25.b, bm25.min_normlen));
    switch (o.sort) {
    // Equal scores in article-id order (kIdSlot), not in docid order, which depends on how the
    // articles are spread over shards.
    case Sort::Relevance: enquire.set_sort_by_relevance_then_value(schema::kIdSlot, false); break;
    case Sort::DateAscending: enquire.set_sort_by_value_then_relevance(schema::kDateSlot, false); break;
    case Sort::DateDescending: enquire.set_sort_by_value_then_relevance(schema::kDateSlot, true); break;
    }
    if (o.collapse && o.limit > 0) enquire.set_collapse_key(schema::kCopySlot);  // (its best-ranked article per cluster of copies)
    Xapian::doccount check = o.exact_count ? db_.get_doccount() : 0;
    if (!check && ranking_reads_every_match(pq.query))  // count there, up to one past the limit (see count_matches)
        check = static_cast<Xapian::doccount>(std::min<std::size_t>(std::max<std::size_t>(kExactCountUpTo + 1, o.offset + o.limit), db_.get_doccount()));
    if (!o.facets.empty() || o.stories) check = 0;  // (counted below)
    Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(o.offset), static_cast<Xapian::doccount>(o.limit),
                                         check);
    if (o.facets.empty() && !o.stories) count_matches(pq.query, mset, o, r);
    else count_facets(pq, o, r);
    r.offset = o.offset;
    std::size_t rank = o.offset;
    std::optional<SnippetMaker> snippets;
    if (o.snippets) snippets.emplace(pq.highlight, *analyzer_);
    // (Remote shards: every document of the page asked for at once, not one round trip each.)
    if (any_remote_) mset.fetch();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Hit h;
        h.rank = ++rank;
        h.score = it.get_weight();
        Xapian::Document doc = it.get_document();
        try {
            h.article = stored_article(doc);
        } catch (const std::exception& e) {  // the id from the Q term (its head, if hashed)
            auto t = doc.termlist_begin();
            t.skip_to(std::string(schema::kIdPrefix));
            if (t != doc.termlist_end() && (*t).starts_with(schema::kIdPrefix)) h.article.id = (*t).substr(schema::kIdPrefix.size());
            h.article.title = "(unreadable stored article, docid " + std::to_string(*it) + ": " + e.what() + ")";
        }
        if (snippets) h.snippet = snippets->make(h.article.text);
        h.copies = copies_info(doc);
        r.hits.push_back(std::move(h));
    }
    if (o.snippets) attach_quotes(r.hits, pq.quote_shows, *analyzer_);
    if (o.snippets)
        for (Hit& h : r.hits) name_people(h.article);
    for (Hit& h : r.hits) h.article.text.clear();
    if (o.suggest && r.total < kSuggestBelow && o.offset == 0) {
        r.suggestion = suggest(query, pq, r.total, o);
        if (any_remote_)
            r.warnings.push_back(local_count_ == 0 ? std::string("no spelling suggestions: they come from local shards only, and every shard is remote")
                                                   : "spelling suggestions come from the " + std::to_string(local_count_) + " local shards only, not the " +
                                                         std::to_string(shards_.size() - local_count_) + " remote ones");
    }
    return r;
}

std::optional<Suggestion> Searcher::suggest(std::string_view query, const ParsedQuery& pq, Xapian::doccount total,
                                            const SearchOptions& o) const {
    std::vector<std::string> words;
    for (const std::vector<std::string>& clause : weighed_word_clauses(pq.query)) words.push_back(clause[0]);
    // From the local shards only: a remote shard's words would all cross the network.
    if (local_count_ == 0) return std::nullopt;
    const Xapian::Database& db = local_db_;
    std::vector<Correction> fixes = corrections(db, words);
    // The words of names (speaker:, person:, author:), from their fields' own words.
    for (const schema::Field& f : schema::kFields) {
        if (f.kind != schema::Kind::Name || f.word_prefix.empty()) continue;
        std::vector<std::string> names;
        for (auto t = pq.query.get_terms_begin(); t != pq.query.get_terms_end(); ++t) {
            // A name word ("XSPKWobama"), or a whole name ("XSPKbarack obama"): its words.
            const std::string& term = *t;
            const std::size_t at = term.starts_with(f.word_prefix) ? f.word_prefix.size() : term.starts_with(f.prefix) ? f.prefix.size() : 0;
            if (at == 0 || at >= term.size() || static_cast<unsigned char>(term[at]) < 'a') continue;
            for (std::size_t from = at; from < term.size();) {
                std::size_t space = term.find(' ', from);
                if (space == std::string::npos) space = term.size();
                if (space > from) names.push_back(term.substr(from, space - from));
                from = space + 1;
            }
        }
        for (Correction& c : corrections(db, names, std::string(f.word_prefix))) fixes.push_back(std::move(c));
    }
    if (fixes.empty()) return std::nullopt;
    std::string fixed = corrected_query(query, fixes, [this](std::string_view s) { return analyzer_->normalize(s); });
    if (fixed == query) return std::nullopt;
    ParseLimits limits;
    limits.today = o.today;
    ParsedQuery again;
    try {
        again = parse_query(fixed, *analyzer_, o.default_or, limits, expander_, quote_slots_, links_, word_links_);
    } catch (const QueryError&) {
        return std::nullopt;
    }
    leave_out_stop_words(again, o.rank);
    Xapian::Enquire counter(db_);
    counter.set_query(again.query);
    counter.set_weighting_scheme(Xapian::BoolWeight());
    const Xapian::MSet m = counter.get_mset(0, 0, kExactCountUpTo + 1);
    Suggestion s;
    s.query = std::move(fixed);
    s.total_exact = m.get_matches_lower_bound() == m.get_matches_upper_bound() && m.get_matches_lower_bound() <= kExactCountUpTo;
    s.total = s.total_exact ? m.get_matches_lower_bound() : kExactCountUpTo;
    if (s.total <= kSuggestGain * total || s.total == 0) return std::nullopt;
    return s;
}

}  // namespace news::search
