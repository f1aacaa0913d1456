/// @file
/// @brief Quote attribution for Chinese text: 王立新表示：“…”, “…，”赵敏说, 他说：“…”.
///
/// Chinese news attributes quotes with a cue verb (表示, 说, 指出 ...) right after the
/// speaker, usually with a title in front (公安部部长王立新). Without word spaces, the name
/// is what follows the last title word, once the adverbs, particles and times glued to it
/// are taken off (李朝林就, 他仅); a bare subject is a name only with a family name, an
/// honorific or a foreign name's form, else a role, an organisation or a description of
/// people, never a filler, thing, place or time. 他/她 take the last person named as the
/// subject of a cue. A term in quotation marks inside a clause is nobody's words. The hand
/// audit of these rules on real news is tests/audit/zh_speaker_audit.py.
#include "indexer/extract/speakers_zh.h"

#include "indexer/extract/speakers.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <optional>

namespace news::extract {
namespace {

constexpr std::array<std::string_view, 17> kCues = {"表示", "说", "指出", "称", "强调", "介绍", "认为", "坦言", "坦承",
                                                    "透露", "回应", "宣布", "告诉", "说道", "补充说", "直言", "解释说"};
constexpr std::array<std::string_view, 46> kTitles = {
    "副部长", "部长", "副主任", "主任", "局长", "发言人", "大使", "总统", "主席", "总理", "教授", "团长",
    "顾问", "书记", "市长", "省长", "院长", "校长", "经理", "董事长", "总裁", "记者", "研究员", "专家",
    "官员", "代表", "秘书长", "处长", "司长", "厅长", "队长", "负责人", "主管", "律师", "医生", "学者",
    "议员", "部长助理", "首席", "分析师", "市民", "村民", "居民", "网友", "网民", "总监"};

// Family names: a bare subject of two to four characters is a person's name only when it
// opens with one (赵鹏林, 欧阳明), so that adverbs, verbs and nouns (很少, 继续, 只好, 昨日)
// are not taken for names. Characters that are mostly words in news text (但, 和, 都, 全,
// 应, 来, 原, 明, 国, 平, 强 ...) are left out on purpose.
constexpr std::string_view kSurnames =
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔"
    "向汤温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕"
    "单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦"
    "褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻"
    "苑迟邝谈匡鞠惠荆乐冀郁胥班储栗燕楚鄢劳谌奚皮粟冼蔺楼闻厉伊仝郜阚权帅屠朴练廉禹井祖漆巴丰卿狄邸雍"
    "辜裘亓邰赫杭逯常湛郦骞蹇揭";
constexpr std::array<std::string_view, 16> kCompoundSurnames = {
    "欧阳", "司马", "诸葛", "上官", "慕容", "东方", "皇甫", "令狐", "夏侯", "尉迟", "公孙", "长孙", "宇文", "司徒",
    "端木", "呼延"};
// Words glued before a subject: conjunctions, adverbs, quantifiers, times (也有网民, 不过今天邢傲伟).
constexpr std::array<std::string_view, 49> kLeadWords = {
    "现场", "会上", "会后", "席间", "也有", "还有", "另有", "更有", "但是", "不过", "同时", "此外", "另外", "对此", "其中", "随后", "后来", "当时",
    "最后", "于是", "因此", "所以", "而且", "并且", "有的", "一些", "不少", "很多", "许多", "部分", "其他", "其余",
    "昨日", "今日", "当日", "前日", "昨天", "今天", "当天", "日前", "近日", "目前", "而", "但", "并", "也", "还",
    "又", "有"};
// Words glued after a subject: adverbs, particles, times, and who the words were for
// (李朝林就, 光明随即, 他明确, 邢傲伟也向记者, 负责人昨日).
constexpr std::array<std::string_view, 52> kTailWords = {
    "向记者", "对记者", "跟记者", "在会上", "随即", "明确", "最后", "自己", "本人", "已经", "一再", "一直", "当即",
    "随后", "同时", "再次", "多次", "首先", "公开", "坦率", "直接", "还曾", "表态", "昨日", "今日", "当日", "前日",
    "昨天", "今天", "当天", "日前", "近日", "上午", "下午", "晚上", "当晚", "也", "仅", "还", "则", "都", "又", "曾",
    "再", "就", "却", "更", "便", "才", "均", "已", "亦"};
// Things that do not speak: 文章中, 报告, 声明 ... as a subject are no speaker.
constexpr std::array<std::string_view, 16> kThings = {"文章", "报告", "声明", "报道", "文件", "通知", "消息", "数据",
                                                      "资料", "调查", "结果", "规定", "条例", "网站", "微博", "说法"};
// Heads of an organisation's name (发改委, 卫生部, 广州市工商局, 警方).
constexpr std::array<std::string_view, 32> kOrgHeads = {
    "委员会", "基金会", "协会", "公司", "集团", "银行", "政府", "中心", "大学", "医院", "法院", "检察院", "组织",
    "机构", "警方", "校方", "院方", "官方", "军方", "双方", "中方", "美方", "外交部", "部", "委", "局", "厅", "署",
    "院", "办", "会", "所"};
// Heads of a description of people who talk (保安人员, 目击者, 老师, 家长).
constexpr std::array<std::string_view, 26> kPersonHeads = {
    "人员", "人士", "目击者", "知情者", "消费者", "患者", "老师", "家长", "老人", "家属", "学生", "司机", "师傅",
    "老板", "店主", "员工", "工人", "农民", "股民", "群众", "网友", "网民", "市民", "村民", "居民", "售货员"};
constexpr std::array<std::string_view, 12> kHonorifics = {"先生", "女士", "小姐", "师傅", "老师", "大爷", "大妈", "阿姨",
                                                         "大姐", "大哥", "老汉", "同学"};
// 按哈桑的说法, 据目击者称, 用校长的话说: the one whose words they are.
constexpr std::array<std::string_view, 8> kAccording = {"按照", "根据", "依照", "据", "按", "照", "用", "依"};
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
bool is_digit(UChar32 c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }
bool is_space(UChar32 c) { return c == ' ' || c == 0x3000 || c == '\t' || c == 0x00A0; }
bool is_clause_break(UChar32 c) {
    return c == 0x3002 || c == 0xFF0C || c == 0x3001 || c == 0xFF1A || c == 0xFF1B || c == 0xFF01 || c == 0xFF1F ||
           c == ',' || c == '.' || c == ':' || c == ';' || c == '\n' || c == 0x201C || c == 0x201D;
}
bool is_sentence_break(UChar32 c) { return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '\n'; }

template <std::size_t N>
bool ends_with_any(std::string_view s, const std::array<std::string_view, N>& words) {
    return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return s.ends_with(w); });
}
template <std::size_t N>
bool contains_any(std::string_view s, const std::array<std::string_view, N>& words) {
    return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return s.find(w) != std::string_view::npos; });
}

struct Found {
    std::string name, role;
    bool pronoun = false;
    std::string kind = "person";
    bool named = false;  // a person's own name (pronouns may stand for it), not a role or a group
};

std::string first_chars(std::string_view s, std::size_t n) {
    std::vector<Char> cs = chars_of(s);
    return std::string(s.substr(0, n < cs.size() ? cs[n].b : s.size()));
}

bool has_surname(std::string_view s) {
    if (std::any_of(kCompoundSurnames.begin(), kCompoundSurnames.end(), [&](std::string_view c) { return s.starts_with(c); }))
        return true;
    std::string first = first_chars(s, 1);
    return first.size() > 1 && kSurnames.find(first) != std::string_view::npos;
}

// Takes the words that are no part of a subject off both ends: conjunctions, adverbs,
// quantifiers and times before it, adverbs, particles and times after it (也有网民 -> 网民,
// 李朝林就 -> 李朝林, 苏贞昌２日 -> 苏贞昌). Stops before it would eat the whole subject.
std::string trim_subject(std::string s) {
    for (bool again = true; again;) {
        again = false;
        while (!s.empty() && (s.back() == ' ' || s.ends_with("\xE3\x80\x80"))) s.resize(s.back() == ' ' ? s.size() - 1 : s.size() - 3);
        while (s.starts_with(" ") || s.starts_with("\xE3\x80\x80")) s.erase(0, s[0] == ' ' ? 1 : 3);
        for (std::string_view w : kLeadWords)
            if (s.size() > w.size() && s.starts_with(w)) {
                s.erase(0, w.size());
                again = true;
                break;
            }
        for (std::string_view w : kTailWords)
            if (s.size() > w.size() && s.ends_with(w)) {
                s.resize(s.size() - w.size());
                again = true;
                break;
            }
        // A date after the subject: 苏贞昌２日, 发言人１５日.
        std::vector<Char> cs = chars_of(s);
        if (cs.size() >= 3 && (cs.back().c == 0x65E5 || cs.back().c == 0x53F7) && is_digit(cs[cs.size() - 2].c)) {
            std::size_t k = cs.size() - 1;
            while (k > 0 && is_digit(cs[k - 1].c)) --k;
            if (k > 0) {
                s.resize(cs[k].b);
                again = true;
            }
        }
    }
    return s;
}

// The last run of name characters of a role: the GBK file's damage (?Ｇ鼗实...?分析师) and a
// dateline (台海网６月２日讯　民进党主席) are no part of it; nor what a 的 hangs on it
// (参与起草《条例》的市慈善基金会副秘书长 -> 市慈善基金会副秘书长).
std::string clean_role(std::string_view role) {
    std::vector<Char> cs = chars_of(role);
    std::size_t k = cs.size();
    while (k > 0 && is_name_char(cs[k - 1].c) && cs[k - 1].c != 0x7684) --k;  // 的
    std::string r(role.substr(k < cs.size() ? cs[k].b : role.size()));
    return trim_subject(r);
}

bool only_name_chars(std::string_view s, bool foreign) {
    for (const Char& c : chars_of(s))
        if (!is_name_char(c.c) && !(foreign && (c.c == 0xFF0D || c.c == '-' || c.c == 0x2010))) return false;
    return true;
}

// What the clause before a cue names: a person (李明, 王先生, 约翰·史密斯), a role (发言人), an
// organisation (发改委, 卫生部), a description of people (保安人员, 网友), or 他/她; nothing
// for fillers, verbs, things, places and times (也没, 继续, 文章中, 昨日). @p text is the
// whole article: a bare surname of a foreign name given in full (·哈桑) is a name.
std::optional<Found> subject(std::string_view clause, std::string_view text = {}) {
    std::string s = trim_subject(std::string(clause));
    // 按哈桑的说法 / 据目击者称 / 用校长的话说: the one named inside.
    for (std::string_view w : kAccording)
        if (s.size() > w.size() && s.starts_with(w)) {
            s.erase(0, w.size());
            if (s.ends_with("的话")) s.resize(s.size() - 6);
            else if (s.ends_with("的")) s.resize(s.size() - 3);
            s = trim_subject(s);
            break;
        }
    if (s == "他" || s == "她") return Found{"", "", true};
    if (s.empty() || s.ends_with("的") || s.ends_with("们")) return std::nullopt;
    // A clause opening with a preposition or a copula is no subject: (也)是自东京都政府宣布…后 (since).
    for (std::string_view p : {"是", "自", "从", "在", "被", "把", "对", "给", "为", "让", "使", "令", "与", "跟", "由"})
        if (s.starts_with(p)) return std::nullopt;
    std::size_t cut = std::string::npos, cut_end = 0;
    for (std::string_view t : kTitles) {
        std::size_t p = s.rfind(t);
        if (p != std::string::npos && (cut == std::string::npos || p + t.size() > cut_end)) cut = p, cut_end = p + t.size();
    }
    std::string name = cut == std::string::npos ? s : trim_subject(s.substr(cut_end));
    std::string role = cut == std::string::npos ? std::string() : clean_role(s.substr(0, cut_end));
    if (name.empty() || name == role) {
        // A role with no name: 外交部发言人表示, 该专家认为, 广州市工商局食品处负责人昨日表示.
        if (role.empty() || !only_name_chars(role, false) || chars_of(role).size() > 16 || contains_any(role, kThings))
            return std::nullopt;
        // A name before its title (马志英教授): the name, the title its role.
        for (const auto& t : kTitles)
            if (role.ends_with(t) && role.size() > t.size()) {
                std::string before = role.substr(0, role.size() - t.size());
                for (std::size_t len : {3, 2}) {
                    std::vector<Char> bc = chars_of(before);
                    if (bc.size() < len) continue;
                    std::string cand = before.substr(bc[bc.size() - len].b);
                    if (has_surname(cand)) return Found{cand, std::string(t), false, "person", true};
                }
                break;
            }
        return Found{role, "", false, "person", false};
    }
    if (name == "他" || name == "她") return Found{"", role, true};
    bool foreign = name.find("\xC2\xB7") != std::string::npos || name.find("\xE3\x83\xBB") != std::string::npos;
    if (!only_name_chars(name, foreign)) return std::nullopt;
    if (foreign) return Found{name, role, false, "person", true};
    std::size_t n = chars_of(name).size();
    if (n < 2 || contains_any(name, kThings)) return std::nullopt;
    // A person's name: a family name and one to three characters (4 for a compound one),
    // with or without an honorific (王先生, 老王), or a doubled pet name (冬冬).
    // An organisation's head that no given name ends with goes first (卫生部, 发改委, 警方).
    for (std::string_view h : kOrgHeads)
        if (n >= 3 && n <= 12 && name.ends_with(h) && (h.size() > 3 || std::string_view("部委局厅署").find(h) != std::string_view::npos))
            return Found{name, role, false, "organization", false};
    for (std::string_view h : kHonorifics)
        if (name.size() > h.size() && name.ends_with(h)) {
            std::string bare = name.substr(0, name.size() - h.size());
            if (chars_of(bare).size() <= 3 && has_surname(bare)) return Found{name, role, false, "person", true};
        }
    if ((name.starts_with("老") || name.starts_with("小")) && n == 2 && has_surname(name.substr(3)))
        return Found{name, role, false, "person", true};
    if (n <= 4 && has_surname(name)) return Found{name, role, false, "person", true};
    if (n == 2 && name.substr(0, 3) == name.substr(3)) return Found{name, role, false, "person", true};
    // The last part of a foreign name the article gives in full (希沙姆·哈桑 ... 哈桑说).
    if (n <= 6 && !text.empty()) {
        for (std::string_view dot : {std::string_view("\xC2\xB7"), std::string_view("\xE3\x83\xBB")}) {
            std::string full = std::string(dot) + name;
            for (std::size_t at = text.find(full); at != std::string_view::npos; at = text.find(full, at + 1)) {
                std::size_t after = at + full.size();
                std::vector<Char> rest = chars_of(text.substr(after, 3));
                if (rest.empty() || !is_name_char(rest[0].c) || text.substr(after).starts_with("说") ||
                    std::any_of(kCues.begin(), kCues.end(), [&](std::string_view c) { return text.substr(after).starts_with(c); }))
                    return Found{name, role, false, "person", true};
            }
        }
    }
    // An organisation (发改委, 广州市工商局, 警方) or a description of people (保安人员, 网民).
    for (std::string_view h : kOrgHeads)  // a one-character head needs a name before it: 卫生部, not 社会
        if (n <= 12 && name.ends_with(h) && (h.size() > 3 || n >= 3)) return Found{name, role, false, "organization", false};
    if (n <= 12 && ends_with_any(name, kPersonHeads)) return Found{name, role, false, "person", false};
    return std::nullopt;
}

// A subject is a few words: a clause longer than this before a cue names nobody (and the
// scan stays linear on text with no punctuation).
constexpr std::size_t kMaxSubject = 40;

bool starts_with_cue(std::string_view s) {
    return std::any_of(kCues.begin(), kCues.end(), [&](std::string_view c) { return s.starts_with(c); });
}

// The cue ending at or before char @p to_char inside [from_char, to_char): the clause before it.
// 说 of 说明 is no cue, nor of 说法 but in 按X的说法.
std::optional<Found> cue_before(std::string_view text, const std::vector<Char>& cs, std::size_t from_char,
                                std::size_t to_char, bool after_quote = false) {
    for (std::size_t k = to_char; k > from_char; --k) {
        std::size_t end_b = cs[k - 1].e;
        for (std::string_view cue : kCues) {
            if (end_b < cue.size() || text.substr(end_b - cue.size(), cue.size()) != cue) continue;
            bool shuofa = cue == "说" && text.substr(end_b).starts_with("法");  // 说法: only in 按X的说法
            if (cue == "说" && text.substr(end_b).starts_with("明")) continue;
            // After a quote, a cue opening the next one (“…。”冬冬说：“…”) is that one's.
            if (after_quote && (text.substr(end_b).starts_with("：“") || text.substr(end_b).starts_with(":“"))) continue;
            std::size_t cue_b = end_b - cue.size();
            std::size_t j = k;
            while (j > from_char && cs[j - 1].b >= cue_b) --j;
            std::size_t start = j;
            while (start > from_char && j - start < kMaxSubject && !is_clause_break(cs[start - 1].c)) --start;
            if (start == j || (start > from_char && !is_clause_break(cs[start - 1].c))) continue;  // none, or too long
            if (shuofa && !std::any_of(kAccording.begin(), kAccording.end(), [&](std::string_view w) {
                    return text.substr(cs[start].b).starts_with(w);
                }))
                continue;
            if (auto f = subject(text.substr(cs[start].b, cue_b - cs[start].b), text)) return f;
        }
    }
    return std::nullopt;
}

// A term, title or name in quotation marks inside a clause, not speech: 以“小步慢走”的方式,
// 陷入“烧碱门”，, 马“政府”. A quote with no punctuation of up to 8 characters standing after a
// word that is no cue continues the clause begun before it (a quote right after 表示 / 说： /
// 称 is speech: 网友表示“不能接受”): it is nobody's (term_inside). A quote with no full stop
// of its own that the clause goes on after (term_before: “…”的方式) is no one's before it;
// a cue may still follow it (“我们欢迎对话”张华说).
// The first character after the closing mark that ends at @p inner_end, spaces skipped.
std::size_t close_of(const std::vector<Char>& cs, std::size_t inner_end) {
    std::size_t k = inner_end + 1;
    while (k < cs.size() && is_space(cs[k].c)) ++k;
    return k;
}
bool term_inside(std::string_view text, const std::vector<Char>& cs, std::size_t open, std::size_t inner_end) {
    bool punct = false;
    for (std::size_t k = open + 1; k < inner_end && k < cs.size(); ++k) punct |= is_clause_break(cs[k].c);
    std::size_t inner = inner_end > open + 1 ? inner_end - open - 1 : 0;
    if (punct || inner > 8) return false;
    // Closing its sentence, it is what the clause says (会谈“务实而富有建设性”。); a word of
    // one or two characters stays a word (上了“黑榜”。).
    std::size_t next = close_of(cs, inner_end);
    if (inner > 2 && next < cs.size() && is_sentence_break(cs[next].c)) return false;
    std::size_t prev = open;
    while (prev > 0 && is_space(cs[prev - 1].c)) --prev;
    if (prev == 0 || !is_name_char(cs[prev - 1].c)) return false;
    std::string_view before = text.substr(0, cs[prev - 1].e);
    return !std::any_of(kCues.begin(), kCues.end(), [&](std::string_view c) { return before.ends_with(c); }) &&
           !before.ends_with("声明") && !before.ends_with("道");
}
bool term_before(const std::vector<Char>& cs, std::size_t open, std::size_t close, std::size_t inner_end) {
    for (std::size_t k = open + 1; k < inner_end && k < cs.size(); ++k)
        if (is_sentence_break(cs[k].c)) return false;
    std::size_t next = close;
    while (next < cs.size() && is_space(cs[next].c)) ++next;
    return next < cs.size() && (is_name_char(cs[next].c) || is_digit(cs[next].c));
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
    // Every person named as the subject of a cue, quoted or not, in text order: 他/她 stand
    // for the last one before them (邢傲伟也向记者坦承 ... 他表示).
    std::vector<std::pair<std::size_t, std::string>> named;
    for (std::size_t k = 0; k < cs.size(); ++k) {
        if (!starts_with_cue(t.substr(cs[k].b))) continue;
        std::size_t end = k;
        for (std::string_view cue : kCues)
            if (t.substr(cs[k].b).starts_with(cue)) end = std::max(end, char_at(cs[k].b + cue.size()));
        if (auto f = cue_before(t, cs, end - std::min(end, kMaxSubject + 8), end);
            f && f->named && f->kind == "person" && !f->pronoun)
            named.emplace_back(cs[k].b, f->name);
    }
    auto person_before = [&](std::size_t byte) -> std::string {
        std::string who;
        for (const auto& [at, name] : named)
            if (at < byte) who = name;
        return who;
    };
    std::optional<Found> previous;
    bool previous_quote_attributed = false;
    for (std::size_t qi = 0; qi < quotes.size(); ++qi) {
        const QuoteSpan& q = quotes[qi];
        std::size_t open = char_at(q.open), close = char_at(q.close);
        std::size_t last_inner = char_at(q.end);
        std::optional<Found> who;
        std::size_t cue_at = q.open;
        // After: “…，”赵敏说 — a name and a cue right after the closing mark.
        std::size_t k = close;
        while (k < cs.size() && (cs[k].c == 0xFF0C || cs[k].c == ',')) ++k;
        std::size_t stop = k;
        while (stop < cs.size() && stop < k + 16 && !is_clause_break(cs[stop].c)) ++stop;
        // A quote closing its own sentence (…上涨。”) is attributed before it first.
        bool closed = last_inner > 0 && is_sentence_break(cs[last_inner - 1].c);
        if (term_inside(t, cs, open, last_inner)) {
            previous_quote_attributed = false;
            continue;
        }
        if (stop > k && !closed) {
            who = cue_before(t, cs, k, stop, true);
            if (who) cue_at = stop < cs.size() ? cs[stop].b : t.size();
        }
        // A term, title or name in quotation marks inside a clause is nobody's speech.
        bool term = !who && term_before(cs, open, close, last_inner);
        // Before: 公安部部长王立新表示：“…” / 他说：“…” / ...表示，首日会谈“…”
        if (!who && !term) {
            std::size_t from = open;
            while (from > 0 && !is_sentence_break(cs[from - 1].c)) --from;
            who = cue_before(t, cs, from, open);
        }
        // A quote closing its own sentence with no cue before it: “……。”胡增耆说.
        if (!who && !term && closed && stop > k) {
            who = cue_before(t, cs, k, stop, true);
            if (who) cue_at = stop < cs.size() ? cs[stop].b : t.size();
        }
        if (!who && !term && previous && previous_quote_attributed) {
            // A quote continuing the same sentence as the last one, which was attributed.
            std::size_t prev_close = char_at(quotes[qi - 1].close);
            bool same_sentence = true;
            for (std::size_t j = prev_close; j < open; ++j) same_sentence &= !is_sentence_break(cs[j].c);
            if (same_sentence) who = previous;
        }
        previous_quote_attributed = false;
        if (!who) continue;
        if (who->pronoun) {
            who->name = person_before(cue_at);
            who->kind = "person";
            if (who->name.empty()) continue;
        }
        previous = who;
        previous_quote_attributed = true;
        auto it = std::find_if(a.speakers.begin(), a.speakers.end(), [&](const Speaker& s) { return s.name == who->name; });
        if (it == a.speakers.end()) {
            a.speakers.push_back({who->name, who->kind, who->role, {}});
            it = a.speakers.end() - 1;
        }
        if (it->role.empty()) it->role = who->role;
        it->quotes.push_back({std::string(t.substr(q.start, q.end - q.start)), q.start, q.end});
    }
    // A role given where the speaker is named without a quote: 京华大学法学院教授赵敏认为 ...
    for (Speaker& s : a.speakers) {
        for (std::size_t at = t.find(s.name); s.role.empty() && at != std::string_view::npos; at = t.find(s.name, at + 1)) {
            std::size_t c = char_at(at), start = c;
            while (start > 0 && c - start < kMaxSubject && !is_clause_break(cs[start - 1].c)) --start;
            if (auto f = subject(t.substr(cs[start].b, at + s.name.size() - cs[start].b), t); f && f->name == s.name)
                s.role = f->role;
        }
    }
    for (const Speaker& s : a.speakers) {
        auto& list = s.kind == "organization" ? a.organizations : a.persons;
        if (std::find(list.begin(), list.end(), s.name) == list.end()) list.push_back(s.name);
    }
}

}  // namespace news::extract
