/// @file
/// @brief The one table of fields: query name <-> Xapian term prefix <-> kind. Nothing else spells a prefix.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace news::schema {

/// Bumped whenever terms, values or document data change meaning.
inline constexpr int kSchemaVersion = 11;  ///< 3: date terms (D, M, Y); 4: the article in kStoredSlot;
                                          ///< 5: stored articles may use the zstd dictionary kMetaDictionary;
                                          ///< 6: speaker-quote pairing terms (XW, XN, XNW, XJ), topics K,
                                          ///<    source words XSRCW, record ids (a JSON record's own id);
                                          ///< 7: quote words XW without positions, markers XJ span their quote;
                                          ///< 8: a person speaker's whole name XSPKN, the sex its role
                                          ///<    tells XSPKX, the speaker alias table kMetaSpeakerNames
                                          ///< 9: whole names of other speakers XSPKO, of persons XPERN and
                                          ///<    authors XAN (facets and `field:=NAME`), facet columns
                                          ///< 10: wire copies: signatures kCopySigSlot, clusters
                                          ///<    kCopySlot (copies.h)
                                          ///< 11: reported speech: XR, XV, XK and `reported` in
                                          ///<    the document data

/// Value slots (Omega style: an enum, one place).
enum Slot : Xapian::valueno {
    kDateSlot = 0,     ///< "YYYYMMDD", sortable; absent when the article has no date
    kFileSigSlot = 1,  ///< the source file's signature (ends "|" + its path), on the file's first article only
    kStoredSlot = 2,   ///< the article: stored::pack(to_document_data(a)); document data is empty
    kCopySigSlot = 3,  ///< the article's wire-copy signature (copies::encode)
    kCopySlot = 4,     ///< the id of its cluster of copies (its first member's article id); absent: no copy
    kIdSlot = 5,       ///< the article's id: ties in relevance are ranked by it, on one database as on shards
};

enum class Kind {
    Text,   ///< positional words, stems under "Z"+prefix
    Name,   ///< a person's name: prefix + full folded name and each trailing part; word prefix + each word
    Slug,   ///< prefix + slug of the whole value ("nbc-news"); word prefix + each word ("nbc", "news")
    Exact,  ///< prefix + folded value ("beijing", "hong kong")
    Date,   ///< value slot kDateSlot
};

struct Field {
    std::string_view name;         ///< as written in queries: "speaker"
    std::string_view prefix;       ///< term prefix: "XSPK"
    Kind kind;
    std::string_view word_prefix;  ///< Name and Slug fields: prefix of single words
};

inline constexpr std::string_view kIdPrefix = "Q";
inline constexpr std::string_view kFilePrefix = "XFILE";  ///< every document of one source file
inline constexpr std::string_view kLangPrefix = "L";
inline constexpr std::string_view kStemPrefix = "Z";  ///< stem table keys (not terms)
inline constexpr std::string_view kBodyPrefix = "";
inline constexpr std::string_view kTitlePrefix = "S";
inline constexpr std::string_view kQuotePrefix = "XQ";
/// The words of reported speech (schema 11, Article::reported), as XQ has those of quotations:
/// no positions. `said:` is either.
inline constexpr std::string_view kReportedPrefix = "XR";
/// Date terms, as Omega has them: "D"+YYYYMMDD, "M"+YYYYMM, "Y"+YYYY on every dated article,
/// so that a date filter is a posting list (the value slot alone made every candidate's
/// value be read: "oil" in March 1987 took 340 µs against 130 for "oil").
inline constexpr std::string_view kDayPrefix = "D";
inline constexpr std::string_view kMonthPrefix = "M";
inline constexpr std::string_view kYearPrefix = "Y";

/// The term of a period of date::covering_periods: "2024" -> "Y2024", "202401" -> "M202401",
/// "20240130" -> "D20240130".
[[nodiscard]] inline std::string period_term(std::string_view period) {
    std::string_view prefix = period.size() == 4 ? kYearPrefix : period.size() == 6 ? kMonthPrefix : kDayPrefix;
    return std::string(prefix) + std::string(period);
}

/// Query fields, in the order --help lists them.
inline constexpr Field kFields[] = {
    {"title", kTitlePrefix, Kind::Text, ""},
    {"body", kBodyPrefix, Kind::Text, ""},
    {"quote", kQuotePrefix, Kind::Text, ""},
    {"said", kReportedPrefix, Kind::Text, ""},  ///< quoted or reported: XQ or XR (the parser ORs them)
    {"speaker", "XSPK", Kind::Name, "XSPKW"},
    {"person", "XPER", Kind::Name, "XPERW"},
    {"author", "A", Kind::Name, "XAW"},
    {"source", "XSRC", Kind::Slug, "XSRCW"},
    {"place", "XPLACE", Kind::Exact, ""},
    {"lang", kLangPrefix, Kind::Exact, ""},
    {"topic", "K", Kind::Exact, ""},  ///< Omega's tag prefix: Reuters <TOPICS>, a JSON "topics"/"tags" field
    {"date", "", Kind::Date, ""},
};

/// Speaker aliases (schema 8). A person who speaks is indexed, besides the Name field's terms,
/// with their whole folded name under kSpeakerWholePrefix ("XSPKNbarack obama", "XSPKNobama"
/// for a speaker known only as "Obama"; the Name field's terms cannot tell that speaker from the
/// last word of a full name), and, when the speaker's role tells a sex ("Mrs", "spokeswoman"),
/// once more under kSpeakerSexPrefix + 'm' or 'f' + the whole name ("XSPKXfobama"). Folded
/// names are lower case: the prefixes never run into a name.
inline constexpr std::string_view kSpeakerWholePrefix = "XSPKN";
inline constexpr std::string_view kSpeakerSexPrefix = "XSPKX";

/// Whole names (schema 9), what a facet counts and `field:=NAME` matches: a speaker who is no
/// person (an organisation, a document) under kSpeakerOtherPrefix ("XSPKOthe ministry"; a
/// person's is kSpeakerWholePrefix), a person named in the article under kPersonWholePrefix,
/// an author under kAuthorWholePrefix. The Name fields' own terms cannot tell "Brown" from
/// the last word of "Vanda Felbab-Brown".
inline constexpr std::string_view kSpeakerOtherPrefix = "XSPKO";
inline constexpr std::string_view kPersonWholePrefix = "XPERN";
inline constexpr std::string_view kAuthorWholePrefix = "XAN";

/// Speaker-quote pairing (schema 6): `speaker:A quote:X` asks for one quote *by A* holding X,
/// which the article-wide terms (XSPK.., XQ..) cannot answer. So the speakers of an article are
/// numbered (k, their order in Article::speakers; the quotations nobody was found to say count
/// as one more speaker, without a name), and so are each one's quotes (i, in the order of the
/// text), and every quote is indexed once more: each word as kPairWordPrefix + word + "#k.i",
/// without positions and with wdf 0 (document lengths, BM25 scores and block tables do not
/// change); each speaker's name once, as a Name field has it, under kPairNamePrefix /
/// kPairNameWordPrefix with "#k". `speaker:A quote:X` then matches OR over the slots (k, i) of
/// (A#k AND X#k.i): posting lists, exact counts, and possible on Xapian's remote backend. The
/// slot comes last so that the slots holding a word are one range of terms (the query parser
/// ORs only over those). Renaming a speaker rewrites only its name terms, never the quote terms.
///
/// Phrases and NEAR inside one quote: the quote's marker slot_marker(k, i) (wdf 0) is at every
/// body position from the one before its first word to the one after its last. The body's
/// words have positions, so the phrase (marker, w1 .. wn, marker), exact, holds exactly when
/// w1 .. wn are a phrase inside that quote: the first marker puts w1 at or after the quote's
/// first word, the second puts wn at or before its last. NEAR is the OR of such phrases over
/// the words' orders, with a window two wider. One position list per quote (runs of
/// consecutive positions cost almost nothing) instead of one per word of every quote: the
/// pairing terms cost PolNeAR's index a third of what positional quote words did.
inline constexpr std::string_view kPairWordPrefix = "XW";
inline constexpr std::string_view kPairNamePrefix = "XN";
inline constexpr std::string_view kPairNameWordPrefix = "XNW";
inline constexpr std::string_view kSlotMarkerPrefix = "XJ";
/// Reported speech pairs up as quotes do (schema 11): each span of what speaker k reports is a
/// slot (k, i) after k's quotes (i = the number of k's quotes + its rank), its words under
/// kReportedWordPrefix + word + "#k.i", its marker kReportedMarkerPrefix + "k.i"; a speaker who
/// only reports is numbered after the quotations nobody was found to say. `quote:` never sees
/// them (its terms are XW and XJ); `said:` is the OR of the two in each slot.
inline constexpr std::string_view kReportedWordPrefix = "XV";
inline constexpr std::string_view kReportedMarkerPrefix = "XK";
inline constexpr char kSlotSeparator = '#';  ///< never inside a word (UAX #29 breaks there)
[[nodiscard]] inline std::string quote_slot_suffix(std::size_t k, std::size_t i) {
    return kSlotSeparator + std::to_string(k) + "." + std::to_string(i);
}
[[nodiscard]] inline std::string speaker_slot_suffix(std::size_t k) { return kSlotSeparator + std::to_string(k); }
[[nodiscard]] inline std::string slot_marker(std::size_t k, std::size_t i, std::string_view prefix = kSlotMarkerPrefix) {
    return std::string(prefix) + std::to_string(k) + "." + std::to_string(i);
}
/// The slot of a pairing term or marker: "...#k.i" or "XJk.i" (k, i), "...#k" (k, SIZE_MAX);
/// false for anything else.
[[nodiscard]] bool parse_slot(std::string_view term, std::size_t& k, std::size_t& i);
/// A pairing term (a filter: never weighed, no block table).
[[nodiscard]] inline bool is_pairing_term(std::string_view t) {
    return t.starts_with(kPairWordPrefix) || t.starts_with(kPairNamePrefix) || t.starts_with(kSlotMarkerPrefix) ||
           t.starts_with(kReportedWordPrefix) || t.starts_with(kReportedMarkerPrefix);
}
/// A term never indexed: what a pairing no slot can satisfy matches (Xapian's MatchNothing is
/// an empty query, which would read as "no constraint").
inline constexpr std::string_view kNoSlotTerm = "XJ";  // markers always have digits after XJ

/// The terms of a folded name under a Name field's prefixes: the full name and each trailing
/// part under @p prefix ("vanda felbab brown", "felbab brown", "brown"), each word under
/// @p word_prefix. Terms longer than @p max_term bytes are left out.
/// With @p single_parts false, no one-word part under @p prefix (queries look one word up
/// under @p word_prefix).
[[nodiscard]] std::vector<std::string> name_terms(std::string_view folded, std::string_view prefix,
                                                  std::string_view word_prefix, std::size_t max_term = 240,
                                                  bool single_parts = true);

/// Longest term written, prefix included (Xapian refuses terms over 245 bytes).
inline constexpr std::size_t kMaxTerm = 240;

/// @p prefix + @p key, or, when that is longer than kMaxTerm, its head made unique with a
/// hash of the whole key ("Q" + a 300-byte id -> 223 bytes + "#" + 16 hex digits).
[[nodiscard]] std::string bounded_term(std::string_view prefix, const std::string& key);
/// The Q term of an article id: what news-index writes, news-search --get and
/// news-index --delete look up (a hashed term can be shared: compare the stored id).
[[nodiscard]] inline std::string id_term(const std::string& id) { return bounded_term(kIdPrefix, id); }

/// Key of the stem table (Xapian synonyms): stem_key(stem) -> every indexed word with that
/// stem. Words are indexed once, unstemmed; a query word expands to its stem's words.
[[nodiscard]] inline std::string stem_key(std::string_view stem) {
    std::string key(kStemPrefix);  // (appended: GCC 12 inlines a + b into a false -Wrestrict warning)
    key += stem;
    return key;
}

/// The field called @p name, or nullptr.
[[nodiscard]] const Field* find_field(std::string_view name);
[[nodiscard]] const Field& field(std::string_view name);  ///< throws on an unknown name

/// Slug of an outlet name: folded, words joined by '-' ("NBC News" -> "nbc-news").
[[nodiscard]] std::string slug(std::string_view name);

/// The database path as one folder name, without trailing slashes: "news.db/" would put
/// news.db.compacting, news.db.segments and news.db.lock inside the database, not beside it.
[[nodiscard]] inline std::string database_folder(std::string path) {
    while (path.size() > 1 && path.back() == '/') path.pop_back();
    return path;
}

/// Beside the database during news-index --compact's swap: the old folder, between the two
/// renames (and alone after a run killed there, until the next run puts it back).
inline constexpr std::string_view kPrecompactSuffix = ".precompact";

/// Database metadata keys.
inline constexpr const char* kMetaSchema = "news.schema_version";
inline constexpr const char* kMetaAnalyzer = "news.analyzer";
inline constexpr const char* kMetaLanguage = "news.stem_language";
inline constexpr const char* kMetaDictionary = "news.zstd_dictionary";  ///< see stored::Dictionary (absent: none)
inline constexpr const char* kMetaDocLengths = "news.doc_lengths";  ///< see doclengths:: (absent or stale: none)
inline constexpr std::string_view kMetaBlocksPrefix = "news.blocks.";  ///< + term: see doclengths::Block
inline constexpr const char* kMetaSpeakerNames = "news.speaker_names";  ///< see speaker_aliases.h (absent: no links)
inline constexpr std::string_view kMetaFacetPrefix = "news.facet.";  ///< + column name: see facets.h (absent or stale: built)
/// + a stem: its words, '\n'-separated: the stem table (stem_key) again, as metadata, which a
/// remote shard serves (xapian-tcpsrv gives no synonyms).
inline constexpr std::string_view kMetaStemPrefix = "news.stem.";
/// "1" once news-index has written the tables a remote shard serves (the stem table's copy,
/// kMetaCopies): a database last written before has none, and is refused as a remote shard.
inline constexpr const char* kMetaRemoteTables = "news.remote_tables";
inline constexpr const char* kMetaCopies = "news.copies";  ///< the clusters of wire copies (copies::read_table)
inline constexpr std::string_view kMetaSpellingPrefix = "news.spelling.";  ///< + a folded full name: as spelled (facets.h)

/// Writes the schema and analyzer settings; throws if the database already holds different ones.
void check_or_init_metadata(Xapian::WritableDatabase& db, const std::string& stem_language);

/// Reads the stem language, checking schema and analyzer; throws std::runtime_error on a mismatch.
[[nodiscard]] std::string read_metadata(const Xapian::Database& db);

}  // namespace news::schema
