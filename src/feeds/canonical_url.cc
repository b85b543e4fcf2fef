#include "feeds/canonical_url.h"

#include <array>
#include <vector>

#include "text/fold.h"

namespace recoupe::feeds {
namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// Query parameters that say where a click came from, not which page it is.
bool is_tracking_parameter(std::string_view name) {
  const std::string n = text::ascii_lower(name);
  if (starts_with(n, "utm_")) return true;
  static constexpr std::array<std::string_view, 20> kNames = {
      "fbclid",  "gclid",  "dclid",   "gbraid", "wbraid",    "msclkid",    "mc_cid",
      "mc_eid",  "igshid", "yclid",   "_ga",    "_gl",       "_hsenc",     "_hsmi",
      "mkt_tok", "ocid",   "ref_src", "xtor",   "at_medium", "at_campaign"};
  for (auto k : kNames)
    if (n == k) return true;
  return false;
}

// Parameters that only ask for the AMP copy of the same article.
bool is_amp_parameter(std::string_view param) {
  const std::string p = text::ascii_lower(param);
  return p == "amp" || p == "amp=1" || p == "amp=true" || p == "outputtype=amp";
}

struct Parts {
  std::string scheme, host, port, path, query;
};

std::optional<Parts> split(std::string_view url) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!url.empty() && space(url.front())) url.remove_prefix(1);
  while (!url.empty() && space(url.back())) url.remove_suffix(1);
  Parts p;
  size_t colon = url.find("://");
  if (colon == std::string_view::npos) return std::nullopt;
  p.scheme = text::ascii_lower(url.substr(0, colon));
  if (p.scheme != "http" && p.scheme != "https") return std::nullopt;
  std::string_view rest = url.substr(colon + 3);
  if (size_t hash = rest.find('#'); hash != std::string_view::npos) rest = rest.substr(0, hash);
  size_t end = rest.find_first_of("/?");
  std::string_view authority = rest.substr(0, end);
  rest = end == std::string_view::npos ? std::string_view() : rest.substr(end);
  if (size_t at = authority.rfind('@'); at != std::string_view::npos)
    authority = authority.substr(at + 1);
  // A port follows the last ':' unless it is inside an IPv6 literal "[::1]".
  size_t port_colon = authority.rfind(':');
  if (port_colon != std::string_view::npos &&
      authority.find(']', port_colon) == std::string_view::npos) {
    p.port = std::string(authority.substr(port_colon + 1));
    authority = authority.substr(0, port_colon);
  }
  p.host = text::ascii_lower(authority);
  while (!p.host.empty() && p.host.back() == '.') p.host.pop_back();  // "example.com."
  if (p.host.empty()) return std::nullopt;
  if ((p.scheme == "http" && p.port == "80") || (p.scheme == "https" && p.port == "443"))
    p.port.clear();
  size_t q = rest.find('?');
  p.path = std::string(rest.substr(0, q));
  if (q != std::string_view::npos) p.query = std::string(rest.substr(q + 1));
  return p;
}

std::string without_amp_path(std::string path) {
  if (ends_with(path, ".amp.html"))
    path = path.substr(0, path.size() - 9) + ".html";
  else if (ends_with(path, ".amp"))
    path.resize(path.size() - 4);
  if (ends_with(path, "/amp/"))
    path.resize(path.size() - 4);
  else if (ends_with(path, "/amp"))
    path.resize(path.size() - 3);
  if (starts_with(path, "/amp/")) path.erase(0, 4);
  return path;
}

std::string clean_query(const std::string& query) {
  std::string out;
  size_t at = 0;
  while (at <= query.size()) {
    size_t end = query.find('&', at);
    if (end == std::string::npos) end = query.size();
    std::string_view param = std::string_view(query).substr(at, end - at);
    std::string_view name = param.substr(0, param.find('='));
    if (!param.empty() && !is_tracking_parameter(name) && !is_amp_parameter(param)) {
      if (!out.empty()) out += '&';
      out += param;
    }
    at = end + 1;
  }
  return out;
}

std::string join(const Parts& p) {
  std::string url = p.scheme + "://" + p.host;
  if (!p.port.empty()) url += ":" + p.port;
  url += p.path;
  if (!p.query.empty()) url += "?" + p.query;
  return url;
}

std::optional<Parts> normalized_parts(std::string_view url) {
  auto p = split(url);
  if (!p) return std::nullopt;
  p->path = without_amp_path(p->path);
  if (p->path.empty()) p->path = "/";
  while (p->path.size() > 1 && p->path.back() == '/') p->path.pop_back();
  p->query = clean_query(p->query);
  return p;
}

std::string site_of(const std::string& host) {
  for (std::string_view prefix : {"www.", "amp."})
    if (starts_with(host, prefix)) return host.substr(prefix.size());
  return host;
}

}  // namespace

std::string normalize_url(std::string_view url) {
  auto p = normalized_parts(url);
  return p ? join(*p) : "";
}

std::string identity_key(std::string_view url) {
  auto p = normalized_parts(url);
  if (!p) return "";
  p->scheme = "https";
  if (p->port == "443") p->port.clear();
  p->host = site_of(p->host);
  return join(*p);
}

std::string canonical_url(std::string_view fetched_url,
                          const std::optional<std::string>& rel_canonical,
                          const std::optional<std::string>& og_url) {
  auto fetched = split(fetched_url);
  for (const auto& declared : {rel_canonical, og_url}) {
    if (!declared) continue;
    auto d = split(*declared);
    if (d && (!fetched || site_of(d->host) == site_of(fetched->host)))
      return normalize_url(*declared);
  }
  return normalize_url(fetched_url);
}

}  // namespace recoupe::feeds
