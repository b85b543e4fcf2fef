// ServeConfig: how `recoupe serve` writes what it is sent. Section "serve" of the engine
// config (docs/config.md); a plain struct with no code, so the engine's config loader reads
// it without depending on the server.
#pragma once

namespace recoupe::server {

struct ServeConfig {
  // Group commit (server/group_commit.h): POSTs that arrive while a batch is being stored
  // wait, and are then stored together as one batch (one cleaning pass, each touched story
  // cross-checked once, one transaction). A group takes waiting POSTs, oldest first, while
  // its articles stay within this count; a larger POST is stored alone.
  long group_max_articles = 200;
  // The same bound on the group's documents in bytes (their raw content, HTML included):
  // 16 MB.
  long group_max_bytes = 16777216;
  // The request threads' niceness above the writer's (0..19; Linux: per thread): readers
  // and the writer share the cores, and a niced reader yields to the writer, so articles go
  // in faster while reads slow down a little. 0: all at the process's own priority.
  long request_thread_nice = 0;
  // A story update in two steps (engine/live_stories.h, "Two steps"): a POST is answered
  // once its articles are stored, each touched story marked unchecked with its last report,
  // and a checker thread cross-checks the waiting stories while POSTs go on being placed,
  // once for all the articles that joined a story meanwhile. false: every batch
  // cross-checks its stories before it is stored and answered (one step; slower under load).
  bool check_after_answer = true;
  // Stories the checker cross-checks in one step, stored in one transaction: more makes
  // fewer transactions and events, fewer lets each story's report come sooner.
  long check_stories_per_step = 8;
  // Stories of at least this many articles are cross-checked by checker threads of their
  // own (large_story_checkers), one story a step each, the others by one thread, the longest
  // waiting first in each: a large story's check takes tens to hundreds of milliseconds (it
  // grows faster than its article count), and in a step shared with small stories it held
  // their reports as long. The small-story thread takes one large story a step when no small
  // one waits, rather than idle while they queue. 0: one checker thread for all stories.
  long large_story_articles = 40;
  // Checker threads for the large stories. After a start they fill the analyses of the
  // stored large stories, the largest first, while nothing waits for them: a large story's
  // first check otherwise analyses all its articles again. One on two cores: two took both
  // cores whenever two large stories waited, and the small stories, the POSTs and the reads
  // waited behind them.
  long large_story_checkers = 1;
};

}  // namespace recoupe::server
