#include "server/server.h"

#include <arpa/inet.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <optional>

#include <fmt/format.h>
#include <httplib.h>

#include "server/api_json.h"
#include "server/http_reply.h"
#include "server/http_server.h"
#include "server/metrics.h"
#include "server/post_body.h"
#include "server/reader_pool.h"
#include "server/routes.h"
#include "server/story_events.h"
#include "server/story_page.h"
#include "server/story_query.h"

namespace recoupe::server {
namespace {

// Compares a token without an early exit, so the time taken does not tell how much of a
// guess was right (its length may show).
bool same_token(std::string_view given, std::string_view token) {
  if (given.size() != token.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < given.size(); ++i) diff |= given[i] ^ token[i];
  return diff == 0;
}

ConnectionLimits connection_limits(const ServerOptions& o) {
  return {.threads = o.threads,
          .idle_seconds = o.keep_alive_seconds,
          .read_timeout_seconds = o.read_timeout_seconds,
          .write_timeout_seconds = o.write_timeout_seconds,
          .min_request_bytes_per_second = o.min_request_bytes_per_second,
          .max_idle_connections = o.max_idle_connections};
}

}  // namespace

bool is_loopback(const std::string& host) {
  if (host == "localhost") return true;
  in_addr v4{};
  if (inet_pton(AF_INET, host.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  in6_addr v6{};
  return inet_pton(AF_INET6, host.c_str(), &v6) == 1 && IN6_IS_ADDR_LOOPBACK(&v6);
}

std::string check_options(const ServerOptions& options) {
  if (options.host.empty()) return "--host must not be empty";
  if (options.port < 0 || options.port > 65535)
    return fmt::format("--port must be from 0 to 65535, not {}", options.port);
  if (!is_loopback(options.host) && options.token.empty())
    return fmt::format(
        "--host {} is not a loopback address: serving there needs a token (--token or "
        "RECOUPE_TOKEN)",
        options.host);
  return "";
}

struct Server::Impl {
  Impl(const engine::Pipeline& pipeline, ServerOptions options)
      : pipeline(pipeline),
        options(std::move(options)),
        readers(this->options.db_path),
        http(connection_limits(this->options)) {}

  const engine::Pipeline& pipeline;
  const ServerOptions options;
  std::unique_ptr<store::Store> writer;  // LiveStories keeps a reference: never moves
  std::optional<engine::LiveStories> live;
  std::mutex write_mutex;  // one batch at a time
  ReaderPool readers;
  Metrics metrics;
  StoryEvents events;
  HttpServer http;
  std::vector<Route> routes;
  bool bound = false;
  std::atomic<bool> stopped{false};

  void configure();
  Expected<engine::IngestSummary> ingest(engine::IngestBatch batch);
  bool pre_route(const httplib::Request& req, httplib::Response& res) const;
  void list_stories(const httplib::Request& req, httplib::Response& res);
  void get_story(const httplib::Request& req, httplib::Response& res);
  void get_article(const httplib::Request& req, httplib::Response& res);
  void post_articles(const httplib::Request& req, httplib::Response& res);
  void stream_events(const httplib::Request& req, httplib::Response& res);
};

void Server::Impl::configure() {
  // clang-format off
  routes = {{"/healthz", "GET"},
            {"/api/stories", "GET"},
            {"/api/stories/{id}", "GET"},
            {"/api/articles", "POST"},
            {"/api/articles/{id...}", "GET"},
            {"/events", "GET"},
            {"/api/events", "GET"},
            {"/metrics", "GET"}};
  // clang-format on
  // Threads, timeouts and idle connections: HttpServer (connection_limits above).
  http.set_payload_max_length(options.max_body_bytes);
  http.set_default_headers({{"Cache-Control", "no-cache"}, {"X-Content-Type-Options", "nosniff"}});
  http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    return pre_route(req, res) ? httplib::Server::HandlerResponse::Handled
                               : httplib::Server::HandlerResponse::Unhandled;
  });
  // Errors the library answers by itself (413, 400 for a request it cannot parse) get a
  // JSON body too; those the handlers answered keep theirs.
  http.set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    // httplib refuses a form-urlencoded body over 8 KB, and curl's --data-binary sends that
    // type unless told otherwise: say what to do.
    const bool form = req.get_header_value("Content-Type") == "application/x-www-form-urlencoded";
    const std::string message =
        res.status == 413 && form
            ? "a body sent as application/x-www-form-urlencoded is limited to 8192 bytes: send "
              "it as application/x-ndjson (curl -H 'Content-Type: application/x-ndjson')"
        : res.status == 413 ? fmt::format("request body over {} bytes", options.max_body_bytes)
        : res.status == 414 ? "request line too long"
        : res.status == 404 ? "not found"
        : res.status == 400 ? "bad request"
                            : fmt::format("HTTP status {}", res.status);
    reply_error(res, res.status, message);
  });
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res,
                                std::exception_ptr) { reply_error(res, 500, "internal error"); });
  http.Get("/healthz", [](const httplib::Request& req, httplib::Response& res) {
    reply_json(req, res, "{\"status\":\"ok\"}\n");
  });
  http.Get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
    res.set_content(metrics.render(), "text/plain; version=0.0.4");
  });
  // Called once each request is answered, whatever answered it.
  http.set_logger([this](const httplib::Request&, const httplib::Response& res) {
    metrics.count_request(res.status);
  });
  http.Get("/(api/)?events", [this](const auto& req, auto& res) { stream_events(req, res); });
  http.Get("/api/stories", [this](const auto& req, auto& res) { list_stories(req, res); });
  http.Get("/api/stories/([^/]+)", [this](const auto& req, auto& res) { get_story(req, res); });
  http.Get("/api/articles/(.+)", [this](const auto& req, auto& res) { get_article(req, res); });
  http.Post("/api/articles", [this](const auto& req, auto& res) { post_articles(req, res); });
}

// Answers an unknown path (404) or a method the path does not take (405) before routing.
bool Server::Impl::pre_route(const httplib::Request& req, httplib::Response& res) const {
  const RouteCheck check = check_route(routes, req.method, req.path);
  if (check.status == 0) return false;
  if (!check.allow.empty()) res.set_header("Allow", check.allow);
  reply_error(res, check.status, check.message);
  return true;
}

void Server::Impl::list_stories(const httplib::Request& req, httplib::Response& res) {
  auto query = parse_story_query(req.params, options.default_page, options.max_page);
  if (auto* why = std::get_if<std::string>(&query)) return reply_error(res, 400, *why);
  const StoryQuery& q = std::get<StoryQuery>(query);
  auto reader = readers.borrow();
  if (!reader) return reply_error(res, 503, reader.error().to_string());
  auto listed = (*reader)->stories(q.filter);
  if (!listed) return reply_error(res, 503, listed.error().to_string());
  StoryPage page = page_of(std::move(*listed), q.after, q.limit);
  nlohmann::ordered_json stories = nlohmann::ordered_json::array();
  for (const store::StorySummary& s : page.stories) stories.push_back(summary_to_json(s));
  reply_json(req, res,
             dump({{"stories", stories},
                   {"next_cursor", page.next_cursor ? nlohmann::ordered_json(*page.next_cursor)
                                                    : nlohmann::ordered_json(nullptr)}}));
}

void Server::Impl::get_story(const httplib::Request& req, httplib::Response& res) {
  const std::string id = req.matches[1];
  auto reader = readers.borrow();
  if (!reader) return reply_error(res, 503, reader.error().to_string());
  auto found = (*reader)->story(id);
  if (!found) return reply_error(res, 503, found.error().to_string());
  if (!*found) return reply_error(res, 404, "no story " + id);
  // A merged-away id answers with the story it went into; Content-Location names it.
  if ((*found)->summary.id != id)
    res.set_header("Content-Location", "/api/stories/" + (*found)->summary.id);
  reply_json(req, res, std::move((*found)->report_json));
}

void Server::Impl::get_article(const httplib::Request& req, httplib::Response& res) {
  const std::string id = req.matches[1];
  auto reader = readers.borrow();
  if (!reader) return reply_error(res, 503, reader.error().to_string());
  auto found = (*reader)->article(id);
  if (!found) return reply_error(res, 503, found.error().to_string());
  if (!*found) return reply_error(res, 404, "no article " + id);
  auto revisions = (*reader)->revisions(id);
  if (!revisions) return reply_error(res, 503, revisions.error().to_string());
  reply_json(req, res, dump(article_to_json(**found, *revisions)));
}

void Server::Impl::post_articles(const httplib::Request& req, httplib::Response& res) {
  if (options.token.empty())
    return reply_error(res, 403,
                       "this server takes no writes: start it with --token or RECOUPE_TOKEN");
  const std::string auth = req.get_header_value("Authorization");
  if (auth.empty()) {
    res.set_header("WWW-Authenticate", "Bearer");
    return reply_error(res, 401, "writes need an Authorization: Bearer TOKEN header");
  }
  constexpr std::string_view kBearer = "Bearer ";
  if (auth.compare(0, kBearer.size(), kBearer) != 0 ||
      !same_token(std::string_view(auth).substr(kBearer.size()), options.token))
    return reply_error(res, 403, "wrong token");
  engine::IngestBatch batch = read_post_body(req.body, pipeline.config().ingest);
  if (batch.documents.empty()) {
    nlohmann::ordered_json doc = {
        {"error", batch.refused.empty() ? "the body holds no article record"
                                        : "no article could be read from the body: " +
                                              batch.refused.front().to_string()},
        {"errors", errors_to_json(batch.refused)}};
    res.status = 400;
    return res.set_content(dump(doc), "application/json");
  }
  Expected<engine::IngestSummary> done = ingest(std::move(batch));
  if (!done) return reply_error(res, 503, done.error().to_string());
  res.status = 200;
  res.set_content(dump(ingest_summary_to_json(*done)), "application/json");
}

void Server::Impl::stream_events(const httplib::Request& req, httplib::Response& res) {
  int64_t after = events.last_id();  // a new subscriber gets what comes from now on
  if (req.has_header("Last-Event-ID")) {
    const std::string last = req.get_header_value("Last-Event-ID");
    if (last.empty() || last.size() > 18 ||
        last.find_first_not_of("0123456789") != std::string::npos)
      return reply_error(res, 400, "Last-Event-ID must be an event id, not '" + last + "'");
    after = std::stoll(last);
  }
  if (!events.try_subscribe(options.max_event_streams))
    return reply_error(res, 503,
                       fmt::format("{} event streams are open already: try again later",
                                   options.max_event_streams));
  res.set_header("X-Accel-Buffering", "no");
  const auto heartbeat = std::chrono::seconds(options.event_heartbeat_seconds);
  res.set_chunked_content_provider(
      "text/event-stream",
      [this, after, heartbeat, first = true](size_t, httplib::DataSink& sink) mutable {
        // The first call answers at once, so the client knows it is subscribed.
        std::vector<StoryEvent> got;
        if (!first) got = events.wait_after(after, heartbeat);
        if (events.closed()) {
          sink.done();
          return true;
        }
        std::string text = first         ? ": recoupe story events\n\n"
                           : got.empty() ? ": keep-alive\n\n"
                                         : "";
        first = false;
        for (const StoryEvent& e : got) {
          text += sse_text(e);
          after = e.id;
        }
        return sink.write(text.data(), text.size());
      },
      [this](bool) { events.unsubscribe(); });
}

Expected<engine::IngestSummary> Server::Impl::ingest(engine::IngestBatch batch) {
  std::lock_guard lock(write_mutex);
  Expected<engine::IngestSummary> done = live->ingest(std::move(batch));
  if (done) {
    metrics.count_batch(*done, live->articles(), live->stories());
    events.publish(events_of(*done));
  }
  return done;
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() { stop(); }

Expected<std::unique_ptr<Server>> Server::open(const engine::Pipeline& pipeline,
                                               ServerOptions options) {
  auto impl = std::make_unique<Impl>(pipeline, std::move(options));
  auto store = store::Store::open(impl->options.db_path, store::OpenMode::kReadWrite);
  if (!store) return store.error();
  impl->writer = std::make_unique<store::Store>(std::move(*store));
  auto live = engine::LiveStories::open(pipeline, *impl->writer);
  if (!live) return live.error();
  impl->live.emplace(std::move(*live));
  impl->metrics.set_size(impl->live->articles(), impl->live->stories());
  impl->configure();
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Expected<engine::IngestSummary> Server::ingest(engine::IngestBatch batch) {
  return impl_->ingest(std::move(batch));
}

Expected<int> Server::bind() {
  const ServerOptions& o = impl_->options;
  const std::string where = fmt::format("{}:{}", o.host, o.port);
  const int port = impl_->http.bind(o.host, o.port);
  if (port <= 0)
    return Error{where, "cannot listen there (port in use, or not an address of this machine)"};
  impl_->bound = true;
  return port;
}

bool Server::run() {
  if (impl_->stopped) return true;  // stopped before it started: nothing to serve
  return impl_->bound && impl_->http.listen_after_bind();
}

void Server::stop() {
  if (!impl_) return;
  impl_->stopped = true;  // before the socket closes: a run() about to start returns at once
  impl_->events.close();  // event streams end, so their threads are free to stop
  impl_->http.stop_listening();
}

}  // namespace recoupe::server
