// Incremental ingest into the store (engine/live_stories.h): no-op re-ingest, revisions,
// restart replay, full-text search, refused inputs and failed commits.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "engine/batch.h"
#include "engine/live_stories.h"
#include "ingest/reader.h"
#include "ingest_test_util.h"
#include "report/build_report.h"
#include "report/report_json.h"
#include "shipped_resources.h"
#include "store/store.h"

namespace recoupe::store {
namespace {

using engine::content_hash;
using engine::IngestBatch;
using engine::IngestSummary;
using engine::LiveStories;
using engine::read_batch;

const std::string kSeeds = RECOUPE_EXAMPLES_DIR "/vostochny";
const std::string kDevSet =
    std::string(RECOUPE_TEST_DIR) + "/../../shared/data/clustering/rpm2-fr-dev.jsonl";

LiveStories::Clock at(std::string time) {
  return [time] { return time; };
}

// Every row of the store's tables, as text: what "nothing changed" compares.
std::string dump(const std::string& path) {
  Database db = Database::open(path, OpenMode::kReadOnly, 1000);
  std::string out;
  for (const char* table :
       {"articles", "article_revisions", "stories", "memberships", "story_redirects", "batches",
        "story_claims", "story_quotes", "story_entities", "story_entity_names"}) {
    Statement s(db, std::string("SELECT * FROM ") + table + " ORDER BY 1");
    while (s.step()) {
      out += table;
      for (int c = 0; c < s.columns(); ++c) out += "|" + s.text(c);
      out += "\n";
    }
  }
  return out;
}

// Article id → story id, as stored.
std::map<std::string, std::string> partition(const std::string& path) {
  Database db = Database::open(path, OpenMode::kReadOnly, 1000);
  Statement s(
      db, "SELECT a.id, m.story_id FROM memberships m JOIN articles a ON a.seq = m.article_seq");
  std::map<std::string, std::string> out;
  while (s.step()) out[s.text(0)] = s.text(1);
  return out;
}

class LiveStoriesTest : public ::testing::Test {
 protected:
  Store open(const std::string& name = "live.db", StoreOptions options = {}) {
    auto store = Store::open(path(name), OpenMode::kReadWrite, options);
    EXPECT_TRUE(store) << store.error().to_string();
    return std::move(*store);
  }
  std::string path(const std::string& name = "live.db") const {
    return (dir_.path() / name).string();
  }

  recoupe::testing::TempDir dir_;
  engine::Pipeline pipeline_ = recoupe::testing::shipped_pipeline();
};

TEST_F(LiveStoriesTest, ReingestingTheSameArticlesChangesNothing) {
  Store store = open();
  auto live = LiveStories::open(pipeline_, store, at("t1"));
  ASSERT_TRUE(live);
  auto first = live->ingest(read_batch({kSeeds}, pipeline_));
  ASSERT_TRUE(first) << first.error().to_string();
  EXPECT_EQ(first->counts.added, 5);
  EXPECT_EQ(first->created.size(), 1u);
  EXPECT_EQ(first->committed, *store.generation());  // the generation its commit made
  const std::string before = dump(path());

  auto again = live->ingest(read_batch({kSeeds}, pipeline_));
  ASSERT_TRUE(again) << again.error().to_string();
  EXPECT_EQ(again->committed, -1);  // nothing written
  EXPECT_EQ(again->counts.added, 0);
  EXPECT_EQ(again->counts.unchanged, 5);
  EXPECT_EQ(again->counts.stories_touched, 0);
  EXPECT_EQ(dump(path()), before);

  // The same after a restart.
  auto restarted = LiveStories::open(pipeline_, store, at("t2"));
  ASSERT_TRUE(restarted);
  EXPECT_EQ(restarted->ingest(read_batch({kSeeds}, pipeline_))->counts.unchanged, 5);
  EXPECT_EQ(dump(path()), before);
}

// Scaled out, analysis workers clean the articles and the clusterer stores them: the store
// must be the one a single process makes from the raw documents.
TEST_F(LiveStoriesTest, ArticlesCleanedElsewhereAreStoredAsIfCleanedHere) {
  Store here = open("here.db");
  auto live_here = LiveStories::open(pipeline_, here, at("t1"));
  ASSERT_TRUE(live_here->ingest(read_batch({kSeeds}, pipeline_)));

  Store elsewhere = open("elsewhere.db");
  auto live_elsewhere = LiveStories::open(pipeline_, elsewhere, at("t1"));
  IngestBatch batch = read_batch({kSeeds}, pipeline_);
  for (const RawDocument& doc : batch.documents) batch.cleaned.push_back(pipeline_.extract(doc));
  auto done = live_elsewhere->ingest(std::move(batch));
  ASSERT_TRUE(done) << done.error().to_string();
  EXPECT_EQ(done->counts.added, 5);
  EXPECT_EQ(dump(path("elsewhere.db")), dump(path("here.db")));

  IngestBatch mismatched = read_batch({kSeeds}, pipeline_);
  mismatched.cleaned.push_back(pipeline_.extract(mismatched.documents[0]));
  EXPECT_FALSE(live_elsewhere->ingest(std::move(mismatched)));  // 1 cleaned for 5 documents
}

TEST_F(LiveStoriesTest, ANewTextIsARevisionKeptBesideTheFirst) {
  Store store = open();
  auto live = LiveStories::open(pipeline_, store, at("t1"));
  IngestBatch seeds = read_batch({kSeeds}, pipeline_);
  RawDocument edited = seeds.documents[0];
  ASSERT_TRUE(live->ingest(std::move(seeds)));
  ASSERT_TRUE(store.stories({.query = "Zanzibar"})->empty());

  const size_t at_name = edited.content.find("Vladimir Poutine");
  ASSERT_NE(at_name, std::string::npos);
  edited.content.insert(at_name, "depuis Zanzibar, ");
  *live = std::move(*LiveStories::open(pipeline_, store, at("t2")));
  auto revised = live->ingest({{edited}, {}});
  ASSERT_TRUE(revised) << revised.error().to_string();
  EXPECT_EQ(revised->counts.revised, 1);
  EXPECT_EQ(revised->counts.added, 0);
  EXPECT_TRUE(revised->created.empty());
  ASSERT_EQ(revised->updated.size(), 1u);

  auto revisions = *store.revisions(edited.id);
  ASSERT_EQ(revisions.size(), 2u);
  EXPECT_EQ(revisions[0].revision, 1);
  EXPECT_EQ(revisions[1].revision, 2);
  EXPECT_EQ(revisions[0].article.text.find("Zanzibar"), std::string::npos);
  EXPECT_NE(revisions[1].article.text.find("Zanzibar"), std::string::npos);
  EXPECT_EQ(revisions[1].raw.content, edited.content);  // the raw input is kept
  EXPECT_EQ(revisions[1].ingested_at, "t2");
  auto current = *store.article(edited.id);
  ASSERT_TRUE(current);
  EXPECT_EQ(current->revision, 2);
  EXPECT_NE(current->article.text.find("Zanzibar"), std::string::npos);

  auto story = *store.story(revised->updated[0]);
  ASSERT_TRUE(story);
  EXPECT_EQ(story->summary.version, 2);
  EXPECT_EQ(story->summary.updated_at, "t2");
  EXPECT_EQ(store.stories({.query = "zanzibar"})->size(), 1u);  // the index follows

  EXPECT_EQ(live->ingest({{edited}, {}})->counts.unchanged, 1);  // the same revision again
}

TEST_F(LiveStoriesTest, StoriesAreFoundByWordsOutletLanguageAndDay) {
  Store store = open();
  auto live = LiveStories::open(pipeline_, store, at("t1"));
  ASSERT_TRUE(live->ingest(read_batch({kSeeds}, pipeline_)));
  auto all = *store.stories({});
  ASSERT_EQ(all.size(), 1u);
  const std::string id = all[0].id;
  auto ids = [&](StoryFilter f) {
    std::vector<std::string> out;
    auto listed = store.stories(f);  // kept: the loop reads into it
    for (const auto& s : *listed) out.push_back(s.id);
    return out;
  };
  const std::vector<std::string> found = {id}, none;
  EXPECT_EQ(ids({.query = "Vostotchny"}), found);
  EXPECT_EQ(ids({.query = "cosmodrome VOSTOTCHNY"}), found);  // every word, any case
  EXPECT_EQ(ids({.query = "Vostotchny Zanzibar"}), none);
  EXPECT_EQ(ids({.query = "\"NEAR( AND *"}), none);  // no FTS5 syntax from the user
  EXPECT_EQ(ids({.outlet = "LATRIBUNE.FR"}), found);
  EXPECT_EQ(ids({.outlet = "lemonde.fr"}), none);
  EXPECT_EQ(ids({.language = "fr"}), found);
  EXPECT_EQ(ids({.language = "en"}), none);
  EXPECT_EQ(ids({.since = "2023-09-13", .until = "2023-09-13"}), found);
  EXPECT_EQ(ids({.since = "2023-09-14"}), none);
  EXPECT_EQ(all[0].article_ids.size(), 5u);
}

TEST_F(LiveStoriesTest, ARefusedInputLeavesTheRestOfTheBatchStored) {
  Store store = open();
  auto live = LiveStories::open(pipeline_, store, at("t1"));
  IngestBatch batch = read_batch({kSeeds}, pipeline_);
  batch.refused.push_back({"feed.jsonl:3", "not JSON"});
  RawDocument empty;  // cleans to no text at all
  empty.id = empty.file = "menu.html";
  empty.kind = ContentKind::kHtml;
  empty.content = "<html><body><nav><a href='/'>Accueil</a></nav></body></html>";
  batch.documents.push_back(empty);
  auto done = live->ingest(std::move(batch));
  ASSERT_TRUE(done) << done.error().to_string();
  EXPECT_EQ(done->counts.added, 5);
  EXPECT_EQ(done->counts.refused, 2);
  ASSERT_EQ(done->refused.size(), 2u);
  EXPECT_EQ(done->refused[1].where, "menu.html");
  EXPECT_FALSE(store.article("menu.html")->has_value());
  EXPECT_EQ(store.stories({})->size(), 1u);
}

TEST_F(LiveStoriesTest, AFailedCommitStoresNothingAndTheNextBatchRecovers) {
  Store store = open("live.db", {.busy_timeout_ms = 50});
  auto live = LiveStories::open(pipeline_, store, at("t1"));
  {
    Database other = Database::open(path(), OpenMode::kReadWrite, 50);
    Transaction holding(other);  // another process holds the write lock
    auto failed = live->ingest(read_batch({kSeeds}, pipeline_));
    ASSERT_FALSE(failed);
    EXPECT_EQ(failed.error().where, path());
  }
  EXPECT_EQ(*store.generation(), 0);
  EXPECT_FALSE(store.article("000_1d8797c08e32017c.txt")->has_value());
  auto retried = live->ingest(read_batch({kSeeds}, pipeline_));
  ASSERT_TRUE(retried) << retried.error().to_string();
  EXPECT_EQ(retried->counts.added, 5);
  EXPECT_EQ(live->articles(), 5u);
}

TEST_F(LiveStoriesTest, AnotherWritersBatchIsReadBeforeThisOneIsStored) {
  Store a = open(), b = open();
  auto live_a = LiveStories::open(pipeline_, a, at("t1"));
  auto live_b = LiveStories::open(pipeline_, b, at("t2"));  // before a's batch
  ASSERT_TRUE(live_a->ingest(read_batch({kSeeds}, pipeline_)));
  auto done = live_b->ingest(read_batch({kSeeds}, pipeline_));
  ASSERT_TRUE(done) << done.error().to_string();
  EXPECT_EQ(done->counts.added, 0);  // computed again on a's batch: nothing new
  EXPECT_EQ(done->counts.unchanged, 5);
  EXPECT_EQ(*b.generation(), 1);
  EXPECT_EQ(live_b->articles(), 5u);
}

// Stories left unchecked by one writer are checked even when another process committed a
// batch meanwhile: the step is made again on the state read back from the store.
TEST_F(LiveStoriesTest, StoriesLeftUncheckedAreCheckedAfterAnotherWritersBatch) {
  Store a = open(), b = open();
  auto live_a = LiveStories::open(pipeline_, a, at("t1"));
  auto placed = live_a->ingest(read_batch({kSeeds}, pipeline_), engine::CheckWhen::kLater);
  ASSERT_TRUE(placed) << placed.error().to_string();
  ASSERT_EQ(placed->created.size(), 1u);
  EXPECT_EQ(live_a->unchecked(), 1u);
  {
    auto live_b = LiveStories::open(pipeline_, b, at("t2"));
    ASSERT_EQ(live_b->unchecked(), 1u);  // found in the store
    IngestBatch ferry = read_batch({kSeeds}, pipeline_);
    ferry.documents.resize(1);
    ferry.documents[0].id = "ferry-1";
    ferry.documents[0].content = "Le ferry Kalliste est resté à quai lundi à Marseille.";
    ferry.documents[0].kind = ContentKind::kText;
    ASSERT_TRUE(live_b->ingest(std::move(ferry)));
  }
  auto checked = live_a->check_unchecked(8);
  ASSERT_TRUE(checked) << checked.error().to_string();
  EXPECT_EQ(checked->updated, placed->created);
  EXPECT_EQ(live_a->unchecked(), 0u);
  EXPECT_TRUE(a.unchecked_stories()->empty());
  EXPECT_TRUE((*a.story(placed->created[0]))->summary.checked);
}

// A step of checks made while a batch is placed (take, make, store: the server's checker
// thread) does not store a story that the batch wrote meanwhile: that story waits again and
// its next check holds the new article.
TEST_F(LiveStoriesTest, AStoryThatGrewWhileItWasCheckedGetsThatCheckAndWaitsForTheNext) {
  Store store = open();
  auto live = LiveStories::open(pipeline_, store, at("t"));
  IngestBatch all = read_batch({kSeeds}, pipeline_);
  IngestBatch first;
  first.documents.assign(all.documents.begin(), all.documents.begin() + 4);
  auto placed = live->ingest(std::move(first), engine::CheckWhen::kLater);
  ASSERT_TRUE(placed) << placed.error().to_string();
  ASSERT_EQ(placed->created.size(), 1u);
  const std::string id = placed->created[0];
  const int64_t placed_version = (*store.story(id))->summary.version;

  auto job = live->take_checks(8);
  ASSERT_TRUE(job) << job.error().to_string();
  ASSERT_EQ(job->ids, std::vector<std::string>{id});
  EXPECT_EQ(live->unchecked(), 1u);  // taken, not stored yet: still waiting
  IngestBatch last;
  last.documents.push_back(all.documents[4]);
  auto joined = live->ingest(std::move(last), engine::CheckWhen::kLater);  // meanwhile
  ASSERT_TRUE(joined) << joined.error().to_string();
  ASSERT_EQ(joined->updated, std::vector<std::string>{id});
  live->make_checks(*job);
  auto behind = live->store_checks(std::move(*job));
  ASSERT_TRUE(behind) << behind.error().to_string();
  // The check of its first four articles is its report now; the fifth waits for the next.
  EXPECT_EQ(behind->updated, std::vector<std::string>{id});
  EXPECT_EQ(behind->checked_behind, std::vector<std::string>{id});
  EXPECT_GE(behind->committed, 0);
  EXPECT_EQ(live->unchecked(), 1u);
  auto between = store.story(id);
  ASSERT_TRUE(between && *between);
  EXPECT_FALSE((*between)->summary.checked);
  EXPECT_EQ((*between)->summary.article_count, 5);  // as the batch stored it
  EXPECT_GT((*between)->summary.version, placed_version + 1);
  const auto report = nlohmann::json::parse((*between)->report_json)["stories"][0];
  EXPECT_EQ(report["articles"].size(), 4u);
  EXPECT_TRUE(report.contains("summary"));  // a cross-check, not the grouping's report
  EXPECT_EQ((*between)->summary.title, report["title"].get<std::string>());

  auto checked = live->check_unchecked(8);
  ASSERT_TRUE(checked) << checked.error().to_string();
  EXPECT_EQ(checked->updated, std::vector<std::string>{id});
  EXPECT_TRUE(checked->checked_behind.empty());
  EXPECT_EQ(live->unchecked(), 0u);
  auto stored = store.story(id);
  EXPECT_TRUE((*stored)->summary.checked);
  EXPECT_EQ(nlohmann::json::parse((*stored)->report_json)["stories"][0]["articles"].size(), 5u);
}

// The French dev set in batches of 10 up to 180 articles, then the last 20: in one run, or
// after a restart.
TEST_F(LiveStoriesTest, ARestartReplaysToExactlyTheStoredPartition) {
  if (!std::filesystem::exists(kDevSet)) GTEST_SKIP() << "no ../shared/data";
  IngestBatch all = read_batch({kDevSet}, pipeline_);
  ASSERT_EQ(all.documents.size(), 200u);
  auto part = [&](size_t from, size_t to) {
    IngestBatch b;
    b.documents.assign(all.documents.begin() + long(from), all.documents.begin() + long(to));
    return b;
  };
  Store one = open("one.db"), two = open("two.db");
  auto live_one = LiveStories::open(pipeline_, one, at("t"));
  auto live_two = LiveStories::open(pipeline_, two, at("t"));
  std::vector<Redirect> merged;
  for (size_t from = 0; from < 180; from += 10) {
    auto done = live_one->ingest(part(from, from + 10));
    ASSERT_TRUE(done) << done.error().to_string();
    merged.insert(merged.end(), done->merged.begin(), done->merged.end());
    ASSERT_TRUE(live_two->ingest(part(from, from + 10)));
  }
  EXPECT_EQ(partition(path("one.db")), partition(path("two.db")));
  // In batches of 10, two stories of the set merge (the 6th batch joins them): the old id
  // leads to the story that holds its articles now.
  ASSERT_FALSE(merged.empty());
  for (const Redirect& r : merged) {
    auto story = *one.story(r.old_id);
    ASSERT_TRUE(story) << r.old_id;
    EXPECT_NE(story->summary.id, r.old_id);
    for (const auto& [article, story_id] : partition(path("one.db"))) EXPECT_NE(story_id, r.old_id);
  }

  auto restarted = LiveStories::open(pipeline_, two, at("t"));
  ASSERT_TRUE(restarted);
  EXPECT_EQ(restarted->replay_mismatches(), 0u);
  EXPECT_EQ(restarted->articles(), 180u);
  EXPECT_EQ(restarted->stories(), one.stories({})->size());
  ASSERT_TRUE(live_one->ingest(part(180, 200)));
  ASSERT_TRUE(restarted->ingest(part(180, 200)));
  EXPECT_EQ(partition(path("one.db")), partition(path("two.db")));

  // The check can fail: move one article to another stored story, and the replay says so.
  {
    Database db = Database::open(path("two.db"), OpenMode::kReadWrite, 1000);
    db.exec(
        "UPDATE memberships SET story_id = (SELECT story_id FROM memberships WHERE "
        "article_seq = 1) WHERE article_seq = (SELECT min(article_seq) FROM memberships WHERE "
        "story_id <> (SELECT story_id FROM memberships WHERE article_seq = 1))");
  }
  auto tampered = LiveStories::open(pipeline_, two, at("t"));
  EXPECT_GE(tampered->replay_mismatches(), 1u);
}

// The live path keeps each article's analysis between the cross-checks of its story
// (engine/analysis_cache.h) and names only the stories a batch touched
// (store::affected_articles): a story grown one article at a time is, after each batch,
// the story `recoupe report` makes of the same articles from scratch.
TEST_F(LiveStoriesTest, AStoryGrownArticleByArticleIsTheReportOfItsArticles) {
  Store store = open();
  auto live = LiveStories::open(pipeline_, store, at("t"));
  ASSERT_TRUE(live);
  IngestBatch all = read_batch({kSeeds}, pipeline_);
  ASSERT_EQ(all.documents.size(), 5u);
  std::vector<Article> so_far;
  for (const RawDocument& doc : all.documents) {
    auto done = live->ingest({{doc}, {}});
    ASSERT_TRUE(done) << done.error().to_string();
    so_far.push_back(pipeline_.extract(doc));
    std::vector<Article> fresh;
    for (size_t i : engine::publication_order(so_far)) fresh.push_back(so_far[i]);
    const engine::BatchResult grouping = pipeline_.group(fresh);
    ASSERT_EQ(grouping.stories.size(), 1u);
    const auto report = report::to_json(report::build_report(
        fresh, grouping.duplicate_of, grouping.stories, pipeline_.cross_check(fresh, grouping),
        /*with_text=*/false));
    auto listed = store.stories({});
    ASSERT_TRUE(listed);
    ASSERT_EQ(listed->size(), 1u);
    auto stored = store.story(listed->front().id);
    ASSERT_TRUE(stored && *stored);
    auto json = nlohmann::json::parse((*stored)->report_json);
    // The id names the story by its first article: the first to arrive here, the first
    // published for `report`.
    json["stories"][0].erase("id");
    // The report is an ordered_json; compared as plain JSON (keys sorted) like the stored one.
    const nlohmann::json fresh_report = nlohmann::json::parse(report.dump());
    auto expected = fresh_report["stories"][0];
    expected.erase("id");
    EXPECT_EQ(json["stories"][0], expected) << so_far.size() << " articles";
    EXPECT_EQ(json["articles"], fresh_report["articles"]) << so_far.size() << " articles";
  }
  // Each batch analysed its new article only: the others came from the cache.
  EXPECT_EQ(live->analyses().misses(), 5u);
  EXPECT_EQ(live->analyses().hits(), 1u + 2 + 3 + 4);
}

// The same on a set of many stories, merges among them: every stored story's cross-check is
// the one made from scratch (no kept analysis) on its stored articles.
TEST_F(LiveStoriesTest, EveryStoredStoryIsTheCrossCheckOfItsArticlesFromScratch) {
  if (!std::filesystem::exists(kDevSet)) GTEST_SKIP() << "no ../shared/data";
  IngestBatch all = read_batch({kDevSet}, pipeline_);
  Store store = open();
  auto live = LiveStories::open(pipeline_, store, at("t"));
  ASSERT_TRUE(live);
  for (size_t from = 0; from < all.documents.size(); from += 25) {
    IngestBatch b;
    b.documents.assign(all.documents.begin() + long(from),
                       all.documents.begin() + long(std::min(from + 25, all.documents.size())));
    auto done = live->ingest(std::move(b));
    ASSERT_TRUE(done) << done.error().to_string();
  }
  EXPECT_GT(live->analyses().hits(), 0u);

  auto placed = store.placed_articles();
  ASSERT_TRUE(placed);
  std::map<std::string, const PlacedArticle*> by_id;
  std::map<int64_t, std::string> id_of_seq;
  for (const PlacedArticle& p : *placed) {
    by_id[p.placed.id] = &p;
    id_of_seq[p.seq] = p.placed.id;
  }
  auto listed = store.stories({});
  ASSERT_TRUE(listed);
  ASSERT_GT(listed->size(), 5u);
  for (const StorySummary& summary : *listed) {
    std::vector<int64_t> seqs;
    for (const auto& id : summary.article_ids) seqs.push_back(by_id.at(id)->seq);
    auto current = store.current_articles(seqs);
    ASSERT_TRUE(current);
    std::vector<Article> texts;
    for (auto& c : *current) texts.push_back(std::move(c.article));
    engine::BatchResult grouping;
    Story story;
    story.id = summary.id;
    std::vector<Article> ordered;
    for (size_t j : engine::publication_order(texts)) {
      ordered.push_back(texts[j]);
      story.article_ids.push_back(texts[j].id);
      const auto& dup = by_id.at(texts[j].id)->duplicate_of;
      grouping.duplicate_of.push_back(dup ? std::optional(id_of_seq.at(*dup)) : std::nullopt);
      grouping.story_of.push_back(0);
    }
    grouping.stories.push_back(story);
    // As plain JSON (keys sorted), like the stored report parsed below.
    const nlohmann::json fresh = nlohmann::json::parse(report::to_json(report::build_report(
        ordered, grouping.duplicate_of, grouping.stories, pipeline_.cross_check(ordered, grouping),
        /*with_text=*/false))["stories"][0]
                                                           .dump());
    auto stored = store.story(summary.id);
    ASSERT_TRUE(stored && *stored);
    const auto json = nlohmann::json::parse((*stored)->report_json)["stories"][0];
    for (const char* key : {"title", "summary", "corroborated", "single_source", "disagreements",
                            "quotes", "entities", "timeline", "framing"})
      EXPECT_EQ(json[key], fresh[key]) << summary.id << " " << key;
  }
}

// Two steps (CheckWhen::kLater): a batch stores its articles with the touched stories
// unchecked, each keeping its last report; check_unchecked() brings them up to date, some
// after each batch, the rest at the end and after a restart. Once nothing waits, every story
// is what checking in the batch gives.
// Every story of `got` is checked and is the story of `expected` with the same id: title,
// event date, day, articles, outlets and report.
void expect_the_same_checked_stories(Store& expected, Store& got) {
  auto want = expected.stories({});
  auto have = got.stories({});
  ASSERT_TRUE(want && have);
  ASSERT_EQ(have->size(), want->size());
  for (size_t k = 0; k < have->size(); ++k) {
    const StorySummary& e = (*want)[k];
    const StorySummary& g = (*have)[k];
    ASSERT_EQ(g.id, e.id);
    EXPECT_TRUE(g.checked);
    EXPECT_EQ(g.title, e.title) << e.id;
    EXPECT_EQ(g.event_date, e.event_date) << e.id;
    EXPECT_EQ(g.day, e.day) << e.id;
    EXPECT_EQ(g.article_ids, e.article_ids) << e.id;
    EXPECT_EQ(g.sources, e.sources) << e.id;
    EXPECT_EQ((*got.story(e.id))->report_json, (*expected.story(e.id))->report_json) << e.id;
  }
}

TEST_F(LiveStoriesTest, StoriesCheckedAfterTheirBatchEndAsIfCheckedInIt) {
  if (!std::filesystem::exists(kDevSet)) GTEST_SKIP() << "no ../shared/data";
  IngestBatch all = read_batch({kDevSet}, pipeline_);
  auto batches = [&] {
    std::vector<IngestBatch> out;
    for (size_t from = 0; from < all.documents.size(); from += 25) {
      IngestBatch b;
      b.documents.assign(all.documents.begin() + long(from),
                         all.documents.begin() + long(std::min(from + 25, all.documents.size())));
      out.push_back(std::move(b));
    }
    return out;
  };
  Store in_batch = open("in_batch.db");
  {
    auto live = LiveStories::open(pipeline_, in_batch, at("t"));
    ASSERT_TRUE(live);
    for (IngestBatch& b : batches()) ASSERT_TRUE(live->ingest(std::move(b)));
    EXPECT_EQ(live->unchecked(), 0u);
  }
  Store later = open("later.db");
  {
    auto live = LiveStories::open(pipeline_, later, at("t"));
    ASSERT_TRUE(live);
    size_t waited = 0;
    for (IngestBatch& b : batches()) {
      auto done = live->ingest(std::move(b), engine::CheckWhen::kLater);
      ASSERT_TRUE(done) << done.error().to_string();
      EXPECT_EQ(done->seconds.cross_check, 0.0);
      for (const std::string& id : done->updated) {  // stored before: keeps its last report
        auto row = later.story(id);
        ASSERT_TRUE(row && *row);
        EXPECT_FALSE((*row)->summary.checked) << id;
        const auto report = nlohmann::json::parse((*row)->report_json)["stories"][0];
        EXPECT_LT(report["articles"].size(), size_t((*row)->summary.article_count)) << id;
      }
      waited = std::max(waited, live->unchecked());
      auto checked = live->check_unchecked(2);
      ASSERT_TRUE(checked) << checked.error().to_string();
      EXPECT_LE(checked->updated.size(), 2u);
    }
    EXPECT_GT(waited, 2u);
    EXPECT_GT(live->unchecked(), 0u);  // some are left for after the restart
  }
  auto live = LiveStories::open(pipeline_, later, at("t"));
  ASSERT_TRUE(live);
  ASSERT_GT(live->unchecked(), 0u);
  EXPECT_EQ(live->unchecked(), later.unchecked_stories()->size());
  while (live->unchecked() > 0) {
    auto checked = live->check_unchecked(5);
    ASSERT_TRUE(checked) << checked.error().to_string();
  }
  EXPECT_TRUE(later.unchecked_stories()->empty());

  expect_the_same_checked_stories(in_batch, later);
}

// The checker thread's order under a steady flow: stories taken, a batch placed while they
// are checked (growing, merging or splitting them), then the checks stored. Each check is
// stored whole, one batch behind (a story that only grew) or not at all (merged away or
// split): whatever the batches did meanwhile, once nothing waits every story is the one-step
// store's.
TEST_F(LiveStoriesTest, ChecksOvertakenByABatchEndAsIfEveryStoryWereCheckedInItsBatch) {
  if (!std::filesystem::exists(kDevSet)) GTEST_SKIP() << "no ../shared/data";
  IngestBatch all = read_batch({kDevSet}, pipeline_);
  auto part = [&](size_t from) {
    IngestBatch b;
    b.documents.assign(all.documents.begin() + long(from),
                       all.documents.begin() + long(std::min(from + 10, all.documents.size())));
    return b;
  };
  Store in_batch = open("in_batch.db"), overtaken = open("overtaken.db");
  auto one_step = LiveStories::open(pipeline_, in_batch, at("t"));
  auto live = LiveStories::open(pipeline_, overtaken, at("t"));
  ASSERT_TRUE(one_step && live);
  size_t behind = 0, merged_while_checked = 0;
  for (size_t from = 0; from < all.documents.size(); from += 10) {
    ASSERT_TRUE(one_step->ingest(part(from)));
    auto job = live->take_checks(4);
    ASSERT_TRUE(job) << job.error().to_string();
    auto placed = live->ingest(part(from), engine::CheckWhen::kLater);
    ASSERT_TRUE(placed) << placed.error().to_string();
    live->make_checks(*job);
    const std::vector<std::string> taken = job->ids;
    auto stored = live->store_checks(std::move(*job));
    ASSERT_TRUE(stored) << stored.error().to_string();
    behind += stored->checked_behind.size();
    for (const store::Redirect& m : placed->merged) {
      if (std::find(taken.begin(), taken.end(), m.old_id) == taken.end()) continue;
      ++merged_while_checked;
      EXPECT_EQ(std::count(stored->updated.begin(), stored->updated.end(), m.old_id), 0);
    }
    for (const std::string& id : stored->checked_behind) {
      auto row = overtaken.story(id);
      ASSERT_TRUE(row && *row) << id;
      EXPECT_FALSE((*row)->summary.checked) << id;  // its new articles wait
      EXPECT_EQ((*row)->summary.id, id);
    }
  }
  EXPECT_GT(behind, 0u);
  while (live->unchecked() > 0) ASSERT_TRUE(live->check_unchecked(8));
  expect_the_same_checked_stories(in_batch, overtaken);
  std::cerr << "checks stored behind: " << behind
            << ", taken stories merged away meanwhile: " << merged_while_checked << "\n";
}

// The server's checker threads: one takes the small stories, others the large ones, each
// while the others' jobs are out (taken, not stored), and batches go on meanwhile. A story
// out in one job is taken by no other until stored; a job given back (forget_checks) leaves
// its stories waiting. Whatever the order, once nothing waits every story is the one-step
// store's.
TEST_F(LiveStoriesTest, JobsOfLargeAndSmallStoriesOutAtOnceEndAsIfCheckedInTheirBatches) {
  if (!std::filesystem::exists(kDevSet)) GTEST_SKIP() << "no ../shared/data";
  IngestBatch all = read_batch({kDevSet}, pipeline_);
  auto part = [&](size_t from) {
    IngestBatch b;
    b.documents.assign(all.documents.begin() + long(from),
                       all.documents.begin() + long(std::min(from + 25, all.documents.size())));
    return b;
  };
  constexpr size_t kLarge = 10;
  const engine::StorySizes small{0, kLarge - 1}, large{kLarge, SIZE_MAX};
  Store in_batch = open("in_batch.db"), lanes = open("lanes.db");
  auto one_step = LiveStories::open(pipeline_, in_batch, at("t"));
  auto live = LiveStories::open(pipeline_, lanes, at("t"));
  ASSERT_TRUE(one_step && live);
  auto articles_of = [&](const std::string& id) {
    auto row = lanes.story(id);
    return row && *row ? size_t((*row)->summary.article_count) : size_t(0);
  };
  size_t large_taken = 0, small_taken = 0, given_back = 0;
  for (size_t from = 0; from < all.documents.size(); from += 25) {
    ASSERT_TRUE(one_step->ingest(part(from)));
    const size_t waiting = live->unchecked();
    auto big = live->take_checks(1, large);
    auto little = live->take_checks(4, small);
    auto given = live->take_checks(2);  // every size: none of those out already
    ASSERT_TRUE(big && little && given);
    EXPECT_LE(big->ids.size(), 1u);
    for (const std::string& id : big->ids) EXPECT_GE(articles_of(id), kLarge) << id;
    for (const std::string& id : little->ids) EXPECT_LT(articles_of(id), kLarge) << id;
    std::set<std::string> out;
    for (const auto* job : {&*big, &*little, &*given})
      for (const std::string& id : job->ids) EXPECT_TRUE(out.insert(id).second) << id;
    EXPECT_EQ(live->unchecked(), waiting);  // out, not stored: still waiting, counted once
    live->forget_checks(*given);
    given_back += given->ids.size();
    EXPECT_EQ(live->unchecked(), waiting);
    auto again = live->take_checks(SIZE_MAX);  // what was given back is taken again
    ASSERT_TRUE(again);
    for (const std::string& id : given->ids)
      EXPECT_EQ(std::count(again->ids.begin(), again->ids.end(), id), 1) << id;
    live->forget_checks(*again);
    large_taken += big->ids.size();
    small_taken += little->ids.size();
    ASSERT_TRUE(live->ingest(part(from), engine::CheckWhen::kLater));  // while they are out
    live->make_checks(*little);
    live->make_checks(*big);
    ASSERT_TRUE(live->store_checks(std::move(*little)));  // the small ones first
    ASSERT_TRUE(live->store_checks(std::move(*big)));
  }
  EXPECT_GT(large_taken, 0u);
  EXPECT_GT(small_taken, 0u);
  EXPECT_GT(given_back, 0u);
  while (live->unchecked() > 0) ASSERT_TRUE(live->check_unchecked(8));
  expect_the_same_checked_stories(in_batch, lanes);
}

// After a restart the analyses are gone: a story's first check analyses every article it
// holds. A warm-up check (never stored) fills them, so that the first real check after it
// analyses only the article new to the story, and changes nothing in the store.
TEST_F(LiveStoriesTest, AWarmedUpStorysFirstCheckAnalysesOnlyItsNewArticles) {
  if (!std::filesystem::exists(kDevSet)) GTEST_SKIP() << "no ../shared/data";
  IngestBatch all = read_batch({kDevSet}, pipeline_);
  IngestBatch first, last;
  first.documents.assign(all.documents.begin(), all.documents.end() - 1);
  last.documents.push_back(all.documents.back());
  {
    Store store = open();
    auto live = LiveStories::open(pipeline_, store, at("t"));
    ASSERT_TRUE(live && live->ingest(std::move(first)));
  }
  Store store = open();
  auto live = LiveStories::open(pipeline_, store, at("t"));  // a restart: nothing analysed
  ASSERT_TRUE(live);
  EXPECT_LE(live->largest_stories({15, SIZE_MAX}, 60).size(), 3u);  // 15 or more, 60 in all
  const std::vector<std::string> largest = live->largest_stories({15, SIZE_MAX}, SIZE_MAX);
  ASSERT_GT(largest.size(), 3u);
  for (size_t k = 1; k < largest.size(); ++k) {
    EXPECT_GE((*store.story(largest[k - 1]))->summary.article_count,
              (*store.story(largest[k]))->summary.article_count);
  }
  const std::string before = dump(path());
  {
    auto other = LiveStories::open(pipeline_, store, at("t"));  // caches of its own
    ASSERT_TRUE(other);
    auto job = other->warm_up(largest[0]);
    ASSERT_TRUE(job) << job.error().to_string();
    other->make_checks(*job);
    auto stored = other->store_checks(std::move(*job));  // a warm-up job stores nothing
    ASSERT_TRUE(stored);
    EXPECT_LT(stored->committed, 0);
  }
  for (const std::string& id : largest) {
    auto job = live->warm_up(id);
    ASSERT_TRUE(job) << job.error().to_string();
    ASSERT_EQ(job->ids, std::vector<std::string>{id});
    live->read_ahead(*job);
  }
  EXPECT_EQ(dump(path()), before);
  EXPECT_EQ(live->unchecked(), 0u);

  auto placed = live->ingest(std::move(last), engine::CheckWhen::kLater);
  ASSERT_TRUE(placed) << placed.error().to_string();
  ASSERT_EQ(placed->updated.size(), 1u);
  const std::string grown = placed->updated[0];
  ASSERT_NE(std::find(largest.begin(), largest.end(), grown), largest.end());
  auto waiting = live->warm_up(grown);  // waiting for its check: no warm-up of it
  ASSERT_TRUE(waiting);
  EXPECT_TRUE(waiting->empty());
  const size_t misses = live->analyses().misses();
  ASSERT_TRUE(live->check_unchecked(8));
  EXPECT_EQ(live->analyses().misses() - misses, 1u);  // the new article only
}

// IngestSummary::documents: one outcome per document, with the story the article is in
// once stored (what the server's group commit splits a shared batch by).
TEST_F(LiveStoriesTest, EachDocumentSaysWhatBecameOfItAndWhichStoryHoldsIt) {
  using Kind = engine::DocumentOutcome::Kind;
  Store store = open();
  auto live = LiveStories::open(pipeline_, store, at("t1"));
  ASSERT_TRUE(live);
  auto seeds = live->ingest(read_batch({kSeeds}, pipeline_));
  ASSERT_TRUE(seeds) << seeds.error().to_string();
  ASSERT_EQ(seeds->documents.size(), 5u);
  for (const auto& d : seeds->documents) {
    EXPECT_EQ(d.kind, Kind::kAdded);
    EXPECT_EQ(d.story, seeds->created.front());
  }
  auto record = [&](const std::string& text, const std::string& where) {
    const std::string line = nlohmann::json{
        {"id", "outcome-ferry"},
        {"source", "Le Quotidien du Port"},
        {"lang", "fr"},
        {"published", "2026-11-30T08:00:00Z"},
        {"title", "Un ferry immobilisé à Marseille"},
        {"text", text}}.dump();
    auto doc = ingest::parse_jsonl_record(line, where, pipeline_.config().ingest);
    EXPECT_TRUE(doc) << doc.error().to_string();
    return *doc;
  };
  const std::string text =
      "Le ferry Kalliste est resté à quai lundi à Marseille après une avarie de moteur, a "
      "indiqué la compagnie. Les 412 passagers ont été relogés. La réparation doit durer "
      "trois jours selon l'armateur.";
  IngestBatch batch =  // a stored one: unchanged
      read_batch({kSeeds + "/000_1d8797c08e32017c.txt"}, pipeline_);
  batch.documents.push_back(record(text, "b:1"));                             // new
  batch.documents.push_back(record(text + " Le port reste ouvert.", "b:2"));  // its revision
  auto done = live->ingest(std::move(batch));
  ASSERT_TRUE(done) << done.error().to_string();
  ASSERT_EQ(done->documents.size(), 3u);
  EXPECT_EQ(done->documents[0].kind, Kind::kUnchanged);
  EXPECT_TRUE(done->documents[0].story.empty());
  EXPECT_EQ(done->documents[1].kind, Kind::kAdded);
  EXPECT_EQ(done->documents[2].kind, Kind::kRevised);
  ASSERT_EQ(done->created.size(), 1u);
  EXPECT_EQ(done->documents[1].story, done->created.front());
  EXPECT_EQ(done->documents[2].story, done->created.front());
}

}  // namespace
}  // namespace recoupe::store
