/// @file
/// @brief SogouCS / SogouCA news dumps (.dat): many <doc> records per file, one Article each.
#pragma once

#include "common/article.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace news::readers {

/// Does this text (the start of a file, bytes or UTF-8) open like a Sogou dump: after
/// whitespace (and a UTF-8 byte order mark), "<doc>" or the "<doclist>" wrapper?
[[nodiscard]] bool looks_like_sogou(std::string_view head);

/// Reads every <doc>...</doc> record of a SogouCS/SogouCA file (content already UTF-8; the
/// files are GBK, see decode_to_utf8). The format is pseudo-XML, one field per line, no
/// escaping; an optional <doclist> wrapper is ignored:
///
///     <doc>
///     <url>http://news.sohu.com/20120612/n345428229.shtml</url>
///     <docno>c172394d49da2142-69713306c0bb3300</docno>
///     <contenttitle>headline</contenttitle>
///     <content>body text, one line</content>
///     </doc>
///
/// Each record gives one Article:
/// - id: the <docno>; without one, @p id + "#" + the record's number in the file (from 1);
/// - url from <url>; date from its "/YYYYMMDD/" path segment when that is a real day (the
///   format has no date field; the URL's is the publication day). Never invented otherwise;
/// - title from <contenttitle>, as written (an ideographic space U+3000 inside stays);
/// - text from <content>: every character kept, as written (full-width letters and digits,
///   U+3000), except that the private-use paragraph marks SogouCS puts between paragraphs
///   (U+E40C) become blank lines. The fields are the source's own: structure_guessed stays
///   false, so the extract stage applies no boilerplate rule and looks for no headline or byline;
/// - source: the site's name for a host this file knows ("Sohu" for *.sohu.com, "Yahoo
///   China" for *.cn.yahoo.com ...), otherwise the url's host without "www.";
/// - language "zh"; line: the line of the <doc> tag.
/// A record with a title and empty content is an article (title only). A broken record (no
/// </doc> before the next <doc> or the end, no <content> element, an element not closed,
/// neither title nor content, a docno already seen in the file) is appended to @p errors
/// as (line of its <doc>, reason) and the others go on. Throws ReadError when the file
/// holds no <doc> record at all.
[[nodiscard]] std::vector<Article> read_sogou(const std::string& content, const std::string& path, const std::string& id,
                                              std::vector<std::pair<std::size_t, std::string>>& errors);

/// The outlet of a Sogou record's url: "http://gongyi.sohu.com/20120706/n1.shtml" -> "Sohu",
/// "http://www.example.com.cn/a" -> "example.com.cn"; empty when the url has no host.
[[nodiscard]] std::string sogou_source(std::string_view url);

}  // namespace news::readers
