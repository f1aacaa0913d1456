/// @file
/// @brief Plain-text files that are no news article: README-like files and lists of codes.
///
/// Corpora ship files beside their articles that the text reader would happily index: the
/// distribution's README.TXT, Reuters-21578's lists of category codes
/// (all-topics-strings.lc.txt: "acq", "alum", ... one per line). not_article() tells them
/// apart from articles. It is a pure function: it reads no file and logs nothing; the caller
/// (the pipeline) decides what to do with the answer (skip the file, say why, count it).
#pragma once

#include "indexer/readers/reader.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace news::readers {

/// Why a file is not an article.
struct NotArticle {
    enum class Kind {
        Name,  ///< a README/LICENSE/COPYING/CHANGELOG/NOTICE/AUTHORS-like file name
        List,  ///< lines of codes or a few words each, and not one sentence
    };
    Kind kind;
    /// One line for "PATH: skipped (not an article: REASON)", e.g. "a README-like file name
    /// (README.TXT)" or "a list: 39 short lines, not one sentence".
    std::string reason;
};

/// Is this plain-text file something other than a news article? Returns why, or nullopt to
/// read it as an article.
///
/// Applies to Format::Text only: for any other @p format (JSON, JSON Lines, SGML, HTML, Sogou,
/// manifest rows, Unknown) it returns nullopt whatever the name or content, since there the
/// structure says what an article is. @p path is the file's path (only its name is looked
/// at); @p content its text as decoded by decode_to_utf8 (undecoded bytes of an
/// ASCII-compatible encoding give the same answer: only ASCII and UTF-8 punctuation count).
///
/// A file is no article when:
/// - (Name) its name, up to the first '.', any case, '-', '_' and spaces ignored, is readme,
///   license, licence, licenses, copying, copyright, changelog, changes, notice, authors,
///   contributors or install ("README.TXT", "LICENSE", "ChangeLog.old", "Read_Me.md"). Written in capitals
///   the name may carry a qualifier ("LICENSE-MIT", "README_en.txt"); in lower case it must
///   stand alone, so that an article slug such as "licence-fee-rise.txt" stays an article.
/// - (List) it has at least 5 non-empty lines, none of which holds sentence punctuation
///   (. ! ? or 。！？, except a '.' between two digits); at least 90% of them are one to five
///   words of at most 64 bytes; and at most a quarter of them hold a digit (rows of figures
///   are a table, which belongs to an article).
/// It is kept as an article otherwise: a headline and one line, a short brief, a one-paragraph
/// item, a results or stock table with a headline and a sentence all hold a sentence or are
/// too short to be a list.
[[nodiscard]] std::optional<NotArticle> not_article(Format format, const std::filesystem::path& path,
                                                    std::string_view content);

}  // namespace news::readers
