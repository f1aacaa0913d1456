/// @file
/// @brief Rule-based quote and speaker extraction: runs the passes of indexer/extract/speakers/.
///
/// The text is read once as a list of words outside quotation marks (words.h). Every cue verb
/// ("said", "told", "according to", ...) with a subject next to it is an attribution event
/// (cues.h; the subject's name split from its title by names.h); pronouns resolve to the last
/// named event before them, to a person who has since opened a sentence, or to the person
/// mentioned most, never across the sex the text gives; surnames resolve to the full name met
/// before (coreference.h). Then each quote takes a speaker from the ordered rules of
/// attribution.h: the event that follows it in its sentence, else the last one before it in
/// the same sentence (or the one closing the sentence before); a quote signed by a "- NAME"
/// paragraph; a quote right after an attributed one inherits its speaker; a quote in a
/// sentence whose subject has a verb that is no cue belongs to that subject. One word in quotes
/// is a term, not a quote (quotes.h). Only people and organisations speak, and documents for
/// them (kind "document", "the report said"): a noun phrase is a source only by a head noun of
/// those (names.h, source_kind); a thing, a time or a place never is. Every word list is in
/// lexicon.h.
#include "indexer/extract/speakers.h"

#include "indexer/extract/speakers/attribution.h"
#include "indexer/extract/speakers/coreference.h"
#include "indexer/extract/speakers/quotes.h"
#include "indexer/extract/speakers/reported.h"
#include "indexer/extract/speakers_zh.h"

#include <algorithm>
#include <utility>

namespace news::extract {

speakers::Analysis::Analysis(const Article& a) : split(doc.words), resolver(names) {
    doc.text = a.text;
    doc.quotes = find_quotes(a.text);
    // A nickname in quotes inside a name (Marcia "Cia" Price) is part of the name, not a quote.
    std::erase_if(doc.quotes, [&](const QuoteSpan& q) { return nickname_in_name(doc.text, q); });
    build_words(doc);
    for (const std::string& au : a.authors) excluded.insert(au);
    if (!a.source.empty()) excluded.insert(a.source);
    names = index_names(doc.words, split, excluded);
    sex = read_sexes(doc.words, names.mentions);
    events = find_events(doc.text, doc.words, excluded);
    drop_places(names, events);
    resolve_events(*this);
}

void extract_speakers(Article& a) {
    if (a.language == "zh") {
        extract_speakers_zh(a);
        return;
    }
    speakers::Analysis an(a);
    const speakers::Speakers who = speakers::attribute(an);
    speakers::fill_speakers(a, an, who);
    a.reported = speakers::find_reported(an);
}

void note_unattributed_quotes(Article& a) {
    a.unattributed.clear();
    std::vector<std::pair<std::size_t, std::size_t>> said;
    for (const Speaker& s : a.speakers)
        for (const Quote& q : s.quotes) said.emplace_back(q.start, q.end);
    std::sort(said.begin(), said.end());
    for (const QuoteSpan& q : find_quotes(a.text)) {
        // Covered when a speaker's quote overlaps it.
        auto it = std::lower_bound(said.begin(), said.end(), std::make_pair(q.end, std::size_t(0)));
        bool covered = false;
        while (it != said.begin() && !covered) {
            --it;
            covered = it->second > q.start;
            if (it->first + (1 << 16) < q.start) break;  // far before: quotes are not that long
        }
        if (!covered && q.end > q.start) a.unattributed.push_back({a.text.substr(q.start, q.end - q.start), q.start, q.end});
    }
}

}  // namespace news::extract
