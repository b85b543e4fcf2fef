#include "extract/text_metadata.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "core/calendar.h"
#include "text/fold.h"
#include "text/normalize.h"
#include "text/words.h"

namespace recoupe::extract {
namespace {

// Lines at the very top of a page where a weekday/date line is the site's date widget.
constexpr int kWidgetLines = 3;
// A date-only line this close to the title or the body start is the article's date.
constexpr int kDateNearLines = 3;
// Names (authors, outlets) have at most this many words.
constexpr int kNameMaxWords = 5;

bool is_upper_initial(std::string_view w) {
  if (w.empty()) return false;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(w.data()), i, static_cast<int32_t>(w.size()), c);
  return c > 0 && (u_isupper(c) || u_istitle(c) || (c >= '0' && c <= '9'));
}

bool looks_like_host(std::string_view w) {
  size_t dot = w.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || w.size() - dot - 1 < 2 || w.size() - dot > 7)
    return false;
  for (size_t i = dot + 1; i < w.size(); ++i)
    if (!((w[i] >= 'a' && w[i] <= 'z') || (w[i] >= 'A' && w[i] <= 'Z'))) return false;
  return true;
}

std::string_view trim(std::string_view s) {
  auto noise = [](char c) {
    return c == ' ' || c == ':' || c == ',' || c == ';' || c == '.' || c == '-' || c == '(' ||
           c == ')' || c == '|' || c == '/' || c == '*';
  };
  while (!s.empty() && noise(s.front())) s.remove_prefix(1);
  while (!s.empty() && noise(s.back())) s.remove_suffix(1);
  // Typographic dashes (U+2013, U+2014) at either end.
  for (bool again = true; again;) {
    again = false;
    for (std::string_view dash : {"\xE2\x80\x93", "\xE2\x80\x94"}) {
      if (s.size() >= 3 && s.substr(0, 3) == dash) s.remove_prefix(3), again = true;
      if (s.size() >= 3 && s.substr(s.size() - 3) == dash) s.remove_suffix(3), again = true;
    }
    while (!s.empty() && noise(s.front())) s.remove_prefix(1);
    while (!s.empty() && noise(s.back())) s.remove_suffix(1);
  }
  return s;
}

// The agency `s` names as a whole ("AFP", "(AFP)", "Agence France-Presse"), or empty.
std::string whole_agency(std::string_view s, const TextCues& cues) { return cues.agency(trim(s)); }

// Agencies listed in `s` ("AFP et Reuters", "AFP/Reuters"): the first one, or empty when
// some word is neither an agency nor a joining stop word.
std::string agency_list(std::string_view s, const TextCues& cues) {
  std::string whole = whole_agency(s, cues);
  if (!whole.empty()) return whole;
  std::string first;
  auto spans = text::word_spans(s, cues.elisions());
  for (size_t i = 0; i < spans.size();) {
    bool matched = false;
    for (int len = std::min<int>(cues.agency_max_words(), spans.size() - i); len >= 1; --len) {
      std::string_view name = s.substr(spans[i].begin, spans[i + len - 1].end - spans[i].begin);
      std::string a = cues.agency(name);
      if (!a.empty()) {
        if (first.empty()) first = a;
        i += len;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    std::string_view w = s.substr(spans[i].begin, spans[i].end - spans[i].begin);
    if (!cues.stop_word(text::fold(w))) return {};
    ++i;
  }
  return first;
}

// A personal name: 1..kNameMaxWords words, first and last capitalized, middle ones
// capitalized or particles (stop words: "de", "van", "von", "et", "and").
bool looks_like_name(std::string_view s, const TextCues& cues) {
  auto spans = text::word_spans(s, cues.elisions());
  if (spans.empty() || spans.size() > kNameMaxWords) return false;
  for (size_t i = 0; i < spans.size(); ++i) {
    std::string_view w = s.substr(spans[i].begin, spans[i].end - spans[i].begin);
    if (is_upper_initial(w) && !(w[0] >= '0' && w[0] <= '9')) continue;
    if (i == 0 || i + 1 == spans.size()) return false;
    if (!cues.stop_word(text::fold(w))) return false;
  }
  return true;
}

// The name that starts `rest`: cut at a separator (",", "|", " - ", "(") or a date.
std::string_view leading_name(std::string_view rest) {
  size_t cut = rest.size();
  for (std::string_view sep : {",", "|", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", "(", " / ",
                               "\xE2\x80\xA2", "\xC2\xB7"}) {
    size_t at = rest.find(sep);
    if (at != std::string_view::npos) cut = std::min(cut, at);
  }
  // Stop before the first number (a date after the name).
  for (size_t i = 0; i < cut; ++i)
    if (rest[i] >= '0' && rest[i] <= '9') {
      cut = i;
      break;
    }
  return trim(rest.substr(0, cut));
}

// Latest plausible year written anywhere in the lines (4 digits, 1990..2099), 0 if none.
int latest_year(const std::vector<LineFeatures>& lines) {
  int latest = 0;
  for (const auto& f : lines) {
    const std::string& s = f.text;
    for (size_t i = 0; i + 4 <= s.size(); ++i) {
      if (!(s[i] == '1' || s[i] == '2') || (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')) continue;
      if (!(s[i + 1] >= '0' && s[i + 1] <= '9' && s[i + 2] >= '0' && s[i + 2] <= '9' &&
            s[i + 3] >= '0' && s[i + 3] <= '9'))
        continue;
      if (i + 4 < s.size() && s[i + 4] >= '0' && s[i + 4] <= '9') continue;
      int y = std::stoi(s.substr(i, 4));
      if (y >= 1990 && y <= 2099) latest = std::max(latest, y);
    }
  }
  return latest;
}

// The day a news lead narrates: the first "weekday day month [year]" in the first body
// paragraphs, introduced as the day of writing ("ce mercredi 13 septembre", "this Wednesday,
// September 13"; words of kind "deictic" in metadata_cues.txt). Its year is the one
// written with it, else the year of another full date of the same day and month in the text
// (a caption "le 13 septembre 2023"), else the first year from the latest one the text
// mentions on which that day falls on that weekday (at most kYearSearch years later).
// Without that, the date is refused: a bare "mercredi 13 septembre" in a lead may be any
// event (measured: right only 5 times in 12 on trafilatura-eval-text, and 2 in 4 even when
// another full date of the same day confirms the weekday).
constexpr int kLeadParagraphs = 3;
constexpr int kYearSearch = 6;
std::optional<std::string> lead_date(const std::vector<LineFeatures>& lines,
                                     const LineClassification& cls, const TextCues& cues) {
  int seen = 0;
  for (size_t i = 0; i < lines.size() && seen < kLeadParagraphs; ++i) {
    if (cls.classes[i] != LineClass::kBody) continue;
    ++seen;
    auto d = find_date(lines[i].text, cues.dates());
    if (!d || !d->weekday || !d->deictic) continue;
    if (d->year)
      return iso_weekday({d->year, d->month, d->day}) == d->weekday
                 ? std::optional<std::string>(d->iso())
                 : std::nullopt;
    for (const auto& f : lines)
      if (f.date && f.date->year && f.date->month == d->month && f.date->day == d->day &&
          iso_weekday({f.date->year, d->month, d->day}) == d->weekday) {
        d->year = f.date->year;
        return d->iso();
      }
    int from = latest_year(lines);
    if (!from) return std::nullopt;
    for (int y = from; y <= from + kYearSearch; ++y)
      if (iso_weekday({y, d->month, d->day}) == d->weekday) {
        d->year = y;
        return d->iso();
      }
    return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Credit> parse_credit(const LineFeatures& f, const TextCues& cues, int max_words) {
  if (f.words == 0 || f.words > max_words || f.has_copyright) return std::nullopt;
  if (f.ends_sentence && f.words > 4) return std::nullopt;
  std::string_view s = f.text;
  Credit c;
  if (f.meta.kind == CueKind::kSource) {
    // "SOURCE: X": skip the cue word(s) in the original text.
    auto spans = text::word_spans(s, cues.elisions());
    size_t cue_words = 1;
    for (char ch : std::string_view(f.folded).substr(0, f.meta.folded_length))
      cue_words += ch == ' ';
    if (spans.size() <= cue_words) return std::nullopt;
    std::string_view rest = trim(s.substr(spans[cue_words].begin));
    c.agency = agency_list(rest, cues);
    if (c.agency.empty()) {
      auto rest_words = text::word_spans(rest, cues.elisions());
      if (rest_words.size() > kNameMaxWords || !is_upper_initial(rest)) return std::nullopt;
      c.outlet = std::string(rest);
    }
    return c;
  }
  // "<outlet> avec <agency>", "(avec AFP)", "Par X avec AFP".
  auto spans = text::word_spans(s, cues.elisions());
  for (size_t i = 0; i < spans.size(); ++i) {
    std::string w = text::fold(s.substr(spans[i].begin, spans[i].end - spans[i].begin));
    if (!cues.with_word(w)) continue;
    std::string agency = agency_list(s.substr(spans[i].end), cues);
    if (agency.empty()) return std::nullopt;
    c.agency = agency;
    std::string_view left = trim(s.substr(0, spans[i].begin));
    if (!left.empty() && i <= 4 && cues.metadata(f.folded).kind != CueKind::kByline &&
        is_upper_initial(left) && cues.agency(left).empty())
      c.outlet = std::string(left);
    return c;
  }
  c.agency = whole_agency(s, cues);
  if (c.agency.empty()) return std::nullopt;
  return c;
}

std::optional<Byline> parse_byline(const LineFeatures& f, const TextCues& cues) {
  std::string_view s = f.text;
  auto spans = text::word_spans(s, cues.elisions());
  for (size_t i = 0; i + 1 < spans.size(); ++i) {
    std::string w = text::fold(s.substr(spans[i].begin, spans[i].end - spans[i].begin));
    // A byline word ("par", "by", "von") at the start, or after a date in a date line.
    if (i > 0 && f.meta.kind != CueKind::kPublished && f.meta.kind != CueKind::kUpdated) break;
    CueMatch m = cues.metadata(w);
    if (m.kind != CueKind::kByline || m.folded_length != w.size()) continue;
    std::string_view rest = s.substr(spans[i + 1].begin);
    std::string_view first(s.data() + spans[i + 1].begin, spans[i + 1].end - spans[i + 1].begin);
    if (looks_like_host(first)) return Byline{std::string(first), true};
    std::string_view name = leading_name(rest);
    if (name.empty() || !looks_like_name(name, cues)) continue;
    if (!cues.agency(name).empty()) return std::nullopt;  // "Par AFP": a credit, not an author
    return Byline{std::string(name), false};
  }
  return std::nullopt;
}

PageMetadata text_metadata(const std::vector<LineFeatures>& lines, const LineClassification& cls,
                           const TextCues& cues) {
  PageMetadata m;
  const int n = static_cast<int>(lines.size());
  if (cls.title_line >= 0) m.title = lines[cls.title_line].text;

  std::optional<std::string> published, updated, near_date, byline_date;
  std::optional<std::string> host_outlet, credit_outlet, source_outlet, teaser_outlet;
  const int anchor = cls.title_line >= 0 ? cls.title_line : cls.region_begin;
  for (int i = 0; i < n; ++i) {
    const LineFeatures& f = lines[i];
    if (cls.classes[i] != LineClass::kMetadata) {
      // Teaser cue naming the site: weak evidence of the outlet.
      if (f.cue == CueKind::kTeaser && !teaser_outlet) {
        auto spans = text::word_spans(f.text, cues.elisions());
        for (size_t k = 0; k + 1 < spans.size(); ++k) {
          std::string w = text::fold(
              std::string_view(f.text).substr(spans[k].begin, spans[k].end - spans[k].begin));
          if (!cues.site_word(w)) continue;
          std::string_view name = trim(std::string_view(f.text).substr(spans[k + 1].begin));
          if (!name.empty() && is_upper_initial(name) &&
              text::word_spans(name, cues.elisions()).size() <= 4)
            teaser_outlet = std::string(name);
          break;
        }
      }
      continue;
    }
    if (f.date && f.date->year) {
      std::string iso = f.date->iso();
      if (f.meta.kind == CueKind::kPublished && !published) published = iso;
      if (f.meta.kind == CueKind::kUpdated && !updated) updated = iso;
      if (f.meta.kind == CueKind::kByline && !byline_date) byline_date = iso;
      bool widget = i < kWidgetLines && (cls.title_line < 0 || i < cls.title_line);
      if (f.date->date_only && !widget && anchor >= 0 && !near_date &&
          std::abs(i - anchor) <= kDateNearLines)
        near_date = iso;
    }
    if (auto b = parse_byline(f, cues)) {
      if (b->is_host) {
        if (!host_outlet) host_outlet = b->name;
      } else if (!m.author) {
        m.author = b->name;
      }
    }
    if (auto c = parse_credit(f, cues)) {
      if (!c->agency.empty() && !m.agency) m.agency = c->agency;
      if (!c->outlet.empty()) {
        auto& slot = f.meta.kind == CueKind::kSource ? source_outlet : credit_outlet;
        if (!slot) slot = c->outlet;
      }
    }
  }
  // Dateline "PARIS (AFP) -" at the start of the body, or "(AFP)" closing a body line.
  if (!m.agency) {
    for (int i = 0; i < n && !m.agency; ++i) {
      if (cls.classes[i] != LineClass::kBody) continue;
      std::string_view s = lines[i].text;
      size_t open = s.find('(');
      if (open != std::string_view::npos && open < 40) {
        size_t close = s.find(')', open);
        if (close != std::string_view::npos && close - open < 40) {
          std::string_view after = s.substr(close + 1, 6);
          if (after.find('-') != std::string_view::npos ||
              after.find("\xE2\x80\x93") != std::string_view::npos ||
              after.find("\xE2\x80\x94") != std::string_view::npos) {
            std::string a = agency_list(s.substr(open + 1, close - open - 1), cues);
            if (!a.empty()) m.agency = a;
          }
        }
      }
      if (!m.agency && s.size() > 2 && s.back() == ')') {
        size_t o = s.rfind('(');
        if (o != std::string_view::npos && s.size() - o < 40) {
          std::string_view inside = s.substr(o + 1, s.size() - o - 2);
          // "(avec AFP)" or "(AFP)".
          auto spans = text::word_spans(inside, cues.elisions());
          if (!spans.empty() && cues.with_word(text::fold(
                                    inside.substr(spans[0].begin, spans[0].end - spans[0].begin))))
            inside = inside.substr(spans[0].end);
          std::string a = agency_list(inside, cues);
          if (!a.empty()) m.agency = a;
        }
      }
    }
  }
  if (published)
    m.published = published;
  else if (byline_date)
    m.published = byline_date;
  else if (near_date)
    m.published = near_date;
  else if (updated)
    m.published = updated;
  else
    m.published = lead_date(lines, cls, cues);
  if (host_outlet)
    m.source = host_outlet;
  else if (credit_outlet)
    m.source = credit_outlet;
  else if (source_outlet)
    m.source = source_outlet;
  else if (teaser_outlet)
    m.source = teaser_outlet;
  return m;
}

}  // namespace recoupe::extract
