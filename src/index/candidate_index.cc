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
  for (TermId t : terms) {
    if (t >= lists_.size()) lists_.resize(std::max<size_t>(t + 1, lists_.size() * 3 / 2 + 1024));
    lists_[t].push_back({cluster, to_posting_time(time)});
    ++total_;
  }
}

std::vector<uint32_t> CandidateIndex::query(const SparseVector& q, int64_t time_hours,
                                            int64_t window_hours, const Limits& limits) const {
  const bool dated = time_hours != kUnknownTime;
  const int64_t low = dated ? time_hours - window_hours : 0;
  const int64_t high = dated ? time_hours + window_hours : 0;
  touched_.clear();
  // Stamps make "counted once per (term, cluster)" O(1) without clearing arrays.
  for (const auto& e : q.entries) {
    if (e.term >= lists_.size()) continue;
    const auto& list = lists_[e.term];
    ++stamp_;
    if (stamp_ == 0) {
      std::fill(last_term_.begin(), last_term_.end(), 0);
      stamp_ = 1;
    }
    size_t read = 0;
    for (auto it = list.rbegin(); it != list.rend() && read < limits.max_postings_per_term;
         ++it, ++read) {
      if (dated && it->time != kNoTime && (it->time < low || it->time > high)) continue;
      uint32_t c = it->cluster;
      if (c >= acc_.size()) {
        size_t n = std::max<size_t>(c + 1, acc_.size() * 2);
        acc_.resize(n, 0.f);
        last_term_.resize(n, 0);
      }
      if (last_term_[c] == stamp_) continue;
      last_term_[c] = stamp_;
      if (acc_[c] == 0.f) touched_.push_back(c);
      acc_[c] += e.weight;
    }
  }
  std::vector<uint32_t> out(touched_.begin(), touched_.end());
  auto better = [&](uint32_t a, uint32_t b) {
    return acc_[a] != acc_[b] ? acc_[a] > acc_[b] : a < b;
  };
  if (out.size() > limits.max_candidates) {
    std::nth_element(out.begin(), out.begin() + limits.max_candidates, out.end(), better);
    out.resize(limits.max_candidates);
  }
  std::sort(out.begin(), out.end(), better);
  for (uint32_t c : touched_) acc_[c] = 0.f;
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
  size_t b = lists_.capacity() * sizeof(lists_[0]);
  for (const auto& l : lists_) b += l.capacity() * sizeof(Posting);
  return b;
}

}  // namespace recoupe::index
