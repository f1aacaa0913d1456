/// @file
/// @brief Counting on the posting lists: a tree of document streams, each giving the first
/// document at or after a docid.
#include "searcher/count.h"

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

namespace news::search {
namespace {

constexpr Xapian::docid kEnd = static_cast<Xapian::docid>(-1);

/// The documents of a subquery in docid order.
class Stream {
public:
    virtual ~Stream() = default;
    /// The first document at or after @p did (never called with a smaller @p did than
    /// before), kEnd when there is none.
    virtual Xapian::docid first_from(Xapian::docid did) = 0;
};

/// A term's posting list ("" for every document).
class TermStream final : public Stream {
public:
    TermStream(const Xapian::Database& db, const std::string& term) : it_(db.postlist_begin(term)), end_(db.postlist_end(term)) {}
    Xapian::docid first_from(Xapian::docid did) override {
        if (it_ == end_) return kEnd;
        if (*it_ < did) {
            it_.skip_to(did);
            if (it_ == end_) return kEnd;
        }
        return *it_;
    }

private:
    Xapian::PostingIterator it_, end_;
};

class NoStream final : public Stream {
public:
    Xapian::docid first_from(Xapian::docid) override { return kEnd; }
};

class OrStream final : public Stream {
public:
    explicit OrStream(std::vector<std::unique_ptr<Stream>> s) : s_(std::move(s)), at_(s_.size(), 0) {}
    Xapian::docid first_from(Xapian::docid did) override {
        Xapian::docid best = kEnd;
        for (std::size_t i = 0; i < s_.size(); ++i) {
            if (at_[i] < did) at_[i] = s_[i]->first_from(did);
            if (at_[i] < best) best = at_[i];
        }
        return best;
    }

private:
    std::vector<std::unique_ptr<Stream>> s_;
    std::vector<Xapian::docid> at_;  // where each stream is (kEnd: done)
};

class AndStream final : public Stream {
public:
    explicit AndStream(std::vector<std::unique_ptr<Stream>> s) : s_(std::move(s)) {}
    Xapian::docid first_from(Xapian::docid did) override {
        for (std::size_t i = 0, agree = 0; agree < s_.size(); i = (i + 1) % s_.size()) {
            Xapian::docid d = s_[i]->first_from(did);
            if (d == kEnd) return kEnd;
            if (d == did) {
                ++agree;
            } else {
                did = d;
                agree = 1;
            }
        }
        return did;
    }

private:
    std::vector<std::unique_ptr<Stream>> s_;
};

class AndNotStream final : public Stream {
public:
    AndNotStream(std::unique_ptr<Stream> yes, std::unique_ptr<Stream> no) : yes_(std::move(yes)), no_(std::move(no)) {}
    Xapian::docid first_from(Xapian::docid did) override {
        for (;;) {
            did = yes_->first_from(did);
            if (did == kEnd || no_->first_from(did) != did) return did;
            ++did;
        }
    }

private:
    std::unique_ptr<Stream> yes_, no_;
};

std::unique_ptr<Stream> stream_of(const Xapian::Database& db, const Xapian::Query& q) {
    using Q = Xapian::Query;
    switch (q.get_type()) {
    case Q::LEAF_TERM: return std::make_unique<TermStream>(db, *q.get_terms_begin());
    case Q::LEAF_MATCH_ALL: return std::make_unique<TermStream>(db, std::string());
    case Q::LEAF_MATCH_NOTHING: return std::make_unique<NoStream>();
    case Q::OP_SCALE_WEIGHT: return stream_of(db, q.get_subquery(0));
    case Q::OP_AND_MAYBE: return stream_of(db, q.get_subquery(0));
    case Q::OP_OR:
    case Q::OP_SYNONYM:
    case Q::OP_AND:
    case Q::OP_FILTER:
    case Q::OP_AND_NOT: {
        std::vector<std::unique_ptr<Stream>> subs;
        for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
            auto s = stream_of(db, q.get_subquery(i));
            if (!s) return nullptr;
            subs.push_back(std::move(s));
        }
        if (subs.empty()) return std::make_unique<NoStream>();
        if (q.get_type() == Q::OP_AND_NOT) {
            std::unique_ptr<Stream> yes = std::move(subs.front());
            subs.erase(subs.begin());
            if (subs.empty()) return yes;
            std::unique_ptr<Stream> no = subs.size() == 1 ? std::move(subs.front()) : std::make_unique<OrStream>(std::move(subs));
            return std::make_unique<AndNotStream>(std::move(yes), std::move(no));
        }
        if (subs.size() == 1) return std::move(subs.front());
        if (q.get_type() == Q::OP_AND || q.get_type() == Q::OP_FILTER) return std::make_unique<AndStream>(std::move(subs));
        return std::make_unique<OrStream>(std::move(subs));
    }
    default: return nullptr;  // phrases, NEAR, wildcards, value ranges, posting sources ...
    }
}

}  // namespace

bool ranking_reads_every_match(const Xapian::Query& query) {
    using Q = Xapian::Query;
    switch (query.get_type()) {
    case Q::OP_AND:
    case Q::OP_FILTER:
    case Q::OP_PHRASE:
    case Q::OP_NEAR: return true;
    case Q::OP_AND_NOT:
    case Q::OP_AND_MAYBE:
    case Q::OP_SCALE_WEIGHT: return query.get_num_subqueries() > 0 && ranking_reads_every_match(query.get_subquery(0));
    default: return false;
    }
}

std::optional<Xapian::doccount> count_on_postings(const Xapian::Database& db, const Xapian::Query& query,
                                                  Xapian::doccount stop_at, Xapian::docid from) {
    if (query.empty()) return 0;
    std::unique_ptr<Stream> s = stream_of(db, query);
    if (!s) return std::nullopt;
    Xapian::doccount n = 0;
    for (Xapian::docid did = s->first_from(std::max<Xapian::docid>(from, 1)); did != kEnd && n < stop_at; did = s->first_from(did + 1)) {
        ++n;
        if (did == kEnd - 1) break;
    }
    return n;
}

bool each_match_on_postings(const Xapian::Database& db, const Xapian::Query& query,
                            const std::function<bool(Xapian::docid)>& f, Xapian::docid from) {
    if (query.empty()) return true;
    std::unique_ptr<Stream> s = stream_of(db, query);
    if (!s) return false;
    for (Xapian::docid did = s->first_from(std::max<Xapian::docid>(from, 1)); did != kEnd; did = s->first_from(did + 1))
        if (!f(did) || did == kEnd - 1) break;
    return true;
}

std::optional<Xapian::doccount> count_word_or_group(const std::vector<Xapian::Database>& shards, const DocLengths& lengths,
                                                    const Xapian::Query& query) {
    using Q = Xapian::Query;
    if (query.get_type() == Q::LEAF_TERM) {
        Xapian::doccount n = 0;
        for (const Xapian::Database& shard : shards) n += shard.get_termfreq(*query.get_terms_begin());
        return n;
    }
    if (query.get_type() != Q::OP_SYNONYM) return std::nullopt;
    std::vector<std::string> words;
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
        Q sub = query.get_subquery(i);
        if (sub.get_type() != Q::LEAF_TERM) return std::nullopt;
        words.push_back(*sub.get_terms_begin());
    }
    const std::string key = doclengths::group_blocks_key(words);
    Xapian::doccount total = 0;
    for (const Xapian::Database& shard : shards) {
        const std::vector<doclengths::Block>* blocks = lengths.blocks_at(shard, key);
        Xapian::doccount full = 0;
        Xapian::docid from = 1;
        if (blocks && !blocks->empty()) {
            full = static_cast<Xapian::doccount>((blocks->size() - 1) * doclengths::kBlockPostings);
            from = blocks->size() > 1 ? (*blocks)[blocks->size() - 2].last + 1 : 1;
        } else {
            Xapian::doccount postings = 0;
            for (const std::string& w : words) postings += shard.get_termfreq(w);
            if (postings >= 2 * doclengths::kMinBlockTermfreq) return std::nullopt;
        }
        std::optional<Xapian::doccount> rest = count_on_postings(shard, query, shard.get_doccount() + 1, from);
        if (!rest) return std::nullopt;
        total += full + *rest;
    }
    return total;
}

}  // namespace news::search
