// End to end through the binary: every command takes the one road (engine::Pipeline), loads
// its data at start and refuses a bad config or data folder before doing anything.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

namespace {

namespace fs = std::filesystem;

struct Result {
  int code = -1;
  std::string out;
};

Result run(const std::string& args, bool with_stderr = false) {
  std::string cmd =
      std::string(RECOUPE_BINARY) + " " + args + (with_stderr ? " 2>&1" : " 2>/dev/null");
  FILE* p = popen(cmd.c_str(), "r");
  Result r;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, p)) r.out.append(buf, n);
  int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

// Both commands take the one road: the same text for every article, including a plain text
// of three short lines that a boilerplate filter could empty (never lost by either).
TEST(E2EPipeline, ExtractAndReportGiveTheSameText) {
  fs::path dir = fs::temp_directory_path() / "recoupe_e2e_same_text";
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const auto& e : fs::directory_iterator(std::string(RECOUPE_EXAMPLES_DIR) + "/vostochny"))
    fs::copy_file(e.path(), dir / e.path().filename());
  std::ofstream(dir / "zz_short_lines.txt") << "Kim arrive.\nPoutine attend.\nIls parlent.\n";

  Result extracted = run("extract " + dir.string());
  ASSERT_EQ(extracted.code, 0);
  std::map<std::string, std::string> by_extract;
  std::istringstream lines(extracted.out);
  for (std::string line; std::getline(lines, line);) {
    auto j = nlohmann::json::parse(line);
    by_extract[j["id"]] = j["text"];
  }
  Result reported = run("report " + dir.string() + " --format json --with-text");
  ASSERT_EQ(reported.code, 0);
  auto j = nlohmann::json::parse(reported.out);
  ASSERT_EQ(j["articles"].size(), by_extract.size());
  for (const auto& a : j["articles"]) {
    ASSERT_TRUE(by_extract.count(a["id"])) << a["id"];
    EXPECT_EQ(a["text"], by_extract[a["id"]]) << a["id"];
  }
  // Not lost by either command.
  EXPECT_NE(by_extract["zz_short_lines.txt"].find("Poutine attend."), std::string::npos);
  fs::remove_all(dir);
}

TEST(E2EPipeline, MissingDataFolderIsAnErrorAtStart) {
  for (const char* command : {"report", "extract", "analyze", "stream"}) {
    Result r = run(std::string(command) + " " + RECOUPE_EXAMPLES_DIR +
                       "/vostochny --data /nonexistent/recoupe-data",
                   true);
    EXPECT_EQ(r.code, 2) << command;
    EXPECT_NE(r.out.find("/nonexistent/recoupe-data"), std::string::npos) << r.out;
  }
  // A data folder with a file missing names that file.
  fs::path dir = fs::temp_directory_path() / "recoupe_e2e_partial_data";
  fs::remove_all(dir);
  fs::copy(std::string(RECOUPE_TEST_DIR) + "/../data", dir, fs::copy_options::recursive);
  fs::remove(dir / "text" / "line_model.txt");
  Result r = run(
      "report " + std::string(RECOUPE_EXAMPLES_DIR) + "/vostochny --data " + dir.string(), true);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("line_model.txt"), std::string::npos) << r.out;
  fs::remove_all(dir);
}

TEST(E2EPipeline, ConfigReachesEveryStageAndBadConfigIsRefused) {
  fs::path cfg = fs::temp_directory_path() / "recoupe_e2e_config.json";
  // No quote may be shown: the synth section reaches the cross-check.
  std::ofstream(cfg) << R"({"synth": {"max_quotes": 0}, "threads": 1})";
  Result r = run("report " + std::string(RECOUPE_EXAMPLES_DIR) +
                 "/vostochny --format json --config " + cfg.string());
  ASSERT_EQ(r.code, 0);
  auto j = nlohmann::json::parse(r.out);
  EXPECT_TRUE(j["stories"][0]["quotes"].empty());
  // An extraction setting reaches extraction: a text cleaner that never calls a line prose
  // keeps nothing but the fallback (the whole text as given).
  std::ofstream(cfg)
      << R"({"extract": {"text": {"prose_min_words": 1000, "prose_long_words": 1000}}})";
  Result e =
      run("extract " + std::string(RECOUPE_EXAMPLES_DIR) + "/vostochny --config " + cfg.string());
  Result plain = run("extract " + std::string(RECOUPE_EXAMPLES_DIR) + "/vostochny");
  ASSERT_EQ(e.code, 0);
  EXPECT_NE(e.out, plain.out);

  std::ofstream(cfg) << R"({"cluster": {"joinn": 1}})";
  Result bad = run(
      "report " + std::string(RECOUPE_EXAMPLES_DIR) + "/vostochny --config " + cfg.string(), true);
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.out.find("unknown key cluster.joinn"), std::string::npos) << bad.out;
  fs::remove(cfg);

  Result threads =
      run("report " + std::string(RECOUPE_EXAMPLES_DIR) + "/vostochny --threads abc", true);
  EXPECT_EQ(threads.code, 2);
  EXPECT_NE(threads.out.find("--threads"), std::string::npos);
}

TEST(E2EPipeline, ConfigDefaultsAndVersion) {
  Result d = run("config --defaults");
  ASSERT_EQ(d.code, 0);
  auto j = nlohmann::json::parse(d.out);
  for (const char* section : {"threads", "ingest", "extract", "analyze", "cluster", "synth"})
    EXPECT_TRUE(j.contains(section)) << section;
  Result v = run("--version");
  EXPECT_EQ(v.code, 0);
  EXPECT_EQ(v.out.rfind("recoupe ", 0), 0u) << v.out;
}

}  // namespace
