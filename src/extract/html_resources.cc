#include "extract/html_resources.h"

#include <filesystem>

#include "text/data_dir.h"

namespace recoupe::extract {
namespace {

std::vector<ClassCue> load_cues(const std::string& data_dir, const std::string& name) {
  std::vector<ClassCue> out;
  for (std::string line : text::read_list(data_dir, "html", name)) {
    ClassCue cue;
    if (line.front() == '!') {
      cue.protects = true;
      line.erase(0, 1);
    }
    if (line.size() > 2 && line.front() == '*' && line.back() == '*') {
      cue.kind = ClassCue::Kind::kSubstring;
      line = line.substr(1, line.size() - 2);
    } else if (line.size() > 1 && line.back() == '*') {
      cue.kind = ClassCue::Kind::kPrefix;
      line.pop_back();
    }
    for (char& c : line) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    cue.word = line;
    if (!cue.word.empty()) out.push_back(std::move(cue));
  }
  return out;
}

}  // namespace

bool ClassCue::matches(std::string_view token) const {
  switch (kind) {
    case Kind::kExact:
      return token == word;
    case Kind::kPrefix:
      return token.substr(0, word.size()) == word;
    case Kind::kSubstring:
      return token.find(word) != std::string_view::npos;
  }
  return false;
}

HtmlResources HtmlResources::load(const std::string& data_dir) {
  HtmlResources r;
  r.boilerplate = load_cues(data_dir, "boilerplate_cues.txt");
  r.content = load_cues(data_dir, "content_cues.txt");
  r.byline_prefixes = text::read_list(data_dir, "html", "byline_prefixes.txt");
  for (const std::string& line : text::read_list(data_dir, "", "agencies.txt")) {
    Agency a;
    size_t start = 0;
    while (start <= line.size()) {
      size_t bar = line.find('|', start);
      if (bar == std::string::npos) bar = line.size();
      if (bar > start) a.variants.push_back(line.substr(start, bar - start));
      start = bar + 1;
    }
    if (a.variants.empty()) continue;
    a.name = a.variants.front();
    r.agencies.push_back(std::move(a));
  }
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(data_dir, ec)) {
    std::string lang = entry.path().filename().string();
    if (lang.size() != 2 || !std::filesystem::exists(entry.path() / "stopwords.txt", ec)) continue;
    r.stopwords_.emplace(lang, text::StopWords::load(data_dir, lang));
  }
  return r;
}

const HtmlResources& HtmlResources::shared() {
  static const HtmlResources resources = load(text::find_data_dir());
  return resources;
}

const text::StopWords* HtmlResources::stopwords(std::string_view lang) const {
  auto it = stopwords_.find(std::string(lang));
  return it == stopwords_.end() ? nullptr : &it->second;
}

}  // namespace recoupe::extract
