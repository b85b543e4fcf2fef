#include "server/story_events.h"

#include <nlohmann/json.hpp>

namespace recoupe::server {

std::vector<StoryEvent> events_between(
    const StoryVersions& before, const StoryVersions& after,
    const std::function<std::optional<std::string>(const std::string&)>& successor,
    const std::set<std::string>& unchecked, std::optional<int64_t> through) {
  std::vector<StoryEvent> created, updated, merged;
  auto data = [&](const std::string& id) {
    nlohmann::ordered_json j{{"id", id}, {"checked", !unchecked.count(id)}};
    if (through) j["through"] = *through;
    return j.dump();
  };
  for (const auto& [id, version] : after) {
    auto was = before.find(id);
    if (was == before.end())
      created.push_back({0, "story.created", data(id)});
    else if (was->second != version)
      updated.push_back({0, "story.updated", data(id)});
  }
  for (const auto& [id, version] : before) {
    if (after.count(id)) continue;
    if (std::optional<std::string> into = successor(id))
      merged.push_back({0, "story.merged", nlohmann::json{{"from", id}, {"into", *into}}.dump()});
  }
  created.insert(created.end(), updated.begin(), updated.end());
  created.insert(created.end(), merged.begin(), merged.end());
  return created;
}

std::string sse_text(const StoryEvent& e) {
  return "id: " + std::to_string(e.id) + "\nevent: " + e.type + "\ndata: " + e.data + "\n\n";
}

void StoryEvents::publish(std::vector<StoryEvent> events) {
  if (events.empty()) return;
  {
    std::lock_guard lock(mutex_);
    for (StoryEvent& e : events) {
      e.id = next_id_++;
      kept_.push_back(std::move(e));
      if (kept_.size() > capacity_) kept_.pop_front();
    }
  }
  changed_.notify_all();
}

std::vector<StoryEvent> StoryEvents::wait_after(int64_t after, std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, timeout, [&] { return closed_ || next_id_ - 1 > after; });
  std::vector<StoryEvent> out;
  if (closed_) return out;
  for (const StoryEvent& e : kept_)
    if (e.id > after) out.push_back(e);
  return out;
}

int64_t StoryEvents::last_id() const {
  std::lock_guard lock(mutex_);
  return next_id_ - 1;
}

void StoryEvents::close() {
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
  }
  changed_.notify_all();
}

bool StoryEvents::closed() const {
  std::lock_guard lock(mutex_);
  return closed_;
}

bool StoryEvents::try_subscribe(size_t max) {
  std::lock_guard lock(mutex_);
  if (subscribers_ >= max) return false;
  ++subscribers_;
  return true;
}

void StoryEvents::unsubscribe() {
  std::lock_guard lock(mutex_);
  --subscribers_;
}

}  // namespace recoupe::server
