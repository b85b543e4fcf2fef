#include "text/calendar_words.h"

#include "text/data_dir.h"
#include "text/split.h"

namespace recoupe::text {
namespace {

std::vector<std::vector<std::string>> read_names(const std::string& data_dir,
                                                 const std::string& lang, const char* file) {
  std::vector<std::vector<std::string>> names;
  for (const std::string& line : read_list(data_dir, lang, file))
    names.push_back(split_variants(line));
  return names;
}

}  // namespace

CalendarWords read_calendar_words(const std::string& data_dir, const std::string& lang) {
  return {read_names(data_dir, lang, "months.txt"), read_names(data_dir, lang, "weekdays.txt")};
}

}  // namespace recoupe::text
