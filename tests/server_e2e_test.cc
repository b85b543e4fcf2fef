// End to end: the real `recoupe serve` binary, started on a free port as a user would
// (`recoupe serve examples/vostochny`), asked over HTTP, then stopped.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <regex>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "ingest_test_util.h"

namespace {

// `recoupe serve ARGS` with RECOUPE_TOKEN=`token` (unset when empty); stops it when done.
class ServeProcess {
 public:
  ServeProcess(const std::vector<std::string>& args, const std::string& token) {
    int out[2];
    if (pipe(out) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(out[1], STDOUT_FILENO);
      close(out[0]);
      close(out[1]);
      if (token.empty())
        unsetenv("RECOUPE_TOKEN");
      else
        setenv("RECOUPE_TOKEN", token.c_str(), 1);
      std::vector<char*> argv = {const_cast<char*>(RECOUPE_BINARY), const_cast<char*>("serve")};
      for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      execv(RECOUPE_BINARY, argv.data());
      _exit(127);
    }
    close(out[1]);
    out_ = out[0];
  }
  ~ServeProcess() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
    }
    if (out_ >= 0) close(out_);
  }

  // The port of the "serving … on http://HOST:PORT/" line, waiting up to `seconds`; 0 when
  // the line did not come (the process ended or is stuck).
  int port(int seconds) {
    std::string seen;
    const std::regex serving("serving .* on http://[^ ]+:([0-9]+)/");
    for (int waited = 0; waited < seconds * 10; ++waited) {
      pollfd p{out_, POLLIN, 0};
      if (poll(&p, 1, 100) > 0) {
        char buf[512];
        ssize_t n = read(out_, buf, sizeof buf);
        if (n <= 0) return 0;
        seen.append(buf, size_t(n));
        std::smatch m;
        if (std::regex_search(seen, m, serving)) return std::stoi(m[1]);
      }
    }
    return 0;
  }

  // Stops the server and returns its exit status, as a shell shows it.
  int stop() {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    exited_ = true;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

 private:
  pid_t pid_ = -1;
  int out_ = -1;
  bool exited_ = false;
};

nlohmann::json parse(const std::string& body) {
  return nlohmann::json::parse(body, nullptr, false);
}

TEST(E2EServe, ServesTheSeedsItWasGivenAndTakesAPostWithTheToken) {
  recoupe::testing::TempDir dir;
  const std::string db = (dir.path() / "serve.db").string();
  ServeProcess serve({RECOUPE_EXAMPLES_DIR "/vostochny", "--db", db, "--port", "0"}, "tok");
  const int port = serve.port(120);
  ASSERT_GT(port, 0) << "no 'serving … on' line";
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(60, 0);
  auto health = client.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(parse(health->body)["status"], "ok");
  auto listed = parse(client.Get("/api/stories")->body);
  ASSERT_EQ(listed["stories"].size(), 1u);
  EXPECT_EQ(listed["stories"][0]["id"], "se2f9f11faca7");
  auto story = parse(client.Get("/api/stories/se2f9f11faca7")->body);
  EXPECT_EQ(story["stories"][0]["articles"].size(), 5u);
  EXPECT_EQ(client.Get("/api/stories/s000000000000")->status, 404);

  const std::string record =
      R"({"id": "e2e-1", "lang": "fr", "source": "Le Port", "title": "Grève des dockers)"
      R"( au Havre", "text": "Les dockers du Havre sont en grève depuis mardi pour leurs)"
      R"( salaires, selon le syndicat. Le trafic des conteneurs est à l'arrêt."})";
  EXPECT_EQ(client.Post("/api/articles", record, "application/json")->status, 401);
  auto posted =
      client.Post("/api/articles", {{"Authorization", "Bearer tok"}}, record, "application/json");
  ASSERT_TRUE(posted);
  EXPECT_EQ(posted->status, 200) << posted->body;
  EXPECT_EQ(parse(client.Get("/api/stories")->body)["stories"].size(), 2u);
  EXPECT_EQ(parse(client.Get("/api/articles/e2e-1")->body)["id"], "e2e-1");
  serve.stop();

  // A restart serves what was stored, without inputs.
  ServeProcess again({"--db", db, "--port", "0"}, "");
  const int port2 = again.port(120);
  ASSERT_GT(port2, 0);
  httplib::Client client2("127.0.0.1", port2);
  client2.set_read_timeout(60, 0);
  EXPECT_EQ(parse(client2.Get("/api/stories")->body)["stories"].size(), 2u);
  // Without a token the server is read-only.
  EXPECT_EQ(
      client2.Post("/api/articles", {{"Authorization", "Bearer tok"}}, record, "application/json")
          ->status,
      403);
}

TEST(E2EServe, ANonLoopbackAddressWithoutATokenIsRefusedAtStart) {
  recoupe::testing::TempDir dir;
  ServeProcess serve({"--host", "0.0.0.0", "--db", (dir.path() / "x.db").string()}, "");
  EXPECT_EQ(serve.port(30), 0);
  EXPECT_EQ(serve.stop(), 2);
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "x.db"));  // refused before opening
}

}  // namespace
