// recoupe story: one stored story, cross-checked, in the views of `recoupe report`.

#include <fmt/format.h>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/error_lines.h"
#include "cli/help_texts.h"
#include "cli/io.h"
#include "cli/store_option.h"
#include "report/render.h"
#include "report/report_json.h"
#include "store/store.h"

namespace recoupe::cli {
namespace {

const CommandLine kCommandLine = {"story",
                                  help::kStory,
                                  Inputs::kRequired,
                                  {one_of_option("--format", {"text", "json", "html"}),
                                   db_file_option(), store_location_option()}};

}  // namespace

int run_story(int argc, char** argv) {
  int code = kExitOk;
  auto args = parse_command_line(argc, argv, kCommandLine, code);
  if (!args) return code;
  if (args->positional.size() != 1) return usage_error(kCommandLine, "give one story id");
  const std::string& id = args->positional.front();
  const auto location = store_location(*args, "story");
  if (!location) return kExitUsage;
  auto db = store::Store::open(*location, store::OpenMode::kReadOnly);
  if (!db) {
    print_error("story", db.error().to_string());
    return kExitNothingProcessed;
  }
  auto found = db->story(id);
  if (!found || !*found) {
    print_error("story",
                found ? fmt::format("{}: no story {}", db->path(), id) : found.error().to_string());
    return kExitNothingProcessed;
  }
  const store::StoredStory& story = **found;
  if (story.summary.id != id)
    print_error("story", fmt::format("{} was merged into {}", id, story.summary.id));
  auto report = report::report_from_json(story.report_json);
  if (!report) {
    print_error("story", fmt::format("{}: story {}: {}", db->path(), story.summary.id,
                                     report.error().to_string()));
    return kExitNothingProcessed;
  }
  const auto format = report::parse_view_format(args->get("--format").value_or("text"));
  const auto view = report::view_for_output(*format, "", report::ColorMode::kAuto, true);
  return write_stdout("story", report::render(*report, view)) ? kExitOk : kExitWriteFailed;
}

}  // namespace recoupe::cli
