#include "synth/pronoun_referents.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "text/fold.h"
#include "text/words.h"

namespace recoupe::synth {

PronounReferents::PronounReferents(const StoryEvidence& evidence, const PersonPronouns& words,
                                   const text::ElisionRules& elisions)
    : ev_(evidence), words_(words), elisions_(elisions), most_named_(evidence.entities.size()) {
  // The story's most named person, when one is named more often than any other.
  size_t most_mentions = 0, runner_up = 0;
  for (size_t e = 0; e < ev_.entities.size(); ++e) {
    if (ev_.entities[e].type != "person") continue;
    const size_t n = ev_.entities[e].mentions.size();
    if (n > most_mentions) {
      runner_up = most_mentions;
      most_named_ = e;
      most_mentions = n;
    } else if (n > runner_up) {
      runner_up = n;
    }
  }
  if (most_mentions == runner_up) most_named_ = ev_.entities.size();
}

bool PronounReferents::unsettled(size_t article, size_t sentence, std::string_view text) const {
  if (words_.pronouns.empty() || text.empty() || !std::isalpha(static_cast<unsigned char>(text[0])))
    return false;
  const auto spans = text::word_spans(text, elisions_);
  auto word = [&](size_t k) {
    return text::fold(text.substr(spans[k].begin, spans[k].end - spans[k].begin));
  };
  if (spans.size() < 2 || !words_.pronouns.count(word(0)) || words_.impersonal.count(word(1)))
    return false;
  const ArticleAnalysis* an = article < ev_.analyses.size() ? ev_.analyses[article] : nullptr;
  if (!an || sentence >= an->sentences.size()) return false;
  for (size_t back = 1; back <= kPronounLookBack && back <= sentence; ++back) {
    const Sentence& s = an->sentences[sentence - back];
    size_t named = 0;
    for (size_t e = 0; e < ev_.entities.size(); ++e) {
      if (ev_.entities[e].type != "person") continue;
      const auto& mentions = ev_.entities[e].mentions;
      if (std::none_of(mentions.begin(), mentions.end(), [&](const EvidenceMention& m) {
            return m.article == article && m.begin >= s.begin && m.end <= s.end;
          }))
        continue;
      if (e == most_named_) return false;
      ++named;
    }
    if (named > 0) return named > 1;
  }
  return false;
}

}  // namespace recoupe::synth
