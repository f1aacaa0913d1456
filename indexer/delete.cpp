/// @file
/// @brief news-index --delete and --undelete (run_delete).
#include "common/doc_lengths.h"
#include "common/speaker_aliases.h"
#include "indexer/extract/speakers/names.h"
#include "common/schema.h"
#include "common/stored.h"
#include "indexer/database.h"
#include "indexer/document_builder.h"
#include "indexer/pipeline.h"

#include <xapian.h>

#include <map>
#include <optional>
#include <ostream>
#include <span>
#include <unordered_set>
#include <utility>
#include <vector>

namespace news {

using namespace database;  // the run lock, recovery, marks and keys

DeleteSummary run_delete(const std::string& given_path, const std::vector<std::string>& ids, bool undelete,
                         std::ostream& out, std::ostream& log) {
    DeleteSummary s;
    const std::string path = schema::database_folder(given_path);
    RunLock lock(path, log);
    recover_compaction(path);
    std::optional<Xapian::WritableDatabase> db;
    try {
        db.emplace(path, Xapian::DB_OPEN);
        (void)schema::read_metadata(*db);
    } catch (const Xapian::DatabaseLockError& e) {
        throw DatabaseError(path + ": database is locked: another news-index is writing to it (" + e.get_msg() + ")");
    } catch (const Xapian::DatabaseNotFoundError&) {
        throw DatabaseError(path + ": no database here");
    } catch (const Xapian::Error& e) {
        throw DatabaseError(path + ": cannot open database: " + e.get_description());
    } catch (const std::runtime_error& e) {
        throw DatabaseError(path + ": " + e.what());
    }
    recover_segments(db, path, log);
    try {
        std::shared_ptr<const stored::Dictionary> dict;
        if (std::string bytes = db->get_metadata(schema::kMetaDictionary); !bytes.empty())
            dict = stored::Dictionary::load(std::move(bytes));
        // File term -> metadata key of the file's signature (for --undelete).
        std::map<std::string, std::string> signatures;
        const std::string meta_prefix(kFileMetaPrefix);
        for (auto k = db->metadata_keys_begin(meta_prefix); k != db->metadata_keys_end(meta_prefix); ++k) {
            const std::string sig = db->get_metadata(*k);
            if (std::size_t bar = sig.find('|'); bar != std::string::npos)
                signatures.emplace(DocumentBuilder::file_term(sig.substr(bar + 1)), *k);
        }
        const std::unordered_set<std::string> marks = undelete ? deleted_marks(*db) : std::unordered_set<std::string>{};
        for (const std::string& id : ids) {
            if (undelete) {
                bool found = false;
                for (const std::string& mark : marks) {
                    const std::size_t nul = mark.find('\0');
                    if (nul == std::string::npos || mark.compare(nul + 1, std::string::npos, id) != 0) continue;
                    found = true;
                    db->set_metadata(deleted_key(mark), "");
                    const std::string fterm = mark.substr(0, nul);
                    auto sig = signatures.find(fterm);
                    if (sig != signatures.end()) db->set_metadata(sig->second, "");  // the next run reads the file again
                    out << "undeleted " << id << ": the next news-index run over its file indexes it again\n";
                    ++s.undeleted;
                }
                if (!found) {
                    log << "news-index: " << id << ": no article deleted with this id\n";
                    ++s.unknown;
                }
                continue;
            }
            // The documents of the id: its Q term (hashed past Xapian's term limit, so the
            // stored id is compared), in every file that gave it.
            const std::string term = DocumentBuilder::id_term(id);
            std::vector<std::pair<Xapian::docid, std::string>> hits;  // docid, path
            for (auto p = db->postlist_begin(term); p != db->postlist_end(term); ++p) {
                std::string stored_id, stored_file;
                try {
                    std::shared_ptr<const stored::Dictionary> dicts[] = {dict};
                    Article a = article_from_document_data(stored::unpack(
                        db->get_document(*p).get_value(schema::kStoredSlot), std::span(dicts, dict ? 1 : 0)));
                    stored_id = a.id;
                    stored_file = a.path;
                } catch (const std::exception&) {  // unreadable: the id is the term's when not hashed
                    stored_id = term == std::string(schema::kIdPrefix) + id ? id : std::string();
                    stored_file = "(unreadable stored article)";
                }
                if (stored_id == id) hits.emplace_back(*p, stored_file);
            }
            if (hits.empty()) {
                log << "news-index: " << id << ": no article with this id\n";
                ++s.unknown;
                continue;
            }
            for (const auto& [docid, file] : hits) {
                const std::string mark = deleted_mark(file_term_of(db->get_document(docid)), id);
                db->delete_document(docid);
                db->set_metadata(deleted_key(mark), mark);
                out << "deleted " << id << " (" << file << ")\n";
                ++s.deleted;
            }
        }
        database::store_search_tables(*db);
        db->commit();
        s.db_articles = db->get_doccount();
    } catch (const Xapian::Error& e) {
        throw DatabaseError(path + ": " + e.get_description());
    } catch (const std::runtime_error& e) {
        throw DatabaseError(path + ": " + e.what());
    }
    return s;
}

}  // namespace news
