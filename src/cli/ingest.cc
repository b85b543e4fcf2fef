// recoupe ingest: adds articles to the store; the stories they touch are placed and
// cross-checked again (engine/live_stories.h). Files are one batch; standard input is
// committed in batches as it arrives (engine/arrival_batches.h), one summary line each.

#include <algorithm>
#include <cstdio>

#include <fmt/format.h>

#include "bus/connection.h"
#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/error_lines.h"
#include "cli/help_texts.h"
#include "cli/io.h"
#include "cli/setup.h"
#include "cli/store_option.h"
#include "engine/arrival_batches.h"
#include "engine/article_log.h"
#include "engine/live_stories.h"
#include "ingest/reader.h"
#include "store/store.h"

namespace recoupe::cli {
namespace {

const CommandLine kCommandLine = {"ingest",
                                  help::kIngest,
                                  Inputs::kRequired,
                                  {db_file_option(), store_location_option(), value_option("--bus"),
                                   int_option("--replicas", 1, 5), value_option("--config"),
                                   value_option("--data"), value_option("--threads")}};

// --bus: publishes every input article on the bus's raw stream (engine/article_log.h).
int publish_inputs(const Args& args, const engine::Pipeline& pipeline) {
  bus::ConnectionConfig config;
  config.servers = engine::bus_urls(*args.get("--bus"));
  config.name = "recoupe ingest";
  auto connection = bus::Connection::connect(config);
  if (!connection) {
    print_error("ingest", connection.error().to_string());
    return kExitWriteFailed;
  }
  engine::ArticleLogConfig log;
  if (auto r = args.get("--replicas")) log.replicas = std::stoi(*r);  // checked: 1..5
  if (auto made = engine::ensure_article_log(*connection, log); !made) {
    print_error("ingest", made.error().to_string());
    return kExitWriteFailed;
  }
  engine::IngestBatch batch = engine::read_batch(args.positional, pipeline);
  ErrorLines::print("ingest", "input", batch.refused);
  size_t published = 0, known = 0;
  auto acks = engine::publish_raw_all(*connection, batch.documents);
  if (!acks) {
    print_error("ingest", acks.error().to_string());
    return kExitWriteFailed;
  }
  for (const bus::PublishAck& ack : *acks) ++(ack.duplicate ? known : published);
  if (!write_stdout("ingest",
                    fmt::format("{} published, {} already on the bus, {} refused; "
                                "to {}\n",
                                published, known, batch.refused.size(), *args.get("--bus"))))
    return kExitWriteFailed;
  if (batch.refused.empty()) return kExitOk;
  return batch.documents.empty() ? kExitNothingProcessed : kExitSomeInputsFailed;
}

}  // namespace

// One summary line for a committed batch (stdout, flushed: a pipe reads it as it comes).
bool print_summary(const engine::IngestSummary& done, const std::string& db_path) {
  for (const auto& w : done.warnings) print_error("ingest", w.where + ": warning: " + w.message);
  ErrorLines::print("ingest", "batch", done.refused);
  const store::BatchCounts& n = done.counts;
  return write_stdout("ingest",
                      fmt::format("{} added, {} revised, {} unchanged, {} refused; {} {} touched "
                                  "({} new, {} updated, {} merged) in {}\n",
                                  n.added, n.revised, n.unchanged, n.refused, n.stories_touched,
                                  n.stories_touched == 1 ? "story" : "stories", done.created.size(),
                                  done.updated.size(), done.merged.size(), db_path));
}

int run_ingest(int argc, char** argv) {
  int code = kExitOk;
  auto args = parse_command_line(argc, argv, kCommandLine, code);
  if (!args) return code;
  auto setup = load_setup(*args, "ingest", code);
  if (!setup) return code;
  const engine::Pipeline pipeline = setup->pipeline();
  if (args->get("--bus")) return publish_inputs(*args, pipeline);
  const auto location = store_location(*args, "ingest");
  if (!location) return kExitUsage;
  auto db = store::Store::open(*location, store::OpenMode::kReadWrite);
  if (!db) {
    print_error("ingest", db.error().to_string());
    return kExitWriteFailed;
  }
  auto live = engine::LiveStories::open(pipeline, *db);
  if (!live) {
    print_error("ingest", live.error().to_string());
    return kExitWriteFailed;
  }
  store::BatchCounts total;
  bool failed = false;
  auto commit = [&](engine::IngestBatch batch) {
    auto done = live->ingest(std::move(batch));
    if (!done) {
      print_error("ingest", done.error().to_string());
      failed = true;
      return false;
    }
    total.added += done->counts.added;
    total.revised += done->counts.revised;
    total.unchanged += done->counts.unchanged;
    total.refused += done->counts.refused;
    if (!print_summary(*done, db->path())) failed = true;
    return !failed;
  };
  const auto& inputs = args->positional;
  if (std::find(inputs.begin(), inputs.end(), "-") != inputs.end()) {
    // Standard input may be a live feed: each batch is committed as it arrives (a batch
    // per 200 articles, or when nothing came for 0.3 s) instead of once at its end.
    engine::batch_arrivals(
        [&](const engine::DocumentSink& sink) {
          ingest::read_inputs(inputs, pipeline.config().ingest, sink);
        },
        engine::ArrivalOptions{}, commit);
  } else {
    commit(engine::read_batch(inputs, pipeline));  // files: one batch, one transaction
  }
  if (failed) return kExitWriteFailed;
  if (total.refused == 0) return kExitOk;
  return total.added + total.revised + total.unchanged == 0 ? kExitNothingProcessed
                                                            : kExitSomeInputsFailed;
}

}  // namespace recoupe::cli
