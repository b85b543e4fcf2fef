// recoupe worker: one process of the scaled-out path (docs/scale.md): an analysis worker
// (engine/cleaning_worker.h) and a clusterer standing by for the store's lead
// (engine/clusterer.h), on one bus connection.

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <optional>
#include <sstream>
#include <thread>

#include <fmt/format.h>

#include "bus/connection.h"
#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/error_lines.h"
#include "cli/help_texts.h"
#include "cli/setup.h"
#include "cli/stop_signals.h"
#include "engine/article_log.h"
#include "engine/cleaning_worker.h"
#include "engine/clusterer.h"
#include "store/store.h"

namespace recoupe::cli {

bool print_summary(const engine::IngestSummary& done, const std::string& db_path);  // ingest.cc

namespace {

std::string check_roles(const std::string& v) {
  std::stringstream in(v);
  std::string role;
  size_t roles = 0;
  bool unknown = false;
  while (std::getline(in, role, ',')) {
    unknown |= role != "clean" && role != "cluster";
    ++roles;
  }
  if (unknown || roles == 0)
    return "--roles takes clean, cluster or both, comma-separated (got \"" + v + "\")";
  return "";
}

std::string check_count(const std::string& v, long low, long high, const char* name) {
  char* end = nullptr;
  const long n = std::strtol(v.c_str(), &end, 10);
  if (v.empty() || *end || n < low || n > high)
    return fmt::format("{} must be a whole number from {} to {} (got \"{}\")", name, low, high, v);
  return "";
}

OptionRule checked(const char* name, std::function<std::string(const std::string&)> check) {
  OptionRule rule = value_option(name);
  rule.check = std::move(check);
  return rule;
}

const CommandLine kCommandLine = {
    "worker",
    help::kWorker,
    Inputs::kNone,
    {{"--bus", true, true, {}},
     value_option("--store"),
     checked("--roles", check_roles),
     checked("--replicas", [](const std::string& v) { return check_count(v, 1, 5, "--replicas"); }),
     checked("--batch", [](const std::string& v) { return check_count(v, 1, 100000, "--batch"); }),
     checked("--linger", [](const std::string& v) { return check_count(v, 1, 60000, "--linger"); }),
     checked("--write-behind",
             [](const std::string& v) {
               return v == "on" || v == "off"
                          ? std::string()
                          : "--write-behind takes on or off (got \"" + v + "\")";
             }),
     checked("--checks",
             [](const std::string& v) {
               return v == "later" || v == "in-batch"
                          ? std::string()
                          : "--checks takes later or in-batch (got \"" + v + "\")";
             }),
     value_option("--config"),
     value_option("--data"),
     value_option("--threads")}};

// Cleans until `stop`; one line per round that did something.
void clean_until(engine::CleaningWorker& worker, const std::atomic<bool>& stop) {
  while (!stop) {
    auto round = worker.run_once();
    if (!round) {
      print_error("worker", round.error().to_string());
      std::this_thread::sleep_for(std::chrono::seconds(1));  // the client is reconnecting
      continue;
    }
    ErrorLines::print("worker", "round", round->errors);
    if (round->cleaned || round->refused)
      print_error("worker", fmt::format("cleaned {}, refused {}", round->cleaned, round->refused));
  }
}

// Places and stores until `stop`, while holding the lead; one line per stored batch.
void cluster_until(engine::Clusterer& clusterer, const std::string& location,
                   const std::atomic<bool>& stop) {
  std::optional<bool> was_leading;
  while (!stop) {
    auto round = clusterer.run_once();
    if (!round) {
      print_error("worker", round.error().to_string());
      std::this_thread::sleep_for(std::chrono::seconds(1));
      continue;
    }
    if (round->leading != was_leading)
      print_error("worker", round->leading
                                ? "clustering into " + location + " (this worker holds the lead)"
                                : "standing by: another worker is clustering into " + location);
    was_leading = round->leading;
    ErrorLines::print("worker", "round", round->errors);
    for (const auto& w : round->warnings) print_error("worker", w.to_string());
    if (round->checks.committed >= 0) {
      std::fprintf(stdout, "checked behind: %zu stories (cross-check %.2f s, store %.2f s)\n",
                   round->checks.updated.size(), round->checks.seconds.cross_check,
                   round->checks.seconds.store);
      std::fflush(stdout);
    }
    // Printed when articles were stored or found unchanged: a round may read articles and
    // hold them all back (raw order), or read none and store those it held.
    const store::BatchCounts& n = round->summary.counts;
    if (round->summary.committed < 0 && n.added + n.revised + n.unchanged == 0) continue;
    const auto& took = round->summary.seconds;
    std::fprintf(stdout,
                 "position %lld (place %.2f s, cross-check %.2f s, store %.2f s; read %zu): ",
                 static_cast<long long>(round->position), took.place, took.cross_check, took.store,
                 round->read);
    print_summary(round->summary, location);
  }
}

}  // namespace

int run_worker(int argc, char** argv) {
  StopSignals signals("worker");  // first: every thread started later leaves signals to it
  int code = kExitOk;
  auto args = parse_command_line(argc, argv, kCommandLine, code);
  if (!args) return code;
  auto setup = load_setup(*args, "worker", code);
  if (!setup) return code;
  // --roles was checked when parsed: a comma-separated list of "clean" and "cluster".
  const std::string roles = args->get("--roles").value_or("clean,cluster");
  const bool clean = roles.find("clean") != std::string::npos;
  const bool cluster = roles.find("cluster") != std::string::npos;
  if (cluster && !args->get("--store")) {
    print_error("worker", "the cluster role needs --store (a postgresql:// URL or a file)");
    return kExitUsage;
  }
  const engine::Pipeline pipeline = setup->pipeline();
  bus::ConnectionConfig bus_config;
  bus_config.servers = engine::bus_urls(*args->get("--bus"));
  bus_config.name = "recoupe worker";
  auto connection = bus::Connection::connect(bus_config);
  if (!connection) {
    print_error("worker", connection.error().to_string());
    return kExitNothingProcessed;
  }
  engine::ArticleLogConfig log;
  if (auto r = args->get("--replicas")) log.replicas = std::stoi(*r);
  // Workers started together on a new cluster race to create the streams, and a cluster
  // still electing its leaders answers late: try for a minute before giving up.
  for (int attempt = 1;; ++attempt) {
    auto made = engine::ensure_article_log(*connection, log);
    if (made) break;
    print_error("worker", made.error().to_string());
    if (attempt == 12) return kExitNothingProcessed;
    std::this_thread::sleep_for(std::chrono::seconds(5));
  }

  std::atomic<bool> stop{false};
  signals.start([&stop] { stop = true; });
  std::thread cleaner;
  if (clean) {
    auto worker = engine::CleaningWorker::open(*connection, pipeline);
    if (!worker) {
      print_error("worker", worker.error().to_string());
      return kExitNothingProcessed;
    }
    cleaner = std::thread([&stop, w = std::move(*worker)]() mutable { clean_until(w, stop); });
  }
  int result = kExitOk;
  if (cluster) {
    const std::string location = *args->get("--store");
    auto store = store::Store::open(location, store::OpenMode::kReadWrite);
    engine::ClustererConfig config;
    if (auto b = args->get("--batch")) config.batch = std::stoul(*b);
    if (auto l = args->get("--linger")) config.linger = std::chrono::milliseconds(std::stol(*l));
    config.check_later = args->get("--checks").value_or("later") == "later";
    // Write-behind: a second connection writes each batch while the next one is
    // cross-checked (engine/clusterer.h).
    std::optional<store::Store> writer;
    if (store && args->get("--write-behind").value_or("on") == "on") {
      auto opened = store::Store::open(location, store::OpenMode::kReadWrite);
      if (opened)
        writer = std::move(*opened);
      else
        store = std::move(opened);  // its error
    }
    if (store) {
      auto clusterer = engine::Clusterer::open(*connection, pipeline, *store, config,
                                               writer ? &*writer : nullptr);
      if (clusterer)
        cluster_until(*clusterer, location, stop);
      else
        print_error("worker", clusterer.error().to_string()), result = kExitNothingProcessed;
    } else {
      print_error("worker", store.error().to_string());
      result = kExitNothingProcessed;
    }
    if (result != kExitOk) stop = true;
  }
  if (cleaner.joinable()) cleaner.join();
  signals.stop_waiting();
  if (const int sig = signals.received())
    print_error("worker", fmt::format("stopped on {}", sig == SIGINT ? "SIGINT" : "SIGTERM"));
  return result;
}

}  // namespace recoupe::cli
