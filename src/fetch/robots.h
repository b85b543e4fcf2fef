// robots.txt (RFC 9309): which paths of a site a crawler named `agent` may fetch, and the
// delay the site asks for between requests.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace recoupe::fetch {

class RobotsRules {
 public:
  // Everything allowed (no robots.txt, or one answered 4xx).
  static RobotsRules allow_all() { return RobotsRules(); }
  // Nothing allowed (robots.txt unreachable: the site is treated as closed, RFC 9309 §2.3.1.4).
  static RobotsRules disallow_all();

  // Reads `text` for the crawler `agent` ("recoupe"): the group whose User-agent names the
  // agent (case-insensitive, the agent's product token is contained in the line's value), else
  // the "*" group, else nothing is disallowed. Lines: User-agent, Allow, Disallow, Crawl-delay;
  // comments (#) and unknown lines ignored; patterns take '*' (any run) and a final '$'. At most
  // the first 500 KB are read (RFC 9309 asks for 500 KiB at least). Never fails. Linear.
  static RobotsRules parse(std::string_view text, std::string_view agent);

  // True when `path` ("/a/b?q=1", the URL's path and query) may be fetched: the longest
  // matching pattern decides, Allow winning a tie; no match allows. "/robots.txt" is always
  // allowed. Cost: rules × path length.
  bool allows(std::string_view path) const;

  // The Crawl-delay of the chosen group, in seconds, if it gave one.
  std::optional<double> crawl_delay() const { return crawl_delay_; }

 private:
  struct Rule {
    std::string pattern;
    bool allow = false;
  };
  std::vector<Rule> rules_;
  std::optional<double> crawl_delay_;
};

}  // namespace recoupe::fetch
