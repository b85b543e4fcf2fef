// recoupe ingest: adds articles to the store; the stories they touch are placed and
// cross-checked again (engine/live_stories.h).

#include <cstdio>

#include <fmt/format.h>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/error_lines.h"
#include "cli/help_texts.h"
#include "cli/io.h"
#include "cli/setup.h"
#include "engine/live_stories.h"
#include "store/store.h"

namespace recoupe::cli {
namespace {

const CommandLine kCommandLine = {"ingest",
                                  help::kIngest,
                                  Inputs::kRequired,
                                  {value_option("--db"), value_option("--config"),
                                   value_option("--data"), value_option("--threads")}};

}  // namespace

int run_ingest(int argc, char** argv) {
  int code = kExitOk;
  auto args = parse_command_line(argc, argv, kCommandLine, code);
  if (!args) return code;
  auto setup = load_setup(*args, "ingest", code);
  if (!setup) return code;
  const engine::Pipeline pipeline = setup->pipeline();
  auto db =
      store::Store::open(args->get("--db").value_or("recoupe.db"), store::OpenMode::kReadWrite);
  if (!db) {
    print_error("ingest", db.error().to_string());
    return kExitWriteFailed;
  }
  engine::IngestBatch batch = engine::read_batch(args->positional, pipeline);
  auto live = engine::LiveStories::open(pipeline, *db);
  if (!live) {
    print_error("ingest", live.error().to_string());
    return kExitWriteFailed;
  }
  auto done = live->ingest(std::move(batch));
  if (!done) {
    print_error("ingest", done.error().to_string());
    return kExitWriteFailed;
  }
  for (const auto& w : done->warnings) print_error("ingest", w.where + ": warning: " + w.message);
  ErrorLines::print("ingest", "batch", done->refused);
  const store::BatchCounts& n = done->counts;
  const bool written = write_stdout(
      "ingest", fmt::format("{} added, {} revised, {} unchanged, {} refused; {} {} touched "
                            "({} new, {} updated, {} merged) in {}\n",
                            n.added, n.revised, n.unchanged, n.refused, n.stories_touched,
                            n.stories_touched == 1 ? "story" : "stories", done->created.size(),
                            done->updated.size(), done->merged.size(), db->path()));
  if (!written) return kExitWriteFailed;
  if (n.refused == 0) return kExitOk;
  return n.added + n.revised + n.unchanged == 0 ? kExitNothingProcessed : kExitSomeInputsFailed;
}

}  // namespace recoupe::cli
