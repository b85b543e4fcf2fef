#include "engine/resources.h"

#include <filesystem>

#include "text/data_dir.h"

namespace recoupe::engine {
namespace {

// Files without which a run would quietly produce worse output (no boilerplate cues, no
// entities, no dates in French): checked before anything is parsed, so that the error names
// the first missing one. Per-language files of other languages stay optional.
constexpr const char* kRequiredFiles[] = {
    "agencies.txt",          "html/boilerplate_cues.txt",
    "html/content_cues.txt", "html/byline_prefixes.txt",
    "text/line_model.txt",   "gazetteer/places.tsv.zst",
    "aliases/exonyms.tsv",   "en/stopwords.txt",
    "fr/stopwords.txt",      "en/months.txt",
    "fr/months.txt",         "en/speech_verbs.txt",
    "fr/speech_verbs.txt",   "fr/boilerplate_cues.txt",
    "fr/metadata_cues.txt",
};

}  // namespace

Expected<Resources> Resources::find_and_load(const std::string& data_option) {
  return load(text::find_data_dir(data_option));
}

Expected<Resources> Resources::load(const std::string& data_dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (data_dir.empty() || !fs::is_directory(data_dir, ec))
    return Error{data_dir.empty() ? "(empty path)" : data_dir,
                 "data folder not found (give --data DIR or set RECOUPE_DATA)"};
  for (const char* file : kRequiredFiles) {
    fs::path path = fs::path(data_dir) / file;
    if (!fs::is_regular_file(path, ec) || fs::file_size(path, ec) == 0)
      return Error{path.string(), "missing or empty data file"};
  }
  bool any_model = false;
  for (const auto& entry : fs::directory_iterator(fs::path(data_dir) / "ner", ec))
    any_model |= entry.path().extension() == ".model";
  if (!any_model) return Error{data_dir + "/ner", "no NER model (*.model)"};

  Resources r;
  r.data_dir_ = data_dir;
  r.stop_words_ =
      std::make_unique<const text::StopWordCatalog>(text::StopWordCatalog::load(data_dir));
  auto elisions = text::load_elision_rules(data_dir);
  if (!elisions) return elisions.error();
  r.elisions_ = std::make_unique<const text::ElisionRules>(std::move(*elisions));
  auto cues = extract::TextCues::load(data_dir, *r.stop_words_, *r.elisions_);
  if (!cues) return cues.error();
  r.text_cues_ = std::make_unique<const extract::TextCues>(std::move(*cues));
  auto html = extract::HtmlResources::load(data_dir, *r.stop_words_, *r.elisions_);
  if (!html) return html.error();
  r.html_ = std::make_unique<const extract::HtmlResources>(std::move(*html));
  auto entities = analyze::EntityResources::load(data_dir, *r.stop_words_, *r.elisions_);
  if (!entities) return entities.error();
  r.entities_ = std::make_shared<const analyze::EntityResources>(std::move(*entities));
  r.analysis_ = std::make_unique<const analyze::AnalysisResources>(
      analyze::AnalysisResources::load(data_dir, *r.stop_words_, r.entities_));
  r.synth_ = std::make_unique<const synth::SynthResources>(
      synth::SynthResources::load(data_dir, *r.stop_words_, *r.elisions_));
  return r;
}

}  // namespace recoupe::engine
