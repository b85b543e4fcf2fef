#include "synth/synth_resources.h"

namespace recoupe::synth {

SynthResources SynthResources::load(const std::string& data_dir,
                                    const std::vector<std::string>& languages) {
  SynthResources r;
  for (const auto& lang : languages)
    if (!lang.empty() && !r.stop_words_.count(lang))
      r.stop_words_.emplace(lang, text::StopWords::load(data_dir, lang));
  return r;
}

const text::StopWords& SynthResources::stop_words(const std::string& lang) const {
  auto it = stop_words_.find(lang);
  return it == stop_words_.end() ? empty_ : it->second;
}

}  // namespace recoupe::synth
