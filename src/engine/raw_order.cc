#include "engine/raw_order.h"

#include <algorithm>

namespace recoupe::engine {

void RawOrder::add(Item item) {
  const uint64_t raw = item.message.raw_sequence;
  if (raw == 0) {
    unordered_.push_back(std::move(item));
    return;
  }
  held_.emplace(raw, std::move(item));  // a second one with the same raw sequence: dropped
}

void RawOrder::anchor(const std::function<bool(const Item&)>& pending) {
  if (next_raw_ || held_.empty()) return;
  for (const auto& [raw, item] : held_)
    if (pending(item)) {
      next_raw_ = raw;
      return;
    }
  next_raw_ = held_.rbegin()->first + 1;
}

std::vector<RawOrder::Item> RawOrder::release(Clock::time_point now) {
  std::vector<Item> out = std::move(unordered_);
  unordered_.clear();
  while (!held_.empty()) {
    auto first = held_.begin();
    if (!next_raw_) next_raw_ = first->first;
    if (first->first > *next_raw_) {  // raw sequences next_raw_ … first − 1 are still out
      if (!gap_since_) gap_since_ = now;
      if (now - *gap_since_ < gap_wait_) break;
      next_raw_ = first->first;  // waited long enough: on without them (placed when they come)
    }
    if (first->first == *next_raw_) ++*next_raw_;  // else a late one: placed as it comes
    out.push_back(std::move(first->second));
    held_.erase(first);
    gap_since_.reset();
  }
  return out;
}

int64_t RawOrder::settled(int64_t read_up_to) const {
  int64_t first_held = read_up_to + 1;
  for (const auto& [raw, item] : held_) first_held = std::min(first_held, item.cleaned_sequence);
  for (const auto& item : unordered_) first_held = std::min(first_held, item.cleaned_sequence);
  return first_held - 1;
}

}  // namespace recoupe::engine
