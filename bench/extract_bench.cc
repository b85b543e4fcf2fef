// extract_bench: HTML extraction speed over a gold set (JSONL with "html" fields, .zst ok).
//
//   build/extract_bench [FILE.jsonl[.zst]] [--repeat N] [--limit N]
//
// Loads the pages into memory, then runs (1) extract_html (parse + content + metadata) and
// (2) extract_article (the same plus language identification) N times each. Prints pages/s and
// MB/s of HTML input by CPU time of this thread (honest on a loaded machine) and by wall
// time, and the peak RSS. One thread: figures are per core.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/raw_document.h"
#include "extract/extractor.h"
#include "extract/html_extractor.h"
#include "extract/html_resources.h"
#include "ingest/lines.h"
#include "shipped_resources.h"

namespace {

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

double wall_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

int main(int argc, char** argv) {
  std::string path = "../shared/data/extraction/trafilatura-eval/trafilatura-eval.jsonl.zst";
  int repeat = 3;
  long limit = -1;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--repeat" && i + 1 < argc)
      repeat = std::atoi(argv[++i]);
    else if (a == "--limit" && i + 1 < argc)
      limit = std::atol(argv[++i]);
    else if (a == "--help") {
      std::puts("usage: extract_bench [FILE.jsonl[.zst]] [--repeat N] [--limit N]");
      return 0;
    } else
      path = a;
  }
  std::vector<std::string> pages;
  size_t bytes = 0;
  auto read = recoupe::ingest::for_each_line(
      path, size_t{256} << 20, [&](std::string_view line, size_t, bool oversized) {
        if (oversized || (limit >= 0 && static_cast<long>(pages.size()) >= limit)) return;
        auto j = nlohmann::json::parse(line, nullptr, false);
        if (!j.is_object() || !j.contains("html") || !j["html"].is_string()) return;
        pages.push_back(j["html"].get<std::string>());
        bytes += pages.back().size();
      });
  if (!read || pages.empty()) {
    std::fprintf(stderr, "extract_bench: %s: no pages\n", path.c_str());
    return 1;
  }
  const recoupe::engine::Pipeline pipeline =
      recoupe::testing::shipped_pipeline();  // data loaded here, outside the timing
  std::printf("%zu pages, %.1f MB, average %.0f KB; %d repeats\n", pages.size(), bytes / 1e6,
              bytes / 1e3 / pages.size(), repeat);

  auto run = [&](const char* name, auto&& fn) {
    size_t sink = 0;
    double c0 = thread_cpu_seconds(), w0 = wall_seconds();
    for (int r = 0; r < repeat; ++r)
      for (const auto& p : pages) sink += fn(p);
    double cpu = thread_cpu_seconds() - c0, wall = wall_seconds() - w0;
    double n = static_cast<double>(pages.size()) * repeat, mb = bytes / 1048576.0 * repeat;
    std::printf("%-16s cpu: %7.1f pages/s %6.1f MB/s | wall: %7.1f pages/s %6.1f MB/s  (%zu)\n",
                name, n / cpu, mb / cpu, n / wall, mb / wall, sink % 10);
  };
  run("extract_html", [&](const std::string& html) {
    return recoupe::extract::extract_html(html, pipeline.resources().html()).paragraphs.size();
  });
  run("extract_article", [&](const std::string& html) {
    recoupe::RawDocument doc;
    doc.kind = recoupe::ContentKind::kHtml;
    doc.content = html;
    return pipeline.extract(doc).text.size();
  });
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("peak RSS: %.1f MB (pages held in memory included)\n", ru.ru_maxrss / 1024.0);
  return 0;
}
