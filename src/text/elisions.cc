#include "text/elisions.h"

#include <filesystem>
#include <fstream>

#include "text/fold.h"

namespace recoupe::text {
namespace fs = std::filesystem;

Expected<ElisionRules> load_elision_rules(const std::string& data_dir) {
  ElisionRules rules;
  std::error_code listing;
  bool found = false;
  for (const auto& entry : fs::directory_iterator(data_dir, listing)) {
    fs::path path = entry.path() / "elisions.txt";
    std::error_code absent;  // most folders have no list: not an error
    if (!fs::is_regular_file(path, absent)) continue;
    std::ifstream in(path);
    if (!in) return Error{path.string(), "cannot be read"};
    found = true;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
        line.pop_back();
      if (line.empty() || line[0] == '#') continue;
      bool one_word = line.find_first_of(" \t'") == std::string::npos &&
                      line.find("\u2019") == std::string::npos;  // typographic apostrophe
      if (!one_word || lower_case(line) != line)
        return Error{path.string() + ":" + std::to_string(number),
                     "not one lower-case word without apostrophe: \"" + line + "\""};
      rules.words_.insert(line);
    }
  }
  if (listing) return Error{data_dir, "cannot list the data folder: " + listing.message()};
  if (!found) return Error{(fs::path(data_dir) / "fr" / "elisions.txt").string(), "missing"};
  return rules;
}

}  // namespace recoupe::text
