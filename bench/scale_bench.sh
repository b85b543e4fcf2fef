#!/usr/bin/env bash
# recoupe scaled out, measured end to end (docs/scale.md): a three-node nats-server cluster
# with JetStream (replicas 3) and a PostgreSQL 15 on loopback in temp folders, WORKERS
# `recoupe worker` processes (each cleans; one holds the lead and clusters), then
# build/scale_bench publishes the articles of FILES at RATE articles/s (0: as fast as the
# bus takes them) and prints the lag from publish to stored and the stored rate. The
# processes' CPU is printed after. Everything is removed at the end.
#
#   bench/scale_bench.sh RATE COUNT FILE... [WORKERS=2 THREADS=2 WORKER_ARGS="--linger 100"
#                                            LOGS=folder (keeps the workers' logs)
#                                            in the environment]
#   bench/scale_bench.sh 200 3000 ../shared/data/scale/reuters21578.jsonl.zst
#   bench/scale_bench.sh 0 20000 ../shared/data/scale/{reuters21578,bbc-news}.jsonl.zst
#
# Needs nats-server and postgresql-15 (scripts/setup) and build/recoupe, build/scale_bench.
set -euo pipefail
cd "$(dirname "$0")/.."
rate=$1; count=$2; shift 2
workers=${WORKERS:-2}; threads=${THREADS:-2}
[ -x build/scale_bench ] || cmake --build build --target scale_bench >/dev/null
work=$(mktemp -d /tmp/recoupe-scale.XXXXXX)
pids=(); wpids=()
# shellcheck source=bench/nats_cluster.sh
. bench/nats_cluster.sh
# shellcheck source=bench/pg_server.sh
. bench/pg_server.sh
cleanup() {
  for p in "${wpids[@]}" "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  stop_pg_server "$work"
  rm -rf "$work"
}
trap cleanup EXIT
start_nats_cluster "$work"
bus=$nats_urls
start_pg_server "$work"
store=$pg_store
for w in $(seq 1 "$workers"); do
  # shellcheck disable=SC2086 # WORKER_ARGS: several words
  build/recoupe worker --bus "$bus" --store "$store" --threads "$threads" ${WORKER_ARGS:-} \
    >"$work/worker$w.log" 2>&1 &
  wpids+=($!)
done
sleep 3
echo "load before: $(uptime)"
build/scale_bench --bus "$bus" --store "$store" --rate "$rate" --count "$count" "$@" || true
echo "load after: $(uptime)"
# With checks behind the batches (recoupe worker --checks later, the default), the stories
# stored are cross-checked after: how many still waited when the last article was stored,
# and how long the clusterer took to check them all.
waiting() { psql -qtAX "$store" -c "select count(*) from stories where checked = 0" 2>/dev/null || echo "?"; }
left=$(waiting); started=$(date +%s.%N)
while [ "$(waiting)" != 0 ] && [ "$(echo "$(date +%s.%N) - $started < 600" | bc)" = 1 ]; do sleep 0.2; done
echo "stories waiting for their cross-check when the last article was stored: $left;" \
  "all checked $(echo "$(date +%s.%N) - $started" | bc | xargs printf '%.1f') s later (still waiting: $(waiting))"
ticks=$(getconf CLK_TCK)
cpu() { awk -v t="$ticks" '{print ($14 + $15) / t}' "/proc/$1/stat" 2>/dev/null || echo 0; }
for w in $(seq 1 "$workers"); do echo "worker$w CPU s: $(cpu "${wpids[$((w - 1))]}") ($(grep -c '^position' "$work/worker$w.log" || true) batches stored)"; done
for i in 0 1 2; do echo "nats n$((i + 1)) CPU s: $(cpu "${pids[$i]}")"; done
# Where the clusterer's time went: the sums over its batches (worker "position" lines).
cat "$work"/worker*.log | awk '/^position/ { gsub(/[(),:]/, " "); n++; p += $4; c += $7; s += $10 }
  END { if (n) printf "clusterer: %d batches; place %.1f s, cross-check %.1f s, store %.1f s\n", n, p, c, s }'
cat "$work"/worker*.log | awk '/^checked behind/ { gsub(/[(),:]/, " "); n++; k += $3; c += $6; s += $9 }
  END { if (n) printf "checks behind: %d steps, %d stories; cross-check %.1f s, store %.1f s\n", n, k, c, s }'
if [ -n "${LOGS:-}" ]; then mkdir -p "$LOGS" && cp "$work"/worker*.log "$LOGS"/; fi
