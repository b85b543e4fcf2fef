// End to end: hostile-size inputs are read within documented limits, and the output says
// when a limit bit (issue 11, items 2 and 5).
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace {

namespace fs = std::filesystem;

std::string run(const std::string& args) {
  std::string cmd = std::string(RECOUPE_BINARY) + " " + args + " 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  pclose(p);
  return out;
}

std::vector<std::string> seed_texts() {
  std::vector<fs::path> paths;
  for (const auto& e : fs::directory_iterator(std::string(RECOUPE_EXAMPLES_DIR) + "/vostochny"))
    if (e.path().extension() == ".txt") paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> out;
  for (const auto& p : paths) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    out.push_back(ss.str());
  }
  return out;
}

fs::path fresh_dir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::vector<std::string> notices_of(const nlohmann::json& story) {
  std::vector<std::string> out;
  if (story.contains("notices"))
    for (const auto& n : story["notices"]) out.push_back(n.get<std::string>());
  return out;
}

// An article longer than synth.max_article_bytes is cross-checked on its first part, and the
// story names the article and how much was read. The limit is lowered by --config so that
// the article stays small; the default (256 KB) works the same way.
TEST(E2ELimits, ALongArticleIsCrossCheckedInPartAndTheStorySaysSo) {
  fs::path dir = fresh_dir("recoupe_e2e_long_article");
  std::string body;
  auto seeds = seed_texts();
  for (int round = 0; round < 4; ++round)
    for (const auto& t : seeds) body += t + "\n\n";
  std::ofstream(dir / "long.txt") << body;
  std::ofstream(dir / "config.json") << R"({"synth": {"max_article_bytes": 8000}})";
  auto j = nlohmann::json::parse(run("report " + (dir / "long.txt").string() + " --config " +
                                     (dir / "config.json").string() + " --format json"),
                                 nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  ASSERT_EQ(j["stories"].size(), 1u);
  auto notices = notices_of(j["stories"][0]);
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_NE(notices[0].find("cross-check used the first"), std::string::npos) << notices[0];
  EXPECT_NE(notices[0].find("of article long.txt"), std::string::npos) << notices[0];
  EXPECT_FALSE(j["stories"][0]["summary"].empty());

  // The text view says it too.
  std::string text = run("report " + (dir / "long.txt").string() + " --config " +
                         (dir / "config.json").string() + " --format text --color never");
  EXPECT_NE(text.find("cross-check used the first"), std::string::npos);

  // Within the limit, no notice at all.
  auto k = nlohmann::json::parse(
      run("report " + std::string(RECOUPE_EXAMPLES_DIR) + "/vostochny --format json"), nullptr,
      false);
  ASSERT_FALSE(k.is_discarded());
  for (const auto& s : k["stories"]) EXPECT_FALSE(s.contains("notices"));
  fs::remove_all(dir);
}

// Many reprints of one article: the first synth.max_reprints_read are read, the others are
// credited with their original and the story says how many.
TEST(E2ELimits, ReprintsBeyondTheLimitAreCreditedWithTheirOriginal) {
  fs::path dir = fresh_dir("recoupe_e2e_reprints");
  auto seeds = seed_texts();
  std::ofstream out(dir / "copies.jsonl");
  for (int i = 0; i < 12; ++i)
    out << nlohmann::json{{"id", "copy-" + std::to_string(100 + i)},
                          {"source", "outlet" + std::to_string(i) + ".example"},
                          {"text", seeds[0]}}
               .dump()
        << "\n";
  out.close();
  std::ofstream(dir / "config.json") << R"({"synth": {"max_reprints_read": 2}})";
  auto j = nlohmann::json::parse(run("report " + (dir / "copies.jsonl").string() + " --config " +
                                     (dir / "config.json").string() + " --format json"),
                                 nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  ASSERT_EQ(j["stories"].size(), 1u);
  const auto& story = j["stories"][0];
  auto notices = notices_of(story);
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_NE(notices[0].find("+9 more reprints"), std::string::npos) << notices[0];
  EXPECT_NE(notices[0].find("copy-100"), std::string::npos) << notices[0];
  // A reprint that was not read is still cited with its original.
  ASSERT_FALSE(story["summary"].empty());
  bool cites_last = false;
  for (const auto& id : story["summary"][0]["articles"]) cites_last |= id == "copy-111";
  EXPECT_TRUE(cites_last) << story["summary"][0]["articles"].dump();
  fs::remove_all(dir);
}

// Quote merging compares each quote with every group so far: past synth.max_quotes_merged
// quotes the rest of the story's quotes are not merged, and the story says how many.
TEST(E2ELimits, QuotesPastTheMergeLimitAreCountedInANotice) {
  fs::path dir = fresh_dir("recoupe_e2e_quotes");
  std::ofstream(dir / "config.json") << R"({"synth": {"max_quotes_merged": 2}})";
  auto j = nlohmann::json::parse(
      run("report " + std::string(RECOUPE_EXAMPLES_DIR) + "/vostochny --config " +
          (dir / "config.json").string() + " --format json"),
      nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  ASSERT_EQ(j["stories"].size(), 1u);
  auto notices = notices_of(j["stories"][0]);
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_NE(notices[0].find("cross-check merged the first 2 quotes of the story; +"),
            std::string::npos)
      << notices[0];
  EXPECT_LE(j["stories"][0]["quotes"].size(), 2u);
  fs::remove_all(dir);
}

// One tag with a million attributes: the page is read (its first 1000 attributes kept) and
// its text extracted, where libxml2 alone did not finish in two minutes.
TEST(E2ELimits, AMillionAttributesOnOneTagStillGiveTheText) {
  fs::path dir = fresh_dir("recoupe_e2e_attributes");
  {
    std::ofstream page(dir / "attributes.html");
    page << "<html><head><title>Attributs</title></head><body><div";
    for (int i = 0; i < 1000000; ++i) page << " data-a" << i << "=\"" << i << "\"";
    page << "><p>Le conseil municipal a voté mardi le prolongement de la ligne de tramway de "
            "quatre kilomètres, une décision attendue depuis plus de dix ans.</p>"
            "<p>Les travaux doivent commencer au printemps prochain, et la ville demandera "
            "une aide régionale pour environ la moitié du coût.</p></div></body></html>\n";
  }
  auto j =
      nlohmann::json::parse(run("extract " + (dir / "attributes.html").string()), nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  EXPECT_NE(j["text"].get<std::string>().find("prolongement de la ligne de tramway"),
            std::string::npos);
  fs::remove_all(dir);
}

// Display limits (synth.max_corroborated, …) cut a section; the story says how many items
// each section left out, in JSON and in both views, with the key that shows them, and the
// first items are the same ones a higher limit lists first.
TEST(E2ELimits, SectionsPastTheirLimitSayHowManyMore) {
  fs::path dir = fresh_dir("recoupe_e2e_more");
  std::ofstream(dir / "small.json")
      << R"({"synth": {"max_corroborated": 1, "max_single_source": 1, "max_quotes": 1,
                       "max_entities": 2, "max_timeline": 1}})";
  const std::string seeds = std::string(RECOUPE_EXAMPLES_DIR) + "/vostochny";
  const std::string small = " --config " + (dir / "small.json").string();
  auto j = nlohmann::json::parse(run("report " + seeds + small + " --format json"), nullptr, false);
  auto full = nlohmann::json::parse(run("report " + seeds + " --format json"), nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  ASSERT_FALSE(full.is_discarded());
  const auto& story = j["stories"][0];
  const auto& whole = full["stories"][0];
  ASSERT_TRUE(story.contains("more")) << story.dump();
  for (const char* section : {"corroborated", "single_source", "quotes", "entities", "timeline"}) {
    ASSERT_TRUE(story["more"].contains(section)) << section << " " << story["more"].dump();
    const size_t shown = story[section].size();
    size_t whole_count = whole[section].size();
    if (whole.contains("more") && whole["more"].contains(section))
      whole_count += whole["more"][section].get<size_t>();
    EXPECT_EQ(shown + story["more"][section].get<size_t>(), whole_count) << section;
    EXPECT_EQ(story[section][0], whole[section][0]) << section;
  }
  const std::string text = run("report " + seeds + small + " --color never --lang en");
  EXPECT_NE(text.find("more (synth.max_corroborated)"), std::string::npos) << text;
  EXPECT_NE(text.find("more (synth.max_timeline)"), std::string::npos) << text;
  const std::string html = run("report " + seeds + small + " --format html --lang en");
  EXPECT_NE(html.find("more (synth.max_single_source)</p>"), std::string::npos);
  // Within the limits nothing is said.
  EXPECT_FALSE(whole.contains("more") && whole["more"].contains("corroborated"));
  fs::remove_all(dir);
}

}  // namespace
