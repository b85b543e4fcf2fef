#include "feeds/sources.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "feeds/canonical_url.h"

namespace recoupe::feeds {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::vector<std::string_view> words_of(std::string_view line) {
  std::vector<std::string_view> words;
  size_t at = 0;
  while (at < line.size()) {
    while (at < line.size() && is_space(line[at])) ++at;
    size_t end = at;
    while (end < line.size() && !is_space(line[end])) ++end;
    if (end > at) words.push_back(line.substr(at, end - at));
    at = end;
  }
  return words;
}

bool is_language_code(std::string_view v) {
  return v.size() == 2 && v[0] >= 'a' && v[0] <= 'z' && v[1] >= 'a' && v[1] <= 'z';
}

// One non-blank, non-comment line into `source`; "" or what is wrong with it.
std::string read_line(std::string_view line, Source& source) {
  const std::vector<std::string_view> words = words_of(line);
  source.url = std::string(words[0]);
  if (normalize_url(source.url).empty())
    return "'" + source.url +
           "' is not an http(s) URL (a line is: URL [lang=xx] [discover] [outlet name])";
  std::string outlet;
  for (size_t i = 1; i < words.size(); ++i) {
    const std::string_view w = words[i];
    if (w == "discover") {
      source.discover = true;
    } else if (w.starts_with("lang=")) {
      if (!is_language_code(w.substr(5)))
        return "'" + std::string(w) + "': the language is two lower-case letters (lang=fr)";
      source.language = std::string(w.substr(5));
    } else if (w.find('=') != std::string_view::npos) {
      return "unknown setting '" + std::string(w) + "' (known: lang=xx, discover)";
    } else {
      if (!outlet.empty()) outlet += ' ';
      outlet += w;
    }
  }
  if (!outlet.empty()) source.outlet = std::move(outlet);
  return "";
}

}  // namespace

Expected<std::vector<Source>> parse_sources(std::string_view text, const std::string& file) {
  std::vector<Source> sources;
  std::map<std::string, std::string> first_line;  // identity key → "file:line"
  size_t at = 0;
  for (int number = 1; at < text.size(); ++number) {
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    at = end + 1;
    if (size_t hash = line.find('#');
        hash != std::string_view::npos && (hash == 0 || is_space(line[hash - 1])))
      line = line.substr(0, hash);  // a '#' inside a URL (a fragment) is no comment
    if (words_of(line).empty()) continue;
    Source s;
    s.where = file + ":" + std::to_string(number);
    if (std::string why = read_line(line, s); !why.empty()) return Error{s.where, why};
    auto [it, fresh] = first_line.emplace(identity_key(s.url), s.where);
    if (!fresh) return Error{s.where, s.url + " is listed already (" + it->second + ")"};
    sources.push_back(std::move(s));
  }
  if (sources.empty())
    return Error{file, "no source listed (one feed, sitemap or page URL a line)"};
  return sources;
}

Expected<std::vector<Source>> load_sources(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    return Error{path, "is a folder, not a sources file"};
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path, "cannot read the sources file"};
  std::stringstream ss;
  ss << in.rdbuf();
  return parse_sources(ss.str(), path);
}

}  // namespace recoupe::feeds
