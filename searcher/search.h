/// @file
/// @brief Running a query: open the database(s), Enquire with BM25, sort, page, snippets.
#pragma once

#include "common/article.h"
#include "common/text/analyzer.h"
#include "searcher/bm25.h"
#include "searcher/facets.h"
#include "searcher/query_parser.h"
#include "searcher/ranking.h"
#include "searcher/snippet.h"

#include "common/stored.h"
#include "common/shards.h"

#include <xapian.h>

#include <optional>
#include <unordered_map>
#include <stdexcept>
#include <string>
#include <vector>

namespace news::search {

/// The database cannot be opened or read: exit status 3.
class DatabaseError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class Sort { Relevance, DateAscending, DateDescending };

struct SearchOptions {
    Sort sort = Sort::Relevance;
    std::size_t limit = 10;
    std::size_t offset = 0;
    bool default_or = false;  ///< --any
    bool exact_count = false; ///< count every match instead of estimating
    bool snippets = true;
    std::vector<FacetRequest> facets;   ///< --facet: exact counts over every match (and then an exact total)
    std::optional<FacetRequest> split;  ///< --split: each facet value's counts per value of this field
    RankParams rank;    ///< how relevance is weighed (--ranking)
    bool suggest = true;  ///< "did you mean" when the query finds little (Results::suggestion)
    bool collapse = true;  ///< one article per cluster of wire copies (copies.h); --no-collapse: all
    bool stories = false;  ///< --stories: the total and facets count stories (a cluster of copies once), not articles
    std::string today;  ///< "YYYYMMDD" that date:yesterday, date:"last week" ... count from (empty: today in UTC, per query)
};

/// A quote shown with a result because the query asked about it (speaker: or quote:).
struct MatchedQuote {
    std::string speaker;  ///< empty: a quotation nobody was found to say
    Quote quote;
    bool reported = false;  ///< reported speech (Article::reported) a said: clause asked for
};

/// The wire copies of a result (copies.h): its cluster and what the cluster holds.
struct Copies {
    std::string cluster;            ///< the cluster's id: its first article's id (news-search --copies)
    Xapian::doccount articles = 0;  ///< articles in the cluster, this one included
    std::vector<std::string> outlets;  ///< their sources, earliest first (of the first kCopyArticlesRead)
    std::string first_seen;         ///< the earliest date among them (ISO), or empty
};
/// Articles of a cluster read for a result's Copies (outlets, first seen).
inline constexpr std::size_t kCopyArticlesRead = 50;

struct Hit {
    std::size_t rank = 0;  ///< 1-based, counting the offset
    double score = 0;
    Article article;       ///< from the document data (text dropped after the snippet is made)
    Snippet snippet;
    std::vector<MatchedQuote> quotes;  ///< the quotes the query's speaker: and quote: clauses ask for (3 at most)
    std::optional<Copies> copies;      ///< when the article has wire copies
};

/// Counts are exact up to this many matches whatever the page asked for (Elasticsearch's
/// convention); above it `total` is this number and `total_exact` false (a lower bound),
/// unless exact_count asked for the exact count.
inline constexpr Xapian::doccount kExactCountUpTo = 10000;

/// What was searched: a database (shard) and the revision it was read at, so that a citation
/// can name it (no revision: a stub or remote database that does not tell one).
struct DatabaseRevision {
    std::string path;
    std::optional<Xapian::rev> revision;
};

/// A source (outlet) of the database(s) and its number of articles (exact: the term
/// frequency of its source term, summed over shards).
struct SourceCount {
    std::string name;  ///< as an article gives it ("BBC News")
    std::string slug;  ///< the source: value matching exactly this source ("bbc-news")
    Xapian::doccount count = 0;
};

/// A speaker of the articles (news-search --speakers): one person under every name the articles
/// give them, linked by the alias table (aliases::links_to), or an organisation.
struct SpeakerCount {
    std::string name;                  ///< the full name as the articles spell it most ("Barack Obama")
    std::string kind;                  ///< "person", "organization" or "document"
    std::vector<std::string> aliases;  ///< the other names the same speaker has there ("Obama"), sorted
    std::size_t quotes = 0;            ///< quotes attributed to them
    Xapian::doccount articles = 0;     ///< articles where they speak
};

/// One quote as the index has it: its words (folded, XQ's without the prefix) at consecutive
/// positions, sorted, and its speaker's name terms (XSPK, XSPKW).
struct QuoteTerms {
    std::vector<std::pair<std::string, Xapian::termpos>> words;
    std::vector<std::string> names;
    bool reported = false;  ///< reported speech: its words answer XR terms, a quote's XQ
};

/// Does @p q match the quote @p c, as Xapian would? For the shapes the query parser builds
/// for speaker: and quote: clauses (terms, stem groups, AND, OR, NOT, phrases); nullopt for
/// any other (NEAR, wildcards), which the caller leaves to Xapian.
[[nodiscard]] std::optional<bool> holds(const Xapian::Query& q, const QuoteTerms& c);

/// "Did you mean": the query with its rare words corrected (spelling.h), and what it finds.
struct Suggestion {
    std::string query;
    Xapian::doccount total = 0;
    bool total_exact = true;  ///< else more than kExactCountUpTo
};

/// A query finding fewer articles than this is checked for misspelt words ...
inline constexpr Xapian::doccount kSuggestBelow = 10;
/// ... and a correction is suggested when it finds more than this many times as many.
inline constexpr Xapian::doccount kSuggestGain = 2;

struct Results {
    std::string query;
    std::string parsed;               ///< Xapian::Query::get_description()
    /// The number of matches: exact when total_exact (always up to kExactCountUpTo, and
    /// always with exact_count); else more than kExactCountUpTo, and total is kExactCountUpTo.
    Xapian::doccount total = 0;
    bool total_exact = false;
    bool stories = false;             ///< total (and the facets) count stories, not articles (SearchOptions::stories)
    std::size_t offset = 0;           ///< the options' offset (hits[0].rank is offset + 1)
    std::vector<Hit> hits;
    std::vector<DatabaseRevision> databases;
    std::vector<FacetResult> facets;  ///< one per SearchOptions::facets, in its order
    std::vector<std::string> warnings;  ///< what the user should know of the answer (a date: on undated articles)
    /// Shards that did not answer and were left out (OpenOptions::allow_partial), each "NAME:
    /// why": the answer is then partial, its counts and statistics those of the other shards.
    std::vector<std::string> missing_shards;
    std::optional<Suggestion> suggestion;  ///< "did you mean" (SearchOptions::suggest)
};

/// How shards are opened (remote ones above all).
struct OpenOptions {
    unsigned timeout_ms = 10000;          ///< a remote shard's answer to any one request (--timeout)
    unsigned connect_timeout_ms = 10000;  ///< connecting to a remote shard
    /// A shard that is down or too slow is left out (Results::missing_shards) instead of
    /// failing the search (DatabaseError naming it).
    bool allow_partial = false;
};

/// Sets @p o's timeouts from @p seconds ("2.5"; --timeout); false with @p why when it is not a
/// number of seconds above 0 (a day at most).
[[nodiscard]] bool set_timeout(const std::string& seconds, OpenOptions& o, std::string& why);

/// One or more databases searched as one (shards): each a database folder, a stub file of
/// shards (Xapian's format; a sharded database's folder holds one: shards.h), or
/// "tcp://HOST:PORT" (a database served by xapian-tcpsrv). On remote shards the ranking is
/// Xapian's BM25Weight (the same BM25, without Bm25Source's block skipping), stems come
/// from the metadata copy of the stem table, and spelling suggestions from local shards only.
class Searcher {
public:
    /// Opens every path; checks schema and analyzer versions. Throws DatabaseError.
    explicit Searcher(const std::vector<std::string>& paths, const OpenOptions& open = {});
    Searcher(const Searcher&) = delete;  // the stem expander points at this object

    /// What opening the databases found worth telling (a first build still running).
    [[nodiscard]] const std::vector<std::string>& open_notes() const { return open_notes_; }
    Searcher& operator=(const Searcher&) = delete;

    /// Parses and runs @p query. Throws QueryError for a malformed query.
    [[nodiscard]] Results run(std::string_view query, const SearchOptions& options);

    /// Only parses: the query the database would run, with notes (--explain) that need the
    /// database too (a wildcard cut to its kMaxWildcardWords most frequent words).
    /// With @p rank's stop words left out of OR lists (noted).
    [[nodiscard]] ParsedQuery parse(std::string_view query, bool default_or, const std::string& today = {},
                                    const RankParams& rank = {}) const;

    /// How @p pq is ranked, for --explain: the parameters, the query as weighed (the title
    /// and proximity weights as factors), and each word's BM25 term weight and frequency.
    [[nodiscard]] std::vector<std::string> explain_ranking(const ParsedQuery& pq, const RankParams& rank) const;

    /// "Did you mean" for @p query, parsed as @p pq and finding @p total articles: its rare
    /// words corrected from the database's words (spelling.h), when that finds more than
    /// kSuggestGain times as many. Throws QueryError only if @p query itself is malformed.
    [[nodiscard]] std::optional<Suggestion> suggest(std::string_view query, const ParsedQuery& pq, Xapian::doccount total,
                                                    const SearchOptions& o) const;

    /// The articles with the id @p id (news-search --get), whole, text included: one, or none
    /// (one per shard if several shards hold it).
    [[nodiscard]] std::vector<Article> get(const std::string& id);

    /// The articles of the cluster of wire copies holding the article @p id (news-search
    /// --copies), earliest first; just that article when it has no copy; none when no article
    /// has that id.
    [[nodiscard]] std::vector<Article> copies_of(const std::string& id);

    /// Every source with its number of articles, most articles first (then by name).
    [[nodiscard]] std::vector<SourceCount> sources();

    /// The speakers of the articles matching @p query (every article when empty), one person
    /// under all their names, most articles first (then most quotes, then by name). Throws
    /// QueryError for a malformed query.
    [[nodiscard]] std::vector<SpeakerCount> speakers(std::string_view query, bool default_or);

    /// Each database opened, with its revision now.
    [[nodiscard]] std::vector<DatabaseRevision> revisions() const;

    [[nodiscard]] Xapian::doccount size() const { return db_.get_doccount(); }

    /// Sees what writers have committed since the databases were opened (or last reopened);
    /// false when there was nothing new.
    bool reopen() {
        try {
            if (!db_.reopen()) return false;
        } catch (const Xapian::NetworkError& e) {  // (a remote shard went down)
            shard_failed(e, 0);
        }
        reset_alias_table();  // (read again when next needed)
        copy_table_.reset();
        if (any_remote_) facet_counter_.reset();  // (a remote shard tells no revision to check columns by)
        return true;
    }

    /// Some shard was left out (OpenOptions::allow_partial).
    [[nodiscard]] bool partial() const { return !missing_.empty(); }

    /// Some shard is served over the network (no Bm25Source, no block counts there).
    [[nodiscard]] bool any_remote() const { return any_remote_; }

    /// The article ids held by more than one shard (news-search --check-shards), each with the
    /// shards holding it, sorted; at most @p limit of them.
    [[nodiscard]] std::vector<std::pair<std::string, std::vector<std::string>>> ids_in_several_shards(std::size_t limit) const;

private:
    /// Opens each shard of @p paths (stub files read), into shards_ and db_.
    void open_shards(const std::vector<std::string>& paths);
    /// Names the remote shards that do not answer now (each "NAME: why").
    [[nodiscard]] std::vector<std::pair<std::size_t, std::string>> dead_shards();
    /// Leaves the shards @p dead out (allow_partial), reading what depends on the set again.
    void drop_shards(const std::vector<std::pair<std::size_t, std::string>>& dead);
    /// A request to the shards failed with @p e (a network error): the failing shards named
    /// (DatabaseError), or left out with allow_partial; returns when the query can be run again.
    void shard_failed(const Xapian::Error& e, int attempt);
    /// Runs @p f again while a writer commits (reopened) or a remote shard fails (shard_failed).
    template <class F>
    auto retrying(F f);
    /// db_ and what is read per set of shards, made again from shards_.
    void rebuild_views();
    /// A new connection to the remote shard @p e, with open_'s timeouts.
    [[nodiscard]] Xapian::Database open_remote(const shards::Entry& e) const;
    OpenOptions open_;
    std::vector<shards::Entry> entries_;  ///< per shard: where it is
    std::vector<bool> remote_;  ///< per shard
    bool any_remote_ = false;
    std::vector<std::string> missing_;  ///< shards left out (allow_partial), "NAME: why"
    Xapian::Database local_db_;  ///< the local shards only (spelling)
    std::size_t local_count_ = 0;
    std::vector<std::string> open_notes_;
    Results run_once(std::string_view query, const SearchOptions& options);
    /// Sets r.total and r.total_exact for @p query, of which @p mset is the ranked page.
    void count_matches(const Xapian::Query& query, const Xapian::MSet& mset, const SearchOptions& o, Results& r) const;

    /// The terms of the databases that start with @p head (kMaxSlotTerms at most).
    [[nodiscard]] std::vector<std::string> terms_from(const std::string& head) const;

    /// Words of the stem table for @p stem, from every shard.
    [[nodiscard]] std::vector<std::string> words_with_stem(const std::string& stem) const;

    /// The shards' zstd dictionaries (schema::kMetaDictionary), read again.
    void load_dictionaries();
    /// The article stored with @p doc; a dictionary not known yet (the database gained it
    /// since it was opened) is looked for once more.
    [[nodiscard]] Article stored_article(const Xapian::Document& doc);

    /// Sets Speaker::person of @p a's one-word speakers the alias table links to a full name.
    void name_people(Article& a);

    /// The alias table of every shard, added up (read when a query first needs it).
    const aliases::Table& alias_table();
    void reset_alias_table() {
        alias_table_.reset();
        if (facet_counter_) facet_counter_->aliases_changed();
    }
    std::optional<aliases::Table> alias_table_;
    std::unique_ptr<FacetCounter> facet_counter_;  // (made when a query first asks for facets)
    /// The facets of @p o over the matches of @p pq; sets r.facets and the exact r.total.
    void count_facets(const ParsedQuery& pq, const SearchOptions& o, Results& r);
    /// The clusters of wire copies of the databases, read from their value streams of
    /// schema::kCopySlot (the clustered articles only) when a query first needs them; by docid
    /// of db_ (shards interleaved).
    struct CopyTable {
        std::unordered_map<Xapian::docid, std::uint32_t> cluster_of;  ///< docid -> cluster
        std::vector<std::string> ids;                                 ///< cluster -> its id
        std::vector<std::vector<Xapian::docid>> members;              ///< cluster -> its docids, ascending
    };
    const CopyTable& copy_table();
    std::optional<CopyTable> copy_table_;
    /// The Copies of the article @p doc (nullopt: it has none).
    [[nodiscard]] std::optional<Copies> copies_info(const Xapian::Document& doc);
    SpeakerLinks links_;
    WordLinks word_links_;

    std::vector<std::string> paths_;
    std::vector<Xapian::Database> shards_;
    Xapian::Database db_;
    StemExpander expander_;
    QuoteSlots quote_slots_;
    std::vector<std::shared_ptr<const stored::Dictionary>> dicts_;
    std::optional<FastAnalyzer> analyzer_;  // set once the stemming language is known
    std::shared_ptr<DocLengths> lengths_;   // read once a query has enough postings to pay for it
};

}  // namespace news::search
