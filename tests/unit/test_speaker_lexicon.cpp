/// @file
/// @brief The speaker extractor's lexicon: every list named, non-empty, spelled as it is looked
/// up, without repeats, and apart from (or inside) the lists it must be.
#include "indexer/extract/speakers/lexicon.h"

#include <catch2/catch.hpp>

#include <set>
#include <string>

using namespace news::extract::speakers;

namespace {

bool has_upper(std::string_view w) {
    for (char c : w)
        if (c >= 'A' && c <= 'Z') return true;
    return false;
}

std::set<std::string_view> common(const WordList& a, const WordList& b) {
    std::set<std::string_view> out;
    for (std::string_view w : a.entries())
        if (b.count(w)) out.insert(w);
    return out;
}

bool inside(const WordList& part, const WordList& whole) { return common(part, whole).size() == part.entries().size(); }

}  // namespace

TEST_CASE("lexicon: every list is named, non-empty and free of repeats", "[speakers]") {
    std::set<std::string_view> names;
    for (const WordList* list : all_word_lists()) {
        INFO(list->name());
        CHECK(list->name().starts_with("k"));
        CHECK(names.insert(list->name()).second);  // one list per name
        CHECK(!list->entries().empty());
        std::set<std::string_view> seen;
        for (std::string_view w : list->entries()) {
            INFO(w);
            CHECK(seen.insert(w).second);  // no repeats
            CHECK(list->count(w) == 1);
            REQUIRE(!w.empty());
            CHECK(w.find_first_of(" \t\n") == std::string_view::npos);
        }
    }
    CHECK(all_word_lists().size() == names.size());
}

TEST_CASE("lexicon: entries are spelled as the code looks them up", "[speakers]") {
    for (const WordList* list : all_word_lists()) {
        INFO(list->name());
        for (std::string_view w : list->entries()) {
            INFO(w);
            switch (list->casing()) {
                case Casing::lower: CHECK(!has_upper(w)); break;
                case Casing::capitalised: CHECK((w[0] >= 'A' && w[0] <= 'Z')); break;
                case Casing::any: break;
            }
        }
    }
    // Lists of both spellings hold each word in both ("the" and "The").
    for (const WordList* list : {&kPronouns, &kDeterminers, &kIndefinites})
        for (std::string_view w : list->entries()) {
            INFO(list->name() << ": " << w);
            std::string other(w);
            other[0] = static_cast<char>(has_upper(w.substr(0, 1)) ? other[0] - 'A' + 'a' : other[0] - 'a' + 'A');
            CHECK(list->count(other) == 1);
        }
}

TEST_CASE("lexicon: lists that must not overlap do not; sublists are inside their lists", "[speakers]") {
    // A participle cue takes its sentence's subject, a cue its own: one word cannot be both.
    CHECK(common(kCues, kParticiples).empty());
    // The sex of a name is read from the first noun that gives one.
    CHECK(common(kMaleNouns, kFemaleNouns).empty());
    CHECK(common(kMaleHonorifics, kFemaleHonorifics).empty());
    CHECK(inside(kMaleHonorifics, kHonorifics));
    CHECK(inside(kFemaleHonorifics, kHonorifics));
    // A pronoun subject is tried before a noun phrase.
    CHECK(common(kPronouns, kDeterminers).empty());
    // "kStops but not kNationality" is how a name drops its opening word.
    CHECK(inside(kNationality, kStops));
    CHECK(inside(kOrgDocuments, kDocuments));
    CHECK(inside(kSurnameTitles, kTitles));
    CHECK(inside(kInvertedDeterminers, kDeterminers));
    // A title after a name is a title before one too ("Tom Okafor MP", "Portville MP Ann Lee").
    CHECK(inside(kPostTitles, kTitles));
    // A noun of a source is of one kind (source_kind tries persons, bodies, documents in turn).
    CHECK(common(kSourcePersonNouns, kSourceBodyNouns).empty());
    CHECK(common(kSourcePersonNouns, kSourceDocuments).empty());
    CHECK(common(kSourceBodyNouns, kSourceDocuments).empty());
}

TEST_CASE("lexicon: lookups are exact", "[speakers]") {
    CHECK(kCues.count("said") == 1);
    CHECK(kCues.count("Said") == 0);  // a capitalised cue is looked up lower-cased (Word::cap_cue)
    CHECK(kTitles.count("Senator") == 1);
    CHECK(kTitles.count("senator") == 0);
    CHECK(kRoleNouns.count("senator") == 1);
    CHECK(kDashes.count("\xE2\x80\x94") == 1);
}

TEST_CASE("lexicon: the length filter before the hash answers as the set does", "[speakers]") {
    // Every entry of every list is found, and no near miss is: a word one byte longer, another
    // case or first byte, the empty word, a word over 63 bytes.
    const WordList small{"small", Casing::any, {"a", "said", "s", std::string_view("x\0y", 3), "\xE2\x80\x94"}};
    for (const WordList* l : all_word_lists()) {
        CAPTURE(l->name());
        for (std::string_view w : l->entries()) {
            CAPTURE(w);
            CHECK(l->count(w) == 1);
            const std::string longer = std::string(w) + "q";
            CHECK(l->count(longer) == 0);
        }
        CHECK(l->count("") == 0);
        CHECK(l->count(std::string(80, 's')) == 0);
    }
    CHECK(small.count("said") == 1);
    CHECK(small.count("saiD") == 0);
    CHECK(small.count("s") == 1);
    CHECK(small.count("sa") == 0);
    CHECK(small.count(std::string_view("x\0y", 3)) == 1);
    CHECK(small.count("\xE2\x80\x94") == 1);
    CHECK(small.count("\xE2\x80\x93") == 0);
    const std::string long_word(70, 'z');
    const WordList with_long{"with_long", Casing::lower, {long_word, "said"}};
    CHECK(with_long.count(long_word) == 1);
    CHECK(with_long.count(std::string(71, 'z')) == 0);
    CHECK(with_long.count("says") == 0);
}
