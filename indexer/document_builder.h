/// @file
/// @brief Article -> Xapian::Document, following common/schema.h.
#pragma once

#include "common/article.h"
#include "common/stored.h"
#include "common/text/analyzer.h"

#include <xapian.h>

#include <string>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace news {

/// A set of words: one flat open-addressing table over one buffer of bytes. It is asked
/// about every word indexed, and std::unordered_set<std::string> (a hash, a division, a
/// node and a comparison per word) cost a twentieth of indexing time.
class WordSet {
public:
    /// Adds @p word; true when it was not in the set.
    bool insert(std::string_view word);
    [[nodiscard]] std::size_t size() const { return size_; }
    void clear();

private:
    struct Slot {
        std::uint64_t hash = 0;  ///< 0: empty
        std::uint32_t at = 0, size = 0;  ///< the word in bytes_
    };
    void grow();
    std::vector<Slot> slots_ = std::vector<Slot>(1024);
    std::string bytes_;
    std::size_t size_ = 0;
};

/// Builds documents with one Analyzer (not thread-safe: one builder per thread).
class DocumentBuilder {
public:
    explicit DocumentBuilder(const text::Analyzer& analyzer) : analyzer_(analyzer) {}

    /// The document for @p a. @p file_key and @p file_sig tie it to its source file for
    /// incremental runs (both may be empty; the pipeline gives the signature to the file's
    /// first article only, a JSON Lines file would repeat it in every record).
    [[nodiscard]] Xapian::Document build(const Article& a, const std::string& file_key,
                                         const std::string& file_sig) const;

    /// As build(), also returning the (stem, word) pairs of the article's words that this
    /// builder has not returned before: the writer records them in the database's stem
    /// table (see schema::stem_key), which the searcher uses to expand a query word to all
    /// indexed words sharing its stem.
    [[nodiscard]] Xapian::Document build(const Article& a, const std::string& file_key, const std::string& file_sig,
                                         std::vector<std::pair<std::string, std::string>>& stems) const;

    /// The Q term of an article id (ids longer than Xapian's term limit are hashed).
    [[nodiscard]] static std::string id_term(const std::string& id);
    /// The XFILE term of a file key.
    [[nodiscard]] static std::string file_term(const std::string& key);

    /// Stored articles are compressed with @p dict from now on (nullptr: without).
    void set_dictionary(std::shared_ptr<const stored::Dictionary> dict) { dict_ = std::move(dict); }

private:
    void index_text(Xapian::Document& doc, const std::vector<text::Token>& tokens, std::string_view prefix, Xapian::termpos& pos,
                    std::vector<std::pair<std::string, std::string>>* stems) const;
    void add_stems(const text::Token& t, std::vector<std::pair<std::string, std::string>>& stems) const;
    /// The Name field's terms of @p name, and its whole folded name under @p whole_prefix (if any).
    void add_name(Xapian::Document& doc, std::string_view field, const std::string& name,
                  std::string_view whole_prefix = {}) const;
    /// The speaker-quote pairing terms (schema::quote_slot_prefix) of @p a, whose body
    /// @p tokens start at position @p first_pos.
    void add_pairing(Xapian::Document& doc, const Article& a, const std::vector<text::Token>& tokens,
                     Xapian::termpos first_pos) const;

    const text::Analyzer& analyzer_;
    static constexpr std::size_t kMaxStemmed = 1 << 20;
    mutable WordSet stemmed_;  ///< words whose pair was returned
    std::shared_ptr<const stored::Dictionary> dict_;
};

}  // namespace news
