/// @file
/// @brief HTML news pages (parsed with gumbo): metadata from meta tags and JSON-LD, body from <article>.
#pragma once

#include "common/article.h"

#include <string>

namespace news::readers {

/// Reads one HTML page (content already UTF-8) into an Article. Each field is taken from the
/// first of these that gives a usable value:
/// - title: og:title, JSON-LD headline, <title> (without a " | Site name" tail when the
///   site is known), the first <h1>;
/// - date: meta article:published_time, meta name/itemprop date, pubdate, publishdate,
///   DC.date(.issued), dcterms.date/issued, datePublished; JSON-LD datePublished; a
///   <time datetime> inside the article. A value that is no date is skipped, never guessed;
/// - source: og:site_name, JSON-LD publisher name;
/// - url: <link rel=canonical>, og:url; language: <html lang> ("en-US" -> "en"), og:locale;
/// - authors (all of these, without repeats): meta name=author, meta article:author (not
///   URLs), JSON-LD author name(s) (string, object, array, @id references), rel=author links.
/// JSON-LD blocks may hold an object, an array or an @graph; one that is not valid JSON is
/// ignored. The body is the paragraphs of the <article> holding most paragraph text (else
/// <main>, else the element holding most <p> text, else <body>), without script, style,
/// nav, header, footer, aside, form, noscript, template, svg, iframe and hidden elements,
/// and without blocks whose class or id names site furniture ("share-buttons", "ad-slot",
/// "comments", "related-posts", "footer-social"; unless that would leave no text). Figure
/// captions stay. When that leaves nothing (a page so broken that its article sits inside a
/// <header>), the text of every <p> of the page is taken (a choice is passed over when all
/// its paragraphs are furniture). extract_article later finds the dateline and a "By" line
/// in the paragraphs (structure_guessed). Throws ReadError when the page has no text, or when its elements nest more than 4096 deep (gumbo's time
/// grows with the cube of the depth).
[[nodiscard]] Article read_html(const std::string& content, const std::string& path, const std::string& id);

}  // namespace news::readers
