#include "text/sentences.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "text/data_dir.h"
#include "text/fold.h"

namespace recoupe::text {
namespace {

bool is_space(UChar32 c) {
  if (c < 0x80) return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  return u_isUWhiteSpace(c) || c == 0x200B || c == 0xFEFF;
}

bool is_newline(UChar32 c) { return c == '\n' || c == 0x2028 || c == 0x2029 || c == 0x85; }

bool is_terminator(UChar32 c) {
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x3002 || c == 0xFF01 ||
         c == 0xFF1F || c == 0x203C || c == 0x2047 || c == 0x2048 || c == 0x2049;
}

// Fullwidth terminators end a sentence without a following space (CJK has none).
bool is_cjk_terminator(UChar32 c) { return c == 0x3002 || c == 0xFF01 || c == 0xFF1F; }

bool is_closing_punct(UChar32 c) {
  return c == ')' || c == ']' || c == '}' || c == 0x2019 || c == '\'';
}

bool is_lower_start(UChar32 c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return u_islower(c);
}

// Quotation mark kinds for pairing: the opening mark's kind must match the closing one's.
enum QuoteMark {
  kNone,
  kOpenGuillemet,
  kCloseGuillemet,
  kOpenCurly,
  kCloseCurly,
  kLowCurly,
  kAscii
};

QuoteMark quote_mark(UChar32 c) {
  switch (c) {
    case 0x00AB:
      return kOpenGuillemet;  // «
    case 0x00BB:
      return kCloseGuillemet;  // »
    case 0x201C:
      return kOpenCurly;  // “ (also closes „)
    case 0x201D:
      return kCloseCurly;  // ”
    case 0x201E:
      return kLowCurly;  // „
    case '"':
      return kAscii;
    default:
      return kNone;
  }
}

struct Cp {
  int32_t pos;   // byte offset
  int32_t next;  // offset after it
  UChar32 c;
};

// Quotation marks that pair up inside one paragraph: +1 at a matched opening, -1 at its
// closing, 0 elsewhere (unpaired marks are ignored, so one stray « does not glue the rest
// of the paragraph into one sentence).
void pair_quotes(const std::vector<Cp>& cps, size_t from, size_t to, std::vector<int8_t>& role) {
  std::vector<std::pair<size_t, QuoteMark>> stack;
  size_t ascii_open = SIZE_MAX;
  for (size_t k = from; k < to; ++k) {
    QuoteMark m = quote_mark(cps[k].c);
    if (m == kNone) continue;
    if (m == kAscii) {
      if (ascii_open == SIZE_MAX) {
        ascii_open = k;
      } else {
        role[ascii_open] = 1;
        role[k] = -1;
        ascii_open = SIZE_MAX;
      }
      continue;
    }
    if (m == kOpenGuillemet || m == kLowCurly) {
      stack.push_back({k, m});
      continue;
    }
    if (m == kOpenCurly) {
      // “ closes a „ (German) when one is open, else opens.
      if (!stack.empty() && stack.back().second == kLowCurly) {
        role[stack.back().first] = 1;
        role[k] = -1;
        stack.pop_back();
      } else {
        stack.push_back({k, m});
      }
      continue;
    }
    QuoteMark want = m == kCloseGuillemet ? kOpenGuillemet : kOpenCurly;
    // Close the innermost matching opening; openings above it stay unpaired.
    for (size_t s = stack.size(); s-- > 0;) {
      if (stack[s].second == want) {
        role[stack[s].first] = 1;
        role[k] = -1;
        stack.resize(s);
        break;
      }
    }
  }
}

std::string strip_final_period(std::string s) {
  while (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

}  // namespace

SentenceRules load_sentence_rules(const std::string& data_dir, const std::string& lang) {
  SentenceRules r;
  for (const auto& line : read_list(data_dir, lang, "abbreviations.txt")) {
    std::string a = strip_final_period(line);
    if (a.empty()) continue;
    r.abbreviations.insert(a);
    r.abbreviations.insert(ascii_lower(a));
  }
  return r;
}

std::vector<Sentence> split_sentences(std::string_view text, const SentenceRules& rules) {
  std::vector<Sentence> out;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t len = static_cast<int32_t>(text.size());

  std::vector<Cp> cps;
  cps.reserve(text.size());
  for (int32_t i = 0; i < len;) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, len, c);
    cps.push_back({start, i, c});
  }
  const size_t n = cps.size();

  // Quote roles, paired paragraph by paragraph (a paragraph ends at a line break).
  std::vector<int8_t> role(n, 0);
  for (size_t from = 0; from < n;) {
    size_t to = from;
    while (to < n && !is_newline(cps[to].c)) ++to;
    pair_quotes(cps, from, to, role);
    from = to + 1;
  }

  int paragraph = 0;
  size_t start = 0;                          // code point index where the current sentence starts
  auto emit = [&](size_t from, size_t to) {  // code point range [from, to)
    while (from < to && is_space(cps[from].c)) ++from;
    while (to > from && is_space(cps[to - 1].c)) --to;
    if (from >= to) return;
    size_t b = static_cast<size_t>(cps[from].pos), e = static_cast<size_t>(cps[to - 1].next);
    out.push_back({std::string(text.substr(b, e - b)), b, e, paragraph});
  };
  // Index of the next non-space code point at or after k.
  auto skip_spaces = [&](size_t k) {
    while (k < n && is_space(cps[k].c) && !is_newline(cps[k].c)) ++k;
    return k;
  };
  // True when the word ending just before cps[k] (a period) is an abbreviation or initial.
  auto abbreviation_before = [&](size_t k) {
    size_t b = k;
    while (b > 0 && k - b < 24 && !is_space(cps[b - 1].c) && quote_mark(cps[b - 1].c) == kNone &&
           cps[b - 1].c != '(' && cps[b - 1].c != '[')
      --b;
    if (b == k) return false;
    size_t wb = static_cast<size_t>(cps[b].pos), we = static_cast<size_t>(cps[k].pos);
    std::string word(text.substr(wb, we - wb));
    if (k - b == 1 && (u_isupper(cps[b].c) || u_istitle(cps[b].c))) return true;  // initial
    if (rules.abbreviations.empty()) return false;
    return rules.abbreviations.count(word) > 0 || rules.abbreviations.count(ascii_lower(word)) > 0;
  };
  // True when the word ending just before cps[k] (a period) has a period of its own between
  // letters: letters written with periods ("a.m", "p.m", "U.N").
  auto dotted_before = [&](size_t k) {
    bool dot = false;
    size_t b = k;
    while (b > 0 && !is_space(cps[b - 1].c)) {
      if (cps[b - 1].c == '.' && b < k && b > 1 && u_isalpha(cps[b - 2].c)) dot = true;
      --b;
    }
    return dot;
  };
  // True when an acronym of 2 to 4 capitals starts at cps[k] ("PDT", "GMT", "ET"): after
  // letters written with periods, the phrase goes on ("11 a.m. PDT tomorrow").
  auto acronym_at = [&](size_t k) {
    size_t e = k;
    while (e < n && u_isupper(cps[e].c)) ++e;
    return e - k >= 2 && e - k <= 4 && (e == n || is_space(cps[e].c) || cps[e].c == ',');
  };
  // A sentence may start at cps[k]: anything but a lower-case letter (or end of text).
  auto can_start = [&](size_t k) { return k >= n || !is_lower_start(cps[k].c); };

  int depth = 0;
  for (size_t k = 0; k < n; ++k) {
    UChar32 c = cps[k].c;
    if (is_newline(c)) {
      emit(start, k);
      int newlines = 0;
      size_t j = k;
      while (j < n && is_space(cps[j].c)) {
        if (is_newline(cps[j].c)) ++newlines;
        ++j;
      }
      if (newlines >= 2 && !out.empty() && out.back().paragraph == paragraph) ++paragraph;
      start = j;
      k = j - 1;
      depth = 0;
      continue;
    }
    if (role[k] == 1) {
      ++depth;
      continue;
    }
    if (role[k] == -1) {
      if (depth > 0) --depth;
      if (depth == 0) {
        size_t p = k;  // last non-space inside the quotation
        while (p > start && is_space(cps[p - 1].c)) --p;
        if (p > start && is_terminator(cps[p - 1].c)) {
          size_t nx = skip_spaces(k + 1);
          if (nx > k + 1 && nx < n && !is_newline(cps[nx].c) && can_start(nx) &&
              (u_isupper(cps[nx].c) || quote_mark(cps[nx].c) != kNone)) {
            emit(start, k + 1);
            start = nx;
          }
        }
      }
      continue;
    }
    if (depth > 0 || !is_terminator(c)) continue;
    size_t j = k + 1;
    while (j < n && (is_terminator(cps[j].c) || is_closing_punct(cps[j].c))) ++j;
    bool cjk = is_cjk_terminator(cps[j - 1].c) || is_cjk_terminator(c);
    if (j < n && !is_space(cps[j].c) && !cjk) {
      k = j - 1;
      continue;
    }
    if (c == '.' && j == k + 1 && abbreviation_before(k)) continue;
    size_t nx = skip_spaces(j);
    if (c == '.' && j == k + 1 && dotted_before(k) && acronym_at(nx)) continue;
    if (nx < n && !is_newline(cps[nx].c) && !can_start(nx)) {
      k = j - 1;
      continue;
    }
    emit(start, j);
    start = j;
    k = j - 1;
  }
  emit(start, n);
  return out;
}

}  // namespace recoupe::text
