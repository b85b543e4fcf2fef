// Speed of find_entities (tokenise, annotate, tag, refine, merge) on real text, one core.
//
//   build/ner_speed LANG FILE...   (plain-text files, or .jsonl with a "text" field per line)
//
// Prints MB/s over all files, repeated until at least 2 s have been spent.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "analyze/entities.h"
#include "shipped_resources.h"
#include "text/data_dir.h"

using namespace recoupe;

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: ner_speed LANG FILE...\n");
    return 2;
  }
  std::string lang = argv[1];
  std::vector<std::string> texts;
  size_t bytes = 0;
  for (int i = 2; i < argc; ++i) {
    std::ifstream in(argv[i]);
    std::string path = argv[i];
    if (path.ends_with(".jsonl")) {
      std::string line;
      while (std::getline(in, line)) {
        auto j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_object() && j.contains("text") && j["text"].is_string() &&
            (!j.contains("lang") || j["lang"] == lang))
          texts.push_back(j["text"].get<std::string>());
      }
    } else {
      std::stringstream ss;
      ss << in.rdbuf();
      texts.push_back(ss.str());
    }
  }
  for (const auto& t : texts) bytes += t.size();
  const analyze::EntityResources* res = &testing::shipped_resources().entities();
  if (!res) {
    std::fprintf(stderr, "no entity resources\n");
    return 1;
  }
  size_t entities = 0, rounds = 0;
  // CPU time of this process: wall time is meaningless on a shared, overloaded machine.
  std::clock_t c0 = std::clock();
  auto t0 = std::chrono::steady_clock::now();
  double seconds = 0, wall = 0;
  while (seconds < 2.0) {
    for (const auto& t : texts) entities += analyze::find_entities(t, lang, *res).size();
    ++rounds;
    seconds = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
    wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }
  double mb = static_cast<double>(bytes * rounds) / 1e6;
  std::printf(
      "%zu texts, %.2f MB x %zu rounds: %.1f MB/s per CPU-second (%.1f MB/s wall), "
      "%zu entities per round\n",
      texts.size(), static_cast<double>(bytes) / 1e6, rounds, mb / seconds, mb / wall,
      entities / rounds);
  return 0;
}
