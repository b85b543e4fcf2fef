#include "synth/cross_check_budget.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

namespace recoupe::synth {
namespace {

bool utf8_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Adds the reprints credited to the articles of `ids` and puts the list back in story order.
void credit(std::vector<std::string>& ids,
            const std::unordered_map<std::string, std::vector<std::string>>& reprints_of,
            const std::unordered_map<std::string, size_t>& position) {
  size_t n = ids.size();
  for (size_t i = 0; i < n; ++i) {
    auto it = reprints_of.find(ids[i]);
    if (it == reprints_of.end()) continue;
    ids.insert(ids.end(), it->second.begin(), it->second.end());
  }
  if (ids.size() == n) return;
  auto pos = [&](const std::string& id) {
    auto it = position.find(id);
    return it == position.end() ? SIZE_MAX : it->second;
  };
  std::stable_sort(ids.begin(), ids.end(),
                   [&](const std::string& x, const std::string& y) { return pos(x) < pos(y); });
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

}  // namespace

size_t cross_check_prefix(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text.size();
  // The prefix may end right before text[max_bytes]: a break there still fits.
  const std::string_view head = text.substr(0, max_bytes + 1);
  const size_t half = max_bytes / 2;
  // Trailing spaces and line breaks of the part read are not text.
  auto trimmed = [&](size_t cut) {
    while (cut > 0 && (text[cut - 1] == '\n' || text[cut - 1] == ' ' || text[cut - 1] == '\r'))
      --cut;
    return cut;
  };
  size_t nl = head.rfind('\n');
  if (nl != std::string_view::npos && nl >= half && trimmed(nl) >= half) return trimmed(nl);
  for (size_t i = head.size(); i-- > half + 1;) {
    if (head[i] != ' ' && head[i] != '\n') continue;
    char p = head[i - 1];
    bool ellipsis = i >= 3 && head.substr(i - 3, 3) == "\xE2\x80\xA6";
    if (p == '.' || p == '!' || p == '?' || ellipsis) return i;
  }
  size_t sp = head.rfind(' ');
  if (sp != std::string_view::npos && sp >= half) return trimmed(sp);
  size_t cut = max_bytes;
  while (cut > 0 && utf8_continuation(text[cut])) --cut;
  return cut;
}

BudgetedStory budget_story(std::vector<Article> articles, std::vector<std::string> duplicate_of,
                           const SynthConfig& cfg) {
  BudgetedStory out;
  duplicate_of.resize(articles.size());
  std::unordered_set<std::string> read_ids;
  std::unordered_map<std::string, size_t> reprints_read;  // original id → its reprints read
  size_t bytes = 0;
  for (size_t i = 0; i < articles.size(); ++i) {
    Article& a = articles[i];
    out.story_order.push_back(a.id);
    const std::string& original = duplicate_of[i];
    // A reprint of an original that is read: it may be credited instead of read.
    const bool reprint = !original.empty() && original != a.id && read_ids.count(original);
    if (reprint && reprints_read[original] >= cfg.max_reprints_read) {
      out.credited_reprints.push_back({a.id, original});
      continue;
    }
    if (bytes >= cfg.max_story_bytes) {
      out.unread.push_back(a.id);
      continue;
    }
    size_t keep = cross_check_prefix(a.text, cfg.max_article_bytes);
    if (keep < a.text.size()) {
      out.cuts.push_back({out.articles.size(), a.text.size()});
      a.text.resize(keep);
    }
    bytes += a.text.size();
    if (reprint) ++reprints_read[original];
    read_ids.insert(a.id);
    out.articles.push_back(std::move(a));
    out.duplicate_of.push_back(original);
  }
  return out;
}

std::vector<std::string> budget_notices(const BudgetedStory& story,
                                        const std::vector<size_t>& sentences_read,
                                        const SynthConfig& cfg) {
  std::vector<std::string> out;
  for (const ArticleCut& cut : story.cuts) {
    const Article& a = story.articles[cut.article];
    size_t sentences = cut.article < sentences_read.size() ? sentences_read[cut.article] : 0;
    out.push_back(fmt::format(
        "cross-check used the first {} sentences ({} of {} KB) of article {} "
        "(synth.max_article_bytes)",
        sentences, (a.text.size() + 1023) / 1024, (cut.total_bytes + 1023) / 1024, a.id));
  }
  if (!story.credited_reprints.empty()) {
    std::unordered_map<std::string, size_t> per_original;
    std::vector<std::string> originals;
    for (const auto& [reprint, original] : story.credited_reprints)
      if (per_original[original]++ == 0) originals.push_back(original);
    for (const auto& original : originals)
      out.push_back(fmt::format(
          "cross-check read {} reprints of article {}; +{} more reprints are credited with it, "
          "not read again (synth.max_reprints_read)",
          cfg.max_reprints_read, original, per_original[original]));
  }
  if (!story.unread.empty())
    out.push_back(fmt::format(
        "cross-check read the first {} articles of the story ({} KB); +{} more articles were "
        "not read (synth.max_story_bytes)",
        story.articles.size(), cfg.max_story_bytes / 1024, story.unread.size()));
  return out;
}

void credit_reprints(const BudgetedStory& story, CrossCheck& cc) {
  if (story.credited_reprints.empty()) return;
  std::unordered_map<std::string, std::vector<std::string>> reprints_of;
  for (const auto& [reprint, original] : story.credited_reprints)
    reprints_of[original].push_back(reprint);
  std::unordered_map<std::string, size_t> position;
  for (size_t i = 0; i < story.story_order.size(); ++i) position.emplace(story.story_order[i], i);
  auto fix = [&](std::vector<std::string>& ids) { credit(ids, reprints_of, position); };
  for (auto& s : cc.summary) fix(s.articles);
  for (auto& c : cc.corroborated) fix(c.articles);
  for (auto& s : cc.single_source) fix(s.articles);
  for (auto& d : cc.disagreements)
    for (auto& v : d.versions) fix(v.articles);
  for (auto& q : cc.quotes) {
    fix(q.articles);
    for (auto& v : q.variants) fix(v.articles);
  }
  for (auto& e : cc.entities) fix(e.articles);
  for (auto& t : cc.timeline) fix(t.articles);
}

}  // namespace recoupe::synth
