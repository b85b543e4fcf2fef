#include "text/language.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
#include <cstdio>  // CLD2's header needs it first

#include <algorithm>
#include <string>

#include "text/fold.h"
#include "text/words.h"

namespace recoupe::text {

LanguageGuess detect_language(std::string_view text, const ElisionRules& elisions,
                              std::string_view hint) {
  LanguageGuess guess;
  std::string hint_code = ascii_lower(hint.substr(0, std::min<size_t>(hint.size(), 2)));
  if (text.size() > (1u << 20)) text = text.substr(0, 1u << 20);  // 1 MB decides any language
  // "At least three words" is settled on a prefix ending at a space (no word spans a space,
  // so its count is exact), and a whole text is counted only when the prefix falls short.
  auto at_least_three_words = [&] {
    const size_t space = text.size() > 4096 ? text.find_last_of(" \n\t", 4096) : text.npos;
    if (space != text.npos && count_words(text.substr(0, space), elisions) >= 3) return true;
    return count_words(text, elisions) >= 3;
  };
  if (!at_least_three_words()) {
    if (!hint_code.empty()) {
      guess.code = hint_code;
      guess.confidence = 0.3;
    }
    return guess;
  }
  CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  if (!hint_code.empty()) hints.language_hint = CLD2::GetLanguageFromName(hint_code.c_str());
  CLD2::Language language3[3];
  int percent3[3];
  double normalized_score3[3];
  int text_bytes = 0;
  bool is_reliable = false;
  CLD2::Language lang = CLD2::ExtDetectLanguageSummary(
      text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true, &hints, 0, language3,
      percent3, normalized_score3, nullptr, &text_bytes, &is_reliable);
  if (lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) {
    if (!hint_code.empty()) {
      guess.code = hint_code;
      guess.confidence = 0.3;
    }
    return guess;
  }
  std::string code = CLD2::LanguageCode(lang);
  // CLD2 uses a few non-639-1 codes: keep the two-letter base ("zh-Hant" → "zh").
  if (code.size() > 2 && code[2] == '-') code.resize(2);
  if (code == "iw") code = "he";
  if (code == "in") code = "id";
  guess.code = code;
  double share = percent3[0] / 100.0;
  guess.confidence = std::clamp(is_reliable ? 0.5 + 0.5 * share : 0.5 * share, 0.0, 1.0);
  return guess;
}

}  // namespace recoupe::text
