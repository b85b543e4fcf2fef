#include "server/routes.h"

#include <fmt/format.h>

namespace recoupe::server {

bool matches(std::string_view pattern, std::string_view path) {
  for (;;) {
    const size_t hole = pattern.find('{');
    if (hole == std::string_view::npos) return pattern == path;
    if (path.substr(0, hole) != pattern.substr(0, hole)) return false;
    const size_t close = pattern.find('}', hole);
    if (close == std::string_view::npos) return false;  // not a pattern: nothing matches
    const bool rest = pattern.substr(hole, close - hole).ends_with("...");
    pattern.remove_prefix(close + 1);
    path.remove_prefix(hole);
    if (rest) return !path.empty() && pattern.empty();
    const size_t end = path.find('/');
    const size_t segment = end == std::string_view::npos ? path.size() : end;
    if (segment == 0) return false;
    path.remove_prefix(segment);
  }
}

RouteCheck check_route(const std::vector<Route>& routes, std::string_view method,
                       std::string_view path) {
  RouteCheck check;
  for (const Route& r : routes) {
    if (!matches(r.pattern, path)) continue;
    if (method == r.methods || (r.methods == "GET" && method == "HEAD")) return check;
    check.status = 405;
    check.allow = r.methods == "GET" ? "GET, HEAD" : r.methods;
    check.message = fmt::format("{} takes {}, not {}", path, r.methods, method);
    return check;
  }
  check.status = 404;
  check.message = fmt::format("no such endpoint: {}", path);
  return check;
}

}  // namespace recoupe::server
