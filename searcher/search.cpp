/// @file
/// @brief Enquire, sorting, paging and snippets.
#include "searcher/search.h"

#include "common/schema.h"
#include "searcher/doc_data.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <thread>

namespace news::search {

bool speaker_matches(const text::Analyzer& analyzer, const std::string& name, const std::string& wanted) {
    return speaker_matches(FastAnalyzer(analyzer), name, wanted);
}

bool quote_contains(const text::Analyzer& analyzer, std::string_view quote, const std::vector<std::vector<std::string>>& words) {
    return quote_contains(FastAnalyzer(analyzer), quote, words);
}

bool speaker_matches(const FastAnalyzer& analyzer, const std::string& name, const std::string& wanted) {
    std::string n = analyzer.normalize(name);
    if (n == wanted) return true;
    if (wanted.find(' ') == std::string::npos) {
        std::size_t b = 0;
        while (b <= n.size()) {
            std::size_t e = n.find(' ', b);
            if (e == std::string::npos) e = n.size();
            if (n.compare(b, e - b, wanted) == 0) return true;
            b = e + 1;
        }
        return false;
    }
    return n.size() > wanted.size() && n.ends_with(wanted) && n[n.size() - wanted.size() - 1] == ' ';
}

bool quote_contains(const FastAnalyzer& analyzer, std::string_view quote, const std::vector<std::vector<std::string>>& words) {
    std::vector<text::Token> toks = analyzer.tokenize(quote);
    for (const auto& item : words) {
        bool found = false;
        if (item.size() == 1) {
            std::string stem = analyzer.stem(item[0]);
            for (const auto& t : toks)
                if (t.term == item[0] || t.alt == item[0] || (t.stemmable && analyzer.stem(t.alt.empty() ? t.term : t.alt) == stem)) {
                    found = true;
                    break;
                }
        } else {
            for (std::size_t i = 0; i + item.size() <= toks.size() && !found; ++i) {
                bool all = true;
                for (std::size_t k = 0; k < item.size() && all; ++k)
                    all = toks[i + k].term == item[k] || toks[i + k].alt == item[k];
                found = all;
            }
        }
        if (!found) return false;
    }
    return true;
}

namespace {

// Keeps only articles where one quote by the named speaker holds every quote: item.
class SpeakerQuoteDecider : public Xapian::MatchDecider {
public:
    using Reader = std::function<Article(const Xapian::Document&)>;
    SpeakerQuoteDecider(const FastAnalyzer& a, const SpeakerQuote& sq, Reader read)
        : a_(a), sq_(sq), read_(std::move(read)) {}
    bool operator()(const Xapian::Document& doc) const override {
        Article art;
        try {
            art = read_(doc);
        } catch (const std::exception&) {  // damaged: not the speaker's quote
            return false;
        }
        for (const Speaker& s : art.speakers) {
            bool named = true;
            for (const std::string& w : sq_.speakers) named = named && speaker_matches(a_, s.name, w);
            if (!named) continue;
            for (const Quote& q : s.quotes)
                if (quote_contains(a_, q.text, sq_.words)) return true;
        }
        return false;
    }

private:
    const FastAnalyzer& a_;
    const SpeakerQuote& sq_;
    Reader read_;
};

std::vector<MatchedQuote> quotes_for(const FastAnalyzer& a, const Article& art, const SpeakerQuote& sq) {
    std::vector<MatchedQuote> out, rest;
    if (sq.speakers.empty()) return out;
    for (const Speaker& s : art.speakers) {
        bool named = true;
        for (const std::string& w : sq.speakers) named = named && speaker_matches(a, s.name, w);
        if (!named) continue;
        for (const Quote& q : s.quotes)
            (sq.words.empty() || quote_contains(a, q.text, sq.words) ? out : rest).push_back({s.name, q});
    }
    if (sq.words.empty() || out.empty()) out.insert(out.end(), rest.begin(), rest.end());
    if (out.size() > 3) out.resize(3);
    return out;
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

Searcher::Searcher(const std::vector<std::string>& paths) : paths_(paths) {
    std::string language;
    for (const std::string& p : paths) {
        try {
            Xapian::Database one;
            std::string lang;
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
            if (lang.empty()) lang = "english";
            if (!language.empty() && lang != language)
                throw DatabaseError(p + ": built with stemming language " + lang + ", the other databases with " + language);
            language = lang;
            db_.add_database(one);
            shards_.push_back(one);
        } catch (const Xapian::DatabaseNotFoundError&) {
            throw DatabaseError(p + ": no database here (build one with news-index --db " + p + ")");
        } catch (const Xapian::Error& e) {
            throw DatabaseError(p + ": cannot open database: " + e.get_description());
        } catch (const std::runtime_error& e) {
            if (dynamic_cast<const DatabaseError*>(&e)) throw;
            throw DatabaseError(p + ": " + e.what());
        }
    }
    analyzer_.emplace(language.empty() ? "english" : language);
    lengths_ = std::make_shared<DocLengths>(shards_);
    expander_ = [this](const std::string& stem) { return words_with_stem(stem); };
    load_dictionaries();
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
    const std::string key = schema::stem_key(stem);
    for (const Xapian::Database& shard : shards_)
        for (auto it = shard.synonyms_begin(key); it != shard.synonyms_end(key); ++it) words.push_back(*it);
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    return words;
}

ParsedQuery Searcher::parse(std::string_view query, bool default_or) const {
    return parse_query(query, *analyzer_, default_or, {}, expander_);
}

namespace {
// Runs @p f, reopening @p db and trying again while a writer commits under it.
template <class F>
auto retrying(Xapian::Database& db, F f) {
    for (int attempt = 0;; ++attempt) {
        try {
            return f();
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt >= 3) throw DatabaseError("the database keeps changing under the search; try again");
            db.reopen();
        } catch (const Xapian::DatabaseError& e) {
            throw DatabaseError(e.get_description());
        }
    }
}
}  // namespace

std::vector<Article> Searcher::get(const std::string& id) {
    return retrying(db_, [&] {
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
        return out;
    });
}

std::vector<SourceCount> Searcher::sources() {
    return retrying(db_, [&] {
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

Results Searcher::run(std::string_view query, const SearchOptions& o) {
    // A writer may commit while we read: reopen and try again.
    for (int attempt = 0;; ++attempt) {
        try {
            Results r = run_once(query, o);
            r.databases = revisions();
            return r;
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt >= 3) throw DatabaseError("the database keeps changing under the search; try again");
            db_.reopen();
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

Results Searcher::run_once(std::string_view query, const SearchOptions& o) {
    ParsedQuery pq = parse_query(query, *analyzer_, o.default_or, {}, expander_);
    Results r;
    r.query = std::string(query);
    r.parsed = pq.query.get_description();
    Xapian::Enquire enquire(db_);
    // Word terms weighed by Bm25Source: the same BM25 as Xapian's, with the document lengths
    // read into memory once a query needs enough of them: Xapian's own lookup costs about
    // 250 ns a posting.
    auto shared = std::make_shared<Bm25Source::Shared>();
    shared->collection_size = db_.get_doccount();
    shared->average_length = db_.get_avlength();
    shared->params = Bm25Params{};
    shared->lengths = lengths_;
    shared->single_shard = shards_.size() == 1;
    double needed = 0;
    Xapian::Query weighed = with_bm25_sources(pq.query, db_, shared, needed);
    if (needed * kPackedLengthsWorthReading > shared->collection_size && !lengths_->loaded())
        lengths_->load(/*packed_only=*/needed * kLengthsWorthReading <= shared->collection_size);
    enquire.set_query(weighed);
    const Bm25Params bm25;
    enquire.set_weighting_scheme(Xapian::BM25Weight(bm25.k1, 0, 1, bm25.b, bm25.min_normlen));
    switch (o.sort) {
    case Sort::Relevance: break;
    case Sort::DateAscending: enquire.set_sort_by_value_then_relevance(schema::kDateSlot, false); break;
    case Sort::DateDescending: enquire.set_sort_by_value_then_relevance(schema::kDateSlot, true); break;
    }
    Xapian::doccount check = o.exact_count ? db_.get_doccount() : 0;
    std::optional<SpeakerQuoteDecider> decider;
    if (!pq.speaker_quote.speakers.empty() && !pq.speaker_quote.words.empty()) {
        decider.emplace(*analyzer_, pq.speaker_quote, [this](const Xapian::Document& d) { return stored_article(d); });
        check = db_.get_doccount();  // counts must be exact once documents are filtered
    }
    Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(o.offset), static_cast<Xapian::doccount>(o.limit),
                                         check, nullptr, decider ? &*decider : nullptr);
    r.total = mset.get_matches_estimated();
    r.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    std::size_t rank = o.offset;
    std::optional<SnippetMaker> snippets;
    if (o.snippets) snippets.emplace(pq.highlight, *analyzer_);
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
        h.quotes = quotes_for(*analyzer_, h.article, pq.speaker_quote);
        h.article.text.clear();
        r.hits.push_back(std::move(h));
    }
    return r;
}

}  // namespace news::search
