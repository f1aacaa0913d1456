/// @file
/// @brief FieldPhraseCheck: title: and quote: phrases checked on the stored article.
#include "searcher/field_phrase.h"

#include "searcher/doc_data.h"

#include <algorithm>

namespace news::search {
namespace {

bool token_is(const text::Token& t, const std::string& w) { return t.term == w || t.alt == w; }

std::vector<text::Token> tokens_of(std::string_view s, const LazyIcu& icu) {
    std::vector<text::Token> out;
    if (text::tokenize_plain(s, out)) return out;
    return icu.get().tokenize_icu(s);
}

}  // namespace

const text::Analyzer& LazyIcu::get() const {
    if (!analyzer_) analyzer_ = std::make_unique<text::Analyzer>("none");  // splitting only, no stemming
    return *analyzer_;
}

bool tokens_hold(const std::vector<text::Token>& toks, const std::vector<std::string>& words, std::size_t window,
                 bool ordered) {
    const std::size_t n = words.size();
    if (n == 0) return true;
    if (ordered) {
        for (std::size_t i = 0; i + n <= toks.size(); ++i) {
            std::size_t k = 0;
            while (k < n && token_is(toks[i + k], words[k])) ++k;
            if (k == n) return true;
        }
        return false;
    }
    // OP_NEAR: every word at some position of one window of `window` positions.
    for (std::size_t i = 0; i < toks.size(); ++i) {
        const std::size_t end = std::min(toks.size(), i + std::max<std::size_t>(window, 1));
        bool all = true;
        for (std::size_t k = 0; k < n && all; ++k) {
            bool found = false;
            for (std::size_t j = i; j < end && !found; ++j) found = token_is(toks[j], words[k]);
            all = found;
        }
        if (all) return true;
    }
    return false;
}

bool article_holds(const Article& article, PhraseField field, const std::vector<std::string>& words,
                   std::size_t window, bool ordered, const LazyIcu& icu) {
    if (field == PhraseField::Title) return tokens_hold(tokens_of(article.title, icu), words, window, ordered);
    if (article.quotations.empty()) return false;
    // The words of each quotation, as the indexer found them: tokens of the whole text whose
    // bytes lie inside the span (splitting the span alone could differ at its edges).
    const std::vector<text::Token> all = tokens_of(article.text, icu);
    std::vector<text::Token> inside;
    std::size_t t = 0;
    for (const auto& [b, e] : article.quotations) {
        inside.clear();
        while (t < all.size() && all[t].start < b) ++t;
        for (std::size_t k = t; k < all.size() && all[k].end <= e; ++k) inside.push_back(all[k]);
        if (tokens_hold(inside, words, window, ordered)) return true;
    }
    return false;
}

FieldPhraseCheck::FieldPhraseCheck(PhraseField field, std::string prefix, std::vector<std::string> words,
                                   std::size_t window, bool ordered)
    : field_(field), prefix_(std::move(prefix)), words_(std::move(words)), window_(window), ordered_(ordered) {}

void FieldPhraseCheck::init(const Xapian::Database& db) {
    db_ = db;
    rarest_.clear();
    termfreq_ = 0;
    for (const std::string& w : words_) {
        const Xapian::doccount tf = db.get_termfreq(prefix_ + w);
        if (rarest_.empty() || tf < termfreq_) {
            rarest_ = prefix_ + w;
            termfreq_ = tf;
        }
    }
    it_ = db.postlist_begin(rarest_);
    end_ = db.postlist_end(rarest_);
    current_ = 0;
    at_end_ = termfreq_ == 0;
}

bool FieldPhraseCheck::holds(Xapian::docid did) const {
    Article a;
    try {
        a = read_stored_article(db_.get_document(did, Xapian::DOC_ASSUME_VALID));
    } catch (const std::exception&) {
        return false;  // a damaged stored article holds no phrase
    }
    return article_holds(a, field_, words_, window_, ordered_, icu_);
}

void FieldPhraseCheck::advance_from(Xapian::docid did) {
    it_.skip_to(did);
    for (; it_ != end_; ++it_) {
        if (holds(*it_)) {
            current_ = *it_;
            return;
        }
    }
    at_end_ = true;
}

void FieldPhraseCheck::next(double) { advance_from(current_ + 1); }

void FieldPhraseCheck::skip_to(Xapian::docid did, double) {
    if (!at_end_ && did > current_) advance_from(did);
}

bool FieldPhraseCheck::check(Xapian::docid did, double) {
    // Without moving the walk: "true" with current_ == did when it holds, else "false" (an
    // undetermined position; the next next() or skip_to() goes on after did).
    current_ = did;
    return holds(did);
}

FieldPhraseCheck* FieldPhraseCheck::clone() const {
    return new FieldPhraseCheck(field_, prefix_, words_, window_, ordered_);
}

std::string FieldPhraseCheck::get_description() const {
    std::string s = field_ == PhraseField::Title ? "FieldPhraseCheck(title:\"" : "FieldPhraseCheck(quote:\"";
    for (std::size_t i = 0; i < words_.size(); ++i) s += (i ? " " : "") + words_[i];
    s += "\"";
    if (!ordered_) s += "~" + std::to_string(window_);
    return s + ")";
}

}  // namespace news::search
