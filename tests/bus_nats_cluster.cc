#include "bus_nats_cluster.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <algorithm>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "bus/stream.h"

namespace recoupe::testing {
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

// A port nothing listens on now (the kernel's pick for port 0). Another process may take it
// before the node binds it: start() then fails that node and tries again with new ports.
int free_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  int port = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
    port = ntohs(addr.sin_port);
  close(fd);
  return port;
}

bool accepts_connections(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(uint16_t(port));
  bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  close(fd);
  return ok;
}

// Folders of clusters whose test process was killed before it could remove them (a test
// run stopped by a timeout): "recoupe-nats-PID-XXXXXX" whose PID no longer runs.
void remove_orphaned_folders() {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/tmp", ec)) {
    std::string name = entry.path().filename().string();
    const std::string prefix = "recoupe-nats-";
    if (name.rfind(prefix, 0) != 0) continue;
    auto dash = name.find('-', prefix.size());
    if (dash == std::string::npos) continue;
    pid_t owner = pid_t(std::atol(name.substr(prefix.size(), dash - prefix.size()).c_str()));
    if (owner > 0 && ::kill(owner, 0) != 0 && errno == ESRCH) fs::remove_all(entry.path(), ec);
  }
}

}  // namespace

std::string nats_server_binary() {
  if (const char* path = std::getenv("PATH")) {
    std::stringstream dirs(path);
    std::string dir;
    while (std::getline(dirs, dir, ':'))
      if (!dir.empty() && access((dir + "/nats-server").c_str(), X_OK) == 0)
        return dir + "/nats-server";
  }
  for (const char* candidate : {"/usr/sbin/nats-server", "/usr/bin/nats-server"})
    if (access(candidate, X_OK) == 0) return candidate;
  return "";
}

Expected<std::unique_ptr<NatsCluster>> NatsCluster::start(int nodes,
                                                          std::chrono::seconds ready_within) {
  std::string binary = nats_server_binary();
  if (binary.empty()) return Error{"nats-server", "not installed (scripts/setup installs it)"};
  remove_orphaned_folders();
  Error last{"nats-server", "no attempt"};
  // A port taken meanwhile, or a cluster that wedges while bootstrapping (routes dropped as
  // duplicates, no meta leader: seen once in 60 s on a loaded 2-core CI machine, where a
  // healthy start takes 1-3 s): a new cluster on new ports, each attempt given a third of
  // `ready_within`.
  constexpr int kAttempts = 3;
  const auto attempt_within = std::max(std::chrono::seconds(10), ready_within / kAttempts);
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    std::unique_ptr<NatsCluster> cluster(new NatsCluster());
    std::string root = "/tmp/recoupe-nats-" + std::to_string(getpid()) + "-XXXXXX";
    if (!mkdtemp(root.data())) return Error{"/tmp", "cannot create a folder for the cluster"};
    cluster->root_ = root;
    for (int i = 0; i < nodes; ++i) {
      Node node;
      node.name = "n" + std::to_string(i + 1);
      node.client_port = free_port();
      node.cluster_port = free_port();
      node.folder = cluster->root_ + "/" + node.name;
      fs::create_directories(node.folder + "/store");
      node.config_file = node.folder + "/server.conf";
      node.log_file = node.folder + "/server.log";
      cluster->nodes_.push_back(node);
    }
    for (auto& node : cluster->nodes_) {
      std::ofstream conf(node.config_file);
      conf << "server_name: " << node.name << "\n"
           << "listen: 127.0.0.1:" << node.client_port << "\n"
           << "jetstream { store_dir: \"" << node.folder << "/store\"\n"
           << "  max_memory_store: 256MB\n  max_file_store: 2GB }\n"
           << "cluster {\n  name: recoupe_test\n  listen: 127.0.0.1:" << node.cluster_port
           << "\n  routes: [\n";
      for (const auto& other : cluster->nodes_)
        if (other.name != node.name)
          conf << "    nats-route://127.0.0.1:" << other.cluster_port << "\n";
      conf << "  ]\n}\n";
    }
    bool launched = true;
    for (int i = 0; i < nodes; ++i) {
      auto up = cluster->launch(i);
      if (!up) {
        last = up.error();
        launched = false;
        break;
      }
    }
    if (!launched) continue;
    auto ready = cluster->wait_ready(attempt_within);
    if (!ready) {
      last = ready.error();  // the cluster's nodes are killed and its folder removed here
      continue;
    }
    return cluster;
  }
  return last;
}

// Forks nats-server on the node's config; waits until its client port answers.
Expected<bus::Done> NatsCluster::launch(int index) {
  static const std::string binary = nats_server_binary();
  Node& node = nodes_.at(size_t(index));
  pid_t pid = fork();
  if (pid == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);  // dies with the test process, even if it crashes
    int log = open(node.log_file.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (log >= 0) {
      dup2(log, STDOUT_FILENO);
      dup2(log, STDERR_FILENO);
    }
    execl(binary.c_str(), "nats-server", "-c", node.config_file.c_str(), nullptr);
    _exit(127);
  }
  node.pid = pid;
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (std::chrono::steady_clock::now() < deadline) {
    if (accepts_connections(node.client_port)) return bus::Done{};
    if (waitpid(pid, nullptr, WNOHANG) == pid) {
      node.pid = -1;
      return Error{node.name, "nats-server exited at start: " + log_tail(index)};
    }
    std::this_thread::sleep_for(20ms);
  }
  return Error{node.name, "nats-server does not accept connections after 10 s"};
}

// JetStream is ready when a stream with one replica per node can be created: the nodes have
// found each other and elected a meta leader. Retried until `within`, never slept blindly.
Expected<bus::Done> NatsCluster::wait_ready(std::chrono::seconds within) {
  const auto deadline = std::chrono::steady_clock::now() + within;
  bus::ConnectionConfig config = connection_config();
  config.request_timeout = 1000ms;
  config.retry_deadline = 1000ms;  // this loop is the retry
  Error last{"cluster", "not ready"};
  while (std::chrono::steady_clock::now() < deadline) {
    auto connection = bus::Connection::connect(config);
    if (connection) {
      bus::StreamConfig probe{
          .name = "READY_PROBE", .subjects = {"ready.probe"}, .replicas = nodes()};
      auto stream = bus::ensure_stream(*connection, probe);
      if (stream) return bus::Done{};
      last = stream.error();
    } else {
      last = connection.error();
    }
    std::this_thread::sleep_for(200ms);
  }
  return Error{"cluster", "JetStream not ready after " + std::to_string(within.count()) +
                              " s: " + last.to_string() + "; " + log_tail(0)};
}

NatsCluster::~NatsCluster() {
  for (auto& node : nodes_)
    if (node.pid > 0) {
      ::kill(node.pid, SIGKILL);
      waitpid(node.pid, nullptr, 0);
    }
  std::error_code ec;
  if (!root_.empty()) fs::remove_all(root_, ec);
}

std::string NatsCluster::url(int node) const {
  return "nats://127.0.0.1:" + std::to_string(nodes_.at(size_t(node)).client_port);
}

std::vector<std::string> NatsCluster::urls() const {
  std::vector<std::string> out;
  for (int i = 0; i < nodes(); ++i) out.push_back(url(i));
  return out;
}

bus::ConnectionConfig NatsCluster::connection_config() const {
  bus::ConnectionConfig config;
  config.servers = urls();
  config.name = "recoupe-test";
  config.connect_timeout = 1000ms;
  config.reconnect_wait = 100ms;
  config.request_timeout = 2000ms;
  config.ping_interval = 1000ms;
  return config;
}

void NatsCluster::kill(int node) {
  Node& n = nodes_.at(size_t(node));
  if (n.pid <= 0) return;
  ::kill(n.pid, SIGKILL);
  waitpid(n.pid, nullptr, 0);
  n.pid = -1;
}

Expected<bus::Done> NatsCluster::restart(int node) {
  Node& n = nodes_.at(size_t(node));
  if (n.pid > 0) return bus::Done{};
  return launch(node);
}

bool NatsCluster::running(int node) const { return nodes_.at(size_t(node)).pid > 0; }

std::string NatsCluster::log_tail(int node, size_t lines) const {
  std::ifstream in(nodes_.at(size_t(node)).log_file);
  std::vector<std::string> all;
  for (std::string line; std::getline(in, line);) all.push_back(line);
  std::string out;
  for (size_t i = all.size() > lines ? all.size() - lines : 0; i < all.size(); ++i)
    out += all[i] + "\n";
  return nodes_.at(size_t(node)).name + " log:\n" + out;
}

void NatsClusterTest::SetUp() {
  if (nats_server_binary().empty())
    GTEST_SKIP() << "nats-server is not installed (Debian's nats-server; scripts/setup "
                    "installs it): the bus tests need a real cluster";
  auto started = NatsCluster::start(3);
  ASSERT_TRUE(started) << started.error().to_string();
  cluster = std::move(*started);
}

}  // namespace recoupe::testing
