// A reader connection that keeps its statements prepared (store/database.h,
// Database::prepared) still sees every batch committed since its last read: a kept SELECT
// must not hold its read transaction, and so its snapshot, between two reads.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "engine/live_stories.h"
#include "ingest/reader.h"
#include "ingest_test_util.h"
#include "shipped_resources.h"
#include "store/store.h"
#include "store_backends.h"

namespace recoupe::store {
namespace {

// One article record in the format `recoupe ingest` reads, always the same id.
engine::IngestBatch one_record(const std::string& text) {
  engine::IngestBatch batch;
  const std::string line = nlohmann::json{
      {"id", "fresh-1"},
      {"source", "Le Quotidien du Port"},
      {"lang", "fr"},
      {"published", "2026-11-30T08:00:00Z"},
      {"title", "Un ferry immobilisé à Marseille"},
      {"text", text}}.dump();
  auto doc = ingest::parse_jsonl_record(line, "test:1", {});
  EXPECT_TRUE(doc);
  batch.documents.push_back(std::move(*doc));
  return batch;
}

using recoupe::testing::StoreKind;

class StoreReaderFreshness : public ::testing::TestWithParam<StoreKind> {};

TEST_P(StoreReaderFreshness, AKeptReaderSeesEachNewBatch) {
  REQUIRE_STORE(GetParam());
  recoupe::testing::TempDir dir;
  const std::string path = recoupe::testing::fresh_store(GetParam(), dir);
  const engine::Pipeline pipeline = recoupe::testing::shipped_pipeline();
  auto writer = Store::open(path, OpenMode::kReadWrite);
  ASSERT_TRUE(writer) << writer.error().to_string();
  auto live = engine::LiveStories::open(pipeline, *writer);
  ASSERT_TRUE(live) << live.error().to_string();
  auto reader = Store::open(path, OpenMode::kReadOnly);
  ASSERT_TRUE(reader) << reader.error().to_string();
  EXPECT_EQ(*reader->generation(), 0);

  auto first = live->ingest(engine::read_batch({RECOUPE_EXAMPLES_DIR "/vostochny"}, pipeline));
  ASSERT_TRUE(first) << first.error().to_string();
  ASSERT_FALSE(first->created.empty());
  const std::string story = first->created.front();
  EXPECT_EQ(*reader->generation(), 1);
  auto v1 = reader->story_version(story);
  ASSERT_TRUE(v1 && *v1);
  EXPECT_EQ((*v1)->version, 1);

  // An article of its own, then the same article with another text (a revision): each
  // batch writes its story again.
  const std::string text =
      "Le ferry Kalliste est resté à quai lundi à Marseille après une avarie de moteur, a "
      "indiqué la compagnie. Les 412 passagers ont été relogés.";
  auto added = live->ingest(one_record(text));
  ASSERT_TRUE(added) << added.error().to_string();
  ASSERT_EQ(added->created.size(), 1u);
  const std::string ferry = added->created.front();
  EXPECT_EQ(*reader->generation(), 2);
  auto before = reader->story_version(ferry);
  ASSERT_TRUE(before && *before);
  EXPECT_EQ((*before)->version, 1);
  std::string edited = text;
  edited.replace(edited.find("412"), 3, "413");
  auto second = live->ingest(one_record(edited));
  ASSERT_TRUE(second) << second.error().to_string();
  ASSERT_EQ(second->counts.revised, 1);
  EXPECT_EQ(*reader->generation(), 3);
  auto after = reader->story_version(ferry);
  ASSERT_TRUE(after && *after);
  EXPECT_EQ((*after)->version, 2);
}

INSTANTIATE_STORE_TEST_SUITE_P(StoreReaderFreshness);

}  // namespace
}  // namespace recoupe::store
