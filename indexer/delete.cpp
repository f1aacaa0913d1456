/// @file
/// @brief news-index --delete and --undelete (run_delete).
#include "common/doc_lengths.h"
#include "common/speaker_aliases.h"
#include "indexer/extract/speakers/names.h"
#include "common/schema.h"
#include "common/stored.h"
#include "common/copies.h"
#include "common/shards.h"
#include "indexer/database.h"
#include "indexer/document_builder.h"
#include "indexer/pipeline.h"

#include <xapian.h>

#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <span>
#include <unordered_set>
#include <utility>
#include <vector>

namespace news {

using namespace database;  // the run lock, recovery, marks and keys

namespace {
// One database of the run: the database, or a shard of a sharded one.
struct Opened {
    std::string path;
    std::optional<RunLock> lock;
    std::optional<Xapian::WritableDatabase> db;
    std::shared_ptr<const stored::Dictionary> dict;
    std::map<std::string, std::string> signatures;  // file term -> metadata key of its signature
    std::unordered_set<std::string> marks;          // --undelete: the deletion marks
};

void open_one(Opened& o, bool undelete, std::ostream& log) {
    o.lock.emplace(o.path, log);
    recover_compaction(o.path);
    try {
        o.db.emplace(o.path, Xapian::DB_OPEN);
        (void)schema::read_metadata(*o.db);
    } catch (const Xapian::DatabaseLockError& e) {
        throw DatabaseError(o.path + ": database is locked: another news-index is writing to it (" + e.get_msg() + ")");
    } catch (const Xapian::DatabaseNotFoundError&) {
        throw DatabaseError(o.path + ": no database here");
    } catch (const Xapian::Error& e) {
        throw DatabaseError(o.path + ": cannot open database: " + e.get_description());
    } catch (const std::runtime_error& e) {
        throw DatabaseError(o.path + ": " + e.what());
    }
    recover_segments(o.db, o.path, log);
    try {
        if (std::string bytes = o.db->get_metadata(schema::kMetaDictionary); !bytes.empty())
            o.dict = stored::Dictionary::load(std::move(bytes));
        const std::string meta_prefix(kFileMetaPrefix);
        for (auto k = o.db->metadata_keys_begin(meta_prefix); k != o.db->metadata_keys_end(meta_prefix); ++k) {
            const std::string sig = o.db->get_metadata(*k);
            if (std::size_t bar = sig.find('|'); bar != std::string::npos)
                o.signatures.emplace(DocumentBuilder::file_term(sig.substr(bar + 1)), *k);
        }
        if (undelete) o.marks = deleted_marks(*o.db);
    } catch (const Xapian::Error& e) {
        throw DatabaseError(o.path + ": " + e.get_description());
    } catch (const std::runtime_error& e) {
        throw DatabaseError(o.path + ": " + e.what());
    }
}

// --undelete @p id in @p o: its marks go, and its file's signature (the next run reads it).
bool undelete_in(Opened& o, const std::string& id, std::ostream& out, DeleteSummary& s) {
    bool found = false;
    for (const std::string& mark : o.marks) {
        const std::size_t nul = mark.find('\0');
        if (nul == std::string::npos || mark.compare(nul + 1, std::string::npos, id) != 0) continue;
        found = true;
        o.db->set_metadata(deleted_key(mark), "");
        auto sig = o.signatures.find(mark.substr(0, nul));
        if (sig != o.signatures.end()) o.db->set_metadata(sig->second, "");
        out << "undeleted " << id << ": the next news-index run over its file indexes it again\n";
        ++s.undeleted;
    }
    return found;
}

// --delete @p id in @p o: the documents of the id (its Q term, hashed past Xapian's term
// limit, so the stored id is compared), in every file that gave it.
bool delete_in(Opened& o, const std::string& id, std::ostream& out, DeleteSummary& s) {
    Xapian::WritableDatabase& db = *o.db;
    const std::string term = DocumentBuilder::id_term(id);
    std::vector<std::pair<Xapian::docid, std::string>> hits;  // docid, path
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
        std::string stored_id, stored_file;
        try {
            std::shared_ptr<const stored::Dictionary> dicts[] = {o.dict};
            Article a = article_from_document_data(
                stored::unpack(db.get_document(*p).get_value(schema::kStoredSlot), std::span(dicts, o.dict ? 1 : 0)));
            stored_id = a.id;
            stored_file = a.path;
        } catch (const std::exception&) {  // unreadable: the id is the term's when not hashed
            stored_id = term == std::string(schema::kIdPrefix) + id ? id : std::string();
            stored_file = "(unreadable stored article)";
        }
        if (stored_id == id) hits.emplace_back(*p, stored_file);
    }
    for (const auto& [docid, file] : hits) {
        const std::string mark = deleted_mark(file_term_of(db.get_document(docid)), id);
        db.delete_document(docid);
        db.set_metadata(deleted_key(mark), mark);
        out << "deleted " << id << " (" << file << ")\n";
        ++s.deleted;
    }
    return !hits.empty();
}
}  // namespace

DeleteSummary run_delete(const std::string& given_path, const std::vector<std::string>& ids, bool undelete,
                         std::ostream& out, std::ostream& log) {
    DeleteSummary s;
    const std::string path = schema::database_folder(given_path);
    // The database, or every shard of a sharded one (an id is looked for in each: a renamed
    // "ID~2" lives where "ID" does, and shards built elsewhere may hold any id).
    std::vector<std::string> paths{path};
    try {
        if (auto local = shards::local_shards(path)) paths = *local;
    } catch (const std::exception& e) {
        throw DatabaseError(e.what());
    }
    std::vector<std::unique_ptr<Opened>> dbs;
    for (const std::string& p : paths) {
        dbs.push_back(std::make_unique<Opened>());
        dbs.back()->path = p;
        open_one(*dbs.back(), undelete, log);
    }
    std::string at = path;
    try {
        for (const std::string& id : ids) {
            bool found = false;
            for (auto& o : dbs) {
                at = o->path;
                found = (undelete ? undelete_in(*o, id, out, s) : delete_in(*o, id, out, s)) || found;
            }
            if (!found) {
                log << "news-index: " << id << (undelete ? ": no article deleted with this id\n" : ": no article with this id\n");
                ++s.unknown;
            }
        }
        // The clusters of wire copies over every shard at once (a cluster may span them).
        if (dbs.size() > 1) {
            std::vector<Xapian::WritableDatabase*> all;
            for (auto& o : dbs) all.push_back(&*o->db);
            at = path;
            (void)copies::store_for_next_commit(all);
        }
        for (auto& o : dbs) {
            at = o->path;
            database::store_search_tables(*o->db, dbs.size() == 1);
            o->db->commit();
            s.db_articles += o->db->get_doccount();
        }
    } catch (const Xapian::Error& e) {
        throw DatabaseError(at + ": " + e.get_description());
    } catch (const std::runtime_error& e) {
        throw DatabaseError(at + ": " + e.what());
    }
    return s;
}

}  // namespace news
