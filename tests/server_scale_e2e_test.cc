// recoupe scaled out, end to end, with real servers: a three-node NATS JetStream cluster and
// a PostgreSQL 15, `recoupe serve --bus … --db postgresql://…` and two `recoupe worker`
// processes. Articles posted to the server are published on the bus, cleaned by either
// worker, placed and stored by the one holding the lead, and read back from the server; when
// the leading worker is killed -9, the other takes over and nothing is lost or doubled.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "bus_nats_cluster.h"
#include "ingest_test_util.h"
#include "serve_process.h"
#include "store_postgres_server.h"

namespace recoupe {
namespace {

using namespace std::chrono_literals;
using recoupe::testing::NatsClusterTest;
using recoupe::testing::ServeProcess;

const std::string kDevSet =
    std::string(RECOUPE_TEST_DIR) + "/../../shared/data/clustering/rpm2-fr-dev.jsonl";

// `recoupe worker ARGS`, stdout and stderr to one file; killed (-9) when destroyed.
class WorkerProcess {
 public:
  WorkerProcess(const std::vector<std::string>& args, const std::string& log) : log_(log) {
    pid_ = fork();
    if (pid_ == 0) {
      int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      dup2(fd, STDOUT_FILENO);
      dup2(fd, STDERR_FILENO);
      std::vector<char*> argv = {const_cast<char*>(RECOUPE_BINARY), const_cast<char*>("worker")};
      for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      execv(RECOUPE_BINARY, argv.data());
      _exit(127);
    }
  }
  ~WorkerProcess() { kill_hard(); }
  void kill_hard() {
    if (pid_ <= 0) return;
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
  std::string log() const {
    std::ifstream in(log_);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  bool leading() const { return log().find("this worker holds the lead") != std::string::npos; }

 private:
  std::string log_;
  pid_t pid_ = -1;
};

// The JSONL of `path`'s lines [from, to).
std::string lines(const std::string& path, size_t from, size_t to) {
  std::ifstream in(path);
  std::string line, out;
  for (size_t i = 0; std::getline(in, line) && i < to; ++i)
    if (i >= from) out += line + "\n";
  return out;
}

// The number of articles the server lists over all its stories.
size_t articles_listed(httplib::Client& client) {
  auto res = client.Get("/api/stories?limit=500");
  if (!res) {
    ADD_FAILURE() << "GET /api/stories: " << httplib::to_string(res.error());
    return 0;
  }
  EXPECT_EQ(res->status, 200) << res->body;
  if (res->status != 200) return 0;
  const nlohmann::json listing = nlohmann::json::parse(res->body);
  size_t n = 0;
  for (const auto& s : listing["stories"]) n += s["articles"].size();
  return n;
}

class ScaleOut : public NatsClusterTest {};

TEST_F(ScaleOut, PostedArticlesAreStoredByWorkersAndSurviveTheLeadersDeath) {
  REQUIRE_POSTGRES();
  if (!std::filesystem::exists(kDevSet)) GTEST_SKIP() << "no ../shared/data";
  recoupe::testing::TempDir dir;
  const std::string store = recoupe::testing::shared_postgres().new_database();
  std::string bus;
  for (const auto& url : cluster->urls()) bus += (bus.empty() ? "" : ",") + url;

  ServeProcess serve({"--db", store, "--bus", bus, "--port", "0"},
                     (dir.path() / "serve.err").string(), "tok");
  const int port = serve.port(60);
  ASSERT_GT(port, 0) << "serve did not start";
  std::vector<std::unique_ptr<WorkerProcess>> workers;
  for (int w = 0; w < 2; ++w)
    workers.push_back(std::make_unique<WorkerProcess>(
        std::vector<std::string>{"--bus", bus, "--store", store, "--threads", "1"},
        (dir.path() / ("worker" + std::to_string(w) + ".log")).string()));

  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(30, 0);
  const httplib::Headers auth = {{"Authorization", "Bearer tok"}};
  auto posted = client.Post("/api/articles", auth, lines(kDevSet, 0, 20), "application/x-ndjson");
  ASSERT_TRUE(posted);
  ASSERT_EQ(posted->status, 202) << posted->body;
  EXPECT_EQ(nlohmann::json::parse(posted->body)["added"], 20);

  auto wait_for = [&](size_t articles) {
    for (auto until = std::chrono::steady_clock::now() + 90s;
         std::chrono::steady_clock::now() < until; std::this_thread::sleep_for(200ms))
      if (articles_listed(client) >= articles) break;
    return articles_listed(client);
  };
  ASSERT_EQ(wait_for(20), 20u) << workers[0]->log() << workers[1]->log()
                               << client.Get("/api/stories?limit=500")->body.substr(0, 300);

  // The leader dies; the other worker takes the lead and stores what comes next.
  const int leader = workers[0]->leading() ? 0 : 1;
  ASSERT_TRUE(workers[leader]->leading()) << workers[leader]->log();
  workers[leader]->kill_hard();
  posted = client.Post("/api/articles", auth, lines(kDevSet, 20, 40), "application/x-ndjson");
  ASSERT_TRUE(posted);
  ASSERT_EQ(posted->status, 202) << posted->body;
  // Posted again: the bus has them all already, nothing is stored twice.
  posted = client.Post("/api/articles", auth, lines(kDevSet, 0, 40), "application/x-ndjson");
  ASSERT_TRUE(posted);
  EXPECT_EQ(nlohmann::json::parse(posted->body)["unchanged"], 40);
  EXPECT_EQ(wait_for(40), 40u) << workers[1 - leader]->log();
  std::this_thread::sleep_for(2s);
  EXPECT_EQ(articles_listed(client), 40u);  // and no more
  EXPECT_TRUE(workers[1 - leader]->leading()) << workers[1 - leader]->log();
}

}  // namespace
}  // namespace recoupe
