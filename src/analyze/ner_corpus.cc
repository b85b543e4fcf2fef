#include "analyze/ner_corpus.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "analyze/gazetteer.h"
#include "analyze/ner_model.h"

namespace recoupe::analyze {
namespace {

uint8_t tag_id(const std::string& tag) {
  if (tag.size() < 3 || (tag[0] != 'B' && tag[0] != 'I') || tag[1] != '-') return 0;
  std::string_view type = std::string_view(tag).substr(2);
  NerType t;
  if (type == "PER")
    t = kPer;
  else if (type == "LOC")
    t = kLoc;
  else if (type == "ORG")
    t = kOrg;
  else if (type == "MISC")
    t = kMisc;
  else
    return 0;
  return static_cast<uint8_t>(tag[0] == 'B' ? begin_tag(t) : inside_tag(t));
}

}  // namespace

namespace {

// The sentence of one line, or why the line is not one.
Expected<TaggedSentence> parse_sentence(std::string_view line, const std::string& where) {
  auto j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Error{where, "not a JSON object"};
  auto tokens = j.find("tokens"), tags = j.find("tags");
  if (tokens == j.end() || !tokens->is_array() || tokens->empty())
    return Error{where, "no \"tokens\" array (non-empty, of strings)"};
  if (tags == j.end() || !tags->is_array()) return Error{where, "no \"tags\" array"};
  if (tokens->size() != tags->size())
    return Error{where, "\"tokens\" and \"tags\" differ in length"};
  TaggedSentence s;
  for (const auto& t : *tokens) {
    if (!t.is_string()) return Error{where, "a \"tokens\" entry is not a string"};
    s.tokens.push_back(t.get<std::string>());
  }
  for (const auto& t : *tags) {
    if (!t.is_string()) return Error{where, "a \"tags\" entry is not a string"};
    s.tags.push_back(tag_id(t.get<std::string>()));
  }
  return s;
}

}  // namespace

Expected<std::vector<TaggedSentence>> read_ner_corpus(const std::string& path,
                                                      std::vector<Error>* skipped) {
  std::string data;
  if (path.size() > 4 && path.substr(path.size() - 4) == ".zst") {
    auto d = read_zstd_file(path);
    if (!d) return d.error();
    data = std::move(*d);
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{path, "cannot open"};
    std::stringstream ss;
    ss << in.rdbuf();
    data = ss.str();
  }
  std::vector<TaggedSentence> out;
  size_t pos = 0, line_no = 0;
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string::npos) nl = data.size();
    std::string_view line(data.data() + pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    auto sentence = parse_sentence(line, path + ":" + std::to_string(line_no));
    if (sentence)
      out.push_back(std::move(*sentence));
    else if (skipped)
      skipped->push_back(sentence.error());
  }
  return out;
}

std::vector<TagSpan> tag_spans(const std::vector<uint8_t>& tags) {
  std::vector<TagSpan> out;
  for (size_t i = 0; i < tags.size();) {
    int t = tags[i];
    if (t == 0) {
      ++i;
      continue;
    }
    NerType type = static_cast<NerType>((t - 1) / 2);
    size_t j = i + 1;
    while (j < tags.size() && tags[j] == inside_tag(type)) ++j;
    out.push_back({i, j, type});
    i = j;
  }
  return out;
}

}  // namespace recoupe::analyze
