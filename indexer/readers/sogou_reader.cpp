/// @file
/// @brief SogouCS / SogouCA <doc> records into Articles.
#include "indexer/readers/sogou_reader.h"

#include "common/date.h"
#include "indexer/readers/reader.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>

namespace news::readers {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";  // U+3000
/// The private-use characters SogouCS writes between paragraphs (U+E40C).
constexpr std::array<std::string_view, 1> kParagraphMarks = {"\xEE\x90\x8C"};

/// Is @p s empty once ASCII whitespace, U+3000 and paragraph marks are taken out?
bool blank(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        if (is_space(s[i])) {
            ++i;
            continue;
        }
        std::string_view rest = s.substr(i);
        if (rest.starts_with(kIdeographicSpace)) {
            i += kIdeographicSpace.size();
            continue;
        }
        auto mark = std::find_if(kParagraphMarks.begin(), kParagraphMarks.end(),
                                 [&](std::string_view m) { return rest.starts_with(m); });
        if (mark == kParagraphMarks.end()) return false;
        i += mark->size();
    }
    return true;
}

/// The content as paragraphs separated by blank lines: a paragraph mark or a line end
/// separates two; each paragraph loses the ASCII whitespace at its ends, nothing else.
std::string paragraphs(std::string_view content) {
    std::string out;
    std::size_t i = 0, start = 0;
    auto flush = [&](std::size_t end) {
        std::string_view p = trim(content.substr(start, end - start));
        if (p.empty()) return;
        if (!out.empty()) out += "\n\n";
        out += p;
    };
    while (i < content.size()) {
        if (content[i] == '\n' || content[i] == '\r') {
            flush(i);
            start = ++i;
            continue;
        }
        std::string_view rest = content.substr(i);
        auto mark = std::find_if(kParagraphMarks.begin(), kParagraphMarks.end(),
                                 [&](std::string_view m) { return rest.starts_with(m); });
        if (mark != kParagraphMarks.end()) {
            flush(i);
            i += mark->size();
            start = i;
            continue;
        }
        ++i;
    }
    flush(content.size());
    return out;
}

/// A title on one line: line ends become spaces, the ends are trimmed.
std::string one_line(std::string_view s) {
    std::string out(trim(s));
    for (char& c : out)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return out;
}

/// One field of a record: absent, opened but never closed, or its content.
struct Field {
    enum { Absent, Unclosed, Present } state = Absent;
    std::string_view value;
};

/// The first <tag>...</tag> of @p record. The body closes at the record's last </content>
/// (a raw body may hold anything); the other fields at their first closing tag.
Field field(std::string_view record, std::string_view tag, bool last_close = false) {
    std::string open = "<", close = "</";
    open.append(tag).append(">");
    close.append(tag).append(">");
    Field f;
    std::size_t b = record.find(open);
    if (b == std::string_view::npos) return f;
    b += open.size();
    std::size_t e = last_close ? record.rfind(close) : record.find(close, b);
    if (e == std::string_view::npos || e < b) {
        f.state = Field::Unclosed;
        return f;
    }
    f.state = Field::Present;
    f.value = record.substr(b, e - b);
    return f;
}

/// The host of a url, lower case, without user info or port; empty when there is none.
std::string host_of(std::string_view url) {
    url = trim(url);
    std::size_t scheme = url.find("://");
    if (scheme == std::string_view::npos) return "";
    url.remove_prefix(scheme + 3);
    url = url.substr(0, url.find_first_of("/?#"));
    if (std::size_t at = url.rfind('@'); at != std::string_view::npos) url.remove_prefix(at + 1);
    url = url.substr(0, url.find(':'));
    std::string host(url);
    for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    while (!host.empty() && host.back() == '.') host.pop_back();
    return host;
}

/// "YYYY-MM-DD" from the first "/YYYYMMDD/" segment of the url's path that is a real day
/// of 1990-2099; empty otherwise.
std::string date_of(std::string_view url) {
    url = trim(url);
    std::size_t scheme = url.find("://");
    if (scheme == std::string_view::npos) return "";
    std::size_t path = url.find('/', scheme + 3);
    if (path == std::string_view::npos) return "";
    url = url.substr(0, url.find_first_of("?#", path));
    for (std::size_t p = path; p != std::string_view::npos && p + 1 < url.size();) {
        std::size_t q = url.find('/', p + 1);
        std::string_view seg = url.substr(p + 1, (q == std::string_view::npos ? url.size() : q) - p - 1);
        if (q != std::string_view::npos && seg.size() == 8 &&
            std::all_of(seg.begin(), seg.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            int y = std::stoi(std::string(seg.substr(0, 4))), m = std::stoi(std::string(seg.substr(4, 2))),
                d = std::stoi(std::string(seg.substr(6, 2)));
            if (y >= 1990 && y <= 2099 && date::valid_ymd(y, m, d))
                return std::string(seg.substr(0, 4)) + "-" + std::string(seg.substr(4, 2)) + "-" + std::string(seg.substr(6, 2));
        }
        p = q;
    }
    return "";
}

}  // namespace

bool looks_like_sogou(std::string_view head) {
    if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
    while (!head.empty() && is_space(head.front())) head.remove_prefix(1);
    return head.starts_with("<doc>") || head.starts_with("<doclist>");
}

std::string sogou_source(std::string_view url) {
    // Sites whose name is plain from the host (the domain and every subdomain).
    static const std::array<std::pair<std::string_view, std::string_view>, 8> kSites = {{
        {"sohu.com", "Sohu"},
        {"cn.yahoo.com", "Yahoo China"},
        {"sina.com.cn", "Sina"},
        {"163.com", "NetEase"},
        {"qq.com", "Tencent"},
        {"ifeng.com", "Phoenix New Media"},
        {"xinhuanet.com", "Xinhua"},
        {"people.com.cn", "People's Daily"},
    }};
    std::string host = host_of(url);
    for (const auto& [domain, name] : kSites)
        if (host == domain || (host.size() > domain.size() && host.ends_with(domain) &&
                               host[host.size() - domain.size() - 1] == '.'))
            return std::string(name);
    if (host.starts_with("www.")) host.erase(0, 4);
    return host;
}

std::vector<Article> read_sogou(const std::string& content, const std::string& path, const std::string& id,
                                std::vector<std::pair<std::size_t, std::string>>& errors) {
    constexpr std::string_view kOpen = "<doc>", kClose = "</doc>";
    const std::string_view s = content;
    std::vector<Article> out;
    std::map<std::string, std::size_t, std::less<>> seen;  // docno -> line of its record
    std::size_t pos = 0, number = 0;
    std::size_t counted = 0, line = 1;  // line is the line of offset `counted`
    auto line_at = [&](std::size_t offset) {
        line += static_cast<std::size_t>(std::count(s.begin() + static_cast<std::ptrdiff_t>(counted),
                                                    s.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
        counted = offset;
        return line;
    };
    std::size_t start;
    while ((start = s.find(kOpen, pos)) != std::string_view::npos) {
        ++number;
        const std::size_t at = line_at(start);
        const std::size_t body = start + kOpen.size();
        const std::size_t next = s.find(kOpen, body), close = s.find(kClose, body);
        if (close == std::string_view::npos || (next != std::string_view::npos && next < close)) {
            errors.emplace_back(at, next == std::string_view::npos ? "record not closed: no </doc> before the end of the file"
                                                                   : "record not closed: no </doc> before the next <doc>");
            pos = next == std::string_view::npos ? s.size() : next;
            continue;
        }
        pos = close + kClose.size();
        const std::string_view record = s.substr(body, close - body);

        const Field url = field(record, "url"), docno = field(record, "docno"), title = field(record, "contenttitle"),
                    text = field(record, "content", true);
        std::string broken;
        for (const auto& [f, name] : {std::pair{&url, "<url>"}, {&docno, "<docno>"}, {&title, "<contenttitle>"}, {&text, "<content>"}})
            if (f->state == Field::Unclosed) broken = std::string(name) + " not closed";
        if (broken.empty() && text.state == Field::Absent) broken = "no <content> element";
        if (broken.empty() && blank(title.value) && blank(text.value)) broken = "neither title nor content";
        std::string key(trim(docno.value));
        if (broken.empty() && !key.empty()) {
            auto [it, fresh] = seen.emplace(key, at);
            if (!fresh) broken = "docno " + key + " already seen at line " + std::to_string(it->second);
        }
        if (!broken.empty()) {
            errors.emplace_back(at, broken);
            continue;
        }

        Article a;
        a.id = key.empty() ? id + "#" + std::to_string(number) : key;
        a.path = path;
        a.line = at;
        a.url = std::string(trim(url.value));
        a.date = date_of(a.url);
        a.source = sogou_source(a.url);
        a.title = one_line(title.value);
        a.text = paragraphs(text.value);
        a.language = "zh";
        out.push_back(std::move(a));
    }
    if (number == 0) throw ReadError("no <doc> record (not a SogouCS/SogouCA file)");
    return out;
}

}  // namespace news::readers
