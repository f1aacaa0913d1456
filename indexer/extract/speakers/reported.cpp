/// @file
/// @brief Speaker pass 6, reported speech (see reported.h).
#include "indexer/extract/speakers/reported.h"

#include "indexer/extract/speakers/lexicon.h"

#include <algorithm>
#include <set>
#include <string>
#include <utility>

namespace news::extract::speakers {
namespace {

/// Bytes of [b, e) inside the article's quotations.
std::size_t quoted_bytes(const Doc& d, std::size_t b, std::size_t e) {
    std::size_t n = 0;
    for (const QuoteSpan& q : d.quotes) {
        if (q.close <= b) continue;
        if (q.open >= e) break;
        n += std::min(e, q.close) - std::max(b, q.open);
    }
    return n;
}

/// A quotation mark opens between bytes @p b and @p e.
bool quote_opens(const Doc& d, std::size_t b, std::size_t e) {
    for (const QuoteSpan& q : d.quotes)
        if (q.open >= b && q.open < e) return true;
    return false;
}

/// Words that open a phrase of time or occasion after a cue ("said on Tuesday", "said in a
/// statement"): what follows them is the said clause only after a "that".
bool occasion_word(const Word& w) {
    return kWeekdays.count(w.core) || w.core == "on" || w.core == "in" || w.core == "at" || w.core == "during" ||
           w.core == "last" || w.core == "this" || w.core == "earlier" || w.core == "later" || w.core == "after" ||
           w.core == "before" || w.core == "Tuesday's" || w.core == "recently" || w.core == "repeatedly";
}

/// Objects of "told" before the clause: "told reporters", "told him", "told CNN".
bool told_object(const Word& w) {
    return w.core == "him" || w.core == "her" || w.core == "them" || w.core == "me" || w.core == "us" ||
           w.core == "reporters" || w.core == "supporters" || w.core == "voters" || w.core == "lawmakers" ||
           w.core == "journalists" || w.core == "the" || w.core == "a" || w.cap;
}

}  // namespace

std::vector<Speaker> find_reported(const Analysis& an) {
    const Doc& d = an.doc;
    const std::vector<Word>& ws = d.words;
    std::vector<Speaker> out;
    std::vector<std::pair<std::size_t, std::size_t>> taken;  // the spans already given
    for (const Event& ev : an.events) {
        const Mention& m = ev.who;
        if (m.name.empty() || m.pronoun || kPronouns.count(m.name) || m.name == "it" || m.name == "It") continue;
        const std::size_t c = ev.cue;
        const Word& cue = ws[c];
        const bool according = cue.core == "according" || cue.core == "According";
        if (!according && !kReportingVerbs.count(cue.core)) continue;
        // The cue's sentence: words [sb, se].
        std::size_t sb = c, se = c;
        while (sb > 0 && !ws[sb - 1].stop && ws[sb - 1].para == cue.para) --sb;
        while (se + 1 < ws.size() && !ws[se].stop && ws[se + 1].para == cue.para) ++se;
        std::size_t cb = 0, ce = 0;  // the content's words [cb, ce]
        // Forward: "NAME said (that) CONTENT." / "..., saying CONTENT." / "According to NAME, CONTENT."
        if (!cue.comma && !cue.stop && !cue.before_quote && c < se) {
            std::size_t k = c + 1;
            if (according) {
                k = se + 1;
                if (c == sb)  // the phrase up to its comma, then the clause
                    for (std::size_t j = c + 1; j < se && j < c + 12; ++j)
                        if (ws[j].comma) {
                            k = j + 1;
                            break;
                        }
            } else {
                // "that" right after the cue, or after a phrase of time or occasion or the one
                // told ("said Tuesday that", "told reporters that"): the clause after it. (Not a
                // later "that": "said the fees would stay and that ..." opens at "the".)
                std::size_t that = se + 1;
                const bool skippable = c + 1 <= se && (ws[c + 1].core == "that" || occasion_word(ws[c + 1]) ||
                                                      ((cue.core == "told" || cue.core == "tells") && told_object(ws[c + 1])));
                for (std::size_t j = c + 1; skippable && j <= se && j < c + 7; ++j) {
                    if (ws[j].core == "that") {
                        that = j;
                        break;
                    }
                    if (ws[j].comma || ws[j].before_quote || ws[j].stop || kCues.count(ws[j].core)) break;
                }
                if (that <= se) {
                    k = that + 1;
                } else if (cue.core == "told" || cue.core == "tells") {
                    while (k <= se && k < c + 4 && told_object(ws[k]) && !ws[k].comma && !ws[k].before_quote) ++k;
                    if (k == c + 1) k = se + 1;  // "told" with no object: not this shape
                }
                if (k <= se && occasion_word(ws[k])) k = se + 1;  // "said on Tuesday.": no clause without "that"
                // Without "that", a clause opens on its subject ("said the fees would stay", "said
                // he"), and only after the verbs that take one so: "noted the Sept. 11 attacks",
                // "announced his candidacy", "added to her lead" take a thing.
                if (that > se && k <= se && k > c) {
                    const Word& w = ws[k];
                    const bool subject = kClauseSubjects.count(w.core) || w.core == "I" || kPronouns.count(w.core) || kDeterminers.count(w.core) ||
                                         (w.cap && !kOpeningPreps.count(w.core));
                    // ... and has a verb: "adding the final flourish with a conversion" has none
                    bool verb = false;
                    for (std::size_t j = k + 1; j <= se && j < k + 9 && !verb; ++j) {
                        const std::string& v = ws[j].core;
                        verb = kVerbAuxiliaries.count(v) || kClauseAuxiliaries.count(v) || kIrregularPasts.count(v) ||
                               kIrregularVerbsAfterSubject.count(v) || (!ws[j].cap && v.size() > 3 && v.ends_with("ed")) ||
                               v.find("n't") != std::string::npos || v.find("n\xE2\x80\x99t") != std::string::npos ||
                               v.ends_with("'s") || v.ends_with("\xE2\x80\x99s") ||  // "he's", "it's"
                               (j == k + 1 && !ws[j].cap && v.size() > 2 && v.ends_with("s") && !v.ends_with("ss") &&
                                (kPronouns.count(ws[k].core) || ws[k].core == "it" || ws[k].cap));  // "he agrees", "Obama enjoys"
                    }
                    if (!kClauseVerbs.count(cue.core) || !subject || !verb) k = se + 1;
                }
                // (nor an inverted subject: ", said Dr. Ann Lee, the harbor master")
                const std::string_view surname = last_word(m.name);
                for (std::size_t j = c + 1; j <= se && j < c + 6 && k <= se; ++j)
                    if (ws[j].core == surname && j < k + 5) k = se + 1;
            }
            if (k + 2 <= se && !quote_opens(d, cue.e, ws[k].b) && !ws[k].after_quote) {
                cb = k, ce = se;
                // (up to another attribution in the sentence: "he had not seen it, and ..., he said no")
                // (nor past a new clause opening on a subordinator: ", and when asked about it")
                for (std::size_t j = k; j + 2 <= ce; ++j)
                    if (ws[j].comma && (ws[j + 1].core == "and" || ws[j + 1].core == "but") &&
                        (kSubordinators.count(ws[j + 2].core) || ws[j + 2].core == "asked")) {
                        ce = j;
                        break;
                    }
                // (a comma and a short subject before that cue; a cue inside the clause is
                // the clause's own: "said Okafor told her the fees would stay")
                for (const Event& other : an.events)
                    if (other.cue > k && other.cue <= se) {
                        std::size_t j = other.cue;
                        while (j > k && j + 4 > other.cue && !ws[j - 1].comma) --j;
                        if (j > k && ws[j - 1].comma) {
                            if (j - 1 < ce) ce = j > k + 2 ? j - 1 : 0;
                            break;
                        }
                    }
            }
        }
        // Backward: "CONTENT, NAME said." / "CONTENT, said NAME." / "CONTENT, according to NAME."
        // (no quotation after the cue: 'In a 1963 speech, Wallace said “...”' is a direct
        // quote's; nor an opening phrase as the content: "In a speech, Lee said")
        if (ce == 0 && c > sb && se <= c + 7 && !quote_opens(d, cue.e, ws[se].e) && !kOpeningPreps.count(ws[sb].core) &&
            !kClauseOpeners.count(ws[sb].core) && !kLeadingVerbs.count(ws[sb].core) && !kSentenceOpeners.count(ws[sb].core) &&
            !(ws[sb].cap && ws[sb].core.ends_with("ly"))) {
            std::size_t comma = c;  // the comma closing the content, a short subject after it
            for (std::size_t j = c; j-- > sb && j + 6 > c;)
                if (ws[j].comma) {
                    comma = j;
                    break;
                }
            // (the subject after the comma, not inside the content: not "Ann Lee, the harbor
            // master, said.")
            const std::string_view surname = last_word(m.name);
            bool subject_after = false, subject_before = false;
            for (std::size_t j = comma + 1; j <= se; ++j)
                subject_after |= j != c && (ws[j].core == surname || kPronouns.count(ws[j].core) || kDeterminers.count(ws[j].core) ||
                                            (!m.named && ws[j].core == surname));
            for (std::size_t j = sb; j <= comma; ++j) subject_before |= ws[j].core == surname;
            // (nor a content with a cue of its own: "He said he had not seen it, and ..., he said no.")
            bool own_cue = false;
            for (const Event& other : an.events) own_cue |= other.cue >= sb && other.cue <= comma;
            if (comma < c && comma >= sb + 3 && !ws[sb].after_quote && subject_after && !subject_before && !own_cue)
                cb = sb, ce = comma;
        }
        if (ce == 0) continue;
        std::size_t b = ws[cb].b, e = ws[ce].e;
        // without the marks around it and its closing punctuation
        while (e > b && (d.text[e - 1] == '.' || d.text[e - 1] == ',' || d.text[e - 1] == ';' || d.text[e - 1] == ':' ||
                         d.text[e - 1] == ' '))
            --e;
        // A sentence with a quotation in its clause is a direct quote's (the quote has its
        // own speaker; PolNeAR's annotation counts such a clause as a direct quote too).
        // (the sentence's end: its last word's full stop, else the next word, past a quotation
        // that closes the sentence: 'qualified to be president because “...”.')
        const std::size_t sentence_end = ws[se].stop ? ws[se].e : se + 1 < ws.size() ? ws[se + 1].b : d.text.size();
        // (nor a quotation in two apostrophes, as some archives write them: ''...'')
        const std::string_view span = d.text.substr(b, std::max(e, sentence_end) - b);
        if (e <= b || quote_opens(d, b, std::max(e, sentence_end)) || quoted_bytes(d, b, e) > 0 ||
            span.find("''") != std::string_view::npos)
            continue;
        // (one speaker for a stretch of text: the first cue that reports it)
        if (std::any_of(taken.begin(), taken.end(), [&](const std::pair<std::size_t, std::size_t>& t) {
                return t.first < e && b < t.second;
            }))
            continue;
        taken.emplace_back(b, e);
        auto it = std::find_if(out.begin(), out.end(), [&](const Speaker& s) { return s.name == m.name; });
        if (it == out.end()) {
            out.push_back({m.name, m.kind, m.role, {}});
            it = out.end() - 1;
        }
        it->quotes.push_back({std::string(d.text.substr(b, e - b)), b, e});
    }
    for (Speaker& s : out)
        std::sort(s.quotes.begin(), s.quotes.end(), [](const Quote& x, const Quote& y) { return x.start < y.start; });
    return out;
}

}  // namespace news::extract::speakers
