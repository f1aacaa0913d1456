/// @file
/// @brief Bm25Source and DocLengths (see bm25.h).
#include "searcher/bm25.h"

#include "searcher/ranking.h"

#include "common/doc_lengths.h"
#include "common/schema.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>

namespace news::search {

namespace {

// Counted by every thread that searches (news-serve's workers): relaxed, a statistic only.
std::atomic<std::size_t> g_blocks_skipped{0};

bool same_shard(const Xapian::Database& a, const std::string& uuid, Xapian::rev revision) {
    return a.get_revision() == revision && a.get_uuid() == uuid;
}

}  // namespace

std::size_t Bm25Source::blocks_skipped() { return g_blocks_skipped.load(std::memory_order_relaxed); }

const std::vector<Xapian::termcount>* DocLengths::find(const Xapian::Database& db) const {
    if (tables_.empty()) return nullptr;
    const Xapian::rev rev = db.get_revision();
    const std::string uuid = db.get_uuid();
    for (const Table& t : tables_)
        if (t.valid && t.revision == rev && t.uuid == uuid) return &t.lengths;
    return nullptr;
}

bool DocLengths::loaded() const {
    for (std::size_t i = 0; i < shards_.size(); ++i)
        if (!tables_[i].valid || !same_shard(shards_[i], tables_[i].uuid, tables_[i].revision)) return false;
    return true;
}

bool DocLengths::load(bool packed_only) {
    for (std::size_t i = 0; i < shards_.size(); ++i) {
        const Xapian::Database& db = shards_[i];
        Table& t = tables_[i];
        const bool same = same_shard(db, t.uuid, t.revision);
        if (t.valid && same) continue;
        if (!same) t.no_packed = false;
        if (packed_only && t.no_packed) continue;
        t.valid = false;
        t.uuid = db.get_uuid();
        t.revision = db.get_revision();
        if (!t.no_packed) {
            auto packed = doclengths::decode(db.get_metadata(schema::kMetaDocLengths), t.revision, db.get_lastdocid());
            if (packed) {
                t.lengths = std::move(*packed);
                t.valid = true;
                continue;
            }
            t.no_packed = true;
        }
        if (packed_only) continue;
        t.lengths = doclengths::read_from_postlists(db);
        t.valid = true;
    }
    return loaded();
}

const std::vector<doclengths::Block>* DocLengths::blocks_at(const Xapian::Database& db, const std::string& key) const {
    const std::string uuid = db.get_uuid();
    for (std::size_t i = 0; i < shards_.size(); ++i) {
        if (shards_[i].get_uuid() != uuid) continue;
        BlockCache& c = blocks_[i];
        const Xapian::rev rev = db.get_revision();
        if (c.uuid != uuid || c.revision != rev) c = BlockCache{uuid, rev, {}};
        auto it = c.terms.find(key);
        if (it == c.terms.end()) it = c.terms.emplace(key, doclengths::decode_blocks(db.get_metadata(key), rev)).first;
        return it->second ? &*it->second : nullptr;
    }
    return nullptr;
}

Bm25Source::Bm25Source(std::vector<std::string> terms, std::vector<Xapian::doccount> global_termfreqs,
                       std::shared_ptr<const Shared> shared)
    : terms_(std::move(terms)), global_tf_(std::move(global_termfreqs)), shared_(std::move(shared)) {}

Bm25Source* Bm25Source::clone() const { return new Bm25Source(terms_, global_tf_, shared_); }

std::string Bm25Source::get_description() const {
    std::string d = "BM25(";
    for (std::size_t i = 0; i < terms_.size(); ++i) d += (i ? " SYNONYM " : "") + terms_[i];
    return d + ")";
}

Xapian::doccount Bm25Source::synonym_termfreq(const std::vector<Xapian::doccount>& global,
                                              const std::vector<Xapian::doccount>& local, Xapian::doccount shard_size,
                                              Xapian::doccount collection_size) {
    // As Xapian 1.4's OrContext::postlist() builds the OR tree (a heap on the shard's term
    // frequencies, the two rarest joined first, like a Huffman code), and as
    // OrPostList::get_termfreq_est[_using_stats]() estimate each join: l + r - l*r/n,
    // rounded at every join.
    struct Node {
        Xapian::doccount local, global;
    };
    std::vector<Node> heap;
    for (std::size_t i = 0; i < global.size(); ++i) heap.push_back({local[i], global[i]});
    if (heap.size() == 1) return heap[0].global;
    auto rarer_on_top = [](const Node& a, const Node& b) { return a.local > b.local; };
    auto join = [&](const Node& l, const Node& r) {
        Node n{0, 0};
        if (shard_size != 0) {
            double lest = l.local, rest = r.local;
            n.local = static_cast<Xapian::doccount>(lest + rest - (lest * rest / shard_size) + 0.5);
        }
        double lg = l.global, rg = r.global, cs = collection_size;
        n.global = static_cast<Xapian::doccount>(lg + rg - (lg * rg / cs) + 0.5);
        return n;
    };
    std::make_heap(heap.begin(), heap.end(), rarer_on_top);
    while (true) {
        Node r = heap.front();
        std::pop_heap(heap.begin(), heap.end(), rarer_on_top);
        heap.pop_back();
        Node joined = join(heap.front(), r);
        if (heap.size() == 1) return joined.global;
        std::pop_heap(heap.begin(), heap.end(), rarer_on_top);
        heap.back() = joined;
        std::push_heap(heap.begin(), heap.end(), rarer_on_top);
    }
}

double bm25_term_weight(Xapian::doccount termfreq, Xapian::doccount collection_size, double k1) {
    double tw = (collection_size - termfreq + 0.5) / (termfreq + 0.5);
    if (tw < 2) tw = tw * 0.5 + 1;  // (Xapian's floor: a word in most documents still weighs a little)
    return std::log(tw) * (k1 + 1);
}

void Bm25Source::init(const Xapian::Database& db) {
    db_ = db;
    its_.clear();
    at_.clear();
    blocks_.clear();
    block_at_.clear();
    word_wdf_max_.clear();
    any_blocks_ = false;
    bound_until_ = 0;
    started_ = false;
    current_ = 0;
    const Bm25Params& p = shared_->params;
    const Xapian::doccount n = shared_->collection_size;
    std::vector<Xapian::doccount> local;
    Xapian::termcount wdf_bound = 0;
    tf_min_ = tf_max_ = 0;
    for (std::size_t i = 0; i < terms_.size(); ++i) {
        const std::string& t = terms_[i];
        Xapian::doccount tf = shared_->single_shard ? global_tf_[i] : db.get_termfreq(t);
        local.push_back(tf);
        tf_min_ = std::max(tf_min_, tf);
        tf_max_ += tf;
        if (tf != 0) {
            its_.push_back(db.postlist_begin(t));
            at_.push_back(0);
            // (Too rare to have blocks: not looked for.)
            blocks_.push_back(shared_->lengths && tf > 2 * doclengths::kBlockPostings ? shared_->lengths->blocks(db, t) : nullptr);
            block_at_.push_back(0);
            word_wdf_max_.push_back(db.get_wdf_upper_bound(t));
            any_blocks_ = any_blocks_ || blocks_.back();
        }
    }
    for (Xapian::termcount w : word_wdf_max_) wdf_bound += w;
    const Xapian::doccount shard_size = db.get_doccount();
    tf_max_ = std::min(tf_max_, shard_size);
    if (terms_.size() == 1) {
        tf_est_ = local[0];
    } else {
        tf_est_ = std::min(synonym_termfreq(local, local, shard_size, shard_size), tf_max_);
        tf_est_ = std::max(tf_est_, tf_min_);
    }
    // BM25Weight::init(): the term weight from the statistics of all shards.
    Xapian::doccount tf = terms_.size() == 1 ? global_tf_[0] : synonym_termfreq(global_tf_, local, shard_size, n);
    termweight_ = bm25_term_weight(tf, n, p.k1);
    len_factor_ = shared_->average_length != 0 ? 1 / shared_->average_length : 0;
    lengths_ = shared_->lengths ? shared_->lengths->find(db) : nullptr;
    // BM25Weight::get_maxpart(), with the words' own wdf bound (Xapian takes the longest
    // document's length for a synonym: a looser bound).
    if (terms_.size() > 1) wdf_bound = std::min(wdf_bound, db.get_doclength_upper_bound());
    len_lb_ = db.get_doclength_lower_bound();
    set_maxweight(its_.empty() ? 0 : part(wdf_bound, std::max(wdf_bound, len_lb_)));
    // A stem's words as one list: news-index keeps that list's blocks (tighter than the words').
    group_blocks_ = nullptr;
    group_at_ = 0;
    if (its_.size() > 1 && shared_->lengths && tf_max_ > 2 * doclengths::kBlockPostings)
        group_blocks_ = shared_->lengths->blocks_at(db, doclengths::group_blocks_key(terms_));
    any_blocks_ = any_blocks_ || group_blocks_;
    if (its_.empty()) current_ = kEnd;
}

Xapian::docid Bm25Source::where(std::size_t i) const {
    return its_[i] == Xapian::PostingIterator() ? kEnd : *its_[i];
}

void Bm25Source::settle() {
    Xapian::docid low = kEnd;
    for (Xapian::docid d : at_) low = std::min(low, d);
    current_ = low;
}

void Bm25Source::advance() {
    if (its_.size() == 1) {  // most words: one form in the index
        if (started_) ++its_[0];
        started_ = true;
        current_ = at_[0] = where(0);
        return;
    }
    for (std::size_t i = 0; i < its_.size(); ++i) {
        if (started_ && at_[i] != current_) continue;
        if (started_) ++its_[i];
        at_[i] = where(i);
    }
    started_ = true;
    settle();
}

double Bm25Source::part(double wdf, double length) const {
    const Bm25Params& p = shared_->params;
    const double normlen = std::max(length * len_factor_, p.min_normlen);
    const double denom = p.k1 * (normlen * p.b + (1 - p.b)) + wdf;
    return denom <= 0 ? 0 : termweight_ * (wdf / denom);
}

double Bm25Source::block_bound(Xapian::docid& until) {
    // Each word's postings from current_ on lie in its block at or after at_[i], up to that
    // block's last docid; the range runs to the nearest such end. A document in the range
    // has at most the summed wdf of the words with a posting there (their blocks' highest,
    // or their list's where they have no blocks) and at least the shortest of their lengths;
    // BM25 grows with wdf and falls with length, so that pair bounds its weight.
    if (group_blocks_) {
        const std::vector<doclengths::Block>& b = *group_blocks_;
        while (group_at_ < b.size() && b[group_at_].last < current_) ++group_at_;
        if (group_at_ >= b.size()) {  // (cannot be while current_ is a document of the words)
            until = kEnd - 1;
            return 0;
        }
        until = b[group_at_].last;
        return part(b[group_at_].max_wdf, b[group_at_].min_length);
    }
    until = kEnd - 1;
    for (std::size_t i = 0; i < its_.size(); ++i) {
        const std::vector<doclengths::Block>* b = blocks_[i];
        if (at_[i] == kEnd || !b) continue;
        std::size_t& k = block_at_[i];
        while (k < b->size() && (*b)[k].last < at_[i]) ++k;
        if (k < b->size()) until = std::min(until, (*b)[k].last);
    }
    double wdf = 0, length = std::numeric_limits<double>::max();
    for (std::size_t i = 0; i < its_.size(); ++i) {
        if (at_[i] == kEnd || at_[i] > until) continue;
        const std::vector<doclengths::Block>* b = blocks_[i];
        const std::size_t k = block_at_[i];
        if (b && k < b->size()) {
            wdf += (*b)[k].max_wdf;
            length = std::min<double>(length, (*b)[k].min_length);
        } else {
            wdf += word_wdf_max_[i];
            length = std::min<double>(length, len_lb_);
        }
    }
    return wdf == 0 ? 0 : part(wdf, length);
}

void Bm25Source::skip_all_to(Xapian::docid did) {
    for (std::size_t i = 0; i < its_.size(); ++i) {
        if (at_[i] >= did) continue;
        its_[i].skip_to(did);
        at_[i] = where(i);
    }
    settle();
}

void Bm25Source::pass_light(double min_wt) {
    // The matcher's hint: a document weighing less than min_wt here cannot make the results
    // (min_wt is what it needs minus what the rest of the query can add). Passing over it here
    // costs less than handing it up; where news-index kept the term's blocks, a whole block
    // whose bound is below min_wt is skipped unread. The margin keeps a document that would tie.
    if (min_wt <= 0) return;
    const double below = min_wt * (1 - 1e-9);
    while (current_ != kEnd) {
        if (any_blocks_) {
            if (current_ > bound_until_) bound_ = block_bound(bound_until_);
            if (bound_ < below) {
                if (bound_until_ >= kEnd - 1) {
                    current_ = kEnd;
                    return;
                }
                skip_all_to(bound_until_ + 1);
                g_blocks_skipped.fetch_add(1, std::memory_order_relaxed);
                continue;
            }
        }
        if (get_weight() >= below) return;
        advance();
    }
}

void Bm25Source::next(double min_wt) {
    if (current_ == kEnd) return;
    advance();
    pass_light(min_wt);
}

void Bm25Source::skip_to(Xapian::docid did, double) {
    if (current_ == kEnd || (started_ && did <= current_)) return;
    started_ = true;  // (before, every at_ is 0: all lists move)
    skip_all_to(did);
    // No pass_light() here: the caller leapfrogs (an AND's other side chose did), and walking
    // on past light documents would read every posting the leapfrogging skips.
}

double Bm25Source::get_weight() const {
    Xapian::termcount wdf = 0;
    if (its_.size() == 1) {
        wdf = its_[0].get_wdf();
    } else {
        for (std::size_t i = 0; i < its_.size(); ++i)
            if (at_[i] == current_) wdf += its_[i].get_wdf();
    }
    Xapian::termcount len = (lengths_ && current_ < lengths_->size()) ? (*lengths_)[current_] : db_.get_doclength(current_);
    if (terms_.size() > 1 && wdf > len) wdf = len;  // as SynonymPostList does
    return part(wdf, len);
}

namespace {

/// Wildcards expanding to more words than this stay Xapian's (which keeps the most frequent
/// of them; the query parser asks for at most this many).
constexpr std::size_t kMaxWildcardWords = 1000;

// The combiner and pattern of Xapian 1.4's "WILDCARD SYNONYM <pattern>" or "WILDCARD OR
// <pattern>" (the bytes it shows as \xHH unescaped).
bool wildcard_pattern(const std::string& desc, bool& synonym, std::string& pattern) {
    // Query::get_description() gives "Query(...)".
    std::string_view d = desc;
    if (d.starts_with("Query(") && d.ends_with(")")) d = d.substr(6, d.size() - 7);
    if (d.starts_with("WILDCARD SYNONYM ")) {
        synonym = true;
        d.remove_prefix(17);
    } else if (d.starts_with("WILDCARD OR ")) {
        synonym = false;
        d.remove_prefix(12);
    } else {
        return false;
    }
    pattern.clear();
    for (std::size_t i = 0; i < d.size(); ++i) {
        if (d[i] != '\\') {
            pattern += d[i];
            continue;
        }
        if (i + 3 >= d.size() || d[i + 1] != 'x') return false;
        auto hex = [](char c) { return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1; };
        int hi = hex(d[i + 2]), lo = hex(d[i + 3]);
        if (hi < 0 || lo < 0) return false;
        pattern += static_cast<char>(hi * 16 + lo);
        i += 3;
    }
    return !pattern.empty();
}

// A subquery rebuilt, with two estimates: how many documents it matches (at most) and how
// many document lengths its Bm25Sources will need (one per document they weigh).
struct Rebuilt {
    Xapian::Query query;
    double matches;
    double lengths;
};

Rebuilt rebuild(const Xapian::Query& q, const Xapian::Database& db, const std::shared_ptr<const Bm25Source::Shared>& shared) {
    using Q = Xapian::Query;
    const double all = shared->collection_size;
    auto source = [&](std::vector<std::string> terms) {
        std::vector<Xapian::doccount> tfs;
        double sum = 0;
        for (const std::string& t : terms) {
            tfs.push_back(db.get_termfreq(t));
            sum += tfs.back();
        }
        double m = std::min(sum, all);
        return Rebuilt{Q((new Bm25Source(std::move(terms), std::move(tfs), shared))->release()), m, m};
    };
    auto as_is = [&] { return Rebuilt{q, all, 0}; };  // Xapian weighs it; it may match anything
    switch (q.get_type()) {
    case Q::LEAF_TERM: {
        auto it = q.get_terms_begin();
        if (it == q.get_terms_end() || (*it).empty()) return as_is();
        return source({*it});
    }
    case Q::OP_SYNONYM: {
        std::vector<std::string> terms;
        for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
            Q sub = q.get_subquery(i);
            if (sub.get_type() != Q::LEAF_TERM) return as_is();
            auto it = sub.get_terms_begin();
            if (it == sub.get_terms_end()) return as_is();
            if (std::find(terms.begin(), terms.end(), *it) != terms.end()) return as_is();  // not disjoint
            terms.push_back(*it);
        }
        return terms.empty() ? as_is() : source(std::move(terms));
    }
    case Q::OP_AND:
    case Q::OP_OR:
    case Q::OP_AND_MAYBE:
    case Q::OP_AND_NOT:
    case Q::OP_FILTER: {
        const Q::op op = q.get_type();  // (AND_NOT and FILTER weigh only their first subquery)
        std::vector<Q> subs;
        std::vector<Rebuilt> parts;
        for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
            Q sub = q.get_subquery(i);
            if (weighs_subquery(op, i)) {
                parts.push_back(rebuild(sub, db, shared));
                subs.push_back(parts.back().query);
            } else {
                subs.push_back(sub);
            }
        }
        Rebuilt r{Q(op, subs.begin(), subs.end()), 0, 0};
        if (op == Q::OP_OR) {
            for (const Rebuilt& p : parts) r.matches += p.matches, r.lengths += p.lengths;
            r.matches = std::min(r.matches, all);
        } else if (op == Q::OP_AND) {
            r.matches = all;
            for (const Rebuilt& p : parts) r.matches = std::min(r.matches, p.matches);
            for (const Rebuilt& p : parts) r.lengths += std::min(p.lengths, r.matches);
        } else {  // the first subquery decides what matches
            r.matches = parts[0].matches;
            for (const Rebuilt& p : parts) r.lengths += std::min(p.lengths, r.matches);
        }
        return r;
    }
    case Q::OP_PHRASE:
    case Q::OP_NEAR: {
        // Xapian weighs a phrase as the AND of its words (each word's own wdf): the same AND of
        // Bm25Sources, filtered by the phrase, which is then only checked, not weighed.
        std::vector<Q> words;
        Rebuilt r{q, all, 0};
        for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
            Q sub = q.get_subquery(i);
            if (sub.get_type() != Q::LEAF_TERM) return as_is();
            Rebuilt w = rebuild(sub, db, shared);
            words.push_back(w.query);
            r.matches = std::min(r.matches, w.matches);
        }
        if (words.empty()) return as_is();
        r.lengths = r.matches * static_cast<double>(words.size());
        r.query = Q(Q::OP_FILTER, Q(Q::OP_AND, words.begin(), words.end()), q);
        return r;
    }
    case Q::OP_WILDCARD: {
        // The words a wildcard expands to, weighed as Xapian does: as one synonym group (the
        // query parser's wildcards), or as an OR of terms. The pattern is only in the
        // description.
        std::string pattern;
        bool synonym = true;
        if (!wildcard_pattern(q.get_description(), synonym, pattern)) return as_is();
        std::vector<std::string> words;
        for (auto t = db.allterms_begin(pattern); t != db.allterms_end(pattern); ++t) {
            if (words.size() == kMaxWildcardWords) return as_is();  // Xapian keeps the most frequent
            words.push_back(*t);
        }
        if (words.empty()) return as_is();
        if (synonym) return source(std::move(words));
        std::vector<Q> alts;
        Rebuilt r{q, 0, 0};
        for (std::string& w : words) {
            Rebuilt one = source({std::move(w)});
            alts.push_back(one.query);
            r.matches += one.matches;
            r.lengths += one.lengths;
        }
        r.matches = std::min(r.matches, all);
        r.query = alts.size() == 1 ? alts[0] : Q(Q::OP_OR, alts.begin(), alts.end());
        return r;
    }
    case Q::OP_SCALE_WEIGHT: {  // (ranking.h's field and proximity weights)
        Rebuilt r = rebuild(q.get_subquery(0), db, shared);
        r.query = Q(scale_factor(q), r.query);
        return r;
    }
    default:
        return as_is();  // value ranges, MatchAll...
    }
}

}  // namespace

Xapian::Query with_bm25_sources(const Xapian::Query& query, const Xapian::Database& db,
                                const std::shared_ptr<const Bm25Source::Shared>& shared, double& lengths_needed) {
    Rebuilt r = rebuild(query, db, shared);
    lengths_needed = r.lengths;
    return r.query;
}

}  // namespace news::search
