// Resolving a link found in a document against the document's URL (RFC 3986).
#pragma once

#include <string>
#include <string_view>

namespace recoupe::feeds {

// "../b.html" against "https://x.org/a/c.xml" → "https://x.org/b.html". Surrounding
// whitespace is trimmed. An absolute `link` is returned as is; with an empty `base` the
// link is returned trimmed. "" when `link` is empty or cannot be resolved. Pure; linear.
std::string resolve_url(std::string_view link, std::string_view base);

}  // namespace recoupe::feeds
