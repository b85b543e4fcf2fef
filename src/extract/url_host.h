// The host of a URL, as an outlet's name when nothing better is known.
#pragma once

#include <string>
#include <string_view>

namespace recoupe::extract {

// "https://www.Example.com:8080/a?b" → "example.com": lower case, without "www.", port,
// path, query or fragment; user info ("user@") dropped. "" when `url` has no "scheme://"
// or no host. Pure; linear.
std::string url_host(std::string_view url);

}  // namespace recoupe::extract
