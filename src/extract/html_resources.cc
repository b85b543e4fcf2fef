#include "extract/html_resources.h"

#include <filesystem>

#include "text/data_dir.h"
#include "text/split.h"

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

Expected<HtmlResources> HtmlResources::load(const std::string& data_dir,
                                            const text::StopWordCatalog& stop_words,
                                            const text::ElisionRules& elisions) {
  HtmlResources r;
  r.stop_words_ = &stop_words;
  r.elisions_ = &elisions;
  r.boilerplate = load_cues(data_dir, "boilerplate_cues.txt");
  r.content = load_cues(data_dir, "content_cues.txt");
  r.byline_prefixes = text::read_list(data_dir, "html", "byline_prefixes.txt");
  for (const std::string& line : text::read_list(data_dir, "", "agencies.txt")) {
    Agency a;
    a.variants = text::split_non_empty(line, '|');
    if (a.variants.empty()) continue;
    a.name = a.variants.front();
    r.agencies.push_back(std::move(a));
  }
  for (const auto& [list, file] : {std::pair{r.boilerplate.empty(), "html/boilerplate_cues.txt"},
                                   {r.content.empty(), "html/content_cues.txt"},
                                   {r.byline_prefixes.empty(), "html/byline_prefixes.txt"},
                                   {r.agencies.empty(), "agencies.txt"}})
    if (list) return Error{data_dir + "/" + file, "missing or empty"};
  return r;
}

const text::StopWords* HtmlResources::stopwords(std::string_view lang) const {
  // Two-letter codes only, as the page languages that the metadata gives.
  if (lang.size() != 2 || !stop_words_) return nullptr;
  return stop_words_->find(std::string(lang));
}

}  // namespace recoupe::extract
