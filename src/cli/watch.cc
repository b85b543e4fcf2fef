// recoupe watch: keeps polling the sources of a sources file (feeds/watcher.h) and stores
// the articles of new or changed entries as `recoupe ingest` does (engine/live_stories.h).

#include <csignal>
#include <cstdio>

#include <fmt/format.h>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/error_lines.h"
#include "cli/help_texts.h"
#include "cli/setup.h"
#include "cli/source_watch.h"
#include "cli/stop_signals.h"
#include "cli/store_option.h"
#include "engine/live_stories.h"
#include "store/store.h"

namespace recoupe::cli {

bool print_summary(const engine::IngestSummary& done, const std::string& db_path);  // ingest.cc

namespace {

OptionRule every_option() {
  OptionRule rule = value_option("--every");
  rule.check = check_every;
  return rule;
}

const CommandLine kCommandLine = {"watch",
                                  help::kWatch,
                                  Inputs::kNone,
                                  {{"--sources", true, true, {}},
                                   db_file_option(),
                                   store_location_option(),
                                   every_option(),
                                   switch_option("--once"),
                                   value_option("--config"),
                                   value_option("--data"),
                                   value_option("--threads")}};

// The exit code of a --once round: how many sources could be read at all.
int round_exit_code(const std::vector<feeds::SourceStatus>& statuses, bool store_failed) {
  if (store_failed) return kExitWriteFailed;
  size_t failed = 0, partial = 0;
  for (const auto& s : statuses) {
    failed += s.outcome == "error";
    partial += s.outcome == "partial";
  }
  if (failed == statuses.size()) return kExitNothingProcessed;
  return failed + partial ? kExitSomeInputsFailed : kExitOk;
}

// One line per source after a --once round: outcome, counts, time, and the message.
void print_status(const feeds::SourceStatus& s) {
  std::string line = fmt::format(
      "{} {}: {}, {} entries, {} new, {} pages stored, {} failed, {:.2f} s", s.where, s.url,
      s.outcome, s.entries_seen, s.entries_new, s.pages_fetched, s.pages_failed, s.last_seconds);
  if (!s.message.empty()) line += " (" + s.message + ")";
  for (char& c : line)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = '?';
  print_error("watch", line);
}

}  // namespace

int run_watch(int argc, char** argv) {
  // First, before any thread starts: every thread then leaves SIGTERM and SIGINT to it.
  StopSignals signals("watch");
  int code = kExitOk;
  auto args = parse_command_line(argc, argv, kCommandLine, code);
  if (!args) return code;
  auto setup = load_setup(*args, "watch", code);
  if (!setup) return code;
  const engine::Pipeline pipeline = setup->pipeline();
  const auto location = store_location(*args, "watch");
  if (!location) return kExitUsage;
  const std::string& db_path = *location;
  auto db = store::Store::open(db_path, store::OpenMode::kReadWrite);
  if (!db) {
    print_error("watch", db.error().to_string());
    return kExitWriteFailed;
  }
  auto live = engine::LiveStories::open(pipeline, *db);
  if (!live) {
    print_error("watch", live.error().to_string());
    return kExitWriteFailed;
  }
  bool store_failed = false;
  // The watcher calls this one batch at a time (feeds/watcher.h): LiveStories needs no lock.
  auto sink = [&](const feeds::Source& source, std::vector<RawDocument> documents) {
    std::fprintf(stdout, "%s %s: ", source.where.c_str(), source.url.c_str());
    auto done = live->ingest(engine::IngestBatch{.documents = std::move(documents)});
    if (!done) {
      std::fprintf(stdout, "not stored\n");
      std::fflush(stdout);
      print_error("watch", done.error().to_string());
      store_failed = true;
      return;
    }
    print_summary(*done, db->path());
  };
  std::optional<long> every;
  if (auto v = args->get("--every")) every = parse_every(*v);
  auto watch =
      SourceWatch::open("watch", *args->get("--sources"), db_path, setup->config, every, sink);
  if (!watch) return kExitUsage;
  feeds::Watcher& watcher = watch->watcher();
  signals.start([&watcher] { watcher.stop(); });
  if (args->has("--once")) {
    watcher.run_round();
    for (const feeds::SourceStatus& st : watcher.statuses()) print_status(st);
  } else {
    print_error("watch", fmt::format("watching {} every {} s into {} (Ctrl-C stops)",
                                     *args->get("--sources"),
                                     every.value_or(setup->config.watch.every_seconds),
                                     store::shown_location(db_path)));
    watcher.run();
  }
  signals.stop_waiting();
  if (const int sig = signals.received()) {
    print_error("watch",
                fmt::format("stopped on {}: {} closed", sig == SIGINT ? "SIGINT" : "SIGTERM",
                            store::shown_location(db_path)));
    return store_failed ? kExitWriteFailed : kExitOk;
  }
  return round_exit_code(watcher.statuses(), store_failed);
}

}  // namespace recoupe::cli
