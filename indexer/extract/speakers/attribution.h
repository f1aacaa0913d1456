/// @file
/// @brief Speaker pass 5, attribution: each quotation gets a speaker from an ordered table of
/// named rules, strongest evidence first; then the article's speakers, persons and organisations.
///
/// The rules, in order (attribution_rules()):
///  1. cue_in_sentence: the cue after the quote in its sentence, else the one before it (or
///     the one closing the sentence before), else the one closing a partial quote's sentence;
///     a transcript tag (“PENCE: ...”) overrides.
///  2. signed_paragraph: a quote paragraph followed by a paragraph that is only "- NAME.".
///  3. follows_attributed_quote: a quote right after an attributed one inherits its speaker.
///  4. sentence_subject: the named subject of the quote's sentence whose verb is no cue
///     ("Ida Brandt likened the plan to “a leaky boat.”"), or "NAME: “...”", "Here's NAME:".
///  5. closes_paragraph_after_speech: a quote closing its paragraph after a sentence in which
///     someone named said something.
///  6. quote_paragraph_after_speech: a paragraph that is only a quote, after a paragraph with
///     no quote whose last sentence tells what someone named said.
/// Within cue_in_sentence, words the speaker cites from someone who told them ("said her
/// husband used to tell her that “...”") are the teller's (cited_source).
/// Each rule runs over all quotes that have no speaker yet before the next rule runs.
#pragma once

#include "indexer/extract/speakers/coreference.h"

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace news::extract::speakers {

/// The speaker of each quote of Analysis::doc.quotes, when one is found.
using Speakers = std::vector<std::optional<Mention>>;

/// A named attribution rule: the speaker of quote @p qi, or nullopt to leave it to the next
/// rule. @p who holds what the rules before found (and this one, for the quotes before qi).
struct AttributionRule {
    std::string_view name;
    std::optional<Mention> (*apply)(Analysis& an, const Speakers& who, std::size_t qi);
};

/// The rules in the order they are applied.
[[nodiscard]] const std::vector<AttributionRule>& attribution_rules();
/// The rule called @p name, or nullptr.
[[nodiscard]] const AttributionRule* find_rule(std::string_view name);

/// Applies the rules in order: rule by rule, quote by quote, to the quotes still without a speaker.
[[nodiscard]] Speakers attribute(Analysis& an);

/// The last person named as the subject of a cue before word @p w.
[[nodiscard]] std::optional<Mention> last_speaker_before(const std::vector<Event>& events, std::size_t w);

/// Fills a.speakers from the quotes that read as speech and their speakers (with the best
/// role the article gives them), then a.persons and a.organizations.
void fill_speakers(Article& a, const Analysis& an, const Speakers& who);

}  // namespace news::extract::speakers
