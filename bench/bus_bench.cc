// The cost of the bus (src/bus/, NATS JetStream) per message on a running cluster: publish
// rate and consume+ack rate for article-sized messages, and the CPU each costs, in this
// process (the client) and in the servers (from /proc, when their pids are given).
// bench/bus_bench.sh starts a three-node loopback cluster and runs this on it.
//
//   bus_bench --servers nats://127.0.0.1:P1,... [--server-pids 11,12,13] [--messages 5000]
//             [--bytes 2000] [--publishers 4] [--replicas 3]
//
// Phases (each on its own stream, file storage; replicas 3 as in production, 1 as the
// baseline that shows what replication costs):
//   publish-1     one publisher, one message at a time (the ack of each awaited)
//   publish-P     P publishers (threads, a connection each), the same total
//   consume-1     one worker: fetch batches of 64, ack each (confirmed), until all are done
//   consume-2     two workers (a connection each) on the same durable consumer
//   publish_all-1 one publisher, batches of 200 (publish_all: up to 256 acks awaited at once)
//   consume_nc-1  one worker acking with ack_unconfirmed() (no round trip per ack)
#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "bus/connection.h"
#include "bus/publish.h"
#include "bus/stream.h"
#include "bus/work_queue.h"

using namespace recoupe;
using namespace std::chrono_literals;

namespace {

struct Options {
  std::vector<std::string> servers;
  std::vector<int> server_pids;
  int messages = 5000;
  int bytes = 2000;
  int publishers = 4;
  int replicas = 3;
};

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string part; std::getline(in, part, ',');)
    if (!part.empty()) out.push_back(part);
  return out;
}

double cpu_seconds_self() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// utime + stime of a process (fields 14 and 15 of /proc/PID/stat), in seconds.
double cpu_seconds_of(int pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string stat((std::istreambuf_iterator<char>(in)), {});
  auto close = stat.rfind(')');
  if (close == std::string::npos) return 0;
  std::stringstream fields(stat.substr(close + 2));
  std::string f;
  long ticks = 0;
  for (int i = 3; i <= 15 && fields >> f; ++i)
    if (i >= 14) ticks += std::stol(f);
  return double(ticks) / double(sysconf(_SC_CLK_TCK));
}

double cpu_seconds_servers(const Options& o) {
  double sum = 0;
  for (int pid : o.server_pids) sum += cpu_seconds_of(pid);
  return sum;
}

// Wall time and CPU (client, servers) of one phase; printed per message.
class Phase {
 public:
  Phase(const Options& o)
      : o_(o),
        wall_(std::chrono::steady_clock::now()),
        client_(cpu_seconds_self()),
        servers_(cpu_seconds_servers(o)) {}
  void report(const std::string& name, int messages) const {
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_).count();
    double client = cpu_seconds_self() - client_;
    double servers = cpu_seconds_servers(o_) - servers_;
    std::printf("%-12s %7d msgs  %8.0f msgs/s  wall %6.2f s  client CPU %6.1f us/msg", name.c_str(),
                messages, messages / wall, wall, client / messages * 1e6);
    if (!o_.server_pids.empty())
      std::printf("  servers CPU %6.1f us/msg", servers / messages * 1e6);
    std::printf("\n");
    std::fflush(stdout);
  }

 private:
  const Options& o_;
  std::chrono::steady_clock::time_point wall_;
  double client_, servers_;
};

bus::Connection connect_or_die(const Options& o) {
  bus::ConnectionConfig config;
  config.servers = o.servers;
  auto connection = bus::Connection::connect(config);
  if (!connection) {
    std::fprintf(stderr, "bus_bench: %s\n", connection.error().to_string().c_str());
    std::exit(1);
  }
  return std::move(*connection);
}

// An article-sized JSON record; the number keeps each message (and its id) distinct.
bus::OutgoingMessage message(const Options& o, const std::string& subject, int i) {
  static const std::string body(size_t(o.bytes), 'a');
  return {subject, "{\"id\":\"" + std::to_string(i) + "\",\"text\":\"" + body + "\"}",
          subject + "-" + std::to_string(i)};
}

// Messages [from, to) one at a time (publish), or in batches of 200 (publish_all).
void publish_range(const Options& o, const std::string& subject, int from, int to, bool batched) {
  bus::Connection connection = connect_or_die(o);
  for (int i = from; i < to;) {
    std::vector<bus::OutgoingMessage> batch;
    for (; i < to && batch.size() < (batched ? 200u : 1u); ++i)
      batch.push_back(message(o, subject, i));
    std::optional<Error> failed;
    if (batched) {
      auto acks = bus::publish_all(connection, batch);
      if (!acks) failed = acks.error();
    } else {
      auto ack = bus::publish(connection, batch[0].subject, batch[0].data, batch[0].id);
      if (!ack) failed = ack.error();
    }
    if (failed) {
      std::fprintf(stderr, "bus_bench: %s\n", failed->to_string().c_str());
      std::exit(1);
    }
  }
}

void consume(const Options& o, const std::string& stream, std::atomic<int>& done, int total,
             bool confirmed) {
  bus::Connection connection = connect_or_die(o);
  auto queue = bus::WorkQueue::open(connection, {.stream = stream, .durable = "bench"});
  if (!queue) {
    std::fprintf(stderr, "bus_bench: %s\n", queue.error().to_string().c_str());
    std::exit(1);
  }
  while (done < total) {
    auto batch = queue->fetch(64, 200ms);
    if (!batch) continue;
    for (auto& delivery : *batch)
      if (confirmed ? delivery.ack() : delivery.ack_unconfirmed()) ++done;
  }
}

void run_stream(const Options& o, const std::string& name, int publishers, int workers,
                bool batched) {
  const bool confirmed = !batched;  // the batched run acks without waiting, too
  bus::Connection admin = connect_or_die(o);
  const std::string subject = "bench." + name;
  const bus::StreamConfig config{.name = name, .subjects = {subject}, .replicas = o.replicas};
  // A new cluster elects its JetStream leader within seconds: retried until then.
  auto stream = bus::ensure_stream(admin, config);
  for (int i = 0; i < 100 && !stream; ++i) {
    std::this_thread::sleep_for(300ms);
    stream = bus::ensure_stream(admin, config);
  }
  if (!stream) {
    std::fprintf(stderr, "bus_bench: %s\n", stream.error().to_string().c_str());
    std::exit(1);
  }
  {
    Phase phase(o);
    std::vector<std::thread> threads;
    int per = o.messages / publishers;
    for (int p = 0; p < publishers; ++p)
      threads.emplace_back(publish_range, std::cref(o), subject, p * per, (p + 1) * per, batched);
    for (auto& t : threads) t.join();
    phase.report((batched ? "publish_all-" : "publish-") + std::to_string(publishers),
                 per * publishers);
  }
  {
    Phase phase(o);
    std::atomic<int> done{0};
    std::vector<std::thread> threads;
    int total = o.messages / publishers * publishers;
    for (int w = 0; w < workers; ++w)
      threads.emplace_back(consume, std::cref(o), name, std::ref(done), total, confirmed);
    for (auto& t : threads) t.join();
    phase.report((confirmed ? "consume-" : "consume_nc-") + std::to_string(workers), total);
  }
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--servers")
      o.servers = split(value);
    else if (flag == "--server-pids")
      for (auto& p : split(value)) o.server_pids.push_back(std::stoi(p));
    else if (flag == "--messages")
      o.messages = std::stoi(value);
    else if (flag == "--bytes")
      o.bytes = std::stoi(value);
    else if (flag == "--replicas")
      o.replicas = std::stoi(value);
    else if (flag == "--publishers")
      o.publishers = std::stoi(value);
    else {
      std::fprintf(stderr, "bus_bench: unknown option %s\n", flag.c_str());
      return 2;
    }
  }
  if (o.servers.empty()) {
    std::fprintf(stderr,
                 "usage: bus_bench --servers nats://HOST:PORT,... [--server-pids P,...] "
                 "[--messages N] [--bytes B] [--publishers P]\n");
    return 2;
  }
  std::printf("bus_bench: %d messages of ~%d bytes, replicas %d, file storage\n", o.messages,
              o.bytes + 20, o.replicas);
  std::fflush(stdout);
  const std::string r = "_R" + std::to_string(o.replicas);  // a stream per replica count
  run_stream(o, "BENCH_ONE" + r, 1, 1, false);
  run_stream(o, "BENCH_MANY" + r, o.publishers, 2, false);
  run_stream(o, "BENCH_BATCH" + r, 1, 1, true);
  return 0;
}
