// recoupe fetch: feeds, sitemaps or pages on the web (or feed files) → one clean article per
// line (JSONL), each fetched politely (fetch/fetcher.h) and cleaned by the pipeline.

#include <fstream>
#include <set>
#include <sstream>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/help_texts.h"
#include "cli/input_file.h"
#include "cli/io.h"
#include "cli/setup.h"
#include "engine/unique_ids.h"
#include "feeds/canonical_url.h"
#include "feeds/fetched_page.h"
#include "feeds/page_links.h"
#include "feeds/parse_feed.h"
#include "fetch/fetcher.h"
#include "report/article_json.h"

namespace recoupe::cli {
namespace {

const CommandLine kCommandLine = {
    "fetch",
    help::kFetch,
    Inputs::kRequired,
    {value_option("--output"), value_option("--config"), value_option("--data"),
     int_option("--max-entries", 1, 1'000'000), int_option("--delay-ms", 0, 600'000),
     int_option("--timeout-ms", 100, 600'000), int_option("--max-bytes", 1024, 1L << 30),
     switch_option("--discover")}};

bool is_web_url(const std::string& s) {
  return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0;
}

// One line on stderr naming what failed; control characters shown as '?'.
void report_failure(const std::string& what, const std::string& why) {
  std::string line = "recoupe fetch: " + what + ": " + why;
  for (char& c : line)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = '?';
  std::fprintf(stderr, "%s\n", line.c_str());
}

class FetchRun {
 public:
  // `discover`: a page URL stands for the feeds it declares (<link rel="alternate">), not
  // for itself.
  FetchRun(const engine::Pipeline& pipeline, fetch::Fetcher& fetcher, feeds::FeedLimits limits,
           bool discover, std::ostream& out)
      : pipeline_(pipeline), fetcher_(fetcher), limits_(limits), discover_(discover), out_(out) {}

  // One command-line input: a feed, sitemap or page URL, or a feed file.
  void source(const std::string& input) {
    std::string body, base;
    std::optional<fetch::FetchResult> fetched;
    if (is_web_url(input)) {
      auto r = fetcher_.fetch({input, {}, {}});
      if (!r) return fail(input, r.error().message);
      body = r->body;
      base = r->final_url;
      fetched = std::move(*r);
    } else {
      if (std::string why = refuse_input_file(input); !why.empty()) return fail(input, why);
      std::ifstream in(input, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      if (!in && !in.eof()) return fail(input, "cannot read");
      body = ss.str();
    }
    if (!feeds::looks_like_feed(body)) {
      if (!fetched) return fail(input, "not a feed or sitemap (recoupe extract cleans page files)");
      if (discover_) return declared_feeds(input, *fetched);
      return page(input, *fetched, nullptr);  // a page URL: extracted directly
    }
    auto feed = feeds::parse_feed(body, limits_, base);
    if (!feed) return fail(input, feed.error().message);
    entries_of(input, *feed, /*depth=*/0);
  }

  int exit_code() const {
    if (ok_ == 0 && failed_ > 0) return kExitNothingProcessed;
    return failed_ ? kExitSomeInputsFailed : kExitOk;
  }

 private:
  void fail(const std::string& what, const std::string& why) {
    ++failed_;
    report_failure(what, why);
  }

  // Every feed a home page declares, read in page order (an article in two of them once).
  void declared_feeds(const std::string& input, const fetch::FetchResult& home) {
    const feeds::PageLinks links = feeds::read_page_links(home.body, home.final_url);
    if (links.feeds.empty())
      return fail(input, "the page declares no feed (<link rel=\"alternate\">)");
    for (const auto& url : links.feeds) {
      auto r = fetcher_.fetch({url, {}, {}});
      if (!r) {
        fail(url, r.error().message);
        continue;
      }
      auto feed = feeds::parse_feed(r->body, limits_, r->final_url);
      if (!feed) {
        fail(url, feed.error().message);
        continue;
      }
      entries_of(url, *feed, 0);
    }
  }

  void entries_of(const std::string& name, const feeds::Feed& feed, int depth) {
    if (feed.dropped)
      std::fprintf(stderr, "recoupe fetch: %s: warning: %zu entries past --max-entries left out\n",
                   name.c_str(), feed.dropped);
    // A sitemap index names sitemaps; one level is followed (an index of indexes is refused,
    // so that a loop of indexes cannot run on).
    for (const auto& child : feed.child_sitemaps) {
      if (depth > 0) {
        fail(child, "a sitemap index inside a sitemap index is not followed");
        continue;
      }
      auto r = fetcher_.fetch({child, {}, {}});
      if (!r) {
        fail(child, r.error().message);
        continue;
      }
      auto sub = feeds::parse_feed(r->body, limits_, r->final_url);
      if (!sub) {
        fail(child, sub.error().message);
        continue;
      }
      entries_of(child, *sub, depth + 1);
    }
    for (const auto& entry : feed.entries) {
      if (!seen_.insert(feeds::identity_key(entry.url)).second) continue;  // listed twice
      auto r = fetcher_.fetch({entry.url, {}, {}});
      if (!r) {
        fail(entry.url, r.error().message);
        continue;
      }
      page(entry.url, *r, &entry);
    }
  }

  // Cleans one fetched page; the feed entry's title, date and author fill what the page lacks.
  void page(const std::string& name, const fetch::FetchResult& r, const feeds::FeedEntry* hints) {
    auto doc = feeds::page_document(r, hints, nullptr);
    if (!doc) return fail(name, doc.error().message);
    const std::string key = feeds::identity_key(*doc->url);
    if (hints == nullptr || key != feeds::identity_key(hints->url))
      if (!seen_.insert(key).second) return;  // already printed
    Article a = pipeline_.extract(*doc);
    ids_.claim(a);
    print_warnings(a);
    out_ << report::article_to_json(a).dump(-1, ' ', false,
                                            nlohmann::ordered_json::error_handler_t::replace)
         << "\n";
    ++ok_;
  }

  const engine::Pipeline& pipeline_;
  fetch::Fetcher& fetcher_;
  feeds::FeedLimits limits_;
  bool discover_;
  std::ostream& out_;
  engine::UniqueIds ids_;
  std::set<std::string> seen_;  // identity keys of the articles met in this run
  size_t ok_ = 0, failed_ = 0;
};

}  // namespace

int run_fetch(int argc, char** argv) {
  int code = kExitOk;
  auto args = parse_command_line(argc, argv, kCommandLine, code);
  if (!args) return code;
  auto setup = load_setup(*args, "fetch", code);
  if (!setup) return code;
  Output output;
  if (!output.open(*args, "fetch", args->positional)) return kExitUsage;

  fetch::CurlLibrary curl;
  if (!curl.ok()) {
    std::fprintf(stderr, "recoupe fetch: libcurl could not be initialised\n");
    return kExitNothingProcessed;
  }
  fetch::FetchConfig config = setup->config.fetch;  // the options below win
  if (auto v = args->get("--delay-ms")) config.per_host_delay_ms = *parse_int_in(*v, 0, 600'000);
  if (auto v = args->get("--timeout-ms")) config.total_timeout_ms = *parse_int_in(*v, 100, 600'000);
  if (auto v = args->get("--max-bytes"))
    config.max_body_bytes = size_t(*parse_int_in(*v, 1024, 1L << 30));
  feeds::FeedLimits limits;
  if (auto v = args->get("--max-entries"))
    limits.max_entries = size_t(*parse_int_in(*v, 1, 1'000'000));
  fetch::Fetcher fetcher(curl, config);

  const engine::Pipeline pipeline = setup->pipeline();
  FetchRun run(pipeline, fetcher, limits, args->has("--discover"), output.stream());
  for (const auto& input : args->positional) run.source(input);
  return output.finish() ? run.exit_code() : kExitWriteFailed;
}

}  // namespace recoupe::cli
