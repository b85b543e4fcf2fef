// LiveStories: the store kept up to date as articles arrive. Each ingest batch is cleaned
// by the engine's Pipeline, compared with what is stored (new, a revision, or unchanged),
// placed by the live grouper (Pipeline::stream(), the clusterer of `recoupe stream`), and
// only the stories it touched are cross-checked again; then store::Store::apply writes the batch
// in one transaction. It lives in the engine, the one place that knows every stage and the
// store (src/store/ itself uses core/ only); a server keeps one LiveStories for its whole run.
//
//   auto store = store::Store::open("recoupe.db", store::OpenMode::kReadWrite);
//   auto live = engine::LiveStories::open(pipeline, *store);   // replays the stored articles
//   auto done = live->ingest({documents, refused});            // one transaction
//
// What "the same article" means: an article whose id is stored, else whose url is stored,
// is that stored article (it keeps the stored id). Same title and text (content_hash): it
// is unchanged and nothing is written. Other title or text: a revision, kept beside the
// earlier ones (store::Store::revisions); the newest is the current one, which the story's
// cross-check reads. A revision does not move the article: the grouper placed it once, on
// its first text (a story is about an event, and an edit rarely changes which one).
//
// Story ids are stable: a story that grows keeps its id; merges and splits follow
// store/story_identity.h (a merged-away id becomes a redirect). Only the stories a batch
// touched are named again; every other one is the same set of articles and keeps its id. A new
// story is named by engine::story_id_for(its first article), as `recoupe report` names it.
//
// Restart: open() replays every stored article, in ingest order and with the text it was
// placed with, through a fresh grouper; the grouper is deterministic, so it comes back to
// the partition stored (replay_mismatches() counts the articles where it does not, e.g.
// after a change of the clustering config; the next batch then stores the grouper's view).
//
// Two steps: ingest(batch, CheckWhen::kLater) stores the batch's articles, revisions and
// memberships with the touched stories' rows updated (their articles, outlets and counts)
// but not cross-checked (store::StorySummary::checked false: each keeps its last report,
// title and event date; a new story gets its grouping's report, without sections), and the
// stories wait in unchecked(). check_unchecked() then cross-checks the longest waiting ones,
// each once for every article that joined it meanwhile, and stores their reports (or
// take_checks, make_checks and store_checks: the cross-check on another thread while batches
// are placed). What a server does to answer a POST once its articles are stored, and to check a
// story that grows by many articles a second once for many of them. A cross-check is a pure
// function of a story's articles, so once nothing waits the reports are those of kInBatch. After a
// restart, open() finds the stories still waiting in the store (Store::unchecked_stories).
//
// Bad input: a refused input (unreadable, not JSON, no text after cleaning) is left out and
// reported in IngestSummary::refused; the rest of the batch is stored. A failure of the
// store (disk full, read-only, another writer) rolls the whole batch back: nothing of it is
// stored, and the live state is rebuilt from the store before the next batch.
// Not thread-safe. `pipeline` and `store` must outlive it.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/expected.h"
#include "core/raw_document.h"
#include "engine/analysis_cache.h"
#include "engine/batch.h"
#include "engine/pipeline.h"
#include "store/records.h"
#include "store/store.h"

namespace recoupe::engine {

// One batch: the documents read, and the inputs that could not be read (counted as refused).
struct IngestBatch {
  std::vector<RawDocument> documents;
  std::vector<Error> refused;
  // The documents as already cleaned (Pipeline::extract), one per document in the same
  // order, when another process cleaned them (an analysis worker, scaled out: issue 15);
  // empty: ingest cleans them. Stored as given, so they must come from this pipeline's
  // extract for the stories to equal a single process's.
  std::vector<Article> cleaned;
  // Where in the bus's article logs this batch stood (scaled out): stored with the batch
  // (store::BatchWrite::log_position). A batch that changes nothing writes nothing,
  // and its position with it: the clusterer reads those articles again after a restart,
  // and finds them unchanged again.
  std::optional<store::LogPosition> log_position;
};

// What became of one document of a batch: a caller that merged several requests into one
// batch (server/group_commit.h) answers each request with the part its documents made.
struct DocumentOutcome {
  enum class Kind { kAdded, kRevised, kUnchanged, kRefused };
  Kind kind = Kind::kRefused;
  // Added or revised: the story holding the article once the batch is stored; else empty.
  std::string story;
  std::optional<Error> refusal;  // kRefused: why (also in IngestSummary::refused)
  std::vector<Error> warnings;   // also in IngestSummary::warnings
};

struct IngestSummary {
  store::BatchCounts counts;
  std::vector<std::string> created;  // ids of the stories this batch started
  std::vector<std::string> updated;  // ids of stored stories it cross-checked again
  // store_checks: those of `updated` whose check was stored one batch behind (a batch added
  // articles while they were checked): still unchecked, they wait for the next one.
  std::vector<std::string> checked_behind;
  std::vector<store::Redirect> merged;  // stories merged away in this batch
  std::vector<Error> refused;           // IngestBatch::refused, then the documents refused here
  std::vector<Error> warnings;  // what cleaning changed in a stored article (Article::warnings)
  // One per IngestBatch::documents, in their order (IngestBatch::refused are not documents).
  std::vector<DocumentOutcome> documents;
  // The store generation this batch's commit made (Store::apply); -1 when nothing was
  // written. A caller that last looked at the store at committed − 1 knows this batch is
  // the only change since, and `created`, `updated` and `merged` name every story it made.
  int64_t committed = -1;
  // Where the batch's time went, in seconds of wall time (an operator's first question when
  // the stories fall behind): cleaning its documents, placing its articles, cross-checking
  // the stories it touched, and the store's transaction.
  struct Timings {
    double clean = 0, place = 0, cross_check = 0, store = 0;
  } seconds;
};

// Reads `inputs` (files, folders, JSONL, "-": ingest::read_inputs under the pipeline's
// config) into one batch: every document, and an Error naming each input that could not be
// read. Memory: the whole batch.
IngestBatch read_batch(const std::vector<std::string>& inputs, const Pipeline& pipeline);

// What tells two versions of an article apart: 16 hex digits of a 64-bit FNV-1a hash of its
// title and text (ingest::content_hash_id). Other fields (date, outlet) do not make a
// revision. Equal hashes are confirmed on the texts before an article counts as unchanged.
std::string content_hash(const Article& article);

// A batch computed ahead of its write (LiveStories::prepare): what to write, and what the
// batch did once written.
struct PreparedBatch {
  // The transaction to apply, based on the generation before it; empty (no articles and
  // no revisions) when the batch changes nothing and there is nothing to write.
  store::BatchWrite write;
  // summary.committed: the generation the write must make (−1: nothing to write).
  IngestSummary summary;
};

// A step of cross-checks in three parts, so that the long one runs outside the caller's
// lock: take_checks() takes the longest waiting unchecked stories with their articles out of
// the live state, make_checks() cross-checks them (on any thread, while batches are placed),
// store_checks() stores them: whole for those that no batch wrote since they were taken, as
// their report only for those that a batch only added articles to (checked again next).
struct CheckJob {
  uint64_t epoch = 0;  // the live state it was taken from (a rebuilt state makes it stale)
  uint64_t stamp = 0;  // the state's story-write count when it was taken
  std::vector<std::string> ids;   // the stories, in id order
  std::vector<Article> articles;  // theirs, story after story, each in publication order
  BatchResult grouping;           // a Story per id, reprint marks per article
  std::vector<std::pair<size_t, size_t>> spans;  // per story: [begin, end) in articles
  // Per id: its articles' numbers in the live state when it was taken, ascending.
  std::map<std::string, std::vector<size_t>> members;
  std::vector<store::StoredStory> checked;  // make_checks: one per id
  double seconds = 0;                       // make_checks: wall time
  bool empty() const { return ids.empty(); }
};

// The stories of `min` to `max` articles (both included).
struct StorySizes {
  size_t min = 0;
  size_t max = SIZE_MAX;
  bool contains(size_t articles) const { return min <= articles && articles <= max; }
};

// When ingest cross-checks the stories a batch touched.
enum class CheckWhen {
  kInBatch,  // before the batch is stored, in its transaction
  kLater,    // by check_unchecked(), after the batch is stored (see "Two steps" above)
};

class LiveStories {
 public:
  using Clock = std::function<std::string()>;  // UTC time stamps ("…T11:20:00Z")
  // Articles whose analysis is kept for the next cross-check of their story: ~4 KB each
  // (4,000 Reuters articles in one batch: 15 MB more resident memory), so ~80 MB at most;
  // a store's recently active stories fit. Their readings (synth/article_reading.h) are kept
  // beside them up to AnalysisCache::kDefaultReadingBytes (64 MB).
  static constexpr size_t kAnalysedArticlesKept = 20000;

  // Replays the store (see above). Fails with the store's Error.
  static Expected<LiveStories> open(const Pipeline& pipeline, store::Store& store,
                                    Clock clock = store::utc_now);
  LiveStories(LiveStories&&) noexcept;
  LiveStories& operator=(LiveStories&&) noexcept;
  ~LiveStories();

  // Cleans, compares, places, cross-checks and stores one batch (see above). Documents are
  // placed in the batch order (engine::publication_order), so the same files listed in any
  // order give the same stories. When another process committed since the last batch, the
  // state is rebuilt and the batch computed again. Cost: cleaning the batch, placing each
  // new article (well under a millisecond), naming the stories it touched (plus O(articles)
  // integer work over the store: store::affected_articles), and the cross-check of each
  // touched story, whose articles analysed before are taken from analyses() (each story's
  // claims, numbers and comparison are made again; the analysis of its old articles is not)
  // and whose texts read or written by an earlier batch are kept in memory (engine/kept_articles.h,
  // as many as analyses; dropped at a rebuild) instead of being read from the store again.
  // With CheckWhen::kLater, the touched stories are stored unchecked instead (see "Two
  // steps" above) and `seconds.cross_check` is 0.
  Expected<IngestSummary> ingest(IngestBatch batch, CheckWhen when = CheckWhen::kInBatch);

  // Cross-checks the `max_stories` unchecked stories that have waited the longest and stores
  // their reports in one transaction (a story merged away since is no longer waited for).
  // The summary names them in `updated`; nothing committed (committed −1) when none waits.
  // When another process committed since the last batch, the state is rebuilt and the step
  // made again (once). A failure of the store leaves them waiting (the state is rebuilt
  // before the next batch).
  Expected<IngestSummary> check_unchecked(size_t max_stories);
  // check_unchecked() in three parts (CheckJob). take_checks and store_checks change the
  // live state (one thread at a time with ingest); make_checks reads none of it and may run
  // on another thread meanwhile. store_checks stores the stories that no batch wrote since
  // take_checks. A story that a batch wrote since waits again; if that batch only added
  // articles to it, its report, title and event date are stored all the same (named in
  // `checked_behind`): under a steady flow a story that grows with every batch would
  // otherwise never have a check stored, each one overtaken by the next batch. A story
  // merged away or split since stores nothing. A job taken from a state rebuilt since
  // stores nothing (its stories are found unchecked in the store again).
  // A failure of the store drops the live state, as ingest does. Several jobs may be out at
  // once (taken and not stored yet): a story in one of them is not taken by another until it
  // is stored, or until forget_checks() gives it back (a job that will not be stored; drop()
  // gives back every job). `sizes` takes only the stories of that many articles (a story
  // merged away since counts 0): one caller's long checks of large stories then never hold
  // the small stories that another caller checks meanwhile.
  Expected<CheckJob> take_checks(size_t max_stories, StorySizes sizes = {});
  void make_checks(CheckJob& job) const;
  Expected<IngestSummary> store_checks(CheckJob job);
  void forget_checks(const CheckJob& job);
  // After a restart the first check of a large story analyses and reads every article it
  // holds (the analyses and readings are kept in memory only): seconds for a story of a
  // thousand wire briefs, paid by the first article that joins it. warm_up() makes a job of
  // one story as take_checks does, out of every queue, for read_ahead() to fill those caches
  // ahead (what make_checks() would analyse and read, without the cross-check); it is never
  // stored (store_checks takes nothing from it), and a story waiting or out in a job gives
  // an empty one. largest_stories() names the stories of `sizes` articles, the
  // largest first, up to `max_articles` articles in all.
  std::vector<std::string> largest_stories(StorySizes sizes, size_t max_articles) const;
  Expected<CheckJob> warm_up(const std::string& id);
  void read_ahead(const CheckJob& job) const;
  // The stories stored unchecked, waiting for check_unchecked() (those of a CheckJob taken
  // and not stored yet included).
  size_t unchecked() const;

  // Write-behind (the clusterer, scaled out: engine/clusterer.h): ingest's cleaning,
  // comparing, placing and cross-checking, without the write; the live state is advanced as
  // if the returned write were committed, so that the next batch can be prepared while
  // another Store writes this one. The caller applies `write` and, if that fails or makes
  // another generation than summary.committed, calls drop() before anything else. The
  // articles of a prepared batch are kept in memory (as the store gives them back), so the
  // next batch never reads them from the store before they are there. A failure (a store
  // read) drops the state itself. With CheckWhen::kLater the touched stories are written
  // unchecked, as by ingest (checked later by the caller: take_checks, make_checks,
  // store_checks, between two writes).
  Expected<PreparedBatch> prepare(IngestBatch batch, CheckWhen when = CheckWhen::kInBatch);
  // Forgets the live state: the next batch first rebuilds it from the store (a replay).
  void drop();

  // Catches up with batches another process committed (a `recoupe ingest` beside a
  // server): when the store's generation is not the one the state was read at, the state is
  // rebuilt from the store (a full replay). True when it was. Cost: one read when nothing
  // changed.
  Expected<bool> follow();

  size_t articles() const;
  size_t stories() const;
  // Whether an article of this id is stored (as of the last batch or follow()).
  bool knows(const std::string& article_id) const;
  // The analyses kept between the cross-checks of a story (kAnalysedArticlesKept at most).
  const AnalysisCache& analyses() const { return *analyses_; }
  // Articles whose replayed story or reprint mark differs from the stored one at open().
  size_t replay_mismatches() const;

 private:
  struct State;
  LiveStories(const Pipeline& pipeline, store::Store& store, Clock clock);
  Expected<bool> rebuild();
  // The CheckJob of these stories (those still in the state) as of now; no queue changes.
  Expected<CheckJob> job_of(const std::set<std::string>& ids);
  Expected<std::vector<Article>> cleaned_articles(IngestBatch& batch) const;
  Expected<IngestSummary> ingest_once(const IngestBatch& batch, std::vector<Article> articles,
                                      CheckWhen when);
  uint64_t epoch_ = 0;  // +1 at each rebuild() (CheckJob::epoch)

  const Pipeline* pipeline_;
  store::Store* store_;
  Clock clock_;
  std::unique_ptr<AnalysisCache> analyses_;  // kept across rebuilds: keyed by content
  std::unique_ptr<State> state_;             // null: to be rebuilt from the store
};

}  // namespace recoupe::engine
