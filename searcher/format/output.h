/// @file
/// @brief Printing results: text (highlighted on a terminal), JSON, JSON Lines, TREC run format.
#pragma once

#include "searcher/search.h"

#include <nlohmann/json.hpp>

#include <ostream>
#include <string>

namespace news::search {

enum class Format { Text, Json, JsonLines, Trec };

struct OutputOptions {
    Format format = Format::Text;
    bool color = false;       ///< ANSI highlights (text format only)
    std::string run_id;       ///< --trec RUNID
    std::string qid = "1";    ///< query id for TREC and --batch
    bool batch = false;       ///< add the qid to JSON and a header to text output
};

/// Version of the JSON output; bump when a field changes meaning.
/// 2: `total` is exact up to kExactCountUpTo matches, and `total_relation` ("eq", or "gte"
/// when `total` is a lower bound: more matches than kExactCountUpTo) replaces `total_exact`.
inline constexpr int kJsonFormatVersion = 2;

/// "eq" when r.total is exact, "gte" when it is a lower bound.
[[nodiscard]] const char* total_relation(const Results& r);

/// "1 article matches", "1,234 articles match", "More than 10,000 articles match".
/// "2 of 3 shards answered: ..." for an answer with Results::missing_shards.
[[nodiscard]] std::string partial_note(const Results& r);
[[nodiscard]] std::string total_line(const Results& r);

/// One hit as JSON: rank, id, score, date, source, title, url, path, dateline, authors,
/// speakers (name, kind, role, quotes with offsets), persons, snippet, highlights.
[[nodiscard]] nlohmann::json hit_to_json(const Hit& h);

/// Facet counts as JSON: per facet its field, distinct, quotes_counted and values (value,
/// filter, articles, quotes when counted, split when split), and with a split its split and
/// split_values.
[[nodiscard]] nlohmann::json facets_json(const std::vector<FacetResult>& facets);

/// Facet counts as compact text tables (a cross-table with a split), after the results.
void print_facets(std::ostream& out, const std::vector<FacetResult>& facets);

/// Prints @p r in the chosen format.
void print_results(std::ostream& out, const Results& r, const OutputOptions& o);

/// The same through nlohmann::json trees (hit_to_json): what print_results prints for JSON
/// is byte for byte this (tested); it falls back to it when a string is not valid UTF-8.
void print_results_nlohmann(std::ostream& out, const Results& r, const OutputOptions& o);

/// The databases searched and their revisions, as JSON: [{"path": ..., "revision": N}].
[[nodiscard]] nlohmann::json databases_json(const std::vector<DatabaseRevision>& databases);

/// news-search --get: whole articles. Text: the metadata, then the text with each quote
/// followed by its speaker ("“…,” [— Jen Daskal]"), then the quotes with speakers and roles.
/// JSON: every stored field (news::to_json: speakers with kinds, roles and quotes with byte
/// offsets into text, persons, organizations, topics), the ids not found (`missing`) and the
/// databases' revisions; JSON Lines: one article per line.
/// news-search --copies ID: the articles of ID's cluster of wire copies (Searcher::copies_of).
void print_copies(std::ostream& out, const std::string& id, const std::vector<Article>& articles,
                  const std::vector<DatabaseRevision>& dbs, const OutputOptions& o);

void print_articles(std::ostream& out, const std::vector<Article>& articles, const std::vector<std::string>& missing,
                    const std::vector<DatabaseRevision>& databases, const OutputOptions& o);

/// news-search --speakers: each speaker with the other names, quotes and articles.
void print_speakers(std::ostream& out, const std::vector<SpeakerCount>& speakers,
                    const std::vector<DatabaseRevision>& databases, const OutputOptions& o);
/// news-search --sources: each source with its number of articles.
void print_sources(std::ostream& out, const std::vector<SourceCount>& sources,
                   const std::vector<DatabaseRevision>& databases, const OutputOptions& o);

/// Prints the number of matches (--count).
void print_count(std::ostream& out, const Results& r, const OutputOptions& o);

}  // namespace news::search
