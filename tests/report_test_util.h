// Helpers of the report tests: the hand-written sample report and running the binary.
#pragma once

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "core/report.h"
#include "report/report_json.h"

namespace recoupe::report::testing {

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// tests/data/report_sample.json (the seeds of examples/vostochny, written by hand with
// every section filled) read through report_from_json; an empty report, and a test
// failure, when it does not read.
inline Report load_sample() {
  auto report =
      report_from_json(read_file(std::string(RECOUPE_TEST_DIR) + "/data/report_sample.json"));
  EXPECT_TRUE(report.ok()) << report.error().to_string();
  return report.ok() ? *report : Report{};
}

// Occurrences of `needle` in `haystack`, not overlapping.
inline size_t count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size()))
    ++n;
  return n;
}

// What `recoupe ARGS` prints on stdout (stderr dropped).
inline std::string run_recoupe(const std::string& args) {
  const std::string cmd = std::string(RECOUPE_BINARY) + " " + args + " 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  if (p == nullptr) return out;
  char buf[1 << 16];
  while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  pclose(p);
  return out;
}

}  // namespace recoupe::report::testing
