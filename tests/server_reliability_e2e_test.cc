// End to end, the real binary under the faults of docs/api.md "Reliability": `kill -9`
// while ingesting, SIGTERM and SIGINT, a full disk and a read-only store, and readers
// while another process writes. E2E*: left out of the sanitized CI run (they drive the
// binary, whose code the unit tests cover). The long version of the kill loop is
// bench/crash_loop.py.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "ingest_test_util.h"
#include "serve_process.h"
#include "store/store.h"

namespace recoupe::server {
namespace {

using recoupe::testing::file_text;
using recoupe::testing::integrity_check;
using recoupe::testing::ServeProcess;
using Clock = std::chrono::steady_clock;

const std::string kSeeds = RECOUPE_EXAMPLES_DIR "/vostochny";
const std::string kPages = RECOUPE_TEST_DIR "/data/html_eval_20.jsonl";
const std::string kToken = "tok";

// The 5 seeds as JSON records (id: the file name), then the 20 pages of the extraction
// test: 25 article records, one a line.
std::vector<std::string> article_records() {
  std::vector<std::string> records;
  std::vector<std::filesystem::path> seeds;
  for (const auto& e : std::filesystem::directory_iterator(kSeeds))
    if (e.path().extension() == ".txt") seeds.push_back(e.path());
  std::sort(seeds.begin(), seeds.end());
  for (const auto& p : seeds)
    records.push_back(
        nlohmann::json{{"id", p.filename().string()}, {"lang", "fr"}, {"text", file_text(p)}}
            .dump());
  std::istringstream pages(file_text(kPages));
  for (std::string line; std::getline(pages, line);)
    if (!line.empty()) records.push_back(line);
  return records;
}

struct Batch {
  std::string body;
  std::vector<std::string> ids;
};

std::vector<Batch> batches_of(const std::vector<std::string>& records, size_t size) {
  std::vector<Batch> batches;
  for (size_t i = 0; i < records.size(); ++i) {
    if (i % size == 0) batches.emplace_back();
    batches.back().body += records[i] + "\n";
    batches.back().ids.push_back(nlohmann::json::parse(records[i])["id"]);
  }
  return batches;
}

// What a poster has done so far, read by the thread that kills the server.
struct Progress {
  std::atomic<int> acknowledged{0};    // batches answered 200 by this server
  std::atomic<int> last_post_ms{100};  // how long the last one took
};

// Posts batches[next...] in order until all are acknowledged or the server goes away;
// `next` then names the first one not acknowledged. True when a POST was in flight when
// the server went away.
bool post_batches(int port, const std::vector<Batch>& batches, size_t& next,
                  std::set<std::string>& acknowledged, Progress* progress = nullptr) {
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(120, 0);
  while (next < batches.size()) {
    const auto start = Clock::now();
    auto r = client.Post("/api/articles", {{"Authorization", "Bearer " + kToken}},
                         batches[next].body, "application/x-ndjson");
    if (!r) return true;
    if (r->status != 200) return false;
    acknowledged.insert(batches[next].ids.begin(), batches[next].ids.end());
    ++next;
    if (progress) {
      progress->last_post_ms =
          int(std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count());
      ++progress->acknowledged;
    }
  }
  return false;
}

// The partition a store holds, in ingest order: "article → story (reprint of)" lines, then
// each story with its articles, version and report document.
std::string partition_of(const std::string& db) {
  auto store = store::Store::open(db, store::OpenMode::kReadOnly);
  if (!store) return store.error().to_string();
  auto placed = store->placed_articles();
  auto stories = store->stories({});
  if (!placed || !stories) return "cannot read";
  std::string out;
  std::map<int64_t, std::string> id_of_seq;
  for (const auto& p : *placed) id_of_seq[p.seq] = p.placed.id;
  for (const auto& p : *placed)
    out += p.placed.id + " → " + p.story_id +
           (p.duplicate_of ? " (reprint of " + id_of_seq[*p.duplicate_of] + ")" : "") + "\n";
  for (const auto& s : *stories) {
    // Not the version: it counts the story's writes, and how many steps of checks a story
    // took depends on timing (docs/api.md, "Two steps"). The report is the same.
    out += s.id + (s.checked ? "" : " (unchecked)") + ":";
    for (const auto& a : s.article_ids) out += " " + a;
    auto full = store->story(s.id);
    out += "\n" + (full && *full ? (*full)->report_json : "no report") + "\n";
  }
  return out;
}

// Waits (up to 120 s) until the server on `port` has cross-checked every story stored
// unchecked (/metrics: recoupe_stories_unchecked 0).
void wait_all_checked(int port) {
  httplib::Client client("127.0.0.1", port);
  const std::string gauge = "\nrecoupe_stories_unchecked ";
  for (int i = 0; i < 1200; ++i) {
    auto r = client.Get("/metrics");
    if (r && r->status == 200) {
      const size_t at = r->body.find(gauge);
      if (at != std::string::npos && r->body.compare(at + gauge.size(), 2, "0\n") == 0) return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ADD_FAILURE() << "stories still unchecked after 120 s";
}

// kill -9 at random moments while batches are posted, then a restart: every acknowledged
// article is there, the file is sound, ingest resumes; at the end the store holds exactly
// what one clean run posting the same batches in the same order stores (same story ids,
// memberships and report documents, once every story is cross-checked). Batch boundaries matter (a
// batch's new articles are placed in publication order), so "the same articles" means the same
// batches.
TEST(E2EServeCrash, KilledWhileIngestingLosesNothingAcknowledgedAndEndsAsACleanRun) {
  recoupe::testing::TempDir dir;
  const std::string db = (dir.path() / "crash.db").string();
  const std::string err = (dir.path() / "serve.err").string();
  const std::vector<Batch> batches = batches_of(article_records(), 2);
  std::mt19937 random(13);
  size_t next = 0;
  std::set<std::string> acknowledged;
  int kills_in_flight = 0;
  const int kKills = 3;
  for (int round = 0; round <= kKills; ++round) {
    ServeProcess serve({"--db", db, "--port", "0", "--token", kToken}, err);
    const int port = serve.port(120);
    ASSERT_GT(port, 0) << "restart " << round << ": " << file_text(err);
    ASSERT_EQ(integrity_check(db), "ok") << "after kill " << round;
    httplib::Client client("127.0.0.1", port);
    for (const std::string& id : acknowledged) {
      auto r = client.Get("/api/articles/" + id);  // ids here need no escaping
      ASSERT_TRUE(r && r->status == 200) << id << " was acknowledged, then lost";
    }
    if (round == kKills) {  // the last run ends the ingest and stops cleanly
      post_batches(port, batches, next, acknowledged);
      wait_all_checked(port);  // those a kill left unchecked too
      EXPECT_EQ(serve.stop(SIGTERM), 0) << file_text(err);
      break;
    }
    // Killed after 0 or 1 more batch is acknowledged, at a random point of the next POST.
    bool in_flight = false;
    Progress progress;
    std::thread poster(
        [&] { in_flight = post_batches(port, batches, next, acknowledged, &progress); });
    const int more = std::uniform_int_distribution<int>(0, 1)(random);
    for (int i = 0; i < 12000 && progress.acknowledged < more; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::this_thread::sleep_for(std::chrono::milliseconds(
        std::uniform_int_distribution<int>(0, progress.last_post_ms)(random)));
    EXPECT_EQ(serve.stop(SIGKILL), 128 + SIGKILL);
    poster.join();
    kills_in_flight += in_flight;
  }
  ASSERT_EQ(next, batches.size());
  EXPECT_EQ(integrity_check(db), "ok");
  std::printf("%d kills, %d of them with a POST in flight; %zu articles acknowledged\n", kKills,
              kills_in_flight, acknowledged.size());

  const std::string clean_db = (dir.path() / "clean.db").string();
  ServeProcess clean({"--db", clean_db, "--port", "0", "--token", kToken}, err);
  const int port = clean.port(120);
  ASSERT_GT(port, 0);
  size_t all = 0;
  std::set<std::string> clean_acknowledged;
  post_batches(port, batches, all, clean_acknowledged);
  wait_all_checked(port);
  ASSERT_EQ(clean.stop(SIGTERM), 0);
  ASSERT_EQ(all, batches.size());
  EXPECT_EQ(partition_of(db), partition_of(clean_db));
}

// SIGTERM while a batch is ingested: the batch is answered and stored, the store closed,
// one line on stderr, exit 0. SIGINT (Ctrl-C) when idle: the same, at once.
TEST(E2EServeStop, SigtermFinishesTheBatchInFlightAndSigintStopsAtOnce) {
  recoupe::testing::TempDir dir;
  const std::string db = (dir.path() / "stop.db").string();
  const std::string err = (dir.path() / "serve.err").string();
  std::string body;
  for (const std::string& r : article_records()) body += r + "\n";
  {
    ServeProcess serve({"--db", db, "--port", "0", "--token", kToken}, err);
    const int port = serve.port(120);
    ASSERT_GT(port, 0) << file_text(err);
    int posted_status = 0;
    std::string posted_body;
    std::thread poster([&] {
      httplib::Client client("127.0.0.1", port);
      client.set_read_timeout(120, 0);
      auto r = client.Post("/api/articles", {{"Authorization", "Bearer " + kToken}}, body,
                           "application/x-ndjson");
      if (r) {
        posted_status = r->status;
        posted_body = r->body;
      }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    const auto start = Clock::now();
    EXPECT_EQ(serve.stop(SIGTERM), 0);
    const double took = std::chrono::duration<double>(Clock::now() - start).count();
    poster.join();
    EXPECT_EQ(posted_status, 200) << "the batch in flight: " << posted_body;
    std::printf("SIGTERM during a batch of 25: exit after %.2f s, batch answered\n", took);
    const std::string said = file_text(err);
    EXPECT_EQ(said, "recoupe serve: stopped on SIGTERM: requests in flight answered, " + db +
                        " closed\n");
    // Closed cleanly: SQLite folded the write-ahead log back into the file and removed it.
    EXPECT_FALSE(std::filesystem::exists(db + "-wal"));
    EXPECT_EQ(integrity_check(db), "ok");
    auto store = store::Store::open(db, store::OpenMode::kReadOnly);
    ASSERT_TRUE(store);
    EXPECT_EQ(store->placed_articles()->size(), 25u);
  }
  ServeProcess idle({"--db", db, "--port", "0"}, err);
  ASSERT_GT(idle.port(120), 0);
  const auto start = Clock::now();
  EXPECT_EQ(idle.stop(SIGINT), 0);
  EXPECT_LT(std::chrono::duration<double>(Clock::now() - start).count(), 2.0);
  EXPECT_EQ(file_text(err),
            "recoupe serve: stopped on SIGINT: requests in flight answered, " + db + " closed\n");
}

struct Outcome {
  int code = -1;
  std::string out;
};

Outcome run(const std::string& command) {
  Outcome r;
  FILE* p = popen(command.c_str(), "r");
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, p)) r.out.append(buf, n);
  int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

// A store on a small filesystem of its own (a tmpfs mounted in a user and mount namespace,
// `unshare -rm`): first full, then read-only. `recoupe ingest` and POST /api/articles fail
// with one line naming the store (exit code 4, HTTP 503), readers keep reading, and nothing
// stored before is lost. Skipped where namespaces are not allowed.
TEST(E2EStoreFaults, AFullDiskOrAReadOnlyStoreIsOneClearErrorAndLosesNothing) {
  if (run("unshare -rm true 2>/dev/null").code != 0)
    GTEST_SKIP() << "no user namespaces here (unshare -rm)";
  recoupe::testing::TempDir dir;
  const std::string mnt = (dir.path() / "mnt").string();
  const std::string out = (dir.path() / "out").string();
  std::filesystem::create_directories(mnt);
  std::filesystem::create_directories(out + "/full");
  const std::string db = mnt + "/t.db";
  // Phases: the seeds stored; the disk filled but for 200 KB; a batch of 20 pages (their
  // raw HTML alone is 400 KB) by the CLI, then by a POST to a server started there (the
  // test posts, then stops it with SIGTERM); the store copied out; then read-only.
  const std::string script = R"(
set -u
bin=$1 mnt=$2 out=$3 seeds=$4 pages=$5
mount -t tmpfs -o size=4m recoupe-test "$mnt" || exit 77
"$bin" ingest "$seeds" --db "$mnt/t.db" >/dev/null 2>"$out/seed.err"; echo $? >"$out/seed.code"
free=$(df --output=avail -k "$mnt" | tail -1)
dd if=/dev/zero of="$mnt/fill" bs=1k count=$((free - 200)) 2>/dev/null
"$bin" ingest "$pages" --db "$mnt/t.db" >/dev/null 2>"$out/full.err"; echo $? >"$out/full.code"
"$bin" stories --db "$mnt/t.db" --format json >"$out/full.stories" 2>&1; echo $? >"$out/full.stories.code"
"$bin" serve --db "$mnt/t.db" --port 0 --token tok >"$out/serve.out" 2>"$out/serve.err" &
echo $! >"$out/serve.pid"
wait $!; echo $? >"$out/serve.code"
cp "$mnt"/t.db* "$out/full/"
rm "$mnt/fill"
mount -o remount,ro "$mnt"
"$bin" ingest "$pages" --db "$mnt/t.db" >/dev/null 2>"$out/ro.err"; echo $? >"$out/ro.code"
"$bin" stories --db "$mnt/t.db" --format json >"$out/ro.stories" 2>&1; echo $? >"$out/ro.stories.code"
"$bin" serve --db "$mnt/t.db" --port 0 --token tok >/dev/null 2>"$out/ro.serve.err"; echo $? >"$out/ro.serve.code"
)";
  const std::string script_file = dir.write("faults.sh", script);
  const std::string command = "unshare -rm sh " + script_file + " " + RECOUPE_BINARY + " " + mnt +
                              " " + out + " " + kSeeds + " " + kPages;
  std::thread driver([&] { run(command); });

  // The server on the full disk: reads answer, the batch is a 503 naming the store.
  int port = 0;
  for (int i = 0; i < 1200 && port == 0; ++i) {
    std::string said = file_text(out + "/serve.out");
    size_t at = said.find("http://127.0.0.1:");
    if (at != std::string::npos) port = std::atoi(said.c_str() + at + 17);
    if (port == 0) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  int post_status = 0, list_status = 0;
  std::string post_body;
  if (port > 0) {
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(120, 0);
    auto posted = client.Post("/api/articles", {{"Authorization", "Bearer tok"}}, file_text(kPages),
                              "application/x-ndjson");
    post_status = posted ? posted->status : 0;
    post_body = posted ? posted->body : "";
    auto listed = client.Get("/api/stories");
    list_status = listed ? listed->status : 0;
    kill(std::atoi(file_text(out + "/serve.pid").c_str()), SIGTERM);
  } else if (int pid = std::atoi(file_text(out + "/serve.pid").c_str()); pid > 0) {
    kill(pid, SIGKILL);  // it never said where it listens: do not wait for it
  }
  driver.join();
  ASSERT_GT(port, 0) << file_text(out + "/serve.err");
  auto code = [&](const std::string& name) {
    return std::atoi(file_text(out + "/" + name).c_str());
  };
  ASSERT_EQ(code("seed.code"), 0) << file_text(out + "/seed.err");

  // Full disk, CLI: exit 4, one line naming the store; the seeds' story still listed.
  EXPECT_EQ(code("full.code"), 4);
  const std::string full_err = file_text(out + "/full.err");
  EXPECT_EQ(std::count(full_err.begin(), full_err.end(), '\n'), 1) << full_err;
  EXPECT_EQ(full_err.rfind("recoupe ingest: " + db + ": ", 0), 0u) << full_err;
  EXPECT_NE(full_err.find("full"), std::string::npos) << full_err;
  EXPECT_EQ(code("full.stories.code"), 0) << file_text(out + "/full.stories");
  auto listed = nlohmann::json::parse(file_text(out + "/full.stories"), nullptr, false);
  ASSERT_FALSE(listed.is_discarded()) << file_text(out + "/full.stories");
  EXPECT_EQ(listed["stories"].size(), 1u);

  // Full disk, server: 503 naming the store, reads still 200, SIGTERM still exits 0.
  EXPECT_EQ(post_status, 503) << post_body;
  EXPECT_NE(post_body.find(db), std::string::npos) << post_body;
  EXPECT_NE(post_body.find("full"), std::string::npos) << post_body;
  EXPECT_EQ(list_status, 200);
  EXPECT_EQ(code("serve.code"), 0) << file_text(out + "/serve.err");

  // Nothing stored before was lost: the file is sound and holds the seeds only.
  const std::string copy = out + "/full/t.db";
  EXPECT_EQ(integrity_check(copy), "ok");
  auto store = store::Store::open(copy, store::OpenMode::kReadOnly);
  ASSERT_TRUE(store) << store.error().to_string();
  EXPECT_EQ(store->placed_articles()->size(), 5u);
  EXPECT_EQ(store->stories({})->size(), 1u);

  // Read-only: the same one clear line and exit code; reading still works.
  EXPECT_EQ(code("ro.code"), 4);
  const std::string ro_err = file_text(out + "/ro.err");
  EXPECT_EQ(std::count(ro_err.begin(), ro_err.end(), '\n'), 1) << ro_err;
  EXPECT_EQ(ro_err.rfind("recoupe ingest: " + db + ": cannot open for writing: the file", 0), 0u)
      << ro_err;
  EXPECT_NE(ro_err.find("read-only"), std::string::npos) << ro_err;
  EXPECT_EQ(code("ro.stories.code"), 0) << file_text(out + "/ro.stories");
  // A server is refused at start on a read-only store, with the same line.
  EXPECT_EQ(code("ro.serve.code"), 4);
  EXPECT_NE(file_text(out + "/ro.serve.err").find(db + ": cannot open for writing"),
            std::string::npos)
      << file_text(out + "/ro.serve.err");
}

// A second process ingests a batch while the server answers reads and `recoupe stories`
// lists: no read fails or waits for the writer; afterwards both see its batch, and the
// server's own next write takes it into account.
TEST(E2EStoreReaders, ReadersKeepWorkingWhileAnotherProcessIngests) {
  recoupe::testing::TempDir dir;
  const std::string db = (dir.path() / "r.db").string();
  const std::string err = (dir.path() / "serve.err").string();
  ServeProcess serve({kSeeds, "--db", db, "--port", "0", "--token", kToken}, err);
  const int port = serve.port(120);
  ASSERT_GT(port, 0) << file_text(err);

  std::atomic<bool> writing{true};
  Outcome ingest;
  std::thread writer([&] {
    ingest = run(std::string(RECOUPE_BINARY) + " ingest " + kPages + " --db " + db + " 2>&1");
    writing = false;
  });
  httplib::Client client("127.0.0.1", port);
  int reads = 0, cli_reads = 0, failed = 0;
  double slowest = 0;
  while (writing) {
    const auto start = Clock::now();
    auto r = client.Get("/api/stories");
    slowest = std::max(slowest, std::chrono::duration<double>(Clock::now() - start).count());
    if (!r || r->status != 200) ++failed;
    ++reads;
    if (reads % 20 == 0) {
      Outcome listed = run(std::string(RECOUPE_BINARY) + " stories --db " + db + " 2>&1");
      if (listed.code != 0) ++failed;
      ++cli_reads;
    }
  }
  writer.join();
  std::printf("%d API reads and %d `recoupe stories` during the ingest, slowest read %.3f s\n",
              reads, cli_reads, slowest);
  ASSERT_EQ(ingest.code, 0) << ingest.out;
  EXPECT_EQ(failed, 0);
  EXPECT_GT(reads, 0);
  EXPECT_LT(slowest, 1.0);
  // The other process's batch is visible to the server's readers.
  auto after = nlohmann::json::parse(client.Get("/api/articles/traf_0000")->body, nullptr, false);
  EXPECT_EQ(after["id"], "traf_0000");
  // The server's next batch is computed on the store as it is now (it rebuilds first).
  auto posted = client.Post("/api/articles", {{"Authorization", "Bearer " + kToken}},
                            R"({"id": "after-1", "text": "Un texte court sur la pluie à Brest."})",
                            "application/json");
  ASSERT_TRUE(posted);
  EXPECT_EQ(posted->status, 200) << posted->body;
  EXPECT_EQ(serve.stop(SIGTERM), 0);
  EXPECT_EQ(integrity_check(db), "ok");
  auto store = store::Store::open(db, store::OpenMode::kReadOnly);
  ASSERT_TRUE(store);
  EXPECT_EQ(store->placed_articles()->size(), 26u);
}

}  // namespace
}  // namespace recoupe::server
