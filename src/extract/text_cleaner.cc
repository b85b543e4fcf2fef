#include "extract/text_cleaner.h"

#include <fmt/format.h>

#include "extract/text_lines.h"
#include "extract/text_metadata.h"

namespace recoupe::extract {

TextExtraction clean_text(std::string_view text, const TextCues& cues,
                          const TextCleanerConfig& config) {
  TextExtraction out;
  std::vector<LineFeatures> lines = line_features(text, cues);
  for (const LineFeatures& f : lines)
    if (f.cut_bytes > 0)
      out.warnings.push_back(fmt::format(
          "a line of {:.1f} MB is over the {} MiB limit for one line: kept up to its last "
          "whole sentence before the limit, {:.1f} MB left out",
          (f.text.size() + f.cut_bytes) / 1048576.0, kMaxLineBytes >> 20, f.cut_bytes / 1048576.0));
  LineClassification cls = classify_lines(lines, cues, config);
  out.meta = text_metadata(lines, cls, cues);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (cls.classes[i] != LineClass::kBody) continue;
    // A body line right after a body line that stops mid-sentence ("… et dans le") is the
    // rest of its paragraph, cut by a hard line break: one paragraph, so one sentence.
    if (i > 0 && cls.classes[i - 1] == LineClass::kBody && lines[i - 1].runs_on &&
        !out.paragraphs.empty())
      out.paragraphs.back() += " " + lines[i].text;
    else
      out.paragraphs.push_back(lines[i].text);
  }
  if (out.paragraphs.empty()) {
    // A short input (one line, a snippet, a JSONL record's text) has no prose run to anchor a
    // body, so every line defaulted to boilerplate. Returning nothing would lose the article:
    // keep every line that carries no boilerplate or metadata cue, the title-like line
    // included, and do not call it a title when it is the whole text.
    bool only_title = true;
    for (size_t i = 0; i < lines.size(); ++i) {
      const LineFeatures& f = lines[i];
      if (f.cue != CueKind::kNone || f.meta.kind != CueKind::kNone ||
          cls.classes[i] == LineClass::kMetadata || f.words == 0)
        continue;
      if (cls.classes[i] != LineClass::kTitle) only_title = false;
      out.paragraphs.push_back(f.text);
    }
    if (only_title) out.meta.title.reset();
  }
  return out;
}

}  // namespace recoupe::extract
