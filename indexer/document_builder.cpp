/// @file
/// @brief Terms, values and data of one article.
#include "indexer/document_builder.h"

#include "common/copies.h"
#include "common/speaker_aliases.h"

#include "common/date.h"
#include "common/schema.h"
#include "common/stored.h"

#include <algorithm>
#include <functional>

namespace news {
namespace {

using schema::kMaxTerm;
constexpr Xapian::termpos kFieldGap = 100;  // phrases never cross from title into body

}  // namespace

bool WordSet::insert(std::string_view word) {
    if (bytes_.size() + word.size() > UINT32_MAX) clear();  // offsets are 32-bit: start again
    const std::uint64_t h = std::hash<std::string_view>{}(word) | 1;  // never 0 (empty)
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = h & mask;
    for (; slots_[i].hash != 0; i = (i + 1) & mask)
        if (slots_[i].hash == h && std::string_view(bytes_).substr(slots_[i].at, slots_[i].size) == word) return false;
    slots_[i] = {h, static_cast<std::uint32_t>(bytes_.size()), static_cast<std::uint32_t>(word.size())};
    bytes_ += word;
    if (++size_ * 2 > slots_.size()) grow();
    return true;
}

void WordSet::grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
        if (s.hash == 0) continue;
        std::size_t i = s.hash & mask;
        while (slots_[i].hash != 0) i = (i + 1) & mask;
        slots_[i] = s;
    }
}

void WordSet::clear() {
    slots_.assign(1024, Slot{});
    bytes_.clear();
    size_ = 0;
}

std::string DocumentBuilder::id_term(const std::string& id) { return schema::id_term(id); }
std::string DocumentBuilder::file_term(const std::string& key) { return schema::bounded_term(schema::kFilePrefix, key); }

void DocumentBuilder::index_text(Xapian::Document& doc, const std::vector<text::Token>& tokens, std::string_view prefix,
                                 Xapian::termpos& pos, std::vector<std::pair<std::string, std::string>>* stems) const {
    const std::string p(prefix);
    for (const text::Token& t : tokens) {
        ++pos;
        doc.add_posting(p + t.term, pos);
        if (!t.alt.empty()) doc.add_posting(p + t.alt, pos);
        if (stems && t.stemmable) add_stems(t, *stems);
    }
}

void DocumentBuilder::add_stems(const text::Token& t, std::vector<std::pair<std::string, std::string>>& stems) const {
    // A word's pair is given once per builder: most words of an article were met before,
    // and stemming them again was a twentieth of indexing time. Past a bound the set starts
    // again (pairs given twice are harmless: the writer keeps one).
    if (stemmed_.size() > kMaxStemmed) stemmed_.clear();
    for (const std::string* w : {&t.term, &t.alt})
        if (!w->empty() && stemmed_.insert(*w)) stems.emplace_back(analyzer_.stem(*w), *w);
}

void DocumentBuilder::add_name(Xapian::Document& doc, std::string_view field_name, const std::string& name,
                               std::string_view whole_prefix) const {
    const schema::Field& f = schema::field(field_name);
    const std::string folded = analyzer_.normalize(name);
    for (const std::string& t : schema::name_terms(folded, f.prefix, f.word_prefix, kMaxTerm, false))
        doc.add_boolean_term(t);
    if (!whole_prefix.empty() && !folded.empty() && whole_prefix.size() + folded.size() <= kMaxTerm)
        doc.add_boolean_term(std::string(whole_prefix) + folded);
}

void DocumentBuilder::add_pairing(Xapian::Document& doc, const Article& a, const std::vector<text::Token>& tokens,
                                  Xapian::termpos first_pos) const {
    // Quote i of speaker k (the quotations nobody was found to say: of speaker
    // a.speakers.size(), who has no name), see schema::quote_slot_prefix.
    auto add_slot = [&](std::size_t k, std::size_t i, const Quote& q, std::string_view word_prefix,
                        std::string_view marker_prefix) {
        // Its words: the body's tokens inside it, without positions, wdf 0.
        const std::string prefix(word_prefix), suffix = schema::quote_slot_suffix(k, i);
        auto it = std::lower_bound(tokens.begin(), tokens.end(), q.start,
                                   [](const text::Token& t, std::size_t at) { return t.start < at; });
        const auto first = static_cast<Xapian::termpos>(it - tokens.begin());
        Xapian::termpos n = 0;
        for (; it != tokens.end() && it->end <= q.end; ++it, ++n) {
            if (prefix.size() + it->term.size() + suffix.size() <= kMaxTerm) doc.add_term(prefix + it->term + suffix, 0);
            if (!it->alt.empty() && prefix.size() + it->alt.size() + suffix.size() <= kMaxTerm)
                doc.add_term(prefix + it->alt + suffix, 0);
        }
        // Its marker spans the quote's body positions and one more on each side, so that a
        // phrase (marker, words..., marker) is a phrase inside this quote (schema.h).
        const std::string marker = schema::slot_marker(k, i, marker_prefix);
        if (n == 0) doc.add_boolean_term(marker);
        for (Xapian::termpos p = 0; n > 0 && p < n + 2; ++p) doc.add_posting(marker, first_pos + first + p - 1, 0);
    };
    auto add_quote = [&](std::size_t k, std::size_t i, const Quote& q) {
        add_slot(k, i, q, schema::kPairWordPrefix, schema::kSlotMarkerPrefix);
    };
    auto add_names = [&](const std::string& name, std::size_t k) {
        const std::string suffix = schema::speaker_slot_suffix(k);
        for (const std::string& t : schema::name_terms(analyzer_.normalize(name), schema::kPairNamePrefix,
                                                       schema::kPairNameWordPrefix, kMaxTerm - suffix.size(), false))
            doc.add_boolean_term(t + suffix);
    };
    auto in_text_order = [](const std::vector<Quote>& quotes) {
        std::vector<const Quote*> out;
        for (const Quote& q : quotes) out.push_back(&q);
        std::stable_sort(out.begin(), out.end(), [](const Quote* x, const Quote* y) { return x->start < y->start; });
        return out;
    };
    for (std::size_t k = 0; k < a.speakers.size(); ++k) {
        const Speaker& s = a.speakers[k];
        if (s.quotes.empty()) continue;
        add_names(s.name, k);
        const std::vector<const Quote*> quotes = in_text_order(s.quotes);
        for (std::size_t i = 0; i < quotes.size(); ++i) add_quote(k, i, *quotes[i]);
    }
    const std::vector<const Quote*> nobodys = in_text_order(a.unattributed);
    for (std::size_t i = 0; i < nobodys.size(); ++i) add_quote(a.speakers.size(), i, *nobodys[i]);
    // Reported speech (schema.h): the slots of a speaker's spans follow its quotes; a speaker who
    // only reports is numbered after the quotations nobody was found to say.
    std::size_t next_k = a.speakers.size() + 1;
    for (const Speaker& r : a.reported) {
        if (r.quotes.empty()) continue;
        auto quoted = std::find_if(a.speakers.begin(), a.speakers.end(),
                                   [&](const Speaker& s) { return s.name == r.name && !s.quotes.empty(); });
        std::size_t k = 0, first = 0;
        if (quoted != a.speakers.end()) {
            k = static_cast<std::size_t>(quoted - a.speakers.begin());
            first = quoted->quotes.size();
        } else {
            k = next_k++;
            add_names(r.name, k);
        }
        const std::vector<const Quote*> spans = in_text_order(r.quotes);
        for (std::size_t j = 0; j < spans.size(); ++j)
            add_slot(k, first + j, *spans[j], schema::kReportedWordPrefix, schema::kReportedMarkerPrefix);
    }
}

Xapian::Document DocumentBuilder::build(const Article& a, const std::string& file_key, const std::string& file_sig) const {
    std::vector<std::pair<std::string, std::string>> stems;
    return build(a, file_key, file_sig, stems);
}

Xapian::Document DocumentBuilder::build(const Article& a, const std::string& file_key, const std::string& file_sig,
                                        std::vector<std::pair<std::string, std::string>>& stems) const {
    const std::size_t first_stem = stems.size();  // the vector may already hold earlier documents' pairs
    Xapian::Document doc;
    doc.add_boolean_term(id_term(a.id));
    if (!file_key.empty()) doc.add_boolean_term(file_term(file_key));
    if (!a.language.empty()) doc.add_boolean_term(std::string(schema::kLangPrefix) + a.language);

    Xapian::termpos pos = 0;
    const std::vector<text::Token> title_tokens = analyzer_.tokenize(a.title);
    // Title words are body words too (unprefixed), and title words under S.
    {
        Xapian::termpos title_pos = 0;
        index_text(doc, title_tokens, schema::kTitlePrefix, title_pos, nullptr);
        index_text(doc, title_tokens, schema::kBodyPrefix, pos, &stems);
        pos += kFieldGap;
    }
    // Body, with the words inside quotations also under XQ at the same positions. No stem
    // terms: the stem table in the database maps stems to words for the searcher.
    const std::string xq(schema::kQuotePrefix), xr(schema::kReportedPrefix);
    const std::vector<Quote>& quotes = a.quotations;
    std::size_t qi = 0;
    // The reported spans in text order, for XR (they never overlap one another).
    std::vector<const Quote*> reported;
    for (const Speaker& r : a.reported)
        for (const Quote& q : r.quotes) reported.push_back(&q);
    std::sort(reported.begin(), reported.end(), [](const Quote* x, const Quote* y) { return x->start < y->start; });
    std::size_t ri = 0;
    const std::vector<text::Token> tokens = analyzer_.tokenize(a.text);
    const Xapian::termpos first_body_pos = pos + 1;
    for (const text::Token& t : tokens) {
        ++pos;
        doc.add_posting(t.term, pos);
        if (!t.alt.empty()) doc.add_posting(t.alt, pos);
        if (t.stemmable) add_stems(t, stems);
        while (qi < quotes.size() && quotes[qi].end <= t.start) ++qi;
        if (qi < quotes.size() && quotes[qi].start <= t.start && t.end <= quotes[qi].end) {
            // No positions: phrases inside quotes are matched in one quote, by the pairing
            // terms (add_pairing); XQ weighs and answers single words.
            doc.add_term(xq + t.term);
            if (!t.alt.empty()) doc.add_term(xq + t.alt);
        }
        while (ri < reported.size() && reported[ri]->end <= t.start) ++ri;
        if (ri < reported.size() && reported[ri]->start <= t.start && t.end <= reported[ri]->end) {
            doc.add_term(xr + t.term);
            if (!t.alt.empty()) doc.add_term(xr + t.alt);
        }
    }

    add_pairing(doc, a, tokens, first_body_pos);
    for (const Speaker& s : a.speakers) {
        add_name(doc, "speaker", s.name);
        // A person's whole name, and the sex its role tells (the speaker alias table's terms).
        const std::string whole = analyzer_.normalize(s.name);
        if (whole.empty() || whole.size() + schema::kSpeakerSexPrefix.size() + 1 > kMaxTerm) continue;
        if (s.kind != "person") {
            doc.add_boolean_term(std::string(schema::kSpeakerOtherPrefix) + whole);
            continue;
        }
        doc.add_boolean_term(std::string(schema::kSpeakerWholePrefix) + whole);
        if (const char sex = aliases::role_sex(s.role))
            doc.add_boolean_term(std::string(schema::kSpeakerSexPrefix) + sex + whole);
    }
    for (const std::string& p : a.persons) add_name(doc, "person", p, schema::kPersonWholePrefix);
    for (const std::string& au : a.authors) add_name(doc, "author", au, schema::kAuthorWholePrefix);
    if (!a.source.empty()) {
        // The whole name ("XSRCbbc-news", what --sources counts) and each of its words
        // ("XSRCWbbc", "XSRCWnews"): source:bbc finds "BBC News".
        const schema::Field& f = schema::field("source");
        const std::string whole = schema::slug(a.source);
        if (!whole.empty() && whole.size() + f.prefix.size() <= kMaxTerm) doc.add_boolean_term(std::string(f.prefix) + whole);
        for (std::size_t b = 0; b < whole.size();) {
            std::size_t e = std::min(whole.find('-', b), whole.size());
            if (e > b) doc.add_boolean_term(std::string(f.word_prefix) + whole.substr(b, e - b));
            b = e + 1;
        }
    }
    for (const std::string& topic : a.topics) {
        const std::string prefix(schema::field("topic").prefix);
        std::string t = analyzer_.normalize(topic);
        if (!t.empty() && t.size() + prefix.size() <= kMaxTerm) doc.add_boolean_term(prefix + t);
    }
    if (!a.dateline.empty()) {
        const std::string prefix(schema::field("place").prefix);
        std::string full = analyzer_.normalize(a.dateline);
        std::string city = analyzer_.normalize(a.dateline.substr(0, a.dateline.find(',')));
        if (!full.empty()) doc.add_boolean_term(prefix + full);
        if (!city.empty()) doc.add_boolean_term(prefix + city);
    }
    if (!a.date.empty()) {
        const std::string day = date::to_value(a.date);
        doc.add_value(schema::kDateSlot, day);
        if (day.size() == 8)
            for (std::size_t n : {8, 6, 4}) doc.add_boolean_term(schema::period_term(std::string_view(day).substr(0, n)));
    }
    if (!file_sig.empty()) doc.add_value(schema::kFileSigSlot, file_sig);
    // Its wire-copy signature, from the words as indexed (copies.h).
    doc.add_value(schema::kCopySigSlot, copies::encode(copies::sign_article(a, title_tokens, tokens)));
    doc.add_value(schema::kStoredSlot, stored::pack(to_document_data(a), dict_.get()));
    doc.add_value(schema::kIdSlot, a.id);
    // Only this document's pairs: sorting the whole vector again for every record of a big
    // JSON Lines file made indexing quadratic.
    const auto mine = stems.begin() + static_cast<std::ptrdiff_t>(first_stem);
    std::sort(mine, stems.end());
    stems.erase(std::unique(mine, stems.end()), stems.end());
    return doc;
}

}  // namespace news
