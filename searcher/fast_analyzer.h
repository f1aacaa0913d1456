/// @file
/// @brief The Analyzer for the searcher: plain ASCII split by the byte scanner (word_scan.h),
/// ICU's Analyzer created only when some text needs it (cold start: no BreakIterator to load
/// for an ASCII query over ASCII articles).
#pragma once

#include "common/text/analyzer.h"

#include <xapian.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace news::search {

/// The same tokenize(), normalize() and stem() as text::Analyzer (the test compares them).
class FastAnalyzer {
public:
    /// Creates a text::Analyzer(@p stem_language) the first time a text is not plain ASCII.
    explicit FastAnalyzer(const std::string& stem_language);
    /// Uses @p analyzer, which must outlive this object.
    explicit FastAnalyzer(const text::Analyzer& analyzer);
    FastAnalyzer(const FastAnalyzer&) = delete;
    FastAnalyzer& operator=(const FastAnalyzer&) = delete;

    [[nodiscard]] std::vector<text::Token> tokenize(std::string_view utf8) const;
    [[nodiscard]] std::string normalize(std::string_view utf8) const;
    [[nodiscard]] std::string stem(const std::string& term) const;
    [[nodiscard]] const std::string& language() const { return language_; }

    /// The full Analyzer (created now if need be).
    [[nodiscard]] const text::Analyzer& full() const;

private:
    std::string language_;
    Xapian::Stem stemmer_;  // owned mode only
    const text::Analyzer* borrowed_ = nullptr;
    mutable std::unique_ptr<text::Analyzer> own_;
};

}  // namespace news::search
