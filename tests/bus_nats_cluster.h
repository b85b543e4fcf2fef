// A real three-node nats-server cluster with JetStream on loopback, for the tests of
// src/bus/: free ports, a folder per node for its store, routes between the nodes. It waits
// until JetStream can place a stream on three replicas, can kill -9 a node and restart it
// (same ports, same store), and stops every node and removes its folders when destroyed,
// also when a test fails. If the test process is killed, the nodes die with it and the next
// cluster started removes its folders.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "bus/bus_config.h"
#include "bus/connection.h"
#include "core/expected.h"

namespace recoupe::testing {

// The nats-server program (PATH, then /usr/sbin and /usr/bin, where Debian puts it), or ""
// when it is not installed.
std::string nats_server_binary();

class NatsCluster {
 public:
  // Starts `nodes` nodes (3 for replicas 3) and waits up to `ready_within` until JetStream
  // stores a stream on every node; a cluster not ready within a third of it is replaced by a
  // new one on new ports (three attempts). Fails with what went wrong and the tail of the logs.
  static Expected<std::unique_ptr<NatsCluster>> start(
      int nodes = 3, std::chrono::seconds ready_within = std::chrono::seconds(60));
  ~NatsCluster();
  NatsCluster(const NatsCluster&) = delete;
  NatsCluster& operator=(const NatsCluster&) = delete;

  int nodes() const { return int(nodes_.size()); }
  std::string url(int node) const;  // "nats://127.0.0.1:PORT"
  std::vector<std::string> urls() const;
  // A client config listing every node, with timeouts short enough for tests.
  bus::ConnectionConfig connection_config() const;

  // SIGKILL, as a crashed machine: no goodbye to the cluster, nothing flushed.
  void kill(int node);
  // Starts a killed node again on its ports and store; waits until it accepts clients.
  Expected<bus::Done> restart(int node);
  bool running(int node) const;
  pid_t pid(int node) const { return nodes_.at(size_t(node)).pid; }
  const std::string& folder() const { return root_; }  // every node's store and log
  // The last lines of a node's log (for a failure message).
  std::string log_tail(int node, size_t lines = 20) const;

 private:
  struct Node {
    std::string name;
    int client_port = 0, cluster_port = 0;
    std::string folder, config_file, log_file;
    pid_t pid = -1;
  };
  NatsCluster() = default;
  Expected<bus::Done> launch(int node);
  Expected<bus::Done> wait_ready(std::chrono::seconds within);

  std::string root_;
  std::vector<Node> nodes_;
};

// The base of the tests that need the cluster: skips (with the reason) when nats-server is
// not installed, fails when the cluster does not start. `cluster` is new for every test.
class NatsClusterTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override { cluster.reset(); }

  std::unique_ptr<NatsCluster> cluster;
};

}  // namespace recoupe::testing
