/// @file
/// @brief Facet columns (see facets.h): built from the terms, packed into the metadata.
#include "common/facets.h"

#include "common/article.h"
#include "common/date.h"
#include "common/schema.h"
#include "common/stored.h"
#include "common/varint.h"

#include <algorithm>
#include <map>
#include <memory>
#include <utility>

namespace news::facets {
namespace {

constexpr std::string_view kFormat = "F1";

/// The terms a column is read from: prefix + key, with the flags of its entries.
struct Source {
    std::string_view prefix;
    std::uint32_t flags = 0;
};

std::vector<Source> sources_of(Column c) {
    switch (c) {
    case Column::Speaker: return {{schema::kSpeakerWholePrefix, 0}, {schema::kSpeakerOtherPrefix, kOther}};
    case Column::Person: return {{schema::kPersonWholePrefix, 0}};
    case Column::Author: return {{schema::kAuthorWholePrefix, 0}};
    case Column::Source: return {{schema::field("source").prefix, 0}};
    case Column::Place: return {{schema::field("place").prefix, 0}};
    case Column::Topic: return {{schema::field("topic").prefix, 0}};
    case Column::Language: return {{schema::kLangPrefix, 0}};
    case Column::Date: return {};
    }
    return {};
}

/// Is @p key (after a column's prefix) a value of column @p c? Not a source's word (XSRCW...).
bool is_value(Column c, std::string_view term, std::string_view key) {
    if (key.empty()) return false;
    if (c == Column::Source) return !term.starts_with(schema::field("source").word_prefix);
    return true;
}

/// A dateline's place has two terms, the whole dateline ("dayton ohio") and its city
/// ("dayton"): the place facet counts the city. Drops from @p by_doc (sorted by docid) each
/// place that is another of its document's places and more words.
void keep_cities(std::vector<std::pair<Xapian::docid, std::uint32_t>>& by_doc, const std::vector<std::string>& keys) {
    std::vector<std::pair<Xapian::docid, std::uint32_t>> kept;
    for (std::size_t b = 0, e = 0; b < by_doc.size(); b = e) {
        while (e < by_doc.size() && by_doc[e].first == by_doc[b].first) ++e;
        for (std::size_t i = b; i < e; ++i) {
            const std::string& k = keys[by_doc[i].second >> kFlagBits];
            bool longer = false;
            for (std::size_t j = b; j < e && !longer; ++j) {
                const std::string& city = keys[by_doc[j].second >> kFlagBits];
                longer = city.size() < k.size() && k.starts_with(city) && k[city.size()] == ' ';
            }
            if (!longer) kept.push_back(by_doc[i]);
        }
    }
    by_doc = std::move(kept);
}

/// A city as shown: "DAYTON" (a dateline's capitals) as "Dayton"; any other spelling as it is.
std::string city_shown(std::string city) {
    if (std::any_of(city.begin(), city.end(), [](unsigned char ch) { return ch >= 'a' && ch <= 'z'; })) return city;
    bool start = true;
    for (char& ch : city) {
        const bool letter = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
        if (letter && !start && ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
        start = !letter && ch != '\'';
    }
    return city;
}

/// How the article stored with @p doc spells @p key of column @p c (empty: it does not).
std::string spelled(const Article& a, Column c, const std::string& key,
                    const std::function<std::string(std::string_view)>& normalize) {
    auto among = [&](const std::vector<std::string>& names) -> std::string {
        for (const std::string& n : names)
            if (normalize(n) == key) return n;
        return {};
    };
    switch (c) {
    case Column::Speaker:
        for (const Speaker& s : a.speakers)
            if (normalize(s.name) == key) return s.name;
        return {};
    case Column::Person: return among(a.persons);
    case Column::Author: return among(a.authors);
    case Column::Source: return schema::slug(a.source) == key ? a.source : std::string();
    case Column::Place: {
        std::string city = a.dateline.substr(0, a.dateline.find(','));
        while (!city.empty() && city.back() == ' ') city.pop_back();
        return normalize(city) == key ? city_shown(city) : std::string();
    }
    case Column::Topic: return among(a.topics);
    case Column::Language:
    case Column::Date: return {};
    }
    return {};
}

/// Entries by docid -> the column's starts and entries.
void to_columns(std::vector<std::pair<Xapian::docid, std::uint32_t>>& by_doc, Xapian::docid last, Values& v) {
    std::stable_sort(by_doc.begin(), by_doc.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    v.starts.assign(static_cast<std::size_t>(last) + 2, 0);
    v.entries.clear();
    v.entries.reserve(by_doc.size());
    std::size_t i = 0;
    for (Xapian::docid d = 0; d <= last; ++d) {
        v.starts[d] = static_cast<std::uint32_t>(v.entries.size());
        for (; i < by_doc.size() && by_doc[i].first == d; ++i) v.entries.push_back(by_doc[i].second);
    }
    v.starts[static_cast<std::size_t>(last) + 1] = static_cast<std::uint32_t>(v.entries.size());
}

}  // namespace

std::string_view column_name(Column c) {
    switch (c) {
    case Column::Speaker: return "speaker";
    case Column::Person: return "person";
    case Column::Author: return "author";
    case Column::Source: return "source";
    case Column::Place: return "place";
    case Column::Topic: return "topic";
    case Column::Language: return "language";
    case Column::Date: return "date";
    }
    return "";
}

std::string metadata_key(Column c) { return std::string(schema::kMetaFacetPrefix) + std::string(column_name(c)); }

std::string spelling_key(std::string_view folded) { return std::string(schema::kMetaSpellingPrefix) + std::string(folded); }

Values build(const Xapian::Database& db, Column c, const std::function<std::string(std::string_view)>& normalize,
             const Values* previous) {
    Values v;
    const Xapian::docid last = db.get_lastdocid();
    std::vector<std::pair<Xapian::docid, std::uint32_t>> by_doc;
    if (c == Column::Date) {
        for (auto it = db.valuestream_begin(schema::kDateSlot); it != db.valuestream_end(schema::kDateSlot); ++it) {
            const std::string day = *it;
            if (day.size() != 8 || !std::all_of(day.begin(), day.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
                continue;  // (undated, or a partial date: no date terms either)
            by_doc.emplace_back(it.get_docid(), static_cast<std::uint32_t>(std::stoul(day)));
        }
        to_columns(by_doc, last, v);
        return v;
    }
    // The keys, sorted and unique (a speaker may be a person in one article, another kind in the next).
    std::map<std::string, std::uint32_t> index;
    struct Found {
        std::string term;
        std::string key;
        std::uint32_t flags;
    };
    std::vector<Found> found;
    for (const Source& s : sources_of(c)) {
        const std::string prefix(s.prefix);
        for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
            const std::string term = *t;
            const std::string key = term.substr(prefix.size());
            if (!is_value(c, term, key)) continue;
            index.emplace(key, 0);
            found.push_back({term, key, s.flags});
        }
    }
    std::uint32_t n = 0;
    for (auto& [key, i] : index) {
        i = n++;
        v.keys.push_back(key);
    }
    std::vector<Xapian::docid> first(v.keys.size(), 0);  // a document holding each key
    for (const Found& f : found) {
        const std::uint32_t i = index[f.key];
        for (auto p = db.postlist_begin(f.term); p != db.postlist_end(f.term); ++p) {
            if (!first[i]) first[i] = *p;
            by_doc.emplace_back(*p, i << kFlagBits | f.flags);
        }
    }
    if (c == Column::Place) {  // (then the whole datelines' keys go: no entry has them)
        std::stable_sort(by_doc.begin(), by_doc.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
        keep_cities(by_doc, v.keys);
        std::vector<std::uint32_t> renumbered(v.keys.size(), UINT32_MAX);
        for (const auto& [d, e] : by_doc) renumbered[e >> kFlagBits] = 0;
        std::vector<std::string> keys;
        std::vector<Xapian::docid> firsts;
        for (std::size_t i = 0; i < v.keys.size(); ++i)
            if (renumbered[i] == 0) {
                renumbered[i] = static_cast<std::uint32_t>(keys.size());
                keys.push_back(v.keys[i]);
                firsts.push_back(first[i]);
            }
        for (auto& [d, e] : by_doc) e = renumbered[e >> kFlagBits] << kFlagBits | (e & ((1u << kFlagBits) - 1));
        v.keys = std::move(keys);
        first = std::move(firsts);
    }
    to_columns(by_doc, last, v);
    if (c == Column::Speaker) {  // the sex a person's role tells, in that document
        for (auto [sex, flag] : {std::pair{'m', kMale}, std::pair{'f', kFemale}}) {
            const std::string prefix = std::string(schema::kSpeakerSexPrefix) + sex;
            for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
                auto it = index.find((*t).substr(prefix.size()));
                if (it == index.end()) continue;
                const std::uint32_t entry = it->second << kFlagBits;  // a person's (no kOther)
                for (auto p = db.postlist_begin(*t); p != db.postlist_end(*t); ++p) {
                    if (*p > last) continue;
                    for (std::uint32_t e = v.starts[*p]; e < v.starts[*p + 1]; ++e)
                        if ((v.entries[e] & ~(kMale | kFemale)) == entry) v.entries[e] |= flag;
                }
            }
        }
    }
    // How the articles spell each value: as before, else as the first article holding it does.
    std::vector<std::shared_ptr<const stored::Dictionary>> dicts;
    if (std::string bytes = db.get_metadata(schema::kMetaDictionary); !bytes.empty()) {
        try {
            dicts.push_back(stored::Dictionary::load(std::move(bytes)));
        } catch (const std::runtime_error&) {  // (then the keys are shown as they are)
        }
    }
    v.display.resize(v.keys.size());
    for (std::size_t i = 0; i < v.keys.size(); ++i) {
        const std::string& key = v.keys[i];
        if (previous) {
            auto it = std::lower_bound(previous->keys.begin(), previous->keys.end(), key);
            if (it != previous->keys.end() && *it == key) {
                v.display[i] = previous->display[static_cast<std::size_t>(it - previous->keys.begin())];
                continue;
            }
        }
        if (c != Column::Language && first[i]) {
            try {
                const Xapian::Document doc = db.get_document(first[i]);
                v.display[i] = spelled(article_from_document_data(stored::unpack(doc.get_value(schema::kStoredSlot), dicts)),
                                       c, key, normalize);
            } catch (const std::exception&) {  // unreadable: the key
            }
        }
        if (v.display[i].empty()) v.display[i] = key;
    }
    return v;
}

std::string encode(Xapian::rev revision, const Values& v) {
    std::string out(kFormat);
    varint::put(out, revision);
    varint::put(out, v.documents());
    varint::put(out, v.keys.size());
    for (std::size_t i = 0; i < v.keys.size(); ++i)
        for (const std::string* s : {&v.keys[i], &v.display[i]}) {
            varint::put(out, s->size());
            out += *s;
        }
    out.reserve(out.size() + v.starts.size() + v.entries.size() * 2);
    for (std::size_t d = 1; d + 1 < v.starts.size(); ++d) {
        varint::put(out, v.starts[d + 1] - v.starts[d]);
        for (std::uint32_t e = v.starts[d]; e < v.starts[d + 1]; ++e) varint::put(out, v.entries[e]);
    }
    return out;
}

std::optional<Values> decode(std::string_view bytes, std::optional<Xapian::rev> revision, std::optional<Xapian::docid> lastdocid) {
    if (!bytes.starts_with(kFormat)) return std::nullopt;
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data()) + kFormat.size();
    const auto* end = reinterpret_cast<const unsigned char*>(bytes.data()) + bytes.size();
    std::uint64_t rev = 0, last = 0, keys = 0;
    if (!varint::get(p, end, rev) || (revision && rev != *revision) || !varint::get(p, end, last) ||
        (lastdocid && last != *lastdocid) || !varint::get(p, end, keys) || keys > bytes.size() || last > bytes.size())
        return std::nullopt;
    Values v;
    v.keys.resize(keys);
    v.display.resize(keys);
    for (std::size_t i = 0; i < keys; ++i)
        for (std::string* s : {&v.keys[i], &v.display[i]}) {
            std::uint64_t len = 0;
            if (!varint::get(p, end, len) || len > static_cast<std::uint64_t>(end - p)) return std::nullopt;
            s->assign(reinterpret_cast<const char*>(p), len);
            p += len;
        }
    v.starts.assign(static_cast<std::size_t>(last) + 2, 0);
    for (std::size_t d = 1; d <= last; ++d) {
        std::uint64_t n = 0;
        if (!varint::get(p, end, n) || n > static_cast<std::uint64_t>(end - p)) return std::nullopt;
        v.starts[d] = static_cast<std::uint32_t>(v.entries.size());
        for (std::uint64_t k = 0; k < n; ++k) {
            std::uint64_t e = 0;
            if (!varint::get(p, end, e) || e > UINT32_MAX) return std::nullopt;
            v.entries.push_back(static_cast<std::uint32_t>(e));
        }
    }
    v.starts[static_cast<std::size_t>(last) + 1] = static_cast<std::uint32_t>(v.entries.size());
    if (p != end) return std::nullopt;
    for (std::size_t d = 1; d <= last && !v.keys.empty(); ++d)  // (an index past the keys: damaged)
        for (std::uint32_t e = v.starts[d]; e < v.starts[d + 1]; ++e)
            if ((v.entries[e] >> kFlagBits) >= v.keys.size()) return std::nullopt;
    return v;
}

void store_for_next_commit(Xapian::WritableDatabase& db, const std::function<std::string(std::string_view)>& normalize) {
    const Xapian::rev next = db.get_revision() + 1;
    for (Column c : kColumns) {
        const std::string key = metadata_key(c);
        const std::optional<Values> previous = c == Column::Date ? std::nullopt : decode(db.get_metadata(key), std::nullopt, std::nullopt);
        const Values v = build(db, c, normalize, previous ? &*previous : nullptr);
        db.set_metadata(key, encode(next, v));
        if (c != Column::Speaker) continue;
        // How each full name is spelled, for the one-word speakers linked to it (spelling_key).
        for (std::size_t i = 0; i < v.keys.size(); ++i)
            if (v.keys[i].find(' ') != std::string::npos && v.keys[i].size() + schema::kMetaSpellingPrefix.size() <= 200 &&
                db.get_metadata(spelling_key(v.keys[i])) != v.display[i])
                db.set_metadata(spelling_key(v.keys[i]), v.display[i]);
    }
}

}  // namespace news::facets
