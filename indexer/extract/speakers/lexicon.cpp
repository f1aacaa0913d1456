/// @file
/// @brief The word lists of the speaker extractor (see lexicon.h).
#include "indexer/extract/speakers/lexicon.h"

namespace news::extract::speakers {

WordList::WordList(std::string_view name, Casing casing, std::initializer_list<std::string_view> words)
    : name_(name), casing_(casing), entries_(words), set_(words) {
    for (std::string_view w : words)
        if (w.empty() || w.size() >= 64) lengths_.fill(~std::uint64_t{0});  // (none such: kept exact all the same)
        else lengths_[static_cast<unsigned char>(w[0])] |= std::uint64_t{1} << w.size();
}

const WordList kCues{
    "kCues",
    Casing::lower,
    {"said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes", "asked", "asks", "vowed", "warned",
     "warns", "insisted", "insists", "explained", "noted", "notes", "argued", "argues", "stated", "declared", "replied",
     "responded", "continued", "recalled", "acknowledged", "admitted", "claimed", "claims", "conceded", "cautioned",
     "predicted", "tweeted", "posted", "announced", "urged", "suggested", "observed", "remarked", "emphasized",
     "emphasised", "stressed", "complained", "countered", "testified", "maintained", "contended", "confirmed",
     "boasted", "lamented", "quipped", "shouted", "pledged", "promised", "recounted", "concluded", "agreed",
     "disagreed", "announces", "reiterated", "called", "calls", "described", "describes", "reported", "reports",
     "sings", "sang", "chanted", "explains", "tweets", "declares", "answered", "continues", "joked", "laughed",
     "wondered", "mused", "snapped", "scoffed", "exclaimed", "whispered", "yelled", "cried", "sighed", "shot", "fired",
     "retorted", "blasted", "charged", "accused", "praised", "condemned", "criticized", "dismissed", "labeled",
     "labelled", "dubbed", "branded", "touted", "hailed", "slammed", "mocked", "pleaded", "begged", "demanded",
     "pointed",
     // present tense of the cues above, as in features and live reports ("she yells")
     // (not those that are also plural nouns: "states", "remarks", "promises", "cries")
     "yells", "shouts", "screams", "screamed", "whispers", "recalls", "admits", "concedes", "acknowledges", "responds",
     "predicts", "suggests", "complains", "boasts", "stresses", "emphasizes", "urges", "muses", "quips", "laments",
     "contends", "maintains", "recounts", "concludes", "agrees", "testifies", "interjected", "elaborated", "echoed",
     "chimed",
     // more verbs of speaking, past tense (not those that also take a thing said about: "raged")
     "fumed", "barked", "boomed", "thundered", "groused", "grumbled", "griped", "marveled", "marvelled", "gushed",
     "bellowed", "hollered", "murmured", "muttered", "stammered", "intoned", "opined", "ventured", "assured",
     "reassured", "reminded", "advised", "informed", "typed", "proclaimed", "vented", "surmised", "riffed",
     "remembered", "pressed", "reacted", "interrupted", "commented", "characterized", "characterised", "asserted",
     "alleged", "affirmed", "jibed", "sniped", "teased", "texted", "emailed", "messaged", "blogged", "exhorted",
     // (and their present tense)
     "characterizes", "asserts", "observes",
     // present tense plural, as "say" ("“...,” the two write")
     "write", "argue", "insist", "warn", "explain",
     // ... and present tense (“...,” the lawsuit alleges)
     "alleges", "proclaims",
     // documents: “...,” the letter reads / the statement read
     "reads", "read"}};
const WordList kParticiples{
    "kParticiples", Casing::lower, {"saying",    "adding",    "asking",     "arguing",    "calling",       "noting",
                                    "insisting", "warning",   "claiming",   "describing", "explaining",    "telling",
                                    "writing",   "declaring", "stressing",  "urging",     "suggesting",    "promising",
                                    "vowing",    "joking",    "recalling",  "tweeting",   "acknowledging", "admitting",
                                    "accusing",  "labeling",  "dubbing",    "predicting", "complaining",   "boasting",
                                    "referring", "repeating", "concluding", "announcing", "interjecting"}};
const WordList kDashes{"kDashes", Casing::any, {"\xE2\x80\x94", "\xE2\x80\x95", "\xE2\x80\x93", "--"}};
const WordList kPronouns{"kPronouns", Casing::any, {"he", "she", "they", "He", "She", "They"}};
const WordList kHonorifics{"kHonorifics",
                           Casing::capitalised,
                           {"Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Mx", "Prof", "Lord", "Lady", "Baroness",
                            "Commander", "Supervisor", "Cmdr", "Officer", "Trooper", "Deputy"}};
const WordList kTitles{"kTitles",
                       Casing::capitalised,
                       {"President",
                        "Vice",
                        "Whip",  // "Senate Minority Whip Dick Durbin"
                        "DJ",    // "DJ Norman Cook"
                        "Minister",
                        "Prime",
                        "Secretary",
                        "Senator",
                        "Sen",
                        "Rep",
                        "Representative",
                        "Gov",
                        "Governor",
                        "Mayor",
                        "Director",
                        "Chairman",
                        "Chairwoman",
                        "Chair",
                        "Chief",
                        "Judge",
                        "Justice",
                        "General",
                        "Gen",
                        "Speaker",
                        "Leader",
                        "Ambassador",
                        "Commissioner",
                        "Spokesman",
                        "Spokeswoman",
                        "Spokesperson",
                        "Premier",
                        "Chancellor",
                        "King",
                        "Queen",
                        "Prince",
                        "Pope",
                        "Coach",
                        "Captain",
                        "Capt",
                        "Sheriff",
                        "Inspector",
                        "Superintendent",
                        "Deputy",
                        "Attorney",
                        "Lawmaker",
                        "Councilwoman",
                        "Councilman",
                        "Professor",
                        "Rev",
                        "Lt",
                        "Col",
                        "Sgt",
                        "Adm",
                        "Admiral",
                        "Colonel",
                        "Lieutenant",
                        "Sergeant",
                        "Officer",
                        "Detective",
                        "Treasurer",
                        "Assemblyman",
                        "Assemblywoman",
                        "Congressman",
                        "Congresswoman",
                        "Councillor",
                        "Councilor",
                        "Striker",
                        "Goalkeeper",
                        "Midfielder",
                        "Defender",
                        "Forward",
                        "Winger",
                        "Skipper",
                        "Del",
                        "Delegate",
                        "Host",
                        "Anchor",
                        "Correspondent",
                        "Foreign",
                        "Defense",
                        "Defence",
                        "Interior",
                        "Finance",
                        "Health",
                        "Former",
                        "Acting",
                        "Executive",
                        "CEO",
                        "Founder",
                        "Manager",
                        "Head",
                        "Dean",
                        "Bishop",
                        "Cardinal",
                        "Rabbi",
                        "Imam",
                        "Advocate",
                        "Comptroller",
                        "Controller",
                        "Auditor",
                        "Clerk",
                        "Marshal",
                        "Ombudsman",
                        "Provost",
                        "Chaplain",
                        "Archbishop",
                        "Pastor",
                        "Reverend",
                        "Monsignor", "MP", "MEP", "MSP", "QC", "KC", "MLA", "TD", "Official"}};
const WordList kSurnameTitles{"kSurnameTitles",
                              Casing::capitalised,
                              {"King", "Dean", "Bishop", "Judge", "Chancellor", "Prince", "Pope", "Cardinal"}};
const WordList kStops{
    "kStops",
    Casing::capitalised,
    {"The", "A", "An", "But", "And", "Or", "In", "On", "At", "Of", "For", "To", "From", "With", "By", "As", "If",
     "When", "While", "After", "Before", "Since", "Although", "Though", "Meanwhile", "However", "Still", "Yet", "So",
     "Then", "Now", "Also", "It", "This", "That", "These", "Those", "There", "Here", "His", "Her", "Their", "Our",
     "Its", "We", "I", "You", "My", "Your", "Speaking", "Asked", "According", "Instead", "Among", "Under", "Over",
     "During", "Despite", "Like", "Unlike", "Had", "Has", "Have", "Did", "Does", "Would", "Could", "Should", "Were",
     "Was", "Is", "Maybe", "Perhaps", "Indeed", "Thus", "Hence", "Otherwise", "Besides", "Plus", "Monday", "Tuesday",
     "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June",
     "July", "August", "September", "October", "November", "December", "Day", "One", "Two", "Three", "Last", "Next",
     "Many", "Much", "Some", "Most", "Both", "Each", "Every", "All", "No", "Not", "Neither", "Nor", "Either", "Even",
     "Only",
     "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Dozens", "Hundreds", "Thousands", "Just", "Rival",
     "Another", "Other", "Former", "Fellow", "Separately", "Earlier", "Later", "Today", "Yesterday", "Why", "What",
     "How", "Who", "Where", "Yes",
     // interjections, indefinite pronouns and adjectives opening a sentence
     "Well", "Oh", "Okay", "Nobody", "Everybody", "Everyone", "Anyone", "Anybody", "None", "Few", "Alongside", "Top",
     // prepositions and conjunctions opening a sentence
     "Amid", "Amidst", "Upon", "Within", "Without", "Against", "Toward", "Towards", "Through", "Throughout", "Across",
     "Beyond", "Behind", "Until", "Unless", "Whether", "Because", "Whereas", "Chinese", "American", "British",
     "Mexican", "Russian", "French", "German", "U.S", "US", "U.K", "UK", "EU", "U.N", "UN", "Democrat", "Democrats",
     "Republican", "Republicans", "Democratic",
     // sentence adverbs
     "Originally", "Possibly", "Probably", "Reportedly", "Apparently", "Clearly", "Certainly", "Obviously",
     "Initially", "Ultimately", "Eventually", "Finally", "Additionally", "Consequently", "Similarly", "Likewise",
     "Previously", "Currently", "Recently", "Traditionally", "Historically", "Officially", "Notably", "Surprisingly",
     "Interestingly", "Unfortunately", "Fortunately", "Frankly", "Basically", "Essentially", "Generally",
     "Typically", "Usually", "Normally", "Hopefully", "Sadly", "Luckily", "Ironically", "Importantly",
     "Specifically", "Overall", "Nonetheless", "Nevertheless", "Furthermore", "Moreover", "Accordingly",
     "Therefore"}};
const WordList kNationality{"kNationality",
                            Casing::capitalised,
                            {"Chinese", "American", "British", "Mexican", "Russian", "French", "German", "U.S", "US",
                             "U.K", "UK", "EU", "U.N", "UN", "Democrat", "Republican", "Democratic"}};
const WordList kOrgWords{"kOrgWords",
                         Casing::capitalised,
                         {"Institution",  "Institute",   "Board",          "Ministry",   "Centers",    "Center",
                          "Centre",       "Commission",  "Bureau",         "University", "Department", "Agency",
                          "Council",      "Party",       "Association",    "Committee",  "Court",      "Bank",
                          "Company",      "Corporation", "Corp",           "Inc",        "Group",      "Organization",
                          "Organisation", "Foundation",  "Office",         "Service",    "Services",   "News",
                          "Times",        "Post",        "Federation",     "Union",      "League",     "Club",
                          "Authority",    "Police",      "Army",           "Navy",       "Senate",     "Congress",
                          "Parliament",   "Government",  "Administration", "Fund",       "Trust",      "Society",
                          "Network",      "Press",       "Reuters",        "Journal",    "Tribune",    "Herald",
                          "Courier",      "Ledger",      "Wire",           "Bulletin",   "Sentinel",   "Hospital",
                          "School",       "College",     "Museum",         "FC",         "Ltd",        "LLC",
                          "Media",        "Coalition",   "Alliance",       "Industries", "Airlines",   "Motors",
                          "Partners",     "Labs",        "Systems",        "Terminals",  "Port",       "Biologics",
                          "Maison",       "Capital",     "Data",           "Supporters", "Daily",
                          "Executive"}};
const WordList kParticles{
    "kParticles",
    Casing::lower,
    {"de", "da", "van", "von", "der", "den", "bin", "al", "la", "le", "del", "di", "du", "dos", "ibn"}};
const WordList kAdverbs{"kAdverbs",
                        Casing::lower,
                        {"also", "later", "previously", "then", "once", "recently", "repeatedly", "has", "have", "had",
                         "would", "will", "publicly", "privately", "flatly", "simply", "bluntly", "again", "often",
                         "always", "however", "meanwhile"}};
const WordList kOpeningAdverbsAfterConjunction{
    "kOpeningAdverbsAfterConjunction", Casing::lower, {"then", "now", "later", "finally", "also", "again", "still"}};
const WordList kReportingVerbs{
    "kReportingVerbs",
    Casing::lower,
    {"said",       "says",       "say",       "told",      "tells",      "added",       "adds",       "argued",
     "argues",     "claimed",    "claims",    "insisted",  "insists",    "warned",      "warns",      "noted",
     "notes",      "explained",  "explains",  "stressed",  "suggested",  "suggests",    "predicted",  "predicts",
     "acknowledged", "admitted", "admits",    "announced", "wrote",      "writes",      "tweeted",    "declared",
     "contended",  "maintained", "asserted",  "alleged",   "conceded",   "complained",  "stated",     "confirmed",
     "promised",   "vowed",      "testified", "recalled",  "reported",   "estimated",   "countered",  "replied",
     "responded",  "believes",   "believed",  "thinks",    "emphasized", "reiterated",  "cautioned",  "agreed",
     "saying",     "adding",     "arguing",   "claiming",  "insisting",  "warning",     "noting",     "explaining",
     "stressing",  "suggesting", "predicting", "acknowledging", "admitting", "announcing", "declaring", "promising",
     "vowing",     "writing",    "tweeting",  "telling"}};
const WordList kClauseVerbs{"kClauseVerbs",
                            Casing::lower,
                            {"said", "says", "say", "told", "tells", "wrote", "writes", "tweeted", "argued", "argues",
                             "claimed", "claims", "insisted", "insists", "warned", "warns", "predicted", "predicts",
                             "believes", "thinks", "added", "adds", "saying", "arguing", "claiming", "insisting",
                             "warning", "telling", "writing", "tweeting", "adding"}};
const WordList kClauseSubjects{"kClauseSubjects",
                               Casing::lower,
                               {"it", "we", "you", "there", "his", "her", "their", "its", "this", "these",
                                "those", "no", "all", "some", "many", "most", "both", "neither", "every", "each"}};
const WordList kMonthAbbreviations{
    "kMonthAbbreviations",
    Casing::capitalised,
    {"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"}};
const WordList kNameAbbreviations{"kNameAbbreviations", Casing::capitalised, {"St", "Mt", "Ft", "Sts"}};
const WordList kLeadingVerbs{
    "kLeadingVerbs",
    Casing::capitalised,
    {"Following", "According",   "Including",  "Regarding",  "Speaking",      "Writing",     "Adding",
     "Saying",    "Citing",      "Responding", "Describing", "Noting",        "Calling",     "Arguing",
     "Given",     "Considering", "Concerning", "Pending",    "Beginning",     "Starting",    "Excluding",
     "Barring",   "Assuming",    "Judging",    "Looking",    "Turning",       "Returning",   "Referring",
     "Asked",     "Told",        "Reached",    "Contacted",  "Pressed",       "Interviewed", "Asserting",
     "Insisting", "Claiming",    "Explaining", "Defending",  "Attacking",     "Criticizing", "Praising",
     "Warning",   "Urging",      "Announcing", "Addressing", "Acknowledging", "Admitting",   "Campaigning",
     "Testifying"}};
const WordList kRoleNouns{
    "kRoleNouns",
    Casing::lower,
    {"executive",     "officer",     "director",   "manager",     "mediator",     "arbitrator",    "businessman",
     "businesswoman", "leader",      "spokesman",  "spokeswoman", "spokesperson", "lawyer",        "attorney",
     "analyst",       "economist",   "professor",  "adviser",     "advisor",      "minister",      "secretary",
     "chair",         "chairman",    "chairwoman", "president",   "founder",      "owner",         "coach",
     "striker",       "goalkeeper",  "captain",    "chief",       "judge",        "detective",     "inspector",
     "commissioner",  "candidate",   "nominee",    "senator",     "governor",     "mayor",         "councillor",
     "councilor",     "official",    "researcher", "scientist",   "historian",    "curator",       "investigator",
     "dealer",        "farmer",      "grower",     "resident",    "tenant",       "driver",        "operator",
     "teacher",       "nurse",       "doctor",     "physician",   "surgeon",      "lawmaker",      "activist",
     "organizer",     "artist",      "writer",     "author",      "journalist",   "reporter",      "editor",
     "producer",      "singer",      "actor",      "actress",     "player",       "midfielder",    "defender",
     "forward",       "winger",      "trainer",    "agent",       "broker",       "banker",        "investor",
     "entrepreneur",  "engineer",    "student",    "pensioner",   "volunteer",    "witness",       "victim",
     "son",           "daughter",    "wife",       "husband",     "mother",       "father",        "brother",
     "sister",        "colleague",   "friend",     "neighbor",    "neighbour",    "deputy",        "aide",
     "ambassador",    "envoy",       "premier",    "prosecutor",  "defendant",    "plaintiff",     "rapper",
     "comedian",      "host",        "anchor",     "pundit",      "strategist",   "pollster",      "consultant",
     "donor",         "billionaire", "magnate",    "commentator", "columnist",    "challenger",    "incumbent",
     "rival",         "opponent",    "mate",       "counterpart", "predecessor",  "successor",     "niece",
     "nephew",        "cousin",      "aunt",       "uncle",       "grandson",     "granddaughter", "grandmother",
     "grandfather",   "widow",       "widower",    "spouse",      "partner",      "fiance",        "fiancee",
     "boyfriend",     "girlfriend",  "boss",         "operative",   "insider"}};
const WordList kDeterminers{
    "kDeterminers", Casing::any, {"the",     "The",     "a",     "A",     "an",    "An",   "one",     "One",     "his",
                                  "His",     "her",     "Her",   "their", "Their", "its",  "Its",     "our",     "Our",
                                  "another", "Another", "some",  "Some",  "many",  "Many", "several", "Several", "two",
                                  "Two",     "three",   "Three", "other", "Other", "this", "This"}};
const WordList kPersonNouns{
    "kPersonNouns",
    Casing::lower,
    {"official",      "officials",   "spokesman",     "spokeswoman", "spokesperson", "governor",    "president",
     "senator",       "lawyer",      "attorney",      "aide",        "aides",        "adviser",     "advisers",
     "advisor",       "analyst",     "analysts",      "expert",      "experts",      "candidate",   "nominee",
     "questioner",    "woman",       "man",           "mother",      "father",       "voter",       "voters",
     "resident",      "residents",   "critic",        "critics",     "supporter",    "supporters",  "source",
     "sources",       "minister",    "director",      "chief",       "leader",       "leaders",     "lawmaker",
     "lawmakers",     "economist",   "economists",    "researcher",  "researchers",  "teacher",     "teachers",
     "parent",        "parents",     "officer",       "officers",    "prosecutor",   "prosecutors", "investigator",
     "investigators", "businessman", "businesswoman", "judge",       "announcer",    "narrator",    "doctor",
     "worker",        "workers",     "member",        "members",     "democrats",    "republicans", "protesters",
     "organizers",    "witnesses",   "advocates",     "people",      "host"}};
const WordList kCommonPlurals{
    "kCommonPlurals",
    Casing::lower,
    {"organizers", "protesters", "authorities", "police", "opponents", "observers", "scientists", "doctors", "students",
     "neighbors", "neighbours", "activists", "employees", "executives", "managers", "owners", "farmers", "growers",
     "troops", "demonstrators", "diplomats", "negotiators", "regulators", "officials", "insiders", "sources", "aides",
     "analysts", "experts", "critics", "supporters", "voters", "residents", "lawmakers", "leaders", "economists",
     "researchers", "teachers", "parents", "workers", "members", "witnesses", "advocates", "democrats", "republicans",
     "investigators", "prosecutors", "officers", "people", "others", "polls", "reports", "documents", "records",
     "studies", "surveys", "data", "hours", "days", "minutes", "weeks", "months", "years", "moments", "decades",
     "attorneys", "lawyers", "advisers", "advisors", "staffers", "consultants", "delegates", "donors", "senators",
     "governors", "candidates", "spokesmen", "spokeswomen", "legislators", "judges", "agents", "soldiers", "veterans",
     "families", "relatives", "friends", "fans", "viewers", "readers",
     // groups of people named by origin, faith or politics
     "hispanics", "latinos", "latinas", "americans", "mexicans", "muslims", "christians", "jews", "catholics",
     "evangelicals", "asians", "africans", "europeans", "immigrants", "refugees", "millennials", "conservatives",
     "liberals", "progressives", "independents", "women", "men"}};
const WordList kDocuments{"kDocuments",
                          Casing::lower,
                          {"report", "statement", "study", "analysis", "survey", "letter", "memo", "release", "filing",
                           "brief", "complaint", "ruling", "editorial", "website", "assessment", "audit", "review",
                           "poll", "tweet", "email", "e-mail", "missive", "message", "speech", "remarks", "column",
                           "op-ed", "essay", "post", "blog", "note", "testimony", "affidavit", "lawsuit", "petition",
                           // and what someone said, taken as a whole
                           "claim", "comments", "comment", "words", "response", "reply", "answer", "slogan", "argument",
                           "warning", "remark", "prediction", "promise", "pledge", "vow"}};
const WordList kOrgDocuments{
    "kOrgDocuments",
    Casing::lower,
    {"report", "statement", "study", "analysis", "survey", "letter", "memo", "release", "filing", "brief", "complaint",
     "ruling", "editorial", "website", "assessment", "audit", "review", "poll"}};
const WordList kAffiliationPreps{"kAffiliationPreps", Casing::lower, {"at", "for", "of", "with"}};
const WordList kFunctionWords{"kFunctionWords",
                              Casing::lower,
                              {"and",  "or",   "but",  "that", "which", "who",  "to",   "of",    "in",   "on",  "at",
                               "for",  "with", "by",   "from", "as",    "it",   "is",   "was",   "were", "are", "be",
                               "been", "has",  "have", "had",  "not",   "also", "then", "there", "this", "what"}};
const WordList kPlaceTails{"kPlaceTails",
                           Casing::capitalised,
                           {"County", "City", "Township", "Parish", "Province", "Island", "Islands", "Valley"}};
const WordList kIngTitles{
    "kIngTitles", Casing::lower, {"acting",    "presiding",   "managing",     "leading",    "founding",  "ruling",
                                  "reigning",  "visiting",    "outgoing",     "incoming",   "governing", "sitting",
                                  "serving",   "ranking",     "retiring",     "consulting", "polling",   "longstanding",
                                  "operating", "supervising", "contributing", "reporting"}};
const WordList kPlaceChainPreps{"kPlaceChainPreps", Casing::lower, {"of", "from", "in", "near"}};
const WordList kInvertedDeterminers{"kInvertedDeterminers", Casing::lower, {"the", "a", "an", "one", "another"}};
const WordList kInvertedPhraseEnds{"kInvertedPhraseEnds",
                                   Casing::lower,
                                   {"who", "whose", "which", "that", "familiar", "speaking", "close", "for", "with",
                                    "of", "at", "from", "in", "on", "to", "and", "or", "by"}};
const WordList kInvertedPhraseVerbs{"kInvertedPhraseVerbs",
                                    Casing::lower,
                                    {"would", "will", "is", "was", "are", "were", "has", "had", "have", "should",
                                     "could", "can", "may", "might", "must", "did", "does"}};
const WordList kLyNouns{"kLyNouns",
                        Casing::lower,
                        {"family", "ally", "rally", "assembly", "supply", "monopoly", "bully", "anomaly", "homily"}};
const WordList kMediumPreps{"kMediumPreps", Casing::lower, {"on", "in", "at", "to", "via", "through", "from", "into"}};
const WordList kVoiceNouns{"kVoiceNouns",
                           Casing::lower,
                           {"spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "official",
                            "officials", "representative", "representatives"}};
const WordList kOpeningPreps{
    "kOpeningPreps",
    Casing::capitalised,
    {"On",      "In",   "At",     "From",    "With",    "By",   "Under",  "During",     "Through", "Across",  "Inside",
     "Outside", "Near", "Toward", "Towards", "Against", "Amid", "Amidst", "Throughout", "Within",  "Without", "Upon",
     "Like",    "Unlike"}};
const WordList kBeforeNameWords{"kBeforeNameWords",
                                Casing::lower,
                                {"former", "late", "then", "current", "outgoing", "incoming", "acting", "retired",
                                 "fellow", "longtime", "veteran", "ex"}};
const WordList kSubjectAuxiliaries{"kSubjectAuxiliaries",
                                   Casing::lower,
                                   {"had", "has", "have", "is", "was", "were", "are", "will", "would", "also", "then",
                                    "later", "again", "did", "does", "could", "can"}};
const WordList kIrregularVerbsAfterSubject{
    "kIrregularVerbsAfterSubject",
    Casing::lower,
    {"went",   "took",  "gave",  "made",    "spoke", "sent",   "struck", "threw", "held",  "brought", "drew",
     "led",    "swore", "began", "sought",  "hit",   "came",   "stood",  "met",   "ran",   "left",    "got",
     "fought", "lost",  "won",   "thought", "felt",  "knew",   "became", "kept",  "found", "saw",     "told",
     "wrote",  "put",   "set",   "chose",   "sat",   "paused", "heard",  "read"}};
const WordList kWeekdays{
    "kWeekdays", Casing::capitalised, {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}};
const WordList kPlacePreps{"kPlacePreps", Casing::lower, {"from", "of", "in", "near", "at"}};
const WordList kIndefinites{"kIndefinites", Casing::any, {"a", "an", "another", "one", "A", "An", "Another", "One"}};
const WordList kNamePreps{"kNamePreps", Casing::lower, {"at", "of", "from", "with", "for"}};
const WordList kAppositiveGlue{"kAppositiveGlue",
                               Casing::lower,
                               {"a", "an", "the", "and", "of", "for", "at", "its", "their", "former", "senior", "chief",
                                "vice", "deputy", "executive", "co-founder"}};
const WordList kPlaceNouns{
    "kPlaceNouns",
    Casing::lower,
    {"capital", "city", "town", "village", "county", "state", "country", "province", "region", "district",
     "neighborhood", "neighbourhood", "suburb", "island", "borough", "township", "hometown", "port"}};
const WordList kObjectPreps{"kObjectPreps", Casing::lower, {"of", "at", "for", "with", "from", "by", "to", "in", "on"}};
const WordList kAppositiveOpeners{"kAppositiveOpeners", Casing::lower, {"who", "which", "a", "an", "the"}};
const WordList kObjectCues{
    "kObjectCues",
    Casing::lower,
    {"told", "tells", "asked", "asks", "urged", "called", "accused", "praised", "blasted", "slammed", "mocked",
     "criticized", "dismissed", "described", "assured", "reassured", "reminded", "advised", "informed"}};
const WordList kJoinWords{
    "kJoinWords", Casing::lower, {"and", "or", "with", "to", "of", "for", "by", "from", "at", "in", "on"}};
const WordList kWordsInS{
    "kWordsInS",
    Casing::lower,
    {"is", "was", "has", "says", "does", "as", "this", "his", "its", "thus", "yes", "always", "perhaps", "us"}};
const WordList kClauseAuxiliaries{"kClauseAuxiliaries",
                                  Casing::lower,
                                  {"is", "was", "has", "had", "would", "will", "should", "could", "can", "did", "does",
                                   "were", "are", "must", "might"}};
const WordList kAnswers{"kAnswers", Casing::lower, {"no",         "yes",          "absolutely", "never",
                                                    "okay",       "ok",           "sure",       "right",
                                                    "nope",       "yeah",         "thanks",     "wow",
                                                    "exactly",    "definitely",   "certainly",  "indeed",
                                                    "maybe",      "perhaps",      "well",       "look",
                                                    "listen",     "fine",         "agreed",     "correct",
                                                    "true",       "false",        "nonsense",   "ridiculous",
                                                    "impossible", "unbelievable", "amazing",    "incredible",
                                                    "please",     "sorry",        "hello",      "goodbye",
                                                    "oh",         "ah",           "hey",        "no-no",
                                                    "why",        "what",         "how",        "seriously",
                                                    "honestly",   "frankly",      "quiet",      "meh",
                                                    "stop",       "enough",       "wait",       "congratulations",
                                                    "bravo",      "shame",        "help",       "thank"}};
const WordList kTitleSmallWords{"kTitleSmallWords",
                                Casing::lower,
                                {"the", "a", "an", "of", "with", "and", "or", "in", "on", "at", "to", "for", "by"}};
const WordList kProgrammeLeads{
    "kProgrammeLeads",
    Casing::lower,
    {"on", "told", "during", "at", "the", "from", "hosted", "host", "show", "program", "programme", "with",
     // "a broadcast of “Harbor Talk”"
     "of"}};
const WordList kObjectLeads{
    "kObjectLeads",
    Casing::lower,
    {"with",   "under",   "to",   "by",     "of",   "for",     "from",   "against", "about", "at",    "on",
     "in",     "than",    "like", "and",    "or",   "between", "toward", "towards", "into",  "down",  "up",
     "across", "through", "near", "around", "over", "after",   "before", "during",  "via",   "among", "outside",
     "inside", "his",     "her",  "their",  "its",  "our",     "my",     "your",    "a",     "an"}};
const WordList kPlaceModifierPreps{
    "kPlaceModifierPreps", Casing::lower, {"in", "from", "to", "across", "throughout", "near", "of", "at"}};
const WordList kInWords{"kInWords", Casing::lower, {"in", "across", "throughout"}};
const WordList kMaleHonorifics{"kMaleHonorifics", Casing::capitalised, {"Mr"}};
const WordList kFemaleHonorifics{"kFemaleHonorifics", Casing::capitalised, {"Mrs", "Ms", "Miss"}};
const WordList kMaleNouns{
    "kMaleNouns", Casing::lower, {"man",         "boy",         "father",    "husband", "son",
                                  "brother",     "grandfather", "uncle",     "nephew",  "businessman",
                                  "congressman", "spokesman",   "chairman",  "widower", "boyfriend",
                                  "councilman",  "assemblyman", "sportsman", "king",    "prince"}};
const WordList kFemaleNouns{"kFemaleNouns",
                            Casing::lower,
                            {"woman", "girl", "mother", "wife", "daughter", "sister", "grandmother", "aunt", "niece",
                             "businesswoman", "congresswoman", "spokeswoman", "chairwoman", "widow", "girlfriend",
                             "councilwoman", "assemblywoman", "queen", "princess"}};
// Given names: common in English-language news, each far more often one sex's than the other's
// (names given to both, such as Jordan, Taylor, Leslie, Robin, Jamie, Morgan, Casey, Sam and
// Alex, are in neither list).
const WordList kMaleGivenNames{"kMaleGivenNames", Casing::capitalised, {"Aaron", "Adam", "Adrian", "Ahmed", "Alan", "Alastair", "Albert", "Alberto", "Alexander", "Alfred", "Ali", "Alistair", "Andrew", "Andy", "Anthony", "Antonio", "Arthur", "Barack", "Barry", "Ben", "Benjamin", "Bernard", "Bernie", "Bill", "Bob", "Bobby", "Boris", "Brad", "Brandon", "Brian", "Bruce", "Bryan", "Carl", "Carlos", "Charles", "Chris", "Christopher", "Chuck", "Clive", "Colin", "Craig", "Dale", "Dan", "Daniel", "Darren", "Dave", "David", "Dean", "Dennis", "Derek", "Desmond", "Dick", "Dmitry", "Donald", "Doug", "Douglas", "Duncan", "Earl", "Ed", "Eddie", "Edward", "Elliot", "Enrique", "Eric", "Ernest", "Felipe", "Fernando", "Francois", "Frank", "Franz", "Fred", "Frederick", "Gareth", "Gary", "Gavin", "Geoff", "George", "Gerald", "Gerry", "Glenn", "Gordon", "Graham", "Greg", "Gregory", "Hank", "Hans", "Harold", "Harry", "Henry", "Howard", "Hugh", "Ian", "Jack", "Jacob", "James", "Jason", "Jean-Claude", "Jeb", "Jeff", "Jeffrey", "Jeremiah", "Jeremy", "Jerry", "Jim", "Jimmy", "Joe", "John", "Johnny", "Jon", "Jonathan", "Jorge", "Jose", "Joseph", "Josh", "Joshua", "Juan", "Karl", "Keith", "Ken", "Kenneth", "Kevin", "Kofi", "Kurt", "Lamar", "Lance", "Larry", "Lawrence", "Luis", "Malcolm", "Manuel", "Marc", "Marco", "Mark", "Martin", "Matt", "Matthew", "Michael", "Miguel", "Mike", "Mitch", "Mitt", "Mohammed", "Muhammad", "Neil", "Newt", "Nicholas", "Nick", "Nigel", "Oliver", "Omar", "Owen", "Patrick", "Paul", "Pedro", "Pete", "Peter", "Phil", "Philip", "Pierre", "Rafael", "Ralph", "Rand", "Randy", "Raymond", "Reggie", "Reince", "Rhys", "Ricardo", "Richard", "Rick", "Rob", "Robert", "Roberto", "Rod", "Roger", "Ron", "Ronald", "Roy", "Rudy", "Rupert", "Russell", "Ryan", "Samuel", "Scott", "Sean", "Sergei", "Sergio", "Simon", "Stan", "Stephen", "Steve", "Steven", "Stuart", "Ted", "Terry", "Thomas", "Tim", "Timothy", "Todd", "Tom", "Tony", "Trevor", "Victor", "Vladimir", "Walter", "Wayne", "William", "Willie"}};
const WordList kFemaleGivenNames{"kFemaleGivenNames", Casing::capitalised, {"Abigail", "Alice", "Alison", "Amanda", "Amy", "Andrea", "Angela", "Ann", "Anna", "Anne", "Barbara", "Becky", "Betty", "Beverly", "Beyonce", "Brenda", "Bridget", "Britney", "Carly", "Carol", "Caroline", "Catherine", "Cathy", "Cheryl", "Chloe", "Christiane", "Christina", "Christine", "Claire", "Condoleezza", "Cynthia", "Debbie", "Deborah", "Debra", "Denise", "Diana", "Diane", "Dianne", "Donna", "Doris", "Dorothy", "Eileen", "Elaine", "Elizabeth", "Ellen", "Ellie", "Emily", "Emma", "Evelyn", "Fiona", "Frances", "Geraldine", "Gillian", "Gloria", "Grace", "Hannah", "Harriet", "Hayley", "Heather", "Helen", "Hilary", "Hillary", "Huma", "Ida", "Ileana", "Irene", "Ivanka", "Jade", "Jane", "Janet", "Janice", "Jeanne", "Jemima", "Jennifer", "Jenny", "Jessica", "Jill", "Jo", "Joan", "Joanna", "Joanne", "Joy", "Joyce", "Judith", "Judy", "Julia", "Julie", "Karen", "Kate", "Katherine", "Kathleen", "Kathryn", "Kathy", "Katie", "Keira", "Kellyanne", "Kirsten", "Kirsty", "Kristen", "Kylie", "Laura", "Lauren", "Linda", "Lisa", "Liz", "Lois", "Loretta", "Lori", "Louise", "Lucy", "Lynn", "Madeleine", "Madonna", "Margaret", "Maria", "Marianne", "Marie", "Marilyn", "Martha", "Mary", "Maxine", "Meg", "Megan", "Melania", "Melissa", "Michele", "Michelle", "Molly", "Nancy", "Natalie", "Nicky", "Nicola", "Nicole", "Nikki", "Olivia", "Oprah", "Pamela", "Patricia", "Paula", "Penny", "Rachel", "Rebecca", "Rose", "Ruby", "Ruth", "Sally", "Samantha", "Sandra", "Sara", "Sarah", "Sharon", "Sheila", "Shirley", "Sonia", "Sophie", "Stephanie", "Sue", "Susan", "Tammy", "Teresa", "Tessa", "Theresa", "Tina", "Tracey", "Ursula", "Valerie", "Victoria", "Wendy", "Whitney", "Yvonne", "Zoe"}};
const WordList kOpeningSubordinators{"kOpeningSubordinators",
                                     Casing::capitalised,
                                     {"Though", "Although", "While", "When", "After", "Before", "As", "Because", "If",
                                      "Since", "Once", "Until", "Whether"}};
const WordList kOrgNouns{
    "kOrgNouns",
    Casing::lower,
    {"company",   "firm",       "ministry",   "department",  "agency",         "authority", "council",   "union",
     "club",      "museum",     "court",      "commission",  "government",     "campaign",  "committee", "board",
     "bank",      "university", "school",     "hospital",    "group",          "party",     "service",   "office",
     "institute", "foundation", "federation", "association", "administration", "network"}};
const WordList kPublicBodyWords{
    "kPublicBodyWords", Casing::capitalised, {"Department", "Ministry",   "Agency",         "Court",      "Commission",
                                              "Government", "Council",    "Police",         "University", "Senate",
                                              "Congress",   "Parliament", "Administration", "Office",     "Bureau",
                                              "Service",    "Authority",  "Party",          "Committee",  "Board"}};
const WordList kSubordinators{
    "kSubordinators",
    Casing::lower,
    {"when", "after", "before", "while", "because", "since", "until", "if", "unless", "although", "though", "whereas"}};
const WordList kClauseOpeners{
    "kClauseOpeners",
    Casing::capitalised,
    {"After", "When", "While", "Though", "Although", "Because", "Since", "Before", "If", "Once", "Whereas"}};
const WordList kMakeForms{"kMakeForms", Casing::lower, {"make", "made", "makes", "making"}};
const WordList kSaidThings{
    "kSaidThings", Casing::lower, {"comment", "comments", "remark", "remarks", "statement", "statements"}};
const WordList kSentenceOpeners{"kSentenceOpeners",
                                Casing::capitalised,
                                {"In", "On", "At", "During", "After", "Before", "Since", "From", "Earlier", "Later",
                                 "Last", "Speaking", "Writing", "Asked", "Addressing", "Campaigning", "Immediately",
                                 "Shortly", "Soon", "Then", "Meanwhile", "Separately", "Still", "Yet", "Instead",
                                 "Afterward", "Afterwards", "Today", "Yesterday", "Overnight", "Within", "Throughout",
                                 "Upon", "Under", "Over", "By", "Despite", "Amid", "Following", "Hours", "Days",
                                 "Minutes", "Moments", "Weeks"}};
const WordList kNounPhraseAuxiliaries{
    "kNounPhraseAuxiliaries", Casing::lower, {"has", "had", "have", "is", "was", "will", "would"}};
const WordList kThisBodies{"kThisBodies",
                           Casing::lower,
                           {"newspaper", "paper", "magazine", "company", "campaign", "agency", "committee",
                            "organization", "organisation", "group", "network"}};
const WordList kVerbAuxiliaries{"kVerbAuxiliaries",
                                Casing::lower,
                                {"has", "had", "have", "is", "was", "will", "would", "did", "does", "could", "can"}};
const WordList kMoreAdverbs{
    "kMoreAdverbs", Casing::lower, {"further", "even", "still", "never", "once", "first", "just", "long"}};
const WordList kIrregularPasts{
    "kIrregularPasts", Casing::lower, {"put",    "wrote", "told",  "took",   "gave", "made",    "spoke", "went", "sent",
                                       "struck", "threw", "found", "kept",   "held", "brought", "drew",  "saw",  "led",
                                       "swore",  "began", "chose", "sought", "set",  "hit",     "shot"}};

const WordList kSourcePersonNouns{
    "kSourcePersonNouns",
    Casing::lower,
    {"trader",      "diplomat",      "arbitrager",   "arbitrageur", "underwriter",  "staffer",
     "specialist",  "correspondent", "champion",     "star",        "youngster",    "teenager",
     "debutant",    "seed",          "veteran",      "rookie",      "insider",      "delegate",
     "employee",    "user",          "customer",     "consumer",    "buyer",        "seller",
     "exporter",    "importer",      "observer",     "boss",        "moderator",    "organiser",
     "confidant",   "confidante",    "tycoon",       "mogul",       "participant",  "attendee",
     "respondent",  "commenter",     "heckler",      "crowd",       "audience",     "fan",
     "viewer",      "reader",        "listener",     "caller",      "reviewer",     "developer",
     "designer",    "accountant",    "creditor",     "shareholder", "stakeholder",  "bidder",
     "holder",      "counselor",     "counsellor",   "lobbyist",    "policymaker",  "undersecretary",
     "backbencher", "frontbencher",  "peer",         "mp",          "mep",          "athlete",
     "runner",      "cyclist",       "swimmer",      "golfer",      "boxer",        "jockey",
     "rider",       "sprinter",      "bowler",       "fielder",     "prop",         "hooker",
     "flanker",     "full-back",     "fly-half",     "scrum-half",  "keeper",       "pupil",
     "child",       "children",      "kid",          "teen",        "person",       "individual",
     "citizen",     "patient",       "survivor",     "relative",    "family",       "couple",
     "household",   "taxpayer",      "motorist",     "passenger",   "traveller",    "traveler",
     "tourist",     "campaigner",    "protester",    "protestor",   "demonstrator", "troops",
     "soldier",     "commander",     "police",       "negotiator",  "juror",        "winner",
     "loser",       "runner-up",     "finalist",     "contender",   "hopeful",      "frontrunner",
     "favourite",   "favorite",      "heir",         "presenter",   "musician",     "celebrity",
     "model",       "chef",          "photographer", "novelist",    "poet",         "playwright",
     "composer",    "conductor",     "dancer",       "dj",          "skipper",      "public",
     "democrat",    "republican",    "tory",         "tories",      "conservative", "liberal",
     "socialist",   "independent",   "nationalist",  "unionist",    "others",       "electorate",
     "master",      "sailor",        "pilot",        "crew",        "miner",        "welder",
     "builder",     "plumber",       "carpenter",    "mechanic",    "clerk",        "cashier",
     "waiter",      "waitress",      "baker",        "butcher",     "grocer",       "shopkeeper",
     "landlord",    "villager",      "islander",     "local",       "homeowner",    "shopper",
     "commuter",    "diver",         "surfer",       "hunter",      "angler",       "fisher",
     "guard",       "ranger",        "warden",       "firefighter", "paramedic",    "medic",
     "marine",      "lecturer",      "tutor",        "headteacher", "headmaster",   "headmistress",
     "principal",   "graduate",      "worshipper",   "believer",    "monk",         "nun",
     "vet",         "suspect",       "prisoner",     "inmate",      "detainee",     "refugee",
     "migrant",     "immigrant",     "chancellor",   "bishop",      "archbishop",   "pope",
     "cardinal",    "priest",        "vicar",        "rabbi",       "imam",         "king",
     "queen",       "prince",        "princess",     "sheriff",     "marshal",      "general",
     "admiral",     "colonel",       "sergeant",     "lieutenant",  "constable",    "superintendent",
     "authorities", "staff",         "management",   "leadership",  "speaker",      "justice",
     "heavyweight", "impostor",      "imposter",     "look-alike",  "lookalike"}};
const WordList kNotPersonEndings{
    "kNotPersonEndings",
    Casing::lower,
    {"checklist", "playlist", "shortlist", "wishlist", "blacklist", "waitlist", "twist", "wrist", "exist", "insist",
     "assist", "persist", "resist", "desist", "subsist", "median", "meridian", "amphibian"}};
const WordList kSourceBodyNouns{
    "kSourceBodyNouns",
    Casing::lower,
    {"airline",     "carrier",     "tabloid",     "daily",     "weekly",      "journal",      "station",
     "broadcaster", "channel",     "studio",      "label",     "watchdog",    "regulator",    "exchange",
     "bourse",      "industry",    "team",        "side",      "squad",       "band",         "jury",
     "panel",       "delegation",  "consortium",  "syndicate", "partnership", "alliance",     "coalition",
     "charity",     "trust",       "subsidiary",  "unit",      "division",    "branch",       "embassy",
     "consulate",   "parliament",  "assembly",    "senate",    "congress",    "cabinet",      "army",
     "military",    "navy",        "press",       "utility",   "maker",       "manufacturer", "automaker",
     "carmaker",    "retailer",    "supermarket", "chain",     "insurer",     "lender",       "refiner",
     "bookmaker",   "outlet",      "publisher",   "body",      "regime",      "junta",        "state",
     "city",        "town",        "county",      "nation",    "country",     "business",     "institution",
     "co-op",       "cooperative", "corporation", "bureau",    "publication", "community",    "non-profit",
     "nonprofit",   "media",       "movement",    "monopoly"}};
const WordList kSourceDocuments{
    "kSourceDocuments",
    Casing::lower,
    {"communique",     "suit",          "document",   "newsletter",   "article",      "ad",
     "advert",         "advertisement", "summary",    "prospectus",   "indictment",   "guidance",
     "instructions",   "headline",      "telex",      "bulletin",     "readout",      "announcement",
     "declaration",    "edition",       "book",       "clip",         "piece",        "story",
     "resolution",     "agreement",     "accord",     "pact",         "contract",     "treaty",
     "recommendation", "law",           "bylaws",     "budget",       "proposal",     "bill",
     "motion",         "manifesto",     "charter",    "constitution", "verdict",      "judgment",
     "judgement",      "decision",      "order",      "notice",       "circular",     "findings",
     "figures",        "data",          "research",   "index",        "forecast",     "outlook",
     "estimate",       "minutes",       "transcript", "text",         "wording",      "draft",
     "page",           "webpage",       "web-site",   "sign",         "banner",       "poster",
     "placard",        "leaflet",       "flyer",      "brochure",     "pamphlet",     "caption",
     "song",           "lyrics",        "film",       "documentary",  "video",        "program",
     "programme",      "series",        "episode",    "play",         "novel",        "poem",
     "guide",          "manual",        "handbook",   "inquiry",      "probe",        "investigation",
     "dossier",        "file",          "paperwork",  "submission",   "consultation", "white-paper",
     "green-paper",    "textbook",      "entry",      "obituary",     "profile",      "opinion",
     "account",        "passage",       "card",       "playbook",     "results",      "interview",
     "deal",           "plan"}};
const WordList kStates{
    "kStates",
    Casing::capitalised,
    {"Afghanistan",  "Albania",    "Algeria",    "Angola",     "Argentina",  "Armenia",     "Australia",   "Austria",
     "Azerbaijan",   "Bahrain",    "Bangladesh", "Belarus",    "Belgium",    "Bolivia",     "Bosnia",      "Brazil",
     "Britain",      "Bulgaria",   "Burma",      "Cambodia",   "Cameroon",   "Canada",      "Chile",       "China",
     "Colombia",     "Croatia",    "Cuba",       "Cyprus",     "Denmark",    "Ecuador",     "Egypt",       "Eritrea",
     "Estonia",      "Ethiopia",   "Finland",    "France",     "Germany",    "Ghana",       "Greece",      "Guatemala",
     "Haiti",        "Honduras",   "Hungary",    "Iceland",    "India",      "Indonesia",   "Iran",        "Iraq",
     "Ireland",      "Israel",     "Italy",      "Japan",      "Kazakhstan", "Kenya",       "Kosovo",      "Kuwait",
     "Kyrgyzstan",   "Laos",       "Latvia",     "Lebanon",    "Liberia",    "Libya",       "Lithuania",   "Luxembourg",
     "Macedonia",    "Malaysia",   "Mali",       "Malta",      "Mexico",     "Moldova",     "Mongolia",    "Montenegro",
     "Morocco",      "Mozambique", "Myanmar",    "Namibia",    "Nepal",      "Netherlands", "Nicaragua",   "Niger",
     "Nigeria",      "Norway",     "Oman",       "Pakistan",   "Palestine",  "Panama",      "Paraguay",    "Peru",
     "Philippines",  "Poland",     "Portugal",   "Qatar",      "Romania",    "Russia",      "Rwanda",      "Senegal",
     "Serbia",       "Singapore",  "Slovakia",   "Slovenia",   "Somalia",    "Spain",       "Sudan",       "Sweden",
     "Switzerland",  "Syria",      "Taiwan",     "Tajikistan", "Tanzania",   "Thailand",    "Tunisia",     "Turkey",
     "Turkmenistan", "Uganda",     "Ukraine",    "Uruguay",    "Uzbekistan", "Venezuela",   "Vietnam",     "Yemen",
     "Zambia",       "Zimbabwe",   "America",    "Beijing",    "Moscow",     "Washington",  "Tokyo",       "Tehran",
     "Pyongyang",    "Seoul",      "Kabul",      "Baghdad",    "Damascus",   "Ankara",      "Islamabad",   "Delhi",
     "Brussels",     "Bonn",       "Berlin",     "Kremlin",    "Pentagon",   "Whitehall",   "Westminster", "Havana",
     "Caracas",      "Riyadh",     "Tripoli",    "Khartoum",   "Kiev",       "Minsk",       "Warsaw",      "Madrid",
     "Ottawa",       "Canberra",   "Jakarta",    "Manila",     "Hanoi",      "Taipei",      "Cairo",       "Amman",
     "Beirut",       "Jerusalem",  "Athens",     "Budapest",   "Prague",     "Vienna",      "Stockholm",   "Oslo",
     "Copenhagen",   "Helsinki",   "Dublin",     "Lisbon",     "Rome",       "Paris",       "London"}};
const WordList kUsStates{"kUsStates", Casing::capitalised, {"Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "Washington", "Wisconsin", "Wyoming", "Hampshire", "Jersey", "York", "Carolina", "Dakota", "Island", "Columbia"}};
const WordList kToldVerbs{"kToldVerbs", Casing::lower,
                          {"tell", "tells", "told", "say", "says", "said", "write", "writes", "wrote", "warn", "warned"}};
const WordList kOwnWords{"kOwnWords", Casing::lower,
                         {"self-description", "description", "words", "phrase", "slogan", "mantra", "motto",
                          "catchphrase", "pledge", "vow", "promise"}};
const WordList kOwnWordsGlue{"kOwnWordsGlue", Casing::lower, {"of", "being", "a", "an", "the", "as", "his", "her", "their"}};
const WordList kNationalNouns{"kNationalNouns", Casing::capitalised,
                              {"Scot", "Scotsman", "Briton", "Englishman", "Welshman", "Irishman", "Frenchman",
                               "American", "Australian", "Canadian", "German", "Spaniard", "Italian", "Dutchman", "Swede",
                               "Brazilian", "Argentine", "Kenyan", "Russian", "Belgian", "Swiss", "Croatian", "Serbian",
                               "Portuguese", "Chinese", "Japanese", "Indian"}};
const WordList kAfterContraction{"kAfterContraction", Casing::lower,
                                 {"been", "got", "gotten", "going", "not", "never", "always", "also", "already", "still",
                                  "just"}};
const WordList kOtherOffice{"kOtherOffice", Casing::any,
                            {"shadow", "Shadow", "former", "Former", "deputy", "Deputy", "vice", "Vice", "ex", "Ex"}};
const WordList kMonths{"kMonths", Casing::capitalised,
                       {"January", "February", "March", "April", "May", "June", "July", "August", "September",
                        "October", "November", "December"}};
const WordList kStateWords{
    "kStateWords",
    Casing::capitalised,
    {"Czech",   "Dominican",   "Republic", "South",  "North",  "Korea",   "New",     "Zealand",  "Sri",      "Lanka",
     "Saudi",   "Arabia",      "Africa",   "United", "States", "Kingdom", "Arab",    "Emirates", "Costa",    "Rica",
     "El",      "Salvador",    "Ivory",    "Coast",  "Sierra", "Leone",   "Burkina", "Faso",     "Hong",     "Kong",
     "Bosnia",  "Herzegovina", "Puerto",   "Rico",   "Papua",  "Guinea",  "East",    "Timor",    "Trinidad", "Tobago",
     "Downing", "Street",      "White",    "House",  "Number", "Ten"}};
const WordList kTimeNouns{
    "kTimeNouns",
    Casing::lower,
    {"time",    "past",    "week",    "weeks",     "month",     "months",    "year",      "years",      "day",
     "days",    "weekend", "morning", "afternoon", "evening",   "night",     "hour",      "hours",      "minute",
     "minutes", "moment",  "decade",  "decades",   "century",   "season",    "quarter",   "summer",     "winter",
     "spring",  "autumn",  "today",   "yesterday", "tonight",   "interview", "statement", "speech",     "filing",
     "letter",  "email",   "e-mail",  "tweet",     "post",      "memo",      "briefing",  "conference", "appearance",
     "hearing", "debate",  "rally",   "address",   "broadcast", "message",   "video",     "event",      "meeting",
     "session", "call",    "op-ed",   "column",    "release"}};
const WordList kTimeModifiers{
    "kTimeModifiers",
    Casing::lower,
    {"the",      "a",        "an",        "last",   "this",    "next",     "that", "these", "those",   "past",
     "recent",   "few",      "several",   "two",    "three",   "four",     "five", "six",   "ten",     "less",
     "more",     "than",     "about",     "nearly", "almost",  "just",     "only", "some",  "earlier", "later",
     "same",     "previous", "following", "coming", "whole",   "entire",   "his",  "her",   "their",   "its",
     "recently", "released", "televised", "radio",  "written", "separate", "brief"}};
const WordList kTimePreps{
    "kTimePreps",
    Casing::lower,
    {"at", "in", "on", "over", "during", "for", "since", "until", "within", "throughout", "earlier", "later"}};
const WordList kInvertedPreps{"kInvertedPreps",
                              Casing::lower,
                              {"with", "at", "by", "from", "to", "in", "on", "after", "before", "during", "despite",
                               "over", "about", "under", "into", "since", "until", "without"}};
const WordList kPostTitles{"kPostTitles", Casing::capitalised, {"MP", "MEP", "MSP", "QC", "KC", "MLA", "TD"}};
const WordList kClauseWords{
    "kClauseWords", Casing::lower, {"whether", "that", "which", "who", "whom", "whose", "what"}};
const WordList kPeerTitles{"kPeerTitles",
                           Casing::capitalised,
                           {"Lord", "Lady", "Baroness", "Baron", "Viscount", "Viscountess", "Earl", "Countess"}};
const WordList kLeadingAdjectives{
    "kLeadingAdjectives",
    Casing::capitalised,
    {"Defiant",     "Proud",     "Delighted", "Disappointed", "Frustrated", "Furious",       "Angry",      "Embattled",
     "Beleaguered", "Veteran",   "Jubilant",  "Elated",       "Relieved",   "Upbeat",        "Buoyant",    "Bullish",
     "Confident",   "Cautious",  "Outgoing",  "Departing",    "Retiring",   "Controversial", "Flamboyant", "Legendary",
     "Injured",     "Stunned",   "Shocked",   "Dejected",     "Disgraced",  "Exiled",        "Jailed",     "Ousted",
     "Sacked",      "Axed",      "Beaten",    "Unbeaten",     "Struggling", "Resurgent",     "Ageing",     "Aging",
     "Wealthy",     "Reclusive", "Maverick",  "Outspoken",    "Ambitious"}};

const std::vector<const WordList*>& all_word_lists() {
    static const std::vector<const WordList*> lists = {&kCues,
                                                       &kParticiples,
                                                       &kDashes,
                                                       &kPronouns,
                                                       &kHonorifics,
                                                       &kTitles,
                                                       &kSurnameTitles,
                                                       &kStops,
                                                       &kNationality,
                                                       &kOrgWords,
                                                       &kParticles,
                                                       &kAdverbs,
                                                       &kOpeningAdverbsAfterConjunction,
                                                       &kMonthAbbreviations,
                                                       &kReportingVerbs,
                                                       &kClauseVerbs,
                                                       &kClauseSubjects,
                                                       &kNameAbbreviations,
                                                       &kLeadingVerbs,
                                                       &kRoleNouns,
                                                       &kDeterminers,
                                                       &kPersonNouns,
                                                       &kCommonPlurals,
                                                       &kDocuments,
                                                       &kOrgDocuments,
                                                       &kAffiliationPreps,
                                                       &kFunctionWords,
                                                       &kPlaceTails,
                                                       &kIngTitles,
                                                       &kPlaceChainPreps,
                                                       &kInvertedDeterminers,
                                                       &kInvertedPhraseEnds,
                                                       &kInvertedPhraseVerbs,
                                                       &kLyNouns,
                                                       &kMediumPreps,
                                                       &kVoiceNouns,
                                                       &kOpeningPreps,
                                                       &kBeforeNameWords,
                                                       &kSubjectAuxiliaries,
                                                       &kIrregularVerbsAfterSubject,
                                                       &kWeekdays,
                                                       &kPlacePreps,
                                                       &kIndefinites,
                                                       &kNamePreps,
                                                       &kAppositiveGlue,
                                                       &kPlaceNouns,
                                                       &kObjectPreps,
                                                       &kAppositiveOpeners,
                                                       &kObjectCues,
                                                       &kJoinWords,
                                                       &kWordsInS,
                                                       &kClauseAuxiliaries,
                                                       &kAnswers,
                                                       &kTitleSmallWords,
                                                       &kProgrammeLeads,
                                                       &kObjectLeads,
                                                       &kPlaceModifierPreps,
                                                       &kInWords,
                                                       &kMaleHonorifics,
                                                       &kFemaleHonorifics,
                                                       &kMaleNouns,
                                                       &kFemaleNouns,
                                                       &kMaleGivenNames,
                                                       &kFemaleGivenNames,
                                                       &kOpeningSubordinators,
                                                       &kOrgNouns,
                                                       &kPublicBodyWords,
                                                       &kSubordinators,
                                                       &kClauseOpeners,
                                                       &kMakeForms,
                                                       &kSaidThings,
                                                       &kSentenceOpeners,
                                                       &kNounPhraseAuxiliaries,
                                                       &kThisBodies,
                                                       &kVerbAuxiliaries,
                                                       &kMoreAdverbs,
                                                       &kIrregularPasts,
                                                       &kSourcePersonNouns,
                                                       &kNotPersonEndings,
                                                       &kSourceBodyNouns,
                                                       &kSourceDocuments,
                                                       &kStates,
                                                       &kStateWords,
                                                       &kUsStates,
                                                       &kToldVerbs,
                                                       &kOwnWords,
                                                       &kOwnWordsGlue,
                                                       &kNationalNouns,
                                                       &kAfterContraction,
                                                       &kOtherOffice,
                                                       &kMonths,
                                                       &kTimeNouns,
                                                       &kTimeModifiers,
                                                       &kTimePreps,
                                                       &kInvertedPreps,
                                                       &kPostTitles,
                                                       &kClauseWords,
                                                       &kPeerTitles,
                                                       &kLeadingAdjectives};
    return lists;
}

}  // namespace news::extract::speakers
