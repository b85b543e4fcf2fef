#include "synth/contrast_words.h"

#include "synth/content_words.h"
#include "text/fold.h"
#include "text/words.h"

namespace recoupe::synth {

std::vector<ContrastMention> contrast_mentions(std::string_view utf8,
                                               const ContrastLexicon& lexicon,
                                               const text::ElisionRules& elisions) {
  std::vector<ContrastMention> out;
  if (lexicon.empty()) return out;
  for (const auto& span : text::word_spans(utf8, elisions)) {
    const std::string_view w = utf8.substr(span.begin, span.end - span.begin);
    const auto it = lexicon.find(text::fold(w));
    if (it == lexicon.end()) continue;
    if (it->second.set != "weekday" && starts_upper(w)) continue;
    out.push_back({span.begin, span.end, &it->second});
  }
  return out;
}

}  // namespace recoupe::synth
