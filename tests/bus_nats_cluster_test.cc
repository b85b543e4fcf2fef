// The test cluster itself (bus_nats_cluster.h): a node killed and restarted comes back on
// its ports with its store, and a destroyed cluster leaves no process and no folder behind.
#include <signal.h>

#include <filesystem>
#include <thread>

#include <gtest/gtest.h>

#include "bus/publish.h"
#include "bus/stream.h"
#include "bus_nats_cluster.h"

namespace recoupe::testing {
namespace {

using namespace std::chrono_literals;

TEST(BusNatsCluster, LeavesNoProcessAndNoFolderBehindAndRestartsANodeOnItsStore) {
  if (nats_server_binary().empty()) GTEST_SKIP() << "nats-server is not installed";
  auto started = NatsCluster::start(3);
  ASSERT_TRUE(started) << started.error().to_string();
  auto cluster = std::move(*started);
  const std::string folder = cluster->folder();
  std::vector<pid_t> pids;
  for (int i = 0; i < cluster->nodes(); ++i) pids.push_back(cluster->pid(i));
  EXPECT_TRUE(std::filesystem::is_directory(folder));
  {
    auto connection = bus::Connection::connect(cluster->connection_config());
    ASSERT_TRUE(connection) << connection.error().to_string();
    ASSERT_TRUE(
        bus::ensure_stream(*connection, {.name = "KEPT", .subjects = {"kept"}, .replicas = 1}));
    ASSERT_TRUE(bus::publish(*connection, "kept", "x", "x"));
  }
  // kill -9 every node, then bring them back: the stream is read from their stores.
  for (int i = 0; i < cluster->nodes(); ++i) cluster->kill(i);
  for (int i = 0; i < cluster->nodes(); ++i) {
    EXPECT_FALSE(cluster->running(i));
    auto again = cluster->restart(i);
    ASSERT_TRUE(again) << again.error().to_string();
  }
  {
    bus::ConnectionConfig config = cluster->connection_config();
    config.retry_deadline = 30s;  // the restarted cluster elects its leaders again
    auto connection = bus::Connection::connect(config);
    ASSERT_TRUE(connection) << connection.error().to_string();
    // Until the new meta leader has read the stores back, the stream may be unknown.
    auto state = bus::stream_state(*connection, "KEPT");
    for (auto until = std::chrono::steady_clock::now() + 30s;
         !state && std::chrono::steady_clock::now() < until;
         state = bus::stream_state(*connection, "KEPT"))
      std::this_thread::sleep_for(200ms);
    ASSERT_TRUE(state) << state.error().to_string();
    EXPECT_EQ(state->messages, 1u);
  }
  for (int i = 0; i < cluster->nodes(); ++i) pids.push_back(cluster->pid(i));
  cluster.reset();
  for (pid_t pid : pids) EXPECT_NE(kill(pid, 0), 0) << "node process " << pid << " still runs";
  EXPECT_FALSE(std::filesystem::exists(folder));
}

}  // namespace
}  // namespace recoupe::testing
