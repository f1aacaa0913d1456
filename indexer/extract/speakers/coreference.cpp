/// @file
/// @brief Speaker pass 4, coreference (see coreference.h).
#include "indexer/extract/speakers/coreference.h"

#include "indexer/extract/speakers/lexicon.h"
#include "common/speaker_aliases.h"

#include <algorithm>
#include <map>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <cctype>
#include <optional>
#include <tuple>
#include <utility>

namespace news::extract::speakers {

NameIndex index_names(const std::vector<Word>& ws, RunSplitter& split, const std::set<std::string>& excluded) {
    NameIndex out;
    auto& [named, candidates, mentions, mention_surnames, places] = out;
    std::unordered_set<std::string> titled_names;
    for (std::size_t i = 0; i < ws.size();) {
        if (!ws[i].cap) { ++i; continue; }
        std::size_t e = run_end(ws, i);
        if (e <= i) { ++i; continue; }
        auto m = split(i, e);
        // (a title standing for its holder, "the Bishop of Durham", names no one)
        if (!m || excluded.count(m->name) || m->office) { i = e; continue; }
        const std::size_t words = std::count(m->name.begin(), m->name.end(), ' ') + 1;
        bool titled_run = false;
        for (std::size_t k = i; k < e; ++k) titled_run |= kTitles.count(ws[k].core) || kHonorifics.count(ws[k].core);
        // Other signs of a person: a role noun just before ("the arbitrator Harriet Lowe",
        // "chief executive, Hannah Leigh"), or an appositive or age just after
        // ("Manpreet Gill, an almond grower", "Maria Lastra, 45,").
        bool titled = titled_run;
        if (i > 0 && ws[i - 1].para == ws[i].para && !ws[i - 1].stop && kRoleNouns.count(ws[i - 1].core)) titled = true;
        if (e < ws.size() && ws[e - 1].comma && ws[e].para == ws[e - 1].para &&
            (ws[e].core == "a" || ws[e].core == "an" || ws[e].core == "who" ||
             (!ws[e].core.empty() && std::isdigit(static_cast<unsigned char>(ws[e].core[0])) && ws[e].core.size() <= 3)))
            titled = true;
        // (a state is no antecedent of "it": "The Security Council condemned North Korea's test as
        // what it called ...")
        if (m->kind == "organization" && words >= 2 && !state_name(m->name)) named.push_back({i, m->name, m->kind});
        else if (m->kind == "person" && titled && words >= 2 && words <= 5) named.push_back({i, m->name, m->kind});
        if (m->kind == "person" && words >= 2 && words <= 4) candidates.push_back({i, m->name, m->kind});
        if (m->kind == "person") {
            bool object = i > 0 && ws[i - 1].para == ws[i].para && !ws[i - 1].stop && kObjectLeads.count(ws[i - 1].core);
            // ... through one modifier: "in upstate Portville", "from rural Lake County"
            object |= i > 1 && !ws[i - 1].cap && !ws[i - 1].comma && !ws[i - 1].stop && !ws[i - 2].comma &&
                      !ws[i - 2].stop && ws[i - 2].para == ws[i].para && kPlaceModifierPreps.count(ws[i - 2].core) &&
                      !kRoleNouns.count(ws[i - 1].core) && !kDeterminers.count(ws[i - 1].core) &&
                      !ws[i - 1].core.ends_with("s");
            // "the Islamic State", "The White House": a thing, not a person.
            object |= ws[i].core == "The" || (i > 0 && ws[i - 1].core == "the" && ws[i - 1].para == ws[i].para);
            bool known = mention_surnames.count(m->name) > 0;  // "Ham" after "Norman Ham"
            if (i > 0 && kInWords.count(ws[i - 1].core) && ws[i - 1].para == ws[i].para && !ws[i - 1].stop &&
                !ws[e - 1].poss && !titled_run)
                places.insert(m->name);
            // (a title, or a role noun right before: a person)
            if (titled_run || (i > 0 && ws[i - 1].para == ws[i].para && !ws[i - 1].stop && kRoleNouns.count(ws[i - 1].core)))
                titled_names.insert(m->name);
            if (!object && (words >= 2 || titled_run || known)) {
                mentions.push_back({i, m->name, m->kind});
                mention_surnames.insert(std::string(last_word(m->name)));
            }
        }
        i = e;
    }
    for (const std::string& t : titled_names) places.erase(t);
    return out;
}

void drop_places(NameIndex& names, const std::vector<Event>& events) {
    for (const Event& ev : events)
        if (ev.who.named && !ev.who.pronoun && ev.who.name.find(' ') != std::string::npos) names.places.erase(ev.who.name);
    std::erase_if(names.mentions, [&](const Named& n) { return names.places.count(n.name) > 0; });
}

SexMap read_sexes(const std::vector<Word>& ws, const std::vector<Named>& mentions) {
    SexMap sex;
    for (std::size_t i = 0; i + 1 < ws.size(); ++i) {
        if ((kMaleHonorifics.count(ws[i].core) || kFemaleHonorifics.count(ws[i].core)) && ws[i + 1].cap)
            sex.emplace(ws[i + 1].core, kMaleHonorifics.count(ws[i].core) ? 'm' : 'f');
    }
    // ... or a given name of one sex ("Ida Brandt": not the "he" of "Ida Brandt left. “...,” he
    // said"), unless the surname is given to both (Bill and Hillary Clinton).
    SexMap given;
    for (const Named& n : mentions) {
        const std::size_t sp = n.name.find(' ');
        if (sp == std::string::npos) continue;
        const std::string_view first(n.name.data(), sp);
        const char s = kMaleGivenNames.count(first) ? 'm' : kFemaleGivenNames.count(first) ? 'f' : 0;
        if (!s) continue;
        auto [it, added] = given.emplace(last_word(n.name), s);
        if (!added && it->second != s) it->second = '?';
    }
    for (const auto& [surname, s] : given)
        if (s != '?') sex.emplace(surname, s);

    // ... or a gendered noun in the appositive after the name or just before it ("Keith Scott,
    // a 43-year-old black man,", "spokeswoman Ann Lee").
    for (const Named& n : mentions) {
        std::size_t e = n.word;
        while (e < ws.size() && ws[e].cap && !ws[e].comma && e < n.word + 6) ++e;
        auto mark = [&](const std::string& w) {
            if (kMaleNouns.count(w)) sex.emplace(last_word(n.name), 'm');
            else if (kFemaleNouns.count(w)) sex.emplace(last_word(n.name), 'f');
        };
        if (n.word > 0 && ws[n.word - 1].para == ws[n.word].para && !ws[n.word - 1].stop) mark(ws[n.word - 1].core);
        if (e < ws.size() && ws[e].comma && ws[e].cap)
            for (std::size_t k = e + 1; k < ws.size() && k < e + 9 && ws[k].para == ws[e].para; ++k) {
                mark(ws[k].core);
                if (ws[k].comma || ws[k].stop) break;
            }
    }
    std::unordered_set<std::size_t> mention_at;  // words where a person mention starts
    for (const Named& n : mentions) mention_at.insert(n.word);
    for (const Named& n : mentions) {
        // (a sentence it opens, or opens after a subordinator: "When Joy Rainey started racing she was")
        auto opens_at = [&](std::size_t w) { return w == 0 || ws[w - 1].stop || ws[w - 1].para != ws[w].para; };
        if (!opens_at(n.word) && !(n.word > 0 && kOpeningSubordinators.count(ws[n.word - 1].core) && opens_at(n.word - 1)))
            continue;
        for (std::size_t k = n.word + 1; k < ws.size() && k < n.word + 25 && ws[k].para == ws[n.word].para; ++k) {
            const std::string& w = ws[k].core;
            // (nor after another person named in between: "Ann Lee met Tom Okafor after he ...")
            if (mention_at.count(k)) break;
            // (not "him" or "her", more often someone else: "McCaskill scolded him"; nor an
            // attribution inside the sentence: "South Carolina, he said, was ...")
            if ((w == "he" || w == "she") && k + 1 < ws.size() && kCues.count(ws[k + 1].core)) break;
            if (w == "he" || w == "his") { sex.emplace(last_word(n.name), 'm'); break; }
            if (w == "she") { sex.emplace(last_word(n.name), 'f'); break; }
            if (w == "him" || w == "her") break;
            if (ws[k].stop) break;
        }
    }
    static const bool trace = std::getenv("NEWS_SPEAKER_TRACE") != nullptr;  // (a developer's aid)
    if (trace) {
        for (const Named& n : mentions) std::fprintf(stderr, "mention %zu %s\n", n.word, n.name.c_str());
        for (const auto& [k, v] : sex) std::fprintf(stderr, "sex %s %c\n", k.c_str(), v);
    }
    return sex;
}

bool agrees(const SexMap& sex, const std::string& name, const std::string& pronoun) {
    bool he = pronoun == "he" || pronoun == "He", she = pronoun == "she" || pronoun == "She";
    // A full name whose given name is of one sex ("Roy Verley" is no "she"), wherever it stands
    // (and whatever the surname says: "Carly Fiorina" is "she" beside "her husband, Frank Fiorina").
    if (const std::size_t sp = name.find(' '); sp != std::string::npos) {
        const std::string_view first(name.data(), sp);
        if (kMaleGivenNames.count(first)) return !she;
        if (kFemaleGivenNames.count(first)) return !he;
    }
    auto it = sex.find(last_word(name));
    if (it == sex.end()) return true;
    return !((he && it->second == 'f') || (she && it->second == 'm'));
}

Mention Resolver::resolve(std::size_t at_word, Mention m) {
    const std::vector<Named>& named = names_.named;
    const std::vector<Named>& candidates = names_.candidates;
    std::vector<std::string>& full_names = full_names_;
    std::vector<std::string>& event_names = event_names_;
    if (m.kind != "person") return m;
    for (const auto* list : {&named, &candidates})
        for (const Named& n : *list)
            if (n.word <= at_word && n.kind == "person" && n.name.find(' ') != std::string::npos &&
                std::find(full_names.begin(), full_names.end(), n.name) == full_names.end())
                full_names.push_back(n.name);
    if (m.name.find(' ') == std::string::npos) {
        // A surname (or, for names written family name first, any name word).
        // Of two people with that surname ("Carly Fiorina" and, later, "her husband, Frank
        // Fiorina"), the bare surname is the one the article is about: the one whose full
        // name it writes most often, and of equals the one introduced first (a relative or
        // namesake introduced later is then called by a first name or in full).
        // An honorific or a role of one sex ("Mrs. Obama") passes over the full names whose
        // given name is of the other (Michelle, not Barack, when both are named).
        const std::string surname = m.name;
        const char sex = aliases::role_sex(m.role);
        bool found = false;
        std::size_t best_count = 0, best_first = 0;
        for (const std::string& full : full_names) {
            if (last_word(full) != surname) continue;
            if (sex) {
                std::string given = full.substr(0, full.find(' '));
                for (char& ch : given) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
                if (const char other = given_name_sex(given); other && other != sex) continue;
            }
            std::set<std::size_t> at;  // (a titled name is in both lists)
            for (const auto* list : {&named, &candidates})
                for (const Named& n : *list)
                    if (n.name == full) at.insert(n.word);
            std::size_t count = at.size(), first = at.empty() ? SIZE_MAX : *at.begin();
            if (!found || count > best_count || (count == best_count && first < best_first))
                m.name = full, best_count = count, best_first = first, found = true;
        }
        // Family name first ("Yu" for "Yu Haibin"): only a name already quoted or cited.
        for (auto it = event_names.rbegin(); it != event_names.rend() && !found; ++it)
            if (it->starts_with(surname + " ") || it->find(" " + surname + " ") != std::string::npos)
                m.name = *it, found = true;
    } else if (std::find(full_names.begin(), full_names.end(), m.name) == full_names.end()) {
        // "Rival Hillary Clinton": a capitalised word in front of a name met elsewhere.
        std::size_t sp = m.name.find(' ');
        std::string shorter = m.name.substr(sp + 1);
        if (shorter.find(' ') != std::string::npos &&
            std::find(full_names.begin(), full_names.end(), shorter) != full_names.end())
            m.name = shorter;
        else
            full_names.push_back(m.name);
    }
    if (m.name.find(' ') != std::string::npos) event_names.push_back(m.name);
    return m;
}

namespace {

/// Resolves the events one after the other, remembering the last person named: the
/// antecedent of the next "he" or "she". (The members are named as the passes name them.)
class EventResolver {
public:
    explicit EventResolver(Analysis& an)
        : ws(an.doc.words), text(an.doc.text), events(an.events), named(an.names.named),
          candidates(an.names.candidates), mentions(an.names.mentions), mention_surnames(an.names.mention_surnames),
          places(an.names.places), sex(an.sex), excluded(an.excluded), split(an.split), resolver(an.resolver) {}

    void run() {
        for (Event& ev : events) ev.by_pronoun = ev.who.pronoun && ev.who.kind == "person";
        for (Event& ev : events) resolve_event(ev);
    }

private:
    const std::vector<Word>& ws;
    std::string_view text;
    std::vector<Event>& events;
    const std::vector<Named>& named;
    const std::vector<Named>& candidates;
    const std::vector<Named>& mentions;
    const std::unordered_set<std::string>& mention_surnames;
    const std::unordered_set<std::string>& places;
    const SexMap& sex;
    const std::set<std::string>& excluded;
    RunSplitter& split;
    Resolver& resolver;
    std::optional<Mention> last_named;
    std::size_t last_named_at = 0;  // the word where last_named was named

    Mention resolve(std::size_t at_word, Mention m) { return resolver.resolve(at_word, std::move(m)); }
    bool agrees(const std::string& name, const std::string& pronoun) const {
        return speakers::agrees(sex, name, pronoun);
    }

    void resolve_event(Event& ev) {
        if (ev.who.pronoun && ev.who.kind == "organization") return resolve_it(ev);
        if (ev.who.pronoun && (ev.who.name == "he" || ev.who.name == "she" || ev.who.name == "He" || ev.who.name == "She"))
            if (opening_clause_subject(ev)) return;
        if (ev.who.pronoun) return resolve_pronoun(ev);
        if (!ev.who.named) return resolve_noun_phrase(ev);
        resolve_name(ev);
    }

    /// "it": the last organisation or document that was a source, or the last organisation named.
    void resolve_it(Event& ev) {
        std::optional<Mention> org;
        std::size_t at = 0;
        for (const Event& prior : events) {
            if (prior.cue >= ev.cue) break;
            if (!prior.who.pronoun && (prior.who.kind == "organization" || prior.who.kind == "document") &&
                !prior.who.name.empty())
                org = prior.who, at = prior.cue;
        }
        for (const Named& n : named)
            if (n.kind == "organization" && n.word < ev.cue && (!org || n.word > at))
                org = Mention{n.name, "", "organization", false, true}, at = n.word;
        if (org) ev.who = *org;
        else ev.who.name.clear();
    }

    /// "Though she called the fee “unfair,” Ida Brandt restricted her comments": a pronoun in
    /// an opening clause stands for the subject of the main clause after it.
    bool opening_clause_subject(Event& ev) {
        std::size_t pi = ev.cue;
        while (pi > 0 && pi + 4 > ev.cue && !kPronouns.count(ws[pi - 1].core)) --pi;
        if (pi >= 2 && kPronouns.count(ws[pi - 1].core) && kOpeningSubordinators.count(ws[pi - 2].core) &&
            (pi == 2 || ws[pi - 3].stop || ws[pi - 3].para != ws[pi - 2].para)) {
            // (the clause ends at a comma, or at a quote closing on one: “... sailors,” Ida Brandt)
            auto clause_end = [&](std::size_t k) {
                if (ws[k].comma) return true;
                if (!ws[k].before_quote || k + 1 >= ws.size() || !ws[k + 1].after_quote) return false;
                std::string_view gap = text.substr(ws[k].e, ws[k + 1].b - ws[k].e);
                return gap.find(",\xE2\x80\x9D") != std::string_view::npos || gap.find(",\"") != std::string_view::npos;
            };
            std::size_t k = ev.cue;
            while (k < ws.size() && k < ev.cue + 30 && !clause_end(k) && !ws[k].stop && ws[k].para == ws[pi].para) ++k;
            if (k + 2 < ws.size() && clause_end(k) && !ws[k].stop && ws[k + 1].cap && ws[k + 1].para == ws[pi].para) {
                std::size_t e = run_end(ws, k + 1);
                auto sm = e < ws.size() && !ws[e - 1].comma && !ws[e - 1].poss && !ws[e].cap ? split(k + 1, e)
                                                                                         : std::nullopt;
                if (sm && sm->kind == "person" && agrees(sm->name, ev.who.name) && !excluded.count(sm->name)) {
                    Mention m = resolve(k + 1, *sm);
                    ev.who = m;
                    ev.who.role.clear();
                    last_named = m;
                    last_named_at = k + 1;
                    return true;
                }
            }
        }
        return false;
    }

    /// "he", "she": the last person named, or the one that took over since.
    void resolve_pronoun(Event& ev) {
        if (!last_named) {
            if (!first_antecedent(ev)) return;
        } else {
            if (described_subject(ev)) return;
            next_antecedent(ev);
        }
        ev.who = *last_named;
        ev.who.role.clear();
    }

    /// Since the last person named, a sentence opens on someone described, not named, of the
    /// pronoun's sex, and no one named opens a sentence after it: the pronoun stands for that
    /// description ("A 29-year-old Berlin woman received probation after she had posted
    /// comments. “Filth out!” she wrote"). True when ev is settled so.
    bool described_subject(Event& ev) {
        const bool she = ev.who.name == "she" || ev.who.name == "She";
        const bool he = ev.who.name == "he" || ev.who.name == "He";
        if (!she && !he) return false;
        const WordList& nouns = she ? kFemaleNouns : kMaleNouns;
        std::optional<Mention> found;
        std::size_t found_at = 0;
        for (std::size_t k = last_named_at + 1; k < ev.cue && k < ws.size(); ++k) {
            if (!begins_sentence(k)) continue;
            // someone named opening a sentence since takes over again
            if (ws[k].cap && std::any_of(mentions.begin(), mentions.end(), [&](const Named& n) { return n.word == k; })) {
                found.reset();
                continue;
            }
            if (ws[k].core != "A" && ws[k].core != "An") continue;
            for (std::size_t j = k + 1; j < ev.cue && j < k + 6; ++j) {
                if (!nouns.count(ws[j].core)) {
                    if (ws[j].comma || ws[j].stop || ws[j].before_quote) break;
                    continue;
                }
                std::string np(text.substr(ws[k].b, ws[j].e - ws[k].b));
                while (!np.empty() && (np.back() == ',' || np.back() == '.')) np.pop_back();
                np[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(np[0])));
                found = Mention{np, "", "person", false, false};
                found_at = j;
                break;
            }
        }
        if (!found) return false;
        // (nor anyone named after it: "A spokesman later said Mr Galloway had friends ... and
        // that he was “...”")
        for (const Named& n : mentions)
            if (n.word > found_at && n.word < ev.cue) return false;
        ev.who = *found;
        return true;
    }

    /// Nobody quoted yet: the pronoun stands for the last person named before it ("Gen. Norman
    /// Ham is speaking out ... “...,” he said"). False when none fits (ev is then settled).
    bool first_antecedent(Event& ev) {
        // Nobody quoted yet: the pronoun stands for the last person named before it
        // ("Gen. Norman Ham is speaking out ... “...,” he said").
        // The person mentioned most often so far, not counting objects of a preposition
        // ("under President Barack Obama"); a tie goes to the latest.
        // surname -> (mentions, mentions as the owner of a thing, last word): an owner counts only
        // among equals ("Germaine Greer has criticised Celebrity Big Brother's “bullying” ...
        // She said"), unless it opens its sentence ("Bill Clinton's hair was whiter").
        std::map<std::string, std::tuple<int, int, std::size_t>> count;
        for (const Named& n : mentions) {
            if (n.word >= ev.cue) break;
            if (!agrees(n.name, ev.who.name)) continue;  // "she" is not Keith Scott
            if (subject_of_quoted_words(n, ev)) continue;
            auto& [k, owned, at] = count[std::string(last_word(n.name))];
            if (owner(n) && !begins_sentence(n.word)) ++owned;
            else ++k;
            at = n.word;
        }
        // "The Scot initially defended Beattie": a nationality opening a sentence describes the
        // person the sentence before opened on ("Everton manager David Moyes will discipline ...").
        for (std::size_t k = 1; k + 2 < ev.cue; ++k) {
            if (ws[k].core != "The" || !begins_sentence(k) || !kNationalNouns.count(ws[k + 1].core) || ws[k + 2].cap) continue;
            std::size_t p = k - 1;  // the sentence before
            while (p > 0 && !begins_sentence(p)) --p;
            for (const Named& n : mentions)
                if (n.word >= p && n.word < p + 4 && n.word < k && agrees(n.name, ev.who.name) && !owner(n)) {
                    auto& [kk, owned, at] = count[std::string(last_word(n.name))];
                    kk += 2, at = std::max(at, k);
                    break;
                }
        }
        std::string best;
        std::tuple<int, int, std::size_t> best_score{0, 0, 0};
        for (const auto& [surname, score] : count)
            if (score > best_score) best_score = score, best = surname;
        if (best.empty()) {
            described_by_noun(ev);
            return false;
        }
        Mention m{best, "", "person", false, true};
        for (const Named& n : mentions)
            if (n.word < ev.cue && last_word(n.name) == best && n.name.size() > m.name.size()) m.name = n.name;
        last_named = m;
        return true;
    }

    /// No named person fits: a person described by a noun of the pronoun's sex ("The wife of a
    /// man shot by police recorded ... “...,” she says") is the source, unnamed.
    void described_by_noun(Event& ev) {
        const bool she = ev.who.name == "she" || ev.who.name == "She";
        const WordList& nouns = she ? kFemaleNouns : kMaleNouns;
        ev.who.name.clear();
        for (std::size_t k = ev.cue; k-- > 0 && k + 300 > ev.cue;) {
            if (!nouns.count(ws[k].core) || k == 0) continue;
            // (the writer's own: "my father", "My mother")
            auto det = [&](const std::string& w) {
                return kDeterminers.count(w) || w == "my" || w == "My" || w == "your" || w == "Your";
            };
            std::size_t d0 = k - 1;
            if (!ws[d0].cap && !det(ws[d0].core) && !ws[d0].poss && d0 > 0) --d0;
            if (det(ws[d0].core) || ws[d0].poss) {
                std::string np = std::string(text.substr(ws[d0].b, ws[k].e - ws[d0].b));
                while (!np.empty() && (np.back() == ',' || np.back() == '.')) np.pop_back();
                if (det(ws[d0].core))
                    np[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(np[0])));
                ev.who = Mention{np, "", "person", false, false};
            }
            break;
        }
    }

    /// Word @p k begins a sentence: the first word, after a full stop, in a new paragraph, or
    /// after a quotation that ends its sentence (“... they have portability.” Cory Doctorow).
    bool begins_sentence(std::size_t k) const {
        if (k == 0 || ws[k - 1].stop || ws[k - 1].para != ws[k].para) return true;
        return opens_after_closing_quote(text, ws, k);
    }

    /// @p surname is the person the cue is addressed to ("“...,” he told Rubio"): not who "he" is.
    bool object_of_cue(const Event& ev, std::string_view surname) const {
        const std::size_t o = ev.cue + 1;
        if (o >= ws.size() || !ws[o].cap || ws[o].para != ws[ev.cue].para) return false;
        std::size_t e = o;
        while (e < ws.size() && ws[e].cap && e < o + 4) {
            if (ws[e].core == surname) return true;
            if (ws[e].comma || ws[e].stop) break;
            ++e;
        }
        return false;
    }

    /// The mention opens the pronoun's own sentence and a quotation comes between them: it is
    /// the subject of the words quoted, not the one quoting them ("Mr Sullivan “made accounting
    /// decisions,” he told the court" is Mr Ebbers speaking of Sullivan).
    bool subject_of_quoted_words(const Named& n, const Event& ev) const {
        if (n.word >= ev.cue || ws[n.word].para != ws[ev.cue].para || stops_between(n.word, ev.cue, 0) > 0) return false;
        // (the quotation right after the name, the pronoun's cue right after the quotation)
        const std::size_t last = n.word + static_cast<std::size_t>(std::count(n.name.begin(), n.name.end(), ' '));
        for (std::size_t k = last; k < ev.cue && k <= last + 1; ++k)
            if (ws[k].before_quote) {
                std::size_t after = k + 1;
                while (after < ev.cue && !ws[after].after_quote) ++after;
                return after < ev.cue && ev.cue <= after + 2;
            }
        return false;
    }

    /// The mention is a name set off after a short description opening its sentence, the
    /// sentence's subject: "Kazakhstan's foreign minister, Erlan Idrissov, plays down concerns."
    bool appositive_subject(const Named& n) const {
        const std::size_t last = n.word + static_cast<std::size_t>(std::count(n.name.begin(), n.name.end(), ' '));
        if (n.word < 2 || last >= ws.size() || !ws[n.word - 1].comma || !ws[last].comma) return false;
        std::size_t s = n.word - 1;
        while (s > 0 && !ws[s - 1].stop && ws[s - 1].para == ws[n.word].para && s + 6 > n.word) --s;
        if (!(s == 0 || ws[s - 1].stop || ws[s - 1].para != ws[n.word].para)) return false;
        for (std::size_t k = s; k + 1 < n.word; ++k)
            if (ws[k].comma || ws[k].before_quote || kCues.count(ws[k].core) || kPronouns.count(ws[k].core)) return false;
        return true;
    }

    /// The sentence the mention opens reports what someone else said of it: "Mr Blair has
    /// failed, he claimed" (the pronoun's own sentence), "Mr Brown liked to rattle off figures,
    /// the Tory leader said" (another source's).
    bool reported_about(const Named& n, const Event& ev) const {
        // (a sentence may end inside a quotation: “...wrong.” He said)
        auto same_sentence = [&](std::size_t a, std::size_t b) {
            for (std::size_t k = a + 1; k <= b && k < ws.size(); ++k)
                if (begins_sentence(k)) return false;
            return true;
        };
        // (the pronoun's attribution set off by a comma: "Mr Blair has failed to tackle these
        // problems, he claimed"; not "Reagan was known for what he called ...")
        const std::size_t pw = ev.cue > 0 && kPronouns.count(ws[ev.cue - 1].core) ? ev.cue - 1 : ev.cue;
        if (n.word < ev.cue && pw > 0 && ws[pw - 1].comma && same_sentence(n.word, ev.cue)) return true;
        // (the other source set off by a comma after the clause: not the appositive's own cue,
        // "The Podesta Group's CEO, Kimberley Fritts, said")
        std::size_t last = n.word;
        while (last + 1 < ws.size() && last < n.word + 6 && ws[last].core != last_word(n.name)) ++last;
        for (const Event& other : events) {
            if (other.cue <= last) continue;
            if (other.cue >= ev.cue || !same_sentence(n.word, other.cue)) break;
            bool comma = false;
            for (std::size_t k = last + 1; k < other.cue; ++k) comma |= ws[k].comma;
            // (a pronoun only when set off by a comma: "Mr Blane has failed, he claimed"; not "the
            // economy that he says is rigged")
            const bool set_off = !other.by_pronoun || (other.cue >= 2 && ws[other.cue - 2].comma);
            if (comma && set_off && !other.who.name.empty() && last_word(other.who.name) != last_word(n.name))
                return true;
        }
        return false;
    }

    /// The mention's run opens on honorifics alone before the name ("Mr Gref, a well-known
    /// opponent of ..., was keen"), not on other titles or words ("Green MEP Caroline Lucas").
    bool honorific_led(const Named& n) const {
        const std::string first = n.name.substr(0, n.name.find(' '));
        std::size_t k = n.word;
        while (k < ws.size() && k < n.word + 2 && kHonorifics.count(ws[k].core)) ++k;
        return k > n.word && k < ws.size() && ws[k].core == first;
    }

    /// The mention is the owner of something ("Ruiz's plan was ..."): no subject.
    bool owner(const Named& n) const {
        // (the name's last word, past a title or honorific before it: "Mr Blair's government")
        std::size_t last = n.word + static_cast<std::size_t>(std::count(n.name.begin(), n.name.end(), ' '));
        const std::string_view surname = last_word(n.name);
        for (std::size_t k = last; k < ws.size() && k < last + 4 && ws[k].cap; ++k)
            if (ws[k].core == surname) {
                last = k;
                break;
            }
        if (last >= ws.size()) return true;
        if (!ws[last].poss) return false;
        // ("Christie's been making the case": 's for has or is, before a verb, owns nothing)
        if (last + 1 < ws.size() && ws[last + 1].para == ws[last].para && !ws[last + 1].cap) {
            const std::string& next = ws[last + 1].core;
            if (kAfterContraction.count(next) || (next.size() > 4 && next.ends_with("ing"))) return false;
        }
        return true;
    }

    /// The person of known sex named last before the cue of @p ev whom its pronoun can stand
    /// for (a given name or an honorific says so), not the object of the cue; nullptr if none.
    const Named* latest_of_sex(const Event& ev) const {
        const Named* out = nullptr;
        for (const Named& n : mentions) {
            if (n.word >= ev.cue) break;
            const std::string surname(last_word(n.name));
            if (n.word > last_named_at && sex_known(n.name) && agrees(n.name, ev.who.name) && !owner(n) &&
                !object_of_cue(ev, surname))
                out = &n;
        }
        return out;
    }

    /// The sex of @p name is known for this person: by a given name of one sex, or by the
    /// surname's sex when no other full name of the article carries that surname (the map is
    /// by surname: "Tom Ebeling" says nothing of "Betsy Ebeling").
    bool sex_known(const std::string& name) const {
        if (given_name_sex_of(name)) return true;
        const std::string surname(last_word(name));
        if (!sex.count(surname)) return false;
        if (name.find(' ') == std::string::npos) return true;
        for (const auto* list : {&named, &candidates})
            for (const Named& f : *list)
                if (f.kind == "person" && f.name != name && f.name.find(' ') != std::string::npos &&
                    last_word(f.name) == surname)
                    return false;
        return true;
    }

    /// 'm' or 'f' for a full name whose given name is of one sex, else 0.
    static char given_name_sex_of(const std::string& name) {
        const std::size_t sp = name.find(' ');
        return sp == std::string::npos ? 0 : given_name_sex(std::string_view(name).substr(0, sp));
    }

    /// A pronoun after someone was quoted: a person opening a sentence since then may take over.
    void next_antecedent(const Event& ev) {
        // A person opening a sentence after the last speaker was named takes over:
        // "Ann Lee said X. ¶ Jane Ruiz made it clear ... ¶ “...,” she said."
        const Named* later = nullptr;
        // The mentions, and a bare surname of a person mentioned before opening a sentence
        // since then ("Sen. Ruth Calloway ... ¶ Calloway, campaigning in Columbus, repeated a
        // line. “...,” she told a crowd"), in the order of the text. (A bare surname only in
        // the sentence right before the pronoun's: one recurs all through an article.)
        std::vector<Named> subjects;
        for (const Named& n : mentions) {
            if (n.word >= ev.cue) break;
            subjects.push_back(n);
        }
        // (and only a surname one person carries here: "Clinton" may be Bill or Hillary)
        auto one_person_named = [&](const std::string& w) {
            std::string first;
            for (const auto* list : {&named, &candidates})
                for (const Named& n : *list)
                    if (n.kind == "person" && n.name.find(' ') != std::string::npos && last_word(n.name) == w) {
                        if (first.empty()) first = n.name;
                        else if (n.name != first) return false;
                    }
            return !first.empty();
        };
        auto person_surname = [&](const std::string& w) {
            for (const auto* list : {&named, &candidates})
                for (const Named& n : *list)
                    if (n.kind == "person" && n.name.find(' ') != std::string::npos && last_word(n.name) == w) return true;
            return false;
        };
        for (std::size_t k = last_named_at + 1; k < ev.cue && k < ws.size(); ++k)
            if (ws[k].cap && !ws[k].poss && begins_sentence(k) && person_surname(ws[k].core) &&
                (k + 1 >= ws.size() || !ws[k + 1].cap || ws[k].comma) &&
                std::none_of(mentions.begin(), mentions.end(), [&](const Named& n) { return n.word == k; }))
                subjects.push_back(Named{k, ws[k].core, "surname"});
        std::stable_sort(subjects.begin(), subjects.end(), [](const Named& a, const Named& b) { return a.word < b.word; });
        for (const Named& n : subjects) {
            // The subject of a sentence: its name opens it (not "If Clinton is elected", not after
            // "Regarding"), owning nothing ("Ruiz's plan was ..."), not in parentheses.
            const bool opens = (begins_sentence(n.word) || appositive_subject(n)) &&
                               !(kStops.count(ws[n.word].core) && !kNationality.count(ws[n.word].core) &&
                                 !kTitles.count(ws[n.word].core)) &&
                               (n.name.starts_with(ws[n.word].core) || honorific_led(n)) && !owner(n) &&
                               text[ws[n.word].b] != '(';
            // Of unknown sex, only the subject of the sentence right before the pronoun's ("Cory
            // Doctorow ... expressed doubts. “...,” he said"; not "Portville Harbor, he said, was").
            // (The words in between are counted last, and only up to a second full stop: a
            // long article has many mentions before each pronoun.)
            auto one_stop_between = [&] {
                std::size_t stops = 0;
                for (std::size_t k = n.word; k < ev.cue && stops < 2; ++k) stops += ws[k].stop;
                return stops == 1;
            };
            if (n.word > last_named_at && opens && last_word(n.name) != last_word(last_named->name) &&
                !object_of_cue(ev, last_word(n.name)) && !subject_of_quoted_words(n, ev) && !reported_about(n, ev) &&
                agrees(n.name, ev.who.name) &&
                (n.kind != "surname" || one_person_named(n.name)) &&
                ((sex.count(last_word(n.name)) > 0 && n.kind != "surname") || one_stop_between()))
                later = &n;
            // The one the pronoun stood for, opening a sentence again after another took over,
            // is the subject again ("Woodward told ... Brennan is highly rated ... Woodward is
            // ensuring ... “...,” he told the newspaper").
            else if (later && n.word > later->word && opens && last_word(n.name) == last_word(last_named->name) &&
                     one_stop_between())
                later = nullptr;
        }
        // The named person @p n becomes the one the pronoun stands for.
        auto adopt = [&](const Named& n) {
            last_named = resolve(n.word, Mention{n.name, "", "person", false, true});
            last_named_at = n.word;
        };
        if (later) {
            adopt(*later);
        } else if (!agrees(last_named->name, ev.who.name)) {
            // "she" after a man was quoted: the last speaker or person who can be "she".
            std::optional<Mention> other;
            for (const Event& prior : events) {
                if (prior.cue >= ev.cue) break;
                if (!prior.who.pronoun && prior.who.named && prior.who.kind == "person" &&
                    !prior.who.name.empty() && sex.count(last_word(prior.who.name)) &&
                    agrees(prior.who.name, ev.who.name))
                    other = prior.who;
            }
            // ... or a surname two people carry, opening a sentence since: the one of them the
            // pronoun can be ("Carly Fiorina ... her husband, Frank Fiorina ... Fiorina declined.
            // “...,” she said").
            const Named* shared = nullptr;
            std::string shared_full;
            for (const Named& n : subjects) {
                if (n.name.find(' ') != std::string::npos || n.word <= last_named_at || !begins_sentence(n.word) ||
                    one_person_named(n.name))
                    continue;
                std::string fits;
                for (const auto* list : {&named, &candidates})
                    for (const Named& f : *list)
                        if (f.kind == "person" && f.name.find(' ') != std::string::npos && last_word(f.name) == n.name &&
                            agrees(f.name, ev.who.name) && !agrees(f.name, ev.who.name == "he" || ev.who.name == "He" ? "she" : "he"))
                            fits = fits.empty() || fits == f.name ? f.name : "?";
                if (!fits.empty() && fits != "?") shared = &n, shared_full = fits;
            }
            if (other) {
                last_named = *other;
            } else if (shared) {
                last_named = Mention{shared_full, "", "person", false, true};
                last_named_at = shared->word;
            } else {
                // Nobody of known sex fits: the last person named before the pronoun whom
                // it can stand for, rather than one it cannot ("Officer Ann Lee ... she ...
                // Tom Ruiz has also spoken. ... “...,” he said" is not Ann Lee).
                const Named* fit = nullptr;
                for (const Named& n : mentions) {
                    if (n.word >= ev.cue) break;
                    const bool opens = (n.word == 0 || ws[n.word - 1].stop || ws[n.word - 1].para != ws[n.word].para) &&
                                       n.name.starts_with(ws[n.word].core) && !owner(n);
                    if (n.word > last_named_at && opens && n.name.find(' ') == std::string::npos &&
                        last_word(n.name) != last_word(last_named->name) && agrees(n.name, ev.who.name))
                        fit = &n;
                }
                if (fit) {
                    adopt(*fit);
                } else if (const Named* known = sex_known(last_named->name) ? latest_of_sex(ev) : nullptr) {
                    // ... else the last person named whose given name or honorific says the
                    // pronoun can be them ("Green MEP Caroline Lucas welcomed ... But she
                    // added:" after Charles Kennedy was quoted; "For Richard Tateson, who ...,
                    // “...,” he said" after Jemima Rellie, "Ms Rellie").
                    adopt(*known);
                }
            }
        }
    }

    /// Full stops between words @p from and @p to (from <= to), counted up to @p most + 1.
    std::size_t stops_between(std::size_t from, std::size_t to, std::size_t most) const {
        std::size_t n = 0;
        for (std::size_t k = from; k < to && n <= most; ++k) n += ws[k].stop;
        return n;
    }

    /// The person a definite description stands for, when the article makes it plain:
    /// "the governor" for the one person it titles governor ("Gov. Mike Pence", "Indiana
    /// governor Mike Pence"), "the 34-year-old" for the one person of that age ("Ann Lee, 34,")
    /// or else the person opening the sentence before, in the same paragraph ("Agassi was
    /// serving ... “...,” said the 34-year-old").
    std::optional<Mention> described_person(const Event& ev, const std::string& head) const {
        static const std::map<std::string, std::vector<std::string>> kRoleTitles = {
            {"governor", {"Gov", "Governor", "governor"}},
            {"senator", {"Sen", "Senator", "senator"}},
            {"congressman", {"Rep", "Representative", "Congressman", "congressman"}},
            {"congresswoman", {"Rep", "Representative", "Congresswoman", "congresswoman"}},
            {"mayor", {"Mayor", "mayor"}},
            {"chancellor", {"Chancellor", "chancellor"}},
            {"judge", {"Judge", "judge"}},
            {"sheriff", {"Sheriff", "sheriff"}},
            {"coach", {"Coach", "coach"}},
            {"premier", {"Premier", "premier"}},
        };
        const bool age = head.size() > 9 && head.ends_with("-year-old") && std::isdigit(static_cast<unsigned char>(head[0]));
        const auto titles = kRoleTitles.find(head);
        if (!age && titles == kRoleTitles.end()) return std::nullopt;
        std::vector<std::string> fits;  // distinct full names
        auto add = [&](const std::string& name) {
            if (std::find(fits.begin(), fits.end(), name) == fits.end()) fits.push_back(name);
        };
        const std::string years = age ? head.substr(0, head.find('-')) : std::string();
        for (const auto* list : {&named, &candidates})
            for (const Named& n : *list) {
                if (n.kind != "person" || n.name.find(' ') == std::string::npos || n.word >= ev.cue) continue;
                const std::size_t first = n.word;
                std::size_t last = first;  // the name's last word
                while (last + 1 < ws.size() && last < first + 8 && ws[last].core != last_word(n.name)) ++last;
                if (age) {
                    // "Ann Lee, 34," / "34-year-old Ann Lee"
                    if ((ws[last].comma && last + 1 < ws.size() && ws[last + 1].core == years) ||
                        (first > 0 && ws[first - 1].core == head))
                        add(n.name);
                    continue;
                }
                for (std::size_t k = first > 0 ? first - 1 : 0; k < last; ++k) {
                    std::string w = ws[k].core;
                    while (!w.empty() && w.back() == '.') w.pop_back();
                    // (not another office of that name: "shadow chancellor", "former governor")
                    if (k > 0 && kOtherOffice.count(ws[k - 1].core)) continue;
                    if (std::find(titles->second.begin(), titles->second.end(), w) != titles->second.end()) add(n.name);
                }
            }
        // (only when the one so titled was named in this sentence or the one before: "Pence
        // sounded a positive note. “...,” the governor said")
        if (fits.size() == 1) {
            const std::string surname(last_word(fits[0]));
            for (std::size_t k = ev.cue; k-- > 0 && stops_between(k, ev.cue, 2) <= 1;)
                if (ws[k].core == surname) return Mention{fits[0], "", "person", false, true};
            return std::nullopt;
        }
        if (!age || !fits.empty()) return std::nullopt;
        // The person opening the sentence before the cue's, in its paragraph.
        std::size_t s = ev.cue;
        while (s > 0 && !ws[s - 1].stop && ws[s - 1].para == ws[ev.cue].para) --s;  // the cue's sentence
        if (s == 0 || ws[s - 1].para != ws[ev.cue].para) return std::nullopt;
        std::size_t prev = s - 1;
        while (prev > 0 && !ws[prev - 1].stop && ws[prev - 1].para == ws[s - 1].para) --prev;
        if (!ws[prev].cap) return std::nullopt;
        for (const Named& n : mentions)
            if (n.word == prev && n.kind == "person" && n.name.find(' ') != std::string::npos) return Mention{n.name, "", "person", false, true};
        std::string found;
        for (const auto* list : {&named, &candidates})
            for (const Named& n : *list)
                if (n.kind == "person" && n.name.find(' ') != std::string::npos && last_word(n.name) == ws[prev].core &&
                    n.word < prev)
                    found = found.empty() || found == n.name ? n.name : "?";
        if (!found.empty() && found != "?") return Mention{found, "", "person", false, true};
        return std::nullopt;
    }

    /// "the ministry said" / "the company said": the organisation named before.
    void resolve_noun_phrase(Event& ev) {
        std::string head = ev.who.name.substr(ev.who.name.rfind(' ') + 1);
        // "the governor", "the 34-year-old": the one person the article describes so
        if (ev.who.kind == "person" && (ev.who.name.starts_with("the ") || ev.who.name.starts_with("The ")) &&
            std::count(ev.who.name.begin(), ev.who.name.end(), ' ') == 1)
            if (auto m = described_person(ev, head)) {
                ev.who = *m;
                last_named = ev.who, last_named_at = ev.cue;
                return;
            }
        // "the organisation said": the organisation named last, in this sentence or the two before
        if (head == "organisation" || head == "organization") {
            const Named* best = nullptr;
            for (const Named& n : named)
                if (n.word < ev.cue && n.kind == "organization" && stops_between(n.word, ev.cue, 2) <= 2) best = &n;
            if (best) ev.who = Mention{best->name, "", "organization", false, true};
            return;
        }
        // "the statement added", "said the report": the statement of the organisation (or its
        // spokesperson) quoted in this sentence or the one before ("An All England Club
        // spokesperson denied it ... The statement added: “...”"; "The IMF also said ... “...,”
        // said the report")
        if (ev.who.kind == "document" && (head == "statement" || head == "report" || head == "release")) {
            const Event* source = nullptr;
            for (const Event& prior : events) {
                if (prior.cue >= ev.cue) break;
                // (an organisation the sentence names, not one found for "the company")
                bool org = prior.who.kind == "organization" && prior.who.named && !prior.who.name.empty();
                if (org) {
                    const std::string first = prior.who.name.substr(0, prior.who.name.find(' '));
                    bool written = false;
                    for (std::size_t k = prior.cue; k-- > 0 && stops_between(k, prior.cue, 0) == 0 && !written;)
                        written = ws[k].core == first;
                    for (std::size_t k = prior.cue; k < ev.cue && !ws[k].stop && !written; ++k) written = ws[k].core == first;
                    org = written;
                }
                const bool spokes = !prior.who.named && prior.who.name.find("spokes") != std::string::npos;
                if ((org || spokes) && stops_between(prior.cue, ev.cue, 1) <= 1) source = &prior;
                else if (source && prior.who.kind != "document") source = nullptr;  // someone else spoke since
            }
            // (nor when a person is named between: "The Times said Cook provided a statement")
            if (source)
                for (const Named& n : mentions)
                    if (n.word > source->cue && n.word < ev.cue) {
                        source = nullptr;
                        break;
                    }
            if (source) ev.who = source->who;
            return;
        }
        if (kOrgNouns.count(head)) {
            std::string cap = head;
            cap[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(cap[0])));
            const Named* best = nullptr;
            for (const Named& n : named) {
                if (n.word >= ev.cue || n.kind != "organization") continue;
                // "the company" is a business, not the department or court named last.
                bool business = head == "company" || head == "firm";
                if (business)
                    for (const auto& w : kPublicBodyWords.entries()) business = business && n.name.find(std::string(w)) == std::string::npos;
                bool fits = n.name.find(cap) != std::string::npos || business;
                if (fits) best = &n;
            }
            if (best) ev.who = Mention{best->name, "", "organization", false, true};
        }
    }

    /// A name: an organisation named in full before, a publication, or a person's full name.
    void resolve_name(Event& ev) {
        bool person_known = false;
        for (const auto* list : {&named, &candidates})
            for (const Named& n : *list)
                person_known |= n.kind == "person" && last_word(n.name) == ev.who.name;
        if (ev.who.name.find(' ') == std::string::npos && !person_known) {
            // "Orbis said": the organisation named in full before ("Orbis Systems"), unless a
            // person carries the name ("Clinton" is Hillary Clinton, not the Clinton Foundation).
            const Named* org = nullptr;
            for (const Named& n : named)
                if (n.word < ev.cue && n.kind == "organization" && n.name.starts_with(ev.who.name + " ")) org = &n;
            if (org) {
                ev.who = Mention{org->name, "", "organization", false, true};
                return;
            }
            // "according to Politico": one name never given to a person is a publication or a body,
            // no antecedent of "he" or "she".
            if ((ws[ev.cue].core == "according" || ws[ev.cue].core == "According") && ev.who.kind == "person" &&
                !mention_surnames.count(ev.who.name)) {
                ev.who.kind = "organization";
                return;
            }
        }
        ev.who = resolve(ev.cue, ev.who);
        if (ev.who.kind == "person" && ev.who.name.find(' ') == std::string::npos) {
            // "Hydrologists said": one capitalised word opening a sentence, never named in full.
            std::size_t w = ev.cue;
            while (w > 0 && ws[w - 1].core != ev.who.name) --w;
            bool opens = w > 0 && (w <= 1 || ws[w - 2].stop || ws[w - 2].para != ws[w - 1].para) &&
                         !ws[w - 1].after_quote;
            if (opens) {
                if (common_plural(ev.who.name)) {
                    ev.who.name[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(ev.who.name[0])));
                    ev.who.named = false;
                    return;
                }
            }
        }
        if (ev.who.kind == "person" && places.count(ev.who.name)) ev.who.kind = "organization";  // "Japan said"
        if (ev.who.kind == "person") last_named = ev.who, last_named_at = ev.cue;
    }
};

}  // namespace

void resolve_events(Analysis& an) { EventResolver(an).run(); }

}  // namespace news::extract::speakers
