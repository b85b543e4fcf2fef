#include "extract/text_cues.h"

#include "extract/text_line_model.h"

#include <algorithm>
#include <cstring>
#include <filesystem>

#include "text/data_dir.h"
#include "text/fold.h"
#include "text/normalize.h"
#include "text/split.h"

namespace recoupe::extract {
namespace {

bool is_letter_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

bool trailing_noise(unsigned char c) {
  return c == ' ' || c == ':' || c == '.' || c == '!' || c == '?' || c == ',' || c == ';' ||
         c == '-' || c == '|' || c == '>' || c == ')' || c == '(' || c == '*';
}

std::string_view trim_noise(std::string_view s) {
  while (!s.empty() && trailing_noise(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  while (!s.empty() && trailing_noise(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  // Ellipsis "…" (U+2026) and guillemets at the end.
  while (s.size() >= 3 && (s.substr(s.size() - 3) == "\xE2\x80\xA6")) s.remove_suffix(3);
  while (!s.empty() && trailing_noise(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Splits "kind: phrase".
bool split_cue(const std::string& line, std::string& kind, std::string& phrase) {
  size_t colon = line.find(':');
  if (colon == std::string::npos) return false;
  kind = line.substr(0, colon);
  size_t start = line.find_first_not_of(' ', colon + 1);
  if (start == std::string::npos) return false;
  phrase = line.substr(start);
  return !kind.empty();
}

size_t fnv1a(std::string_view s) {
  size_t h = 14695981039346656037ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

}  // namespace

void TextCues::ShortWordSet::insert(std::string_view w) {
  if (w.empty() || w.size() > sizeof(Slot::bytes) || contains(w)) return;
  if ((count_ + 1) * 4 > slots_.size()) grow();
  size_t mask = slots_.size() - 1;
  for (size_t i = fnv1a(w) & mask;; i = (i + 1) & mask) {
    if (slots_[i].size) continue;
    std::memcpy(slots_[i].bytes, w.data(), w.size());
    slots_[i].size = static_cast<unsigned char>(w.size());
    ++count_;
    return;
  }
}

bool TextCues::ShortWordSet::contains(std::string_view w) const {
  if (slots_.empty() || w.empty() || w.size() > sizeof(Slot::bytes)) return false;
  size_t mask = slots_.size() - 1;
  for (size_t i = fnv1a(w) & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (!s.size) return false;
    if (s.size == w.size() && std::memcmp(s.bytes, w.data(), w.size()) == 0) return true;
  }
}

void TextCues::ShortWordSet::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
  count_ = 0;
  for (const Slot& s : old)
    if (s.size) insert(std::string_view(s.bytes, s.size));
}

std::string_view first_cue_word(std::string_view folded) {
  size_t end = folded.find(' ');
  std::string_view w = folded.substr(0, end == std::string_view::npos ? folded.size() : end);
  size_t letters = 0;
  while (letters < w.size() && (is_letter_byte(static_cast<unsigned char>(w[letters])) ||
                                w[letters] == '\'' || w[letters] == '-'))
    ++letters;
  return w.substr(0, letters);
}

Expected<TextCues> TextCues::load(const std::string& data_dir,
                                  const text::StopWordCatalog& stop_words,
                                  const text::ElisionRules& elisions) {
  namespace fs = std::filesystem;
  TextCues c;
  c.elisions_ = &elisions;
  std::vector<std::string> langs;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(data_dir, ec)) {
    if (!entry.is_directory()) continue;
    if (fs::exists(entry.path() / "boilerplate_cues.txt") ||
        fs::exists(entry.path() / "metadata_cues.txt"))
      langs.push_back(entry.path().filename().string());
  }
  std::sort(langs.begin(), langs.end());
  c.dates_ = DateNames::load(data_dir, langs);
  const std::string model_path = data_dir + "/text/line_model.txt";
  TextLineModel model = TextLineModel::load(model_path);
  if (model.empty()) return Error{model_path, "missing or malformed line model"};
  c.line_model_ = std::make_shared<const TextLineModel>(std::move(model));
  std::string kind, phrase;
  for (const auto& lang : langs) {
    for (const auto& line : text::read_list(data_dir, lang, "boilerplate_cues.txt")) {
      if (!split_cue(line, kind, phrase)) continue;
      std::string folded = text::fold(phrase);
      if (kind == "line") {
        c.whole_line_.emplace(std::string(trim_noise(folded)), CueKind::kBoilerplate);
      } else if (kind == "end") {
        c.whole_line_[std::string(trim_noise(folded))] = CueKind::kEnd;
      } else if (kind == "prefix" || kind == "teaser") {
        CueKind k = kind == "prefix" ? CueKind::kBoilerplate : CueKind::kTeaser;
        c.prefix_by_first_word_[std::string(first_cue_word(folded))].push_back({folded, k});
      }
    }
    for (const auto& line : text::read_list(data_dir, lang, "metadata_cues.txt")) {
      if (!split_cue(line, kind, phrase)) continue;
      std::string folded = text::fold(phrase);
      CueKind k = CueKind::kNone;
      if (kind == "published") k = CueKind::kPublished;
      if (kind == "updated") k = CueKind::kUpdated;
      if (kind == "byline") k = CueKind::kByline;
      if (kind == "source") k = CueKind::kSource;
      if (kind == "credit") k = CueKind::kCredit;
      if (kind == "with") c.with_words_.insert(folded);
      if (kind == "site") c.site_words_.insert(folded);
      if (kind == "filler") c.dates_.add_filler(folded);
      if (kind == "deictic") c.dates_.add_deictic(folded);
      if (k != CueKind::kNone)
        c.meta_by_first_word_[std::string(first_cue_word(folded))].push_back({folded, k});
      if ((k == CueKind::kCredit || k == CueKind::kSource) && folded.find(' ') == std::string::npos)
        c.credit_words_.insert(folded);
    }
    for (const auto& line : text::read_list(data_dir, lang, "chrome_words.txt")) {
      if (!split_cue(line, kind, phrase)) continue;
      std::string word = text::nfc(phrase);
      if (kind == "term") {
        // Terms are matched on the first 15 bytes of a lower-cased word.
        if (word.size() < 3 || word.size() > 15 || c.chrome_terms_.count(word)) continue;
        c.chrome_terms_.emplace(word, static_cast<int>(c.chrome_terms_.size()));
        c.chrome_heads_.insert(std::string_view(word).substr(0, 3));
        if (std::find(c.chrome_lengths_.begin(), c.chrome_lengths_.end(), word.size()) ==
            c.chrome_lengths_.end())
          c.chrome_lengths_.push_back(word.size());
      } else if (kind == "reader") {
        c.reader_words_.insert(word);
      }
    }
    for (const auto& word : text::read_list(data_dir, lang, "continuation_words.txt"))
      c.continuation_words_.insert(text::fold(word));
    for (const auto& line : text::read_list(data_dir, lang, "author_note_words.txt")) {
      if (!split_cue(line, kind, phrase)) continue;
      if (kind == "verb") c.author_verbs_.insert(text::fold(phrase));
      if (kind == "role") c.author_roles_.push_back(text::fold(phrase));
    }
    const auto& stops =
        stop_words.snowball(lang).empty() ? stop_words.broad(lang) : stop_words.snowball(lang);
    // Both the folded form and the lower-case one with its accents ("uber", "über"), so that
    // the cleaner can look words up after a cheap lower-casing.
    for (const auto& w : stops) {
      c.stop_words_.insert(text::fold(w));
      c.stop_words_.insert(text::nfc(w));
    }
  }
  for (const auto& [phrase, kind] : c.whole_line_)
    c.cue_first_words_.insert(first_cue_word(phrase));
  for (const auto& [w, v] : c.prefix_by_first_word_) c.cue_first_words_.insert(w);
  for (const auto& [w, v] : c.meta_by_first_word_) c.cue_first_words_.insert(w);
  // Longest cues first, so that "mis a jour le" wins over "mis a jour".
  auto by_length = [](const Cue& a, const Cue& b) { return a.phrase.size() > b.phrase.size(); };
  for (auto& [w, v] : c.prefix_by_first_word_) std::sort(v.begin(), v.end(), by_length);
  for (auto& [w, v] : c.meta_by_first_word_) std::sort(v.begin(), v.end(), by_length);

  for (const auto& line : text::read_list(data_dir, ".", "agencies.txt")) {
    const std::vector<std::string> names = text::split_non_empty(line, '|');
    for (const std::string& name : names) {
      c.agencies_.emplace(name, names.front());
      int words = 1;
      for (char ch : name) words += ch == ' ';
      c.agency_max_words_ = std::max(c.agency_max_words_, words);
    }
  }
  return c;
}

bool TextCues::may_start_cue(std::string_view head) const {
  // Skip leading noise as trim_noise does, and a count ("2 Kommentare").
  size_t i = 0;
  while (i < head.size() && trailing_noise(static_cast<unsigned char>(head[i]))) ++i;
  size_t digits = i;
  while (digits < head.size() && head[digits] >= '0' && head[digits] <= '9') ++digits;
  if (digits > i && digits < head.size() && head[digits] == ' ') i = digits + 1;
  char buf[16];
  size_t n = 0;
  for (; i < head.size(); ++i) {
    unsigned char ch = static_cast<unsigned char>(head[i]);
    if (ch >= 0x80) return true;  // accented first word: let the fold decide
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<unsigned char>(ch + 32);
    bool part = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '\'' || ch == '-';
    if (!part) break;
    if (n == sizeof(buf)) return false;  // longer than any cue word
    buf[n++] = static_cast<char>(ch);
  }
  if (n == 0) return true;  // starts with a symbol (©, …): fold and match
  return cue_first_words_.contains(std::string_view(buf, n));
}

CueKind TextCues::boilerplate(std::string_view folded) const {
  std::string_view trimmed = trim_noise(folded);
  if (trimmed.size() <= 64) {
    if (auto it = whole_line_.find(trimmed); it != whole_line_.end()) return it->second;
    // "2 Kommentare", "12 comments": a count before a whole-line cue.
    size_t digits = 0;
    while (digits < trimmed.size() && trimmed[digits] >= '0' && trimmed[digits] <= '9') ++digits;
    if (digits && digits < trimmed.size() && trimmed[digits] == ' ') {
      if (auto it = whole_line_.find(trimmed.substr(digits + 1)); it != whole_line_.end())
        return it->second;
    }
  }
  auto it = prefix_by_first_word_.find(first_cue_word(trimmed));
  if (it == prefix_by_first_word_.end()) return CueKind::kNone;
  for (const Cue& cue : it->second) {
    if (trimmed.substr(0, cue.phrase.size()) != cue.phrase) continue;
    // A one-word cue must end at a word boundary ("anzeige" is not "Anzeigenblatt"); a longer
    // one may be glued to a linked title, as scrapers do ("Lire aussiPoutine invite…").
    bool one_word = cue.phrase.find(' ') == std::string::npos;
    if (one_word && trimmed.size() > cue.phrase.size() &&
        is_letter_byte(static_cast<unsigned char>(trimmed[cue.phrase.size()])))
      continue;
    return cue.kind;
  }
  return CueKind::kNone;
}

CueMatch TextCues::metadata(std::string_view folded) const {
  auto it = meta_by_first_word_.find(first_cue_word(folded));
  if (it == meta_by_first_word_.end()) return {};
  for (const Cue& cue : it->second) {
    if (folded.substr(0, cue.phrase.size()) != cue.phrase) continue;
    if (folded.size() > cue.phrase.size() &&
        is_letter_byte(static_cast<unsigned char>(folded[cue.phrase.size()])))
      continue;
    return {cue.kind, cue.phrase.size()};
  }
  return {};
}

bool TextCues::with_word(std::string_view w) const {
  return with_words_.find(w) != with_words_.end();
}

bool TextCues::site_word(std::string_view w) const {
  return site_words_.find(w) != site_words_.end();
}

int TextCues::chrome_term(std::string_view w) const {
  if (w.size() < 3 || !chrome_heads_.contains(w.substr(0, 3))) return -1;
  for (size_t len : chrome_lengths_) {
    if (len > w.size()) continue;
    if (auto it = chrome_terms_.find(w.substr(0, len)); it != chrome_terms_.end())
      return it->second;
  }
  return -1;
}

bool TextCues::reader_word(std::string_view lower) const { return reader_words_.contains(lower); }

bool TextCues::author_verb(std::string_view w) const {
  return author_verbs_.find(w) != author_verbs_.end();
}

bool TextCues::author_role(std::string_view w) const {
  for (const auto& role : author_roles_)
    if (w.substr(0, role.size()) == role) return true;
  return false;
}

bool TextCues::credit_word(std::string_view w) const {
  return credit_words_.find(w) != credit_words_.end();
}

bool TextCues::continuation_word(std::string_view w) const {
  return continuation_words_.find(w) != continuation_words_.end();
}

bool TextCues::stop_word(std::string_view w) const {
  if (w.size() >= 2 && w.back() == '\'') w.remove_suffix(1);
  return stop_words_.contains(w);
}

std::string TextCues::agency(std::string_view name) const {
  auto it = agencies_.find(name);
  return it == agencies_.end() ? std::string() : it->second;
}

}  // namespace recoupe::extract
