#include "store/story_identity.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace recoupe::store {

StoryIdentities assign_story_ids(const std::vector<std::string>& old_story_of,
                                 const std::vector<uint32_t>& labels,
                                 const std::function<std::string(size_t)>& name_new,
                                 const std::set<std::string>& taken,
                                 const std::vector<size_t>* among) {
  std::vector<size_t> all;
  if (!among) {
    all.resize(labels.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  }
  const std::vector<size_t>& named = among ? *among : all;
  std::map<uint32_t, size_t> label_first;                     // label → its first article
  std::map<std::string, size_t> old_first;                    // old id → its first article
  std::map<std::pair<uint32_t, std::string>, size_t> shared;  // (label, old id) → articles
  for (size_t i : named) label_first.try_emplace(labels[i], i);
  for (size_t i : named) {
    if (i >= old_story_of.size()) continue;
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

  // Names given in this call; `taken` is not copied (it holds every id of the store).
  std::set<std::string> given;
  auto is_used = [&](const std::string& name) {
    return taken.count(name) || old_first.count(name) || given.count(name);
  };
  for (const auto& [label, first] : label_first) {
    if (label_id.count(label)) continue;
    const std::string base = name_new(first);
    std::string name = base;
    for (int k = 2; is_used(name); ++k) name = base + "-" + std::to_string(k);
    given.insert(name);
    label_id[label] = name;
  }

  StoryIdentities out;
  out.story_of.reserve(named.size());
  for (size_t i : named) out.story_of.push_back(label_id[labels[i]]);
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

std::vector<uint32_t> first_articles(const std::vector<uint32_t>& labels) {
  std::vector<uint32_t> first_of_label;
  std::vector<uint32_t> out(labels.size());
  for (size_t i = 0; i < labels.size(); ++i) {
    if (labels[i] >= first_of_label.size()) first_of_label.resize(labels[i] + 1, UINT32_MAX);
    if (first_of_label[labels[i]] == UINT32_MAX) first_of_label[labels[i]] = uint32_t(i);
    out[i] = first_of_label[labels[i]];
  }
  return out;
}

namespace {

// Members of each story keyed by its first article: members(k) lists the articles whose
// key is k, ascending (compressed rows).
class MembersByFirst {
 public:
  explicit MembersByFirst(const std::vector<uint32_t>& first_of)
      : begin_(first_of.size() + 1, 0), members_(first_of.size()) {
    for (uint32_t k : first_of) ++begin_[k + 1];
    for (size_t k = 1; k < begin_.size(); ++k) begin_[k] += begin_[k - 1];
    std::vector<uint32_t> fill(begin_.begin(), begin_.end() - 1);
    for (size_t i = 0; i < first_of.size(); ++i) members_[fill[first_of[i]]++] = uint32_t(i);
  }
  template <typename F>
  void for_each(uint32_t first, F&& f) const {
    for (uint32_t j = begin_[first]; j < begin_[first + 1]; ++j) f(members_[j]);
  }

 private:
  std::vector<uint32_t> begin_;
  std::vector<uint32_t> members_;
};

}  // namespace

std::vector<size_t> affected_articles(const std::vector<uint32_t>& old_first,
                                      const std::vector<uint32_t>& labels) {
  const std::vector<uint32_t> new_first = first_articles(labels);
  const size_t n = new_first.size();
  const size_t m = std::min(old_first.size(), n);
  const std::vector<uint32_t> old_keys(old_first.begin(), old_first.begin() + m);
  const MembersByFirst new_members(new_first), old_members(old_keys);

  std::vector<bool> marked(n, false), new_seen(n, false), old_seen(m, false);
  // Stories to visit: new ones by their first article, old ones by theirs + n.
  std::vector<size_t> queue;
  auto visit_new = [&](uint32_t k) {
    if (!new_seen[k]) new_seen[k] = true, queue.push_back(k);
  };
  auto visit_old = [&](uint32_t k) {
    if (!old_seen[k]) old_seen[k] = true, queue.push_back(n + k);
  };
  for (size_t i = 0; i < n; ++i)
    if (i >= m || new_first[i] != old_keys[i]) {
      visit_new(new_first[i]);
      if (i < m) visit_old(old_keys[i]);
    }
  while (!queue.empty()) {
    const size_t story = queue.back();
    queue.pop_back();
    auto mark = [&](uint32_t j) {
      marked[j] = true;
      visit_new(new_first[j]);
      if (j < m) visit_old(old_keys[j]);
    };
    if (story < n)
      new_members.for_each(uint32_t(story), mark);
    else
      old_members.for_each(uint32_t(story - n), mark);
  }
  std::vector<size_t> out;
  for (size_t i = 0; i < n; ++i)
    if (marked[i]) out.push_back(i);
  return out;
}

}  // namespace recoupe::store
