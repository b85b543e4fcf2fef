// recoupe serve: the HTTP/JSON API over the store (src/server/server.h, docs/api.md).

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include <fmt/format.h>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/error_lines.h"
#include "cli/help_texts.h"
#include "cli/setup.h"
#include "cli/source_watch.h"
#include "cli/stop_signals.h"
#include "cli/store_option.h"
#include "engine/article_log.h"
#include "feeds/source_status.h"
#include "server/server.h"
#include "store/store.h"

namespace recoupe::cli {
namespace {

const CommandLine kCommandLine = {"serve",
                                  help::kServe,
                                  Inputs::kOptional,
                                  {db_file_option(),
                                   store_location_option(),
                                   value_option("--host"),
                                   int_option("--port", 0, 65535),
                                   value_option("--token"),
                                   value_option("--config"),
                                   value_option("--data"),
                                   value_option("--threads"),
                                   value_option("--sources"),
                                   {"--every", true, false, check_every},
                                   value_option("--bus"),
                                   int_option("--replicas", 1, 5)}};

// Each idle connection holds a file descriptor (server.h): raises the soft limit on open
// files to the hard one (at most 65,536) and returns it.
size_t raise_open_files_limit() {
  rlimit r{};
  if (getrlimit(RLIMIT_NOFILE, &r) != 0) return 1024;
  const rlim_t wanted = std::min<rlim_t>(r.rlim_max, 65536);
  if (r.rlim_cur < wanted) {
    rlimit raised = r;
    raised.rlim_cur = wanted;
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0) r = raised;
  }
  return size_t(r.rlim_cur);
}

}  // namespace

int run_serve(int argc, char** argv) {
  // First, before any thread starts: every thread then leaves SIGTERM and SIGINT to it.
  StopSignals signals;
  int code = kExitOk;
  auto args = parse_command_line(argc, argv, kCommandLine, code);
  if (!args) return code;
  server::ServerOptions options;
  const auto location = store_location(*args, "serve");
  if (!location) return kExitUsage;
  options.db_path = *location;
  options.host = args->get("--host").value_or("127.0.0.1");
  options.port = std::stoi(args->get("--port").value_or("8080"));
  const char* env_token = std::getenv("RECOUPE_TOKEN");
  options.token = args->get("--token").value_or(env_token ? env_token : "");
  if (auto urls = args->get("--bus")) {
    options.bus = engine::bus_urls(*urls);
    if (options.bus.empty()) return usage_error(kCommandLine, "--bus needs a NATS URL");
  }
  if (auto r = args->get("--replicas")) options.bus_replicas = std::stoi(*r);
  // The store, its readers, the listening socket and the request threads' own connections
  // need some descriptors too.
  options.max_idle_connections = std::clamp<size_t>(raise_open_files_limit(), 320, 10256) - 256;
  if (std::string why = server::check_options(options); !why.empty())
    return usage_error(kCommandLine, why);
  auto setup = load_setup(*args, "serve", code);
  if (!setup) return code;
  const engine::Pipeline pipeline = setup->pipeline();
  auto served = server::Server::open(pipeline, options);
  if (!served) {
    print_error("serve", served.error().to_string());
    return kExitWriteFailed;
  }
  server::Server& server = **served;
  // A signal from now on (or one that came during the start) stops the server; the batch
  // being ingested is finished first.
  std::atomic<feeds::Watcher*> watching{nullptr};
  signals.start([&server, &watching] {
    if (feeds::Watcher* w = watching.load()) w->stop();
    server.stop();
  });
  // Whatever way this function ends, the waiting thread ends before the server is gone.
  struct StopWaitingFirst {
    StopSignals& signals;
    ~StopWaitingFirst() { signals.stop_waiting(); }
  } stop_waiting_first{signals};
  if (!args->positional.empty()) {
    auto done = server.ingest(engine::read_batch(args->positional, pipeline));
    if (!done) {
      print_error("serve", done.error().to_string());
      return kExitWriteFailed;
    }
    server.wait_checked();  // the first page shows the files' stories cross-checked
    ErrorLines::print("serve", "batch", done->refused);
    const store::BatchCounts& n = done->counts;
    print_error("serve", fmt::format("{} added, {} revised, {} unchanged, {} refused", n.added,
                                     n.revised, n.unchanged, n.refused));
  }
  // --sources: a watcher on a thread of its own feeds the server's ingest, so its batches
  // are stored, streamed as events and shown on the page like POSTed ones.
  std::unique_ptr<SourceWatch> watch;
  if (auto sources = args->get("--sources")) {
    std::optional<long> every;
    if (auto v = args->get("--every")) every = parse_every(*v);
    watch = SourceWatch::open(
        "serve", *sources, options.db_path, setup->config, every,
        [&server](const feeds::Source& source, std::vector<RawDocument> documents) {
          auto done = server.ingest(engine::IngestBatch{.documents = std::move(documents)});
          if (!done) return print_error("serve", source.url + ": " + done.error().to_string());
          ErrorLines::print("serve", "batch", done->refused);
          const store::BatchCounts& n = done->counts;
          print_error("serve", fmt::format("{} {}: {} added, {} revised, {} unchanged, {} refused",
                                           source.where, source.url, n.added, n.revised,
                                           n.unchanged, n.refused));
        });
    if (!watch) return kExitUsage;
    feeds::Watcher& watcher = watch->watcher();
    server.report_sources(
        [&watcher] { return feeds::sources_to_json(watcher.statuses()).dump() + "\n"; },
        [&watcher] { return feeds::fetch_metrics(watcher.statuses(), watcher.counts()); });
  } else if (args->get("--every")) {
    return usage_error(kCommandLine, "--every goes with --sources");
  }
  auto port = server.bind();
  if (!port) {
    print_error("serve", port.error().to_string());
    return kExitUsage;
  }
  // On stdout, flushed: a script (or a test) that asked for --port 0 reads the port here.
  std::printf("recoupe serve: serving %s on http://%s:%d/ (%s)\n",
              store::shown_location(options.db_path).c_str(), options.host.c_str(), *port,
              options.token.empty() ? "read-only: no token given" : "writes need the token");
  std::fflush(stdout);
  std::thread watcher_thread;
  if (watch) {
    watching = &watch->watcher();
    watcher_thread = std::thread([&watch] { watch->watcher().run(); });
  }
  const bool served_well = server.run();
  if (watch) {
    watch->watcher().stop();
    watcher_thread.join();  // the batch being stored is finished first
  }
  signals.stop_waiting();
  served->reset();  // closes the store (and its write-ahead log)
  if (const int sig = signals.received())
    print_error("serve", fmt::format("stopped on {}: requests in flight answered, {} closed",
                                     sig == SIGINT ? "SIGINT" : "SIGTERM",
                                     store::shown_location(options.db_path)));
  return served_well ? kExitOk : kExitWriteFailed;
}

}  // namespace recoupe::cli
