/// @file
/// @brief Format detection, decoding with ICU, dispatch to the readers.
#include "indexer/readers/reader.h"

#include "common/text/analyzer.h"
#include "indexer/readers/html_reader.h"
#include "indexer/readers/json_reader.h"
#include "indexer/readers/not_article.h"
#include "indexer/readers/sgml_reader.h"
#include "indexer/readers/sogou_reader.h"
#include "indexer/readers/text_reader.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <fstream>
#include <memory>

namespace news::readers {

Format format_of(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == ".txt" || ext == ".text" || ext == ".story") return Format::Text;
    if (ext == ".json") return Format::Json;
    if (ext == ".jsonl" || ext == ".ndjson") return Format::JsonLines;
    if (ext == ".sgm" || ext == ".sgml") return Format::Sgml;
    if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return Format::Html;
    if (ext == ".dat") {
        // Peek at regular files only: a pipe is read once, by the indexing itself.
        std::error_code ec;
        if (!std::filesystem::is_regular_file(path, ec)) return Format::Sogou;
        std::ifstream in(path, std::ios::binary);
        if (!in) return Format::Sogou;  // reading it will say why
        std::string head(4096, '\0');
        in.read(head.data(), static_cast<std::streamsize>(head.size()));
        head.resize(static_cast<std::size_t>(in.gcount()));
        return looks_like_sogou(head) ? Format::Sogou : Format::Unknown;
    }
    return Format::Unknown;
}

std::string decode_to_utf8(const std::string& bytes, std::string& encoding, const char* legacy) {
    std::string_view b = bytes;
    if (b.starts_with("\xEF\xBB\xBF")) b.remove_prefix(3);
    bool utf16 = b.starts_with("\xFF\xFE") || b.starts_with("\xFE\xFF");
    if (!utf16 && b.find('\0') != std::string_view::npos) throw ReadError("binary file (contains NUL bytes)");
    if (!utf16 && text::is_valid_utf8(b)) {
        encoding = "UTF-8";
        return std::string(b);
    }
    if (!utf16 && legacy) {
        icu::UnicodeString u(b.data(), static_cast<int32_t>(b.size()), legacy);
        if (u.isBogus()) throw ReadError(std::string("cannot convert from ") + legacy);
        encoding = legacy;
        std::string out;
        u.toUTF8String(out);
        return out;
    }
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&err), &ucsdet_close);
    ucsdet_setText(det.get(), b.data(), static_cast<int32_t>(std::min<std::size_t>(b.size(), 1 << 20)), &err);
    const UCharsetMatch* match = ucsdet_detect(det.get(), &err);
    if (U_FAILURE(err) || !match) throw ReadError("not UTF-8 and the encoding cannot be identified");
    std::string name = ucsdet_getName(match, &err);
    // A UTF-8 guess for invalid UTF-8 is wrong by definition; Latin-1 family is the usual truth.
    if (name == "UTF-8") name = "windows-1252";
    if (name == "ISO-8859-1") name = "windows-1252";  // a superset that also maps 0x80-0x9F
    icu::UnicodeString u(b.data(), static_cast<int32_t>(b.size()), name.c_str());
    if (u.isBogus()) throw ReadError("cannot convert from " + name);
    encoding = name;
    std::string out;
    u.toUTF8String(out);
    if (out.starts_with("\xEF\xBB\xBF")) out.erase(0, 3);
    return out;
}

ReadResult read_file_content(Format format, const std::string& bytes, const std::string& path, const std::string& id,
                             std::size_t first_line) {
    ReadResult r;
    // Sogou dumps that are not UTF-8 are GBK; GB18030 is its superset.
    std::string content = decode_to_utf8(bytes, r.encoding, format == Format::Sogou ? "GB18030" : nullptr);
    if (content.find_first_not_of(" \t\r\n") == std::string::npos) throw ReadError("empty file");
    switch (format) {
    case Format::Text:
        if (auto no = not_article(format, path, content)) {
            r.not_article = no->reason;
            return r;
        }
        r.articles.push_back(read_text_article(content, path, id));
        break;
    case Format::Json: r.articles = read_json(content, path, id); break;
    case Format::JsonLines: r.articles = read_jsonl(content, path, id, r.errors, first_line); break;
    case Format::Sgml: r.articles = read_sgml(content, path, id, r.errors, r.warnings); break;
    case Format::Html: r.articles.push_back(read_html(content, path, id)); break;
    case Format::Sogou: r.articles = read_sogou(content, path, id, r.errors); break;
    case Format::Unknown: throw ReadError("unsupported file type");
    }
    // Whatever a parser did (gumbo turns some bad character references into raw bytes),
    // every field leaves here as valid UTF-8.
    for (Article& a : r.articles) {
        a.encoding = r.encoding;
        for (std::string* f : {&a.id, &a.title, &a.dek, &a.source, &a.url, &a.dateline, &a.language, &a.text})
            *f = text::make_valid_utf8(std::move(*f));
        for (auto* list : {&a.authors, &a.topics, &a.persons, &a.organizations})
            for (std::string& v : *list) v = text::make_valid_utf8(std::move(v));
    }
    return r;
}

}  // namespace news::readers
