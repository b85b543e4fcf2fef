#include "synth/framing.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "synth/article_reading.h"
#include "text/fold.h"
#include "text/words.h"

namespace recoupe::synth {
namespace {

// A term made only of words of the story's entity names: the entity list has it.
bool names_only(const FramingTerm& t, const std::unordered_set<std::string>& names) {
  for (const auto& w : t.content_words)
    if (!names.count(w)) return false;
  return true;
}

}  // namespace

std::vector<ArticleFraming> article_framing(const StoryEvidence& ev,
                                            const SynthResources& resources,
                                            const SynthConfig& cfg) {
  const text::StopWords& stop = resources.stop_words(ev.language);
  std::unordered_set<std::string> names;
  for (const auto& e : ev.entities)
    for (const auto& alias : e.aliases)
      for (const auto& sp : text::word_spans(alias, resources.elisions()))
        names.insert(text::fold(std::string_view(alias).substr(sp.begin, sp.end - sp.begin)));
  const StoryReadings readings(ev, resources, cfg);
  const size_t n = ev.articles.size();
  // Each article's terms, those made only of entity names left out.
  std::vector<std::vector<std::pair<const std::string*, const FramingTerm*>>> counts(n);
  std::unordered_map<std::string_view, int> total;  // key → count over the story
  long total_n = 0;
  std::vector<long> article_n(n, 0);
  for (size_t a = 0; a < n; ++a) {
    for (const auto& [k, t] : readings[a].framing_terms) {
      if (names_only(t, names)) continue;
      counts[a].push_back({&k, &t});
      total[k] += t.count;
      article_n[a] += t.count;
    }
    total_n += article_n[a];
  }
  std::vector<ArticleFraming> out;
  for (size_t a = 0; a < n; ++a) {
    ArticleFraming f;
    f.article = ev.articles[a]->id;
    f.headline = readings[a].headline;
    if (n >= 2) {
      const double na = static_cast<double>(article_n[a]);
      const double nb = static_cast<double>(total_n - article_n[a]);
      const double a0 = cfg.framing_prior;
      struct Scored {
        double z;
        const std::string* key;
        const FramingTerm* term;
      };
      std::vector<Scored> scored;
      for (const auto& [k, t] : counts[a]) {
        const double in_story = total.at(*k);
        const double ya = t->count;
        const double yb = in_story - t->count;
        const double alpha = 0.5 + a0 * in_story / std::max(1.0, static_cast<double>(total_n));
        const double alpha0 = a0 + 0.5 * static_cast<double>(total.size());
        double delta = std::log((ya + alpha) / (na + alpha0 - ya - alpha)) -
                       std::log((yb + alpha) / (nb + alpha0 - yb - alpha));
        double z = delta / std::sqrt(1.0 / (ya + alpha) + 1.0 / (yb + alpha));
        if (t->words > 1) z *= cfg.framing_phrase_boost;
        if (t->in_headline) z *= 1.2;
        if (t->all_upper) z *= 0.5;
        if (z < cfg.framing_min_z) continue;
        scored.push_back({z, k, t});
      }
      // Ties: first used first, then by key (the order terms were counted in says nothing).
      std::sort(scored.begin(), scored.end(), [](const Scored& x, const Scored& y) {
        if (x.z != y.z) return x.z > y.z;
        if (x.term->first != y.term->first) return x.term->first < y.term->first;
        return *x.key < *y.key;
      });
      // A term sharing a content word with one already chosen says the same thing again
      // ("poignée de main", "échangent une poignée").
      std::unordered_set<std::string> chosen_words;
      for (const auto& [z, key, t] : scored) {
        if (f.distinctive_terms.size() >= cfg.framing_terms) break;
        std::vector<std::string> words;
        for (const auto& sp : text::word_spans(t->surface, resources.elisions())) {
          std::string w =
              text::fold(std::string_view(t->surface).substr(sp.begin, sp.end - sp.begin));
          if (w.size() >= 3 && !stop.contains(w)) words.push_back(std::move(w));
        }
        bool overlaps = false;
        for (const auto& w : words) overlaps |= chosen_words.count(w) > 0;
        if (overlaps) continue;
        chosen_words.insert(words.begin(), words.end());
        f.distinctive_terms.push_back(t->surface);
      }
    }
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace recoupe::synth
