// recoupe stories: the stories of the store, most important first, filtered.

#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/error_lines.h"
#include "cli/help_texts.h"
#include "cli/io.h"
#include "cli/store_option.h"
#include "core/calendar.h"
#include "server/api_json.h"
#include "store/store.h"

namespace recoupe::cli {
namespace {

bool is_day(std::string_view v) { return v.size() == 10 && parse_iso_date(v).has_value(); }

const CommandLine kCommandLine = {
    "stories",
    help::kStories,
    Inputs::kNone,
    {checked_option("--since", is_day, "--since must be a day YYYY-MM-DD, not '{}'"),
     checked_option("--until", is_day, "--until must be a day YYYY-MM-DD, not '{}'"),
     value_option("--lang"), value_option("--outlet"), value_option("--query"),
     value_option("--entity"), value_option("--speaker"), db_file_option(), store_location_option(),
     one_of_option("--format", {"text", "json"})}};

}  // namespace

int run_stories(int argc, char** argv) {
  int code = kExitOk;
  auto args = parse_command_line(argc, argv, kCommandLine, code);
  if (!args) return code;
  const auto location = store_location(*args, "stories");
  if (!location) return kExitUsage;
  auto db = store::Store::open(*location, store::OpenMode::kReadOnly);
  if (!db) {
    print_error("stories", db.error().to_string());
    return kExitNothingProcessed;
  }
  auto listed = db->stories({args->get("--since"), args->get("--until"), args->get("--lang"),
                             args->get("--outlet"), args->get("--query"), args->get("--entity"),
                             args->get("--speaker")});
  if (!listed) {
    print_error("stories", listed.error().to_string());
    return kExitNothingProcessed;
  }
  std::string out;
  if (args->get("--format").value_or("text") == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const store::StorySummary& s : *listed) list.push_back(server::summary_to_json(s));
    out = server::dump({{"stories", list}});  // GET /api/stories writes the same stories
  } else {
    for (const store::StorySummary& s : *listed)
      out += fmt::format("{}  {:10}  {:>3} {:8} {:>3} {:7}  {:2}  {}\n", s.id, s.day.value_or("-"),
                         s.article_count, s.article_count == 1 ? "article" : "articles",
                         s.outlet_count, s.outlet_count == 1 ? "outlet" : "outlets",
                         s.language.value_or("-"), s.title.value_or("(untitled)"));
  }
  return write_stdout("stories", out) ? kExitOk : kExitWriteFailed;
}

}  // namespace recoupe::cli
