/// @file
/// @brief Speaker pass 4, coreference: who "he", "she", "it", a surname or "the ministry" stands
/// for, from the names the article gives before, their sex as the text tells it, and the
/// sources named so far.
#pragma once

#include "indexer/extract/speakers/cues.h"
#include "indexer/extract/speakers/names.h"
#include "indexer/extract/speakers/words.h"

#include <cstddef>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

namespace news::extract::speakers {

/// A name met at word @p word: a person or an organisation.
struct Named {
    std::size_t word;
    std::string name;
    std::string kind;
};

/// The names of an article, from one walk over its capitalised runs (split_run is the costly part).
struct NameIndex {
    std::vector<Named> named;       ///< title-led persons, and organisations
    std::vector<Named> candidates;  ///< every run of 2-4 capitalised words that reads as a person
    /// Every person mention that can be the antecedent of a subject pronoun: full names, and
    /// surnames with a title or honorific ("Mr. Obama"), but not objects of a preposition.
    std::vector<Named> mentions;
    std::unordered_set<std::string> mention_surnames;  ///< last words of the mentions
    /// Names written as places: "in Portville", "in South Lake" (not "in Brandt's plan"), never
    /// the antecedent of "he" or "she"; when they speak, they speak for a state.
    std::unordered_set<std::string> places;
};

/// Walks the capitalised runs of @p ws once; names in @p excluded (authors, the outlet) are left out.
[[nodiscard]] NameIndex index_names(const std::vector<Word>& ws, RunSplitter& split,
                                    const std::set<std::string>& excluded);

/// A name of two words or more that is the subject of a cue is a person after all ("faith in
/// Tom Okafor ... Tom Okafor said"); the other places are no antecedents (dropped from mentions).
void drop_places(NameIndex& names, const std::vector<Event>& events);

/// Surname -> 'm' or 'f', as the text says it.
using SexMap = std::map<std::string, char, std::less<>>;

/// What the text itself says of a person's sex, to keep "she" from a man: an honorific
/// ("Mr. Ruiz", "Ms. Lee"), a gendered noun next to the name ("Keith Scott, a 43-year-old
/// man,", "spokeswoman Ann Lee"), or the first he/his or she in the sentence that opens with
/// the name ("Tom Ruiz made it clear that his ...").
[[nodiscard]] SexMap read_sexes(const std::vector<Word>& ws, const std::vector<Named>& mentions);

/// False when @p pronoun ("he", "She") is of the other sex than the one known for @p name.
[[nodiscard]] bool agrees(const SexMap& sex, const std::string& name, const std::string& pronoun);

/// Surnames to the full names met before, "Rival Hillary Clinton" to "Hillary Clinton"; it
/// remembers the full names it has met (so the order of calls matters).
class Resolver {
public:
    explicit Resolver(const NameIndex& names) : names_(names) {}
    /// @p m as met at word @p at_word, resolved.
    [[nodiscard]] Mention resolve(std::size_t at_word, Mention m);

private:
    const NameIndex& names_;
    std::vector<std::string> full_names_, event_names_;
};

/// Everything the passes before attribution find in one article.
struct Analysis {
    /// Runs the passes: words, names, cues, coreference (the events' subjects resolved).
    explicit Analysis(const Article& a);
    Analysis(const Analysis&) = delete;
    Analysis& operator=(const Analysis&) = delete;

    Doc doc;
    RunSplitter split;                ///< split_run over doc.words, with its memo
    std::set<std::string> excluded;  ///< authors and the outlet: never speakers
    NameIndex names;
    SexMap sex;
    std::vector<Event> events;  ///< cues with their subjects, resolved
    Resolver resolver;
};

/// Resolves the subject of every event of @p an in text order: pronouns to the last person
/// named (or the one mentioned most, or a noun of the pronoun's sex), "it" to the last
/// organisation, "the ministry" to the ministry named before, surnames to full names.
void resolve_events(Analysis& an);

}  // namespace news::extract::speakers
