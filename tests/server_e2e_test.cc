// End to end: the real `recoupe serve` binary, started on a free port as a user would
// (`recoupe serve examples/vostochny`), asked over HTTP, then stopped.
#include <gtest/gtest.h>

#include <signal.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "ingest_test_util.h"
#include "serve_process.h"

namespace {

using recoupe::testing::ServeProcess;

// Where a test's server writes its stderr.
std::string err_file() { return ::testing::TempDir() + "recoupe-serve-e2e.err"; }

nlohmann::json parse(const std::string& body) {
  return nlohmann::json::parse(body, nullptr, false);
}

TEST(E2EServe, ServesTheSeedsItWasGivenAndTakesAPostWithTheToken) {
  recoupe::testing::TempDir dir;
  const std::string db = (dir.path() / "serve.db").string();
  ServeProcess serve({RECOUPE_EXAMPLES_DIR "/vostochny", "--db", db, "--port", "0"}, err_file(),
                     "tok");
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
  serve.stop(SIGTERM);

  // A restart serves what was stored, without inputs.
  ServeProcess again({"--db", db, "--port", "0"}, err_file());
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

// `timeout` and a shell's job control deliver one stop twice, to the process and to its group:
// that is one stop, answered in full, not a person asking a second time to exit at once.
TEST(E2EServe, OneStopDeliveredTwiceAtOnceStopsCleanly) {
  recoupe::testing::TempDir dir;
  const std::string db = (dir.path() / "serve.db").string();
  ServeProcess serve({RECOUPE_EXAMPLES_DIR "/vostochny", "--db", db, "--port", "0"}, err_file());
  ASSERT_GT(serve.port(120), 0) << "no 'serving … on' line";
  serve.signal(SIGTERM);
  std::this_thread::sleep_for(std::chrono::milliseconds(20));  // the first is taken by now
  EXPECT_EQ(serve.stop(SIGTERM), 0);
  std::stringstream err;
  err << std::ifstream(err_file()).rdbuf();
  EXPECT_NE(err.str().find("stopped on SIGTERM"), std::string::npos) << err.str();
  EXPECT_EQ(err.str().find("again"), std::string::npos) << err.str();
}

TEST(E2EServe, ANonLoopbackAddressWithoutATokenIsRefusedAtStart) {
  recoupe::testing::TempDir dir;
  ServeProcess serve({"--host", "0.0.0.0", "--db", (dir.path() / "x.db").string()}, err_file());
  EXPECT_EQ(serve.port(30), 0);
  EXPECT_EQ(serve.stop(SIGTERM), 2);
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "x.db"));  // refused before opening
}

}  // namespace
