#include "fetch/robots.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>

#include "text/fold.h"

namespace recoupe::fetch {
namespace {

constexpr size_t kMaxRobotsBytes = 500 * 1024;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// Does `pattern` ('*' any run, final '$' the end) match the start of `path`? Iterative with
// one backtrack point per '*', as glob matchers do: linear-ish, never exponential.
bool matches(std::string_view pattern, std::string_view path) {
  bool anchored = !pattern.empty() && pattern.back() == '$';
  if (anchored) pattern.remove_suffix(1);
  size_t p = 0, s = 0, star = std::string_view::npos, star_s = 0;
  while (true) {
    if (p == pattern.size()) {
      if (!anchored || s == path.size()) return true;
    } else if (pattern[p] == '*') {
      star = p++;
      star_s = s;
      continue;
    } else if (s < path.size() && pattern[p] == path[s]) {
      ++p;
      ++s;
      continue;
    }
    if (star == std::string_view::npos || star_s >= path.size()) return false;
    p = star + 1;
    s = ++star_s;
  }
}

}  // namespace

RobotsRules RobotsRules::disallow_all() {
  RobotsRules r;
  r.rules_.push_back({"/", false});
  return r;
}

RobotsRules RobotsRules::parse(std::string_view text, std::string_view agent) {
  text = text.substr(0, kMaxRobotsBytes);
  const std::string me = text::ascii_lower(agent);
  // Groups: consecutive User-agent lines open a group; the rules after them belong to it.
  RobotsRules mine, any;
  bool have_mine = false, have_any = false;
  bool in_agents = false, group_mine = false, group_any = false;
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    at = end + 1;
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string key = text::ascii_lower(trim(line.substr(0, colon)));
    const std::string_view value = trim(line.substr(colon + 1));
    if (key == "user-agent") {
      if (!in_agents) group_mine = group_any = false;
      in_agents = true;
      const std::string v = text::ascii_lower(value);
      if (v == "*") {
        group_any = true;
        have_any = true;
      } else if (!v.empty() &&
                 (v.find(me) != std::string::npos || me.find(v) != std::string::npos)) {
        group_mine = true;
        have_mine = true;
      }
      continue;
    }
    in_agents = false;
    if (!group_mine && !group_any) continue;
    for (RobotsRules* target : {group_mine ? &mine : nullptr, group_any ? &any : nullptr}) {
      if (!target) continue;
      if (key == "allow" || key == "disallow") {
        if (value.empty()) continue;  // "Disallow:" alone allows everything
        target->rules_.push_back({std::string(value), key == "allow"});
      } else if (key == "crawl-delay") {
        char* stop = nullptr;
        const std::string v(value);
        double seconds = std::strtod(v.c_str(), &stop);
        if (stop != v.c_str() && seconds >= 0) target->crawl_delay_ = seconds;
      }
    }
  }
  if (have_mine) return mine;
  if (have_any) return any;
  return RobotsRules();
}

bool RobotsRules::allows(std::string_view path) const {
  if (path.empty()) path = "/";
  if (path == "/robots.txt") return true;
  size_t best = 0;
  bool allowed = true, matched = false;
  for (const auto& r : rules_) {
    if (!matches(r.pattern, path)) continue;
    const size_t len = r.pattern.size();
    if (!matched || len > best || (len == best && r.allow)) {
      allowed = r.allow;
      best = len;
      matched = true;
    }
  }
  return allowed;
}

}  // namespace recoupe::fetch
