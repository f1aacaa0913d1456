/// @file
/// @brief Speaker pass 2, names: runs of capitalised words split into a role and a person's
/// or an organisation's name ("Sen. Ann Lee", "Harbor Board"), and the noun phrases that
/// stand for an unnamed source ("the commission", "Brandt's lawyers").
#pragma once

#include "indexer/extract/speakers/words.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace news::extract::speakers {

/// Someone or something that says things: a person, an organisation, a pronoun still to
/// resolve, or a noun phrase that names no one.
struct Mention {
    std::string name;
    std::string role;
    std::string kind = "person";  ///< "person", "organization" or "document" (see source_kind)
    bool pronoun = false;         ///< "he", "she", "they", "it": resolved by coreference
    bool named = true;            ///< false for a noun phrase ("the commission", "officials")
    bool office = false;          ///< a title that stands for its holder ("Bishop of Durham", "the Salford MP")
};

/// A word that may be part of a name: capitalised, a particle ("de", "van"), "of" or "for".
[[nodiscard]] bool name_word(const Word& w);
/// The cores of words [b, e) joined by spaces.
[[nodiscard]] std::string join(const std::vector<Word>& ws, std::size_t b, std::size_t e);
/// The last word of a name ("Lee" of "Ann Lee").
[[nodiscard]] std::string_view last_word(std::string_view name);
/// The sex of a given name, folded ("barack" 'm', "michelle" 'f'), from the lexicon's lists; 0
/// when not there.
[[nodiscard]] char given_name_sex(std::string_view folded);
/// A plural common noun ("Officials", "scientists"), in any case: not a name.
[[nodiscard]] bool common_plural(std::string_view w);
/// A title, or titles joined by hyphens ("Secretary-Treasurer", "Vice-Chairman").
[[nodiscard]] bool title_word(const std::string& w);

/// The start of the capitalised run ending at word e-1 (going back, not across commas or
/// sentence ends).
[[nodiscard]] std::size_t run_start(const std::vector<Word>& ws, std::size_t e);
/// One past the end of the capitalised run starting at word b.
[[nodiscard]] std::size_t run_end(const std::vector<Word>& ws, std::size_t b);

/// A run of capitalised words [b, e): the name, with its title or role in front split off
/// into Mention::role; nullopt when the run names no one (a heading, a place, a party tag).
/// **Example**: "Prime Minister Ann Lee" gives {name "Ann Lee", role "Prime Minister"}.
[[nodiscard]] std::optional<Mention> split_run(const std::vector<Word>& ws, std::size_t b, std::size_t e);

/// split_run with a memo: the passes ask about the same runs again and again.
class RunSplitter {
public:
    explicit RunSplitter(const std::vector<Word>& ws) : ws_(ws) {}
    [[nodiscard]] std::optional<Mention> operator()(std::size_t b, std::size_t e);

private:
    const std::vector<Word>& ws_;
    std::unordered_map<std::uint64_t, std::optional<Mention>> memo_;
};

/// A role worth replacing by a fuller one: none, "one of ...", or a bare title ("Rep").
[[nodiscard]] bool weak_role(const std::string& role);
/// A role as written after a name, without its article and clauses; empty when it is none.
[[nodiscard]] std::string clean_role(std::string role);
/// The appositive after a name that ends with a comma: words from @p from up to the next
/// comma (@p end: one past its last word), cleaned as a role.
[[nodiscard]] std::string appositive(std::string_view text, const std::vector<Word>& ws, std::size_t from,
                                     std::size_t& end);

/// People who speak for an organisation named after a preposition that follows them, opening
/// their sentence: "Officials at the Harbor Board", "A spokeswoman for Coastal Sailors". k is
/// the word of the preposition; true when the word before it is such a noun.
[[nodiscard]] bool speaks_for_org(const std::vector<Word>& ws, std::size_t k);
/// The run starting at word b ends a place ("of Raleigh, N.C.", "from Columbia, South
/// Carolina"): the word of the preposition, or npos.
[[nodiscard]] std::size_t place_chain(const std::vector<Word>& ws, std::size_t b);

/// What a noun phrase that names no one is as a source, by its head noun @p head (any case):
/// "person" for a person or a group described ("the spokesman", "two analysts", "the
/// 30-year-old", "the Swiss"), "organization" ("the company", "the magazine"), "document"
/// ("the report", "a statement"), or empty for a thing, a time, a place or a word that is no
/// noun ("the computer", "a year", "the slide comes"): only people and organisations speak,
/// and documents for them.
/// **Example**: `source_kind("traders")` is "person", `source_kind("cap")` is "".
[[nodiscard]] std::string source_kind(std::string_view head);
/// The head of the noun phrase of words [b, e) as a source, its kind (source_kind) in @p kind:
/// the noun before its first preposition when that one is a source ("the minister for economic
/// affairs"), else its last word, or the word before a participle closing it ("a source
/// involved"). npos when it has none, or when a clause is inside ("the question of whether
/// someone").
[[nodiscard]] std::size_t phrase_head(const std::vector<Word>& ws, std::size_t b, std::size_t e, std::string& kind);
/// A name that is a state speaking ("Argentina", "Washington", "Czech Republic"): an
/// organisation, never a person.
[[nodiscard]] bool state_name(std::string_view name);

/// "the IMF report", "an FA statement", "the club website": the organisation whose document (of
/// kOrgDocuments) the noun phrase of words [d, p) is, named by an acronym or a word of
/// kOrgWords, or described by a noun of an organisation; nullopt otherwise.
[[nodiscard]] std::optional<Mention> document_owner_org(const std::vector<Word>& ws, std::size_t d, std::size_t p);
/// The noun phrase "the commission" / "one questioner" / "the Indiana governor" ending at word p-1.
[[nodiscard]] std::optional<Mention> noun_phrase(std::string_view text, const std::vector<Word>& ws, std::size_t p);
/// After an inverted cue, a noun phrase that names no one: "said one former campaign staffer,
/// who ...", "said the senior Cruz adviser." It runs from a determiner to a comma, a full stop,
/// a relative word or a preposition, with no verb in it ("said the plan would fail" is none).
[[nodiscard]] std::optional<Mention> inverted_noun_phrase(std::string_view text, const std::vector<Word>& ws,
                                                          std::size_t b);

}  // namespace news::extract::speakers
