#include "index/candidate_index.h"

#include <algorithm>
#include <climits>

namespace recoupe::index {
namespace {
constexpr int32_t kNoTime = INT32_MIN;
int32_t to_posting_time(int64_t t) {
  return t == CandidateIndex::kUnknownTime ? kNoTime : int32_t(t);
}
}  // namespace

void CandidateIndex::post(uint32_t cluster, const std::vector<TermId>& terms, int64_t time) {
  ++version_;
  for (TermId t : terms) {
    if (t >= lists_.size()) {
      lists_.resize(std::max<size_t>(t + 1, lists_.size() * 3 / 2 + 1024));
      term_version_.resize(lists_.size(), 0);
    }
    lists_[t].push_back({cluster, to_posting_time(time)});
    term_version_[t] = version_;
    ++total_;
  }
  if (cluster >= max_cluster_) max_cluster_ = cluster + 1;
}

std::vector<uint32_t> CandidateIndex::query(const SparseVector& q, int64_t time_hours,
                                            int64_t window_hours, const Limits& limits) const {
  return query(q, time_hours, window_hours, limits, scratch_);
}

std::vector<uint32_t> CandidateIndex::query(const SparseVector& q, int64_t time_hours,
                                            int64_t window_hours, const Limits& limits,
                                            Scratch& scratch) const {
  const bool dated = time_hours != kUnknownTime;
  const int64_t low = dated ? time_hours - window_hours : 0;
  const int64_t high = dated ? time_hours + window_hours : 0;
  auto& slots = scratch.slots_;
  auto& touched = scratch.touched_;
  // Every posted cluster id is below max_cluster_: size once, no check per posting.
  if (slots.size() < max_cluster_) slots.resize(std::max<size_t>(max_cluster_, slots.size() * 2));
  touched.clear();
  // Stamps make "counted once per (term, cluster)" O(1) without clearing arrays.
  for (const auto& e : q.entries) {
    if (e.term >= lists_.size()) continue;
    const auto& list = lists_[e.term];
    if (++scratch.stamp_ == 0) {
      for (auto& s : slots) s.stamp = 0;
      scratch.stamp_ = 1;
    }
    const uint32_t stamp = scratch.stamp_;
    const size_t n = std::min(list.size(), limits.max_postings_per_term);
    const Posting* it = list.data() + list.size();
    for (size_t read = 0; read < n; ++read) {
      --it;
      if (dated && it->time != kNoTime && (it->time < low || it->time > high)) continue;
      Scratch::Slot& s = slots[it->cluster];
      if (s.stamp == stamp) continue;
      s.stamp = stamp;
      if (s.acc == 0.f) touched.push_back(it->cluster);
      s.acc += e.weight;
    }
  }
  std::vector<uint32_t> out(touched.begin(), touched.end());
  auto better = [&](uint32_t a, uint32_t b) {
    return slots[a].acc != slots[b].acc ? slots[a].acc > slots[b].acc : a < b;
  };
  if (out.size() > limits.max_candidates) {
    std::nth_element(out.begin(), out.begin() + limits.max_candidates, out.end(), better);
    out.resize(limits.max_candidates);
  }
  std::sort(out.begin(), out.end(), better);
  for (uint32_t c : touched) slots[c].acc = 0.f;
  return out;
}

void CandidateIndex::expire(int64_t before_hours) {
  total_ = 0;
  for (auto& list : lists_) {
    std::erase_if(list,
                  [&](const Posting& p) { return p.time != kNoTime && p.time < before_hours; });
    list.shrink_to_fit();
    total_ += list.size();
  }
}

size_t CandidateIndex::memory_bytes() const {
  size_t b = lists_.capacity() * sizeof(lists_[0]) + term_version_.capacity() * sizeof(uint64_t);
  for (const auto& l : lists_) b += l.capacity() * sizeof(Posting);
  return b;
}

}  // namespace recoupe::index
