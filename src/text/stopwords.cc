#include "text/stopwords.h"

#include <filesystem>

#include "text/data_dir.h"
#include "text/fold.h"
#include "text/normalize.h"

namespace recoupe::text {

StopWords::StopWords(const std::vector<std::string>& words) {
  for (const auto& w : words) words_.insert(fold(w));
}

bool StopWords::contains(std::string_view w) const {
  if (w.size() >= 2 && (w.back() == '\'')) w.remove_suffix(1);
  return words_.count(std::string(w)) > 0;
}

StopWordCatalog StopWordCatalog::load(const std::string& data_dir) {
  StopWordCatalog c;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(data_dir, ec)) {
    std::string lang = entry.path().filename().string();
    if (!entry.is_directory(ec) || lang.size() < 2 || lang.size() > 3) continue;
    Lists lists;
    lists.broad = read_list(data_dir, lang, "stopwords.txt");
    lists.snowball = read_list(data_dir, lang, "stopwords-snowball.txt");
    if (lists.broad.empty() && lists.snowball.empty()) continue;
    lists.folded = StopWords(lists.broad);
    c.by_lang_.emplace(lang, std::move(lists));
  }
  return c;
}

std::vector<std::string> StopWordCatalog::languages() const {
  std::vector<std::string> out;
  for (const auto& [lang, lists] : by_lang_)
    if (!lists.broad.empty()) out.push_back(lang);
  return out;
}

const std::vector<std::string>& StopWordCatalog::broad(const std::string& lang) const {
  auto it = by_lang_.find(lang);
  return it == by_lang_.end() ? none_.broad : it->second.broad;
}

const std::vector<std::string>& StopWordCatalog::snowball(const std::string& lang) const {
  auto it = by_lang_.find(lang);
  return it == by_lang_.end() ? none_.snowball : it->second.snowball;
}

const StopWords& StopWordCatalog::folded(const std::string& lang) const {
  auto it = by_lang_.find(lang);
  return it == by_lang_.end() ? none_.folded : it->second.folded;
}

const StopWords* StopWordCatalog::find(const std::string& lang) const {
  auto it = by_lang_.find(lang);
  return it == by_lang_.end() || it->second.broad.empty() ? nullptr : &it->second.folded;
}

}  // namespace recoupe::text
