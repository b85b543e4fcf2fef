#include "extract/url_host.h"

#include "text/fold.h"

namespace recoupe::extract {

std::string url_host(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (size_t at = rest.rfind('@'); at != std::string_view::npos) rest = rest.substr(at + 1);
  std::string host = text::ascii_lower(rest.substr(0, rest.find(':')));
  if (host.starts_with("www.")) host = host.substr(4);
  return host;
}

}  // namespace recoupe::extract
