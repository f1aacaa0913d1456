/// @file
/// @brief ICU word splitting and folding, Xapian stemming.
#include "common/text/analyzer.h"

#include "common/text/word_scan.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>
#include <xapian.h>

#include <stdexcept>

namespace news::text {
namespace {

const icu::Normalizer2& nfkc_cf() {
    UErrorCode err = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(err);
    if (U_FAILURE(err)) throw std::runtime_error("ICU: no NFKC_Casefold normalizer");
    return *n;
}
const icu::Normalizer2& nfd() {
    UErrorCode err = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(err);
    if (U_FAILURE(err)) throw std::runtime_error("ICU: no NFD normalizer");
    return *n;
}
const icu::Normalizer2& nfc() {
    UErrorCode err = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(err);
    if (U_FAILURE(err)) throw std::runtime_error("ICU: no NFC normalizer");
    return *n;
}

bool is_apostrophe(UChar32 c) {
    return c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0xFF07 || c == 0x2032;
}

// Diacritics are dropped only from alphabets where readers treat them as
// optional (López = lopez); kana voicing marks and Indic vowel signs stay.
bool marks_are_optional(UChar32 base) {
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript(base, &err);
    return sc == USCRIPT_LATIN || sc == USCRIPT_GREEK || sc == USCRIPT_CYRILLIC ||
           sc == USCRIPT_COMMON || sc == USCRIPT_INHERITED;
}

std::string fold_unicode(std::string_view w) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(w.data(), static_cast<int32_t>(w.size())));
    for (int32_t i = 0; i < u.length(); ++i)
        if (is_apostrophe(u.charAt(i))) u.setCharAt(i, u'\'');
    UErrorCode err = U_ZERO_ERROR;
    icu::UnicodeString folded = nfkc_cf().normalize(u, err);
    icu::UnicodeString decomposed = nfd().normalize(folded, err);
    icu::UnicodeString kept;
    UChar32 base = 0;
    for (int32_t i = 0; i < decomposed.length();) {
        UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK && marks_are_optional(base)) continue;
        if (u_charType(c) != U_NON_SPACING_MARK) base = c;
        kept.append(c);
    }
    icu::UnicodeString composed = nfc().normalize(kept, err);
    if (U_FAILURE(err)) return std::string(w);
    std::string out;
    composed.toUTF8String(out);
    return out;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Numbers keep their decimal point but lose grouping commas ("70,000" ->
// "70000"); words lose their dots ("u.s" -> "us"); apostrophes at the ends go.
std::string tidy(std::string s) {
    bool has_letter = false;
    for (unsigned char c : s)
        if ((c >= 'a' && c <= 'z') || c >= 0x80) { has_letter = true; break; }
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == ',' && i > 0 && i + 1 < s.size() && is_digit(s[i - 1]) && is_digit(s[i + 1])) continue;
        // "u.s" -> "us", but "1.5m" keeps its decimal point.
        if (c == '.' && has_letter && !(i > 0 && i + 1 < s.size() && is_digit(s[i - 1]) && is_digit(s[i + 1]))) continue;
        out += c;
    }
    std::size_t b = 0, e = out.size();
    while (b < e && (out[b] == '\'' || out[b] == '.' || out[b] == ',')) ++b;
    while (e > b && (out[e - 1] == '\'' || out[e - 1] == '.' || out[e - 1] == ',')) --e;
    return out.substr(b, e - b);
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
    int32_t i = 0, n = static_cast<int32_t>(s.size());
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    while (i < n) {
        UChar32 c;
        U8_NEXT(p, i, n, c);
        if (c < 0) return false;
    }
    return true;
}

std::string make_valid_utf8(std::string s) {
    if (is_valid_utf8(s)) return s;
    std::string out;
    out.reserve(s.size() + 16);
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    int32_t i = 0, n = static_cast<int32_t>(s.size());
    while (i < n) {
        int32_t at = i;
        UChar32 c;
        U8_NEXT(p, i, n, c);
        if (c < 0) out += "\xEF\xBF\xBD";
        else out.append(s, static_cast<std::size_t>(at), static_cast<std::size_t>(i - at));
    }
    return out;
}

std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes) {
    if (s.size() <= max_bytes) return s;
    std::size_t end = max_bytes;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
    return s.substr(0, end);
}

std::string fold_word(std::string_view w) {
    bool ascii = true;
    for (unsigned char c : w)
        if (c >= 0x80) { ascii = false; break; }
    if (ascii) {
        std::string s(w);
        for (char& c : s)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return tidy(std::move(s));
    }
    return tidy(fold_unicode(w));
}

struct Analyzer::Impl {
    std::string language;
    Xapian::Stem stemmer;
    std::unique_ptr<icu::BreakIterator> words;
};

Analyzer::Analyzer(const std::string& stem_language) : impl_(std::make_unique<Impl>()) {
    impl_->language = stem_language;
    if (stem_language != "none") impl_->stemmer = Xapian::Stem(stem_language);
    UErrorCode err = U_ZERO_ERROR;
    impl_->words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), err));
    if (U_FAILURE(err)) throw std::runtime_error(std::string("ICU: cannot create word BreakIterator: ") + u_errorName(err));
}
Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

const std::string& Analyzer::language() const { return impl_->language; }

std::string Analyzer::settings_id() { return "icu-uax29+nfkc_cf+nodiacritics+numbers+possessive/1"; }

bool tokenize_plain(std::string_view utf8, std::vector<Token>& out) {
    if (utf8.size() > UINT32_MAX) return false;  // WordSpan offsets are 32 bits
    // Spans first, folding after: a text that turns out not to be plain costs a scan only.
    thread_local std::vector<WordSpan> spans;
    spans.clear();
    if (!scan_plain_words(utf8, spans)) return false;
    out.reserve(out.size() + spans.size());
    for (const WordSpan& w : spans) {
        std::string term = fold_word(utf8.substr(w.start, w.end - w.start));
        if (term.empty() || term.size() > kMaxTermBytes) continue;
        Token t{std::move(term), {}, w.start, w.end, w.letters};
        t.alt = possessive_alt(t.term);
        out.push_back(std::move(t));
    }
    if (spans.capacity() > (1u << 20)) spans = {};  // one huge article does not pin its spans
    return true;
}

std::vector<Token> Analyzer::tokenize(std::string_view utf8) const {
    std::vector<Token> out;
    if (tokenize_plain(utf8, out)) return out;
    return tokenize_icu(utf8);
}

std::vector<Token> Analyzer::tokenize_icu(std::string_view utf8) const {
    std::vector<Token> out;
    if (utf8.empty()) return out;
    // Decode by hand so that every UTF-16 index maps back to a byte offset,
    // invalid bytes included (each becomes one U+FFFD).
    icu::UnicodeString u;
    std::vector<uint32_t> byte_at;
    byte_at.reserve(utf8.size() + 1);
    const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
    int32_t i = 0, n = static_cast<int32_t>(utf8.size());
    while (i < n) {
        int32_t at = i;
        UChar32 c;
        U8_NEXT(p, i, n, c);
        if (c < 0) c = 0xFFFD;
        u.append(c);
        byte_at.push_back(static_cast<uint32_t>(at));
        if (U16_LENGTH(c) == 2) byte_at.push_back(static_cast<uint32_t>(at));
    }
    byte_at.push_back(static_cast<uint32_t>(n));

    icu::BreakIterator& bi = *impl_->words;
    bi.setText(u);
    int32_t start = bi.first();
    for (int32_t end = bi.next(); end != icu::BreakIterator::DONE; start = end, end = bi.next()) {
        int32_t status = bi.getRuleStatus();
        if (status < UBRK_WORD_NUMBER) continue;  // spaces and punctuation
        std::size_t b = byte_at[static_cast<std::size_t>(start)], e = byte_at[static_cast<std::size_t>(end)];
        std::string term = fold_word(utf8.substr(b, e - b));
        if (term.empty() || term.size() > kMaxTermBytes) continue;
        Token t{std::move(term), {}, b, e, status >= UBRK_WORD_LETTER && status < UBRK_WORD_LETTER_LIMIT};
        t.alt = possessive_alt(t.term);
        out.push_back(std::move(t));
    }
    return out;
}

std::string Analyzer::normalize(std::string_view utf8) const {
    std::string out;
    for (const Token& t : tokenize(utf8)) {
        if (!out.empty()) out += ' ';
        out += t.alt.empty() ? t.term : t.alt;
    }
    return out;
}

std::string Analyzer::stem(const std::string& term) const {
    if (impl_->language == "none") return term;
    return impl_->stemmer(term);
}

}  // namespace news::text
