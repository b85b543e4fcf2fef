#include "engine/live_stories.h"

#include <chrono>
#include <utility>

#include <algorithm>
#include <deque>
#include <iterator>
#include <map>
#include <set>
#include <span>
#include <unordered_map>

#include "core/parallel_for.h"
#include "engine/batch.h"
#include "engine/kept_articles.h"
#include "engine/stream.h"
#include "ingest/reader.h"
#include "report/build_report.h"
#include "report/report_json.h"
#include "store/columns.h"
#include "store/story_identity.h"
#include "store/values.h"

namespace recoupe::engine {
namespace {

bool is_full_date(const std::optional<std::string>& d) {
  if (!d || d->size() != 10) return false;
  for (size_t i = 0; i < 10; ++i)
    if (i == 4 || i == 7 ? (*d)[i] != '-' : ((*d)[i] < '0' || (*d)[i] > '9')) return false;
  return true;
}

bool has_text(const Article& a) { return a.text.find_first_not_of(" \t\r\n") != std::string::npos; }

// The grouping fields of a story of `articles` (in the story's order), as engine/batch.cc
// fills them: ids, distinct outlets in order, most frequent language (the first in
// alphabetical order on a tie), earliest publication day. The title and event date are the
// cross-check's.
Story story_of_articles(const std::string& id, const std::vector<const Article*>& articles) {
  Story s;
  s.id = id;
  std::set<std::string> seen;
  std::map<std::string, int> langs;
  std::optional<int64_t> earliest;
  for (const Article* a : articles) {
    s.article_ids.push_back(a->id);
    if (a->source && !a->source->empty() && seen.insert(*a->source).second)
      s.sources.push_back(*a->source);
    if (a->language) ++langs[*a->language];
    if (a->published_at && (!earliest || a->published_at->utc_hour < *earliest)) {
      earliest = a->published_at->utc_hour;
      s.event_date = format_iso(a->published_at->date);
    }
  }
  int best = 0;
  for (const auto& [lang, count] : langs)
    if (count > best) {
      best = count;
      s.language = lang;
    }
  return s;
}

}  // namespace

IngestBatch read_batch(const std::vector<std::string>& inputs, const Pipeline& pipeline) {
  IngestBatch batch;
  ingest::read_inputs(inputs, pipeline.config().ingest, [&](Expected<RawDocument> doc) {
    if (doc)
      batch.documents.push_back(std::move(*doc));
    else
      batch.refused.push_back(doc.error());
  });
  return batch;
}

std::string content_hash(const Article& article) {
  return ingest::content_hash_id(article.title.value_or("") + '\n' + article.text);
}

namespace {

// An article new in this batch, with its later versions in the same batch.
struct Fresh {
  store::ArticleRevision first;
  std::vector<store::ArticleRevision> later;
  int64_t seq = 0;  // given when placed
};

// Which article a document of the batch became: a stored one (seq) or a new one (its index
// in BatchWork::fresh); neither when it was refused or unchanged.
struct DocumentArticle {
  std::optional<int64_t> seq;
  std::optional<size_t> fresh;
};

// What a batch has found so far, handed from one step of ingest_once to the next.
struct BatchWork {
  IngestSummary summary;
  store::BatchWrite write;
  std::vector<Fresh> fresh;                     // new articles, in input order
  std::vector<DocumentArticle> article_of;      // parallel to the batch's documents
  std::unordered_map<int64_t, Article> latest;  // stored seq → its newest text in this batch
  std::set<int64_t> revised;                    // seqs of stored articles given a new text
  size_t old_size = 0;                          // grouper numbers placed before this batch
};

// The stories a batch changed, named. Only the articles whose story may have changed are
// named again (store::affected_articles): the work follows the batch, not the store.
struct Renaming {
  std::vector<size_t> affected;     // grouper numbers, ascending
  store::StoryIdentities ids;       // ids.story_of parallel to `affected`
  std::vector<uint32_t> first_now;  // grouper number → first article of its story now
  std::set<std::string> touched;    // stories to cross-check again and store
  std::set<std::string> existed;    // of those, the ones stored before this batch
  std::map<std::string, std::vector<size_t>> members;  // touched id → grouper numbers
};

bool same_text(const Article& a, const Article& b) {
  return a.title.value_or("") == b.title.value_or("") && a.text == b.text;
}

}  // namespace

// The live grouper and what the store says of each article it holds; grouper number i is
// the i-th article in ingest order.
struct LiveStories::State {
  explicit State(const Pipeline& pipeline) : grouper(pipeline.stream()) {}
  engine::StreamGrouper grouper;
  int64_t generation = 0;
  int64_t next_seq = 1;
  std::vector<int64_t> seq_of;                          // grouper number → seq
  std::vector<std::string> story_of;                    // grouper number → stored story id
  std::unordered_map<std::string, size_t> articles_in;  // story id → its count in story_of
  std::vector<uint32_t> first_of;  // grouper number → first article of its stored story
  std::vector<std::optional<int64_t>> duplicate_of;  // grouper number → seq of the original
  std::unordered_map<int64_t, size_t> number_of;     // seq → grouper number
  std::unordered_map<int64_t, std::string> id_of;    // seq → article id
  std::unordered_map<std::string, int64_t> by_id, by_url;
  std::unordered_map<int64_t, std::pair<std::string, int>> current;  // seq → (hash, revision)
  std::set<std::string> used_ids;
  size_t mismatches = 0;
  // Stored articles as the store gave them, for the next batches into their stories.
  KeptArticles kept{LiveStories::kAnalysedArticlesKept};
  // Stories placed but not cross-checked yet (StorySummary::checked false), the longest
  // waiting first, and the same ids as a set.
  std::deque<std::string> unchecked;
  std::set<std::string> unchecked_ids;
  // Stories of the CheckJobs taken and not stored yet (still unchecked in the store; one
  // may be queued again meanwhile by a batch into it).
  std::set<std::string> in_flight;
  // Story writes committed (placements, checks, merges) and the count at each story's last
  // one: a CheckJob is stored only for stories not written since it was taken.
  uint64_t stamp = 0;
  std::unordered_map<std::string, uint64_t> written_at;

  // Places one article with its seq; returns nothing (the assignment is read from labels()).
  void place(int64_t seq, const Article& a) {
    engine::StreamAssignment s = grouper.add(a);
    number_of[seq] = seq_of.size();
    seq_of.push_back(seq);
    duplicate_of.push_back(s.duplicate_of ? std::optional<int64_t>(by_id.at(*s.duplicate_of))
                                          : std::nullopt);
  }

  // The steps of LiveStories::ingest_once, in order (compute: 1 to 4). Each reads and
  // updates `work`; the state itself changes in steps 2 and 5 only (a failed batch drops
  // the whole state).
  // 1. New, revised or unchanged (reads the stored text of an article whose hash matches).
  Expected<bool> sort_batch(const IngestBatch& batch, std::vector<Article>& articles,
                            store::Store& store, const std::string& now, BatchWork& work);
  // 2. Places the new articles in the batch order; their seqs follow it, so that a replay
  // in seq order places them the same way.
  void place_fresh(BatchWork& work);
  // 3. Names the stories of the articles whose story may have changed, and finds what to
  // cross-check again: O(articles) integer work plus the affected stories.
  Renaming rename(BatchWork& work) const;
  // 4. The current texts of every article of the touched stories, into work.latest (from
  // the batch, the kept articles, or the store).
  Expected<bool> gather_texts(const Renaming& renaming, store::Store& store, BatchWork& work) const;
  // 5a. Cross-checks the touched stories on those texts into work.write.stories.
  void cross_check_touched(const Renaming& renaming, const Pipeline& pipeline,
                           AnalysisCache& analyses, BatchWork& work) const;
  // 5b. Or, checked later (CheckWhen::kLater): the touched stories' rows with their new
  // articles and no cross-check yet (StorySummary::checked false).
  void unchecked_stories(const Renaming& renaming, BatchWork& work) const;
  // 6. After the commit: the state follows the stored partition, and keeps the texts the
  // batch read or wrote, as the store gives them back (a revised one replaces the old); the
  // stories it wrote unchecked wait for their cross-check, those it checked no longer do.
  void commit(int64_t new_generation, Renaming& renaming, const BatchWork& work);
  // The members (grouper numbers, in grouper order) of each live story of `ids`; an id that
  // names no live story (merged away since) is left out.
  std::map<std::string, std::vector<size_t>> members_of(const std::set<std::string>& ids) const;
  // After step 5: the story of each added or revised document (DocumentOutcome::story).
  void name_document_stories(BatchWork& work) const;
  // Steps 1 to 5: what the batch writes (false: nothing changes, nothing to write).
  Expected<bool> compute(const IngestBatch& batch, std::vector<Article>& articles,
                         const Pipeline& pipeline, AnalysisCache& analyses, store::Store& store,
                         const std::string& now, CheckWhen when, BatchWork& work,
                         Renaming& renaming);
};

LiveStories::LiveStories(const Pipeline& pipeline, store::Store& store, Clock clock)
    : pipeline_(&pipeline),
      store_(&store),
      clock_(std::move(clock)),
      analyses_(std::make_unique<AnalysisCache>(kAnalysedArticlesKept)) {}
LiveStories::LiveStories(LiveStories&&) noexcept = default;
LiveStories& LiveStories::operator=(LiveStories&&) noexcept = default;
LiveStories::~LiveStories() = default;

Expected<LiveStories> LiveStories::open(const Pipeline& pipeline, store::Store& store,
                                        Clock clock) {
  LiveStories live(pipeline, store, std::move(clock));
  auto built = live.rebuild();
  if (!built) return built.error();
  return live;
}

Expected<bool> LiveStories::follow() {
  auto now = store_->generation();
  if (!now) return now.error();
  if (state_ && state_->generation == *now) return false;
  auto built = rebuild();
  if (!built) return built.error();
  return true;
}

size_t LiveStories::articles() const { return state_ ? state_->seq_of.size() : 0; }
size_t LiveStories::stories() const { return state_ ? state_->grouper.stories() : 0; }
bool LiveStories::knows(const std::string& article_id) const {
  return state_ && state_->by_id.count(article_id) > 0;
}
size_t LiveStories::unchecked() const {
  if (!state_) return 0;
  size_t out = state_->unchecked.size();
  for (const std::string& id : state_->in_flight) out += !state_->unchecked_ids.count(id);
  return out;
}
size_t LiveStories::replay_mismatches() const { return state_ ? state_->mismatches : 0; }

Expected<bool> LiveStories::rebuild() {
  state_.reset();
  ++epoch_;
  // The generation first: a batch committed while the articles are read makes the next
  // apply() refuse, and the state is read again.
  auto generation = store_->generation();
  if (!generation) return generation.error();
  auto placed = store_->placed_articles();
  if (!placed) return placed.error();
  auto used = store_->used_story_ids();
  if (!used) return used.error();
  auto unchecked = store_->unchecked_stories();
  if (!unchecked) return unchecked.error();

  auto st = std::make_unique<State>(*pipeline_);
  st->generation = *generation;
  st->used_ids.insert(used->begin(), used->end());
  st->unchecked.assign(unchecked->begin(), unchecked->end());
  st->unchecked_ids.insert(unchecked->begin(), unchecked->end());
  for (const store::PlacedArticle& p : *placed) {
    st->by_id[p.placed.id] = p.seq;
    st->id_of[p.seq] = p.placed.id;
    if (p.url) st->by_url[*p.url] = p.seq;
    st->current[p.seq] = {p.content_hash, p.revision};
    st->place(p.seq, p.placed);
    st->story_of.push_back(p.story_id);
    ++st->articles_in[p.story_id];
    st->next_seq = p.seq + 1;
  }
  std::unordered_map<std::string, uint32_t> first_of_story;
  for (size_t i = 0; i < st->story_of.size(); ++i)
    st->first_of.push_back(first_of_story.try_emplace(st->story_of[i], uint32_t(i)).first->second);
  // The replayed partition against the stored one: equal when the label ↔ story id
  // correspondence is one to one.
  const std::vector<uint32_t> labels = st->grouper.labels();
  std::unordered_map<uint32_t, std::string> story_of_label;
  std::unordered_map<std::string, uint32_t> label_of_story;
  for (size_t i = 0; i < labels.size(); ++i) {
    const auto& story = st->story_of[i];
    auto a = story_of_label.try_emplace(labels[i], story).first;
    auto b = label_of_story.try_emplace(story, labels[i]).first;
    if (a->second != story || b->second != labels[i] ||
        st->duplicate_of[i] != (*placed)[i].duplicate_of)
      ++st->mismatches;
  }
  state_ = std::move(st);
  return true;
}

Expected<std::vector<Article>> LiveStories::cleaned_articles(IngestBatch& batch) const {
  // Cleaning does not depend on the store: done once, in parallel, whatever the retries.
  std::vector<Article> articles = std::move(batch.cleaned);
  if (articles.size() != batch.documents.size()) {
    if (!articles.empty())
      return Error{"", "ingest: " + std::to_string(articles.size()) + " cleaned articles for " +
                           std::to_string(batch.documents.size()) + " documents"};
    articles.resize(batch.documents.size());
    parallel_for(0, articles.size(), pipeline_->config().threads,
                 [&](unsigned, size_t i) { articles[i] = pipeline_->extract(batch.documents[i]); });
  }
  return articles;
}

Expected<IngestSummary> LiveStories::ingest(IngestBatch batch, CheckWhen when) {
  const auto started = std::chrono::steady_clock::now();
  auto cleaned = cleaned_articles(batch);
  if (!cleaned) return cleaned.error();
  const double clean_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const std::vector<Article>& articles = *cleaned;
  for (int attempt = 0;; ++attempt) {
    if (!state_)
      if (auto built = rebuild(); !built) return built.error();
    auto done = ingest_once(batch, articles, when);
    if (done) {
      done->seconds.clean = clean_seconds;
      return done;
    }
    // The grouper may hold articles the store does not: rebuild before anything else.
    const int64_t based_on = state_ ? state_->generation : -1;
    state_.reset();
    auto now = store_->generation();
    if (attempt == 0 && now && *now != based_on) continue;  // another writer: compute again
    return done.error();
  }
}

Expected<PreparedBatch> LiveStories::prepare(IngestBatch batch, CheckWhen when) {
  auto articles = cleaned_articles(batch);
  if (!articles) return articles.error();
  if (!state_)
    if (auto built = rebuild(); !built) return built.error();
  State& st = *state_;
  BatchWork work;
  Renaming renaming;
  auto changed =
      st.compute(batch, *articles, *pipeline_, *analyses_, *store_, clock_(), when, work, renaming);
  if (!changed) {
    state_.reset();  // the grouper may hold articles of this batch
    return changed.error();
  }
  PreparedBatch out;
  if (*changed) {
    // As if committed: the write must make exactly the next generation (Store::apply
    // refuses it on any other base), else the caller drops this state.
    const int64_t next = st.generation + 1;
    st.commit(next, renaming, work);
    st.name_document_stories(work);
    work.summary.committed = next;
    out.write = std::move(work.write);
  }
  out.summary = std::move(work.summary);
  return out;
}

void LiveStories::drop() { state_.reset(); }

Expected<IngestSummary> LiveStories::ingest_once(const IngestBatch& batch,
                                                 std::vector<Article> articles, CheckWhen when) {
  State& st = *state_;
  BatchWork work;
  Renaming renaming;
  auto changed =
      st.compute(batch, articles, *pipeline_, *analyses_, *store_, clock_(), when, work, renaming);
  if (!changed) return changed.error();
  if (!*changed) return work.summary;
  // 6. One transaction; the live state follows only once it is committed.
  const auto started = std::chrono::steady_clock::now();
  auto generation = store_->apply(work.write);
  if (!generation) return generation.error();
  work.summary.seconds.store =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  st.commit(*generation, renaming, work);
  st.name_document_stories(work);
  work.summary.committed = *generation;
  return std::move(work.summary);
}

Expected<bool> LiveStories::State::compute(const IngestBatch& batch, std::vector<Article>& articles,
                                           const Pipeline& pipeline, AnalysisCache& analyses,
                                           store::Store& store, const std::string& now,
                                           CheckWhen when, BatchWork& work, Renaming& renaming) {
  work.summary.refused = batch.refused;
  work.write.base_generation = generation;
  work.write.at = now;
  work.write.log_position = batch.log_position;
  if (auto sorted = sort_batch(batch, articles, store, now, work); !sorted) return sorted.error();
  if (work.fresh.empty() && work.write.revisions.empty()) return false;  // no change
  using Seconds = std::chrono::duration<double>;
  auto started = std::chrono::steady_clock::now();
  auto lap = [&started] {
    const auto now = std::chrono::steady_clock::now();
    return Seconds(now - std::exchange(started, now)).count();
  };
  place_fresh(work);
  renaming = rename(work);
  work.summary.seconds.place = lap();
  if (auto read = gather_texts(renaming, store, work); !read) return read.error();
  if (when == CheckWhen::kLater) {
    unchecked_stories(renaming, work);
    work.summary.seconds.place += lap();
  } else {
    cross_check_touched(renaming, pipeline, analyses, work);
    work.summary.seconds.cross_check = lap();
  }
  work.write.counts.stories_touched = int64_t(renaming.touched.size());
  work.summary.counts = work.write.counts;
  work.summary.merged = renaming.ids.redirects;
  return true;
}

Expected<bool> LiveStories::State::sort_batch(const IngestBatch& batch,
                                              std::vector<Article>& articles, store::Store& store,
                                              const std::string& now, BatchWork& work) {
  IngestSummary& summary = work.summary;
  store::BatchWrite& w = work.write;
  std::unordered_map<std::string, size_t> fresh_by_id, fresh_by_url;  // → index in work.fresh
  summary.documents.resize(articles.size());
  work.article_of.resize(articles.size());
  for (size_t k = 0; k < articles.size(); ++k) {
    Article& a = articles[k];
    const RawDocument& doc = batch.documents[k];
    DocumentOutcome& outcome = summary.documents[k];
    using Kind = DocumentOutcome::Kind;
    if (!has_text(a)) {
      outcome.refusal = Error{doc.file, "no article text found after cleaning; not stored"};
      summary.refused.push_back(*outcome.refusal);
      continue;
    }
    for (const auto& warning : a.warnings) {
      summary.warnings.push_back({a.file, warning});
      outcome.warnings.push_back({a.file, warning});
    }
    outcome.kind = Kind::kUnchanged;  // until found otherwise
    const std::string hash = content_hash(a);
    RawDocument raw;  // what the store keeps of the input
    raw.kind = doc.kind;
    raw.content = doc.content;
    raw.encoding = doc.encoding;
    std::optional<int64_t> seq;
    std::optional<size_t> fresh_index;
    if (auto it = by_id.find(a.id); it != by_id.end())
      seq = it->second;
    else if (auto f = fresh_by_id.find(a.id); f != fresh_by_id.end())
      fresh_index = f->second;
    else if (a.url && by_url.count(*a.url))
      seq = by_url.at(*a.url);
    else if (a.url && fresh_by_url.count(*a.url))
      fresh_index = fresh_by_url.at(*a.url);

    if (fresh_index) {  // a second version of an article new in this batch
      Fresh& f = work.fresh[*fresh_index];
      const store::ArticleRevision& last = f.later.empty() ? f.first : f.later.back();
      a.id = f.first.article.id;
      if (last.content_hash == hash && same_text(last.article, a)) {
        ++w.counts.unchanged;
        continue;
      }
      f.later.push_back({last.revision + 1, hash, now, std::move(a), std::move(raw)});
      ++w.counts.revised;
      outcome.kind = Kind::kRevised;
      work.article_of[k].fresh = *fresh_index;
      continue;
    }
    if (seq) {
      auto& [current_hash, current_revision] = current.at(*seq);
      a.id = id_of.at(*seq);
      bool unchanged = false;
      if (current_hash == hash) {
        if (auto l = work.latest.find(*seq); l != work.latest.end()) {
          unchanged = same_text(l->second, a);
        } else if (const Article* k = kept.find(*seq)) {
          unchanged = same_text(*k, a);
        } else {
          auto stored = store.current_articles({*seq});
          if (!stored) return stored.error();
          unchanged = !stored->empty() && same_text(stored->front().article, a);
        }
      }
      if (unchanged) {
        ++w.counts.unchanged;
        continue;
      }
      current_hash = hash;
      ++current_revision;
      if (a.url) by_url[*a.url] = *seq;
      work.latest[*seq] = a;
      work.revised.insert(*seq);
      w.revisions.push_back({*seq, {current_revision, hash, now, std::move(a), std::move(raw)}});
      ++w.counts.revised;
      outcome.kind = Kind::kRevised;
      work.article_of[k].seq = *seq;
      continue;
    }
    fresh_by_id[a.id] = work.fresh.size();
    if (a.url) fresh_by_url[*a.url] = work.fresh.size();
    work.article_of[k].fresh = work.fresh.size();
    work.fresh.push_back({{1, hash, now, std::move(a), std::move(raw)}, {}});
    ++w.counts.added;
    outcome.kind = Kind::kAdded;
  }
  w.counts.refused = int64_t(summary.refused.size());
  summary.counts = w.counts;
  return true;
}

void LiveStories::State::place_fresh(BatchWork& work) {
  std::vector<Article> firsts;
  for (const Fresh& f : work.fresh) firsts.push_back(f.first.article);
  work.old_size = seq_of.size();
  for (size_t i : engine::publication_order(firsts)) {
    Fresh& f = work.fresh[i];
    const int64_t seq = next_seq++;
    f.seq = seq;
    const Article& a = f.first.article;
    by_id[a.id] = seq;
    id_of[seq] = a.id;
    if (a.url) by_url[*a.url] = seq;
    const store::ArticleRevision& last = f.later.empty() ? f.first : f.later.back();
    current[seq] = {last.content_hash, last.revision};
    work.latest[seq] = last.article;
    place(seq, a);
    work.write.articles.push_back({seq, std::move(f.first)});
    for (auto& r : f.later) work.write.revisions.push_back({seq, std::move(r)});
  }
}

Renaming LiveStories::State::rename(BatchWork& work) const {
  Renaming r;
  const std::vector<uint32_t> labels = grouper.labels();
  r.first_now = store::first_articles(labels);
  r.affected = store::affected_articles(first_of, labels);
  if (!r.affected.empty())
    r.ids = store::assign_story_ids(
        story_of, labels,
        [&](size_t first) { return engine::story_id_for(id_of.at(seq_of[first])); }, used_ids,
        &r.affected);

  // A story changed when an article joined it or left it (one of its articles was named
  // again, or it kept its id and has another size), or when one of its texts was revised.
  std::map<std::string, uint32_t> key_of;  // story id now → its first article
  std::map<std::string, size_t> old_count, new_count;
  for (size_t k = 0; k < r.affected.size(); ++k) {
    const size_t i = r.affected[k];
    const std::string& id = r.ids.story_of[k];
    key_of.emplace(id, r.first_now[i]);
    ++new_count[id];
    if (i < work.old_size) {
      ++old_count[story_of[i]];
      r.existed.insert(story_of[i]);
    }
    if (i >= work.old_size || story_of[i] != id) {
      r.touched.insert(id);
      work.write.memberships.push_back({seq_of[i], id, duplicate_of[i]});
    }
  }
  for (const auto& [id, count] : new_count)
    if (auto old = old_count.find(id); old != old_count.end() && old->second != count)
      r.touched.insert(id);
  for (int64_t seq : work.revised) {
    const size_t i = number_of.at(seq);
    auto k = std::lower_bound(r.affected.begin(), r.affected.end(), i);
    if (k != r.affected.end() && *k == i) {
      r.touched.insert(r.ids.story_of[size_t(k - r.affected.begin())]);
    } else {  // its story kept every article and its id
      r.touched.insert(story_of[i]);
      r.existed.insert(story_of[i]);
      key_of.emplace(story_of[i], r.first_now[i]);
    }
  }
  work.write.redirects = r.ids.redirects;

  // The members of the touched stories, in grouper order: one pass over the first articles.
  std::unordered_map<uint32_t, std::vector<size_t>*> members_of_key;
  for (const auto& id : r.touched) members_of_key[key_of.at(id)] = &r.members[id];
  for (size_t i = 0; i < r.first_now.size(); ++i)
    if (auto m = members_of_key.find(r.first_now[i]); m != members_of_key.end())
      m->second->push_back(i);
  return r;
}

Expected<bool> LiveStories::State::gather_texts(const Renaming& renaming, store::Store& store,
                                                BatchWork& work) const {
  std::vector<int64_t> to_read;
  for (const auto& [id, numbers] : renaming.members)
    for (size_t i : numbers) {
      const int64_t seq = seq_of[i];
      if (work.latest.count(seq)) continue;
      if (const Article* a = kept.find(seq))
        work.latest[seq] = *a;
      else
        to_read.push_back(seq);
    }
  auto stored = store.current_articles(to_read);
  if (!stored) return stored.error();
  for (auto& s : *stored) work.latest[s.seq] = std::move(s.article);
  return true;
}

namespace {

// The articles of the touched stories, story after story, each in publication order, with
// their grouping (engine/batch.h's fields: the cross-check's input).
struct TouchedStories {
  std::vector<Article> pool;
  engine::BatchResult grouping;
  std::vector<std::pair<size_t, size_t>> span;  // per touched story: [begin, end) in pool
};

// The latest publication of `articles`, in UTC hours; none when none is dated.
std::optional<int64_t> latest_hours(std::span<const Article> articles) {
  std::optional<int64_t> latest;
  for (const Article& a : articles)
    if (a.published_at) latest = std::max(latest.value_or(INT64_MIN), a.published_at->utc_hour);
  return latest;
}

// The summary of a story row from its report (`rs`) and articles.
store::StorySummary summary_of(const std::string& id, const ReportStory& rs, const Story& story,
                               std::span<const Article> articles) {
  store::StorySummary s;
  s.id = id;
  s.title = rs.title;
  s.language = rs.language;
  s.event_date = rs.event_date;
  s.day = is_full_date(rs.event_date) ? rs.event_date : story.event_date;
  s.sources = rs.sources;
  s.article_ids = rs.articles;
  s.article_count = int64_t(rs.articles.size());
  s.outlet_count = int64_t(rs.sources.size());
  s.latest_hours = latest_hours(articles);
  return s;
}

// The row of a stored story whose new articles wait for their cross-check: its article list,
// outlets, language, counts and latest publication from its grouping. The store keeps its
// title, event date, day and report until the check (Store::apply).
store::StorySummary unchecked_summary_of(const std::string& id, const Story& story,
                                         std::span<const Article> articles) {
  store::StorySummary s;
  s.id = id;
  s.language = story.language;
  s.day = story.event_date;  // used only if the row were new
  s.sources = story.sources;
  s.article_ids = story.article_ids;
  s.article_count = int64_t(story.article_ids.size());
  s.outlet_count = int64_t(story.sources.size());
  s.latest_hours = latest_hours(articles);
  return s;
}

}  // namespace

// The touched stories' articles from work.latest (gather_texts), in story id order.
static TouchedStories touched_stories(const Renaming& renaming, const std::vector<int64_t>& seq_of,
                                      const std::vector<std::optional<int64_t>>& duplicate_of,
                                      const std::unordered_map<int64_t, std::string>& id_of,
                                      const BatchWork& work) {
  TouchedStories t;
  for (const auto& id : renaming.touched) {
    std::vector<Article> story_articles;
    std::vector<std::optional<int64_t>> dups;
    for (size_t i : renaming.members.at(id)) {
      story_articles.push_back(work.latest.at(seq_of[i]));
      dups.push_back(duplicate_of[i]);
    }
    const size_t begin = t.pool.size();
    std::vector<const Article*> ordered;
    for (size_t j : engine::publication_order(story_articles)) {
      t.pool.push_back(std::move(story_articles[j]));
      t.grouping.duplicate_of.push_back(dups[j] ? std::optional(id_of.at(*dups[j])) : std::nullopt);
      t.grouping.story_of.push_back(t.grouping.stories.size());
    }
    for (size_t j = begin; j < t.pool.size(); ++j) ordered.push_back(&t.pool[j]);
    t.grouping.stories.push_back(story_of_articles(id, ordered));
    t.span.push_back({begin, t.pool.size()});
  }
  return t;
}

// The rows of the report's items (store::StoryContents), as the store would read them from
// the report's JSON.
static store::StoryContents contents_of(const ReportStory& s) {
  store::StoryContents out;
  for (const auto& c : s.corroborated)
    out.corroborated.push_back({c.claim, store::json_list(c.articles), c.outlets});
  for (const auto& c : s.single_source)
    out.single_source.push_back({c.claim, store::json_list(c.articles), 1});
  for (const auto& q : s.quotes)
    out.quotes.push_back({q.speaker.empty() ? std::nullopt : std::optional(q.speaker), q.text,
                          q.kind, store::json_list(q.articles)});
  for (const auto& e : s.entities)
    out.entities.push_back({e.name, e.type, e.mentions, e.aliases, store::json_list(e.articles)});
  return out;
}

// The story rows of `ids` (in order) from their cross-checks: each one's report, as
// `recoupe report --format json` prints it for its articles, and its summary.
static std::vector<store::StoredStory> checked_stories(
    const std::vector<std::string>& ids, const std::vector<Article>& pool,
    const engine::BatchResult& grouping, const std::vector<std::pair<size_t, size_t>>& spans,
    std::vector<CrossCheck>& checks) {
  std::vector<store::StoredStory> out;
  for (size_t k = 0; k < ids.size(); ++k) {
    const auto [begin, end] = spans[k];
    std::vector<Article> story_articles(pool.begin() + long(begin), pool.begin() + long(end));
    std::vector<std::optional<std::string>> dups(grouping.duplicate_of.begin() + long(begin),
                                                 grouping.duplicate_of.begin() + long(end));
    const Story& story = grouping.stories[k];
    Report report = report::build_report(story_articles, dups, {story}, {std::move(checks[k])},
                                         /*with_text=*/false);
    store::StoredStory row;
    row.summary = summary_of(ids[k], report.stories.front(), story, story_articles);
    row.report_json = report::to_json_text(report);
    row.contents = contents_of(report.stories.front());
    out.push_back(std::move(row));
  }
  return out;
}

void LiveStories::State::cross_check_touched(const Renaming& renaming, const Pipeline& pipeline,
                                             AnalysisCache& analyses, BatchWork& work) const {
  TouchedStories t = touched_stories(renaming, seq_of, duplicate_of, id_of, work);
  std::vector<CrossCheck> checks = pipeline.cross_check(t.pool, t.grouping, &analyses);
  const std::vector<std::string> ids(renaming.touched.begin(), renaming.touched.end());
  for (store::StoredStory& out : checked_stories(ids, t.pool, t.grouping, t.span, checks)) {
    const std::string& id = out.summary.id;
    (renaming.existed.count(id) ? work.summary.updated : work.summary.created).push_back(id);
    work.write.stories.push_back(std::move(out));
  }
}

void LiveStories::State::unchecked_stories(const Renaming& renaming, BatchWork& work) const {
  TouchedStories t = touched_stories(renaming, seq_of, duplicate_of, id_of, work);
  size_t k = 0;
  for (const auto& id : renaming.touched) {
    const auto [begin, end] = t.span[k];
    const std::span<const Article> story_articles(t.pool.data() + begin, end - begin);
    const Story& story = t.grouping.stories[k];
    store::StoredStory out;
    // A stored story keeps its report until the cross-check (the store ignores this one); a
    // new one gets its grouping's: its articles, no cross-check section, and until its
    // cross-check it is called by its first article's headline.
    if (!renaming.existed.count(id)) {
      Story named = story;
      if (!story_articles.empty()) named.title = story_articles.front().title;
      const std::vector<Article> articles(story_articles.begin(), story_articles.end());
      std::vector<std::optional<std::string>> dups(t.grouping.duplicate_of.begin() + begin,
                                                   t.grouping.duplicate_of.begin() + end);
      Report report = report::build_report(articles, dups, {named}, {}, false);
      out.summary = summary_of(id, report.stories.front(), named, story_articles);
      out.report_json = report::to_json_text(report);
      out.contents = store::StoryContents{};  // no cross-check yet: no items
    } else {
      out.summary = unchecked_summary_of(id, story, story_articles);
    }
    out.summary.checked = false;
    work.write.stories.push_back(std::move(out));
    (renaming.existed.count(id) ? work.summary.updated : work.summary.created).push_back(id);
    ++k;
  }
}

std::map<std::string, std::vector<size_t>> LiveStories::State::members_of(
    const std::set<std::string>& ids) const {
  std::map<std::string, std::vector<size_t>> out;
  for (size_t i = 0; i < story_of.size(); ++i)
    if (ids.count(story_of[i])) out[story_of[i]].push_back(i);
  return out;
}

void LiveStories::State::commit(int64_t new_generation, Renaming& renaming, const BatchWork& work) {
  generation = new_generation;
  // Every text of the batch's stories, new ones included: the next batch into the same
  // stories reads none of them back, and a batch prepared ahead of the store's commit
  // (prepare) finds the articles still being written.
  for (const auto& [seq, article] : work.latest) kept.keep(seq, store::as_read_back(article));
  const size_t before = story_of.size();
  story_of.resize(seq_of.size());
  for (size_t k = 0; k < renaming.affected.size(); ++k) {
    std::string& id = story_of[renaming.affected[k]];
    if (renaming.affected[k] < before)
      if (auto it = articles_in.find(id); it != articles_in.end() && --it->second == 0)
        articles_in.erase(it);
    id = std::move(renaming.ids.story_of[k]);
    ++articles_in[id];
  }
  first_of = std::move(renaming.first_now);
  for (const auto& id : renaming.touched) used_ids.insert(id);
  ++stamp;
  for (const store::Redirect& r : renaming.ids.redirects) {
    unchecked_ids.erase(r.old_id);
    written_at[r.old_id] = stamp;
  }
  for (const store::StoredStory& written : work.write.stories) {
    const std::string& id = written.summary.id;
    written_at[id] = stamp;
    if (written.summary.checked)
      unchecked_ids.erase(id);
    else if (unchecked_ids.insert(id).second)
      unchecked.push_back(id);
  }
  std::erase_if(unchecked, [&](const std::string& id) { return !unchecked_ids.count(id); });
}

void LiveStories::State::name_document_stories(BatchWork& work) const {
  for (size_t k = 0; k < work.article_of.size(); ++k) {
    const DocumentArticle& d = work.article_of[k];
    const std::optional<int64_t> seq = d.fresh ? std::optional(work.fresh[*d.fresh].seq) : d.seq;
    if (seq) work.summary.documents[k].story = story_of[number_of.at(*seq)];
  }
}

Expected<IngestSummary> LiveStories::check_unchecked(size_t max_stories) {
  for (int attempt = 0;; ++attempt) {
    auto job = take_checks(max_stories);
    if (!job) return job.error();
    const int64_t based_on = state_->generation;
    make_checks(*job);
    auto done = store_checks(std::move(*job));
    if (done) return done;
    auto now = store_->generation();  // store_checks dropped the state: rebuilt next time
    if (attempt == 0 && now && *now != based_on) continue;  // another writer: check again
    return done.error();
  }
}

Expected<CheckJob> LiveStories::take_checks(size_t max_stories, StorySizes sizes) {
  if (!state_)
    if (auto built = rebuild(); !built) return built.error();
  State& st = *state_;
  auto articles_in = [&](const std::string& id) {
    const auto it = st.articles_in.find(id);
    return it == st.articles_in.end() ? size_t(0) : it->second;
  };
  std::set<std::string> chosen;
  std::deque<std::string> passed;  // waiting still, in their order: in another job, or sized out
  while (chosen.size() < max_stories && !st.unchecked.empty()) {
    std::string id = std::move(st.unchecked.front());
    st.unchecked.pop_front();
    if (st.in_flight.count(id) || !sizes.contains(articles_in(id))) {
      passed.push_back(std::move(id));
      continue;
    }
    st.unchecked_ids.erase(id);  // a batch into it meanwhile queues it again
    chosen.insert(std::move(id));
  }
  st.unchecked.insert(st.unchecked.begin(), std::make_move_iterator(passed.begin()),
                      std::make_move_iterator(passed.end()));
  auto job = job_of(chosen);
  if (job && state_) state_->in_flight.insert(job->ids.begin(), job->ids.end());
  return job;
}

Expected<CheckJob> LiveStories::job_of(const std::set<std::string>& chosen) {
  State& st = *state_;
  Renaming renaming;
  renaming.members = st.members_of(chosen);  // a story merged away since is left out
  for (const auto& [id, members] : renaming.members) {
    renaming.touched.insert(id);
    renaming.existed.insert(id);
  }
  CheckJob job;
  job.epoch = epoch_;
  job.stamp = st.stamp;
  if (renaming.touched.empty()) return job;
  BatchWork work;
  if (auto read = st.gather_texts(renaming, *store_, work); !read) {
    state_.reset();  // the stories taken still wait in the store
    return read.error();
  }
  for (const auto& [seq, article] : work.latest) st.kept.keep(seq, article);
  TouchedStories t = touched_stories(renaming, st.seq_of, st.duplicate_of, st.id_of, work);
  job.ids.assign(renaming.touched.begin(), renaming.touched.end());
  job.articles = std::move(t.pool);
  job.grouping = std::move(t.grouping);
  job.spans = std::move(t.span);
  job.members = std::move(renaming.members);
  return job;
}

std::vector<std::string> LiveStories::largest_stories(StorySizes sizes, size_t max_articles) const {
  std::vector<std::pair<size_t, std::string>> found;
  if (state_)
    for (const auto& [id, n] : state_->articles_in)
      if (sizes.contains(n)) found.emplace_back(n, id);
  std::sort(found.begin(), found.end(), [](const auto& x, const auto& y) {
    return x.first != y.first ? x.first > y.first : x.second < y.second;
  });
  std::vector<std::string> out;
  size_t articles = 0;
  for (auto& [n, id] : found) {
    if (articles + n > max_articles) break;
    articles += n;
    out.push_back(std::move(id));
  }
  return out;
}

Expected<CheckJob> LiveStories::warm_up(const std::string& id) {
  if (!state_)
    if (auto built = rebuild(); !built) return built.error();
  const State& st = *state_;
  if (st.unchecked_ids.count(id) || st.in_flight.count(id)) return CheckJob{};
  auto job = job_of({id});
  if (job) job->epoch = 0;  // never stored: store_checks takes nothing from it
  return job;
}

void LiveStories::read_ahead(const CheckJob& job) const {
  if (!job.empty()) pipeline_->read_ahead(job.articles, job.grouping, *analyses_);
}

void LiveStories::make_checks(CheckJob& job) const {
  if (job.empty()) return;
  const auto started = std::chrono::steady_clock::now();
  std::vector<CrossCheck> checks =
      pipeline_->cross_check(job.articles, job.grouping, analyses_.get());
  job.checked = checked_stories(job.ids, job.articles, job.grouping, job.spans, checks);
  job.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

void LiveStories::forget_checks(const CheckJob& job) {
  if (job.empty() || !state_ || job.epoch != epoch_) return;
  State& st = *state_;
  // Still unchecked in the store: waiting again, first (a story merged away since is left
  // out when taken).
  for (auto id = job.ids.rbegin(); id != job.ids.rend(); ++id) {
    st.in_flight.erase(*id);
    if (st.unchecked_ids.insert(*id).second) st.unchecked.push_front(*id);
  }
}

Expected<IngestSummary> LiveStories::store_checks(CheckJob job) {
  IngestSummary done;
  if (job.empty() || !state_ || job.epoch != epoch_) return done;
  State& st = *state_;
  for (const std::string& id : job.ids) st.in_flight.erase(id);
  store::BatchWrite write;
  write.base_generation = st.generation;
  write.at = clock_();
  std::vector<store::StoredStory*> overtaken;  // written by a batch since they were taken
  for (store::StoredStory& story : job.checked) {
    auto written = st.written_at.find(story.summary.id);
    if (written != st.written_at.end() && written->second > job.stamp) {
      overtaken.push_back(&story);
      continue;
    }
    done.updated.push_back(story.summary.id);
    write.stories.push_back(std::move(story));
  }
  // Of those, the stories that only grew: every article they had when taken is still theirs.
  std::set<std::string> overtaken_ids;
  for (const store::StoredStory* story : overtaken) overtaken_ids.insert(story->summary.id);
  const std::map<std::string, std::vector<size_t>> members_now =
      overtaken.empty() ? std::map<std::string, std::vector<size_t>>{}
                        : st.members_of(overtaken_ids);
  for (store::StoredStory* story : overtaken) {
    const std::string& id = story->summary.id;
    const auto now = members_now.find(id);
    const auto then = job.members.find(id);
    if (now == members_now.end() || then == job.members.end() ||
        !std::includes(now->second.begin(), now->second.end(), then->second.begin(),
                       then->second.end()))
      continue;
    story->report_only = true;
    done.updated.push_back(id);
    done.checked_behind.push_back(id);
    write.stories.push_back(std::move(*story));
  }
  if (write.stories.empty()) return done;
  write.counts.stories_touched = int64_t(write.stories.size());
  const auto started = std::chrono::steady_clock::now();
  auto generation = store_->apply(write);
  if (!generation) {
    state_.reset();  // rebuilt from the store before anything else: the stories still wait
    return generation.error();
  }
  done.seconds.cross_check = job.seconds;
  done.seconds.store =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  done.counts = write.counts;
  st.generation = *generation;
  ++st.stamp;
  for (const std::string& id : done.updated) st.written_at[id] = st.stamp;
  done.committed = *generation;
  return done;
}

}  // namespace recoupe::engine
