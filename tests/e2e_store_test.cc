// End to end: `recoupe ingest`, `recoupe stories` and `recoupe story` on the bundled example.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "ingest_test_util.h"
#include "report/report_json.h"
#include "store/store.h"
#include "store_backends.h"

namespace {

struct Outcome {
  int code = -1;
  std::string out;
};

// Runs the binary with `args` (stderr to `err_file` when given); its exit code and stdout.
Outcome run(const std::string& args, const std::string& err_file = "/dev/null") {
  std::string cmd = std::string(RECOUPE_BINARY) + " " + args + " 2>" + err_file;
  FILE* p = popen(cmd.c_str(), "r");
  Outcome r;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, p)) r.out.append(buf, n);
  int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

const std::string kSeeds = RECOUPE_EXAMPLES_DIR "/vostochny";

// Over both stores: `--store FILE` and `--store postgresql://…`.
class E2EStoreBackends : public ::testing::TestWithParam<recoupe::testing::StoreKind> {};

TEST_P(E2EStoreBackends, IngestListAndShowTheSeedsStoryAsReportDoes) {
  REQUIRE_STORE(GetParam());
  recoupe::testing::TempDir dir;
  const std::string db = recoupe::testing::fresh_store(GetParam(), dir, "t.db");
  Outcome ingest = run("ingest " + kSeeds + " --store " + db);
  EXPECT_EQ(ingest.code, 0);
  EXPECT_NE(ingest.out.find("5 added, 0 revised, 0 unchanged, 0 refused; 1 story touched"),
            std::string::npos)
      << ingest.out;
  EXPECT_NE(run("ingest " + kSeeds + " --store " + db).out.find("0 added, 0 revised, 5 unchanged"),
            std::string::npos);

  Outcome listed = run("stories --format json --store " + db);
  EXPECT_EQ(listed.code, 0);
  auto list = nlohmann::json::parse(listed.out, nullptr, false);
  ASSERT_FALSE(list.is_discarded()) << listed.out;
  ASSERT_EQ(list["stories"].size(), 1u);
  const std::string id = list["stories"][0]["id"];
  EXPECT_EQ(list["stories"][0]["articles"].size(), 5u);

  auto report =
      nlohmann::json::parse(run("report " + kSeeds + " --format json").out, nullptr, false);
  Outcome shown = run("story " + id + " --format json --store " + db);
  EXPECT_EQ(shown.code, 0);
  auto story = nlohmann::json::parse(shown.out, nullptr, false);
  ASSERT_FALSE(report.is_discarded());
  ASSERT_FALSE(story.is_discarded()) << shown.out;
  ASSERT_EQ(story["stories"].size(), 1u);
  // Every field of the story (id, title, …, framing), and the articles it lists.
  EXPECT_EQ(story["stories"][0], report["stories"][0]);
  EXPECT_EQ(story["articles"], report["articles"]);
  for (const char* key : {"title", "language", "event_date", "sources"})
    EXPECT_EQ(list["stories"][0][key], report["stories"][0][key]) << key;

  EXPECT_EQ(run("stories --query Vostotchny --store " + db).out.substr(0, id.size()), id);
  EXPECT_EQ(run("stories --query Zanzibar --store " + db).out, "");
  EXPECT_NE(run("story " + id + " --format html --store " + db).out.find("<html"),
            std::string::npos);
}

// Named E2E/…: the end-to-end tests left out of the sanitized run (.ci/run).
INSTANTIATE_TEST_SUITE_P(E2E, E2EStoreBackends,
                         ::testing::Values(recoupe::testing::StoreKind::kSqlite,
                                           recoupe::testing::StoreKind::kPostgres),
                         recoupe::testing::store_kind_name);

TEST(E2EStore, StoreAndDbTogetherIsAUsageError) {
  Outcome both = run("stories --store a.db --db b.db");
  EXPECT_EQ(both.code, 2);
}

TEST(E2EStore, AnUnknownIdOrAMissingStoreIsOneClearError) {
  recoupe::testing::TempDir dir;
  const std::string db = (dir.path() / "t.db").string();
  const std::string err = (dir.path() / "err.txt").string();
  ASSERT_EQ(run("ingest " + kSeeds + " --db " + db).code, 0);

  Outcome unknown = run("story s000000000000 --db " + db, err);
  EXPECT_EQ(unknown.code, 3);
  EXPECT_EQ(read(err), "recoupe story: " + db + ": no story s000000000000\n");

  const std::string nowhere = (dir.path() / "no" / "folder" / "x.db").string();
  Outcome missing = run("ingest " + kSeeds + " --db " + nowhere, err);
  EXPECT_EQ(missing.code, 4);
  EXPECT_EQ(read(err), "recoupe ingest: " + nowhere + ": cannot open: the folder " +
                           (dir.path() / "no" / "folder").string() + " does not exist\n");

  Outcome read_only = run("ingest " + kSeeds + " --db /proc/recoupe-e2e.db", err);
  EXPECT_EQ(read_only.code, 4);
  EXPECT_EQ(read(err),
            "recoupe ingest: /proc/recoupe-e2e.db: cannot open for writing: the file "
            "or its folder is read-only\n");

  Outcome no_store = run("stories --db " + (dir.path() / "absent.db").string(), err);
  EXPECT_EQ(no_store.code, 3);
  EXPECT_NE(read(err).find("absent.db: no store here yet"), std::string::npos) << read(err);
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "absent.db"));

  EXPECT_EQ(run("stories --since 13-09-2023 --db " + db, err).code, 2);
  EXPECT_NE(read(err).find("--since must be a day YYYY-MM-DD"), std::string::npos);
}

TEST(E2EStore, ABadLineIsRefusedAndTheRestStored) {
  recoupe::testing::TempDir dir;
  const std::string db = (dir.path() / "t.db").string();
  const std::string err = (dir.path() / "err.txt").string();
  const std::string feed = dir.write(
      "feed.jsonl",
      R"({"id":"a","title":"Quake hits Lombok","lang":"en","text":"A strong earthquake struck Lombok, killing 14 people in Mataram, officials said on Sunday."})"
      "\n{not json\n");
  Outcome r = run("ingest " + feed + " --db " + db, err);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("1 added, 0 revised, 0 unchanged, 1 refused"), std::string::npos) << r.out;
  EXPECT_NE(read(err).find("feed.jsonl:2"), std::string::npos) << read(err);
  EXPECT_EQ(run("story sXXXX --db " + db).code, 3);
  auto list = nlohmann::json::parse(run("stories --format json --db " + db).out, nullptr, false);
  ASSERT_EQ(list["stories"].size(), 1u);
  EXPECT_EQ(list["stories"][0]["articles"], nlohmann::json::array({"a"}));
}

// A store where story B was merged into A (written through Store::apply, as LiveStories
// does): the old id shows A, with a note on stderr.
TEST(E2EStore, AMergedIdShowsTheStoryItWentInto) {
  recoupe::testing::TempDir dir;
  const std::string db = (dir.path() / "t.db").string();
  const std::string err = (dir.path() / "err.txt").string();
  auto store = recoupe::store::Store::open(db, recoupe::store::OpenMode::kReadWrite);
  ASSERT_TRUE(store);
  auto write = [&](int64_t base, std::vector<std::pair<std::string, std::vector<int64_t>>> stories,
                   std::vector<recoupe::store::Redirect> redirects) {
    recoupe::store::BatchWrite w;
    w.base_generation = base;
    w.at = "t";
    for (int64_t seq : {1, 2})
      if (base == 0) {
        recoupe::store::ArticleRevision r;
        r.article.id = r.article.file = "a" + std::to_string(seq);
        r.article.text = "Text " + std::to_string(seq);
        w.articles.push_back({seq, r});
      }
    for (const auto& [id, seqs] : stories) {
      recoupe::Report report;
      recoupe::ReportStory story;
      story.id = id;
      story.title = "Story " + id;
      for (int64_t seq : seqs) story.articles.push_back("a" + std::to_string(seq));
      report.stories.push_back(story);
      w.stories.push_back(
          {{.id = id, .title = story.title}, recoupe::report::to_json_text(report)});
      for (int64_t seq : seqs) w.memberships.push_back({seq, id, {}});
    }
    w.redirects = redirects;
    ASSERT_TRUE(store->apply(w));
  };
  write(0, {{"A", {1}}, {"B", {2}}}, {});
  write(1, {{"A", {1, 2}}}, {{"B", "A"}});

  Outcome shown = run("story B --format json --db " + db, err);
  EXPECT_EQ(shown.code, 0);
  EXPECT_EQ(read(err), "recoupe story: B was merged into A\n");
  auto doc = nlohmann::json::parse(shown.out, nullptr, false);
  ASSERT_FALSE(doc.is_discarded()) << shown.out;
  EXPECT_EQ(doc["stories"][0]["id"], "A");
  EXPECT_EQ(doc["stories"][0]["articles"], nlohmann::json::array({"a1", "a2"}));
  auto list = nlohmann::json::parse(run("stories --format json --db " + db).out, nullptr, false);
  ASSERT_EQ(list["stories"].size(), 1u);
  EXPECT_EQ(list["stories"][0]["id"], "A");
}

}  // namespace
