/// @file
/// @brief Enquire, sorting, paging and snippets.
#include "searcher/search.h"

#include "common/schema.h"

namespace news::search {

Searcher::Searcher(const std::vector<std::string>& paths) : paths_(paths) {
    std::string language;
    for (const std::string& p : paths) {
        try {
            Xapian::Database one(p);
            std::string lang = schema::read_metadata(one);
            if (!language.empty() && lang != language)
                throw DatabaseError(p + ": built with stemming language " + lang + ", the other databases with " + language);
            language = lang;
            db_.add_database(one);
        } catch (const Xapian::DatabaseNotFoundError&) {
            throw DatabaseError(p + ": no database here (build one with news-index --db " + p + ")");
        } catch (const Xapian::Error& e) {
            throw DatabaseError(p + ": cannot open database: " + e.get_description());
        } catch (const std::runtime_error& e) {
            if (dynamic_cast<const DatabaseError*>(&e)) throw;
            throw DatabaseError(p + ": " + e.what());
        }
    }
    analyzer_ = text::Analyzer(language.empty() ? "english" : language);
}

ParsedQuery Searcher::parse(std::string_view query, bool default_or) const {
    return parse_query(query, analyzer_, default_or);
}

Results Searcher::run(std::string_view query, const SearchOptions& o) {
    // A writer may commit while we read: reopen and try again.
    for (int attempt = 0;; ++attempt) {
        try {
            return run_once(query, o);
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt >= 3) throw DatabaseError("the database keeps changing under the search; try again");
            db_.reopen();
        } catch (const Xapian::DatabaseError& e) {
            throw DatabaseError(e.get_description());
        }
    }
}

Results Searcher::run_once(std::string_view query, const SearchOptions& o) {
    ParsedQuery pq = parse_query(query, analyzer_, o.default_or);
    Results r;
    r.query = std::string(query);
    r.parsed = pq.query.get_description();
    Xapian::Enquire enquire(db_);
    enquire.set_query(pq.query);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    switch (o.sort) {
    case Sort::Relevance: break;
    case Sort::DateAscending: enquire.set_sort_by_value_then_relevance(schema::kDateSlot, false); break;
    case Sort::DateDescending: enquire.set_sort_by_value_then_relevance(schema::kDateSlot, true); break;
    }
    Xapian::doccount check = o.exact_count ? db_.get_doccount() : 0;
    Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(o.offset), static_cast<Xapian::doccount>(o.limit), check);
    r.total = mset.get_matches_estimated();
    r.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    std::size_t rank = o.offset;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Hit h;
        h.rank = ++rank;
        h.score = it.get_weight();
        Xapian::Document doc = it.get_document();
        try {
            h.article = article_from_json(nlohmann::json::parse(doc.get_data()));
        } catch (const nlohmann::json::exception&) {
            h.article.id = "(unreadable document data, docid " + std::to_string(*it) + ")";
        }
        if (o.snippets) h.snippet = make_snippet(h.article.text, pq.highlight, analyzer_);
        h.article.text.clear();
        r.hits.push_back(std::move(h));
    }
    return r;
}

}  // namespace news::search
