#include "store/story_identity.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace recoupe::store {

StoryIdentities assign_story_ids(const std::vector<std::string>& old_story_of,
                                 const std::vector<uint32_t>& labels,
                                 const std::function<std::string(size_t)>& name_new,
                                 const std::set<std::string>& taken) {
  const size_t n = labels.size();
  std::map<uint32_t, size_t> label_first;                     // label → its first article
  std::map<std::string, size_t> old_first;                    // old id → its first article
  std::map<std::pair<uint32_t, std::string>, size_t> shared;  // (label, old id) → articles
  for (size_t i = 0; i < n; ++i) label_first.try_emplace(labels[i], i);
  for (size_t i = 0; i < old_story_of.size() && i < n; ++i) {
    old_first.try_emplace(old_story_of[i], i);
    ++shared[{labels[i], old_story_of[i]}];
  }

  struct Pair {
    size_t count, old_first, label_first;
    uint32_t label;
    std::string old_id;
  };
  std::vector<Pair> pairs;
  for (const auto& [key, count] : shared)
    pairs.push_back({count, old_first[key.second], label_first[key.first], key.first, key.second});
  std::sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) {
    return std::tie(b.count, a.old_first, a.label_first) <
           std::tie(a.count, b.old_first, b.label_first);
  });
  std::map<uint32_t, std::string> label_id;
  std::set<std::string> continued;
  for (const Pair& p : pairs)
    if (!label_id.count(p.label) && !continued.count(p.old_id)) {
      label_id[p.label] = p.old_id;
      continued.insert(p.old_id);
    }

  std::set<std::string> given(taken.begin(), taken.end());
  for (const auto& [id, first] : old_first) given.insert(id);
  for (const auto& [label, first] : label_first) {
    if (label_id.count(label)) continue;
    const std::string base = name_new(first);
    std::string name = base;
    for (int k = 2; given.count(name); ++k) name = base + "-" + std::to_string(k);
    given.insert(name);
    label_id[label] = name;
  }

  StoryIdentities out;
  out.story_of.reserve(n);
  for (size_t i = 0; i < n; ++i) out.story_of.push_back(label_id[labels[i]]);
  for (const auto& [old_id, first] : old_first) {
    if (continued.count(old_id)) continue;
    // Merged away: its successor is the new story holding most of its articles.
    const Pair* best = nullptr;
    for (const Pair& p : pairs)
      if (p.old_id == old_id && (!best || p.count > best->count ||
                                 (p.count == best->count && p.label_first < best->label_first)))
        best = &p;
    out.redirects.push_back({old_id, label_id[best->label]});
  }
  return out;
}

}  // namespace recoupe::store
