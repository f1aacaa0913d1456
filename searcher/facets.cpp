/// @file
/// @brief Facet counts over the facet columns (see facets.h).
#include "searcher/facets.h"

#include "searcher/count.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <unordered_map>
#include <unordered_set>

namespace news::search {
namespace {

using facets::Column;

/// The column a facet field reads.
Column column_of(std::string_view field) {
    if (field == "speaker") return Column::Speaker;
    if (field == "person") return Column::Person;
    if (field == "author") return Column::Author;
    if (field == "source") return Column::Source;
    if (field == "place") return Column::Place;
    if (field == "topic") return Column::Topic;
    if (field == "language") return Column::Language;
    return Column::Date;
}

/// A day (YYYYMMDD) as the period of a date facet: 2016, 201610 or 20161005.
std::uint32_t period_of(std::string_view field, std::uint32_t day) {
    return field == "year" ? day / 10000 : field == "month" ? day / 100 : day;
}

/// A period as shown and as typed in a query: "2016", "2016-10", "2016-10-05".
std::string period_text(std::uint32_t p) {
    char buf[16];
    const int n = p >= 1000000 ? std::snprintf(buf, sizeof buf, "%04u-%02u-%02u", p / 10000, p / 100 % 100, p % 100)
                  : p >= 10000 ? std::snprintf(buf, sizeof buf, "%04u-%02u", p / 100, p % 100)
                               : std::snprintf(buf, sizeof buf, "%04u", p);
    return std::string(buf, static_cast<std::size_t>(std::max(n, 0)));
}

/// The clause matching exactly the articles of @p key (folded) in @p field.
std::string filter_of(std::string_view field, const std::string& key) {
    if (key.find('"') != std::string::npos || key.find("\xE2\x80\x9C") != std::string::npos ||
        key.find("\xE2\x80\x9D") != std::string::npos || key.empty())
        return {};
    if (field == "speaker" || field == "person" || field == "author" || field == "source")
        return std::string(field) + ":=\"" + key + "\"";
    if (field == "language") return "lang:\"" + key + "\"";
    return std::string(field) + ":\"" + key + "\"";
}

/// Collects the docids the matcher examines (every match, with check_at_least the size).
class Collect final : public Xapian::MatchSpy {
public:
    explicit Collect(std::vector<Xapian::docid>& out) : out_(out) {}
    void operator()(const Xapian::Document& doc, double) override { out_.push_back(doc.get_docid()); }

private:
    std::vector<Xapian::docid>& out_;
};

struct Tally {
    Xapian::doccount articles = 0;
    std::size_t quotes = 0;
};

}  // namespace

bool is_date_facet(std::string_view field) { return field == "year" || field == "month" || field == "day"; }

bool parse_facet(std::string_view spec, FacetRequest& out, std::string& error) {
    const std::size_t colon = spec.find(':');
    const std::string_view field = spec.substr(0, colon);
    if (std::find(std::begin(kFacetFields), std::end(kFacetFields), field) == std::end(kFacetFields)) {
        error = "unknown facet field '";  // (appended: GCC 12 warns falsely of a + b here)
        error += field;
        error += "' (one of speaker, person, source, author, place, topic, language, year, month, day)";
        return false;
    }
    out.field = std::string(field);
    out.top = is_date_facet(field) ? 0 : 10;
    if (colon == std::string_view::npos) return true;
    const std::string_view n = spec.substr(colon + 1);
    std::size_t v = 0;
    auto [end, ec] = std::from_chars(n.data(), n.data() + n.size(), v);
    if (n.empty() || ec != std::errc() || end != n.data() + n.size() || v > kMaxFacetValues) {
        error = "'" + std::string(spec) + "': the number of values after ':' is a whole number from 0 (all) to " +
                std::to_string(kMaxFacetValues);
        return false;
    }
    out.top = v;
    return true;
}

/// What a FacetCounter keeps between queries.
struct FacetCounter::State {
    std::vector<Xapian::Database> shards;
    std::vector<bool> remote;  ///< per shard: served over the network
    std::function<std::string(std::string_view)> normalize;

    /// A column of one shard, and each of its values' id among every shard's (Dict).
    struct ShardColumn {
        bool loaded = false;
        std::optional<Xapian::rev> revision;
        Xapian::docid last = 0;
        facets::Values values;
        std::vector<std::uint32_t> ids;
    };
    /// The values of a column over every shard (ids only grow: a reread shard keeps the others').
    struct Dict {
        std::unordered_map<std::string, std::uint32_t> ids;
        std::vector<std::string> keys, display;
        std::uint32_t id(const std::string& key, const std::string& shown) {
            auto [it, fresh] = ids.try_emplace(key, static_cast<std::uint32_t>(keys.size()));
            if (fresh) {
                keys.push_back(key);
                display.push_back(shown.empty() ? key : shown);
            }
            return it->second;
        }
    };
    struct ColumnState {
        std::vector<ShardColumn> shards;
        Dict dict;
    };
    std::map<Column, ColumnState> columns;

    /// A one-word speaker's links (by its id): each way it becomes a full name (that name's id).
    std::optional<std::map<std::string, std::vector<aliases::Link>, std::less<>>> links;
    std::unordered_map<std::uint32_t, std::vector<std::pair<aliases::Alias, std::uint32_t>>> linkable;

    /// Column @p c of shard @p s, read (or built) again when the shard moved on.
    const ShardColumn& column(Column c, std::size_t s) {
        ColumnState& cs = columns[c];
        cs.shards.resize(shards.size());
        ShardColumn& sc = cs.shards[s];
        const Xapian::Database& db = shards[s];
        std::optional<Xapian::rev> rev;
        try {
            rev = db.get_revision();
        } catch (const Xapian::Error&) {  // (a remote database does not tell)
        }
        const Xapian::docid last = db.get_lastdocid();
        // (A remote shard tells no revision: its column is read once, until the searcher
        // reopens, as the shard stays at the revision it was opened at till then.)
        if (sc.loaded && sc.revision == rev && sc.last == last) return sc;
        const std::string bytes = db.get_metadata(facets::metadata_key(c));
        std::optional<facets::Values> v = facets::decode(bytes, rev, last);
        if (!v) {  // stale (another writer committed since news-index wrote it) or missing
            std::optional<facets::Values> old = facets::decode(bytes, std::nullopt, std::nullopt);
            v = facets::build(db, c, normalize, old ? &*old : nullptr);
        }
        sc.values = std::move(*v);
        sc.ids.clear();
        for (std::size_t i = 0; i < sc.values.keys.size(); ++i) sc.ids.push_back(cs.dict.id(sc.values.keys[i], sc.values.display[i]));
        sc.loaded = true;
        sc.revision = rev;
        sc.last = last;
        if (c == Column::Speaker) linkable.clear();  // (ids of linked names may be new)
        return sc;
    }

    /// The links of the one-word speaker @p id (a person's name).
    const std::vector<std::pair<aliases::Alias, std::uint32_t>>& links_of(std::uint32_t id, const aliases::Table& table) {
        auto it = linkable.find(id);
        if (it != linkable.end()) return it->second;
        if (!links) links = aliases::all_links(table);
        Dict& dict = columns[Column::Speaker].dict;
        std::vector<std::pair<aliases::Alias, std::uint32_t>> out;
        if (auto l = links->find(dict.keys[id]); l != links->end())
            for (const aliases::Link& link : l->second) out.emplace_back(link.alias, dict.id(link.full_name, {}));
        return linkable.emplace(id, std::move(out)).first->second;
    }
};

FacetCounter::FacetCounter(std::vector<Xapian::Database> shards, std::function<std::string(std::string_view)> normalize,
                           std::vector<bool> remote)
    : s_(std::make_unique<State>()) {
    s_->shards = std::move(shards);
    s_->remote = std::move(remote);
    s_->normalize = std::move(normalize);
}

FacetCounter::~FacetCounter() = default;

void FacetCounter::aliases_changed() {
    s_->links.reset();
    s_->linkable.clear();
}

std::vector<std::vector<Xapian::docid>> FacetCounter::matches(const Xapian::Query& query) const {
    std::vector<std::vector<Xapian::docid>> out(s_->shards.size());
    for (std::size_t i = 0; i < s_->shards.size(); ++i) {
        const Xapian::Database& shard = s_->shards[i];
        std::vector<Xapian::docid>& m = out[i];
        const bool remote = i < s_->remote.size() && s_->remote[i];
        if (!remote && each_match_on_postings(shard, query, [&](Xapian::docid d) {
                m.push_back(d);
                return true;
            }))
            continue;
        // Phrases, NEAR, wildcards, value ranges: the matcher, unweighted, through every match.
        Xapian::Enquire e(shard);
        e.set_query(query);
        e.set_weighting_scheme(Xapian::BoolWeight());
        e.set_docid_order(Xapian::Enquire::ASCENDING);
        if (i < s_->remote.size() && s_->remote[i]) {
            // A remote shard runs no match spy of ours: it sends every match in one MSet.
            const Xapian::MSet all = e.get_mset(0, shard.get_doccount());
            m.reserve(all.size());
            for (auto it = all.begin(); it != all.end(); ++it) m.push_back(*it);
        } else {
            Collect spy(m);
            e.add_matchspy(&spy);
            (void)e.get_mset(0, 0, shard.get_doccount());
        }
        std::sort(m.begin(), m.end());
    }
    return out;
}

std::vector<FacetResult> FacetCounter::count(const std::vector<std::vector<Xapian::docid>>& matches,
                                             const std::vector<std::vector<QuoteTally>>* quotes,
                                             const std::vector<FacetRequest>& requests,
                                             const std::optional<FacetRequest>& split, const aliases::Table& aliases,
                                             const std::vector<std::vector<std::uint32_t>>* stories) {
    State& st = *s_;
    // Every column this count reads, per shard, read (or checked against the shard's
    // revision) once, here: the date column first (reading the speaker column drops the
    // links worked out, never the other way).
    std::vector<std::array<const State::ShardColumn*, std::size(facets::kColumns)>> cols(matches.size());
    std::vector<Column> needed{Column::Date};
    for (const FacetRequest& rq : requests) needed.push_back(column_of(rq.field));
    if (split) needed.push_back(column_of(split->field));
    for (std::size_t s = 0; s < matches.size(); ++s) {
        cols[s].fill(nullptr);
        for (Column c : needed)
            if (!cols[s][static_cast<std::size_t>(c)]) cols[s][static_cast<std::size_t>(c)] = &st.column(c, s);
    }
    const State::Dict& speaker_dict = st.columns[Column::Speaker].dict;
    auto first_entry = [](const State::ShardColumn& sc, Xapian::docid d) -> const std::uint32_t* {
        if (d + 1 >= sc.values.starts.size() || sc.values.starts[d] == sc.values.starts[d + 1]) return nullptr;
        return &sc.values.entries[sc.values.starts[d]];
    };
    // The values of @p field in document @p d of shard @p s (ids of its column's Dict, or periods).
    auto values_of = [&](std::string_view field, std::size_t s, Xapian::docid d, std::vector<std::uint32_t>& out) {
        out.clear();
        const Column c = column_of(field);
        const State::ShardColumn& sc = *cols[s][static_cast<std::size_t>(c)];
        if (c == Column::Date) {
            if (const std::uint32_t* day = first_entry(sc, d)) out.push_back(period_of(field, *day));
            return;
        }
        if (d + 1 >= sc.values.starts.size()) return;
        int year = -1;  // (read once a one-word speaker needs it)
        for (std::uint32_t e = sc.values.starts[d]; e < sc.values.starts[d + 1]; ++e) {
            const std::uint32_t entry = sc.values.entries[e];
            const std::uint32_t id = sc.ids[entry >> facets::kFlagBits];
            if (c == Column::Speaker && !(entry & facets::kOther) && speaker_dict.keys[id].find(' ') == std::string::npos) {
                // A one-word person: the full names the alias table makes them here, as
                // speaker:="full name" finds them; else themselves (as speaker:=word does).
                const auto& links = st.links_of(id, aliases);
                bool taken = false;
                if (!links.empty()) {
                    if (year < 0) {
                        const std::uint32_t* day = first_entry(*cols[s][static_cast<std::size_t>(Column::Date)], d);
                        year = day ? static_cast<int>(*day / 10000) : 0;
                    }
                    for (const auto& [alias, to] : links)
                        if (aliases::takes(alias, entry & facets::kMale, entry & facets::kFemale, year)) {
                            out.push_back(to);
                            taken = true;
                        }
                }
                if (taken) continue;
            }
            out.push_back(id);
        }
        if (out.size() > 1) {
            std::sort(out.begin(), out.end());
            out.erase(std::unique(out.begin(), out.end()), out.end());
        }
    };
    // Counts by value: an array over a column's ids, a hash table over periods.
    struct Counts {
        bool dense = true;
        std::vector<Tally> by_id;
        std::unordered_map<std::uint32_t, Tally> by_period;
        Tally& at(std::uint32_t v) {
            if (!dense) return by_period[v];
            if (v >= by_id.size()) by_id.resize(std::max<std::size_t>(v + 1, by_id.size() * 2));
            return by_id[v];
        }
        std::vector<std::pair<std::uint32_t, Tally>> all() const {
            std::vector<std::pair<std::uint32_t, Tally>> out;
            if (!dense) return {by_period.begin(), by_period.end()};
            for (std::size_t v = 0; v < by_id.size(); ++v)
                if (by_id[v].articles || by_id[v].quotes) out.emplace_back(static_cast<std::uint32_t>(v), by_id[v]);
            return out;
        }
    };
    auto counts_for = [&](std::string_view field) {
        Counts c;
        c.dense = !is_date_facet(field);
        if (c.dense) c.by_id.resize(st.columns[column_of(field)].dict.keys.size());
        return c;
    };

    std::vector<FacetResult> results;
    const bool counting_quotes = quotes != nullptr;
    std::vector<std::uint32_t> vs, ws;
    for (const FacetRequest& rq : requests) {
        const bool with_split = split && split->field != rq.field;
        const bool speakers = rq.field == "speaker";
        Counts tally = counts_for(rq.field), split_tally = counts_for(with_split ? split->field : rq.field);
        std::unordered_map<std::uint64_t, Xapian::doccount> cross;
        // Counting stories: a value counts a story once, however many of its copies match.
        struct Seen {
            std::size_t operator()(const std::array<std::uint32_t, 3>& k) const {
                return std::hash<std::uint64_t>{}((std::uint64_t{k[0]} << 32 | k[1]) * 0x9e3779b97f4a7c15ULL ^ k[2]);
            }
        };
        std::unordered_set<std::array<std::uint32_t, 3>, Seen> seen;  // (kind, value, story), (value, split value, story)
        auto first_time = [&](std::uint32_t a, std::uint32_t b, std::size_t s, std::size_t i) {
            return !stories || seen.insert({a, b, (*stories)[s][i]}).second;
        };
        constexpr std::uint32_t kTally = UINT32_MAX, kSplit = UINT32_MAX - 1;  // (as the first of the key)
        for (std::size_t s = 0; s < matches.size(); ++s)
            for (std::size_t i = 0; i < matches[s].size(); ++i) {
                const Xapian::docid d = matches[s][i];
                values_of(rq.field, s, d, vs);
                const QuoteTally* q = counting_quotes ? &(*quotes)[s][i] : nullptr;
                for (std::uint32_t v : vs) {
                    Tally& t = tally.at(v);
                    if (first_time(kTally, v, s, i)) ++t.articles;
                    if (q && !speakers) t.quotes += q->total;
                }
                if (q && speakers)
                    for (const auto& [who, n] : q->by_speaker) tally.at(st.columns[Column::Speaker].dict.id(who, {})).quotes += n;
                if (!with_split) continue;
                values_of(split->field, s, d, ws);
                for (std::uint32_t w : ws) {
                    if (first_time(kSplit, w, s, i)) ++split_tally.at(w).articles;
                    for (std::uint32_t v : vs)
                        if (v < kSplit && first_time(v, w, s, i)) ++cross[static_cast<std::uint64_t>(v) << 32 | w];
                }
            }
        auto shown = [&](std::string_view field, std::uint32_t v) {
            FacetCount fc;
            if (is_date_facet(field)) {
                fc.value = period_text(v);
                fc.filter = "date:" + fc.value;
            } else {
                const State::Dict& dict = st.columns[column_of(field)].dict;
                fc.value = dict.display[v];
                fc.filter = filter_of(field, dict.keys[v]);
            }
            return fc;
        };
        // Most articles first (most quotes, for speakers when quotes are counted), then by name;
        // periods in time order.
        auto top = [&](const Counts& t, std::string_view field, std::size_t n, bool by_quotes, std::size_t& distinct) {
            std::vector<std::pair<std::uint32_t, Tally>> all = t.all();
            distinct = all.size();
            const bool periods = is_date_facet(field);
            const std::vector<std::string>* names = periods ? nullptr : &st.columns[column_of(field)].dict.display;
            auto before = [&](const std::pair<std::uint32_t, Tally>& x, const std::pair<std::uint32_t, Tally>& y) {
                if (by_quotes && x.second.quotes != y.second.quotes) return x.second.quotes > y.second.quotes;
                if (x.second.articles != y.second.articles) return x.second.articles > y.second.articles;
                if (names && (*names)[x.first] != (*names)[y.first]) return (*names)[x.first] < (*names)[y.first];
                return x.first < y.first;
            };
            if (n && all.size() > n) {
                std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n), all.end(), before);
                all.resize(n);
            } else {
                std::sort(all.begin(), all.end(), before);
            }
            if (periods) std::sort(all.begin(), all.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
            std::vector<FacetCount> out;
            std::vector<std::uint32_t> ids;
            for (const auto& [v, c] : all) {
                FacetCount fc = shown(field, v);
                fc.articles = c.articles;
                fc.quotes = c.quotes;
                out.push_back(std::move(fc));
                ids.push_back(v);
            }
            return std::pair{out, ids};
        };
        FacetResult fr;
        fr.field = rq.field;
        fr.quotes_counted = counting_quotes;
        fr.stories = stories != nullptr;
        auto [values, ids] = top(tally, rq.field, rq.top, counting_quotes && speakers, fr.distinct);
        fr.values = std::move(values);
        if (with_split) {
            fr.split = split->field;
            std::size_t split_distinct = 0;
            auto [columns, column_ids] = top(split_tally, split->field, split->top, false, split_distinct);
            for (std::size_t k = 0; k < fr.values.size(); ++k)
                for (std::size_t j = 0; j < columns.size(); ++j) {
                    auto it = cross.find(static_cast<std::uint64_t>(ids[k]) << 32 | column_ids[j]);
                    if (it == cross.end()) continue;
                    FacetCount cell = columns[j];
                    cell.articles = it->second;
                    cell.quotes = 0;
                    fr.values[k].split.push_back(std::move(cell));
                }
            for (FacetCount& c : columns) c.quotes = 0;
            fr.split_values = std::move(columns);
        }
        results.push_back(std::move(fr));
    }
    return results;
}

}  // namespace news::search
