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

bool parse_slot(std::string_view t, std::size_t& k, std::size_t& i) {
    if (t.starts_with(kSlotMarkerPrefix) || t.starts_with(kReportedMarkerPrefix)) {
        t.remove_prefix(kSlotMarkerPrefix.size());
    } else {
        const std::size_t sep = t.rfind(kSlotSeparator);
        if (sep == std::string_view::npos) return false;
        t.remove_prefix(sep + 1);
    }
    auto number = [&t](std::size_t& n) {
        std::size_t digits = 0;
        n = 0;
        while (digits < t.size() && digits < 9 && t[digits] >= '0' && t[digits] <= '9')
            n = n * 10 + static_cast<std::size_t>(t[digits++] - '0');
        t.remove_prefix(digits);
        return digits > 0;
    };
    if (!number(k)) return false;
    i = SIZE_MAX;
    if (t.empty()) return true;
    if (t[0] != '.') return false;
    t.remove_prefix(1);
    return number(i) && t.empty();
}

std::vector<std::string> name_terms(std::string_view norm, std::string_view prefix, std::string_view word_prefix,
                                    std::size_t max_term, bool single_parts) {
    std::vector<std::string> out;
    if (norm.empty()) return out;
    // The full name and each trailing part: "vanda felbab brown", "felbab brown", "brown".
    for (std::size_t at = 0; at != std::string_view::npos;) {
        std::string_view part = norm.substr(at);
        const bool single = part.find(' ') == std::string_view::npos;
        if (part.size() + prefix.size() <= max_term && (single_parts || !single || at == 0))
            out.push_back(std::string(prefix) + std::string(part));
        std::size_t sp = norm.find(' ', at);
        at = sp == std::string_view::npos ? sp : sp + 1;
    }
    for (std::size_t b = 0; b <= norm.size();) {
        std::size_t e = norm.find(' ', b);
        if (e == std::string_view::npos) e = norm.size();
        if (e > b) out.push_back(std::string(word_prefix) + std::string(norm.substr(b, e - b)));
        b = e + 1;
    }
    return out;
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
