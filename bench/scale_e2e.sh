#!/usr/bin/env bash
# recoupe scaled out end to end, started as the README's "Scaled out" section says: a
# three-node nats-server cluster with JetStream (replicas 3) and a PostgreSQL 15 on loopback
# in temp folders, two `recoupe worker` processes, one `recoupe serve --bus --store`, then
# `recoupe ingest --bus` of the seeds and of a feed. Waits until the store holds every
# article the workers accept and every story is cross-checked, then reads it back through
# the API server as a client would: /healthz, the story listing, the seeds' story and its
# report. Prints one line per step with its time; exit 1 when a step fails. Everything is
# removed at the end.
#
#   bench/scale_e2e.sh [FEED...]     default: ../shared/data/scale/reuters21578.jsonl.zst and
#                                    bbc-news.jsonl.zst (20,143 articles)
#   environment: TIMEOUT=900 (s to wait for the store), LOGS=folder (keeps the logs)
#
# Needs nats-server and postgresql-15 (scripts/setup), build/recoupe, curl.
set -euo pipefail
cd "$(dirname "$0")/.."
feeds=("$@")
[ ${#feeds[@]} -gt 0 ] ||
  feeds=(../shared/data/scale/reuters21578.jsonl.zst ../shared/data/scale/bbc-news.jsonl.zst)
timeout=${TIMEOUT:-900}
work=$(mktemp -d /tmp/recoupe-e2e.XXXXXX)
pids=(); wpids=()
# shellcheck source=bench/nats_cluster.sh
. bench/nats_cluster.sh
# shellcheck source=bench/pg_server.sh
. bench/pg_server.sh
cleanup() {
  [ -z "${LOGS:-}" ] || { mkdir -p "$LOGS" && cp "$work"/*.log "$LOGS"/ 2>/dev/null || true; }
  for p in "${wpids[@]}" "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  stop_pg_server "$work"
  rm -rf "$work"
}
trap cleanup EXIT
started=$(date +%s.%N)
say() { printf '%7.1f s  %s\n' "$(echo "$(date +%s.%N) - $started" | bc)" "$*"; }
fail() { say "FAILED: $*"; exit 1; }
sql() { "$pg_bin/psql" -qtAX "$pg_store" -c "$1"; }

start_nats_cluster "$work"
start_pg_server "$work"
say "three NATS nodes and PostgreSQL up"
for w in 1 2; do
  build/recoupe worker --bus "$nats_urls" --store "$pg_store" >"$work/worker$w.log" 2>&1 &
  wpids+=($!)
done
port=$(free_port)
build/recoupe serve --bus "$nats_urls" --store "$pg_store" --port "$port" >"$work/serve.log" 2>&1 &
wpids+=($!)
api="http://127.0.0.1:$port"
for _ in $(seq 1 300); do curl -sf "$api/healthz" >/dev/null && break; sleep 0.2; done
curl -sf "$api/healthz" >/dev/null || fail "serve did not answer /healthz (serve.log: $(tail -2 "$work/serve.log"))"
say "two workers and serve up: $api"

build/recoupe ingest examples/vostochny --bus "$nats_urls" >"$work/ingest.log" 2>&1 ||
  fail "ingest of the seeds: $(tail -2 "$work/ingest.log")"
build/recoupe ingest "${feeds[@]}" --bus "$nats_urls" >>"$work/ingest.log" 2>&1 ||
  fail "ingest of the feed: $(tail -2 "$work/ingest.log")"
say "published: $(grep -c . "$work/ingest.log") lines of ingest output; $(tail -1 "$work/ingest.log")"

# Stored: the article count stops growing once the stream is drained (refused inputs, without
# text after cleaning, are never stored); then every story checked.
last=-1; still=0; deadline=$(($(date +%s) + timeout))
while [ "$(date +%s)" -lt "$deadline" ]; do
  n=$(sql "SELECT count(*) FROM articles" 2>/dev/null || echo 0)
  waiting=$(sql "SELECT count(*) FROM stories WHERE checked = 0" 2>/dev/null || echo 1)
  if [ "$n" = "$last" ] && [ "$waiting" = 0 ]; then still=$((still + 1)); else still=0; fi
  [ "$still" -ge 10 ] && break
  last=$n
  sleep 1
done
[ "$still" -ge 10 ] || fail "the store was still changing after ${timeout} s ($n articles)"
stories=$(sql "SELECT count(*) FROM stories")
say "stored: $n articles in $stories stories, none waiting for its cross-check"
distinct=$(sql "SELECT count(DISTINCT id) FROM articles")
[ "$distinct" = "$n" ] || fail "$n article rows for $distinct ids"
orphans=$(sql "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM memberships m WHERE m.article_seq = a.seq)")
[ "$orphans" = 0 ] || fail "$orphans articles in no story"

listing=$(curl -sf "$api/api/stories?limit=500") || fail "GET /api/stories"
listed=$(echo "$listing" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["stories"]))')
say "GET /api/stories: $listed stories on the first page"
seeds=$(curl -sf "$api/api/stories?q=Vostochny&limit=5") || fail "GET /api/stories?q=Vostochny"
id=$(echo "$seeds" | python3 -c 'import json,sys; s=json.load(sys.stdin)["stories"]; print(s[0]["id"] if s else "")')
[ -n "$id" ] || fail "no story found for q=Vostochny"
curl -sf "$api/api/stories/$id" >"$work/seeds.json" || fail "GET /api/stories/$id"
python3 - "$work/seeds.json" <<'PY' || fail "the seeds' story is not the five seeds, cross-checked"
import json, sys
story = json.load(open(sys.argv[1]))["stories"][0]
assert len(story["articles"]) == 5, story["articles"]
assert story.get("summary") and story.get("corroborated"), "no cross-check sections"
print(f"        the seeds' story: {story['title']!r}, 5 articles, "
      f"{len(story['summary'])} summary sentences, {len(story['corroborated'])} corroborated, "
      f"{len(story.get('disagreements', []))} disagreements")
PY
say "GET /api/stories/$id: the seeds' story, cross-checked"
for w in 1 2; do
  echo "        worker$w: $(grep -c '^position' "$work/worker$w.log" || true) batches, $(grep -c '^checked behind' "$work/worker$w.log" || true) steps of checks"
done
say "done"
