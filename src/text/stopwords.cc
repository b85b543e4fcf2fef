#include "text/stopwords.h"

#include "text/data_dir.h"
#include "text/fold.h"
#include "text/normalize.h"

namespace recoupe::text {

StopWords StopWords::load(const std::string& data_dir, const std::string& lang, bool conservative) {
  StopWords s;
  std::vector<std::string> list;
  if (conservative) list = read_list(data_dir, lang, "stopwords-snowball.txt");
  if (list.empty()) list = read_list(data_dir, lang, "stopwords.txt");
  for (const auto& w : list) s.words_.insert(fold(w));
  return s;
}

bool StopWords::contains(std::string_view w) const {
  if (w.size() >= 2 && (w.back() == '\'')) w.remove_suffix(1);
  return words_.count(std::string(w)) > 0;
}

}  // namespace recoupe::text
