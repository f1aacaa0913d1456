/// @file
/// @brief Field lookup, slugs and the schema/analyzer check stored in database metadata.
#include "common/schema.h"

#include "common/text/analyzer.h"

#include <cstdio>
#include <functional>
#include <stdexcept>

namespace news::schema {

const Field* find_field(std::string_view name) {
    for (const Field& f : kFields)
        if (f.name == name) return &f;
    return nullptr;
}

const Field& field(std::string_view name) {
    const Field* f = find_field(name);
    if (!f) throw std::logic_error("unknown field " + std::string(name));
    return *f;
}

std::string bounded_term(std::string_view prefix, const std::string& key) {
    std::string t = std::string(prefix) + key;
    if (t.size() <= kMaxTerm) return t;
    // Keep a readable head, make it unique with a hash of the whole.
    char buf[24];
    std::snprintf(buf, sizeof buf, "#%016zx", std::hash<std::string>{}(key));
    return t.substr(0, kMaxTerm - 17) + buf;
}

std::string slug(std::string_view name) {
    // One per thread: an Analyzer holds an ICU BreakIterator, which is not thread-safe
    // (news-index builds documents on several threads).
    thread_local const text::Analyzer analyzer("none");
    std::string s = analyzer.normalize(name);
    for (char& c : s)
        if (c == ' ') c = '-';
    return s;
}

void check_or_init_metadata(Xapian::WritableDatabase& db, const std::string& stem_language) {
    std::string version = db.get_metadata(kMetaSchema);
    if (version.empty()) {
        if (db.get_doccount() != 0)
            throw std::runtime_error("database holds documents but no news-search schema: not ours");
        db.set_metadata(kMetaSchema, std::to_string(kSchemaVersion));
        db.set_metadata(kMetaAnalyzer, text::Analyzer::settings_id());
        db.set_metadata(kMetaLanguage, stem_language);
        db.commit();  // a valid, empty database at once: searches can open it from now on
        return;
    }
    (void)read_metadata(db);
    std::string stored = db.get_metadata(kMetaLanguage);
    if (stored != stem_language)
        throw std::runtime_error("database was built with --language " + stored + ", not " + stem_language +
                                 "; rebuild it or pass --language " + stored);
}

std::string read_metadata(const Xapian::Database& db) {
    std::string version = db.get_metadata(kMetaSchema);
    if (version.empty()) throw std::runtime_error("not a news-search database (no schema version)");
    if (version != std::to_string(kSchemaVersion)) {
        const bool older = version.size() < std::to_string(kSchemaVersion).size() ||
                           (version.size() == std::to_string(kSchemaVersion).size() && version < std::to_string(kSchemaVersion));
        if (!older)
            throw std::runtime_error("database schema version " + version + " is newer than this program's (" +
                                     std::to_string(kSchemaVersion) + "): use a newer news-search and news-index");
        throw std::runtime_error("database schema version " + version + " is older than this program's (" +
                                 std::to_string(kSchemaVersion) +
                                 "): rebuild it: delete the database folder and run news-index on the articles again");
    }
    std::string analyzer = db.get_metadata(kMetaAnalyzer);
    if (analyzer != text::Analyzer::settings_id())
        throw std::runtime_error("database built with analyzer '" + analyzer + "', this program uses '" +
                                 text::Analyzer::settings_id() + "': rebuild it with news-index");
    return db.get_metadata(kMetaLanguage);
}

}  // namespace news::schema
