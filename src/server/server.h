// Server: `recoupe serve`, the HTTP/JSON API over the store (docs/api.md). It keeps one
// LiveStories, the store's only writer, for its whole run, and answers reads from
// read-only connections (ReaderPool), so reads go on while a batch is ingested.
//
//   auto server = server::Server::open(pipeline, {.db_path = "recoupe.db", .port = 8080});
//   server->ingest(engine::read_batch(inputs, pipeline));   // optional: before serving
//   auto port = (*server)->bind();                           // 127.0.0.1:8080
//   (*server)->run();                                        // until stop()
//
// Endpoints: GET /healthz, GET /api/stories, GET /api/stories/{id}, GET /api/articles/{id},
// POST /api/articles (Authorization: Bearer TOKEN), GET /api/events (Server-Sent Events,
// also at /events), GET /api/sources (the watched sources' status), GET /metrics
// (Prometheus text). Every answer is
// JSON, errors too
// ({"error": "..."} with 400, 401, 403, 404, 405, 413, 500 or 503); GET answers carry an
// ETag and answer 304 to a matching If-None-Match.
//
// Security: check_options() refuses a non-loopback address without a token; without a
// token every write is refused (403); bodies are limited (413); slow clients time out.
// Other writers: `recoupe ingest` may add articles to the same store while it is served.
// The server checks the store's generation every follow_interval_ms; the stories another
// process's batches created, updated or merged are streamed as events like its own, and
// its live grouper is rebuilt from the store before its next batch.
// Thread-safety: the request threads of the HTTP library run the handlers concurrently;
// one batch is ingested at a time (a mutex around LiveStories), and POSTs that arrive while
// one is ingested are then ingested together as one batch, each answered with its own part
// (group commit: server/group_commit.h, bounded by the config's section "serve"). stop()
// may be called from any thread. `pipeline` must outlive the Server.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/expected.h"
#include "engine/live_stories.h"
#include "engine/pipeline.h"

namespace recoupe::server {

struct ServerOptions {
  std::string db_path = "recoupe.db";  // or a postgresql:// URL (store::Store::open)
  std::string host = "127.0.0.1";
  int port = 8080;    // 0: any free port (bind() says which)
  std::string token;  // the bearer token writes need; empty: writes are refused
  // One request body. A JSONL batch of a few hundred articles with their HTML fits; a
  // client with more sends several batches.
  size_t max_body_bytes = size_t(32) << 20;
  // Within a request, a client that sends or reads nothing for this long is dropped, and
  // one that sends its request slower than min_request_bytes_per_second once
  // read_timeout_seconds have passed (slow clients must not hold the request threads).
  int read_timeout_seconds = 10;
  int write_timeout_seconds = 10;
  size_t min_request_bytes_per_second = 16 << 10;
  // A connection that sends nothing, before its first request or between two, is closed
  // after this. It holds no request thread meanwhile (http_server.h), so thousands of idle
  // connections cost file descriptors only; past max_idle_connections the one idle the
  // longest is closed. Each needs a file descriptor: keep it under the process's limit.
  int keep_alive_seconds = 5;
  // Requests one kept-alive connection may make before it is closed (the library's default,
  // 5, makes a busy client reconnect every 5 requests).
  size_t keep_alive_max_requests = 1000;
  // Story and listing answers kept serialized with their ETag (server/answer_cache.h).
  size_t answer_cache_bytes = size_t(64) << 20;
  size_t max_idle_connections = 10000;  // waiting connections kept (see keep_alive_seconds)
  // Request threads: a request holds one while it is read, handled and answered. An event
  // stream holds one for as long as it is open, so at most max_event_streams of them
  // stream (503 past it) and the rest answer requests.
  size_t threads = 16;
  size_t max_event_streams = 8;
  int event_heartbeat_seconds = 15;  // a comment line when no event came, to keep proxies open
  // How often the store is checked for batches another process committed (`recoupe ingest`
  // beside the server), whose story changes are then streamed as events like the server's own.
  int follow_interval_ms = 300;
  // Scaled out (docs/scale.md): the NATS servers of the bus. When given, the server is
  // stateless: POST /api/articles (and ingest()) publish the articles on the bus's raw
  // stream for `recoupe worker` processes, answering 202 once the bus has them; it keeps
  // no live grouper and writes nothing to the store, which it only reads (db_path: a
  // postgresql:// URL shared by every server and worker). Story events come from the
  // store like those of any other writer, checked at once when the clusterer announces a
  // batch on the bus (recoupe.story.*), and every follow_interval_ms in any case.
  std::vector<std::string> bus;
  int bus_replicas = 3;      // copies of each stream when this server creates them
  size_t default_page = 50;  // stories of a page when `limit` is not given
  size_t max_page = 500;     // the largest `limit` accepted
};

// True for "localhost", 127.0.0.0/8 and ::1.
bool is_loopback(const std::string& host);

// "" when the server may start with `options`, else why not in one line: a non-loopback
// host without a token, a port outside 0..65535, an empty host.
std::string check_options(const ServerOptions& options);

class Server {
 public:
  // Opens the store read-write (created when missing, schema brought up to date) and
  // replays it into a LiveStories. Fails with the store's Error.
  static Expected<std::unique_ptr<Server>> open(const engine::Pipeline& pipeline,
                                                ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Ingests one batch, as POST /api/articles does (one writer at a time; batches given
  // while another is ingested are ingested together, each caller getting its own part).
  // Thread-safe: a watcher's thread (`serve --sources`) calls it while requests are answered. With
  // a bus (ServerOptions::bus) it publishes the batch instead: `added` counts the articles the bus
  // did not have yet, `unchanged` those it had, and nothing is committed here.
  Expected<engine::IngestSummary> ingest(engine::IngestBatch batch);

  // Returns once every batch given is stored and every story is cross-checked (with
  // serve.check_after_answer, stories are checked after their batch is answered: see
  // docs/api.md, "Two steps"). What `recoupe serve FILE…` does before serving, so that the
  // first page shows checked stories. Without a bus only (a no-op with one). Returns at
  // once after stop().
  void wait_checked();

  // What a source watcher reports (`serve --sources`): `sources_json` answers GET
  // /api/sources ({"sources": [...]}, feeds/source_status.h) and `metrics_text` is added to
  // GET /metrics (recoupe_fetch_* series). Both are called from request threads. Call before
  // run(); without it /api/sources answers {"sources": []}.
  void report_sources(std::function<std::string()> sources_json,
                      std::function<std::string()> metrics_text);

  // Binds options.host:options.port; the port bound (the one chosen for port 0). Fails when
  // the address cannot be bound (in use, not an address of this machine, no permission).
  Expected<int> bind();
  // Serves until stop(); false when it could not (not bound). Returns once the requests in
  // flight are answered (a POST's batch committed or rolled back) and every request thread
  // has ended; the store is closed when the Server is destroyed.
  bool run();
  // Stops accepting connections and makes run() return as said above; before run(), makes
  // run() return at once. Thread-safe (a signal-waiting thread calls it).
  void stop();

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace recoupe::server
