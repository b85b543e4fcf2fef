// libFuzzer target: sentence segmentation on arbitrary bytes must return, with sentences
// whose offsets lie inside the input, in order, and whose text is the slice they name.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "text/data_dir.h"
#include "text/sentences.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const recoupe::text::SentenceRules rules =
      recoupe::text::load_sentence_rules(recoupe::text::find_data_dir(), "fr");
  std::string_view text(reinterpret_cast<const char*>(data), size);
  size_t last_end = 0;
  for (const auto& s : recoupe::text::split_sentences(text, rules)) {
    if (s.begin < last_end || s.end > size || s.begin >= s.end) std::abort();
    if (text.substr(s.begin, s.end - s.begin) != s.text) std::abort();
    last_end = s.end;
  }
  return 0;
}
