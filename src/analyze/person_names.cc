#include "analyze/person_names.h"

#include <unordered_map>

namespace recoupe::analyze {
namespace {

bool opens_sentence(const std::vector<Token>& t, size_t i) {
  // Looks back over at most a few opening quotation marks ("« “Le…").
  for (int steps = 0; steps < 4; ++steps) {
    if (i == 0 || t[i].newline_before) return true;
    const std::string& p = t[i - 1].folded;
    if (t[i - 1].kind != TokenKind::kPunct) return false;
    // A period after a short capitalized word is an abbreviation ("Mr. Trump", "M. Macron").
    if (p == "." && i >= 2 && !t[i - 1].space_before && t[i - 2].kind == TokenKind::kWord &&
        t[i - 2].upper && t[i - 2].end - t[i - 2].begin <= 3)
      return false;
    if (p == "." || p == "!" || p == "?" || p == ":" || p == "\xE2\x80\xA6") return true;
    if (p != "\xC2\xAB" && p != "\"" && p != "\xE2\x80\x9C") return false;
    --i;
  }
  return false;
}

}  // namespace

std::vector<NameSpan> guess_speaker_names(std::string_view text, const std::vector<Token>& t,
                                          const std::unordered_set<std::string>& not_names) {
  struct Raw {
    size_t first, last;  // token indices, inclusive
    int words;
    bool initial;
  };
  std::vector<Raw> raw;
  std::unordered_map<std::string, int> inner_caps;  // folded word → capitalized uses mid-sentence
  auto is_name_word = [&](size_t i) {
    return t[i].kind == TokenKind::kWord && t[i].upper && !not_names.count(t[i].folded);
  };
  for (size_t i = 0; i < t.size(); ++i)
    if (t[i].kind == TokenKind::kWord && t[i].upper && !opens_sentence(t, i))
      ++inner_caps[t[i].folded];
  for (size_t i = 0; i < t.size();) {
    if (!is_name_word(i)) {
      ++i;
      continue;
    }
    Raw r{i, i, 1, opens_sentence(t, i)};
    size_t j = i + 1;
    while (j < t.size()) {
      // Hyphenated part, any case: "Jong-un", "Kim-Jong-Un".
      if (t[j].folded == "-" && !t[j].space_before && j + 1 < t.size() && !t[j + 1].space_before &&
          t[j + 1].kind == TokenKind::kWord) {
        r.last = j + 1;
        j += 2;
        continue;
      }
      // Initial: "T." inside "Siemon T. Wezeman".
      if (t[j].kind == TokenKind::kWord && t[j].upper && t[j].end - t[j].begin == 1 &&
          j + 2 < t.size() && t[j + 1].folded == "." && !t[j + 1].space_before &&
          is_name_word(j + 2) && !t[j].newline_before) {
        r.last = j + 2;
        r.words += 2;
        j += 3;
        continue;
      }
      if (t[j].space_before && !t[j].newline_before && is_name_word(j)) {
        r.last = j;
        ++r.words;
        ++j;
        continue;
      }
      break;
    }
    raw.push_back(r);
    i = j;
  }
  std::vector<NameSpan> out;
  out.reserve(raw.size());
  for (const Raw& r : raw) {
    if (r.words == 1 && r.initial && r.first == r.last && !inner_caps.count(t[r.first].folded))
      continue;
    // A lone one-letter word is not a name ("A", "X" as a letter).
    if (r.first == r.last && t[r.first].end - t[r.first].begin == 1) continue;
    out.push_back({t[r.first].begin, t[r.last].end, r.words});
  }
  (void)text;
  return out;
}

}  // namespace recoupe::analyze
