#include "index/term_extractor.h"

#include "text/fold.h"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "text/calendar_words.h"
#include "text/data_dir.h"
#include "text/normalize.h"
#include "text/split.h"
#include "text/words.h"

namespace recoupe::index {

namespace {

// Adds each of `forms`, folded, to `out`.
void add_folded(const std::vector<std::string>& forms, std::unordered_set<std::string>& out) {
  for (const std::string& form : forms)
    if (std::string w = text::fold(form); !w.empty()) out.insert(std::move(w));
}

}  // namespace

const TermLexicon& StopWordLibrary::get(const std::string& lang) const {
  std::lock_guard lock(mutex_);
  auto it = lists_.find(lang);
  if (it == lists_.end()) {
    auto lex = std::make_unique<TermLexicon>();
    if (!lang.empty()) {
      lex->stop_words = catalog_.folded(lang);
      const text::CalendarWords calendar = text::read_calendar_words(data_dir_, lang);
      for (const auto* names : {&calendar.months, &calendar.weekdays})
        for (const auto& forms : *names) add_folded(forms, lex->calendar);
      // "5 = five" (not "weak 1 = one", nor scales, hedges and separators).
      for (const auto& line : text::read_list(data_dir_, lang, "number_words.txt")) {
        size_t eq = line.find(" = ");
        if (line.empty() || line[0] < '0' || line[0] > '9' || eq == std::string::npos) continue;
        add_folded(text::split_variants(std::string_view(line).substr(eq + 3)), lex->number_words);
      }
    }
    it = lists_.emplace(lang, std::move(lex)).first;
  }
  return *it->second;
}

namespace {

bool has_digit(std::string_view w) {
  return std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool starts_upper(std::string_view w) {
  if (w.empty()) return false;
  auto c0 = static_cast<unsigned char>(w[0]);
  if (c0 < 0x80) return c0 >= 'A' && c0 <= 'Z';
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(w.data()), i, int32_t(w.size()), c);
  return c >= 0 && (u_isupper(c) || u_istitle(c));
}

// True when the word at byte `begin` opens a sentence (or a line, or a quotation after one).
bool at_sentence_start(std::string_view text, size_t begin) {
  size_t i = begin;
  while (i > 0) {
    unsigned char c = static_cast<unsigned char>(text[i - 1]);
    if (c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '(' || c == '-' || c == '*') {
      --i;
      continue;
    }
    if (c >= 0x80) {  // skip non-ASCII quotes and dashes («, », “, ”, –, —, U+00A0)
      size_t j = i - 1;
      while (j > 0 && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80) --j;
      std::string_view ch = text.substr(j, i - j);
      if (ch == "«" || ch == "»" || ch == "“" || ch == "”" || ch == "„" || ch == "–" || ch == "—" ||
          ch == "\u00a0" || ch == "‘" || ch == "’") {
        i = j;
        continue;
      }
      return false;
    }
    return c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == ';';
  }
  return true;
}

// Where a wire dateline ends: "NEW YORK, March 26 - ", "PARIS (AFP) — ", "Moscou, 13 sept.
// – ". A dateline says where the copy was filed and when: metadata, not what happened.
// Counted as text, it makes every copy filed from one city on one day look alike, and the
// word after it looks like a name in mid-sentence (the "Shr" of every earnings table). It
// is the start of the first line, up to a spaced dash within 60 bytes, with no sentence end
// before it, opening with a capital and holding a digit, a parenthesis or a word in
// capitals. Returns 0 when the text has none.
size_t dateline_end(std::string_view body) {
  constexpr size_t kMaxDateline = 60;
  size_t line_end = std::min(body.find('\n'), body.size());
  std::string_view line = body.substr(0, std::min(line_end, kMaxDateline + 5));
  for (std::string_view dash : {" - ", " -- ", " \xE2\x80\x94 ", " \xE2\x80\x93 "}) {
    size_t at = line.find(dash);
    if (at == std::string_view::npos || at == 0 || at > kMaxDateline) continue;
    std::string_view head = line.substr(0, at);
    if (!starts_upper(head) || head.find_first_of("!?;:\"") != std::string_view::npos) continue;
    bool digit = has_digit(head), paren = head.find('(') != std::string_view::npos;
    size_t first_end = std::min(head.find_first_of(" ,("), head.size());
    std::string_view first = head.substr(0, first_end);
    bool capitals = first.size() >= 2 && std::all_of(first.begin(), first.end(), [](char c) {
                      return !(c >= 'a' && c <= 'z');
                    });
    if (digit || paren || capitals) return at + dash.size();
  }
  return 0;
}

// Per word of `body` (`spans`, in order): whether it lies in a table row. Wire briefs and
// results carry tables ("Shr 22.9p vs 26.9p", "Revs 34.6 mln vs 31.6 mln"): their row heads
// are the same in every table of the kind, so as body words they make every earnings brief
// look like every other, while the figures (kept as numbers) and the names differ. A row is
// a line of at most 12 words of which at least one in five is a number (in digits or a
// number word: "Shr loss five cts vs loss six cts"); a line of at most 3 words between two
// rows ("Year", "Nine mths") is a row heading. Words before `from` (a dateline) do not count.
// `folded`: the words of `spans`, folded.
std::vector<char> table_row_words(std::string_view body, const std::vector<text::WordSpan>& spans,
                                  const std::vector<std::string>& folded, size_t from,
                                  const std::unordered_set<std::string>& number_words) {
  struct Line {
    size_t words = 0, numbers = 0;
    bool row = false;
  };
  std::vector<Line> lines;
  std::vector<size_t> line_of(spans.size());
  size_t line_start = 0, next_newline = body.find('\n');
  lines.emplace_back();
  for (size_t i = 0; i < spans.size(); ++i) {
    while (next_newline != std::string_view::npos && spans[i].begin > next_newline) {
      line_start = next_newline + 1;
      next_newline = body.find('\n', line_start);
      lines.emplace_back();
    }
    line_of[i] = lines.size() - 1;
    if (spans[i].begin < from) continue;
    lines.back().words++;
    if (has_digit(folded[i]) || number_words.count(folded[i])) lines.back().numbers++;
  }
  for (auto& l : lines) l.row = l.words <= 12 && l.numbers >= 1 && l.numbers * 5 >= l.words;
  // Headings: skip lines without words (blank lines) when looking for the neighbouring rows.
  std::vector<size_t> worded;
  for (size_t k = 0; k < lines.size(); ++k)
    if (lines[k].words > 0) worded.push_back(k);
  std::vector<char> heading(lines.size(), 0);
  for (size_t k = 1; k + 1 < worded.size(); ++k) {
    const Line& l = lines[worded[k]];
    if (!l.row && l.words <= 3 && lines[worded[k - 1]].row && lines[worded[k + 1]].row)
      heading[worded[k]] = 1;
  }
  std::vector<char> out(spans.size());
  for (size_t i = 0; i < spans.size(); ++i) out[i] = lines[line_of[i]].row || heading[line_of[i]];
  return out;
}

// One key per number whatever the language writes: "1,000" → "1000" (a comma before
// exactly three digits groups thousands), "6,1" → "6.1" (any other comma between digits is
// a decimal comma, as in French and German), "2.7" stays.
std::string number_key(std::string folded) {
  std::string out;
  for (size_t i = 0; i < folded.size(); ++i) {
    char c = folded[i];
    if (c == ',' && i > 0 && i + 1 < folded.size() && isdigit((unsigned char)folded[i - 1]) &&
        isdigit((unsigned char)folded[i + 1])) {
      size_t j = i + 1;
      while (j < folded.size() && isdigit((unsigned char)folded[j])) ++j;
      if (j - i - 1 != 3) out += '.';
      continue;
    }
    out += c;
  }
  return out;
}

void count(std::unordered_map<TermId, float>& m, TermId id, float w = 1.f) { m[id] += w; }

std::vector<TermWeight> to_vector(const std::unordered_map<TermId, float>& m) {
  std::vector<TermWeight> v;
  v.reserve(m.size());
  for (const auto& [t, w] : m) v.push_back({t, w});
  std::sort(v.begin(), v.end(),
            [](const TermWeight& a, const TermWeight& b) { return a.term < b.term; });
  return v;
}

}  // namespace

TermExtractor::TermExtractor(TermDictionary& dictionary, const StopWordLibrary& stop_words,
                             const text::ElisionRules& elisions)
    : dict_(dictionary), stop_words_(stop_words), elisions_(elisions) {
  UErrorCode status = U_ZERO_ERROR;
  translit_.reset(
      icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
  if (U_FAILURE(status)) translit_.reset();
}

TermExtractor::~TermExtractor() = default;

text::Stemmer& TermExtractor::stemmer(std::string_view lang) {
  auto it = stemmers_.find(lang);
  if (it == stemmers_.end()) it = stemmers_.emplace(std::string(lang), text::Stemmer(lang)).first;
  return it->second;
}

std::string TermExtractor::stem_key(std::string_view lang, std::string_view folded) {
  std::string key;
  key.reserve(lang.size() + 1 + folded.size());
  key.append(lang).push_back('\0');
  key.append(folded);
  if (auto it = stem_cache_.find(key); it != stem_cache_.end()) return it->second;
  std::string w(folded);
  // Possessive "'s" and elided-article apostrophes do not change the word.
  if (w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0) w.resize(w.size() - 2);
  std::string s = stemmer(lang).stem(w);
  if (stem_cache_.size() > 200000) stem_cache_.clear();  // bound memory on endless streams
  stem_cache_.emplace(std::move(key), s);
  return s;
}

std::string TermExtractor::latin(std::string_view folded) {
  bool ascii =
      std::all_of(folded.begin(), folded.end(), [](char c) { return (unsigned char)c < 0x80; });
  if (ascii || !translit_) return std::string(folded);
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(folded.data(), int32_t(folded.size())));
  translit_->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return text::fold(out);
}

RawTerms TermExtractor::extract(std::string_view lang_in, std::string_view title,
                                std::string_view body, const EntityHints& hints) {
  RawTerms r;
  std::string lang(lang_in);
  const TermLexicon& lexicon = stop_words_.get(lang);
  const text::StopWords& stops = lexicon.stop_words;
  std::unordered_map<TermId, float> t_counts, b_counts, e_counts, n_counts;

  auto content_stem = [&](const std::string& folded) -> std::string {
    if (folded.size() < 2 || stops.contains(folded)) return {};
    if (has_digit(folded)) return {};
    return stem_key(lang, folded);
  };

  for (const auto& span : text::word_spans(title, elisions_)) {
    std::string f = text::fold(title.substr(span.begin, span.end - span.begin));
    std::string s = content_stem(f);
    if (!s.empty()) count(t_counts, dict_.intern(s));
  }

  const auto spans = text::word_spans(body, elisions_);
  std::vector<std::string> folded_words;
  folded_words.reserve(spans.size());
  for (const auto& span : spans)
    folded_words.push_back(text::fold(body.substr(span.begin, span.end - span.begin)));
  // Capitalized candidates: (folded word, sentence-initial?).
  std::vector<std::pair<size_t, bool>> capitalized;
  std::unordered_set<std::string> mid_sentence_caps;
  const size_t dateline = dateline_end(body);
  // The word after a dateline opens the text.
  const size_t after_dateline =
      dateline > 0 ? body.find_first_not_of(' ', dateline) : std::string_view::npos;
  const std::vector<char> in_table =
      table_row_words(body, spans, folded_words, dateline, lexicon.number_words);
  for (size_t si = 0; si < spans.size(); ++si) {
    const auto& span = spans[si];
    std::string_view w = body.substr(span.begin, span.end - span.begin);
    const std::string& f = folded_words[si];
    if (span.begin < dateline) {
      // Metadata: no term of any channel; the words still make the shingles.
    } else if (has_digit(f)) {
      std::string k = number_key(f);
      size_t digits =
          std::count_if(k.begin(), k.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (digits >= 2 || digits < k.size()) {
        TermId id = dict_.intern("n:" + k);
        count(n_counts, id);
        // A table's words are its figures: which table it is, where its row heads only say
        // what kind (an earnings table, a results table).
        if (in_table[si]) count(b_counts, id);
      }
    } else {
      std::string s = content_stem(f);
      if (!s.empty()) {
        if (!in_table[si]) count(b_counts, dict_.intern(s));
        if (!hints.names && starts_upper(w) && !lexicon.calendar.count(f)) {
          bool initial = at_sentence_start(body, span.begin) || span.begin == after_dateline;
          capitalized.push_back({si, initial});
          if (!initial) mid_sentence_caps.insert(f);
        }
      }
    }
  }

  // A name's key is the same in every language and spelling: each part of a hyphenated
  // name on its own ("Jong-un" = "Jong Un"), stemmed, in Latin script, transliteration-
  // folded ("Poutine" = "Putin", "Vostotchny" = "Vostochny"; text/fold.h).
  auto count_name = [&](const std::string& folded) {
    size_t b = 0;
    while (b <= folded.size()) {
      size_t e = std::min(folded.find('-', b), folded.size());
      std::string part = folded.substr(b, e - b);
      if (part.size() >= 2 && !stops.contains(part))
        count(e_counts, dict_.intern("e:" + text::translit_key(latin(stem_key(lang, part)))));
      b = e + 1;
    }
  };

  if (hints.names) {
    for (const auto& name : *hints.names)
      for (const auto& w : text::words(name, elisions_)) {
        std::string f = text::fold(w);
        if (f.size() < 2 || stops.contains(f)) continue;
        count_name(f);
      }
  } else {
    for (const auto& [i, initial] : capitalized) {
      const std::string& f = folded_words[i];
      if (initial && !mid_sentence_caps.count(f)) continue;
      count_name(f);
    }
  }

  r.words = int(folded_words.size());
  r.signature = minhash(shingle_hashes(folded_words, 5));
  r.title = to_vector(t_counts);
  r.body = to_vector(b_counts);
  r.entities = to_vector(e_counts);
  r.numbers = to_vector(n_counts);
  return r;
}

}  // namespace recoupe::index
