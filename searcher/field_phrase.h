/// @file
/// @brief Phrases inside title: and quote:, checked against the stored article.
///
/// Title words (S) and quotation words (XQ) are indexed without positions: their positions
/// would repeat those of the same words in the body (title words are body words at the
/// start, quotation words are body words where they stand), 11% of all positions on
/// Reuters. A field phrase is therefore three things (see query_parser.cpp):
///   the field's words (S/XQ) AND-ed, which carry the weight, as OP_PHRASE of them did;
///   the phrase of the unprefixed words, which narrows the candidates with real positions;
///   FieldPhraseCheck, which keeps a candidate only when the phrase is inside its stored
///   title, or inside one of its stored quotations (Article::quotations), word for word
///   as the indexer split them.
#pragma once

#include "common/article.h"
#include "common/text/analyzer.h"

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

namespace news::search {

/// Where a field phrase must be.
enum class PhraseField { Title, Quote };

/// Does the token sequence @p toks hold @p words as a phrase (@p window == words.size(): in
/// order, adjacent) or, with @p ordered false, all within @p window consecutive positions
/// (OP_NEAR)? A token matches a word by its term or its alternative ("china's" / "china").
[[nodiscard]] bool tokens_hold(const std::vector<text::Token>& toks, const std::vector<std::string>& words,
                               std::size_t window, bool ordered);

/// ICU's word splitting for text the byte scanner declines, created the first time (loading
/// ICU's break rules costs milliseconds, and most text is plain).
class LazyIcu {
public:
    [[nodiscard]] const text::Analyzer& get() const;

private:
    mutable std::unique_ptr<text::Analyzer> analyzer_;
};

/// Does the stored @p article hold the phrase in @p field? The quotation rule is the
/// indexer's: a word is in a quotation when its bytes lie inside the quotation's span.
[[nodiscard]] bool article_holds(const Article& article, PhraseField field, const std::vector<std::string>& words,
                                 std::size_t window, bool ordered, const LazyIcu& icu = {});

/// A weightless PostingSource: the documents whose stored article holds the phrase. It walks
/// the posting list of the field's rarest word when it leads, and checks single documents
/// when another part of the query leads (check()), which is how the query uses it.
class FieldPhraseCheck : public Xapian::PostingSource {
public:
    FieldPhraseCheck(PhraseField field, std::string prefix, std::vector<std::string> words, std::size_t window,
                     bool ordered);

    void init(const Xapian::Database& db) override;
    [[nodiscard]] Xapian::doccount get_termfreq_min() const override { return 0; }
    [[nodiscard]] Xapian::doccount get_termfreq_est() const override { return termfreq_; }
    [[nodiscard]] Xapian::doccount get_termfreq_max() const override { return termfreq_; }
    void next(double min_wt) override;
    void skip_to(Xapian::docid did, double min_wt) override;
    bool check(Xapian::docid did, double min_wt) override;
    [[nodiscard]] bool at_end() const override { return at_end_; }
    [[nodiscard]] Xapian::docid get_docid() const override { return current_; }
    [[nodiscard]] FieldPhraseCheck* clone() const override;
    [[nodiscard]] std::string get_description() const override;

private:
    [[nodiscard]] bool holds(Xapian::docid did) const;
    void advance_from(Xapian::docid did);  // to the first holding document >= did

    PhraseField field_;
    std::string prefix_;
    std::vector<std::string> words_;
    std::size_t window_;
    bool ordered_;
    Xapian::Database db_;
    std::string rarest_;  // prefixed term with the fewest documents
    Xapian::doccount termfreq_ = 0;
    Xapian::PostingIterator it_, end_;
    Xapian::docid current_ = 0;
    bool at_end_ = false;
    LazyIcu icu_;
};

}  // namespace news::search
