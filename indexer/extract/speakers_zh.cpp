/// @file
/// @brief Quote attribution for Chinese text: 王立新表示：“…”, “…，”赵敏说, 他说：“…”.
///
/// Chinese news attributes quotes with a cue verb (表示, 说, 指出 ...) right after the
/// speaker, usually with a title in front (公安部部长王立新). Without word spaces, the name
/// is what follows the last title word; a bare subject of two to four characters is a
/// name itself; 他/她 take the last named speaker.
#include "indexer/extract/speakers_zh.h"

#include "indexer/extract/speakers.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <optional>

namespace news::extract {
namespace {

constexpr std::array<std::string_view, 14> kCues = {"表示", "说", "指出", "称", "强调", "介绍", "认为",
                                                    "坦言", "透露", "回应", "宣布", "告诉", "说道", "补充说"};
constexpr std::array<std::string_view, 40> kTitles = {
    "副部长", "部长", "副主任", "主任", "局长", "发言人", "大使", "总统", "主席", "总理", "教授", "团长",
    "顾问", "书记", "市长", "省长", "院长", "校长", "经理", "董事长", "总裁", "记者", "研究员", "专家",
    "官员", "代表", "秘书长", "处长", "司长", "厅长", "队长", "负责人", "主管", "律师", "医生", "学者",
    "议员", "部长助理", "首席", "分析师"};

struct Char {
    UChar32 c;
    std::size_t b, e;  // bytes
};

std::vector<Char> chars_of(std::string_view s) {
    std::vector<Char> out;
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    int32_t i = 0, n = static_cast<int32_t>(s.size());
    while (i < n) {
        int32_t at = i;
        UChar32 c;
        U8_NEXT(p, i, n, c);
        out.push_back({c, static_cast<std::size_t>(at), static_cast<std::size_t>(i)});
    }
    return out;
}

bool is_han(UChar32 c) { return c > 0 && u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC); }
bool is_name_char(UChar32 c) { return is_han(c) || c == 0x00B7 || c == 0x30FB; }  // · ・
bool is_clause_break(UChar32 c) {
    return c == 0x3002 || c == 0xFF0C || c == 0x3001 || c == 0xFF1A || c == 0xFF1B || c == 0xFF01 || c == 0xFF1F ||
           c == ',' || c == '.' || c == ':' || c == ';' || c == '\n' || c == 0x201C || c == 0x201D;
}
bool is_sentence_break(UChar32 c) { return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '\n'; }

struct Found {
    std::string name, role;
    bool pronoun = false;
};

// Subject text (the clause before a cue) -> name and role.
std::optional<Found> subject(std::string_view clause) {
    std::string s(clause);
    while (!s.empty() && (s.back() == ' ')) s.pop_back();
    if (s.ends_with("他") || s.ends_with("她")) return Found{"", "", true};
    std::size_t cut = std::string::npos, cut_end = 0;
    for (std::string_view t : kTitles) {
        std::size_t p = s.rfind(t);
        if (p != std::string::npos && (cut == std::string::npos || p + t.size() > cut_end)) cut = p, cut_end = p + t.size();
    }
    std::string name = cut == std::string::npos ? s : s.substr(cut_end);
    std::string role = cut == std::string::npos ? std::string() : s.substr(0, cut_end);
    std::vector<Char> cs = chars_of(name);
    if (cs.empty()) return std::nullopt;
    for (const Char& c : cs)
        if (!is_name_char(c.c)) return std::nullopt;
    bool foreign = name.find("\xC2\xB7") != std::string::npos;
    if (!foreign && (cs.size() < 2 || cs.size() > 4)) return std::nullopt;
    return Found{name, role, false};
}

// The cue ending at or before byte @p limit inside [from, limit): the clause before it.
std::optional<Found> cue_before(std::string_view text, const std::vector<Char>& cs, std::size_t from_char,
                                std::size_t to_char) {
    // Scan back from to_char for a cue word.
    for (std::size_t k = to_char; k > from_char; --k) {
        std::size_t end_b = cs[k - 1].e;
        for (std::string_view cue : kCues) {
            if (end_b < cue.size() || text.substr(end_b - cue.size(), cue.size()) != cue) continue;
            std::size_t cue_b = end_b - cue.size();
            // The clause before the cue: back to a clause break.
            std::size_t j = k;
            while (j > from_char && cs[j - 1].b >= cue_b) --j;
            std::size_t start = j;
            while (start > from_char && !is_clause_break(cs[start - 1].c)) --start;
            if (start == j) continue;
            if (auto f = subject(text.substr(cs[start].b, cue_b - cs[start].b))) return f;
        }
    }
    return std::nullopt;
}

}  // namespace

void extract_speakers_zh(Article& a) {
    std::string_view t = a.text;
    std::vector<QuoteSpan> quotes = find_quotes(t);
    if (quotes.empty()) return;
    std::vector<Char> cs = chars_of(t);
    auto char_at = [&](std::size_t byte) {
        return static_cast<std::size_t>(
            std::lower_bound(cs.begin(), cs.end(), byte, [](const Char& c, std::size_t b) { return c.b < b; }) -
            cs.begin());
    };
    std::string last_name;
    std::optional<Found> previous;
    for (std::size_t qi = 0; qi < quotes.size(); ++qi) {
        const QuoteSpan& q = quotes[qi];
        std::size_t open = char_at(q.open), close = char_at(q.close);
        std::optional<Found> who;
        // After: “…，”赵敏说 — a name and a cue right after the closing mark.
        std::size_t k = close;
        while (k < cs.size() && (cs[k].c == 0xFF0C || cs[k].c == ',')) ++k;
        std::size_t stop = k;
        while (stop < cs.size() && stop < k + 16 && !is_clause_break(cs[stop].c)) ++stop;
        // A quote closing its own sentence (…上涨。”) is attributed before it, not after.
        std::size_t last_inner = char_at(q.end);
        bool closed = last_inner > 0 && is_sentence_break(cs[last_inner - 1].c);
        if (stop > k && !closed) who = cue_before(t, cs, k, stop);
        // Before: 公安部部长王立新表示：“…” / 他说：“…” / ...表示，首日会谈“…”
        if (!who) {
            std::size_t from = open;
            while (from > 0 && !is_sentence_break(cs[from - 1].c)) --from;
            who = cue_before(t, cs, from, open);
        }
        if (!who && previous) {
            // A quote continuing the same sentence as the last attributed one.
            std::size_t prev_close = char_at(quotes[qi - 1].close);
            bool same_sentence = true;
            for (std::size_t j = prev_close; j < open; ++j) same_sentence &= !is_sentence_break(cs[j].c);
            if (same_sentence) who = previous;
        }
        if (!who) continue;
        if (who->pronoun) {
            if (last_name.empty()) continue;
            who->name = last_name;
        }
        last_name = who->name;
        previous = who;
        auto it = std::find_if(a.speakers.begin(), a.speakers.end(), [&](const Speaker& s) { return s.name == who->name; });
        if (it == a.speakers.end()) {
            a.speakers.push_back({who->name, "person", who->role, {}});
            it = a.speakers.end() - 1;
        }
        if (it->role.empty()) it->role = who->role;
        it->quotes.push_back({std::string(t.substr(q.start, q.end - q.start)), q.start, q.end});
    }
    // A role given where the speaker is named without a quote: 京华大学法学院教授赵敏认为 ...
    for (Speaker& s : a.speakers) {
        for (std::size_t at = t.find(s.name); s.role.empty() && at != std::string_view::npos; at = t.find(s.name, at + 1)) {
            std::size_t c = char_at(at), start = c;
            while (start > 0 && !is_clause_break(cs[start - 1].c)) --start;
            if (auto f = subject(t.substr(cs[start].b, at + s.name.size() - cs[start].b)); f && f->name == s.name)
                s.role = f->role;
        }
    }
    for (const Speaker& s : a.speakers)
        if (std::find(a.persons.begin(), a.persons.end(), s.name) == a.persons.end()) a.persons.push_back(s.name);
}

}  // namespace news::extract
