#include "synth/claim_clauses.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>

#include "text/fold.h"
#include "text/normalize.h"
#include "text/words.h"

namespace recoupe::synth {
namespace {

// Byte ranges [begin, end) of a sentence that become separate claims. A long sentence is cut
// at ';' and at spaced dashes outside quotation marks, when both sides keep enough words.
std::vector<std::pair<size_t, size_t>> clause_ranges(std::string_view s, const SynthConfig& cfg,
                                                     const text::ElisionRules& elisions) {
  std::vector<std::pair<size_t, size_t>> out;
  if (static_cast<int>(text::count_words(s, elisions)) <= cfg.clause_split_words) {
    out.push_back({0, s.size()});
    return out;
  }
  std::vector<size_t> cuts;  // cut after these byte positions
  int depth = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0xC2 && i + 1 < s.size()) {
      unsigned char d = static_cast<unsigned char>(s[i + 1]);
      if (d == 0xAB) ++depth;               // «
      if (d == 0xBB && depth > 0) --depth;  // »
    }
    if (depth > 0) continue;
    if (c == ';') cuts.push_back(i + 1);
    // " : " before a quotation or a list: what follows is another statement.
    if (c == ':' && i > 0 && s[i - 1] == ' ') cuts.push_back(i + 1);
    // " – " / " — " (U+2013, U+2014)
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) == 0x93 ||
         static_cast<unsigned char>(s[i + 2]) == 0x94) &&
        i > 0 && s[i - 1] == ' ' && i + 3 < s.size() && s[i + 3] == ' ')
      cuts.push_back(i);
  }
  size_t start = 0;
  for (size_t cut : cuts) {
    std::string_view left = s.substr(start, cut - start);
    std::string_view right = s.substr(cut);
    if (static_cast<int>(text::count_words(left, elisions)) >= cfg.min_claim_words &&
        static_cast<int>(text::count_words(right, elisions)) >= cfg.min_claim_words) {
      out.push_back({start, cut});
      start = cut;
    }
  }
  out.push_back({start, s.size()});
  // A piece still too long is cut once at the comma nearest its middle (outside quotation
  // marks) when both halves keep at least a quarter of the limit: a long sentence usually
  // chains two statements ("Si les États-Unis craignent …, le président a indiqué …").
  std::vector<std::pair<size_t, size_t>> final;
  const int min_half = std::max(cfg.min_claim_words, cfg.clause_split_words / 4);
  for (auto [b, e] : out) {
    std::string_view piece = s.substr(b, e - b);
    if (static_cast<int>(text::count_words(piece, elisions)) <= cfg.clause_split_words) {
      final.push_back({b, e});
      continue;
    }
    size_t best = 0, best_dist = SIZE_MAX;
    int qdepth = 0;
    // Every comma of the piece, and its words: the tests below look at the nearest commas and
    // count words by binary search, so that a hostile sentence of many commas stays linear.
    // The comma of a number ("$888,600", "1,247", « 4,9 milliards ») is none: cut there, a
    // piece would open on the number's last digits ("600 to $1.4 million…").
    auto separates = [&](size_t i) {
      auto digit = [&](size_t k) { return std::isdigit(static_cast<unsigned char>(piece[k])); };
      return piece[i] == ',' && !(i > 0 && i + 1 < piece.size() && digit(i - 1) && digit(i + 1));
    };
    std::vector<size_t> commas;
    for (size_t i = 0; i < piece.size(); ++i)
      if (separates(i)) commas.push_back(i);
    const std::vector<text::WordSpan> spans = text::word_spans(piece, elisions);
    // Words of piece[0, i) and of piece[i + 1, end) for a comma at i (no word crosses one
    // that separates).
    auto words_before = [&](size_t i) {
      return static_cast<int>(
          std::lower_bound(spans.begin(), spans.end(), i,
                           [](const text::WordSpan& w, size_t at) { return w.begin < at; }) -
          spans.begin());
    };
    auto words_after = [&](size_t i) {
      auto first =
          std::upper_bound(spans.begin(), spans.end(), i,
                           [](size_t at, const text::WordSpan& w) { return at < w.begin; });
      return static_cast<int>(spans.end() - first);
    };
    size_t comma_rank = 0;  // index in `commas` of the comma at i
    for (size_t i = 0; i < piece.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(piece[i]);
      if (c == 0xC2 && i + 1 < piece.size()) {
        unsigned char d = static_cast<unsigned char>(piece[i + 1]);
        if (d == 0xAB) ++qdepth;
        if (d == 0xBB && qdepth > 0) --qdepth;
      }
      if (!separates(i)) continue;
      const size_t rank = comma_rank++;
      if (qdepth > 0) continue;
      // A comma with another one a few words away opens or closes an incise (", ce mercredi
      // 13 septembre,"): cutting there leaves two fragments. The nearest comma on each side
      // is the one with the fewest words between.
      bool incise =
          (rank > 0 &&
           text::count_words(piece.substr(commas[rank - 1], i - commas[rank - 1]), elisions) < 8) ||
          (rank + 1 < commas.size() &&
           text::count_words(piece.substr(i, commas[rank + 1] - i), elisions) < 8);
      if (incise) continue;
      if (words_before(i) < min_half || words_after(i) < min_half) continue;
      size_t dist = i > piece.size() / 2 ? i - piece.size() / 2 : piece.size() / 2 - i;
      if (dist < best_dist) {
        best_dist = dist;
        best = i + 1;
      }
    }
    if (best == 0) {
      final.push_back({b, e});
    } else {
      final.push_back({b, b + best});
      final.push_back({b + best, e});
    }
  }
  return final;
}

// Trims spaces and the punctuation a cut leaves behind (";", "–", ",").
void trim_range(std::string_view text, size_t& b, size_t& e) {
  auto is_trim = [](unsigned char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == ';' || c == ',';
  };
  while (b < e && is_trim(static_cast<unsigned char>(text[b]))) ++b;
  while (e > b && is_trim(static_cast<unsigned char>(text[e - 1]))) --e;
  // A leading dash (U+2013/2014) and the space after it.
  while (e - b >= 3 && static_cast<unsigned char>(text[b]) == 0xE2 &&
         static_cast<unsigned char>(text[b + 1]) == 0x80 &&
         (static_cast<unsigned char>(text[b + 2]) == 0x93 ||
          static_cast<unsigned char>(text[b + 2]) == 0x94)) {
    b += 3;
    while (b < e && text[b] == ' ') ++b;
  }
}

bool ends_like_sentence(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.remove_suffix(1);
  if (s.empty()) return false;
  char c = s.back();
  if (c == '.' || c == '!' || c == '?' || c == '"' || c == ')') return true;
  if (s.size() >= 2) {
    std::string_view tail2 = s.substr(s.size() - 2);
    if (tail2 == "\xC2\xBB") return true;  // »
  }
  if (s.size() >= 3) {
    std::string_view tail3 = s.substr(s.size() - 3);
    if (tail3 == "\xE2\x80\xA6" || tail3 == "\xE2\x80\x9D") return true;  // … ”
  }
  return false;
}

}  // namespace

std::vector<ClaimClause> claim_clauses(const Article& art, const ArticleAnalysis& an,
                                       const SynthConfig& cfg, const text::ElisionRules& elisions) {
  std::vector<ClaimClause> out;
  const std::string title_folded = art.title ? text::collapse_spaces(text::fold(*art.title)) : "";
  for (size_t si = 0; si < an.sentences.size(); ++si) {
    const Sentence& sent = an.sentences[si];
    if (sent.end > art.text.size() || sent.begin >= sent.end) continue;
    std::string_view stext(art.text.data() + sent.begin, sent.end - sent.begin);
    // The headline repeated as the first line is the outlet's framing, not a fact.
    if (!title_folded.empty() && text::collapse_spaces(text::fold(stext)) == title_folded) continue;
    for (auto [rb, re] : clause_ranges(stext, cfg, elisions)) {
      trim_range(stext, rb, re);
      if (re <= rb) continue;
      std::string_view ctext = stext.substr(rb, re - rb);
      const int words = static_cast<int>(text::count_words(ctext, elisions));
      if (words < cfg.min_claim_words || words > cfg.max_claim_words) continue;
      // Subheads and captions without a verb-bearing sentence shape: short and unpunctuated.
      if (words < 12 && !ends_like_sentence(ctext)) continue;
      out.push_back({si, sent.begin + rb, sent.begin + re, words});
    }
  }
  return out;
}

}  // namespace recoupe::synth
