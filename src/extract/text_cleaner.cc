#include "extract/text_cleaner.h"

#include "extract/text_lines.h"
#include "extract/text_metadata.h"

namespace recoupe::extract {

TextExtraction clean_text(std::string_view text, const TextCues& cues,
                          const TextCleanerConfig& config) {
  TextExtraction out;
  std::vector<LineFeatures> lines = line_features(text, cues);
  LineClassification cls = classify_lines(lines, cues, config);
  out.meta = text_metadata(lines, cls, cues);
  for (size_t i = 0; i < lines.size(); ++i)
    if (cls.classes[i] == LineClass::kBody) out.paragraphs.push_back(std::move(lines[i].text));
  return out;
}

TextExtraction clean_text(std::string_view text) { return clean_text(text, TextCues::shared()); }

}  // namespace recoupe::extract
