// Resources: every data file recoupe reads (data/<lang>/ word lists, cue lexicons, the
// gazetteer, NER models, the line model), loaded once and passed to every stage.
#pragma once

#include <memory>
#include <string>

#include "analyze/analyzer.h"
#include "analyze/entities.h"
#include "core/expected.h"
#include "extract/html_resources.h"
#include "extract/text_cues.h"
#include "synth/synth_resources.h"
#include "text/elisions.h"
#include "text/stopwords.h"

namespace recoupe::engine {

// Immutable after load(); every accessor is const and thread-safe, so one Resources serves
// every thread of a run and every request of a server. Cheap to move; not copyable (the
// stages keep references into it). Memory ≈ 70 MB (gazetteer ≈ 40 MB, NER models ≈ 5 MB each).
class Resources {
 public:
  // Loads everything under `data_dir` (see text::find_data_dir for where the CLI looks).
  // An Error naming the file when `data_dir` is not a recoupe data folder, when a file every
  // run needs is missing or empty (the cue lexicons, agencies, the line model, the gazetteer,
  // the exonyms, the NER models, the English and French word lists), or when one cannot be
  // parsed: missing data fails here, at start, never silently later. Cost: ≈ 0.6 s.
  static Expected<Resources> load(const std::string& data_dir);
  // load() of the folder a front end is pointed at (text::find_data_dir): `data_option`
  // (--data) when non-empty, else $RECOUPE_DATA, else data/ beside the build folder, else the
  // source tree's data/. Fails as load() does.
  static Expected<Resources> find_and_load(const std::string& data_option);

  Resources(Resources&&) = default;
  Resources& operator=(Resources&&) = default;
  Resources(const Resources&) = delete;
  Resources& operator=(const Resources&) = delete;

  const std::string& data_dir() const { return data_dir_; }
  const text::StopWordCatalog& stop_words() const { return *stop_words_; }
  // Elided words the tokenizer splits off (data/<lang>/elisions.txt), for every stage that
  // cuts text into tokens or words.
  const text::ElisionRules& elisions() const { return *elisions_; }
  const extract::TextCues& text_cues() const { return *text_cues_; }
  const extract::HtmlResources& html() const { return *html_; }
  const analyze::EntityResources& entities() const { return *entities_; }
  // Per-language analysis rules; holds the same EntityResources as entities().
  const analyze::AnalysisResources& analysis() const { return *analysis_; }
  const synth::SynthResources& synth() const { return *synth_; }

 private:
  Resources() = default;
  std::string data_dir_;
  // Behind pointers so that the references the bundles keep to the catalog survive a move.
  std::unique_ptr<const text::StopWordCatalog> stop_words_;
  std::unique_ptr<const text::ElisionRules> elisions_;
  std::unique_ptr<const extract::TextCues> text_cues_;
  std::unique_ptr<const extract::HtmlResources> html_;
  std::shared_ptr<const analyze::EntityResources> entities_;
  std::unique_ptr<const analyze::AnalysisResources> analysis_;
  std::unique_ptr<const synth::SynthResources> synth_;
};

}  // namespace recoupe::engine
