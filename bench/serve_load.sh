#!/usr/bin/env bash
# Load on loopback for `recoupe serve` (issue 13, "Reliability"): ingest throughput, story
# reads alone and while articles are posted, and the delay of Server-Sent Events.
#
#   bench/serve_load.sh [BUILD_DIR] [WORK_DIR]
#
# Needs wrk (Debian package `wrk`), zstd and /usr/bin/python3; the data of ../shared/data.
# Every step is bounded (wrk -d, the generator's --seconds); the server is stopped at the end.
# Environment: STORE_ARTICLES (reuters articles added to the store, default 8000), READ_SECONDS
# (10), CONNECTIONS (8: the server has 16 request threads, an SSE stream and the generator
# need theirs), POST_RATE (100 articles/s), POST_MODES (how that rate is offered, runs of
# BATCH:CONNECTIONS: default "1:1 1:4 10:2", one article a POST from one client, which
# sends the next only once the last is answered, so its rate is its own as much as the
# server's; then one article a POST from four clients on the schedule, as several feed
# readers would; then batches of 10 every 0.1 s from two clients), PORT (18471), LARGE
# (40: the story size printed apart, as serve.large_story_articles), STORE (an existing
# store to copy
# instead of steps 1-2: a store left by an earlier run, so two binaries read the same),
# FEED_SKIP (feed records already in that store: step 4 starts after them), SERVE_CONFIG (a
# config file given to `recoupe serve --config`, e.g. {"serve": {"request_thread_nice": 5}}),
# READ_RATE (requests/s that each wrk run offers, paced by bench/paced.lua; unset: as many as
# the server answers, which takes the CPU the ingest would have).
#
# Steps, each printed with the machine's load (uptime) beside it:
#  1. `recoupe ingest` of rpm2-fr-dev + ecbplus-dev (970 articles), then of STORE_ARTICLES
#     Reuters articles (one big file: articles/s with the full analysis), then of one article
#     into that store (the replay of the stored articles that every `recoupe ingest` pays).
#  2. `recoupe serve` on it; POST bbc-news (2,127 articles) in batches of 500: articles/s.
#  3. wrk, 1 thread: GET /api/stories/{id} over every story id, then GET /api/stories.
#  4. The same two while serve_load.py offers the next Reuters articles (the wire as it went
#     on) at POST_RATE/s, once per POST_MODES entry, with an SSE subscriber listening:
#     reads/s and p99, the rate reached, POST latency and the SSE delay. Each POST's times
#     are kept in WORK/posts-BATCH-CONNECTIONS.jsonl (serve_load.py --details), and the
#     delay to a report holding the POST's articles is printed apart for the POSTs into
#     large stories (LARGE, default 40 as serve.large_story_articles, or more articles at the
#     end).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
WORK=${2:-$(mktemp -d /tmp/recoupe-load.XXXXXX)}
DATA=../shared/data
STORE_ARTICLES=${STORE_ARTICLES:-8000}
READ_SECONDS=${READ_SECONDS:-10}
CONNECTIONS=${CONNECTIONS:-8}
POST_RATE=${POST_RATE:-100}
POST_MODES=${POST_MODES:-1:1 1:4 10:2}
PORT=${PORT:-18471}
TOKEN=load-token
URL=http://127.0.0.1:$PORT
PY=/usr/bin/python3
RECOUPE=$BUILD/recoupe

for tool in wrk zstd $PY; do
  command -v "$tool" >/dev/null || { echo "serve_load: $tool is missing (apt-get install wrk zstd python3)"; exit 2; }
done
mkdir -p "$WORK"
echo "serve_load: work folder $WORK, $(nproc) cores, $($RECOUPE --version)"
load() { echo "  [load: $(uptime | sed 's/.*load average: //'), $(nproc) cores]"; }
seconds() { # seconds CMD...: runs CMD, prints its wall time in seconds (its output: last.log)
  local t0 t1 rc=0
  t0=$(date +%s.%N)
  "$@" >"$WORK/last.log" 2>&1 || rc=$?
  t1=$(date +%s.%N)
  # 1: some inputs were refused (counted in the output, not fatal); anything else fails.
  if [ $rc -ne 0 ] && [ $rc -ne 1 ]; then cat "$WORK/last.log" >&2; return 1; fi
  echo "$t1 - $t0" | bc -l | xargs printf '%.2f'
}

# The store: the two dev sets and the first STORE_ARTICLES of the Reuters wire (1987); the
# live feed: the wire's next articles, in its order, as they would have come in.
zstd -dcq "$DATA/scale/reuters21578.jsonl.zst" >"$WORK/reuters_all.jsonl"
head -n "$STORE_ARTICLES" "$WORK/reuters_all.jsonl" >"$WORK/reuters.jsonl"
tail -n +"$((STORE_ARTICLES + 1))" "$WORK/reuters_all.jsonl" >"$WORK/feed.jsonl"
zstd -dcq "$DATA/scale/bbc-news.jsonl.zst" >"$WORK/bbc.jsonl"
zstd -dcq "$DATA/scale/isot-reuters-true.jsonl.zst" >"$WORK/isot.jsonl"
sed -n '1s/"id": "/"id": "replay-probe-/p' "$WORK/isot.jsonl" >"$WORK/one.jsonl"
DB=$WORK/load.db
rm -f "$DB" "$DB-wal" "$DB-shm"

if [ -n "${STORE:-}" ]; then
  echo "== 1. skipped: the store is a copy of $STORE"
  sqlite3 "$STORE" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
  cp "$STORE" "$DB"
else
  echo "== 1. recoupe ingest (full analysis: cleaning, placing, cross-checking the touched stories)"
  s=$(seconds "$RECOUPE" ingest "$DATA/clustering/rpm2-fr-dev.jsonl" "$DATA/clustering/ecbplus-dev.jsonl" --db "$DB")
  echo "  rpm2-fr-dev + ecbplus-dev (970) into an empty store: $s s, $(echo "970 / $s" | bc) articles/s"
  echo "    $(tail -n 1 "$WORK/last.log")"; load
  n=$(wc -l <"$WORK/reuters.jsonl")
  s=$(seconds "$RECOUPE" ingest "$WORK/reuters.jsonl" --db "$DB")
  echo "  $n reuters articles (one file) into that store: $s s, $(echo "$n / $s" | bc) articles/s"
  echo "    $(tail -n 1 "$WORK/last.log")"; load
  s=$(seconds "$RECOUPE" ingest "$WORK/one.jsonl" --db "$DB")
  articles=$(sqlite3 "$DB" 'SELECT count(*) FROM articles' 2>/dev/null || echo "?")
  echo "  one article into the store of $articles articles (replay of the store + 1): $s s"; load
fi

echo "== 2. recoupe serve; POST bbc-news (2,127) in batches of 500"
t0=$(date +%s.%N)
"$RECOUPE" serve --db "$DB" --port "$PORT" --token "$TOKEN" ${SERVE_CONFIG:+--config "$SERVE_CONFIG"} \
  >"$WORK/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 1200); do
  grep -q "serving" "$WORK/serve.log" && break
  kill -0 $SERVER 2>/dev/null || { cat "$WORK/serve.log"; exit 1; }
  sleep 0.1
done
echo "  serving after $(echo "$(date +%s.%N) - $t0" | bc -l | xargs printf '%.1f') s (start: replay of the store)"
if [ -z "${STORE:-}" ]; then
  $PY bench/serve_load.py batches "$URL" "$TOKEN" "$WORK/bbc.jsonl" --batch 500 | tail -n 1; load
fi

$PY bench/serve_load.py ids "$URL" "$WORK/story_ids.lua"
read_figures() { # read_figures LABEL: the two wrk runs
  local label=$1
  wrk -t1 -c"$CONNECTIONS" -d"${READ_SECONDS}s" --latency -s "$WORK/story_ids.lua" "$URL" >"$WORK/wrk_story.txt"
  wrk -t1 -c"$CONNECTIONS" -d"${READ_SECONDS}s" --latency -s bench/paced.lua "$URL/api/stories" >"$WORK/wrk_list.txt"
  for f in story list; do
    local what="GET /api/stories/{id}"
    [ $f = list ] && what="GET /api/stories     "
    echo "  $label $what: $(grep 'Requests/sec' "$WORK/wrk_$f.txt" | awk '{print $2}') req/s," \
      "p50 $(grep ' 50%' "$WORK/wrk_$f.txt" | awk '{print $2}')," \
      "p99 $(grep ' 99%' "$WORK/wrk_$f.txt" | awk '{print $2}')," \
      "$(grep -E 'Non-2xx|Socket errors' "$WORK/wrk_$f.txt" | tr '\n' ' ' || true)"
  done
}

export READ_RATE=${READ_RATE:-}
echo "== 3. reads alone (wrk -t1 -c$CONNECTIONS -d${READ_SECONDS}s${READ_RATE:+, paced at $READ_RATE requests/s})"
read_figures "alone:"; load

# 4. One run per entry of POST_MODES ("BATCH:CONNECTIONS"): the same article rate offered
# as POSTs of BATCH articles (a feed watcher posts JSONL batches; 1: one article a POST),
# sent by CONNECTIONS clients on the schedule (open loop when more than one). Each run
# posts the feed's next articles.
skip=${FEED_SKIP:-0}
for mode in $POST_MODES; do
  batch=${mode%%:*}; conns=${mode##*:}
  echo "== 4. reads while $POST_RATE articles/s are offered ($batch a POST, $conns connection(s)), SSE subscriber listening"
  tail -n +$((skip + 1)) "$WORK/feed.jsonl" >"$WORK/feed_now.jsonl"
  $PY bench/serve_load.py post "$URL" "$TOKEN" "$WORK/feed_now.jsonl" --rate "$POST_RATE" \
    --batch "$batch" --connections "$conns" --seconds $((2 * READ_SECONDS + 4)) \
    --details "$WORK/posts-$batch-$conns.jsonl" >"$WORK/post.txt" 2>&1 &
  POSTER=$!
  sleep 1
  read_figures "while posting:"
  wait $POSTER || echo "  (the generator reported failures)"
  sed 's/^/  /' "$WORK/post.txt"
  $PY bench/serve_load.py split "$WORK/posts-$batch-$conns.jsonl" "$DB" --large "${LARGE:-40}" |
    sed 's/^/  /'
  load
  # The checker's account so far: stories checked and stored, checks dropped because a batch
  # wrote their story meanwhile, stories still waiting.
  curl -s "$URL/metrics" | grep -E '^recoupe_(cross_check|stories_unchecked)' | sed 's/^/  /'
  skip=$((skip + $(grep -o '^posted [0-9]*' "$WORK/post.txt" | awk '{print $2}')))
done
