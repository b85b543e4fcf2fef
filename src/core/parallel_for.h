// parallel_for: the one thread-pool loop of recoupe (extraction, features, refinement and
// cross-check all use it), so thread counts mean the same everywhere.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace recoupe {

// The number of workers for a requested thread count: itself, or every core when 0.
inline unsigned worker_count(unsigned requested) {
  return requested ? requested : std::max(1u, std::thread::hardware_concurrency());
}

// Calls fn(worker, i) for every i in [begin, end) on worker_count(threads) threads, the
// caller's included as worker 0, and at most one worker per `min_items` items (starting a
// thread costs more than a few cheap items). Indices are handed out one at a time, so a few
// costly items do not stall a worker. `worker` (0 .. workers-1) lets fn use per-worker
// state; results must not depend on which worker ran an item. Blocks until every item is
// done. fn must not throw.
template <class F>
void parallel_for(size_t begin, size_t end, unsigned threads, F&& fn, size_t min_items = 1) {
  const size_t n = end > begin ? end - begin : 0;
  const size_t most = std::max<size_t>(1, n / std::max<size_t>(1, min_items));
  const unsigned workers = static_cast<unsigned>(std::min<size_t>(worker_count(threads), most));
  if (workers <= 1) {
    for (size_t i = begin; i < end; ++i) fn(0u, i);
    return;
  }
  std::atomic<size_t> next{begin};
  auto work = [&](unsigned worker) {
    for (size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < end;) fn(worker, i);
  };
  std::vector<std::thread> pool;
  pool.reserve(workers - 1);
  for (unsigned w = 1; w < workers; ++w) pool.emplace_back(work, w);
  work(0);
  for (auto& t : pool) t.join();
}

}  // namespace recoupe
