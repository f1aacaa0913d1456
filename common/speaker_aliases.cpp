/// @file
/// @brief The speaker alias table (see speaker_aliases.h).
#include "common/speaker_aliases.h"

#include "common/schema.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>

namespace news::aliases {

namespace {

constexpr std::string_view kFormat = "aliases 1\n";

std::string_view last_word(std::string_view name) {
    const std::size_t sp = name.rfind(' ');
    return sp == std::string_view::npos ? name : name.substr(sp + 1);
}

bool opposite(char a, char b) { return a && b && a != b; }

/// The articles of the names ending in @p word whose sex is not the opposite of @p sex, in the
/// years @p year-1 .. @p year+1: the best name, its articles and everyone's.
struct Window {
    const std::string* best = nullptr;
    std::uint64_t best_n = 0, all = 0;
    bool tie = false;
};

Window window(const std::vector<std::pair<const std::string*, const FullName*>>& names, char sex, int year) {
    Window w;
    for (const auto& [name, n] : names) {
        if (opposite(sex, sex_of(*n))) continue;
        std::uint64_t c = 0;
        for (int y = year - 1; y <= year + 1; ++y)
            if (auto it = n->years.find(y); it != n->years.end()) c += it->second;
        if (c == 0) continue;
        w.all += c;
        if (c > w.best_n) w.best = name, w.best_n = c, w.tie = false;
        else if (c == w.best_n) w.tie = true;
    }
    return w;
}

/// The full names of @p t ending in @p word.
std::vector<std::pair<const std::string*, const FullName*>> with_surname(const Table& t, std::string_view word) {
    std::vector<std::pair<const std::string*, const FullName*>> out;
    for (const auto& [name, n] : t)
        if (last_word(name) == word && name.size() > word.size()) out.emplace_back(&name, &n);
    return out;
}

}  // namespace

char role_sex(std::string_view role) {
    // An honorific counts only opening the role ("Mr" in "wife of Mr Smith" is someone else's).
    static const std::set<std::string_view, std::less<>> kMaleHonorifics{"Mr", "Sir", "Lord"};
    static const std::set<std::string_view, std::less<>> kFemaleHonorifics{"Mrs", "Ms", "Miss", "Dame", "Lady", "Baroness"};
    static const std::set<std::string, std::less<>> kMale{
        "man", "father", "husband", "son", "brother", "businessman", "congressman", "spokesman", "chairman",
        "councilman", "assemblyman", "king", "prince", "widower"};
    static const std::set<std::string, std::less<>> kFemale{
        "lady", "woman", "mother", "wife", "daughter", "sister", "businesswoman", "congresswoman", "spokeswoman",
        "chairwoman", "councilwoman", "assemblywoman", "queen", "princess", "widow"};
    char sex = 0;
    for (std::size_t b = 0; b < role.size();) {
        const std::size_t e = std::min(role.find(' ', b), role.size());
        std::string_view w = role.substr(b, e - b);
        while (!w.empty() && (w.back() == '.' || w.back() == ',')) w.remove_suffix(1);
        std::string l(w);
        for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        char s = kMale.count(l) ? 'm' : kFemale.count(l) ? 'f' : 0;
        if (b == 0 && kMaleHonorifics.count(w)) s = 'm';
        if (b == 0 && kFemaleHonorifics.count(w)) s = 'f';
        if (s && sex && s != sex) return 0;
        if (s) sex = s;
        b = e + 1;
    }
    return sex;
}

char sex_of(const FullName& n) {
    if (n.sex) return n.sex;
    // No given name of known sex: the roles, when they agree (two thirds at least).
    const std::uint32_t all = n.male_roles + n.female_roles;
    if (all == 0) return 0;
    if (n.male_roles * 3 >= all * 2) return 'm';
    if (n.female_roles * 3 >= all * 2) return 'f';
    return 0;
}

Table build(const Xapian::Database& db, const std::function<char(std::string_view)>& given_sex) {
    // The year of each document, from the date terms.
    std::vector<std::uint16_t> year(static_cast<std::size_t>(db.get_lastdocid()) + 1, 0);
    const std::string yp(schema::kYearPrefix);
    for (auto t = db.allterms_begin(yp); t != db.allterms_end(yp); ++t) {
        const std::string term = *t;
        int y = 0;
        if (term.size() != yp.size() + 4 ||
            std::from_chars(term.data() + yp.size(), term.data() + term.size(), y).ec != std::errc())
            continue;
        for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p)
            if (*p < year.size()) year[*p] = static_cast<std::uint16_t>(y);
    }
    Table out;
    const std::string wp(schema::kSpeakerWholePrefix);
    for (auto t = db.allterms_begin(wp); t != db.allterms_end(wp); ++t) {
        const std::string term = *t;
        const std::string name = term.substr(wp.size());
        if (name.find(' ') == std::string::npos) continue;  // a surname alone: an alias, not a full name
        FullName n;
        for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p)
            if (*p < year.size() && year[*p] != 0) ++n.years[year[*p]];
        n.sex = given_sex ? given_sex(std::string_view(name).substr(0, name.find(' '))) : 0;
        const std::string sp(schema::kSpeakerSexPrefix);
        n.male_roles = db.get_termfreq(sp + "m" + name);
        n.female_roles = db.get_termfreq(sp + "f" + name);
        out.emplace(name, std::move(n));
    }
    return out;
}

std::string encode(const Table& t) {
    // One line a name: name TAB sex TAB male_roles TAB female_roles TAB year:count,...
    std::string out(kFormat);
    for (const auto& [name, n] : t) {
        out += name;
        out += '\t';
        out += n.sex ? n.sex : '-';
        out += '\t' + std::to_string(n.male_roles) + '\t' + std::to_string(n.female_roles) + '\t';
        bool first = true;
        for (const auto& [y, c] : n.years) {
            if (!first) out += ',';
            first = false;
            out += std::to_string(y) + ':' + std::to_string(c);
        }
        out += '\n';
    }
    return out;
}

Table decode(std::string_view bytes) {
    Table out;
    if (!bytes.starts_with(kFormat)) return out;
    bytes.remove_prefix(kFormat.size());
    auto number = [](std::string_view s, auto& v) {
        return !s.empty() && std::from_chars(s.data(), s.data() + s.size(), v).ec == std::errc();
    };
    while (!bytes.empty()) {
        const std::size_t nl = bytes.find('\n');
        if (nl == std::string_view::npos) return {};
        std::string_view line = bytes.substr(0, nl);
        bytes.remove_prefix(nl + 1);
        std::string_view f[5];
        for (int i = 0; i < 5; ++i) {
            const std::size_t tab = i < 4 ? line.find('\t') : line.size();
            if (tab == std::string_view::npos) return {};
            f[i] = line.substr(0, tab);
            line.remove_prefix(std::min(tab + 1, line.size()));
        }
        FullName n;
        if (f[0].empty() || f[1].size() != 1 || !number(f[2], n.male_roles) || !number(f[3], n.female_roles)) return {};
        n.sex = f[1][0] == 'm' || f[1][0] == 'f' ? f[1][0] : 0;
        for (std::string_view ys = f[4]; !ys.empty();) {
            const std::size_t comma = std::min(ys.find(','), ys.size());
            const std::string_view yc = ys.substr(0, comma);
            ys.remove_prefix(std::min(comma + 1, ys.size()));
            const std::size_t colon = yc.find(':');
            int y = 0;
            std::uint32_t c = 0;
            if (colon == std::string_view::npos || !number(yc.substr(0, colon), y) || !number(yc.substr(colon + 1), c))
                return {};
            n.years[y] += c;
        }
        out.emplace(std::string(f[0]), std::move(n));
    }
    return out;
}

void merge(Table& into, const Table& more) {
    for (const auto& [name, n] : more) {
        auto [it, fresh] = into.try_emplace(name, n);
        if (fresh) continue;
        FullName& m = it->second;
        if (!m.sex) m.sex = n.sex;
        m.male_roles += n.male_roles;
        m.female_roles += n.female_roles;
        for (const auto& [y, c] : n.years) m.years[y] += c;
    }
}

Table read(const std::vector<Xapian::Database>& shards) {
    Table t;
    for (const Xapian::Database& db : shards) merge(t, decode(db.get_metadata(schema::kMetaSpeakerNames)));
    return t;
}

void store(Xapian::WritableDatabase& db, const std::function<char(std::string_view)>& given_sex) {
    db.set_metadata(schema::kMetaSpeakerNames, encode(build(db, given_sex)));
}

std::optional<std::string> links_to(const Table& t, std::string_view word, char sex, int year) {
    if (year == 0 || word.empty() || word.find(' ') != std::string_view::npos) return std::nullopt;
    const Window w = window(with_surname(t, word), sex, year);
    if (!w.best || w.tie || w.best_n < kMinArticles || static_cast<double>(w.best_n) < kMinShare * static_cast<double>(w.all))
        return std::nullopt;
    return *w.best;
}

namespace {

/// The aliases of @p full_name (whose years are @p self), among @p names (the full names with
/// its last word): see aliases_of.
std::vector<Alias> aliases_among(const std::vector<std::pair<const std::string*, const FullName*>>& names,
                                 std::string_view full_name, const FullName& self) {
    std::vector<Alias> out;
    const std::string_view word = last_word(full_name);
    // The years where the alias may link: those around the years the full name speaks.
    std::set<int> years;
    for (const auto& [y, c] : self.years)
        for (int d = -1; d <= 1; ++d) years.insert(y + d);
    for (char sex : {char(0), 'm', 'f'}) {
        Alias a{std::string(word), sex, {}};
        for (int y : years) {
            const Window w = window(names, sex, y);
            if (w.best && *w.best == full_name && !w.tie && w.best_n >= kMinArticles &&
                static_cast<double>(w.best_n) >= kMinShare * static_cast<double>(w.all))
                a.years.push_back(y);
        }
        if (!a.years.empty()) out.push_back(std::move(a));
    }
    return out;
}

}  // namespace

std::vector<Alias> aliases_of(const Table& t, std::string_view full_name) {
    auto self = t.find(full_name);
    if (self == t.end()) return {};
    return aliases_among(with_surname(t, last_word(full_name)), full_name, self->second);
}

std::vector<Link> links_of_word(const Table& t, std::string_view word) {
    std::vector<Link> out;
    const auto names = with_surname(t, word);
    for (const auto& [name, n] : names)
        for (Alias& a : aliases_among(names, *name, *n)) out.push_back({*name, std::move(a)});
    return out;
}

std::map<std::string, std::vector<Link>, std::less<>> all_links(const Table& t) {
    std::map<std::string_view, std::vector<std::pair<const std::string*, const FullName*>>> by_word;
    for (const auto& [name, n] : t)
        if (const std::string_view w = last_word(name); w.size() < name.size()) by_word[w].emplace_back(&name, &n);
    std::map<std::string, std::vector<Link>, std::less<>> out;
    for (const auto& [word, names] : by_word)
        for (const auto& [name, n] : names)
            for (Alias& a : aliases_among(names, *name, *n)) out[std::string(word)].push_back({*name, std::move(a)});
    return out;
}

}  // namespace news::aliases
