// Throughput of the whole text analysis (sentences + tokens + dates + quantities + names +
// quotes) on one core, per input file, with a per-part breakdown.
//
// usage: analyze_bench [FILE.jsonl[.zst] ...]
// Default inputs: ../shared/data/scale/*.jsonl.zst and ../shared/data/clustering/rpm2-fr-dev.jsonl.
// The article text is taken as given (no extraction), so the figure is the analysis alone.

#include <time.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "analyze/analyzer.h"
#include "analyze/person_names.h"
#include "ingest/reader.h"
#include "shipped_resources.h"

namespace {

// CPU time of this thread: the machine may be shared, and the goal is MB/s per core.
struct Clock {
  using time_point = double;
  static double now() {
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
  }
};

double seconds_since(double t) { return Clock::now() - t; }

}  // namespace

int main(int argc, char** argv) {
  using namespace recoupe;
  std::vector<std::string> inputs(argv + 1, argv + argc);
  if (inputs.empty()) {
    std::string shared = "/work/shared/data/";
    for (const char* f : {"scale/reuters21578.jsonl.zst", "scale/bbc-news.jsonl.zst",
                          "scale/isot-reuters-true.jsonl.zst", "scale/10kgnad-test.jsonl.zst",
                          "clustering/rpm2-fr-dev.jsonl"})
      inputs.push_back(shared + f);
  }
  const auto& resources = testing::shipped_resources().analysis();
  std::printf("%-28s %7s %8s %9s %8s | %6s %6s %6s %6s %6s (s)\n", "file", "docs", "MB", "cpu s",
              "MB/s", "sent", "tok", "dates", "qty", "quote");
  for (const auto& path : inputs) {
    std::vector<Article> articles;
    ingest::read_inputs({path}, ingest::ReadLimits{}, [&](Expected<RawDocument> doc) {
      if (!doc) return;
      Article a;
      a.id = doc->id;
      a.text = doc->content;
      a.language = doc->language.value_or("en");
      a.published = doc->published;
      if (a.published) a.published_at = parse_publication_time(*a.published);
      articles.push_back(std::move(a));
    });
    size_t bytes = 0, sentences = 0, dates = 0, quantities = 0, quotes = 0;
    for (const auto& a : articles) bytes += a.text.size();
    auto start = Clock::now();
    for (const auto& a : articles) {
      ArticleAnalysis r = analyze::analyze_article(a, resources, std::string("2023-09-13"));
      sentences += r.sentences.size();
      dates += r.dates.size();
      quantities += r.quantities.size();
      quotes += r.quotes.size();
    }
    double total = seconds_since(start);
    // Breakdown: each part alone over the same texts.
    double t_sent = 0, t_tok = 0, t_dates = 0, t_qty = 0, t_quote = 0;
    for (const auto& a : articles) {
      const auto& r = resources.for_language(*a.language);
      auto t0 = Clock::now();
      auto sents = text::split_sentences(a.text, r.sentences);
      t_sent += seconds_since(t0);
      t0 = Clock::now();
      auto toks = analyze::tokenize(a.text);
      t_tok += seconds_since(t0);
      t0 = Clock::now();
      auto d = analyze::find_dates(a.text, toks, r.dates, CivilDate{2023, 9, 13});
      t_dates += seconds_since(t0);
      t0 = Clock::now();
      auto q = analyze::find_quantities(a.text, toks, r.quantities);
      t_qty += seconds_since(t0);
      t0 = Clock::now();
      auto names = analyze::guess_speaker_names(a.text, toks, r.not_names);
      auto qs = analyze::find_quotes(a.text, toks, sents, names, r.quotes);
      t_quote += seconds_since(t0);
    }
    std::string name = path.substr(path.find_last_of('/') + 1);
    double mb = bytes / 1e6;
    std::printf("%-28s %7zu %8.2f %9.3f %8.2f | %6.2f %6.2f %6.2f %6.2f %6.2f\n", name.c_str(),
                articles.size(), mb, total, mb / total, t_sent, t_tok, t_dates, t_qty, t_quote);
    std::printf("%-28s sentences %zu, dates %zu, quantities %zu, quotes %zu\n", "", sentences,
                dates, quantities, quotes);
  }
  return 0;
}
