#include "analyze/quotes.h"

#include <algorithm>
#include <unordered_set>

#include "text/data_dir.h"
#include "text/split.h"

namespace recoupe::analyze {
namespace {

enum Mark {
  kNone,
  kOpenGuillemet,
  kCloseGuillemet,
  kOpenCurly,
  kCloseCurly,
  kLowCurly,
  kAscii,
  kOpenSingle,
  kCloseSingle
};

Mark mark_of(std::string_view raw) {
  if (raw == "\xC2\xAB") return kOpenGuillemet;
  if (raw == "\xC2\xBB") return kCloseGuillemet;
  if (raw == "\xE2\x80\x9C") return kOpenCurly;
  if (raw == "\xE2\x80\x9D") return kCloseCurly;
  if (raw == "\xE2\x80\x9E") return kLowCurly;
  if (raw == "\"") return kAscii;
  if (raw == "\xE2\x80\x98") return kOpenSingle;
  if (raw == "\xE2\x80\x99") return kCloseSingle;
  return kNone;
}

bool is_stop_punct(const Token& t) {
  if (t.kind != TokenKind::kPunct) return false;
  const std::string& f = t.folded;
  return f == "." || f == ";" || f == "!" || f == "?" || f == "\xE2\x80\xA6";
}

// Ends the search for a verb or name after a quotation. Periods do not: sentence bounds
// already stop the search, and a period inside a sentence is an abbreviation ("Mr. Trump").
bool is_clause_stop(const Token& t) { return t.kind == TokenKind::kPunct && t.folded == ";"; }

struct Span {
  size_t open, close;  // token indices of the marks
  // Closed by the end of its paragraph, not by a mark: `close` is then the next paragraph's
  // first token, outside the quotation.
  bool open_ended = false;
};

class Finder {
 public:
  Finder(std::string_view text, const std::vector<Token>& t, const std::vector<Sentence>& s,
         const std::vector<NameSpan>& names, const QuoteRules& r, const QuoteConfig& c)
      : text_(text), t_(t), s_(s), names_(names), r_(r), c_(c) {}

  std::vector<Quote> run() {
    pair_marks();
    index_names();
    sentence_of_.assign(t_.size(), 0);
    for (size_t i = 0, si = 0; i < t_.size(); ++i) {
      while (si + 1 < s_.size() && s_[si].end <= t_[i].begin) ++si;
      sentence_of_[i] = si;
    }
    std::vector<Quote> out;
    out.reserve(spans_.size());
    for (size_t q = 0; q < spans_.size(); ++q) {
      const Span& sp = spans_[q];
      if (sp.close <= sp.open + 1) continue;
      Quote quote;
      size_t first = sp.open + 1, last = sp.close - 1;
      if (title_case(first, last)) continue;
      last = before_trailing_attribution(first, last);
      quote.begin = t_[first].begin;
      quote.end = t_[last].end;
      quote.text = std::string(text_.substr(quote.begin, quote.end - quote.begin));
      quote.kind = classify(first, last);
      // After a determiner, quoted words are a name or a term the writer borrows (« la
      // création d'un "Observatoire national des pratiques médicales" », "the "single worst
      // trade deal""), not a statement, however long.
      if (sp.open > 0 && r_.determiners.match_ending(t_, sp.open - 1))
        quote.kind = QuoteKind::kPartial;
      attribute(sp, quote, out);
      out.push_back(std::move(quote));
    }
    return out;
  }

 private:
  // Pairs quotation marks paragraph by paragraph (a line break closes nothing), keeping only
  // outermost pairs.
  void pair_marks() {
    in_quote_.assign(t_.size(), 0);
    std::vector<std::pair<size_t, Mark>> stack;
    size_t ascii_open = SIZE_MAX;
    auto close_top = [&](size_t k, Mark want) {
      for (size_t s = stack.size(); s-- > 0;) {
        if (stack[s].second != want) continue;
        size_t open = stack[s].first;
        stack.resize(s);
        if (stack.empty() && (ascii_open == SIZE_MAX || ascii_open > open))
          spans_.push_back({open, k});
        return true;
      }
      return false;
    };
    for (size_t k = 0; k < t_.size(); ++k) {
      const Token& tk = t_[k];
      if (tk.newline_before) {
        // A straight quotation mark opening a paragraph and left open to its end, the
        // paragraph ending a sentence: a quotation running to the paragraph's end. English
        // leaves the closing mark out of every paragraph of a quotation but its last; a lost
        // closing mark reads the same.
        if (ascii_open != SIZE_MAX && stack.empty() &&
            (ascii_open == 0 || t_[ascii_open].newline_before) && k >= ascii_open + 3 &&
            is_stop_punct(t_[k - 1]))
          spans_.push_back({ascii_open, k, true});
        stack.clear();
        ascii_open = SIZE_MAX;
      }
      if (tk.kind != TokenKind::kPunct) continue;
      Mark m = mark_of(text_.substr(tk.begin, tk.end - tk.begin));
      switch (m) {
        case kNone:
          break;
        case kOpenGuillemet:
        case kLowCurly:
          stack.push_back({k, m});
          break;
        case kOpenCurly:
          if (!stack.empty() && stack.back().second == kLowCurly)
            close_top(k, kLowCurly);
          else
            stack.push_back({k, m});
          break;
        case kCloseGuillemet:
          close_top(k, kOpenGuillemet);
          break;
        case kCloseCurly:
          close_top(k, kOpenCurly);
          break;
        case kOpenSingle:
          if (!stack.empty()) stack.push_back({k, m});  // only nested: ‘ is rare at top level
          break;
        case kCloseSingle: {
          // ’ is also the apostrophe: it closes only before a non-letter.
          bool before_word =
              k + 1 < t_.size() && !t_[k + 1].space_before && t_[k + 1].kind == TokenKind::kWord;
          if (!before_word) close_top(k, kOpenSingle);
          break;
        }
        case kAscii:
          if (ascii_open == SIZE_MAX) {
            ascii_open = k;
          } else {
            if (stack.empty()) spans_.push_back({ascii_open, k});
            ascii_open = SIZE_MAX;
          }
          break;
      }
    }
    std::sort(spans_.begin(), spans_.end(),
              [](const Span& a, const Span& b) { return a.open < b.open; });
    // Drop spans nested in an earlier one (ASCII pairs inside « … » and the like).
    std::vector<Span> outer;
    for (const Span& sp : spans_) {
      if (!outer.empty() && sp.open < outer.back().close) continue;
      outer.push_back(sp);
    }
    spans_ = std::move(outer);
    for (const Span& sp : spans_)
      for (size_t k = sp.open; k < sp.close + (sp.open_ended ? 0 : 1); ++k) in_quote_[k] = 1;
  }

  void index_names() {
    name_at_.assign(t_.size(), -1);
    size_t k = 0;
    for (size_t n = 0; n < names_.size(); ++n) {
      while (k < t_.size() && t_[k].begin < names_[n].begin) ++k;
      if (k < t_.size() && t_[k].begin == names_[n].begin) name_at_[k] = static_cast<int>(n);
    }
    for (const NameSpan& n : names_)
      if (n.words >= 2) {
        std::string_view s = text_.substr(n.begin, n.end - n.begin);
        for (const Token& w : tokenize(s))
          if (w.kind == TokenKind::kWord && w.upper) person_words_.insert(w.folded);
      }
  }

  // True when tokens [first, last] are in title case, every word of four letters or more
  // capitalised (three such words at least): "The Secret Man: The Story of Watergate's Deep
  // Throat" names a book, a film or a show; nobody speaks so.
  bool title_case(size_t first, size_t last) const {
    int long_words = 0;
    for (size_t k = first; k <= last; ++k) {
      if (t_[k].kind != TokenKind::kWord || t_[k].folded.size() < 4) continue;
      if (!t_[k].upper) return false;
      ++long_words;
    }
    return long_words >= 3;
  }

  QuoteKind classify(size_t first, size_t last) const {
    int words = 0;
    bool upper_start = false, seen_word = false;
    for (size_t k = first; k <= last; ++k) {
      if (t_[k].kind == TokenKind::kPunct) continue;
      if (!seen_word) upper_start = t_[k].upper || t_[k].kind == TokenKind::kNumber;
      seen_word = true;
      ++words;
      if (words >= c_.full_always_words) return QuoteKind::kFull;
    }
    // "(...)" or "…" opening a quotation continues a statement.
    if (t_[first].folded == "(" || t_[first].folded == "." || t_[first].folded == "\xE2\x80\xA6")
      upper_start = true;
    bool ends_terminated = is_stop_punct(t_[last]) ||
                           (t_[last].folded == ")" && last > first && t_[last - 1].folded == ".");
    if (words >= c_.full_min_words && (upper_start || ends_terminated)) return QuoteKind::kFull;
    return QuoteKind::kPartial;
  }

  void set_speaker(Quote& q, int name, const std::string& verb, const char* via) {
    const auto [begin, end] = person_span(name);
    q.verb = verb;
    q.speaker = std::string(text_.substr(begin, end - begin));
    q.speaker_begin = begin;
    q.speaker_end = end;
    q.via = via;
  }

  // The last token of a quotation's words when its closing mark was printed after the
  // attribution ("…full protection of the law, the two men said in a statement."): the token
  // before the comma that opens a clause of at most four words then a speech verb, running to
  // the end, after the verb nothing or a short complement opening on a preposition ("in a
  // statement"; not "he was saying that his cuffs hurt", which the speaker tells); else `last`.
  size_t before_trailing_attribution(size_t first, size_t last) const {
    constexpr size_t kMaxSubjectTokens = 4, kMaxTailTokens = 6;
    for (size_t c = last; c > first + 1; --c) {
      if (t_[c].kind != TokenKind::kPunct || t_[c].folded != ",") continue;
      for (size_t v = c + 1; v <= last && v <= c + 1 + kMaxSubjectTokens; ++v) {
        if (t_[v].kind == TokenKind::kPunct) break;
        const size_t n = r_.verbs.match_exact(text_, t_, v);
        if (n == 0) continue;
        if (v == c + 1) break;  // ", said the minister" is rare inside; ", he said" has a subject
        size_t tail = v + n;
        while (tail <= last && t_[tail].kind == TokenKind::kPunct) ++tail;
        if (tail <= last && (last + 1 - tail > kMaxTailTokens || !r_.prepositions.match(t_, tail)))
          break;
        return c - 1;
      }
      break;  // only the last comma
    }
    return last;
  }

  // The first token starting at or after byte `at`.
  size_t token_from(size_t at) const {
    auto it = std::lower_bound(t_.begin(), t_.end(), at,
                               [](const Token& tk, size_t p) { return tk.begin < p; });
    return static_cast<size_t>(it - t_.begin());
  }

  // The person a name chosen as speaker stands for, as bytes of the text. A name that ends on
  // an office abbreviated ("Florida Sen", "Troy police Lt") goes on after its period ("Marco
  // Rubio"); a name followed by lower-case words naming an office or a description, one of
  // them a title at least ("South Richmond Hill resident", "Anchorage businessman and
  // blogger"), goes on to the name right after them (or after a comma), and with them
  // describes an unnamed speaker when no name follows ("a METI official": "METI official").
  // Offices opening the name that remains
  // are left out ("Interior Secretary Ken Salazar" → "Ken Salazar"), when a name is left.
  std::pair<size_t, size_t> person_span(int name) const {
    size_t begin = names_[static_cast<size_t>(name)].begin;
    size_t end = names_[static_cast<size_t>(name)].end;
    // A name starting at token k, or an office abbreviated there ("Lt. Gerry Scherlinck"):
    // the token where the name after it starts, else t_.size().
    auto name_from = [&](size_t k) {
      if (k < t_.size() && t_[k].upper && r_.titles.contains_word(t_[k].folded) &&
          k + 2 < t_.size() && t_[k + 1].folded == "." && t_[k + 1].begin == t_[k].end)
        k += 2;
      return k < t_.size() && name_at_[k] >= 0 && !t_[k].newline_before ? k : t_.size();
    };
    // True when every word of [b, e) is a title: "Secretary", "Deputy Attorney".
    auto only_titles = [&](size_t b, size_t e) {
      bool any = false;
      for (size_t k = token_from(b); k < t_.size() && t_[k].end <= e; ++k) {
        if (t_[k].kind != TokenKind::kWord) continue;
        if (!r_.titles.contains_word(t_[k].folded)) return false;
        any = true;
      }
      return any;
    };
    bool department = false;  // the name after "Secretary of" opens on the department
    for (int hop = 0; hop < 3; ++hop) {
      const size_t k = token_from(end);
      if (k == 0 || k >= t_.size() || t_[k].newline_before) break;
      size_t next = t_.size();
      if (t_[k].folded == "of" && only_titles(begin, end)) {
        // "said Secretary of the Interior Dirk Kempthorne", "Secretary of State Mike Pompeo".
        size_t j = k + 1;
        if (j < t_.size() && t_[j].folded == "the") ++j;
        next = name_from(j);
        department = next < t_.size();
        // A department that is no name of its own ("State"): the person's name after it.
        for (size_t d = j; next == t_.size() && d < j + 2 && d + 1 < t_.size() && t_[d].upper; ++d)
          next = name_from(d + 1);
      } else if (t_[k].folded == "." && t_[k].begin == end &&
                 r_.titles.contains_word(t_[k - 1].folded)) {
        next = name_from(k + 1);
      } else {
        // Lower-case words right after the name, ending on a title: an office or a
        // description ("resident", "businessman and blogger", "security expert"). Not a verb,
        // a preposition, a pronoun or a determiner: "told the official PAP news agency".
        size_t j = k;
        bool last_title = false;
        while (j < t_.size() && t_[j].kind == TokenKind::kWord && !t_[j].upper && j < k + 4 &&
               !in_quote_[j]) {
          if (r_.verbs.match_exact(text_, t_, j) || r_.prepositions.match(t_, j) ||
              r_.pronouns.match(t_, j) || r_.determiners.match(t_, j)) {
            last_title = false;
            break;
          }
          last_title = r_.titles.contains_word(t_[j].folded);
          ++j;
        }
        if (j == k || !last_title) break;
        next = name_from(j);
        // "said Sumitomo Bank chief economist, Masahiko Koido": the name after a comma.
        if (next == t_.size() && j + 1 < t_.size() && t_[j].folded == ",") next = name_from(j + 1);
        // "said a Western diplomat", "said a METI official": an unnamed speaker, told by the
        // name and the words that describe him.
        if (next == t_.size()) return {begin, t_[j - 1].end};
      }
      if (next == t_.size()) break;
      begin = names_[static_cast<size_t>(name_at_[next])].begin;
      end = names_[static_cast<size_t>(name_at_[next])].end;
    }
    // "Interior Dirk Kempthorne" after "Secretary of the": a department of one word, then the
    // person's first and last names.
    if (department) {
      // The words of the name: a capitalised word token at its start or after a space ("Jean"
      // and "Pierre" of "Jean-Pierre" are one word).
      std::vector<size_t> words;
      const size_t first = token_from(begin);
      for (size_t k = first; k < t_.size() && t_[k].end <= end; ++k)
        if (t_[k].kind == TokenKind::kWord && t_[k].upper && (k == first || t_[k].space_before))
          words.push_back(k);
      if (words.size() == 3) begin = t_[words[1]].begin;
    }
    // Offices opening the name: "Saints Head Coach Sean Payton", "Prime Minister X".
    size_t cut = begin;
    for (size_t k = token_from(begin); k + 1 < t_.size() && t_[k].end <= end; ++k)
      if (t_[k].kind == TokenKind::kWord && r_.titles.contains_word(t_[k].folded)) {
        size_t after = k + 1;
        while (after < t_.size() && t_[after].end <= end && t_[after].kind != TokenKind::kWord)
          ++after;
        if (after < t_.size() && t_[after].end <= end && t_[after].upper) cut = t_[after].begin;
      }
    return {cut, end};
  }

  std::string words_of(size_t i, size_t n) const {
    if (n == 0) return {};
    return std::string(text_.substr(t_[i].begin, t_[i + n - 1].end - t_[i].begin));
  }

  bool preceded_by_preposition(size_t k, size_t floor) const {
    // Looks at up to 4 tokens before the name, after `floor`: "du Kremlin",
    // "par l'agence TASS".
    for (size_t back = 1; back <= 4 && k >= floor + back; ++back) {
      size_t p = k - back;
      if (t_[p].kind == TokenKind::kPunct && t_[p].folded != "'" && t_[p].folded != "-") break;
      if (r_.prepositions.match(t_, p)) return true;
    }
    return false;
  }

  // Nearest name before `to` (down to `from`) outside quotations and not a complement: the
  // subject of a verb at `to`; -1 when none.
  int nearest_subject(size_t from, size_t to) const {
    for (size_t k = to; k-- > from;) {
      if (in_quote_[k] || name_at_[k] < 0) continue;
      if (preceded_by_preposition(k, from)) continue;
      return name_at_[k];
    }
    return -1;
  }

  bool clause_boundary(size_t k) const {
    if (in_quote_[k] || t_[k].kind != TokenKind::kPunct) return false;
    const std::string& f = t_[k].folded;
    return f == "," || f == ";" || f == ":" || f == "(" || f == ")";
  }

  // Subject of a verb starting at `to`: the first name (not a complement) of the clause
  // before the verb, clauses being cut at commas; walking back clause by clause when one
  // has none ("Le porte-parole du Kremlin, Dmitri Peskov, cité par l'agence TASS, a
  // indiqué" → Dmitri Peskov; "Kim a remercié Poutine et souligné" → Kim).
  int clause_subject(size_t from, size_t to) const {
    size_t end = to;
    while (end > from) {
      size_t b = end;
      while (b > from && !clause_boundary(b - 1)) --b;
      int n = subject_in(b, end, false);
      if (n >= 0) return n;
      if (b == from) break;
      end = b - 1;
    }
    return -1;
  }

  // First name in [from, to) outside quotations and not a complement; -1 when none.
  int subject_in(size_t from, size_t to, bool person_only) const {
    int fallback = -1;
    for (size_t k = from; k < to && k < t_.size(); ++k) {
      if (in_quote_[k] || name_at_[k] < 0) continue;
      if (preceded_by_preposition(k, from)) continue;
      if (person_only && !person_like(name_at_[k])) {
        continue;
      }
      return name_at_[k];
    }
    return fallback;
  }

  bool person_like(int name) const {
    const NameSpan& n = names_[static_cast<size_t>(name)];
    if (n.words >= 2) return true;
    std::string_view s = text_.substr(n.begin, n.end - n.begin);
    for (const Token& w : tokenize(s))
      if (w.kind == TokenKind::kWord && person_words_.count(w.folded)) return true;
    return false;
  }

  // Name after a cue in (from, to): the first that is not a complement, else -1.
  int name_after(size_t from, size_t to) const {
    int first_any = -1;
    for (size_t k = from; k < to && k < t_.size(); ++k) {
      if (is_clause_stop(t_[k]) || t_[k].newline_before || in_quote_[k]) break;
      if (name_at_[k] < 0) continue;
      if (first_any < 0) first_any = name_at_[k];
      if (!preceded_by_preposition(k, from)) return name_at_[k];
    }
    return first_any;
  }

  // The person a colon presents as the quotation's speaker: "Puis vint le tour de Rama
  // Yade, secrétaire d'État : « … », a-t-elle déclaré". The person-like name nearest the
  // colon in the quotation's sentence, even as a complement, when an apposition follows it (a
  // comma right after the name: "Le président parle de Jean Moulin : « … », a-t-il dit" is the
  // president's) and no pronoun there is the subject ("Il a parlé avec Jean Dupont, son
  // voisin : « … », a-t-il dit" is the earlier person's); -1 when the quotation does not follow
  // a colon or no such name stands before it.
  int introduced_speaker(size_t open, size_t from) const {
    if (open == 0 || open <= from || t_[open - 1].folded != ":") return -1;
    int nearest = -1;
    for (size_t k = from; k + 1 < open; ++k) {
      if (in_quote_[k]) continue;
      if (t_[k].kind == TokenKind::kWord && r_.pronouns.match(t_, k)) return -1;
      if (name_at_[k] < 0 || !person_like(name_at_[k])) continue;
      size_t after = k + 1;
      while (after < open && t_[after].begin < names_[static_cast<size_t>(name_at_[k])].end)
        ++after;
      if (after < open && t_[after].folded == ",") nearest = name_at_[k];
    }
    return nearest;
  }

  // The person last named as subject before token `before` (for "il", "he").
  int resolve_pronoun(size_t before) const {
    if (before >= t_.size()) return -1;
    size_t si = sentence_of_[before];
    const size_t ctx = static_cast<size_t>(c_.context_tokens);
    for (int back = 0; back <= c_.pronoun_sentences_back; ++back) {
      if (si < static_cast<size_t>(back)) break;
      size_t s = si - static_cast<size_t>(back);
      size_t to = back == 0 ? before : first_token_of(s + 1);
      size_t from = std::max(first_token_of(s), to > ctx ? to - ctx : 0);
      int n = subject_in(from, to, true);
      if (n >= 0) return n;
      // "D'après Matthieu Ricard, ce dernier a fait part… « … », a-t-il dit": a sentence
      // without a named subject that names its source speaks for that source.
      n = source_in(from, to);
      if (n >= 0) return n;
    }
    return -1;
  }

  // The person-like name an "according to" cue ("selon", "d'après", "according to")
  // introduces in tokens [from, to), outside quotations, within three tokens of it ("selon le
  // procureur Jacques Dallest"; not "selon un enregistrement … obtenu par l'Agence
  // France-Presse"); -1 when none.
  int source_in(size_t from, size_t to) const {
    constexpr size_t kNear = 3;
    for (size_t k = from; k < to && k < t_.size(); ++k) {
      if (in_quote_[k]) continue;
      const size_t n = r_.according_to.match(t_, k);
      if (!n) continue;
      const int name = name_after(k + n, std::min(to, k + n + kNear + 1));
      if (name >= 0 && person_like(name)) return name;
    }
    return -1;
  }

  size_t first_token_of(size_t sentence) const {
    return sentence < s_.size() ? token_from(s_[sentence].begin) : t_.size();
  }

  void attribute(const Span& sp, Quote& q, const std::vector<Quote>& earlier) {
    size_t sent = sentence_of_[sp.open];
    const size_t ctx = static_cast<size_t>(c_.context_tokens);
    size_t s_first = std::max(first_token_of(sent), sp.open > ctx ? sp.open - ctx : 0);
    size_t s_end = std::min(first_token_of(sent + 1), sp.close + 1 + ctx);
    // 1. A speech verb right after the quotation: "», a déclaré X", "», a-t-il ajouté",
    //    "," he said", "», Smith said". (Nothing follows a quotation ended by its paragraph.)
    size_t limit = sp.open_ended
                       ? 0
                       : std::min(s_end, sp.close + 1 + static_cast<size_t>(c_.verb_window_after));
    int name_before_verb = -1;
    bool pronoun_before_verb = false;
    for (size_t k = sp.close + 1; k < limit; ++k) {
      Mark m = mark_of(raw(k));
      if (is_clause_stop(t_[k]) || t_[k].newline_before ||
          (m != kNone && m != kOpenSingle && m != kCloseSingle))  // ’ is also an apostrophe
        break;
      if (name_at_[k] >= 0 && name_before_verb < 0 && !preceded_by_preposition(k, sp.close + 1)) {
        name_before_verb = name_at_[k];
        // "”, Larry Kudlow, Mr. Trump’s chief economic adviser, told": a name right after
        // the quotation may carry an apposition before its verb.
        if (k <= sp.close + 3)
          limit = std::min(s_end, k + 1 + static_cast<size_t>(c_.verb_window_after_name));
      }
      if (r_.pronouns.match(t_, k)) pronoun_before_verb = true;
      size_t n = r_.verbs.match_exact(text_, t_, k);
      if (!n) continue;
      std::string verb = words_of(k, n);
      if (name_before_verb >= 0) return set_speaker(q, name_before_verb, verb, "after");
      size_t after = k + n;
      // Pronoun right after the verb or glued to it: "a-t-il ajouté", "ajoute-t-elle",
      // "said he"; or before it: "he said".
      bool pronoun = pronoun_before_verb;
      for (size_t p = after; p < std::min(after + 3, t_.size()) && !pronoun; ++p)
        if (t_[p].kind == TokenKind::kWord && r_.pronouns.match(t_, p)) pronoun = true;
      // "a-t-il ajouté": the pronoun sits between the auxiliary and the verb.
      for (size_t p = sp.close + 1; p < k && !pronoun; ++p)
        if (t_[p].kind == TokenKind::kWord && r_.pronouns.match(t_, p)) pronoun = true;
      if (pronoun) {
        int n2 = introduced_speaker(sp.open, s_first);
        if (n2 < 0) n2 = resolve_pronoun(sp.open);
        if (n2 >= 0) return set_speaker(q, n2, verb, "pronoun");
        q.verb = verb;
        return;
      }
      // "…," one man told Schuck: the name after a verb of telling is the listener.
      if (r_.addressed.contains_word(t_[k + n - 1].folded)) {
        q.verb = verb;
        break;
      }
      int name = name_after(
          after, std::min(s_end, after + static_cast<size_t>(c_.name_window_after_verb)));
      if (name >= 0) return set_speaker(q, name, verb, "after");
      q.verb = verb;
      break;
    }
    // 2. A speech verb before the quotation in the same sentence: its subject speaks.
    for (size_t k = sp.open; k-- > s_first;) {
      if (in_quote_[k]) continue;
      size_t n = r_.verbs.match_ending_exact(text_, t_, k);
      if (!n) continue;
      size_t vstart = k + 1 - n;
      std::string verb = words_of(vstart, n);
      int name = clause_subject(s_first, vstart);
      if (name >= 0) return set_speaker(q, name, verb, "before");
      // "Il a déclaré : « … »".
      for (size_t p = s_first; p < vstart; ++p)
        if (!in_quote_[p] && r_.pronouns.match(t_, p)) {
          int n2 = resolve_pronoun(s_first);
          if (n2 >= 0) return set_speaker(q, n2, verb, "pronoun");
          break;
        }
      if (q.verb.empty()) q.verb = verb;
      break;
    }
    // 3. "selon X" / "according to X" anywhere in the sentence, outside quotations.
    for (size_t k = s_first; k < s_end; ++k) {
      if (in_quote_[k]) continue;
      size_t n = r_.according_to.match(t_, k);
      if (!n) continue;
      int name = name_after(
          k + n, std::min(s_end, k + n + static_cast<size_t>(c_.name_window_after_verb)));
      if (name >= 0) return set_speaker(q, name, words_of(k, n), "according_to");
    }
    // 4. A statement opening the sentence right after an attributed statement continues it:
    //    after a full one; after a few words quoted in a sentence telling who spoke ("X
    //    condemned the violence, saying the country had "reached the edge of the abyss".
    //    "Our country…"), when it ends a sentence (a quotation standing alone without its
    //    period is a heading: whose words it is, its paragraph does not say).
    const bool ends_sentence =
        is_stop_punct(t_[sp.close - 1]) ||
        (!sp.open_ended && sp.close + 1 < t_.size() && !t_[sp.close + 1].newline_before &&
         is_stop_punct(t_[sp.close + 1]));
    if (q.kind == QuoteKind::kFull && sp.open == first_token_of(sent) && !earlier.empty()) {
      const Quote& prev = earlier.back();
      if (!prev.speaker.empty() && (prev.kind == QuoteKind::kFull || ends_sentence) && sent > 0 &&
          prev.begin >= s_[sent - 1].begin) {
        q.speaker = prev.speaker;
        q.speaker_begin = prev.speaker_begin;
        q.speaker_end = prev.speaker_end;
        q.verb = prev.verb;
        q.via = "continuation";
      }
    }
  }

  std::string_view raw(size_t k) const {
    return text_.substr(t_[k].begin, t_[k].end - t_[k].begin);
  }

  std::string_view text_;
  const std::vector<Token>& t_;
  const std::vector<Sentence>& s_;
  const std::vector<NameSpan>& names_;
  const QuoteRules& r_;
  const QuoteConfig& c_;
  std::vector<Span> spans_;
  std::vector<char> in_quote_;
  std::vector<int> name_at_;
  std::vector<size_t> sentence_of_;
  std::unordered_set<std::string> person_words_;
};

}  // namespace

QuoteRules load_quote_rules(const std::string& data_dir, const std::string& lang) {
  QuoteRules r;
  for (const auto& line : text::read_list(data_dir, lang, "speech_verbs.txt")) {
    std::string key, value;
    if (!split_key_value(line, &key, &value)) continue;
    PhraseSet* set = key == "verb"           ? &r.verbs
                     : key == "according_to" ? &r.according_to
                     : key == "pronoun"      ? &r.pronouns
                     : key == "preposition"  ? &r.prepositions
                     : key == "title"        ? &r.titles
                     : key == "determiner"   ? &r.determiners
                     : key == "addressed"    ? &r.addressed
                                             : nullptr;
    if (!set) continue;
    for (const auto& v : text::split_variants(value)) set->add(v);
  }
  return r;
}

std::vector<Quote> find_quotes(std::string_view text, const std::vector<Token>& tokens,
                               const std::vector<Sentence>& sentences,
                               const std::vector<NameSpan>& names, const QuoteRules& rules,
                               const QuoteConfig& config) {
  return Finder(text, tokens, sentences, names, rules, config).run();
}

}  // namespace recoupe::analyze
