// The identity of an article on the web: one key for the same article under its many
// addresses (tracking parameters, AMP copies, www or not, http or https, a trailing slash),
// so that it is stored once.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace recoupe::feeds {

// A cleaned, still fetchable form of an http(s) URL: scheme and host lower case, default port
// (:80 for http, :443 for https) and user info dropped, fragment dropped, tracking parameters
// dropped (utm_*, fbclid, gclid, msclkid, mc_cid…; the others keep their order), AMP forms
// turned into the article's own address (a last or first path segment "amp", ".amp.html" →
// ".html", "amp=1" / "amp" / "outputType=amp" parameters), an empty path made "/", a
// trailing slash dropped from any other path ("/a/b/" → "/a/b"). "" when `url` is not an
// absolute http(s) URL with a host. Pure; linear.
std::string normalize_url(std::string_view url);

// The identity key: normalize_url, then "https" for the scheme and the host without a leading
// "www." or "amp." (two URLs with the same key are one article). "" as normalize_url. Pure.
std::string identity_key(std::string_view url);

// The article's canonical URL given the URL it was fetched from (after redirects) and the
// page's declarations (page_links.h): rel=canonical when it is an http(s) URL on the same
// site (same host without "www."), else og:url under the same condition, else `fetched_url`;
// normalized (normalize_url). A canonical pointing to another site is ignored: a page could
// otherwise claim another outlet's article. "" when none is an http(s) URL.
std::string canonical_url(std::string_view fetched_url,
                          const std::optional<std::string>& rel_canonical,
                          const std::optional<std::string>& og_url);

}  // namespace recoupe::feeds
