/// @file
/// @brief Only people and organisations speak (issue 13, item 4): tables of fictional
/// sentences, per kind of speaker, of who must speak and of what must never be a speaker
/// (a thing, a time, a place taken for a person, a piece of a sentence), and of the names and
/// roles the names pass must split right. Every row but the two marked as guards failed at
/// d1e3390.
#include "indexer/extract/speakers.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace news;
using namespace news::extract;

namespace {

Article extracted(std::string text) {
    Article a;
    a.text = std::move(text);
    a.source = "Harbor Ledger";
    extract_speakers(a);
    return a;
}

const Speaker* find_speaker(const Article& a, const std::string& name) {
    auto it = std::find_if(a.speakers.begin(), a.speakers.end(), [&](const Speaker& s) { return s.name == name; });
    return it == a.speakers.end() ? nullptr : &*it;
}

std::string listed(const Article& a) {
    std::string out;
    for (const Speaker& s : a.speakers) out += "[" + s.name + " | " + s.kind + " | " + s.role + "] ";
    return out;
}

/// A speaker that must be found, with its kind (and its role, when the row gives one).
struct Match {
    std::string text;
    std::string name;
    std::string kind;
    std::string role = "-";  ///< "-": not checked
};

/// A speaker that must never be found: a thing, a time, a place, a fragment.
struct NoMatch {
    std::string text;
    std::string never;  ///< no speaker has this name, nor (when it is a person) this kind
};

void check(const Match& row) {
    CAPTURE(row.text);
    const Article a = extracted(row.text);
    INFO("speakers: " << listed(a));
    const Speaker* s = find_speaker(a, row.name);
    REQUIRE(s != nullptr);
    CHECK(s->kind == row.kind);
    if (row.role != "-") CHECK(s->role == row.role);
}

void check(const NoMatch& row) {
    CAPTURE(row.text);
    const Article a = extracted(row.text);
    INFO("speakers: " << listed(a));
    CHECK(find_speaker(a, row.never) == nullptr);
    for (const Speaker& s : a.speakers) {
        // No speaker's name reaches across a quotation or a sentence end.
        CHECK(s.name.find_first_of("\"") == std::string::npos);
        CHECK(s.name.find("\xE2\x80\x9C") == std::string::npos);
        CHECK(s.name.find(". ") == std::string::npos);
    }
}

}  // namespace

TEST_CASE("speaker kinds: persons, their names split from what is glued to them", "[speakers][kinds]") {
    check(GENERATE(values<Match>({
        // an adjective opening the sentence is no part of the name
        {"Defiant Tom Okafor says he will not quit. “I have never quit anything in my life,” he told the radio.",
         "Tom Okafor", "person"},
        // a peer's title stays with a one-word name; the title before it is the role
        {"“We will keep the pier open,” said Harbor Board Chairman Lord Pellew.", "Lord Pellew", "person",
         "Harbor Board Chairman"},
        {"Harbor minister Baroness Lakeland said: “The port will stay open.”", "Baroness Lakeland", "person"},
        // a person glued to an employer is the person, the employer the role
        {"“Ships are safe again,” said Ida Brandt of Portville Harbor Holdings Inc.", "Ida Brandt", "person",
         "Portville Harbor Holdings Inc"},
        // an age, an adverb, a relative word is no role
        {"“The pier is unsafe,” said Tom Okafor, 42.", "Tom Okafor", "person", ""},
        {"Tom Okafor, 42, from Lakeland, said: “It was a turning point for the port.”", "Tom Okafor", "person", ""},
        {"Tom Okafor, however, said the plan was “a disaster for the coast.”", "Tom Okafor", "person", ""},
        // "and" inside a name is no end of the role
        {"“Sales are up this year,” said Ann Lee, president of A and P Shipping.", "Ann Lee", "person",
         "president of A and P Shipping"},
        // a title after the name
        {"“The fees are far too high,” said Tom Okafor MP.", "Tom Okafor", "person", "MP"},
        {"“The fees are far too high,” said Portville MP Tom Okafor.", "Tom Okafor", "person", "Portville MP"},
        // titles joined by "and" before the name
        {"“Trade will grow again,” said Economic and Harbor Policy Minister Ann Lee.", "Ann Lee", "person",
         "Economic and Harbor Policy Minister"},
        // a noun of a person between a place and the name
        {"“We have to get the focus right,” said Lakeland man Okafor.", "Okafor", "person"},
        {"Portville boss Ann Lee has reopened the dispute after claiming the plan was “not good enough.”", "Ann Lee",
         "person"},
        // a name after an adjective and an article stays the name (a guard: it passed before)
        {"“It was a mistake,” a tearful Ann Lee told reporters.", "Ann Lee", "person"},
        // a title of an office that names no one stands for its holder
        {"The Bishop of Portville described the plan as “a great folly” on Sunday.", "Bishop of Portville", "person"},
        {"The MP for Portville and Bayside said the fees were “far too high.”", "the MP for Portville and Bayside",
         "person"},
    })));
}

TEST_CASE("speaker kinds: organisations, and states that speak", "[speakers][kinds]") {
    check(GENERATE(values<Match>({
        {"Washington argues that lifting the ban would be “a grave mistake.”", "Washington", "organization"},
        {"Argentina said the talks had been “much more efficient than before.”", "Argentina", "organization"},
        {"“The market is open to all,” the former monopoly said in a statement.", "the former monopoly",
         "organization"},
        // an organisation's document speaks for it
        {"A Harbor Board report on the 20 biggest projects says there is “little evidence of savings.”", "Harbor Board",
         "organization"},
        {"“We will not sell,” the Scottish Harbor Executive said.", "Scottish Harbor Executive", "organization"},
        {"“The referee dealt with the incident at the time,” said a PHB statement.", "PHB", "organization"},
        {"“He would have stayed down a lot longer,” the sailor told the club website.", "the sailor", "person"},
        {"“He would have stayed down a lot longer,” said the club website.", "the club", "organization"},
        {"“The play promotes idleness,” the harbor council's ruling said.", "the harbor council", "organization"},
    })));
}

TEST_CASE("speaker kinds: persons and groups described", "[speakers][kinds]") {
    check(GENERATE(values<Match>({
        {"“We are happy with the result,” the 30-year-old told reporters.", "the 30-year-old", "person"},
        {"“Costs will rise next year,” the chancellor said.", "the chancellor", "person"},
        {"“The pier will open in May,” said a source involved in the talks.", "a source", "person"},
        {"The foreign secretary meanwhile said the “justice of the fee” remained.", "the foreign secretary",
         "person"},
        {"The harbor master at the time said the fees were “far too high.”", "the harbor master", "person"},
        // (a guard: it passed before; the time phrase is skipped, not taken for the subject)
        {"Tom Okafor at the time said he had asked his staff to “look into” the fees.", "Tom Okafor", "person"},
        {"“It would only take five minutes to list them,” a senior Portville Official replied.",
         "a senior Portville Official", "person"},
        {"“Free downloading has killed the bands,” said one musician quoted by the report.", "one musician",
         "person"},
    })));
}

TEST_CASE("speaker kinds: documents are sources of kind document", "[speakers][kinds]") {
    check(GENERATE(values<Match>({
        {"“Ships have been left to rot,” the report said.", "the report", "document"},
        {"According to the lawsuit, the board had been “grossly negligent” for years.", "the lawsuit", "document"},
        {"“The pier is unsafe and must close,” reads a memo for the harbor master.", "a memo", "document"},
        {"“Fees rose in every quarter,” the Okafor survey concluded.", "the Okafor survey", "document"},
        {"According to a newly uncovered email previously kept secret, the pier was “ready to open.”",
         "a newly uncovered email", "document"},
    })));
}

TEST_CASE("speaker kinds: things, times, places and fragments never speak", "[speakers][kinds]") {
    check(GENERATE(values<NoMatch>({
        // things: the words before a quote are no subject of the cue after it
        {"Patients used the cap effectively. “The control achieved is impressive,” said the researchers.", "the cap"},
        {"The Harbor Board recommends that the food aid is bought locally. “Local purchase is recommended,” said "
         "Ann Lee, chief of the board.",
         "the food aid is bought"},
        {"A poll found that half of sailors wanted more boats. The computer was the “must-have” gadget for most "
         "people.",
         "the computer"},
        {"The portrait is of a young man who was dubbed “the noble savage” when he arrived in Portville.",
         "the portrait"},
        {"Two big harbor names have launched campaigns to “set the record straight” about their boats.",
         "two big harbor names"},
        // times
        {"Prices rose 2% on a year earlier. “We are not seeing a collapse,” said harbor economist Ann Lee.",
         "a year"},
        {"The Harbor Ministry less than two weeks ago said for the first time that “top secret” files had leaked.",
         "two weeks ago"},
        {"Ann Lee, whose party calls the plan “deeply flawed” said with Christmas coming up the council had time to "
         "think again.",
         "Christmas"},
        {"Around one quarter said they “neither support nor oppose” the fee.", "one quarter"},
        // places taken for a person
        {"Tom Okafor, 26, from Lakeland, said: “It was a turning point for the port.”", "Lakeland"},
        {"Argentina claimed top spot in the regatta. “I feel it was deserved,” she said.", "Argentina"},
        {"The Bishop of Portville, the Rt Rev Dr Tom Okafor, described the plan as a “great folly” but “lousy "
         "history”.",
         "Portville"},
        {"The MP for Portville and Bayside said the fees were “far too high.”", "Bayside"},
        {"Fleets came from Lakeland and Bayside in Southland, Mr Okafor predicts. “It has grown fast,” he said.",
         "Bayside"},
        // pieces of a sentence
        {"Ann Lee called the plan a “leaky boat”. Mr Okafor told the radio: “It is sound and it will float.”",
         "a “leaky boat”. Mr Okafor"},
        {"The slide comes as the harbor faces “a strong dollar” and weak trade.", "the slide comes"},
        {"The question of whether someone issued a “stand down” has loomed over the port since the storm.",
         "the question of whether someone"},
        {"Tom Okafor at the time said he’d asked his “people” to “look into” paying the fees.", "the time"},
        {"It is hard to think of an answer when people asked “What has the board done for us?”",
         "an answer when people"},
        {"The firm denied reports it was leaving. “We are committed to the port,” it said in a statement.",
         "the firm denied"},
        {"Possibly as a result, the worry about low-cost rivals has fallen, with just 54% of firms calling it a "
         "“significant threat” or “one of the biggest threats.”",
         "Possibly"},
        {"Originally dubbed “Harbor Guide to the Coast” the firm adopted its new name in May.", "Originally"},
        {"Tom A Okafor, executive vice-president of PJ Harbor Tobacco, said the ruling “dramatically transforms” the "
         "board's lawsuit. “The case is over,” he said.",
         "the ruling “dramatically transforms” the board's lawsuit"},
    })));
}
