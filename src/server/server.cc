#include "server/server.h"

#include <arpa/inet.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <list>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include <fmt/format.h>
#include <httplib.h>

#include "bus/connection.h"
#include "bus/events.h"
#include "engine/article_log.h"
#include "server/answer_cache.h"
#include "server/api_json.h"
#include "server/group_commit.h"
#include "server/http_reply.h"
#include "server/http_server.h"
#include "server/metrics.h"
#include "server/post_body.h"
#include "server/reader_pool.h"
#include "server/routes.h"
#include "server/story_events.h"
#include "server/story_page.h"
#include "server/story_query.h"
#include "server/web_page.h"

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

ConnectionLimits connection_limits(const ServerOptions& o, const ServeConfig& c) {
  return {.threads = o.threads,
          .idle_seconds = o.keep_alive_seconds,
          .read_timeout_seconds = o.read_timeout_seconds,
          .write_timeout_seconds = o.write_timeout_seconds,
          .min_request_bytes_per_second = o.min_request_bytes_per_second,
          .max_idle_connections = o.max_idle_connections,
          .request_thread_nice = int(c.request_thread_nice)};
}

// The cache key of a listing: every parameter given with a value (an empty one is the same
// as none), in name order, each length-prefixed so that no value can pass for another
// parameter. Every parameter accepted shapes the listing, so a filter added later is in the
// key without a change here.
std::string listing_key(const httplib::Params& params) {
  std::string key = "list";
  for (const auto& [name, value] : params)  // a multimap: sorted by name
    if (!value.empty()) key += fmt::format("|{}:{}={}:{}", name.size(), name, value.size(), value);
  return key;
}

GroupLimits group_limits(const ServeConfig& c) {
  return {.max_documents = size_t(c.group_max_articles), .max_bytes = size_t(c.group_max_bytes)};
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
        answers(this->options.answer_cache_bytes),
        http(connection_limits(this->options, pipeline.config().serve)),
        commits(group_limits(pipeline.config().serve),
                [this](engine::IngestBatch batch) { return ingest_now(std::move(batch)); }) {}
  // The checker first: it uses the members (the writer thread is stopped by ~GroupCommit,
  // the last member, before the others go).
  ~Impl() { stop_checker(); }

  const engine::Pipeline& pipeline;
  const ServerOptions options;
  std::unique_ptr<store::Store> writer;     // LiveStories keeps a reference: never moves
  std::optional<engine::LiveStories> live;  // none with a bus: the workers place articles
  std::optional<bus::Connection> bus;       // scaled out: where POSTs are published
  std::mutex write_mutex;                   // one batch at a time
  bool ready = false;  // under write_mutex: open() is done (the checker may take stories)
  ReaderPool readers;
  AnswerCache answers;  // story and listing answers, by the store state they were made from
  Metrics metrics;
  StoryEvents events;
  HttpServer http;
  std::vector<Route> routes;
  std::function<std::string()> sources_json, sources_metrics;  // set before run()
  bool bound = false;
  std::atomic<bool> stopped{false};
  // The stories as of the last generation events were told for (under write_mutex).
  StoryVersions versions;
  int64_t generation_seen = -1;
  // Stops the follower (run() ends).
  std::mutex follow_mutex;
  std::condition_variable follow_wake;
  bool stopping = false;
  bool nudged = false;  // a story event came over the bus: follow the store now
  // Told after each step of cross-checks (POST ?wait=checked waits on it).
  std::mutex checks_mutex;
  std::condition_variable checks_done;
  int64_t check_steps = 0;
  // A checker thread: cross-checks the stories stored unchecked while batches go on being
  // placed (engine/live_stories.h, "Two steps"; LiveStories::take_checks), those of its
  // sizes. One lane for all when serve.large_story_articles is 0; else one for the small
  // stories and serve.large_story_checkers for the large ones, one story a step each, so
  // that a large story's long check never holds the small ones'.
  struct CheckLane {
    engine::StorySizes sizes;
    size_t stories_per_step = 1;
    // Sizes it takes one story of when none of its own sizes waits: the small-story lane
    // helps with the large stories rather than idle while they queue behind their thread.
    std::optional<engine::StorySizes> when_idle;
    std::thread thread;
    bool wanted = false, busy = false;  // under checker_mutex
    // Large stories whose analyses it fills ahead while it has nothing to check, the next
    // last (after a restart: LiveStories::warm_up).
    std::vector<std::string> to_warm;
  };
  std::list<CheckLane> lanes;  // set by start_checker()
  std::mutex checker_mutex;
  std::condition_variable checker_wake;  // work was asked for, or stopping
  std::condition_variable checker_rest;  // a step ended
  bool checker_stopping = false;
  // POSTs that arrive while a batch is stored are stored together. Last: its writer thread
  // uses the members above, so it is stopped (destroyed) before any of them.
  GroupCommit commits;

  void configure();
  Expected<engine::IngestSummary> ingest(engine::IngestBatch batch);
  Expected<engine::IngestSummary> ingest_now(engine::IngestBatch batch);
  void start_checker();
  void stop_checker();
  void want_checks();
  void check_loop(CheckLane& lane);
  bool check_step(const CheckLane& lane);
  void warm_up(const std::string& story_id);
  bool checkers_idle() const;  // under checker_mutex: no lane checking or asked to
  bool wait_checked(const engine::IngestSummary& done, std::chrono::seconds at_most);
  Expected<engine::IngestSummary> publish(engine::IngestBatch batch);
  bool pre_route(const httplib::Request& req, httplib::Response& res) const;
  void list_stories(const httplib::Request& req, httplib::Response& res);
  void get_story(const httplib::Request& req, httplib::Response& res);
  void get_article(const httplib::Request& req, httplib::Response& res);
  void post_articles(const httplib::Request& req, httplib::Response& res);
  void stream_events(const httplib::Request& req, httplib::Response& res);
  Expected<bool> follow_store(const engine::IngestSummary* own = nullptr,
                              std::optional<int64_t> through = std::nullopt);
  Expected<bool> tell_own_batch(const engine::IngestSummary& own, std::optional<int64_t> through);
  void follow_until_stopped();
  void relay_bus_events();
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
            {"/api/sources", "GET"},
            {"/metrics", "GET"}};
  for (const char* page : kPagePaths) routes.push_back({page, "GET"});  // the live page
  // clang-format on
  // Threads, timeouts and idle connections: HttpServer (connection_limits above).
  http.set_payload_max_length(options.max_body_bytes);
  http.set_keep_alive_max_count(options.keep_alive_max_requests);
  // The library sends the headers and the body in two writes: with Nagle's algorithm the
  // body waits for the client's delayed ACK, about 40 ms on every answer.
  http.set_tcp_nodelay(true);
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
    std::string text = metrics.render();
    if (sources_metrics) text += sources_metrics();
    res.set_content(text, "text/plain; version=0.0.4");
  });
  http.Get("/api/sources", [this](const httplib::Request& req, httplib::Response& res) {
    reply_json(req, res, sources_json ? sources_json() : std::string("{\"sources\":[]}\n"));
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
  add_page_routes(http);  // the live page: GET /, /app.css, /app.js
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
  const store::StoryFilter& filter = q.filter;
  const size_t limit = q.limit;
  const std::optional<StoryCursor>& after = q.after;
  auto reader = readers.borrow();
  if (!reader) return reply_error(res, 503, reader.error().to_string());
  // A listing is made again only when a batch was committed since it was made: the
  // generation is read before and after, and an answer is kept only when no batch came in
  // between (so it is the listing of that generation).
  auto generation = (*reader)->generation();
  if (!generation) return reply_error(res, 503, generation.error().to_string());
  const std::string key = listing_key(req.params);
  if (auto hit = answers.find(key, *generation)) return reply_json(req, res, *hit->body, hit->etag);
  auto making = answers.maker_lock(key);
  if (auto hit = answers.find(key, *generation))  // made while this one waited
    return reply_json(req, res, *hit->body, hit->etag);
  // A first page needs its stories and whether one more follows; a later page reads up to
  // its cursor.
  auto listed = (*reader)->stories(filter, after ? SIZE_MAX : limit + 1);
  if (!listed) return reply_error(res, 503, listed.error().to_string());
  StoryPage page = page_of(std::move(*listed), after, limit);
  // Each story as listed is kept by its version: after a batch only the stories it changed
  // are serialized again.
  std::vector<AnswerCache::Answer> pieces_kept;
  pieces_kept.reserve(page.stories.size());
  for (const store::StorySummary& s : page.stories) {
    const std::string story_key = "listed:" + s.id + "@" + s.updated_at;
    auto listed_story_kept = answers.find(story_key, s.version);
    pieces_kept.push_back(listed_story_kept ? std::move(*listed_story_kept)
                                            : answers.put(story_key, s.version, listed_story(s)));
  }
  std::vector<const std::string*> pieces;
  for (const AnswerCache::Answer& a : pieces_kept) pieces.push_back(a.body.get());
  std::string body = listing_json(pieces, page.next_cursor);
  auto after_read = (*reader)->generation();
  if (!after_read || *after_read != *generation) return reply_json(req, res, std::move(body));
  const AnswerCache::Answer kept = answers.put(key, *generation, std::move(body));
  reply_json(req, res, *kept.body, kept.etag);
}

void Server::Impl::get_story(const httplib::Request& req, httplib::Response& res) {
  const std::string id = req.matches[1];
  auto reader = readers.borrow();
  if (!reader) return reply_error(res, 503, reader.error().to_string());
  // The report is read and hashed again only when the story's version changed.
  auto current = (*reader)->story_version(id);
  if (!current) return reply_error(res, 503, current.error().to_string());
  if (!*current) return reply_error(res, 404, "no story " + id);
  const std::string key = "story:" + (*current)->id;
  std::optional<AnswerCache::Answer> answer = answers.find(key, (*current)->version);
  std::unique_lock<std::mutex> making;
  if (!answer) {
    making = answers.maker_lock(key);
    answer = answers.find(key, (*current)->version);  // made while this one waited
  }
  std::string live_id = (*current)->id;
  if (!answer) {
    auto found = (*reader)->story(id);
    if (!found) return reply_error(res, 503, found.error().to_string());
    if (!*found) return reply_error(res, 404, "no story " + id);
    const store::StorySummary& s = (*found)->summary;
    live_id = s.id;
    answer = answers.put("story:" + s.id, s.version, std::move((*found)->report_json));
  }
  // A merged-away id answers with the story it went into; Content-Location names it.
  if (live_id != id) res.set_header("Content-Location", "/api/stories/" + live_id);
  // false: articles joined the story since this report; its cross-check is to come.
  res.set_header("Recoupe-Checked", (*current)->checked ? "true" : "false");
  reply_json(req, res, *answer->body, answer->etag);
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
  const std::string wait = req.get_param_value("wait");
  if (!wait.empty() && wait != "stored" && wait != "checked")
    return reply_error(res, 400, "wait must be 'stored' or 'checked', not '" + wait + "'");
  Expected<engine::IngestSummary> done = ingest(std::move(batch));
  if (!done) return reply_error(res, 503, done.error().to_string());
  // ?wait=checked: answered once the stories its articles touched are cross-checked (a
  // client that reads them next sees its articles in their reports); 202 if that takes
  // longer than the write timeout (the articles are stored; the checks go on).
  if (wait == "checked" && !bus &&
      !wait_checked(*done, std::chrono::seconds(options.write_timeout_seconds))) {
    res.status = 202;
    return res.set_content(dump(ingest_summary_to_json(*done)), "application/json");
  }
  res.status = bus ? 202 : 200;  // with a bus: accepted, to be stored by the workers
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
  if (bus) return publish(std::move(batch));
  return commits.ingest(std::move(batch));
}

// One batch (maybe several POSTs' together: GroupCommit), its events and its metrics.
Expected<engine::IngestSummary> Server::Impl::ingest_now(engine::IngestBatch batch) {
  std::lock_guard lock(write_mutex);
  const engine::CheckWhen when = pipeline.config().serve.check_after_answer
                                     ? engine::CheckWhen::kLater
                                     : engine::CheckWhen::kInBatch;
  Expected<engine::IngestSummary> done = live->ingest(std::move(batch), when);
  if (done) {
    metrics.count_batch(*done, live->articles(), live->stories());
    metrics.set_unchecked(live->unchecked());
    if (live->unchecked() > 0) want_checks();
    // The events come from the store's versions: another process may have committed just
    // before this batch, and its changes are told too (follow_store reads `done` only when
    // this batch is the one commit since the last look).
    if (auto followed = follow_store(&*done); !followed)
      fmt::print(stderr, "recoupe serve: {}\n", followed.error().to_string());
  }
  return done;
}

void Server::Impl::start_checker() {
  const auto& config = pipeline.config().serve;
  const size_t large = size_t(config.large_story_articles);
  CheckLane& small = lanes.emplace_back();
  small.stories_per_step = size_t(config.check_stories_per_step);
  if (large > 0) {
    small.sizes.max = large - 1;
    if (config.large_story_checkers > 0) small.when_idle = engine::StorySizes{large, SIZE_MAX};
    for (long k = 0; k < config.large_story_checkers; ++k) {
      CheckLane& big = lanes.emplace_back();
      big.sizes.min = large;
      big.stories_per_step = 1;
    }
  }
  if (lanes.size() > 1) {
    // The large stories' analyses, half of what is kept, shared out over their threads.
    std::vector<std::string> largest;
    {
      std::lock_guard lock(write_mutex);
      largest =
          live->largest_stories({large, SIZE_MAX}, engine::LiveStories::kAnalysedArticlesKept / 2);
    }
    auto lane = std::next(lanes.begin());
    for (std::string& id : largest) {
      lane->to_warm.insert(lane->to_warm.begin(), std::move(id));
      if (++lane == lanes.end()) lane = std::next(lanes.begin());
    }
  }
  for (CheckLane& lane : lanes) lane.thread = std::thread([this, &lane] { check_loop(lane); });
  want_checks();  // stories a previous run left unchecked
}

void Server::Impl::stop_checker() {
  {
    std::lock_guard lock(checker_mutex);
    checker_stopping = true;
  }
  checker_wake.notify_all();
  for (CheckLane& lane : lanes)
    if (lane.thread.joinable()) lane.thread.join();
}

void Server::Impl::want_checks() {
  {
    std::lock_guard lock(checker_mutex);
    for (CheckLane& lane : lanes) lane.wanted = true;
  }
  checker_wake.notify_all();
}

bool Server::Impl::checkers_idle() const {
  for (const CheckLane& lane : lanes)
    if (lane.busy || lane.wanted) return false;
  return true;
}

// A checker thread: a step whenever one is wanted, and the next right after while stories
// wait (a step that fails, or finds none of its sizes, waits for the next batch or follow to
// ask again).
void Server::Impl::check_loop(CheckLane& lane) {
  std::unique_lock lock(checker_mutex);
  for (;;) {
    checker_wake.wait(lock,
                      [&] { return checker_stopping || lane.wanted || !lane.to_warm.empty(); });
    if (checker_stopping) return;
    if (!lane.wanted) {  // nothing waits for this lane: a large story's analyses ahead
      const std::string id = std::move(lane.to_warm.back());
      lane.to_warm.pop_back();
      lock.unlock();
      warm_up(id);
      lock.lock();
      continue;
    }
    lane.wanted = false;
    lane.busy = true;
    lock.unlock();
    const bool more = check_step(lane);
    lock.lock();
    lane.busy = false;
    if (more) lane.wanted = true;
    checker_rest.notify_all();
  }
}

// A story's analyses and readings put in the cache ahead (LiveStories::read_ahead, no
// cross-check): its first real check after a restart then reads only the articles new to it.
void Server::Impl::warm_up(const std::string& story_id) {
  engine::CheckJob job;
  {
    std::lock_guard lock(write_mutex);
    if (!ready || !live) return;
    auto taken = live->warm_up(story_id);
    if (!taken) {
      fmt::print(stderr, "recoupe serve: warming story {}: {}\n", story_id,
                 taken.error().to_string());
      return;
    }
    job = std::move(*taken);
  }
  try {
    live->read_ahead(job);  // reads none of the live state
  } catch (const std::exception& e) {
    fmt::print(stderr, "recoupe serve: warming story {}: internal error: {}\n", story_id, e.what());
  }
}

// One step: the longest waiting stories taken under the write lock, cross-checked without
// it (POSTs are placed meanwhile), stored under it, with their events and metrics. True
// while stories still wait.
bool Server::Impl::check_step(const CheckLane& lane) {
  engine::CheckJob job;
  int64_t through = 0;  // every batch told up to this event is in the stories taken
  {
    std::lock_guard lock(write_mutex);
    if (!ready || !live) return false;
    through = events.last_id();
    auto taken = live->take_checks(lane.stories_per_step, lane.sizes);
    if (taken && taken->empty() && lane.when_idle) taken = live->take_checks(1, *lane.when_idle);
    if (!taken) {
      fmt::print(stderr, "recoupe serve: cross-check of stored stories: {}\n",
                 taken.error().to_string());
      return false;
    }
    job = std::move(*taken);
  }
  if (job.empty()) return false;
  try {
    live->make_checks(job);            // reads none of the live state: placement goes on meanwhile
  } catch (const std::exception& e) {  // the thread must go on: the stories are read again
    fmt::print(stderr, "recoupe serve: cross-check of stored stories: internal error: {}\n",
               e.what());
    std::lock_guard lock(write_mutex);
    live->drop();  // rebuilt from the store, where the stories still wait
    return false;
  }
  bool left = false;
  const size_t taken = job.ids.size();
  {
    std::lock_guard lock(write_mutex);
    Expected<engine::IngestSummary> done = live->store_checks(std::move(job));
    if (!done) {
      fmt::print(stderr, "recoupe serve: cross-check of stored stories: {}\n",
                 done.error().to_string());
      return false;
    }
    metrics.count_checks(*done, taken, live->unchecked());
    if (done->committed >= 0)
      if (auto followed = follow_store(&*done, through); !followed)
        fmt::print(stderr, "recoupe serve: {}\n", followed.error().to_string());
    left = live->unchecked() > 0;
  }
  {
    std::lock_guard lock(checks_mutex);
    ++check_steps;
  }
  checks_done.notify_all();
  return left;
}

// POST ?wait=checked: until every story `done` created or updated is cross-checked (read
// from the store after each step of checks), or `at_most` has passed. True when they are.
bool Server::Impl::wait_checked(const engine::IngestSummary& done, std::chrono::seconds at_most) {
  std::vector<std::string> ids = done.created;
  ids.insert(ids.end(), done.updated.begin(), done.updated.end());
  const auto deadline = std::chrono::steady_clock::now() + at_most;
  for (;;) {
    int64_t steps_seen;
    {
      std::lock_guard lock(checks_mutex);
      steps_seen = check_steps;
    }
    {
      auto reader = readers.borrow();  // given back before waiting: readers need it
      if (!reader) return false;
      bool all = true;
      for (const std::string& id : ids) {
        auto v = (*reader)->story_version(id);  // a merged-away id: the story it went into
        if (!v) return false;
        if (*v && !(*v)->checked) all = false;
      }
      if (all) return true;
    }
    std::unique_lock lock(checks_mutex);
    if (!checks_done.wait_until(lock, deadline,
                                [&] { return check_steps != steps_seen || stopped; }))
      return false;
    if (stopped) return false;
  }
}

// Scaled out: the documents on the bus's raw stream, in order; fails at the first the bus
// does not take (the ones before it are published, and publishing them again is harmless:
// the bus stores an article once).
Expected<engine::IngestSummary> Server::Impl::publish(engine::IngestBatch batch) {
  engine::IngestSummary done;
  done.refused = std::move(batch.refused);
  auto acks = engine::publish_raw_all(*bus, batch.documents);
  if (!acks) return acks.error();
  for (const bus::PublishAck& ack : *acks)
    ++(ack.duplicate ? done.counts.unchanged : done.counts.added);
  done.counts.refused = int64_t(done.refused.size());
  return done;
}

// Under write_mutex: the events of this server's own batch, from the versions of the
// stories its summary names (created, updated, merged away) before and after it; the same
// events as the whole-store comparison, since no other story changed.
Expected<bool> Server::Impl::tell_own_batch(const engine::IngestSummary& own,
                                            std::optional<int64_t> through) {
  StoryVersions before, after;
  std::set<std::string> unchecked;
  auto was = [&](const std::string& id) {
    if (auto v = versions.find(id); v != versions.end()) before.insert(*v);
  };
  for (const auto* ids : {&own.created, &own.updated})
    for (const std::string& id : *ids) {
      was(id);
      auto now = writer->story_version(id);
      if (!now) return now.error();
      if (*now && (*now)->id == id) after[id] = (*now)->version;
      if (*now && !(*now)->checked) unchecked.insert(id);
    }
  for (const store::Redirect& m : own.merged) was(m.old_id);
  events.publish(events_between(
      before, after,
      [&](const std::string& id) {
        auto found = writer->story(id);
        return found && *found ? std::optional<std::string>((*found)->summary.id) : std::nullopt;
      },
      unchecked, through));
  for (const store::Redirect& m : own.merged) versions.erase(m.old_id);
  for (auto& [id, version] : after) versions[id] = version;
  return true;
}

// Under write_mutex. Tells the story changes of every batch committed since the last
// generation seen (its own or another process's) and catches the live grouper up. When the
// one batch since then is this server's own (`own`, just committed), its summary names every
// story it wrote or merged away, and only those are read (tell_own_batch); otherwise every
// story's version is (O(stories): 16 % of a single-article POST's CPU on an 11,000-article
// store).
// `through`: for a step of cross-checks, the last event told when it took its stories
// (events_between).
Expected<bool> Server::Impl::follow_store(const engine::IngestSummary* own,
                                          std::optional<int64_t> through) {
  auto generation = writer->generation();
  if (!generation) return generation.error();
  if (*generation == generation_seen) return false;
  if (own && generation_seen >= 0 && own->committed == *generation &&
      *generation == generation_seen + 1) {
    if (auto told = tell_own_batch(*own, through); !told) return told.error();
  } else {
    auto listed = writer->story_versions();
    if (!listed) return listed.error();
    StoryVersions now(listed->begin(), listed->end());
    if (generation_seen >= 0) {
      auto unchecked = writer->unchecked_stories();
      if (!unchecked) return unchecked.error();
      events.publish(events_between(
          versions, now,
          [&](const std::string& id) {
            auto found = writer->story(id);
            return found && *found ? std::optional<std::string>((*found)->summary.id)
                                   : std::nullopt;
          },
          std::set<std::string>(unchecked->begin(), unchecked->end())));
    }
    versions = std::move(now);
  }
  generation_seen = *generation;
  if (!live) return true;  // scaled out: nothing kept here to bring up to date
  auto followed = live->follow();
  if (!followed) return followed.error();
  metrics.set_size(live->articles(), live->stories());
  if (*followed && live->unchecked() > 0) want_checks();  // read back from the store
  return true;
}

void Server::Impl::follow_until_stopped() {
  const auto interval = std::chrono::milliseconds(std::max(10, options.follow_interval_ms));
  std::unique_lock stop_lock(follow_mutex);
  for (;;) {
    follow_wake.wait_for(stop_lock, interval, [this] { return stopping || nudged; });
    if (stopping) return;
    nudged = false;
    stop_lock.unlock();  // the relay may nudge again meanwhile
    {
      std::lock_guard lock(write_mutex);
      if (auto followed = follow_store(); !followed)
        fmt::print(stderr, "recoupe serve: {}\n", followed.error().to_string());
    }
    stop_lock.lock();
  }
}

// Scaled out, the clusterer tells every batch's story changes on the bus once committed
// (engine/article_log.h): each one wakes the follower, so they reach the event streams in
// milliseconds instead of at the next check of the store. The store stays the truth: the
// follower reads the changes from it (one check for a burst of events), and the periodic
// check still catches what a lost event (plain NATS: at most once) would miss.
void Server::Impl::relay_bus_events() {
  auto events = bus::EventSubscription::open(*bus, engine::kStoryEventSubjects);
  if (!events) {
    fmt::print(stderr, "recoupe serve: {}; story events come from the store every {} ms\n",
               events.error().to_string(), options.follow_interval_ms);
    return;
  }
  for (;;) {
    {
      std::lock_guard lock(follow_mutex);
      if (stopping) return;
    }
    auto heard = events->next(std::chrono::milliseconds(250));
    if (!heard) {  // dropped events (the store has them all), or the client is reconnecting
      std::this_thread::sleep_for(std::chrono::milliseconds(250));
      continue;
    }
    if (!*heard) continue;
    std::lock_guard lock(follow_mutex);
    nudged = true;
    follow_wake.notify_all();
  }
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() { stop(); }

Expected<std::unique_ptr<Server>> Server::open(const engine::Pipeline& pipeline,
                                               ServerOptions options) {
  auto impl = std::make_unique<Impl>(pipeline, std::move(options));
  auto store = store::Store::open(impl->options.db_path, store::OpenMode::kReadWrite);
  if (!store) return store.error();
  impl->writer = std::make_unique<store::Store>(std::move(*store));
  if (!impl->options.bus.empty()) {
    bus::ConnectionConfig config;
    config.servers = impl->options.bus;
    config.name = "recoupe serve";
    auto connection = bus::Connection::connect(config);
    if (!connection) return connection.error();
    engine::ArticleLogConfig log;
    log.replicas = impl->options.bus_replicas;
    if (auto made = engine::ensure_article_log(*connection, log); !made) return made.error();
    impl->bus.emplace(std::move(*connection));
  } else {
    auto live = engine::LiveStories::open(pipeline, *impl->writer);
    if (!live) return live.error();
    impl->live.emplace(std::move(*live));
    impl->metrics.set_size(impl->live->articles(), impl->live->stories());
  }
  if (auto followed = impl->follow_store(); !followed) return followed.error();
  impl->configure();
  {
    std::lock_guard lock(impl->write_mutex);
    impl->ready = true;
    if (impl->live) impl->metrics.set_unchecked(impl->live->unchecked());
  }
  if (impl->live) impl->start_checker();
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Expected<engine::IngestSummary> Server::ingest(engine::IngestBatch batch) {
  return impl_->ingest(std::move(batch));
}

void Server::wait_checked() {
  Impl& i = *impl_;
  if (i.bus) return;
  const auto step = std::chrono::milliseconds(200);
  while (!i.stopped) {
    if (!i.commits.wait_idle(step)) continue;
    {
      std::unique_lock lock(i.checker_mutex);
      if (!i.checker_rest.wait_for(lock, step, [&] { return i.checkers_idle(); })) continue;
    }
    size_t left = 0;
    {
      std::lock_guard lock(i.write_mutex);
      left = i.live ? i.live->unchecked() : 0;
    }
    if (left == 0) return;
    i.want_checks();  // a step failed: ask again
  }
}

void Server::report_sources(std::function<std::string()> sources_json,
                            std::function<std::string()> metrics_text) {
  impl_->sources_json = std::move(sources_json);
  impl_->sources_metrics = std::move(metrics_text);
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
  if (!impl_->bound) return false;
  {
    std::lock_guard lock(impl_->follow_mutex);
    impl_->stopping = false;
  }
  std::thread follower([this] { impl_->follow_until_stopped(); });
  std::thread relay;
  if (impl_->bus) relay = std::thread([this] { impl_->relay_bus_events(); });
  const bool served = impl_->http.listen_after_bind();
  {
    std::lock_guard lock(impl_->follow_mutex);
    impl_->stopping = true;
  }
  impl_->follow_wake.notify_all();
  follower.join();
  if (relay.joinable()) relay.join();
  return served;
}

void Server::stop() {
  if (!impl_) return;
  impl_->stopped = true;  // before the socket closes: a run() about to start returns at once
  impl_->events.close();  // event streams end, so their threads are free to stop
  impl_->checks_done.notify_all();  // POSTs waiting for checks are answered
  impl_->http.stop_listening();
}

}  // namespace recoupe::server
