#include "fetch/fetcher.h"

#include <curl/curl.h>

#include <algorithm>
#include <ctime>
#include <memory>

#include "text/fold.h"

namespace recoupe::fetch {

std::string utc_now() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

namespace {

// What one transfer collects through libcurl's callbacks.
struct Transfer {
  size_t max_bytes = 0;
  bool over_limit = false;
  FetchResult result;
};

size_t on_body(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t n = size * count;
  if (t->result.body.size() + n > t->max_bytes) {
    t->over_limit = true;
    return 0;  // aborts the transfer (CURLE_WRITE_ERROR): an endless body or a gzip bomb
  }
  t->result.body.append(data, n);
  return n;
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t n = size * count;
  std::string line(data, n);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  if (line.rfind("HTTP/", 0) == 0) {  // a new response (after a redirect): forget the last one's
    t->result.content_type.clear();
    t->result.etag.reset();
    t->result.last_modified.reset();
    return n;
  }
  size_t colon = line.find(':');
  if (colon == std::string::npos) return n;
  const std::string name = text::ascii_lower(line.substr(0, colon));
  size_t v = line.find_first_not_of(" \t", colon + 1);
  std::string value = v == std::string::npos ? "" : line.substr(v);
  if (name == "content-type")
    t->result.content_type = value;
  else if (name == "etag")
    t->result.etag = value;
  else if (name == "last-modified")
    t->result.last_modified = value;
  return n;
}

// libcurl calls this about once a second during a transfer: non-zero aborts it.
int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  return static_cast<const std::atomic<bool>*>(user)->load() ? 1 : 0;
}

// Failures that another try may not meet: the server or the network was in trouble.
bool is_transient(CURLcode code) {
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_SSL_CONNECT_ERROR:
      return true;
    default:
      return false;
  }
}

struct EasyFree {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct ListFree {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

}  // namespace

std::string site_of_url(const std::string& url) {
  size_t scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return "";
  std::string scheme = text::ascii_lower(url.substr(0, scheme_end));
  if (scheme != "http" && scheme != "https") return "";
  size_t host_end = url.find_first_of("/?#", scheme_end + 3);
  std::string authority =
      url.substr(scheme_end + 3,
                 host_end == std::string::npos ? std::string::npos : host_end - scheme_end - 3);
  if (size_t at = authority.rfind('@'); at != std::string::npos)
    authority = authority.substr(at + 1);
  if (authority.empty()) return "";
  return scheme + "://" + text::ascii_lower(authority);
}

std::string path_of_url(const std::string& url) {
  size_t scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return "/";
  size_t start = url.find_first_of("/?#", scheme_end + 3);
  if (start == std::string::npos) return "/";
  std::string rest = url.substr(start);
  if (size_t hash = rest.find('#'); hash != std::string::npos) rest.resize(hash);
  if (rest.empty() || rest[0] != '/') rest = "/" + rest;
  return rest;
}

Expected<FetchResult> Fetcher::transfer(const FetchRequest& request, const std::string& site,
                                        bool& transient) {
  transient = false;
  if (stopping_) return Error{"", "stopped"};
  std::unique_ptr<CURL, EasyFree> curl(curl_easy_init());
  if (!curl) return Error{"", "cannot start a transfer (libcurl not initialised?)"};
  Transfer t;
  t.max_bytes = config_.max_body_bytes;
  t.result.url = request.url;
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, config_.max_redirects);
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // every encoding this libcurl decodes
  curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(config_.max_body_bytes));
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, config_.connect_timeout_ms);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, config_.total_timeout_ms);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // timeouts without SIGALRM: safe in threads
  curl_easy_setopt(c, CURLOPT_USERAGENT, config_.user_agent.c_str());
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &t);
  std::unique_ptr<curl_slist, ListFree> headers;
  auto add_header = [&](const std::string& h) {
    headers.reset(curl_slist_append(headers.release(), h.c_str()));
  };
  if (request.etag) add_header("If-None-Match: " + *request.etag);
  if (request.last_modified) add_header("If-Modified-Since: " + *request.last_modified);
  if (headers) curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
  char error_buffer[CURL_ERROR_SIZE] = "";
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error_buffer);
  curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
  curl_easy_setopt(c, CURLOPT_XFERINFODATA, &stopping_);

  // The host first, then a global slot: a request waiting for its host's pause holds no slot
  // another host could use.
  pacer_.acquire(site);
  CURLcode code;
  {
    ConcurrencyLimit::Slot slot(transfers_);
    code = curl_easy_perform(c);
  }
  pacer_.release(site, pause_for(site));

  t.result.fetched_at = utc_now();
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &t.result.status);
  curl_easy_getinfo(c, CURLINFO_REDIRECT_COUNT, &t.result.redirects);
  char* effective = nullptr;
  curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &effective);
  t.result.final_url = effective ? effective : request.url;
  if (code != CURLE_OK) {
    if (code == CURLE_ABORTED_BY_CALLBACK) return Error{"", "stopped"};
    transient = is_transient(code);
    if (t.over_limit || code == CURLE_FILESIZE_EXCEEDED)
      return Error{"", "body over " + std::to_string(config_.max_body_bytes) + " bytes"};
    if (code == CURLE_TOO_MANY_REDIRECTS)
      return Error{"", "more than " + std::to_string(config_.max_redirects) + " redirects"};
    if (code == CURLE_OPERATION_TIMEDOUT)
      return Error{"", "timed out (" + std::string(error_buffer[0] ? error_buffer : "") + ")"};
    return Error{"", error_buffer[0] ? std::string(error_buffer) : curl_easy_strerror(code)};
  }
  if (t.result.status == 304 && (request.etag || request.last_modified)) {
    t.result.not_modified = true;
    return std::move(t.result);
  }
  if (t.result.status < 200 || t.result.status >= 300) {
    transient = t.result.status >= 500;
    return Error{"", "HTTP " + std::to_string(t.result.status)};
  }
  return std::move(t.result);
}

Expected<FetchResult> Fetcher::transfer_with_retries(const FetchRequest& request,
                                                     const std::string& site) {
  long pause_ms = config_.retry_delay_ms;
  for (int attempt = 1;; ++attempt) {
    bool transient = false;
    auto r = transfer(request, site, transient);
    if (r) {
      r->attempts = attempt;
      return r;
    }
    if (!transient || attempt > config_.max_retries || stopping_) {
      if (attempt == 1) return r;
      Error e = r.error();
      e.message += " (" + std::to_string(attempt) + " attempts)";
      return e;
    }
    std::unique_lock lock(stop_mutex_);
    stop_wake_.wait_for(lock, std::chrono::milliseconds(pause_ms),
                        [this] { return stopping_.load(); });
    pause_ms *= 2;
  }
}

void Fetcher::stop() {
  {
    std::lock_guard lock(stop_mutex_);
    stopping_ = true;
  }
  stop_wake_.notify_all();
}

std::chrono::milliseconds Fetcher::pause_for(const std::string& site) {
  long ms = config_.per_host_delay_ms;
  std::lock_guard lock(robots_mutex_);
  if (auto it = robots_.find(site); it != robots_.end())
    if (auto delay = it->second.rules.crawl_delay())
      ms = std::max(ms, std::min(config_.max_crawl_delay_ms, long(*delay * 1000)));
  return std::chrono::milliseconds(ms);
}

Expected<RobotsRules> Fetcher::robots_for(const std::string& url) {
  const std::string site = site_of_url(url);
  {
    std::lock_guard lock(robots_mutex_);
    if (auto it = robots_.find(site); it != robots_.end()) {
      if (HostPacer::Clock::now() < it->second.expires) return it->second.rules;
      robots_.erase(it);  // read again: a long-running watcher follows the site's changes
    }
  }
  // Two threads may both fetch a site's robots.txt the first time; both get the same rules.
  RobotsRules rules;
  auto answer = transfer_with_retries(FetchRequest{site + "/robots.txt", {}, {}}, site);
  if (answer.ok()) {
    rules = RobotsRules::parse(answer->body, config_.robots_agent);
  } else {
    const std::string& why = answer.error().message;
    if (why.rfind("HTTP 4", 0) == 0)  // no robots.txt: everything allowed
      rules = RobotsRules::allow_all();
    else if (why.rfind("HTTP 5", 0) == 0)  // the site is in trouble: wait for it to recover
      rules = RobotsRules::disallow_all();
    else
      return answer.error();  // not reached at all: the page could not be either
  }
  {
    std::lock_guard lock(robots_mutex_);
    const auto age = std::chrono::milliseconds(config_.robots_max_age_ms);
    robots_[site] = {rules, HostPacer::Clock::now() + age};
  }
  pacer_.delay_next(site, pause_for(site));  // the Crawl-delay also follows robots.txt itself
  return rules;
}

Expected<FetchResult> Fetcher::fetch(const FetchRequest& request) {
  const std::string site = site_of_url(request.url);
  if (site.empty()) return Error{"", "not an http(s) URL"};
  if (config_.obey_robots) {
    auto robots = robots_for(request.url);
    if (!robots) return robots.error();
    if (!robots->allows(path_of_url(request.url))) return Error{"", "refused by robots.txt"};
  }
  return transfer_with_retries(request, site);
}

}  // namespace recoupe::fetch
