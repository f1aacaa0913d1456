/// @file
/// @brief Speaker pass 3, cues: the words of speaking ("said", "told", "according to", a
/// participle, a dash after a quote, "put it") and the subject of each, as events in text order.
#pragma once

#include "indexer/extract/speakers/names.h"
#include "indexer/extract/speakers/words.h"

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace news::extract::speakers {

/// A cue with a subject: an attribution that quotes can take.
struct Event {
    std::size_t cue = 0;  ///< word index of the cue
    Mention who;
    bool by_pronoun = false;  ///< the subject was "he" / "she", resolved to who
};

/// "Said Ellis: “...”": a cue verb opening its sentence, its subject right after it.
[[nodiscard]] bool opening_cue(const std::vector<Word>& ws, std::size_t c);

/// Word c is a cue: a cue verb or participle, "according", a dash, an opening cue, "put it"
/// ("as The New Yorker put it") or "went on".
[[nodiscard]] bool is_cue(const std::vector<Word>& ws, std::size_t c);

/// The subject of the cue at word c, if any: before it ("Ann Lee said", "the commission
/// said", "he said"), after it ("said Ann Lee"), of its sentence ("Ann Lee ..., saying"), or
/// after "according to". Pronouns and surnames are left for coreference.
[[nodiscard]] std::optional<Mention> subject_of(std::string_view text, const std::vector<Word>& ws, std::size_t c);

/// Every cue of @p ws with a subject that is not in @p excluded, in text order.
[[nodiscard]] std::vector<Event> find_events(std::string_view text, const std::vector<Word>& ws,
                                             const std::set<std::string>& excluded);

}  // namespace news::extract::speakers
