#include "synth/quotes.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "synth/content_words.h"
#include "synth/corroboration.h"
#include "text/edits.h"
#include "text/fold.h"
#include "text/normalize.h"
#include "text/split.h"
#include "text/words.h"

namespace recoupe::synth {
namespace {

std::string fold_clean(const std::string& s) { return text::collapse_spaces(text::fold(s)); }

std::string last_word(const std::string& folded, const text::ElisionRules& elisions) {
  auto w = folded_words(folded, elisions);
  return w.empty() ? "" : w.back();
}

// The stems two quotes share (ids, ascending and distinct).
size_t shared_stems(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  size_t common = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j]) {
      ++i;
    } else if (a[i] > b[j]) {
      ++j;
    } else {
      ++common;
      ++i;
      ++j;
    }
  }
  return common;
}

// Folded words joined by one space: containment test that ignores punctuation and marks.
std::string word_string(const std::string& s, const text::ElisionRules& elisions) {
  std::string out;
  for (const auto& w : folded_words(s, elisions)) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

struct Item {
  size_t article;
  std::string text;
  std::string words;  // word_string(text)
  std::string speaker;
  std::string speaker_folded;  // fold_clean(speaker), compared with each group's
  bool full;
  std::vector<uint32_t> stems;  // ids of its content words' stems, ascending, distinct
  size_t order;
};

struct Group {
  std::vector<size_t> items;
  std::string speaker;  // first non-empty
  std::string speaker_folded;
  // The first item of each distinct text: the same words give the same similarity, so the
  // search of a group compares these only (reprints print one quote hundreds of times).
  std::vector<size_t> distinct;
  std::unordered_set<std::string> texts;
  std::unordered_set<size_t> articles;  // of its items

  void add(size_t item, const std::string& text, size_t article) {
    items.push_back(item);
    articles.insert(article);
    if (texts.insert(text).second) distinct.push_back(item);
  }
};

}  // namespace

// How far before a surname alone (bytes) the person it misspells may be named: a few
// paragraphs, as a writer repeats a name soon after giving it in full.
constexpr size_t kMisspelledSurnameReach = 1500;

bool misspelled_surname(std::string_view written, std::string_view surname) {
  const size_t longer = std::max(written.size(), surname.size());
  if (written == surname || std::min(written.size(), surname.size()) < 4) return false;
  if (written.substr(0, 3) != surname.substr(0, 3)) return false;
  // "Martinez" is not "Martin" misspelled: a name written whole inside another is another.
  if (written.starts_with(surname) || surname.starts_with(written)) return false;
  return !text::edits_beyond(written, surname, std::min<size_t>(2, longer / 3));
}

StorySpeakers::StorySpeakers(const StoryEvidence& ev, const text::ElisionRules& elisions)
    : elisions_(elisions) {
  for (const auto& e : ev.entities) {
    if (e.type != "place")
      for (const auto& m : e.mentions) {
        if (m.article >= mentions_.size()) mentions_.resize(m.article + 1);
        mentions_[m.article].push_back({m.begin, m.end, &e.name});
      }
    by_folded_name_.emplace(fold_clean(e.name), &e.name);
    for (const auto& a : e.aliases) by_folded_name_.emplace(fold_clean(a), &e.name);
    const std::string last = last_word(fold_clean(e.name), elisions);
    if (e.type == "person") {
      auto [it, fresh] = by_last_word_.emplace(last, &e.name);
      if (!fresh) it->second = nullptr;
    }
    // A name of several words the tagger could not type ("Ankit Panda" as other) may be a
    // person's too.
    if (e.type == "person" || (e.type == "other" && last.size() < fold_clean(e.name).size()))
      for (const auto& m : e.mentions) {
        if (m.article >= persons_.size()) persons_.resize(m.article + 1);
        persons_[m.article].push_back({m.begin, &e.name, last});
      }
  }
  for (auto& list : persons_)
    std::sort(list.begin(), list.end(),
              [](const PersonMention& x, const PersonMention& y) { return x.begin < y.begin; });
}

std::string StorySpeakers::canonical(size_t article, const std::string& written, size_t begin,
                                     size_t end) const {
  if (written.empty()) return "";
  // A surname alone, misspelled, refers to the person last named before it in the article:
  // "… a écrit l'analyste Ankit Panda. « … », a écrit Pandit." A name of several words is
  // a name of its own.
  auto misspelled = [&](const std::string& folded) -> const std::string* {
    if (article >= persons_.size() || folded.empty() || folded.find(' ') != std::string::npos)
      return nullptr;
    const auto& list = persons_[article];
    for (auto it = std::lower_bound(list.begin(), list.end(), begin,
                                    [](const PersonMention&m, size_t at) { return m.begin < at; });
         it != list.begin();) {
      --it;
      // Only the persons of the last few paragraphs; a person whose surname it is, written
      // right, is the one ("Hillgen" after "Catherine Hillgen", not "Yvonne Hiller" before),
      // when the story has one person of that surname (else whose, the surname alone does not
      // tell: "LaRue" of Fred or Grace LaRue).
      if (it->begin + kMisspelledSurnameReach < begin) break;
      if (it->last_word == folded) {
        auto unique = by_last_word_.find(folded);
        return unique != by_last_word_.end() && unique->second ? it->name : nullptr;
      }
      if (misspelled_surname(folded, it->last_word)) return it->name;
    }
    return nullptr;
  };
  if (end > begin && article < mentions_.size()) {
    // The entity mentioned where the speaker is written, when it covers the whole written
    // name and can speak: "Ankit Panda" stays "Ankit Panda" although a tagger found a place
    // "Panda" inside it.
    for (const Mention& m : mentions_[article])
      if (m.begin <= begin && end <= m.end) {
        const std::string* person = misspelled(fold_clean(*m.name));
        return person ? *person : *m.name;
      }
  }
  const std::string f = fold_clean(written);
  // The misspelled surname first: the tagger may have made an entity of it alone (typed
  // a place: "Lindquist" after "Maria Lindqvist").
  if (const std::string* person = misspelled(f)) return *person;
  if (auto it = by_folded_name_.find(f); it != by_folded_name_.end()) return *it->second;
  if (auto it = by_last_word_.find(last_word(f, elisions_));
      it != by_last_word_.end() && it->second)
    return *it->second;
  return written;
}

namespace {

// The quotes of every article worth merging: full statements, and partial ones long enough
// with a speaker. Items are in article order, the first cfg.max_quotes_merged of them;
// *found counts them all.
std::vector<Item> collect_quotes(const StoryEvidence& ev, const text::StopWords& stop,
                                 const text::Stemmer& stemmer, const text::ElisionRules& elisions,
                                 const SynthConfig& cfg, size_t* found) {
  std::vector<Item> items;
  const StorySpeakers speakers(ev, elisions);
  std::unordered_map<std::string, uint32_t> stem_ids;
  *found = 0;
  for (size_t a = 0; a < ev.articles.size(); ++a) {
    const ArticleAnalysis* an = a < ev.analyses.size() ? ev.analyses[a] : nullptr;
    if (!an) continue;
    for (const auto& q : an->quotes) {
      bool full = q.kind == QuoteKind::kFull;
      int words = static_cast<int>(text::count_words(q.text, elisions));
      if (!full && (q.speaker.empty() || words < cfg.min_partial_quote_words)) continue;
      if (words == 0) continue;
      if ((*found)++ >= cfg.max_quotes_merged) continue;
      Item it;
      it.article = a;
      it.text = text::collapse_spaces(q.text);
      it.words = word_string(it.text, elisions);
      it.speaker = speakers.canonical(a, q.speaker, q.speaker_begin, q.speaker_end);
      it.full = full;
      for (const auto& cw : content_words(it.text, stop, stemmer, elisions))
        it.stems.push_back(
            stem_ids.emplace(cw.stem, static_cast<uint32_t>(stem_ids.size())).first->second);
      std::sort(it.stems.begin(), it.stems.end());
      it.stems.erase(std::unique(it.stems.begin(), it.stems.end()), it.stems.end());
      it.order = items.size();
      items.push_back(std::move(it));
    }
  }
  return items;
}

// Without an entity stage, a bare surname ("Poutine") joins the one fuller name that ends
// with it ("Vladimir Poutine") among the story's speakers.
void join_bare_surnames(std::vector<Item>& items) {
  std::set<std::string> speakers;
  for (const auto& it : items)
    if (!it.speaker.empty()) speakers.insert(it.speaker);
  for (auto& it : items) {
    if (it.speaker.empty()) continue;
    std::string f = fold_clean(it.speaker);
    std::string match;
    int n = 0;
    for (const auto& s : speakers) {
      std::string g = fold_clean(s);
      if (g.size() > f.size() && g.compare(g.size() - f.size(), f.size(), f) == 0 &&
          g[g.size() - f.size() - 1] == ' ') {
        match = s;
        ++n;
      }
    }
    if (n == 1) it.speaker = match;
  }
}

// True when two folded speakers' names are one person's: the same, or the same family name
// with, before it, first names a letter or two apart ("greek president karolos papoulias" /
// "carolos papoulias") or none in one of them ("papoulias"). Another first name is another
// person ("rob jones" / "nick jones"), and so is another family name.
bool one_speaker(std::string_view a, std::string_view b) {
  if (a == b) return true;
  auto last_words = [](std::string_view s) {
    const size_t space = s.rfind(' ');
    if (space == std::string_view::npos)
      return std::pair<std::string_view, std::string_view>{{}, s};
    const size_t before = s.rfind(' ', space - 1);
    const size_t first = before == std::string_view::npos ? 0 : before + 1;
    return std::pair{s.substr(first, space - first), s.substr(space + 1)};
  };
  const auto [first_a, family_a] = last_words(a);
  const auto [first_b, family_b] = last_words(b);
  if (family_a.empty() || family_a != family_b) return false;
  return first_a.empty() || first_b.empty() || !text::edits_beyond(first_a, first_b, 2);
}

// True when two quotes of one article are one statement printed twice: their words (as
// word_string gives them, stop words included) differ in one place only, by at most two words
// on either side ("I strongly doubt [Trump] understands…" / "I strongly doubt he
// understands…", "the mayor" / "[Ortiz]").
// Two statements of one person differ by more, however many content words they share ("We
// lost four boats in the storm" / "We never lost four boats in one storm before").
bool printed_twice(const std::string& a, const std::string& b) {
  const auto x = text::split_non_empty(a, ' '), y = text::split_non_empty(b, ' ');
  if (x.size() > y.size() + 2 || y.size() > x.size() + 2) return false;
  size_t front = 0;
  while (front < x.size() && front < y.size() && x[front] == y[front]) ++front;
  size_t back = 0;
  while (back < x.size() - front && back < y.size() - front &&
         x[x.size() - 1 - back] == y[y.size() - 1 - back])
    ++back;
  return x.size() - front - back <= 2 && y.size() - front - back <= 2 && front + back >= 4;
}

// How alike a quote without a named speaker ("said the company in a statement") must be to a
// named speaker's statement to be a wording of it: a company's or the police's words beside
// its spokesman's share the story's words, not his statement. On the dev sets, 0.6 (rather
// than quote_merge_threshold) left 30 of ~1,000 quotes apart; of the quote disagreements it
// removed two a reader found wrong, and none of the gold's.
constexpr double kUnattributedMergeThreshold = 0.6;

// The group whose items the quote `it` is most similar to (contained counts as identical;
// one content word in common, as nothing when both have more); -1 when none reaches the
// threshold (a stricter one when the speakers differ).
int best_group(const Item& it, const std::vector<Group>& groups, const std::vector<Item>& items,
               const SynthConfig& cfg) {
  int best = -1;
  double best_sim = 0;
  for (size_t g = 0; g < groups.size(); ++g) {
    const std::string& gs = groups[g].speaker;
    bool speakers_agree = it.speaker.empty() || gs.empty() ||
                          one_speaker(groups[g].speaker_folded, it.speaker_folded);
    for (size_t k : groups[g].distinct) {
      const Item& o = items[k];
      // The binary cosine of their stems; one word in common is no statement in common when
      // both quotes have more ("We do not want to change coaches" / "We've seen enough
      // coaches").
      const size_t shared = shared_stems(it.stems, o.stems);
      double sim = shared == 0 || shared < std::min<size_t>({2, it.stems.size(), o.stems.size()})
                       ? 0.0
                       : shared / std::sqrt(static_cast<double>(it.stems.size()) * o.stems.size());
      bool contained = !it.words.empty() && o.words.find(it.words) != std::string::npos;
      if (contained) sim = std::max(sim, 1.0);
      const double needed = it.speaker.empty() != gs.empty()
                                ? std::max(cfg.quote_merge_threshold, kUnattributedMergeThreshold)
                                : cfg.quote_merge_threshold;
      // Quotes of two people are one statement only in the same words: an outlet crediting
      // another speaker with them. Two people saying alike ("absolument pas besoin de fonds
      // propres" / "Nous n'avons pas besoin de fonds propres !") said two things.
      // One article quoting one person twice in other words gives two statements ("Fascinant :
      // un lancement sans Kim…" / "Il existe un précédent pour les lancements sans Kim…"); a
      // wording within the other is the same one printed again (a headline, a partial quote).
      const bool same_article = groups[g].articles.count(it.article) > 0;
      bool ok = !speakers_agree ? contained
                : same_article  ? contained || printed_twice(it.words, o.words)
                                : sim >= needed;
      if (ok && sim > best_sim) {
        best_sim = sim;
        best = static_cast<int>(g);
      }
    }
  }
  return best;
}

// Groups the quotes that are one statement. Full statements first, longer first: a group is
// seeded by its fullest wording.
std::vector<Group> group_quotes(const std::vector<Item>& items, const SynthConfig& cfg) {
  std::vector<size_t> order(items.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    if (items[x].full != items[y].full) return items[x].full;
    return items[x].words.size() > items[y].words.size();
  });
  std::vector<Group> groups;
  for (size_t i : order) {
    const Item& it = items[i];
    int best = best_group(it, groups, items, cfg);
    if (best < 0) {
      groups.emplace_back();
      groups.back().speaker = it.speaker;
      groups.back().speaker_folded = it.speaker_folded;
      groups.back().add(i, it.text, it.article);
    } else {
      groups[best].add(i, it.text, it.article);
      if (groups[best].speaker.empty()) {
        groups[best].speaker = it.speaker;
        groups[best].speaker_folded = it.speaker_folded;
      }
    }
  }
  return groups;
}

// One group as a merged quote, with the first position of its items: the text is the
// wording printed by the most articles (then the longest); every wording is a variant when
// there are several.
std::pair<size_t, MergedQuote> merged_quote(const Group& g, const std::vector<Item>& items,
                                            const StoryEvidence& ev) {
  MergedQuote mq;
  // Variants: distinct wordings (by folded words), each with its articles.
  std::map<std::string, size_t> variant_index;
  std::vector<std::vector<size_t>> variant_articles;
  std::vector<std::string> variant_text;
  std::vector<size_t> all_articles;
  bool any_full = false;
  size_t first = SIZE_MAX;
  for (size_t k : g.items) {
    const Item& it = items[k];
    first = std::min(first, it.order);
    any_full |= it.full;
    auto [pos, fresh] = variant_index.emplace(it.words, variant_text.size());
    if (fresh) {
      variant_text.push_back(it.text);
      variant_articles.push_back({});
    }
    variant_articles[pos->second].push_back(it.article);
    all_articles.push_back(it.article);
  }
  size_t best = 0;
  for (size_t v = 0; v < variant_text.size(); ++v) {
    auto n = article_ids(ev, variant_articles[v]).size();
    auto nb = article_ids(ev, variant_articles[best]).size();
    if (n > nb || (n == nb && variant_text[v].size() > variant_text[best].size())) best = v;
  }
  mq.speaker = g.speaker;
  mq.text = variant_text[best];
  mq.articles = article_ids(ev, all_articles);
  mq.kind = any_full ? "full" : "partial";
  if (variant_text.size() > 1)
    for (size_t v = 0; v < variant_text.size(); ++v)
      mq.variants.push_back({variant_text[v], article_ids(ev, variant_articles[v])});
  return {first, std::move(mq)};
}

}  // namespace

std::vector<MergedQuote> merge_quotes(const StoryEvidence& ev, const SynthResources& resources,
                                      const SynthConfig& cfg, size_t* quotes_found) {
  const text::StopWords& stop = resources.stop_words(ev.language);
  text::Stemmer stemmer(ev.language);
  size_t found = 0;
  std::vector<Item> items = collect_quotes(ev, stop, stemmer, resources.elisions(), cfg, &found);
  if (quotes_found) *quotes_found = found;
  if (ev.entities.empty()) join_bare_surnames(items);
  for (auto& it : items) it.speaker_folded = fold_clean(it.speaker);
  std::vector<Group> groups = group_quotes(items, cfg);
  std::vector<std::pair<size_t, MergedQuote>> ranked;  // (first order, quote)
  for (const auto& g : groups) ranked.push_back(merged_quote(g, items, ev));
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) {
    if ((x.second.kind == "full") != (y.second.kind == "full")) return x.second.kind == "full";
    if (x.second.articles.size() != y.second.articles.size())
      return x.second.articles.size() > y.second.articles.size();
    return x.first < y.first;
  });
  std::vector<MergedQuote> out;
  for (auto& r : ranked) {
    if (out.size() >= cfg.max_quotes) break;
    out.push_back(std::move(r.second));
  }
  return out;
}

}  // namespace recoupe::synth
