/// @file
/// @brief Speaker pass 5, attribution (see attribution.h): the rules that give a quote its
/// speaker, applied in the order of attribution_rules(), then the article's speakers.
#include "indexer/extract/speakers/attribution.h"

#include <cstdio>
#include <cstdlib>

#include "indexer/extract/speakers/lexicon.h"
#include "indexer/extract/speakers/quotes.h"

#include <algorithm>
#include <set>
#include <cctype>
#include <utility>

namespace news::extract::speakers {
namespace {

/// The quote's text without trailing spaces and apostrophes.
std::string_view trimmed_inner(std::string_view text, const QuoteSpan& q) {
    std::string_view inner = text.substr(q.start, q.end - q.start);
    while (!inner.empty() && (inner.back() == ' ' || inner.back() == '\''))
        inner.remove_suffix(1);
    return inner;
}

const Event* event_before_quote(Analysis& an, std::size_t qi);

/// The cue after the quote in its sentence (“...,” she said / “...” said Smith), or the name
/// after a dash (“…” ― Veronica Cruz); none after a quote that closes its sentence, nor in a
/// clause that opens on a subordinator, nor for a quote that is an aside.
const Event* event_after_quote(Analysis& an, std::size_t qi) {
    const Doc& d = an.doc;
    const std::vector<Word>& ws = an.doc.words;
    const std::vector<Event>& events = an.events;
    auto word_after = [&](std::size_t byte) { return speakers::word_after(an.doc.words, byte); };
    const QuoteSpan& q = d.quotes[qi];
    std::size_t first_after = word_after(q.close);
    std::size_t next_open = qi + 1 < d.quotes.size() ? d.quotes[qi + 1].open : d.text.size();
    const Event* pick = nullptr;
    // After the quote, up to the end of its sentence; a quote closing on a full stop
    // ("...now.”) ends its sentence, so what follows is about the next quote.
    const std::string_view inner = trimmed_inner(d.text, q);
    bool closed_sentence = !inner.empty() && inner.back() == '.';
    // Attribution follows a quote that ends on , ? ! or a dash (“...,” she said); a
    // partial quote in mid-sentence (“resolutely opposed” to the test and warned ...) has none.
    {
        std::string_view after = d.text.substr(q.close, 2);
        bool attr_style = !inner.empty() && (inner.back() == ',' || inner.back() == '?' || inner.back() == '!' ||
                                             inner.ends_with("\xE2\x80\x94") || inner.ends_with("-")) ;
        attr_style = attr_style || after.starts_with(",");
        // Or the attribution starts right at the closing mark: “...” Smith said / “...” said Smith
        // (not after a full stop outside the mark: 'complained about “abusive campaigning”. Mr
        // Howard told').
        const bool stop_after = first_after < ws.size() &&
                                d.text.substr(q.close, ws[first_after].b - q.close).find_first_of(".?!") != std::string_view::npos;
        if (!attr_style && first_after < ws.size() && !closed_sentence && !stop_after) {
            std::size_t k = first_after;
            while (k < ws.size() && k < first_after + 4 && (ws[k].cap || kPronouns.count(ws[k].core) || kParticles.count(ws[k].core)) && !kCues.count(ws[k].core))
                ++k;
            attr_style = k < ws.size() && kCues.count(ws[k].core) && ws[k].para == ws[first_after].para;
        }
        if (!attr_style) closed_sentence = true;
    }
    // ... unless all of the next sentence is its attribution: “...missing.” Trump said. (a
    // short sentence of a name or pronoun, a cue and at most a few words after it)
    if (const std::size_t qw0 = word_after(q.open); closed_sentence && first_after < ws.size() && qw0 < ws.size() &&
                                                     ws[first_after].after_quote && ws[first_after].para == ws[qw0].para) {
        std::size_t k = first_after;
        while (k < ws.size() && k < first_after + 4 &&
               (ws[k].cap || kPronouns.count(ws[k].core) || kParticles.count(ws[k].core)) && !kCues.count(ws[k].core) &&
               !ws[k].stop)
            ++k;
        // (nothing said of a thing after the cue: not "Tony Bullock echoed McIntyre's sentiments.";
        // nor a quote of its own: not "But Ms Kelly said she “would not trust him”.")
        std::size_t stop = k;
        bool object = k >= ws.size() || ws[k].before_quote;
        while (stop < ws.size() && stop < k + 3 && !ws[stop].stop && ws[stop].para == ws[k].para) {
            ++stop;
            object |= stop < ws.size() && (ws[stop].poss || ws[stop].before_quote || kDeterminers.count(ws[stop].core) > 0);
        }
        const bool short_sentence = k > first_after && k < ws.size() && kCues.count(ws[k].core) && stop < ws.size() &&
                                    ws[stop].stop && ws[stop].para == ws[first_after].para &&
                                    ws[stop].e <= next_open && !object;
        if (short_sentence)
            for (const Event& ev : events)
                if (ev.cue == k && !ev.who.name.empty()) return &ev;
    }
    // “…” ― Veronica Cruz: a dash right after the quote names its speaker, full stop or not.
    if (first_after < ws.size() && kDashes.count(ws[first_after].core) && ws[first_after].after_quote)
        for (const Event& ev : events)
            if (ev.cue == first_after && !ev.who.name.empty()) pick = &ev;
    // “...,” when Ida Brandt blasted him: a clause that opens on a subordinator after the quote
    // is no attribution of it ("as" is: “...,” as Brandt put it).
    bool clause_after = first_after < ws.size() && ws[first_after].after_quote &&
                        kSubordinators.count(ws[first_after].core) > 0;
    // (nor a relative clause after a title: 'a contestant on “The Apprentice,” who went on to
    // work alongside Trump, said ...' is the contestant's cue, not the show's)
    clause_after |= first_after < ws.size() && ws[first_after].after_quote &&
                    (ws[first_after].core == "who" || ws[first_after].core == "which") && title_case(inner);
    {
        // A quote set off by dashes is an aside of the clause before it: "... lamented her gaffes -
        // “...?” - Democrats said".
        std::size_t o = q.open, cl = q.close;
        while (o > 0 && d.text[o - 1] == ' ') --o;
        while (cl < d.text.size() && d.text[cl] == ' ') ++cl;
        auto dash_at = [&](std::size_t at, bool before) {
            std::string_view t3 = before ? (at >= 3 ? d.text.substr(at - 3, 3) : std::string_view())
                                         : d.text.substr(at, 3);
            char c1 = before ? (at >= 1 ? d.text[at - 1] : 0) : (at < d.text.size() ? d.text[at] : 0);
            return c1 == '-' || t3 == "\xE2\x80\x94" || t3 == "\xE2\x80\x93";
        };
        if (dash_at(o, true) && dash_at(cl, false)) clause_after = true;
        // A quote in a clause opening the sentence ("After Ann Lee said ... “...,” Okafor said"):
        // the attribution after it belongs to the main clause.
        std::size_t qw0 = word_after(q.open);
        if (!clause_after && qw0 > 0 && !ws[qw0 - 1].stop &&
            d.text.substr(ws[qw0 - 1].e, q.open - ws[qw0 - 1].e).find('\n') == std::string_view::npos) {
            std::size_t ss = qw0 - 1;
            while (ss > 0 && !ws[ss - 1].stop && ws[ss - 1].para == ws[qw0 - 1].para) --ss;
            // (after a conjunction too: "But even as Trump claimed that “...,” one of the
            // prosecutors said", "But when ...")
            std::size_t so = ss;
            if (so + 2 < qw0 && (ws[so].core == "But" || ws[so].core == "And" || ws[so].core == "Yet") && !ws[so].comma) ++so;
            const bool opener = kClauseOpeners.count(ws[ss].core) ||
                                (so > ss && (kSubordinators.count(ws[so].core) ||
                                             (ws[so].core == "even" && (ws[so + 1].core == "as" || ws[so + 1].core == "though"))));
            if (opener)
                for (const Event& ev : events) {
                    if (ev.cue >= qw0) break;  // (events are in text order)
                    if (ev.cue > ss && !ev.who.name.empty() && !ev.who.pronoun) clause_after = true;
                }
        }
    }
    for (const Event& ev : events) {
        if (closed_sentence || pick || clause_after) break;
        if (ev.cue < first_after) continue;
        if (ws[ev.cue].b > next_open) break;
        if (ev.cue > first_after + 12) {
            // A long appositive between the name and its verb: “...,” Ida Brandt, the
            // harbor master of ..., one of ..., said. The name must follow the quote.
            std::string first = ev.who.name.substr(0, ev.who.name.find(' '));
            bool named_here = false;
            for (std::size_t k = first_after; k < ws.size() && k < first_after + 5; ++k)
                named_here |= ws[k].core == first;
            // ... or, for a compound subject, a name of the event's person's list: “...,” harbor
            // experts Ida Brandt and Carla Reyes of the Sea Institute wrote.
            for (std::size_t k = first_after; k + 2 < ws.size() && k < first_after + 5 && !named_here; ++k)
                if (ws[k].cap && !ws[k].comma)
                    for (std::size_t j = k + 1; j + 1 < ws.size() && j < k + 4; ++j)
                        if (ws[j].core == "and" && ws[j + 1].core == first) named_here = true;
            if (!named_here || ev.cue > first_after + 40) break;
        }
        bool crossed = false;
        for (std::size_t k = first_after; k < ev.cue; ++k) crossed |= ws[k].stop;
        if (first_after < ws.size() && ws[first_after].para != ws[ev.cue].para) crossed = true;
        // (nor across the end of the quote's paragraph: “...?”\n\nMonday, Ida Brandt said ...)
        if (first_after < ws.size() && d.text.substr(q.close, ws[first_after].b - q.close).find('\n') != std::string_view::npos)
            crossed = true;
        // (not a cue that introduces a quote of its own, when the quote's clause has its own cue
        // before it: 'Cruz said he'd make sand “glow in the dark,” for instance, and Trump vowed
        // to “bomb the hell” out of ...')
        if (!crossed && !ev.who.name.empty() && qi + 1 < d.quotes.size() && ws[ev.cue].b < d.quotes[qi + 1].open &&
            d.quotes[qi + 1].open < (ev.cue + 4 < ws.size() ? ws[ev.cue + 4].b : d.text.size())) {
            bool joined = false;  // a clause of its own after the quote: "..., and Trump vowed"
            for (std::size_t k = first_after; k < ev.cue && !joined; ++k)
                joined = ws[k].core == "and" || ws[k].core == "but" || ws[k].core == "while" || ws[k].core == "whereas";
            const std::size_t qw0 = word_after(q.open);
            const Event* before = joined ? event_before_quote(an, qi) : nullptr;
            bool same_sentence = before != nullptr;
            for (std::size_t k = before ? before->cue : qw0; before && k + 1 < qw0; ++k) same_sentence &= !ws[k].stop;
            if (same_sentence) crossed = true;
        }
        if (!crossed && !ev.who.name.empty()) pick = &ev;
        break;
    }
    return pick;
}

/// The cue before the quote, back to the start of its sentence; or the one closing the
/// sentence before, when the quote opens the next ("..., Schiff said. “The other factor ...”").
const Event* event_before_quote(Analysis& an, std::size_t qi) {
    const Doc& d = an.doc;
    const std::vector<Word>& ws = an.doc.words;
    const std::vector<Event>& events = an.events;
    auto word_after = [&](std::size_t byte) { return speakers::word_after(an.doc.words, byte); };
    const QuoteSpan& q = d.quotes[qi];
    const Event* pick = nullptr;
    std::size_t last_before = word_after(q.open);
    for (auto it = events.rbegin(); it != events.rend(); ++it) {
        if (it->cue >= last_before) continue;
        bool crossed = false;
        for (std::size_t k = it->cue; k < last_before; ++k) {
            // (the full stop of the word right before the quote may close the quote's own
            // sentence after it: 'Mr Howard told the BBC: “I reject that entirely”.')
            // (a full stop right after the closing mark, before any letter: “...”.)
            auto stop_right_after = [&](std::size_t at) {
                for (std::size_t c = at; c < d.text.size() && c < at + 6; ++c) {
                    const char ch = d.text[c];
                    if (ch == '.' || ch == '?' || ch == '!') return true;
                    if (std::isalnum(static_cast<unsigned char>(ch))) return false;
                }
                return false;
            };
            auto ends_on_stop = [&](std::size_t b, std::size_t e) {
                std::string_view t = d.text.substr(b, e - b);
                while (!t.empty() && (t.back() == ' ' || t.back() == '\n' || t.back() == ':' || t.back() == ',')) t.remove_suffix(1);
                return !t.empty() && (t.back() == '.' || t.back() == '?' || t.back() == '!');
            };
            const bool stop_after_quote = k + 1 == last_before && ws[k].e <= q.open && !ends_on_stop(ws[k].b, q.open) &&
                                          stop_right_after(q.close);
            crossed |= ws[k].stop && !stop_after_quote;
        }
        if (last_before < ws.size() && ws[it->cue].para != ws[last_before - 1].para) crossed = true;
        // (not past a quote the cue already has and a new subject after it: "in a clip that Judge
        // Mosman called “distasteful,” Santilli expressed a desire to “...”")
        if (!crossed && qi > 0 && d.quotes[qi - 1].open > ws[it->cue].b) {
            for (std::size_t k = word_after(d.quotes[qi - 1].close); k + 1 < last_before && !crossed; ++k) {
                if (!ws[k].cap || ws[k + 1].cap || ws[k].poss) continue;
                const std::string& verb = ws[k + 1].core;
                crossed = kVerbAuxiliaries.count(verb) || kIrregularPasts.count(verb) || verb.ends_with("ed");
            }
        }
        if (!crossed && !it->who.name.empty()) pick = &*it;
        // A cue inside a clause that an earlier cue of the sentence reports with "that" is part
        // of what that speaker says: "Trump said that Romney begged him for an endorsement and
        // “would have dropped to his knees”" is Trump's.
        if (pick)
            for (auto outer = std::next(it); outer != events.rend(); ++outer) {
                bool same = ws[outer->cue].para == ws[pick->cue].para;
                for (std::size_t k = outer->cue; k < pick->cue && same; ++k) same = !ws[k].stop;
                if (!same) break;
                if (outer->who.name.empty() || outer->cue + 1 >= pick->cue || ws[outer->cue + 1].core != "that" ||
                    !kReportingVerbs.count(ws[outer->cue].core) || ws[outer->cue].comma)
                    continue;
                // (the inner cue inside that clause: no comma, conjunction or quote between; not
                // "When Clinton noted that ..., Trump boasted", "Dallas said that ..., but the Kiwi said")
                bool inside = true;
                for (std::size_t k = outer->cue + 1; k < pick->cue && inside; ++k)
                    inside = !ws[k].comma && !ws[k].before_quote && ws[k].core != "but" && ws[k].core != "and" &&
                             ws[k].core != "although" && ws[k].core != "while" && ws[k].core != "whereas";
                std::size_t ss = outer->cue;
                while (ss > 0 && !ws[ss - 1].stop && ws[ss - 1].para == ws[outer->cue].para) --ss;
                if (inside && !kClauseOpeners.count(ws[ss].core)) pick = &*outer;
                break;
            }
        // The sentence before closes on its attribution and the quote opens the next one:
        // "..., Schiff said. “The other factor ...”" goes on with the same speaker.
        if (!pick && !it->who.name.empty() && it->who.named && last_before > 0 &&
            ws[last_before - 1].stop && ws[it->cue].para == ws[last_before - 1].para &&
            last_before - 1 >= it->cue && last_before - 1 <= it->cue + 2 &&
            d.text.substr(ws[last_before - 1].e, q.open - ws[last_before - 1].e).find('\n') == std::string_view::npos) {
            bool one_stop = true;
            for (std::size_t k = it->cue; k + 1 < last_before; ++k) one_stop &= !ws[k].stop;
            // ... and the attribution is that sentence's own, after a comma (", Schiff said.")
            bool comma_before = false;
            for (std::size_t j = it->cue; j-- > 0 && j + 6 > it->cue && !comma_before && !ws[j].stop;)
                comma_before = ws[j].comma;
            // (not when that sentence quoted someone: “...,” she said. “...” is left to the
            // quote before, whose speaker may be known better)
            bool quoted = qi > 0 && d.quotes[qi - 1].close <= ws[it->cue].b;
            if (quoted)
                for (std::size_t k = word_after(d.quotes[qi - 1].close); k < it->cue && quoted; ++k)
                    quoted = !ws[k].stop;
            if (one_stop && comma_before && !quoted) pick = &*it;
        }
        break;
    }
    return pick;
}

/// A partial quote in a sentence that closes on its attribution: “steals a handful” is held
/// accountable, Warren said. / ... “jail time” for fraud, she said Tuesday. (Other partial
/// quotes of the same sentence may come between: the attribution at its end covers them all.)
const Event* event_closing_partial_quote(Analysis& an, std::size_t qi) {
    const Doc& d = an.doc;
    const std::vector<Word>& ws = an.doc.words;
    const std::vector<Event>& events = an.events;
    auto word_after = [&](std::size_t byte) { return speakers::word_after(an.doc.words, byte); };
    const QuoteSpan& q = d.quotes[qi];
    const std::size_t first_after = word_after(q.close);
    const Event* pick = nullptr;
    for (const Event& ev : events) {
        if (ev.cue < first_after) continue;
        if (ev.who.name.empty()) break;
        bool crossed = first_after < ws.size() && ws[first_after].para != ws[ev.cue].para;
        for (std::size_t k = first_after; k < ev.cue; ++k) crossed |= ws[k].stop;
        if (crossed) break;
        bool comma_before = false;
        for (std::size_t j = ev.cue; j-- > first_after && j + 7 > ev.cue && !comma_before;)
            comma_before = ws[j].comma;
        std::size_t end = ev.cue;
        while (end < ws.size() && end < ev.cue + 3 && !ws[end].stop && !ws[end].comma) ++end;
        bool closes = end < ws.size() && ws[end].stop && ws[end].para == ws[ev.cue].para;
        // ", said Ohio State professor Paul Beck." / ", said Ann Link, director of ...": an
        // inverted attribution closing the sentence.
        if (!closes && ev.cue > 0 && ws[ev.cue - 1].comma && ev.who.named) {
            std::string first = ev.who.name.substr(0, ev.who.name.find(' '));
            bool named_after = false;
            for (std::size_t k = ev.cue + 1; k < ws.size() && k < ev.cue + 7 && !named_after; ++k)
                named_after = ws[k].core == first;
            std::size_t e2 = ev.cue + 1;
            while (e2 < ws.size() && e2 < ev.cue + 25 && !ws[e2].stop && ws[e2].para == ws[ev.cue].para &&
                   !(ws[e2].before_quote && ws[e2 + 1 < ws.size() ? e2 + 1 : e2].para == ws[e2].para))
                ++e2;
            // (a quote opening the next paragraph does not count: "... for Freedom.\n\n“...”")
            auto quote_in_para = [&](std::size_t k) {
                if (!ws[k].before_quote) return false;
                std::size_t at = ws[k].e;
                while (at < d.text.size() && is_space(static_cast<unsigned char>(d.text[at])) && d.text[at] != '\n') ++at;
                return at >= d.text.size() || d.text[at] != '\n';
            };
            // (nor one after the sentence's full stop: "... Cook Report. “And yet ...”")
            closes = named_after && e2 < ws.size() && ws[e2].stop &&
                     (!quote_in_para(e2) || d.text.substr(ws[e2].b, ws[e2].e - ws[e2].b).find_last_of(".!?") != std::string_view::npos);
            comma_before = true;
        }
        if (closes && comma_before && !ws[ev.cue].after_quote) pick = &ev;
        break;
    }
    return pick;
}

/// "Sen. Ann Lee scolded him: “...,” she said": the subject introducing the quote with a
/// colon is the "she".
std::optional<Mention> colon_subject(Analysis& an, std::size_t qi) {
    const Doc& d = an.doc;
    const std::vector<Word>& ws = an.doc.words;
    const std::set<std::string>& excluded = an.excluded;
    auto word_after = [&](std::size_t byte) { return speakers::word_after(an.doc.words, byte); };
    auto split = [&](std::size_t b, std::size_t e) { return an.split(b, e); };
    auto resolve = [&](std::size_t at_word, Mention m) { return an.resolver.resolve(at_word, std::move(m)); };
    const QuoteSpan& q = d.quotes[qi];
    std::size_t qw = word_after(q.open);
    if (qw > 0 && ws[qw - 1].e > 0 && d.text[ws[qw - 1].e - 1] == ':' && !ws[qw - 1].stop) {
        std::size_t s = qw - 1;
        while (s > 0 && !ws[s - 1].stop && ws[s - 1].para == ws[qw - 1].para) --s;
        if (ws[s].cap)
            if (auto sm = split(s, run_end(ws, s)); sm && sm->kind == "person" && !excluded.count(sm->name)) {
                Mention m = resolve(s, *sm);
                if (m.name.find(' ') != std::string::npos) return m;
            }
    }
    return std::nullopt;
}

/// Transcripts: “PENCE: Well, look, ...”: the name in capitals before a colon.
std::optional<Mention> transcript_speaker(Analysis& an, std::size_t qi) {
    const Doc& d = an.doc;
    auto word_after = [&](std::size_t byte) { return speakers::word_after(an.doc.words, byte); };
    auto resolve = [&](std::size_t at_word, Mention m) { return an.resolver.resolve(at_word, std::move(m)); };
    const QuoteSpan& q = d.quotes[qi];
    const std::string_view inner = trimmed_inner(d.text, q);
    std::size_t colon = inner.find(':');
    if (colon != std::string_view::npos && colon >= 2 && colon <= 30) {
        std::string_view tag = inner.substr(0, colon);
        bool caps = true;
        for (char c : tag) caps &= (c >= 'A' && c <= 'Z') || c == ' ' || c == '.' || c == '-' || c == '\'';
        if (caps && tag.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string_view::npos) {
            std::string name;
            bool upper = true;
            for (char c : tag) {
                name += upper ? c : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                upper = c == ' ' || c == '-';
            }
            Mention m{name, "", "person", false};
            m = resolve(word_after(q.open), m);
            return m;
        }
    }
    return std::nullopt;
}

/// Words the speaker cites from someone else: "Quill said her late husband used to tell her
/// that “...”", "Ida Brandt said the harbor master told her “...”". The quote is the words of
/// the person who told, not of the one who retells them: that person (a name, or a noun phrase
/// such as "her late husband"). A pronoun there ("she said she had told him") is the speaker.
std::optional<Mention> cited_source(Analysis& an, const Event& ev, std::size_t qi) {
    const std::vector<Word>& ws = an.doc.words;
    const std::string_view text = an.doc.text;
    const std::size_t qw = speakers::word_after(ws, an.doc.quotes[qi].open);
    for (std::size_t k = ev.cue + 2; k < qw && k < ev.cue + 20; ++k) {
        if (!kToldVerbs.count(ws[k].core)) continue;
        // (the telling introduces the quote, not a clause before it: "Trump said that Romney
        // begged him for an endorsement and “would have dropped to his knees”" is Trump's)
        bool coordinated = false;
        for (std::size_t j = k + 1; j < qw; ++j) coordinated |= ws[j].core == "and" || ws[j].core == "but";
        if (coordinated) return std::nullopt;
        // back over "used to", "would", "had", "once", adverbs to the subject's last word
        std::size_t h = k;
        while (h > ev.cue + 1 && (ws[h - 1].core == "to" || ws[h - 1].core == "used" || ws[h - 1].core == "would" ||
                                  ws[h - 1].core == "had" || ws[h - 1].core == "once" || ws[h - 1].core == "often" ||
                                  ws[h - 1].core == "always" || ws[h - 1].core == "later"))
            --h;
        if (h <= ev.cue + 1 || ws[h - 1].comma || kPronouns.count(ws[h - 1].core) || ws[h - 1].core == "I" ||
            ws[h - 1].core == "we")
            return std::nullopt;
        const std::size_t head = h - 1;
        if (ws[head].cap) {
            std::size_t b = run_start(ws, head + 1);
            if (b <= ev.cue) return std::nullopt;
            auto m = an.split(b, head + 1);
            if (!m || m->kind != "person" || last_word(m->name) == last_word(ev.who.name)) return std::nullopt;
            return an.resolver.resolve(b, *m);
        }
        if (source_kind(ws[head].core) != "person") return std::nullopt;
        // the noun phrase: back to its owner or article ("her late husband", "the harbor master")
        std::size_t b = head;
        while (b > ev.cue + 1 && b + 4 > head && !ws[b - 1].comma && !ws[b - 1].cap &&
               (ws[b - 1].core == "her" || ws[b - 1].core == "his" || ws[b - 1].core == "their" ||
                kDeterminers.count(ws[b - 1].core) || !kFunctionWords.count(ws[b - 1].core)) &&
               ws[b - 1].core != "that")
            --b;
        Mention m;
        m.name = std::string(text.substr(ws[b].b, ws[head].e - ws[b].b));
        m.named = false;
        m.kind = "person";
        return m;
    }
    return std::nullopt;
}

/// Words named as someone's own just before the quote: "Sanders' self-description of being a
/// “democratic socialist”", "Trump's slogan “Make America Great Again”": that owner.
std::optional<Mention> owner_of_words(Analysis& an, std::size_t qi) {
    const std::vector<Word>& ws = an.doc.words;
    const std::size_t qw = speakers::word_after(ws, an.doc.quotes[qi].open);
    if (qw == 0 || qw > ws.size()) return std::nullopt;
    std::size_t k = qw - 1;
    // (the word right before this quote, not before an earlier one)
    if (!ws[k].before_quote || (qi > 0 && an.doc.quotes[qi - 1].close > ws[k].b)) return std::nullopt;
    for (std::size_t steps = 0; k > 0 && steps < 4 && kOwnWordsGlue.count(ws[k].core) && !ws[k].comma; ++steps) --k;
    if (!kOwnWords.count(ws[k].core) || k == 0) return std::nullopt;
    const std::size_t owner_end = k;  // the owner's run ends right before the noun
    // (a possessive of a name in s written with the apostrophe alone: "Sanders' self-description")
    const std::string_view last = an.doc.text.substr(ws[owner_end - 1].b, ws[owner_end - 1].e - ws[owner_end - 1].b);
    const bool poss = ws[owner_end - 1].poss || last.ends_with("s'") || last.ends_with("s\xE2\x80\x99");
    if (!poss || !ws[owner_end - 1].cap) return std::nullopt;
    const std::size_t b = run_start(ws, owner_end);
    auto sm = an.split(b, owner_end);
    if (!sm || (sm->kind != "person" && sm->kind != "organization") || an.excluded.count(sm->name)) return std::nullopt;
    return an.resolver.resolve(b, *sm);
}

std::optional<Mention> cue_in_sentence(Analysis& an, const Speakers& who, std::size_t qi) {
    const Doc& d = an.doc;
    const QuoteSpan& q = d.quotes[qi];
    const std::string_view inner = trimmed_inner(d.text, q);
    const bool quote_ends_sentence =
        !inner.empty() && (inner.back() == '.' || inner.back() == '?' || inner.back() == '!');
    const Event* pick = event_after_quote(an, qi);
    bool before = false;
    if (!pick) pick = event_before_quote(an, qi), before = pick != nullptr;
    if (!pick && !quote_ends_sentence) pick = event_closing_partial_quote(an, qi);
    std::optional<Mention> out;
    if (pick) out = pick->who;
    if (before)
        if (auto m = cited_source(an, *pick, qi)) out = m;
    if (pick && pick->by_pronoun)
        if (auto m = colon_subject(an, qi)) out = m;
    if (auto m = transcript_speaker(an, qi)) out = m;
    if (out)
        if (auto m = owner_of_words(an, qi)) out = m;
    return out;
}

std::optional<Mention> signed_paragraph(Analysis& an, const Speakers& who, std::size_t qi) {
    const Doc& d = an.doc;
    const std::vector<Word>& ws = an.doc.words;
    const std::set<std::string>& excluded = an.excluded;
    auto word_after = [&](std::size_t byte) { return speakers::word_after(an.doc.words, byte); };
    auto split = [&](std::size_t b, std::size_t e) { return an.split(b, e); };
    auto resolve = [&](std::size_t at_word, Mention m) { return an.resolver.resolve(at_word, std::move(m)); };
    std::size_t k = word_after(d.quotes[qi].close);
    if (k + 1 >= ws.size() || (ws[k].core != "-" && !kDashes.count(ws[k].core))) return std::nullopt;
    std::string_view between = d.text.substr(d.quotes[qi].close, ws[k].b - d.quotes[qi].close);
    if (between.find("\n") == std::string_view::npos || between.find_first_not_of(" \n\t") != std::string_view::npos)
        return std::nullopt;
    std::size_t e = run_end(ws, k + 1);
    bool alone = e <= ws.size() && e > k + 1 && (e == ws.size() || ws[e].para != ws[k].para) && ws[k + 1].para == ws[k].para;
    if (!alone || !ws[k + 1].cap) return std::nullopt;
    if (auto sm = split(k + 1, e); sm && !excluded.count(sm->name)) return resolve(k + 1, *sm);
    return std::nullopt;
}

std::optional<Mention> follows_attributed_quote(Analysis& an, const Speakers& who, std::size_t qi) {
    const Doc& d = an.doc;
    const std::vector<Word>& ws = an.doc.words;
    const std::vector<Event>& events = an.events;
    auto word_after = [&](std::size_t byte) { return speakers::word_after(an.doc.words, byte); };
    auto split = [&](std::size_t b, std::size_t e) { return an.split(b, e); };
    if (qi == 0 || !who[qi - 1]) return std::nullopt;
    std::string_view between = d.text.substr(d.quotes[qi - 1].close, d.quotes[qi].open - d.quotes[qi - 1].close);
    std::size_t breaks = 0;
    for (std::size_t k = 0; k + 1 < between.size(); ++k)
        if (between[k] == '\n' && between[k + 1] == '\n') ++breaks;
    bool quote_starts_para = d.quotes[qi].open == 0 || d.text[d.quotes[qi].open - 1] == '\n';
    // A paragraph that is nothing but a quote, after a paragraph closing on an attributed
    // quote, goes on with the same speaker (the second paragraph of a long quotation).
    std::size_t para_end = d.text.find("\n\n", d.quotes[qi].close);
    if (para_end == std::string::npos) para_end = d.text.size();
    std::string_view rest = d.text.substr(d.quotes[qi].close, para_end - d.quotes[qi].close);
    std::string_view inner = d.text.substr(d.quotes[qi].start, d.quotes[qi].end - d.quotes[qi].start);
    bool quote_is_para = quote_starts_para && rest.find_first_not_of(" \n\t") == std::string_view::npos &&
                         std::count(inner.begin(), inner.end(), ' ') >= 2 &&  // not a label ("Related:")
                         inner.find("\xE2\x80\x9C") == std::string_view::npos;  // nor a mispaired mark
    bool prev_closes_para = breaks == 1 && between.find_first_not_of(" \n") == std::string_view::npos;
    if (breaks == 0 || (breaks == 1 && quote_starts_para && between.find_first_not_of(" \n") != std::string_view::npos) ||
        (prev_closes_para && quote_is_para)) {
        // Only when nothing else is attributed in between.
        std::size_t lo = word_after(d.quotes[qi - 1].close), hi = word_after(d.quotes[qi].open);
        bool other = false;
        for (const Event& ev : events)
            other |= ev.cue >= lo && ev.cue < hi && !ev.who.name.empty() && ev.who.name != who[qi - 1]->name &&
                     !ev.by_pronoun &&  // “...,” she said. “...”: the same person
                     ws[ev.cue].core != "according" && ws[ev.cue].core != "According";  // "X said, according to a report. “...”": still X
        // Nor when someone else is the subject of a verb between the two ("in a clip that Judge
        // Mosman called “distasteful,” Santilli expressed a desire to “...”").
        for (std::size_t k = lo; k + 1 < hi && !other; ++k) {
            if (!ws[k].cap || ws[k].poss || ws[k + 1].cap || (k > lo && ws[k - 1].cap)) continue;
            const std::string& verb = ws[k + 1].core;
            if (!(kIrregularPasts.count(verb) || verb.ends_with("ed"))) continue;
            // (a name opening a clause, after the quote or a comma: not "one of the pioneers of
            // Blu-ray, told")
            const std::size_t rs = run_start(ws, k + 1);
            if (!(ws[rs].after_quote || (rs > 0 && ws[rs - 1].comma && !ws[rs - 1].cap))) continue;
            // (any word of the speaker's name is the speaker: "Shen wrote" for Shen Xincheng)
            if (auto sm = split(rs, k + 1); sm && sm->kind == "person") {
                const std::string& before = who[qi - 1]->name;
                const std::string w(last_word(sm->name));
                const bool same = (" " + before + " ").find(" " + w + " ") != std::string::npos;
                other = !same;
            }
        }
        // Nor when the quote's own sentence opens on someone else ("Donald Trump, her
        // opponent, said drugs were a “big factor”").
        std::size_t qw = word_after(d.quotes[qi].open);
        if (!other && qw > lo && qw > 0 && !ws[qw - 1].stop) {
            std::size_t s = qw - 1;
            while (s > lo && !ws[s - 1].stop && ws[s - 1].para == ws[qw - 1].para) --s;
            if (ws[s].cap)
                if (auto sm = split(s, run_end(ws, s)); sm && sm->kind == "person" && sm->name.find(' ') != std::string::npos &&
                                                                 last_word(sm->name) != last_word(who[qi - 1]->name))
                    other = true;
        }
        if (!other) return who[qi - 1];
    }
    return std::nullopt;
}

/// "Here’s Ida Brandt in December 1992: “...”" / "Here is what Ida Brandt said: “...”"
std::optional<Mention> here_is(Analysis& an, std::size_t qw) {
    const std::vector<Word>& ws = an.doc.words;
    const std::set<std::string>& excluded = an.excluded;
    auto split = [&](std::size_t b, std::size_t e) { return an.split(b, e); };
    auto resolve = [&](std::size_t at_word, Mention m) { return an.resolver.resolve(at_word, std::move(m)); };
    std::size_t st = qw - 1;
    while (st > 0 && !ws[st - 1].stop && ws[st - 1].para == ws[qw - 1].para && st + 12 > qw) --st;
    bool here = (st == 0 || ws[st - 1].stop || ws[st - 1].para != ws[st].para) &&
                (ws[st].core == "Here\xE2\x80\x99s" || ws[st].core == "Here's" || ws[st].core == "Here");
    std::size_t nb = st + 1;
    if (here && nb < qw && ws[nb].core == "is") ++nb;
    if (here && nb < qw && ws[nb].cap) {
        std::size_t ne = run_end(ws, nb);
        if (ne <= qw)
            if (auto sm = split(nb, ne); sm && sm->kind == "person" && !excluded.count(sm->name)) {
                return resolve(nb, *sm);
            }
    }
    return std::nullopt;
}

/// "From Ann Lee's Facebook post: “...”": the owner of the document.
std::optional<Mention> document_owner(Analysis& an, std::size_t qw) {
    const std::vector<Word>& ws = an.doc.words;
    const std::set<std::string>& excluded = an.excluded;
    auto split = [&](std::size_t b, std::size_t e) { return an.split(b, e); };
    auto resolve = [&](std::size_t at_word, Mention m) { return an.resolver.resolve(at_word, std::move(m)); };
    for (std::size_t k = qw - 1; k-- > 0 && k + 4 > qw;) {
        if (ws[k].stop || ws[k].comma || ws[k].para != ws[qw - 1].para) break;
        if (ws[k].cap && ws[k].poss) {
            std::size_t ob = run_start(ws, k + 1);
            if (auto sm = split(ob, k + 1); sm && !excluded.count(sm->name)) return resolve(ob, *sm);
            break;
        }
    }
    return std::nullopt;
}

/// "NAME: “...”" at the start of a sentence or after a dash: the name is the source.
std::optional<Mention> name_colon(Analysis& an, std::size_t qw) {
    const std::vector<Word>& ws = an.doc.words;
    const std::set<std::string>& excluded = an.excluded;
    auto split = [&](std::size_t b, std::size_t e) { return an.split(b, e); };
    auto resolve = [&](std::size_t at_word, Mention m) { return an.resolver.resolve(at_word, std::move(m)); };
    std::size_t rb = run_start(ws, qw);
    auto opens_at = [&](std::size_t r) {
        return r == 0 || ws[r - 1].stop || ws[r - 1].para != ws[r].para || kDashes.count(ws[r - 1].core) ||
               ws[r - 1].core == "-" || ws[r].after_quote;  // “...” Bush: “...”
    };
    bool opens = opens_at(rb);
    // "HEADING - Ann Lee and Tom Okafor: “...”": the last of two names.
    if (!opens && rb >= 2 && ws[rb - 1].core == "and" && ws[rb - 2].cap && !ws[rb - 2].comma &&
        ws[rb - 2].para == ws[rb].para)
        opens = opens_at(run_start(ws, rb - 1));
    if (rb < qw && opens)
        if (auto sm = split(rb, qw); sm && !excluded.count(sm->name)) {
            return resolve(rb, *sm);
        }
    return std::nullopt;
}

/// "... prompted Ida Brandt to make a comment that described the crews as “...”": the maker
/// of the comment (remark, statement) in the quote's sentence is its source.
std::optional<Mention> comment_maker(Analysis& an, std::size_t qw) {
    const std::vector<Word>& ws = an.doc.words;
    const std::set<std::string>& excluded = an.excluded;
    auto split = [&](std::size_t b, std::size_t e) { return an.split(b, e); };
    auto resolve = [&](std::size_t at_word, Mention m) { return an.resolver.resolve(at_word, std::move(m)); };
    std::optional<std::size_t> maker;
    for (std::size_t k = qw; k-- > 1 && k + 25 > qw;) {
        if (ws[k].stop || ws[k].para != ws[qw - 1].para) break;
        if (!kMakeForms.count(ws[k].core)) continue;
        bool thing = false;
        for (std::size_t t = k + 1; t < qw && t < k + 5 && !thing; ++t) thing = kSaidThings.count(ws[t].core) > 0;
        std::size_t end = ws[k - 1].core == "to" ? k - 1 : k;
        if (thing && end > 0 && ws[end - 1].cap && !ws[end - 1].comma && ws[end - 1].para == ws[k].para) maker = end;
        break;
    }
    if (maker) {
        std::size_t rb = run_start(ws, *maker);
        if (auto sm = split(rb, *maker); sm && sm->kind == "person" && !excluded.count(sm->name)) {
            return resolve(rb, *sm);
        }
    }
    return std::nullopt;
}

/// A noun phrase opening the quote's sentence: "The letter reads: “...”", "a Homeland
/// Security memo put it ...", "Cruz's lawyers relied on ...". It names no one, so it counts the
/// quote without a person to search for; but an owner's document speaks for the owner.
std::optional<Mention> noun_phrase_source(Analysis& an, std::size_t qi, std::size_t qw, std::size_t s) {
    const Doc& d = an.doc;
    const std::vector<Word>& ws = an.doc.words;
    const std::set<std::string>& excluded = an.excluded;
    auto split = [&](std::size_t b, std::size_t e) { return an.split(b, e); };
    auto resolve = [&](std::size_t at_word, Mention m) { return an.resolver.resolve(at_word, std::move(m)); };
    const QuoteSpan& q = d.quotes[qi];
    if (ws[s].cap) {
        // ... but an owner's document speaks for the owner: "Brandt's earlier letter was
        // mocked for its claim that the fees were “...”".
        std::size_t oe = run_end(ws, s);
        std::optional<Mention> owner;
        // ... and so does a thing of the owner's: "Much of Brandt's ire was reserved for ...", not
        // the owner's people ("Brandt's lawyers relied on ..."): the noun before the verb decides.
        for (std::size_t k = oe; k < qw && k < oe + 4 && !owner; ++k) {
            if (ws[k].cap || ws[k].stop) break;
            // (not a cue: "Ida Brandt's boat said" is a thing that speaks, which none does)
            if (kCues.count(ws[k].core)) break;
            const bool verb = kVerbAuxiliaries.count(ws[k].core) || kIrregularPasts.count(ws[k].core) ||
                              ws[k].core.ends_with("ed");
            if (verb) {
                std::string kind = k > oe ? source_kind(ws[k - 1].core) : "person";
                std::size_t ob = s;  // the owner's name: "Much of Beck's" is Beck's
                for (std::size_t j = s; j + 1 < oe; ++j)
                    if (ws[j].core == "of" || ws[j].core == "for") ob = j + 1;
                if (kind.empty() || kind == "document") owner = split(ob, oe);
                break;
            }
            if (kDocuments.count(ws[k].core) && !ws[k].comma) owner = split(s, oe);
            if (ws[k].comma) break;
        }
        bool later_cue = false;  // and no attribution later in the sentence
        for (std::size_t k = qw; k < ws.size() && !later_cue && ws[k].para == ws[qw - 1].para; ++k) {
            later_cue = kCues.count(ws[k].core) > 0;
            if (ws[k].stop) break;
        }
        std::string_view inner = d.text.substr(q.start, q.end - q.start);
        if (owner && !later_cue && !excluded.count(owner->name) && count_words(inner) >= 2 && !title_case(inner)) {
            return resolve(s, *owner);
        }
    }
    std::size_t v = s + 1;
    while (v < qw && v < s + 9 && !ws[v].comma && !ws[v].stop && !kNounPhraseAuxiliaries.count(ws[v].core) &&
           !(ws[v].core.ends_with("ed") && !ws[v].cap) && !kIrregularPasts.count(ws[v].core) &&
           !(!ws[v].cap && ws[v].core.ends_with("s") && !ws[v].core.ends_with("ss") &&
             (v + 1 == qw || kDeterminers.count(ws[v + 1].core) || ws[v + 1].core == "that")))
        ++v;
    std::size_t h = v;  // the head noun: "the Republican nominee also outlined"
    while (h > s + 1 && kAdverbs.count(ws[h - 1].core)) --h;
    if (v >= qw || v >= s + 9 || ws[v].comma || ws[v].stop || ws[h - 1].cap || ws[h - 1].comma ||
        (ws[h - 1].core.ends_with("ly") && !kLyNouns.count(ws[h - 1].core)))  // "a newly formed": no head noun
        return std::nullopt;
    bool clean = true;  // no cue or pronoun inside the phrase ("another said he")
    for (std::size_t k = s + 1; k < v && clean; ++k) clean = !kCues.count(ws[k].core) && !kPronouns.count(ws[k].core);
    // ... and no attribution later in the sentence: "the rejection was “the end,” Wilders said."
    for (std::size_t k = qw; k < ws.size() && clean && ws[k].para == ws[qw - 1].para; ++k) {
        if (kCues.count(ws[k].core)) clean = false;
        if (ws[k].stop) break;
    }
    if (!clean) return std::nullopt;
    // "This crippling stigma was later reinforced by ...": after "this" only people and
    // bodies speak ("this reporter", "this newspaper"), never a thing.
    if ((ws[s].core == "This" || ws[s].core == "this") && !kPersonNouns.count(ws[h - 1].core) &&
        !kRoleNouns.count(ws[h - 1].core) && !kThisBodies.count(ws[h - 1].core))
        return std::nullopt;
    Mention np;
    // "the slide comes", "the computer", "the question of whether someone": no source.
    const std::size_t head = phrase_head(ws, s, h, np.kind);
    if (head == std::string::npos) return std::nullopt;
    const std::size_t end = head + 1 < h && kObjectPreps.count(ws[head + 1].core) ? h - 1 : head;
    std::string name(d.text.substr(ws[s].b, ws[end].e - ws[s].b));
    if (kDeterminers.count(ws[s].core))
        name[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[0])));
    np.name = name;
    np.named = false;
    std::string_view inner = d.text.substr(q.start, q.end - q.start);
    if (count_words(inner) >= 2 && !title_case(inner)) return np;
    return std::nullopt;
}

/// The named subject of the quote's sentence whose verb is no cue: "Ida Brandt likened the
/// plan to “a leaky boat.”", "Okafor has dismissed it as “noise.”"
std::optional<Mention> subject_with_verb(Analysis& an, std::size_t qi, std::size_t qw) {
    const Doc& d = an.doc;
    const std::vector<Word>& ws = an.doc.words;
    const std::vector<Event>& events = an.events;
    const std::set<std::string>& excluded = an.excluded;
    auto split = [&](std::size_t b, std::size_t e) { return an.split(b, e); };
    auto resolve = [&](std::size_t at_word, Mention m) { return an.resolver.resolve(at_word, std::move(m)); };
    const QuoteSpan& q = d.quotes[qi];
    std::size_t s = qw - 1;
    while (s > 0 && !ws[s - 1].stop && ws[s - 1].para == ws[qw - 1].para) --s;
    // (past a conjunction opening the sentence: "And, in a clip that ..., Santilli expressed")
    bool after_conjunction = false;
    if (s + 1 < qw && (ws[s].core == "And" || ws[s].core == "But") &&
        (ws[s].comma || kSentenceOpeners.count(ws[s + 1].core) || kOpeningSubordinators.count(ws[s + 1].core) ||
         kSubordinators.count(ws[s + 1].core)))
        ++s, after_conjunction = !ws[s].cap;
    // An opening phrase up to its comma: "In a speech Tuesday, Brandt ...". A longer opening
    // clause or participle phrase ("Speaking to reporters in Concord, which votes next week,
    // Brandt ...", "Though she never named him, Brandt ...", "Horrified at the idea, Brandt
    // ...") ends at the comma after which a name or pronoun is followed by a verb: the main
    // clause's subject.
    if (kSentenceOpeners.count(ws[s].core) || kOpeningSubordinators.count(ws[s].core) || after_conjunction ||
        (ws[s].cap && !ws[s].initial && (ws[s].core.ends_with("ing") || ws[s].core.ends_with("ed")) &&
         !split(s, run_end(ws, s)))) {
        std::size_t first_comma = qw, subject = qw;
        for (std::size_t k = s; k + 2 < qw && k < s + 40 && subject == qw; ++k) {
            // (or a quotation closing on a comma: "that Judge Mosman called “distasteful,” Santilli")
            const std::string_view gap = d.text.substr(ws[k].e, ws[k + 1].b - ws[k].e);
            const bool quote_comma = ws[k + 1].after_quote && ws[k].before_quote &&
                                     (gap.find(",\xE2\x80\x9D") != std::string_view::npos ||
                                      gap.find(",\"") != std::string_view::npos);
            if ((!ws[k].comma && !quote_comma) || ws[k].stop) continue;
            if (first_comma == qw) first_comma = k + 1;
            const Word& w = ws[k + 1];
            std::size_t e = kPronouns.count(w.core) ? k + 2 : w.cap ? run_end(ws, k + 1) : k + 1;
            if (e <= k + 1 || e >= qw || ws[e - 1].comma) continue;
            std::size_t v = e;
            while (v < qw && !ws[v].cap && (kAdverbs.count(ws[v].core) || ws[v].core.ends_with("ly"))) ++v;
            if (v < qw && !ws[v].cap &&
                (kVerbAuxiliaries.count(ws[v].core) || kIrregularPasts.count(ws[v].core) || kCues.count(ws[v].core) ||
                 ws[v].core.ends_with("ed") || (ws[v].core.ends_with("s") && !ws[v].core.ends_with("ss"))))
                subject = k + 1;
        }
        if (subject < qw) s = subject;
        else if (kSentenceOpeners.count(ws[s].core) && first_comma < qw && first_comma <= s + 10) s = first_comma;
    }
    if (s >= qw) return std::nullopt;
    auto organization_after_the = [&](std::size_t at) {
        auto sm = split(at + 1, run_end(ws, at + 1));
        return sm && sm->kind == "organization" && !excluded.count(sm->name);
    };
    // "Republican presidential nominee Donald Trump issued ...": a description ending on a role
    // before the name (no name itself: "Republican").
    if (ws[s].cap && !kPronouns.count(ws[s].core)) {
        const std::size_t e0 = run_end(ws, s);
        std::size_t k = e0;
        while (k < qw && k < e0 + 3 && !ws[k].cap && !ws[k].comma && !ws[k].stop) ++k;
        // (the name followed by its verb, no aside: not "Harvard professor Lawrence Lessig, who
        // has since dropped out, leads with “...”")
        const bool role = k > e0 && k < qw && ws[k].cap && !ws[e0 - 1].comma && !ws[e0 - 1].poss && !ws[k - 1].comma &&
                          !(ws[run_end(ws, k) - 1].comma && run_end(ws, k) < qw &&
                            (ws[run_end(ws, k)].core == "who" || ws[run_end(ws, k)].core == "which")) &&
                          (kRoleNouns.count(ws[k - 1].core) || ws[k - 1].core == "front-runner" ||
                           ws[k - 1].core == "frontrunner");
        // (a person before the role is its employer when a full name follows: "Former Obama
        // spokesman Robert Gibbs derided")
        auto d0 = role ? split(s, e0) : std::nullopt;
        auto named = role && d0 && d0->kind == "person" ? split(k, run_end(ws, k)) : std::nullopt;
        if (role && (!d0 || d0->kind != "person" ||
                     (named && named->kind == "person" && named->name.find(' ') != std::string::npos)))
            s = k;
    }
    Mention m;
    std::size_t after = s;
    if (kPronouns.count(ws[s].core)) {
        // (not when the pronoun cannot stand for the last speaker: "He asserted ..." after
        // Ivanka Trump spoke of her father is not hers, and no one's here)
        auto ls = speakers::last_speaker_before(an.events, s);
        if (!ls || !agrees(an.sex, ls->name, ws[s].core)) return std::nullopt;
        m = *ls;
        after = s + 1;
    } else if (kDeterminers.count(ws[s].core) && s + 3 < qw && !ws[s + 1].cap && ws[s + 1].comma && ws[s + 2].cap) {
        // "Another critic, Laurence H. Tribe, likened ...": the name set off after the noun.
        std::size_t e = run_end(ws, s + 2);
        auto sm = e > s + 2 && e < qw && ws[e - 1].comma ? split(s + 2, e) : std::nullopt;
        if (!sm || sm->kind != "person" || excluded.count(sm->name)) return std::nullopt;
        after = e;
        m = resolve(s, *sm);
    } else if (ws[s].cap && !(run_end(ws, s) < qw && ws[run_end(ws, s) - 1].poss && !ws[run_end(ws, s)].cap) &&
               !(kDeterminers.count(ws[s].core) && !split(s, run_end(ws, s)))) {
        std::size_t e = run_end(ws, s);
        if (e <= s || e > qw) return std::nullopt;
        auto sm = split(s, e);
        if (!sm || excluded.count(sm->name)) return std::nullopt;
        after = e;
        if (ws[e - 1].comma) {  // "Ida Brandt, the harbor master, dismissed ..."
            std::size_t end;
            if (std::string r = appositive(d.text, ws, e, end); !r.empty() && sm->role.empty()) sm->role = r;
            after = qw;
            for (std::size_t k = e; k < qw && k < e + 25; ++k)
                if (ws[k].comma) { after = k + 1; break; }
        }
        m = resolve(s, *sm);
    } else if (const std::size_t oe = s + 1 < qw ? run_end(ws, s + 1) : s;
               s + 1 < qw && (ws[s].core == "the" || ws[s].core == "The") && ws[s + 1].cap && oe > s + 1 && oe < qw &&
               !ws[oe - 1].comma && !ws[oe - 1].poss && organization_after_the(s)) {
        // "the Pew Research Center found that “...”": an organisation named after "the".
        after = oe;
        m = resolve(s + 1, *split(s + 1, oe));
    } else if ((kDeterminers.count(ws[s].core) && s + 1 < qw && (!ws[s + 1].cap || (s + 2 < qw && !ws[s + 2].cap))) ||
               (ws[s].cap && run_end(ws, s) < qw && ws[run_end(ws, s) - 1].poss && !ws[run_end(ws, s)].cap)) {
        return noun_phrase_source(an, qi, qw, s);
    } else {
        return std::nullopt;
    }
    std::size_t v = after;
    // (past a party tag: "Gov. Pat McCrory (R) blamed", "Rep. Ann Lee (D-Maine) called")
    if (v < qw && v > 0 && d.text[ws[v].b] == '(' && !ws[v - 1].comma && d.text.substr(ws[v].b, ws[v].e - ws[v].b).ends_with(")") &&
        ws[v].e - ws[v].b <= 12)
        ++v;
    while (v < qw && !ws[v].cap && !kVerbAuxiliaries.count(ws[v].core) &&
           (kAdverbs.count(ws[v].core) || kMoreAdverbs.count(ws[v].core) || ws[v].core.ends_with("ly")))
        ++v;
    if (v >= qw || ws[v].cap) return std::nullopt;
    // Common irregular pasts ("The New Yorker put it", "Brandt took aim at").
    const std::string& verb = ws[v].core;
    bool verbish = kVerbAuxiliaries.count(verb) || kIrregularPasts.count(verb) || verb.ends_with("ed") ||
                   (verb.ends_with("s") && !verb.ends_with("ss"));
    // "Wall Street targets included ...": a plural noun before the verb, not a verb.
    if (verbish && verb.ends_with("s") && !kVerbAuxiliaries.count(verb) && v + 1 < qw && !ws[v].comma) {
        const std::string& next = ws[v + 1].core;
        if (!ws[v + 1].cap && (kVerbAuxiliaries.count(next) || kIrregularPasts.count(next) || next.ends_with("ed"))) verbish = false;
    }
    if (!verbish) return std::nullopt;
    // The evidence is weak, so only for a name known in full and a quote that reads as
    // words said: not one word (“closed”), nor a title in capitals (“Meet the Press”).
    bool source_elsewhere = false;  // a one-word name already the subject of a cue ("PolitiFact wrote")
    for (const Event& ev : events) source_elsewhere |= ev.who.named && !ev.who.pronoun && ev.who.name == m.name;
    if (m.name.find(' ') == std::string::npos && !source_elsewhere) return std::nullopt;
    std::string_view inner = d.text.substr(q.start, q.end - q.start);
    if (count_words(inner) < 2 || title_case(inner)) return std::nullopt;
    return m;
}

/// "This has been called “strategic ambiguity” by Joshua Hendrick, a professor ...": a passive
/// naming verb before the quote, and the one who names after "by".
std::optional<Mention> passive_namer(Analysis& an, std::size_t qi, std::size_t qw) {
    const std::vector<Word>& ws = an.doc.words;
    const Word& verb = ws[qw - 1];
    if (verb.comma || verb.stop || qw < 2 ||
        !(verb.core == "called" || verb.core == "dubbed" || verb.core == "labeled" || verb.core == "labelled" ||
          verb.core == "branded" || verb.core == "described"))
        return std::nullopt;
    const std::string& aux = ws[qw - 2].core;
    if (!(aux == "been" || aux == "was" || aux == "were" || aux == "is" || aux == "are" || aux == "being")) return std::nullopt;
    // "by" right after the quote, then a short lowercase role, then the name
    const std::size_t by = speakers::word_after(ws, an.doc.quotes[qi].close);
    if (by + 1 >= ws.size() || ws[by].core != "by" || !ws[by].after_quote || ws[by].para != verb.para) return std::nullopt;
    std::size_t b = by + 1;
    while (b < ws.size() && b < by + 4 && !ws[b].cap && !ws[b].comma && !ws[b].stop && ws[b].para == verb.para) ++b;
    if (b >= ws.size() || !ws[b].cap || ws[b].para != verb.para) return std::nullopt;
    const std::size_t e = run_end(ws, b);
    auto sm = an.split(b, e);
    if (!sm || an.excluded.count(sm->name)) return std::nullopt;
    if (std::size_t end; ws[e - 1].comma && sm->role.empty()) sm->role = appositive(an.doc.text, ws, e, end);
    return an.resolver.resolve(b, *sm);
}

std::optional<Mention> sentence_subject(Analysis& an, const Speakers& who, std::size_t qi) {
    const Doc& d = an.doc;
    const std::vector<Word>& ws = an.doc.words;
    auto word_after = [&](std::size_t byte) { return speakers::word_after(an.doc.words, byte); };
    const QuoteSpan& q = d.quotes[qi];
    std::size_t qw = word_after(q.open);
    if (qw == 0 || ws[qw - 1].stop) return std::nullopt;
    std::string_view gap = d.text.substr(ws[qw - 1].e, q.open - ws[qw - 1].e);
    // (the colon may follow a skipped parenthetical: "Rep. Ann Lee (R-S.C.):“...”")
    std::size_t last_char = q.open;
    while (last_char > 0 && is_space(static_cast<unsigned char>(d.text[last_char - 1]))) --last_char;
    const bool colon = (ws[qw - 1].e > 0 && d.text[ws[qw - 1].e - 1] == ':') ||
                       (last_char > 0 && d.text[last_char - 1] == ':' && d.text[ws[qw - 1].e] == ' ' &&
                        d.text.substr(ws[qw - 1].e, last_char - ws[qw - 1].e).find('(') == 1);
    // The quote opens its paragraph: only after a colon ("Cruz went on:"), and not when its own
    // attribution follows it ('NBC News has proof: ¶ “...?” a reporter can be heard asking').
    if (gap.find('\n') != std::string_view::npos && !colon) return std::nullopt;
    if (gap.find('\n') != std::string_view::npos) {
        // (someone named, a pronoun or a noun phrase right after the quote, then a cue)
        const std::size_t first_after = word_after(q.close);
        const bool subject_after = first_after < ws.size() && ws[first_after].after_quote &&
                                   (qi + 1 >= d.quotes.size() || ws[first_after].b < d.quotes[qi + 1].open) &&
                                   d.text.substr(q.close, ws[first_after].b - q.close).find('\n') == std::string_view::npos &&
                                   (ws[first_after].cap || kPronouns.count(ws[first_after].core) ||
                                    kDeterminers.count(ws[first_after].core) || kIndefinites.count(ws[first_after].core));
        for (std::size_t k = first_after; subject_after && k < ws.size() && k < first_after + 8 &&
                                          ws[k].para == ws[first_after].para;
             ++k) {
            if (k > first_after && ws[k - 1].stop) break;
            if (kCues.count(ws[k].core) || kParticiples.count(ws[k].core)) return std::nullopt;
        }
    }
    if (colon)
        if (auto m = here_is(an, qw)) return m;
    if (colon && !ws[qw - 1].cap && kDocuments.count(ws[qw - 1].core))
        if (auto m = document_owner(an, qw)) return m;
    if (colon && ws[qw - 1].cap)
        if (auto m = name_colon(an, qw)) return m;
    if (auto m = comment_maker(an, qw)) return m;
    if (auto m = passive_namer(an, qi, qw)) return m;
    return subject_with_verb(an, qi, qw);
}

std::optional<Mention> closes_paragraph_after_speech(Analysis& an, const Speakers& who, std::size_t qi) {
    const Doc& d = an.doc;
    const std::vector<Word>& ws = an.doc.words;
    const std::vector<Event>& events = an.events;
    auto word_after = [&](std::size_t byte) { return speakers::word_after(an.doc.words, byte); };
    const QuoteSpan& q = d.quotes[qi];
    std::size_t qw = word_after(q.open);
    if (qw == 0 || !ws[qw - 1].stop) return std::nullopt;
    if (d.text.substr(ws[qw - 1].e, q.open - ws[qw - 1].e).find('\n') != std::string_view::npos) return std::nullopt;
    std::size_t para_end = d.text.find("\n\n", q.close);
    if (para_end == std::string_view::npos) para_end = d.text.size();
    if (d.text.substr(q.close, para_end - q.close).find_first_not_of(" \t\n") != std::string_view::npos) return std::nullopt;
    std::string_view inner = d.text.substr(q.start, q.end - q.start);
    if (count_words(inner) < 4 || title_case(inner)) return std::nullopt;
    std::size_t ps = qw - 1;
    while (ps > 0 && !ws[ps - 1].stop && ws[ps - 1].para == ws[qw - 1].para) --ps;
    if ((qi > 0 && d.quotes[qi - 1].close > ws[ps].b) || ws[ps].after_quote) return std::nullopt;  // it quoted someone already
    const Event* last = nullptr;
    for (const Event& ev : events) {
        if (ev.cue >= qw) break;
        if (ev.cue >= ps && !ev.who.name.empty() && ev.who.named && !ev.who.pronoun) last = &ev;
    }
    // (what they said is told in that sentence, or the sentence ends on the cue to introduce
    // the quote, "Tom Okafor agreed."; "Ida Brandt said so." points back, not forward)
    if (last && (last->cue + 4 <= qw || last->cue + 1 == qw)) return last->who;
    return std::nullopt;
}

/// A paragraph that is nothing but a quote, after a paragraph whose last sentence tells what
/// someone said ("Howard continued his scathing remarks. ¶ “Eight years ago ...”", "Carter said
/// that critics had been wrong. ¶ “That's because ...”"): that person goes on speaking.
std::optional<Mention> quote_paragraph_after_speech(Analysis& an, const Speakers& who, std::size_t qi) {
    const Doc& d = an.doc;
    const std::vector<Word>& ws = an.doc.words;
    const QuoteSpan& q = d.quotes[qi];
    if (q.open > 0 && d.text[q.open - 1] != '\n') return std::nullopt;
    std::size_t para_end = d.text.find("\n\n", q.close);
    if (para_end == std::string_view::npos) para_end = d.text.size();
    if (d.text.substr(q.close, para_end - q.close).find_first_not_of(" \t\n") != std::string_view::npos) return std::nullopt;
    std::string_view inner = d.text.substr(q.start, q.end - q.start);
    if (count_words(inner) < 4 || title_case(inner)) return std::nullopt;
    const std::size_t qw = speakers::word_after(ws, q.open);
    if (qw == 0 || !ws[qw - 1].stop) return std::nullopt;
    // the paragraph right before, with no quote of its own
    std::string_view gap = d.text.substr(ws[qw - 1].e, q.open - ws[qw - 1].e);
    if (gap.find("\n\n") == std::string_view::npos || gap.find_first_not_of(" \t\n.") != std::string_view::npos)
        return std::nullopt;
    std::size_t ps = qw - 1;
    while (ps > 0 && ws[ps - 1].para == ws[qw - 1].para) --ps;
    if (qi > 0 && d.quotes[qi - 1].close > ws[ps].b) return std::nullopt;
    // its last sentence's cue, with a named subject
    std::size_t ss = qw - 1;
    while (ss > ps && !ws[ss - 1].stop) --ss;
    const Event* last = nullptr;
    for (const Event& ev : an.events) {
        if (ev.cue >= qw) break;
        if (ev.cue >= ss) last = &ev;
    }
    if (!last || last->who.name.empty() || !last->who.named || last->who.kind == "document") return std::nullopt;
    return last->who;
}

}  // namespace

std::optional<Mention> last_speaker_before(const std::vector<Event>& events, std::size_t w) {
    std::optional<Mention> out;
    for (const Event& ev : events) {
        if (ev.cue >= w) break;
        if (!ev.who.name.empty() && ev.who.kind == "person" && ev.who.named && !ev.who.pronoun) out = ev.who;
    }
    return out;
}

const std::vector<AttributionRule>& attribution_rules() {
    static const std::vector<AttributionRule> rules = {
        {"cue_in_sentence", cue_in_sentence},
        {"signed_paragraph", signed_paragraph},
        {"follows_attributed_quote", follows_attributed_quote},
        {"sentence_subject", sentence_subject},
        {"closes_paragraph_after_speech", closes_paragraph_after_speech},
        {"quote_paragraph_after_speech", quote_paragraph_after_speech},
    };
    return rules;
}

const AttributionRule* find_rule(std::string_view name) {
    for (const AttributionRule& r : attribution_rules())
        if (r.name == name) return &r;
    return nullptr;
}

Speakers attribute(Analysis& an) {
    Speakers who(an.doc.quotes.size());
    static const bool trace = std::getenv("NEWS_SPEAKER_TRACE") != nullptr;
    if (trace)
        for (const Event& ev : an.events)
            std::fprintf(stderr, "event at word %zu (%s): %s%s\n", ev.cue, an.doc.words[ev.cue].core.c_str(), ev.who.name.c_str(),
                         ev.by_pronoun ? " [pronoun]" : "");
    // Rule by rule over all quotes: a later quote may inherit the speaker an earlier rule gave
    // the quote before it, and resolve() remembers the names met in this order.
    for (const AttributionRule& rule : attribution_rules())
        for (std::size_t qi = 0; qi < who.size(); ++qi)
            if (!who[qi])
                if (auto m = rule.apply(an, who, qi)) {
                    if (trace)
                        std::fprintf(stderr, "quote %zu [%.40s] <- %s (%s)\n", qi,
                                     std::string(an.doc.text.substr(an.doc.quotes[qi].start, an.doc.quotes[qi].end - an.doc.quotes[qi].start)).c_str(),
                                     m->name.c_str(), std::string(rule.name).c_str());
                    who[qi] = std::move(m);
                }
    return who;
}

void fill_speakers(Article& a, const Analysis& an, const Speakers& who) {
    const Doc& d = an.doc;
    const std::vector<Event>& events = an.events;
    const std::vector<Named>& named = an.names.named;
    std::set<std::string> offices;  // titles standing for their holders ("Bishop of Durham"): no person's name
    for (std::size_t qi = 0; qi < d.quotes.size(); ++qi) {
        const QuoteSpan& q = d.quotes[qi];
        std::string qtext(d.text.substr(q.start, q.end - q.start));
        if (!who[qi] || !reads_as_speech(qtext) || programme_title(d.text, q)) continue;
        // A one-word cry is speech only when it opens its sentence (“No,” said the senator), not
        // inside one (greeted with chants of “Ahoy!”).
        if (count_words(qtext) < 2 && !opens_sentence(d.text, q.open)) continue;
        const Mention& m = *who[qi];
        if (m.office) offices.insert(m.name);
        auto it = std::find_if(a.speakers.begin(), a.speakers.end(), [&](const Speaker& s) { return s.name == m.name; });
        if (it == a.speakers.end()) {
            a.speakers.push_back({m.name, m.kind, m.role, {}});
            it = a.speakers.end() - 1;
        }
        if (weak_role(it->role) && !m.role.empty() && !weak_role(m.role)) it->role = m.role;
        if (it->role.empty()) it->role = m.role;
        it->quotes.push_back({std::move(qtext), q.start, q.end});
    }
    // Roles given anywhere in the article for a speaker (the first event that names one).
    for (Speaker& s : a.speakers)
        for (const Event& ev : events)
            if (ev.who.name == s.name && !ev.who.role.empty() && weak_role(s.role) && !weak_role(ev.who.role))
                s.role = ev.who.role;
    // An honorific alone ("Mrs", from "Mrs. Obama") is a role only for a surname alone: the sex
    // the speaker alias table needs; a full name has its given name.
    for (Speaker& s : a.speakers)
        if (s.name.find(' ') != std::string::npos && kHonorifics.count(s.role)) s.role.clear();

    auto add_unique = [](std::vector<std::string>& v, const std::string& s) {
        if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
    };
    for (const Speaker& s : a.speakers)
        if (s.kind != "document" && !offices.count(s.name) && starts_upper(s.name) &&
            starts_upper(last_word(s.name)))  // not "the commission", "Okafor's lawyers"
            add_unique(s.kind == "person" ? a.persons : a.organizations, s.name);
    for (const Named& n : named) add_unique(n.kind == "person" ? a.persons : a.organizations, n.name);
    for (const Event& ev : events)
        if (!ev.who.pronoun && ev.who.named && !ev.who.office && !ev.who.name.empty() &&
            ev.who.name.find(' ') != std::string::npos)
            add_unique(ev.who.kind == "person" ? a.persons : a.organizations, ev.who.name);
}

}  // namespace news::extract::speakers
