/// @file
/// @brief The Article model: what readers fill, extractors complete and the searcher shows.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace news {

/// A direct quotation. Offsets are bytes into Article::text.
struct Quote {
    std::string text;
    std::size_t start = 0;
    std::size_t end = 0;
};

/// Someone quoted in the article (filled by the speaker extractor).
struct Speaker {
    std::string name;             ///< full name as written ("Jen Daskal")
    /// "person", "organization", or "document" for a document quoted as the source ("the
    /// report said"); a thing, a time or a place is never a speaker
    std::string kind = "person";
    std::string role;             ///< "deputy homeland security adviser", or empty
    std::vector<Quote> quotes;
    /// Set by the search, never stored: the person the speaker alias table makes a speaker
    /// named by one word ("Obama" -> "Barack Obama", as articles spell it), else empty.
    std::string person = {};
};

/// One news article. Readers fill path, id, title, text and whatever metadata the
/// input carries; the extractors fill dateline, authors (byline), speakers and persons.
struct Article {
    std::string id;        ///< unique id, the Q term ("harbor-ledger/strike.txt", "feeds/wire.jsonl#2")
    std::string path;      ///< the source file as found on disk
    std::string title;
    std::string dek;       ///< the standfirst under the title, when the input has one
    std::string date;      ///< ISO "YYYY-MM-DD", or empty: never invented
    std::string source;    ///< outlet display name ("NBC News")
    std::string url;
    std::string dateline;  ///< "BEIJING"
    std::string language = "en";
    std::string encoding = "UTF-8";  ///< encoding of the source file, as detected
    std::vector<std::string> authors;
    std::vector<std::string> persons;        ///< named people mentioned (speakers included)
    std::vector<std::string> organizations;  ///< organisations cited
    std::vector<std::string> topics;
    std::string text;      ///< cleaned body text, paragraphs separated by blank lines
    std::vector<Speaker> speakers;
    std::vector<Quote> unattributed;  ///< quotations no speaker was found for (filled with the speakers)
    /// Reported speech: what each speaker is said to have said without quotation marks ("Ann
    /// Lee said the fees would stay"), the spans in Speaker::quotes (filled with the speakers).
    std::vector<Speaker> reported;
    std::size_t line = 0;  ///< where the record starts in its file, when known (for messages; not stored)

    // What a reader says of the text, for extract (not stored).
    bool structure_guessed = false;  ///< scraped text or a page: extract looks for furniture, a headline, a "By" line
    bool title_in_text = false;      ///< (structure_guessed) the first paragraph is the headline
    bool fields_complete = false;    ///< the source has its own dateline and byline fields (SGML): none is looked for in the text
    /// Every quotation of the text (extract_article fills it; offsets only): what the document
    /// builder indexes under the quotation prefix. Not stored.
    std::vector<Quote> quotations;
    /// The paragraphs that guessing the structure took out of the text, as (kind, line):
    /// furniture by its kind (extract/furniture.h), "headline" (become the title), "byline"
    /// (become authors). Listed by --extract, counted by --verbose; not stored.
    std::vector<std::pair<std::string, std::string>> dropped;
};

/// The JSON form of --extract.
[[nodiscard]] nlohmann::json to_json(const Article& a);
[[nodiscard]] Article article_from_json(const nlohmann::json& j);

/// The stored article ("document data", kept zstd-compressed in value slot
/// schema::kStoredSlot, see common/stored.h): the JSON of the article without its text and
/// without the text of its quotes (both derive from the text and the quote offsets), a NUL
/// byte, then the text. About half the size of the full JSON, and only the small part is parsed.
[[nodiscard]] std::string to_document_data(const Article& a);
/// Reads document data back; throws nlohmann::json::exception on malformed data.
[[nodiscard]] Article article_from_document_data(std::string_view data);

}  // namespace news
