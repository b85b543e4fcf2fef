// The paths the API answers and the methods each takes: the check made before any handler
// runs, so that an unknown path is a JSON 404 and a method the path does not take a 405
// naming the ones it does (docs/api.md). Pure functions over a table of patterns; no
// regular expressions, so the cost is linear in the path whatever its length.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace recoupe::server {

// A pattern is a path where "{id}" stands for one non-empty segment (no '/') and "{id...}"
// (last only) for the non-empty rest of the path, '/' included: "/api/stories/{id}",
// "/api/articles/{id...}". `methods` is "GET" (HEAD goes with it) or "POST".
struct Route {
  std::string pattern;
  std::string methods;
};

// True when `path` (percent-decoded, without the query) matches `pattern`.
bool matches(std::string_view pattern, std::string_view path);

// What to do with a request before routing it.
struct RouteCheck {
  int status = 0;     // 0: route it; else answer this status (404, 405)
  std::string allow;  // the Allow header of a 405
  std::string message;
};

// The first route of `routes` whose pattern matches `path` decides: its method (or HEAD for
// GET) is routed, another is a 405; no route matching is a 404.
RouteCheck check_route(const std::vector<Route>& routes, std::string_view method,
                       std::string_view path);

}  // namespace recoupe::server
