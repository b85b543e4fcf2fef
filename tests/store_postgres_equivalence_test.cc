// The same ingest over an SQLite file and over PostgreSQL (engine::LiveStories on each)
// stores the same thing: the same partition (story id of every article), the same listing
// (ids, order, versions, summaries), the same story reports, the same redirects, and the
// same answers to the entity and full-text filters. On the seeds, and on the French dev
// clustering set in batches of 10 (which merges two stories) with the PostgreSQL side
// restarted halfway (its live grouper rebuilt by replaying the store).
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine/batch.h"
#include "engine/live_stories.h"
#include "ingest_test_util.h"
#include "shipped_resources.h"
#include "store/store.h"
#include "store_postgres_server.h"

namespace recoupe::store {
namespace {

using engine::IngestBatch;
using engine::LiveStories;

const std::string kDevSet =
    std::string(RECOUPE_TEST_DIR) + "/../../shared/data/clustering/rpm2-fr-dev.jsonl";

LiveStories::Clock at(std::string time) {
  return [time] { return time; };
}

IngestBatch part(const IngestBatch& all, size_t from, size_t to) {
  IngestBatch b;
  b.documents.assign(all.documents.begin() + long(from),
                     all.documents.begin() + long(std::min(to, all.documents.size())));
  return b;
}

// Ingests `all` in batches of `size`; a new LiveStories (a restart) at `restart_at`.
std::vector<Redirect> ingest(const engine::Pipeline& pipeline, Store& store, const IngestBatch& all,
                             size_t size, size_t restart_at = SIZE_MAX) {
  std::vector<Redirect> merged;
  auto live = LiveStories::open(pipeline, store, at("2026-12-04T12:00:00Z"));
  EXPECT_TRUE(live) << live.error().to_string();
  for (size_t from = 0; from < all.documents.size(); from += size) {
    if (from == restart_at) {
      live = LiveStories::open(pipeline, store, at("2026-12-04T12:00:00Z"));
      EXPECT_TRUE(live) << live.error().to_string();
      EXPECT_EQ(live->replay_mismatches(), 0u);
    }
    auto done = live->ingest(part(all, from, from + size));
    EXPECT_TRUE(done) << done.error().to_string();
    if (done) merged.insert(merged.end(), done->merged.begin(), done->merged.end());
  }
  return merged;
}

// Everything a reader can see of a store, as comparable values.
struct Seen {
  std::map<std::string, std::string> partition;  // article id → story id
  std::vector<std::string> listing;              // id|version|title|day|sources|articles…
  std::map<std::string, std::string> reports;    // story id → report JSON
  std::set<std::string> used_ids;
  std::map<std::string, std::vector<std::string>> filtered;  // filter → ids
};

std::vector<std::string> ids(Store& store, const StoryFilter& filter) {
  auto listed = store.stories(filter);  // kept: the loop must not outlive it
  EXPECT_TRUE(listed) << listed.error().to_string();
  std::vector<std::string> out;
  if (listed)
    for (const auto& s : *listed) out.push_back(s.id);
  return out;
}

// The filters compared: each story's first entity, and the longest word of its title.
void add_filters(Store& store, const StorySummary& s, const std::string& report, Seen& seen) {
  nlohmann::json j = nlohmann::json::parse(report);
  const auto& entities = j["stories"][0]["entities"];
  if (entities.is_array() && !entities.empty()) {
    const std::string name = entities[0]["name"];
    seen.filtered["entity " + name] = ids(store, {.entity = name});
  }
  std::string longest;
  std::istringstream words(s.title.value_or(""));
  for (std::string w; words >> w;)
    if (w.size() > longest.size()) longest = w;
  if (!longest.empty()) seen.filtered["query " + longest] = ids(store, {.query = longest});
}

std::string join(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& v : values) out += (out.empty() ? "" : ",") + v;
  return out;
}

Seen seen(Store& store) {
  Seen out;
  auto placed = store.placed_articles();
  auto listed = store.stories({});
  auto used = store.used_story_ids();
  if (!placed || !listed || !used) {
    ADD_FAILURE() << "cannot read " << store.path();
    return out;
  }
  for (const PlacedArticle& p : *placed) out.partition[p.placed.id] = p.story_id;
  for (const StorySummary& s : *listed) {
    out.listing.push_back(fmt::format("{}|{}|{}|{}|{}|{}|{}|{}|{}|{}", s.id, s.version,
                                      s.title.value_or("-"), s.day.value_or("-"), join(s.sources),
                                      join(s.article_ids), s.article_count, s.outlet_count,
                                      s.latest_hours.value_or(-1), s.updated_at));
    const std::string report = store.story(s.id)->value().report_json;
    out.reports[s.id] = report;
    add_filters(store, s, report, out);
  }
  out.used_ids.insert(used->begin(), used->end());
  return out;
}

void expect_same(const Seen& sqlite, const Seen& postgres) {
  EXPECT_EQ(sqlite.partition, postgres.partition);
  EXPECT_EQ(sqlite.listing, postgres.listing);
  EXPECT_EQ(sqlite.used_ids, postgres.used_ids);
  EXPECT_EQ(sqlite.filtered, postgres.filtered);
  ASSERT_EQ(sqlite.reports.size(), postgres.reports.size());
  for (const auto& [id, report] : sqlite.reports) {
    auto found = postgres.reports.find(id);
    ASSERT_NE(found, postgres.reports.end()) << id;
    EXPECT_EQ(report, found->second) << "report of " << id;
  }
}

class StorePostgresEquivalence : public ::testing::Test {
 protected:
  void SetUp() override { REQUIRE_POSTGRES(); }
  Store open(const std::string& location) {
    auto store = Store::open(location, OpenMode::kReadWrite);
    EXPECT_TRUE(store) << store.error().to_string();
    return std::move(*store);
  }
  recoupe::testing::TempDir dir_;
  engine::Pipeline pipeline_ = recoupe::testing::shipped_pipeline();
};

TEST_F(StorePostgresEquivalence, TheSeedsGiveTheSameStoryAsOverSqlite) {
  const IngestBatch seeds = engine::read_batch({RECOUPE_EXAMPLES_DIR "/vostochny"}, pipeline_);
  Store sqlite = open((dir_.path() / "seeds.db").string());
  Store postgres = open(recoupe::testing::shared_postgres().new_database());
  ingest(pipeline_, sqlite, seeds, 2);
  ingest(pipeline_, postgres, seeds, 2);
  const Seen a = seen(sqlite), b = seen(postgres);
  ASSERT_EQ(a.listing.size(), 1u);
  EXPECT_FALSE(a.filtered.empty());
  expect_same(a, b);
}

TEST_F(StorePostgresEquivalence, TheFrenchDevSetInBatchesGivesTheSamePartitionAndReports) {
  if (!std::filesystem::exists(kDevSet)) GTEST_SKIP() << "no ../shared/data";
  const IngestBatch all = engine::read_batch({kDevSet}, pipeline_);
  ASSERT_EQ(all.documents.size(), 200u);
  Store sqlite = open((dir_.path() / "dev.db").string());
  Store postgres = open(recoupe::testing::shared_postgres().new_database());
  const std::vector<Redirect> merged_sqlite = ingest(pipeline_, sqlite, all, 10);
  const std::vector<Redirect> merged_postgres = ingest(pipeline_, postgres, all, 10, 100);
  EXPECT_FALSE(merged_sqlite.empty());  // the case of redirects is covered
  EXPECT_EQ(merged_sqlite, merged_postgres);
  EXPECT_EQ(*sqlite.generation(), *postgres.generation());
  expect_same(seen(sqlite), seen(postgres));
  for (const Redirect& r : merged_sqlite)
    EXPECT_EQ(sqlite.story(r.old_id)->value().summary.id,
              postgres.story(r.old_id)->value().summary.id);
}

}  // namespace
}  // namespace recoupe::store
