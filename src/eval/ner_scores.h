// Entity tagging quality, CoNLL style: exact-match span counts per type, the scores of one
// held-out corpus for the shipped tagger and the baseline, and the `recoupe eval-ner` output.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyze/ner_features.h"

namespace recoupe::eval {

// Exact-match span counts per type (CoNLL evaluation: a predicted span is right when its
// boundaries and type equal a gold span's). Tags are NerModel tag ids (analyze/ner_corpus.h
// reads them; spans as analyze::tag_spans cuts them).
struct SpanCounts {
  std::array<size_t, analyze::kNerTypes> tp{}, fp{}, fn{};
  void add(const std::vector<uint8_t>& gold, const std::vector<uint8_t>& predicted);
  void add(const SpanCounts& other);
  // Over one type (0..3) or, with type = -1, over all types (micro average). 0 when undefined.
  double precision(int type = -1) const;
  double recall(int type = -1) const;
  double f1(int type = -1) const;
  size_t gold(int type = -1) const;
};

// The scores of one held-out corpus file.
struct NerCorpusScores {
  std::string corpus;  // the corpus folder's name, e.g. "europeana"
  std::string lang;
  std::string method;   // the tagger used for `lang`: "model" or "rules"
  SpanCounts model;     // the shipped tagger
  SpanCounts baseline;  // capitalised runs + gazetteer
  size_t tokens = 0;
  double seconds = 0;  // the shipped tagger's time (features + decoding)

  double tokens_per_second() const { return seconds > 0 ? tokens / seconds : 0.0; }
};

// [{corpus, lang, method, tokens, tokens_per_second, model: {all|PER|LOC|ORG|MISC:
// {precision, recall, f1, gold}}, baseline: {...}}], keys sorted.
nlohmann::json ner_json(const std::vector<NerCorpusScores>& results);

// A table: one line per corpus and type (types without gold left out), P/R/F1 in percent.
std::string ner_text(const std::vector<NerCorpusScores>& results);

}  // namespace recoupe::eval
