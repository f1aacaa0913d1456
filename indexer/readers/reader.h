/// @file
/// @brief Reading one input file into Article records: format detection, decoding, dispatch.
#pragma once

#include "common/article.h"

#include <filesystem>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace news::readers {

enum class Format { Text, Json, JsonLines, Sgml, Html, Sogou, Unknown };

/// The reader for a file name, by extension (.txt/.text/.story, .json, .jsonl/.ndjson,
/// .sgm/.sgml Reuters-21578 SGML, .html/.htm/.xhtml). A .dat file is a SogouCS/SogouCA dump
/// (Format::Sogou) when its first bytes, after whitespace, are "<doc>" or "<doclist>": the
/// only case that opens the file. Any other .dat (the extension is generic) is Unknown; one
/// that is no regular file (a pipe) or cannot be opened is Sogou, so that reading it reports
/// the error.
[[nodiscard]] Format format_of(const std::filesystem::path& path);

/// A file that cannot be read as articles; what() names the reason, line() the line when known.
class ReadError : public std::runtime_error {
public:
    explicit ReadError(const std::string& what, std::size_t line = 0) : std::runtime_error(what), line_(line) {}
    [[nodiscard]] std::size_t line() const { return line_; }

private:
    std::size_t line_;
};

/// Returns @p bytes as UTF-8. Valid UTF-8 passes through (a BOM is dropped); anything else
/// is converted from @p legacy when given (an ICU converter name: the format's known
/// encoding, e.g. "GB18030" for Sogou dumps, where detection guesses wrong on short Chinese
/// text), else identified with ICU's charset detector. A UTF-16 file with a BOM is always
/// detected. @p encoding receives the name. Throws ReadError for binary data (NUL bytes) or
/// an undetectable encoding.
[[nodiscard]] std::string decode_to_utf8(const std::string& bytes, std::string& encoding, const char* legacy = nullptr);

/// What one file gave: its articles, and the records that failed as (line, reason).
struct ReadResult {
    std::vector<Article> articles;
    std::vector<std::pair<std::size_t, std::string>> errors;
    /// Records read with a problem that did not stop them (an SGML date that is no date,
    /// left empty), as (line, reason): for "path:line: warning: reason".
    std::vector<std::pair<std::size_t, std::string>> warnings;
    std::string encoding = "UTF-8";
    /// Why the file is no article (a README, a list of codes: not_article.h), or empty. Such a
    /// file gives no article; the pipeline counts it and names it with --verbose.
    std::string not_article;
};

/// Reads the bytes of a file in @p format. @p id is the id of the file; records of a
/// multi-record file get "id#N". Throws ReadError when the whole file is unusable. A big
/// JSON Lines file may be read in pieces cut at line ends: @p first_line is the line a
/// piece starts on.
[[nodiscard]] ReadResult read_file_content(Format format, const std::string& bytes, const std::string& path,
                                           const std::string& id, std::size_t first_line = 1);

}  // namespace news::readers
