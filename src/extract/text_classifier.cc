#include "extract/text_classifier.h"

#include <algorithm>
#include <cctype>
#include <limits>
#include <string>
#include <unordered_set>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "extract/dateline.h"
#include "extract/text_line_model.h"
#include "extract/text_metadata.h"
#include "text/fold.h"
#include "text/normalize.h"
#include "text/words.h"

namespace recoupe::extract {
namespace {

constexpr double kBarrier = -1e12;  // an "end" cue: no region spans it

bool hard_boilerplate(const LineFeatures& f) {
  return f.cue == CueKind::kBoilerplate || f.cue == CueKind::kEnd || f.cue == CueKind::kTeaser;
}

// Lines that can never be body: menus with separators, bare links, lone symbols.
bool junk(const LineFeatures& f) {
  if (f.separators >= 2) return true;
  if (f.has_url && f.words <= 6) return true;
  if (f.words == 0) return true;
  if (f.words == f.digits) return true;  // "2023", "12 / 45"
  return false;
}

// The best-scoring segment of `v` from `from` to `to` (exclusive); {-1,-1} when all negative.
std::pair<int, int> max_segment(const std::vector<double>& v, int from, int to, double* best_out) {
  double best = 0, run = 0;
  int best_b = -1, best_e = -1, b = from;
  for (int i = from; i < to; ++i) {
    if (run <= 0) {
      run = 0;
      b = i;
    }
    run += v[i];
    if (run > best) {
      best = run;
      best_b = b;
      best_e = i + 1;
    }
  }
  if (best_out) *best_out = best;
  return {best_b, best_e};
}

// "©" in the last few words of the line.
bool credit_at_end(const std::string& s) {
  size_t at = s.rfind("\xC2\xA9");
  return at != std::string::npos && s.size() - at <= 40;
}

// The word ending just before byte `end` of `s` (letters and digits; a space before `end` is
// skipped), folded, and where it starts.
std::pair<std::string, size_t> word_before(std::string_view s, size_t end) {
  while (end > 0 && s[end - 1] == ' ') --end;
  size_t b = end;
  while (b > 0) {
    unsigned char ch = static_cast<unsigned char>(s[b - 1]);
    bool part = ch >= 0x80 || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                (ch >= '0' && ch <= '9');
    if (!part) break;
    --b;
  }
  return {text::fold(s.substr(b, end - b)), b};
}

}  // namespace

bool is_chrome_line(const LineFeatures& f, const TextCleanerConfig& c) {
  if (f.words > c.chrome_max_words || f.chrome_terms == 0) return false;
  if (f.chrome_terms < c.chrome_min_terms && f.reader_words == 0) return false;
  // A quotation reports somebody's words ("We appreciate your respect for her privacy"): news,
  // not a notice of the site.
  for (std::string_view quote :
       {"\"", "\xC2\xAB", "\xC2\xBB", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x9E"})
    if (f.text.find(quote) != std::string::npos) return false;
  return true;
}

bool is_author_note(const LineFeatures& f, const TextCues& cues, const TextCleanerConfig& c) {
  constexpr size_t kMaxNameWords = 4;
  constexpr size_t kRoleWindowWords = 25;
  if (f.words > c.author_note_max_words || !f.starts_upper) return false;
  const std::string& s = f.text;
  auto spans = text::word_spans(s, cues.elisions());
  auto word = [&](size_t k) {
    return std::string_view(s).substr(spans[k].begin, spans[k].end - spans[k].begin);
  };
  // The name: capitalised words that are not stop words ("Der Autor ist" is no name).
  size_t k = 0;
  for (; k < spans.size() && k <= kMaxNameWords; ++k) {
    std::string folded = text::fold(word(k));
    if (k > 0 && cues.author_verb(folded)) break;
    std::string_view w = word(k);
    int32_t at = 0;
    UChar32 first;
    U8_NEXT(reinterpret_cast<const uint8_t*>(w.data()), at, static_cast<int32_t>(w.size()), first);
    if (first < 0 || !u_isupper(first) || cues.stop_word(folded)) return false;
  }
  if (k == 0 || k > kMaxNameWords || k >= spans.size()) return false;
  for (size_t r = k; r < spans.size() && r < kRoleWindowWords; ++r)  // "writes about" is both
    if (cues.author_role(text::fold(word(r)))) return true;
  return false;
}

bool ends_with_credit(const LineFeatures& f, const TextCues& cues, const TextCleanerConfig& c) {
  std::string_view s = f.text;
  size_t colon = s.rfind(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  // The credit itself: a few words, not a sentence (a quote after "Bild:" would be one).
  std::string_view credit = s.substr(colon + 1);
  int words = 0;
  bool in_word = false, letters = false;
  for (char ch : credit) {
    bool space = ch == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
    letters |=
        static_cast<unsigned char>(ch) >= 0x80 || std::isalpha(static_cast<unsigned char>(ch));
  }
  if (words == 0 || words > c.credit_max_words || !letters) return false;
  size_t last = credit.find_last_not_of(" )]");
  if (last == std::string_view::npos) return false;
  char end = credit[last];
  if (end == '.' || end == '!' || end == '?' || end == ':') return false;
  // The cue before the colon ("Foto", "Image credit"), after a sentence end, a bracket or a
  // dash: not a word of a running sentence ("sagte der Bild: …").
  auto [cue, at] = word_before(s, colon);
  if (!cues.credit_word(cue)) return false;
  auto [before, before_at] = word_before(s, at);
  if (!before.empty() && cues.credit_word(before)) at = before_at;  // "Image credit:"
  if (at == 0) return false;  // "Foto: X" opening the line: the credit cue's own rule
  size_t k = at;
  while (k > 0 && s[k - 1] == ' ') --k;
  if (k == 0) return false;
  unsigned char prev = static_cast<unsigned char>(s[k - 1]);
  if (k == at) {
    // Glued: "…Reuters.Foto:", "(Bild:"; only after a sentence end or a bracket.
    return prev == '.' || prev == '!' || prev == '?' || prev == '(' || prev == '[';
  }
  return prev == '(' || prev == '[' || prev == '.' || prev == '!' || prev == '?' || prev == ',' ||
         prev == ')' || prev == '"' || prev == '-' || prev == '|' || prev == '/' ||
         prev >= 0x80;  // », ”, –, — (and other non-ASCII closers)
}

bool is_prose(const LineFeatures& f, const TextCleanerConfig& c, bool use_stop_words) {
  if (hard_boilerplate(f) || junk(f)) return false;
  if (use_stop_words && f.stop_ratio() < c.prose_min_stop_ratio) return false;
  if (f.ends_sentence && f.words >= c.prose_min_words) return true;
  return f.words >= c.prose_long_words;
}

bool is_metadata_line(const LineFeatures& f, const TextCues& cues, const TextCleanerConfig& c) {
  if (f.words > c.caption_max_words) return false;
  // A caption closed by its photo credit: page furniture, like a credit line.
  if (!f.has_copyright && ends_with_credit(f, cues, c)) return true;
  // Credits, and captions ending with a credit ("… le 13 septembre 2023. ©MAXPPP").
  if (f.has_copyright && (f.words <= c.metadata_max_words || credit_at_end(f.text))) return true;
  if (f.words > c.metadata_max_words) return false;
  if (f.date && f.date->date_only) return true;
  // A short line with a date that is not a sentence: "Mai 21 2019, 14:34 | Medien, Politik".
  if (f.date && f.date->year && !f.ends_sentence && f.words <= c.dated_line_max_words) return true;
  switch (f.meta.kind) {
    case CueKind::kPublished:
    case CueKind::kUpdated:
      if (f.date) return true;
      break;
    case CueKind::kByline:
      if (parse_byline(f, cues)) return true;
      break;
    case CueKind::kSource:
    case CueKind::kCredit:
      if (!f.ends_sentence || f.words <= 6) return true;
      break;
    default:
      break;
  }
  return parse_credit(f, cues).has_value();
}

namespace {

// An already clean text (wire copy, the body field of a feed): every line is a sentence and
// none is a cue, a menu, a link or metadata. There is nothing to remove, and the rules of
// classify_lines would only lose its shorter or name-heavy sentences.
bool already_clean(const std::vector<LineFeatures>& lines, const TextCleanerConfig& c) {
  return std::all_of(lines.begin(), lines.end(), [&](const LineFeatures& f) {
    return f.ends_sentence && f.words >= c.clean_line_min_words && f.cue == CueKind::kNone &&
           f.meta.kind == CueKind::kNone && f.separators == 0 && !f.has_url && !f.has_copyright;
  });
}

// Whether the document has enough stop words for the stop-word ratio to tell prose apart
// (it does not for a language the cues do not know).
bool document_uses_stop_words(const std::vector<LineFeatures>& lines, const TextCleanerConfig& c) {
  long words = 0, stops = 0;
  for (const auto& f : lines) {
    words += f.words;
    stops += f.stop_words;
  }
  return words > 0 && static_cast<double>(stops) / words >= c.doc_min_stop_ratio;
}

// What each line is on its own, before regions: metadata, prose, a link of a teaser list,
// and its score for the region search (gain for prose, cost otherwise, a barrier at an end
// cue).
struct LineMarks {
  std::vector<char> prose, meta, teaser;
  std::vector<double> score;
};

LineMarks mark_lines(const std::vector<LineFeatures>& lines, const TextCues& cues,
                     const TextCleanerConfig& c) {
  const int n = static_cast<int>(lines.size());
  const bool use_stop_words = document_uses_stop_words(lines, c);
  LineMarks marks{std::vector<char>(n), std::vector<char>(n), std::vector<char>(n),
                  std::vector<double>(n)};
  std::vector<char>& prose = marks.prose;
  std::vector<char>& meta = marks.meta;
  std::vector<char>& teaser = marks.teaser;
  std::vector<double>& score = marks.score;
  bool in_teasers = false;
  for (int i = 0; i < n; ++i) {
    const LineFeatures& f = lines[i];
    meta[i] = !hard_boilerplate(f) && is_metadata_line(f, cues, c);
    prose[i] = !meta[i] && is_prose(f, c, use_stop_words);
    // After a teaser cue, title-like lines are links to other stories, even a headline that
    // ends with "?"; a real paragraph (long, or several sentences) ends the list.
    if (f.cue == CueKind::kTeaser) {
      in_teasers = true;
    } else if (in_teasers) {
      bool paragraph = f.words > c.title_max_words || (prose[i] && f.words > c.teaser_max_words);
      if (paragraph || meta[i]) {
        in_teasers = false;
      } else {
        teaser[i] = true;
        prose[i] = false;
      }
    }
    if (f.cue == CueKind::kEnd)
      score[i] = kBarrier;
    else if (prose[i])
      score[i] = std::min(f.chars, c.gain_cap_chars);
    else
      score[i] = -(c.penalty_base + c.penalty_per_char * std::min(f.chars, c.gain_cap_chars));
  }
  return marks;
}

// The body regions, sorted: the best-scoring segment of lines [rb, re) (its score `best`),
// then secondary regions anywhere else (a lead split off by a photo block or a table of
// contents, an article continued after an inline teaser list): each remaining interval is
// searched for its best segment, which splits it in two.
std::vector<std::pair<int, int>> body_regions(const std::vector<LineFeatures>& lines,
                                              const std::vector<double>& score, int rb, int re,
                                              double best, const TextCleanerConfig& c) {
  const int n = static_cast<int>(lines.size());
  std::vector<std::pair<int, int>> regions = {{rb, re}};
  // An end cue after the main region closes the article: nothing past it is searched.
  int limit = n;
  if (c.end_cue_closes)
    for (int i = re; i < n; ++i)
      if (lines[i].cue == CueKind::kEnd) {
        limit = i;
        break;
      }
  std::vector<std::pair<int, int>> todo = {{0, rb}, {re, limit}};
  while (!todo.empty()) {
    auto [from, to] = todo.back();
    todo.pop_back();
    if (from >= to) continue;
    double s = 0;
    auto [b, e] = max_segment(score, from, to, &s);
    if (b < 0 || s < c.secondary_region_share * best || s < c.secondary_region_min_chars) continue;
    regions.push_back({b, e});
    todo.push_back({from, b});
    todo.push_back({e, to});
  }
  std::sort(regions.begin(), regions.end());
  return regions;
}

// Classes the lines inside the regions: metadata, prose as body, and a short line as body
// when it reads as a subheading or a sentence next to prose.
void classify_region_lines(const std::vector<LineFeatures>& lines, const LineMarks& marks,
                           const std::vector<std::pair<int, int>>& regions,
                           const TextCleanerConfig& c, LineClassification& out) {
  const std::vector<char>& prose = marks.prose;
  const std::vector<char>& meta = marks.meta;
  const std::vector<char>& teaser = marks.teaser;
  for (auto [b, e] : regions) {
    for (int i = b; i < e; ++i) {
      const LineFeatures& f = lines[i];
      if (meta[i]) {
        out.classes[i] = LineClass::kMetadata;
        continue;
      }
      if (hard_boilerplate(f) || teaser[i] || junk(f)) continue;
      if (prose[i]) {
        out.classes[i] = LineClass::kBody;
        continue;
      }
      // A short line inside the region: a subheading before prose, or a short sentence or
      // quote next to prose.
      int next = i + 1;
      while (next < e && meta[next]) ++next;
      bool next_prose = next < e && prose[next];
      bool prev_prose = i > b && (prose[i - 1] || out.classes[i - 1] == LineClass::kBody);
      bool sandwich = f.words >= 2 && prev_prose && next_prose;
      bool heading =
          f.words >= 2 && f.words <= c.subheading_max_words && !f.ends_colon && next_prose;
      bool sentence = f.words >= 3 && (f.ends_sentence || f.starts_quote || f.ends_colon) &&
                      (next_prose || prev_prose);
      if (heading || sentence || sandwich || c.admit_all_inside) out.classes[i] = LineClass::kBody;
    }
  }
}

// Title: among the title-like lines just above the body (which starts at line rb), the
// topmost whose content words are mostly found in the opening paragraphs (a headline
// announces its article; a site name, a menu item or a breadcrumb does not). Captions and
// kickers sit between a headline and its lead, hence topmost rather than nearest. Sets
// out.title_line (-1 when none) and marks the metadata lines of that window.
void find_title(const std::vector<LineFeatures>& lines, const std::vector<char>& meta,
                const TextCues& cues, const TextCleanerConfig& c, int rb, LineClassification& out) {
  const int n = static_cast<int>(lines.size());
  // Body text, lower-cased; a title word "occurs" when it is a substring of it (cheaper
  // than splitting the whole body into words, and stems match: "aide" in "aider").
  std::string body;
  for (int i = rb, taken = 0; i < n && taken < c.title_body_lines; ++i) {
    if (out.classes[i] != LineClass::kBody) continue;
    ++taken;
    body += text::latin1_lower(lines[i].text);
    body += '\n';
  }
  int stop = std::max(0, rb - c.title_window_lines);
  int fallback = -1;
  for (int i = rb - 1; i >= stop; --i) {
    const LineFeatures& f = lines[i];
    if (meta[i]) {
      out.classes[i] = LineClass::kMetadata;
      continue;
    }
    bool title_like = !hard_boilerplate(f) && !junk(f) && f.words >= c.title_min_words &&
                      f.words <= c.title_max_words && !f.has_copyright && !f.ends_colon &&
                      !(f.ends_sentence && f.words > 12 && !f.starts_upper);
    if (!title_like) continue;
    int content = 0, found = 0;
    std::string lowered = text::latin1_lower(f.text);
    for (const auto& span : text::word_spans(lowered, cues.elisions())) {
      std::string_view w(lowered.data() + span.begin, span.end - span.begin);
      if (w.size() < 3 || cues.stop_word(w)) continue;
      ++content;
      found += body.find(w) != std::string::npos;
    }
    if (content == 0) continue;
    if (found >= c.title_min_overlap * content) out.title_line = i;
    if (fallback < 0 && found > 0) fallback = i;
  }
  if (out.title_line < 0) out.title_line = fallback;
}

// The article proper opens on its dateline ("WASHINGTON — …", "SEOUL, South Korea — …"): the
// short body lines above it are a photo caption, a kicker or a summary printed over the
// article ("A photograph released by North Korea's state news agency shows the North's
// leader, Kim Jong-un, center, at a ruling party meeting"), not its text. Only the first
// few body lines are looked at, and only lines short enough for a caption or a summary are
// left out.
void drop_lines_above_dateline(const std::vector<LineFeatures>& lines, const TextCleanerConfig& c,
                               LineClassification& out) {
  constexpr size_t kLinesLookedAt = 3;
  std::vector<int> body;
  for (int i = 0; i < static_cast<int>(lines.size()) && body.size() <= kLinesLookedAt; ++i)
    if (out.classes[i] == LineClass::kBody) body.push_back(i);
  for (size_t k = 1; k < body.size(); ++k) {
    if (dateline_end(lines[body[k]].text) == 0) continue;
    for (size_t j = 0; j < k; ++j)
      if (lines[body[j]].words > c.above_dateline_max_words) return;
    for (size_t j = 0; j < k; ++j) out.classes[body[j]] = LineClass::kBoilerplate;
    return;
  }
}

}  // namespace

LineClassification classify_lines(const std::vector<LineFeatures>& lines, const TextCues& cues,
                                  const TextCleanerConfig& c) {
  LineClassification out;
  const int n = static_cast<int>(lines.size());
  out.classes.assign(n, LineClass::kBoilerplate);
  if (n == 0) return out;

  if (already_clean(lines, c) && n >= 2) {
    out.classes.assign(n, LineClass::kBody);
    out.title_line = -1;
    out.region_begin = 0;
    out.region_end = n;
    out.regions = {{0, n}};
    drop_lines_above_dateline(lines, c, out);
    return out;
  }

  const LineMarks marks = mark_lines(lines, cues, c);
  double best = 0;
  auto [rb, re] = max_segment(marks.score, 0, n, &best);
  if (rb < 0) return out;
  out.region_begin = rb;
  out.region_end = re;
  std::vector<std::pair<int, int>> regions = body_regions(lines, marks.score, rb, re, best, c);
  classify_region_lines(lines, marks, regions, c, out);

  out.region_begin = rb = regions.front().first;
  out.region_end = regions.back().second;
  out.regions = regions;
  find_title(lines, marks.meta, cues, c, rb, out);
  if (out.title_line >= 0) out.classes[out.title_line] = LineClass::kTitle;
  // Metadata lines anywhere are reported as such (the body never contains them).
  for (int i = 0; i < n; ++i)
    if (marks.meta[i] && out.classes[i] == LineClass::kBoilerplate)
      out.classes[i] = LineClass::kMetadata;
  if (c.use_line_model && cues.line_model()) cues.line_model()->apply(lines, out);
  // Chrome blurbs are prose-like (a newsletter offer reads as a sentence) and sit next to the
  // body: neither the region nor the model tells them apart, their vocabulary does.
  for (int i = 0; i < n; ++i)
    if (out.classes[i] == LineClass::kBody && is_chrome_line(lines[i], c))
      out.classes[i] = LineClass::kBoilerplate;
  // A note about the writer closes the page: once the article has ended (little body after
  // it), a line that names someone and their job as a writer is the author box.
  int body_after = 0;
  for (int i = n - 1; i >= 0; --i) {
    if (out.classes[i] != LineClass::kBody) continue;
    if (body_after <= c.author_note_tail_chars && is_author_note(lines[i], cues, c))
      out.classes[i] = LineClass::kBoilerplate;
    else
      body_after += lines[i].chars;
  }
  drop_lines_above_dateline(lines, c, out);
  return out;
}

}  // namespace recoupe::extract
