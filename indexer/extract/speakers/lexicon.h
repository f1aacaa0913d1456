/// @file
/// @brief The speaker extractor's lexicon: every word list of its passes, each named, documented
/// and free of repeats (tests/unit/test_speaker_passes.cpp checks them).
///
/// A list is looked up with the exact spelling of a word's core (see words.h): lists compared
/// with lower-case words hold lower-case entries, lists compared with capitalised words hold
/// capitalised ones, and a few (Casing::any) hold both spellings on purpose ("the", "The").
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace news::extract::speakers {

/// How the entries of a list are spelled: what the lexicon test checks.
enum class Casing {
    lower,        ///< no upper-case letter ("said")
    capitalised,  ///< an upper-case first letter ("Senator", "U.S")
    any,          ///< both spellings of a word, or marks ("the" and "The"; dashes)
};

/// A named set of words: count() looks a word up, entries() gives them as written.
class WordList {
public:
    WordList(std::string_view name, Casing casing, std::initializer_list<std::string_view> words);

    /// 1 when @p word is in the list (spelled exactly so), else 0. Most words looked up are in
    /// no list: the lengths the list has for the word's first byte answer those without hashing
    /// (the lookups were a quarter of extraction time).
    [[nodiscard]] std::size_t count(std::string_view word) const {
        if (word.empty()) return set_.count(word);
        const std::size_t n = word.size();
        if (n < 64 && !((lengths_[static_cast<unsigned char>(word[0])] >> n) & 1U)) return 0;
        return set_.count(word);
    }
    [[nodiscard]] std::string_view name() const { return name_; }
    [[nodiscard]] Casing casing() const { return casing_; }
    /// The entries in the order written (repeats included, for the lexicon test).
    [[nodiscard]] const std::vector<std::string_view>& entries() const { return entries_; }

private:
    std::string_view name_;
    Casing casing_;
    std::vector<std::string_view> entries_;
    std::unordered_set<std::string_view> set_;
    /// Bit n of lengths_[b]: an entry of n bytes (n < 64) starts with byte b.
    std::array<std::uint64_t, 256> lengths_{};
};

/// Cue verbs: a word of speaking whose subject is the source ("said", "told", "wrote", "reads").
extern const WordList kCues;
/// Participle cues, which take the subject of their sentence ("..., saying").
extern const WordList kParticiples;
/// Dashes that sign a quote ("— Maria Lastra"): em, horizontal bar, en, "--".
extern const WordList kDashes;
/// Subject pronouns that stand for a speaker, as written in mid-sentence and opening one.
extern const WordList kPronouns;
/// Honorifics before a name ("Mr", "Dr"): part of no name and no role.
extern const WordList kHonorifics;
/// Title words before a name ("Senator", "Prime", "Minister"): they make its role.
extern const WordList kTitles;
/// Titles that are also common surnames ("Charlie King", "Howard Dean"); never abbreviated.
extern const WordList kSurnameTitles;
/// Capitalised words that open a sentence but start no name ("The", "However", "Monday").
extern const WordList kStops;
/// Nationality and party words in front of a name ("American", "Democrat"): a description.
extern const WordList kNationality;
/// Words that make a capitalised run an organisation ("Board", "Ministry", "Inc").
extern const WordList kOrgWords;
/// Lower-case particles inside a name ("de", "van", "bin").
extern const WordList kParticles;
/// Adverbs and auxiliaries between a subject and its cue ("also", "has", "publicly").
extern const WordList kAdverbs;
/// Adverbs after a conjunction opening a sentence, before its subject ("And then Ida Brandt").
extern const WordList kOpeningAdverbsAfterConjunction;
/// Abbreviated months, whose full stop before a day ends no sentence ("Sept. 11").
extern const WordList kMonthAbbreviations;
/// Verbs whose clause is what someone said, reported without quotation marks ("said the fees
/// would stay"): reported.h.
extern const WordList kReportingVerbs;
/// Reporting verbs whose clause may follow without "that" ("said the fees would stay"); the
/// others take a thing so ("noted the attacks") and report a clause only after "that".
extern const WordList kClauseVerbs;
/// Words that open a clause as its subject, besides he/she/they, articles and names.
extern const WordList kClauseSubjects;
/// Abbreviations that lead a name, so their full stop ends no sentence ("St. Anselm").
extern const WordList kNameAbbreviations;
/// Verbs capitalised only because they open a sentence ("Following", "Asked").
extern const WordList kLeadingVerbs;
/// Nouns that introduce a name ("the arbitrator Harriet Lowe", "chief executive X").
extern const WordList kRoleNouns;
/// Determiners that open a noun phrase, in both cases ("the", "The", "several").
extern const WordList kDeterminers;
/// Head nouns of a noun phrase that is a person or people ("official", "experts").
extern const WordList kPersonNouns;
/// Plural common nouns that open a sentence but name no one ("Officials said").
extern const WordList kCommonPlurals;
/// Documents and sayings that speak for whoever wrote them ("report", "letter", "comments").
extern const WordList kDocuments;
/// The documents of kDocuments that speak for an organisation named before them ("the IMF report").
extern const WordList kOrgDocuments;
/// Prepositions between a person and their organisation ("spokeswoman for", "partner at").
extern const WordList kAffiliationPreps;
/// Function words that never head a noun phrase subject.
extern const WordList kFunctionWords;
/// Last words of a place name ("Lake County", "Atlantic City").
extern const WordList kPlaceTails;
/// Words in -ing that open a role, not an aside ("acting director").
extern const WordList kIngTitles;
/// Prepositions before a place set off by commas ("of Raleigh, N.C.").
extern const WordList kPlaceChainPreps;
/// Determiners of the noun phrase after an inverted cue ("said one former staffer").
extern const WordList kInvertedDeterminers;
/// Words that end the noun phrase after an inverted cue ("..., who", "close to").
extern const WordList kInvertedPhraseEnds;
/// Auxiliaries that make the words after an inverted cue a clause ("said the plan would").
extern const WordList kInvertedPhraseVerbs;
/// Nouns in -ly, no adverbs ("the family said").
extern const WordList kLyNouns;
/// Prepositions before a medium or place, whose name then speaks not ("on Coastbook writing").
extern const WordList kMediumPreps;
/// People who speak for whoever they are named with ("a spokesman for X").
extern const WordList kVoiceNouns;
/// Prepositions opening a sentence; the name after them is their object ("On Coastwatch, she ...").
extern const WordList kOpeningPreps;
/// Lower-case words that may lead a name after an opening phrase ("former Secretary Ann Lee").
extern const WordList kBeforeNameWords;
/// Auxiliaries and adverbs after a subject: the run before them is one ("Trump had mocked").
extern const WordList kSubjectAuxiliaries;
/// Irregular past tenses after a subject ("Trump went").
extern const WordList kIrregularVerbsAfterSubject;
/// Days of the week, which may come between a subject and its cue ("Priebus later Thursday told").
extern const WordList kWeekdays;
/// Prepositions before a place ("24, from Manchester, who said").
extern const WordList kPlacePreps;
/// Indefinite determiners: a phrase after them names no one ("another New Hampshire Republican").
extern const WordList kIndefinites;
/// Prepositions after a name, before an organisation or a place ("Dan McLaughlin at the National Review").
extern const WordList kNamePreps;
/// Words inside an appositive that leaves out its closing comma ("president and CEO of").
extern const WordList kAppositiveGlue;
/// Nouns of a place set off by commas after them ("the state capital, Portville,").
extern const WordList kPlaceNouns;
/// Prepositions whose object a name after a determiner is ("director of the House Majority PAC,").
extern const WordList kObjectPreps;
/// Words that open a relative clause or an appositive after a noun ("The lawmaker, who ...").
extern const WordList kAppositiveOpeners;
/// Cues that take an object after them, never an inverted subject ("told a young woman").
extern const WordList kObjectCues;
/// Words that join phrases, so no role noun before a name ("said X and Y").
extern const WordList kJoinWords;
/// Words in -s that are no plural noun after a name ("is", "says", "always").
extern const WordList kWordsInS;
/// Auxiliaries after an inverted name, which then opens the clause said (", said Okafor is").
extern const WordList kClauseAuxiliaries;
/// One-word answers and cries that are speech when quoted ("No," said the senator).
extern const WordList kAnswers;
/// Small words left lower-case in a title ("Meet the Press").
extern const WordList kTitleSmallWords;
/// Words before a programme or event title in quotes ("on", "told", "hosted").
extern const WordList kProgrammeLeads;
/// Words before a name that make it an object, no antecedent ("under", "with", "his").
extern const WordList kObjectLeads;
/// Prepositions before a place, also through one modifier ("in upstate Portville").
extern const WordList kPlaceModifierPreps;
/// Prepositions after which a name is a place ("in Portville").
extern const WordList kInWords;
/// Honorifics that give a man.
extern const WordList kMaleHonorifics;
/// Honorifics that give a woman.
extern const WordList kFemaleHonorifics;
/// Nouns that give a man ("spokesman", "father").
extern const WordList kMaleNouns;
/// Nouns that give a woman ("spokeswoman", "mother").
extern const WordList kFemaleNouns;
/// Given names that give a man ("Tom Okafor"): common ones, none also common for women.
extern const WordList kMaleGivenNames;
/// Given names that give a woman ("Ida Brandt"): common ones, none also common for men.
extern const WordList kFemaleGivenNames;
/// Subordinators opening a sentence: a pronoun after them stands for the main subject ("Though she ...").
extern const WordList kOpeningSubordinators;
/// Head nouns that stand for an organisation named before ("the ministry said").
extern const WordList kOrgNouns;
/// Words of a public body's name: "the company" is none of them.
extern const WordList kPublicBodyWords;
/// Subordinators after a quote: the clause is no attribution ("..., when Ida Brandt ...").
extern const WordList kSubordinators;
/// Subordinators opening a sentence with a clause before its main one ("After Ann Lee said ...").
extern const WordList kClauseOpeners;
/// Forms of "make" ("made a comment").
extern const WordList kMakeForms;
/// Nouns of something said that someone makes ("a comment", "a statement").
extern const WordList kSaidThings;
/// Words of an opening phrase up to its comma ("In a speech Tuesday, Brandt ...").
extern const WordList kSentenceOpeners;
/// Auxiliaries that end a noun phrase subject ("the letter has").
extern const WordList kNounPhraseAuxiliaries;
/// Bodies that speak after "this" ("this newspaper").
extern const WordList kThisBodies;
/// Auxiliaries that are the verb after a subject ("Brandt has").
extern const WordList kVerbAuxiliaries;
/// More adverbs between a subject and its verb ("further", "never").
extern const WordList kMoreAdverbs;
/// Common irregular past tenses of a subject's verb ("put", "took").
extern const WordList kIrregularPasts;

/// Head nouns of a person or a group described, besides kPersonNouns, kRoleNouns and the
/// nouns of a sex ("the trader", "two diplomats", "the Waterford man"); source_kind() also
/// reads their plurals and endings.
extern const WordList kSourcePersonNouns;
/// Words ending like a person's noun ("-ist", "-ian") that are none ("checklist", "median").
extern const WordList kNotPersonEndings;
/// Head nouns of an organisation described, besides kOrgNouns and kThisBodies ("the airline").
extern const WordList kSourceBodyNouns;
/// Head nouns of a document or a recording, besides kDocuments ("the communique", "the lawsuit").
extern const WordList kSourceDocuments;
/// Countries, capitals and seats of government that speak for their state by their name alone
/// ("Argentina", "Washington", "Kremlin"): organisations, never persons.
extern const WordList kStates;
/// Words that name a state or a seat only together ("Czech Republic", "South Korea", "Downing Street").
extern const WordList kStateWords;
/// The states of the United States, by their last word ("Carolina" for North and South
/// Carolina), which close a place after a city ("Stacy Baker of Columbia, South Carolina").
extern const WordList kUsStates;
/// Verbs of a teller whose words the speaker retells ("her husband used to tell her that “...”").
extern const WordList kToldVerbs;
/// Nouns that make the quote after them someone's own words ("Sanders' self-description of
/// being a “...”"), and the words that may stand between the noun and the quote.
extern const WordList kOwnWords;
extern const WordList kOwnWordsGlue;
/// Nouns of a nationality that stand for a person ("The Scot initially defended Beattie").
extern const WordList kNationalNouns;
/// Words after a name's 's that make it "has" or "is", not a possessive ("Christie's been").
extern const WordList kAfterContraction;
/// Words before a title that make it another office ("shadow chancellor", "former governor").
extern const WordList kOtherOffice;
/// The months, capitalised.
extern const WordList kMonths;
/// Nouns of a phrase of time or occasion between a subject and its cue ("Trump at the time said",
/// "The ministry two weeks ago said", "Ida Brandt in a statement said").
extern const WordList kTimeNouns;
/// Words in front of a noun of kTimeNouns in such a phrase ("the", "last", "less than two").
extern const WordList kTimeModifiers;
/// Prepositions opening such a phrase ("at the time", "over the weekend").
extern const WordList kTimePreps;
/// Prepositions before a capitalised word after a cue: its object, no inverted subject
/// ("said with Christmas coming up").
extern const WordList kInvertedPreps;
/// Titles written after a full name ("Paul Boateng MP", "Ken Macdonald QC"); all in kTitles.
extern const WordList kPostTitles;
/// Words that open a clause: a noun phrase holding one names no source ("the question of
/// whether someone").
extern const WordList kClauseWords;
/// Peers' titles that stay with a one-word name: "Lord Holme", "Baroness Scotland".
extern const WordList kPeerTitles;
/// Adjectives that open a sentence in front of a name ("Defiant Matt Williams").
extern const WordList kLeadingAdjectives;

/// Every list above, for the lexicon test.
[[nodiscard]] const std::vector<const WordList*>& all_word_lists();

}  // namespace news::extract::speakers
