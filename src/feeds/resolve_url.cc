#include "feeds/resolve_url.h"

#include <libxml/uri.h>
#include <libxml/xmlmemory.h>

namespace recoupe::feeds {

std::string resolve_url(std::string_view link, std::string_view base) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!link.empty() && is_space(link.front())) link.remove_prefix(1);
  while (!link.empty() && is_space(link.back())) link.remove_suffix(1);
  if (link.empty()) return "";
  if (base.empty()) return std::string(link);
  const std::string l(link), b(base);
  xmlChar* built = xmlBuildURI(reinterpret_cast<const xmlChar*>(l.c_str()),
                               reinterpret_cast<const xmlChar*>(b.c_str()));
  if (!built) return "";
  std::string out(reinterpret_cast<const char*>(built));
  xmlFree(built);
  return out;
}

}  // namespace recoupe::feeds
