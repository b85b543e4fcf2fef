// End to end: `recoupe report` on the bundled example and on a reprint of it.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace {

namespace fs = std::filesystem;

nlohmann::json run_report(const std::string& inputs) {
  std::string cmd =
      std::string(RECOUPE_BINARY) + " report " + inputs + " --format json 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  pclose(p);
  return nlohmann::json::parse(out, nullptr, false);
}

TEST(E2E, FiveSeedsFormOneStory) {
  auto j = run_report(std::string(RECOUPE_EXAMPLES_DIR) + "/vostochny");
  ASSERT_FALSE(j.is_discarded());
  ASSERT_EQ(j["articles"].size(), 5u);
  ASSERT_EQ(j["stories"].size(), 1u);
  EXPECT_EQ(j["stories"][0]["articles"].size(), 5u);
  for (const auto& a : j["articles"]) EXPECT_TRUE(a["duplicate_of"].is_null());
}

TEST(E2E, ReprintIsMarkedAndCountedOnce) {
  fs::path dir = fs::temp_directory_path() / "recoupe_e2e_reprint";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string first;
  for (const auto& e : fs::directory_iterator(std::string(RECOUPE_EXAMPLES_DIR) + "/vostochny")) {
    if (e.path().extension() != ".txt") continue;
    fs::copy_file(e.path(), dir / e.path().filename());
    if (first.empty() || e.path().filename().string() < first) first = e.path().filename().string();
  }
  // A reprint of the first seed with a few words edited.
  std::ifstream in(dir / first);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  for (const char* from : {"Poutine", "Russie", "satellites"}) {
    size_t at = text.rfind(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, std::string(from).size(), "XXXX");
  }
  std::ofstream(dir / "zz_reprint.txt") << text;
  auto j = run_report(dir.string());
  ASSERT_FALSE(j.is_discarded());
  ASSERT_EQ(j["articles"].size(), 6u);
  int reprints = 0;
  for (const auto& a : j["articles"])
    if (!a["duplicate_of"].is_null()) {
      ++reprints;
      EXPECT_EQ(a["id"], "zz_reprint.txt");
      EXPECT_EQ(a["duplicate_of"], first);
    }
  EXPECT_EQ(reprints, 1);
  ASSERT_EQ(j["stories"].size(), 1u);
  EXPECT_EQ(j["stories"][0]["articles"].size(), 6u);
  fs::remove_all(dir);
}

TEST(E2E, EvalPrintsTheDocumentedKeys) {
  fs::path gold = fs::temp_directory_path() / "recoupe_e2e_gold.jsonl";
  std::ofstream(gold)
      << R"({"id":"a","title":"Flood in Porto Alegre","text":"Floods hit Porto Alegre in Brazil on Monday, killing 30 people as the Guaiba river rose.","event":"x","lang":"en"})"
      << "\n"
      << R"({"id":"b","title":"Porto Alegre floods kill 30","text":"In Brazil, the Guaiba river flooded Porto Alegre; 30 people died, officials said on Monday.","event":"x","lang":"en"})"
      << "\n";
  std::string cmd =
      std::string(RECOUPE_BINARY) + " eval --gold " + gold.string() + " --format json";
  FILE* p = popen(cmd.c_str(), "r");
  char buf[4096];
  std::string out;
  while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  pclose(p);
  auto j = nlohmann::ordered_json::parse(out, nullptr, false);
  ASSERT_TRUE(j.is_object()) << out;
  std::vector<std::string> keys;
  for (const auto& [k, v] : j.items()) keys.push_back(k);
  EXPECT_EQ(keys,
            (std::vector<std::string>{"docs", "gold_events", "found_events", "bcubed_p", "bcubed_r",
                                      "bcubed_f1", "pair_p", "pair_r", "pair_f1", "seconds"}));
  EXPECT_EQ(j["docs"], 2);
  EXPECT_EQ(j["found_events"], 1);
  EXPECT_EQ(j["bcubed_f1"], 1.0);
  fs::remove(gold);
}

}  // namespace
