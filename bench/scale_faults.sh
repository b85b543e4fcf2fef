#!/usr/bin/env bash
# recoupe scaled out under faults (issue 15, docs/scale.md): the same COUNT articles are
# published at RATE articles/s into fresh servers (a three-node nats-server cluster with
# JetStream, replicas 3, and a PostgreSQL 15, in temp folders) and two `recoupe worker`
# processes, CLEAN_RUNS times without a fault, then once with these faults, at FAULTS'
# percentages of the publishing time:
#   analysis   kill -9 the worker that does not hold the lead (it only cleans), start it again
#   clusterer  kill -9 the worker holding the lead (it places, cross-checks and stores: the
#              cross-check runs in the clusterer's process, so this is also the cross-check
#              worker's death, with the stories it had left unchecked), start it again
#   nats       kill -9 the nats-server leading the stream RECOUPE_CLEANED, start it again
#              on its config and store folder
#   postgres   pg_ctl restart -m immediate (a crash: no checkpoint)
# Each run waits until every input article is stored (at most TIMEOUT s after the last
# publish; FAILED says what is missing: an input the workers refuse, without text after
# cleaning, counts as missing), then dumps the store: the partition (one line per
# story: its article ids, sorted), the ids in the order they were placed, the counts, and
# whether a replay of the store comes back to its stories (build/replay_check). bench/scale_faults_report.py prints the
# comparison: lost, duplicated, the partition against the first clean run, recovery times.
#
#   bench/scale_faults.sh [COUNT [FILE...]]
#   bench/scale_faults.sh 10000 /work/shared/data/scale/reuters21578.jsonl.zst
#   environment: RATE=150 THREADS=2 CLEAN_RUNS=2 TIMEOUT=900 SETTLE=40 OUT=folder
#                WORKER_ARGS="--checks in-batch" (more options of every worker)
#                FAULTS="analysis:15 clusterer:30 nats:45 postgres:60"
#
# Everything (worker logs with a time stamp per line, events, dumps) stays in OUT (default
# a new /tmp/recoupe-faults.*); the servers' folders are removed. Exit 1 when a run did not
# store everything. Needs nats-server, postgresql-15, build/recoupe, build/scale_bench, build/replay_check.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
[ $# -gt 0 ] && shift
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(../shared/data/scale/reuters21578.jsonl.zst)
rate=${RATE:-150}; threads=${THREADS:-2}; clean_runs=${CLEAN_RUNS:-2}
timeout=${TIMEOUT:-900}; settle=${SETTLE:-40}
faults=${FAULTS:-analysis:15 clusterer:30 nats:45 postgres:60}
out=${OUT:-$(mktemp -d /tmp/recoupe-faults.XXXXXX)}
mkdir -p "$out"
for b in recoupe scale_bench replay_check; do
  [ -x "build/$b" ] || cmake --build build --target "$b" >/dev/null
done
# shellcheck source=bench/nats_cluster.sh
. bench/nats_cluster.sh
# shellcheck source=bench/pg_server.sh
. bench/pg_server.sh

work=""; dir=""; bus=""; bench_pid=""
pids=(); wpids=()
stop_servers() {
  local p
  for p in "${wpids[@]}" "${pids[@]}" $bench_pid; do
    kill -9 "$p" 2>/dev/null || true
    wait "$p" 2>/dev/null || true
  done
  wpids=(); pids=(); bench_pid=""
  if [ -n "$work" ]; then stop_pg_server "$work"; rm -rf "$work"; fi
  work=""
}
trap stop_servers EXIT

now() { echo "$EPOCHREALTIME"; }
stamp() {  # each line read, with the time it came
  local line
  while IFS= read -r line; do printf '%s %s\n' "$EPOCHREALTIME" "$line"; done
}
event() { echo "$(now) $*" >>"$dir/events"; echo "  $(date -u +%T) $*"; }
psql_at() { "$pg_bin/psql" -qAt -F ' ' "$pg_store" -c "$1"; }

# start_worker I: worker I (1 or 2), its stdout and stderr stamped and added to its log.
start_worker() {
  local i=$1
  # shellcheck disable=SC2086 # WORKER_ARGS: several words
  stdbuf -oL build/recoupe worker --bus "$bus" --store "$pg_store" --threads "$threads" \
    ${WORKER_ARGS:-} > >(stamp >>"$dir/worker$i.log") 2>&1 &
  wpids[i]=$!
}

# The worker whose log last said it holds the lead (and is alive); empty while none does.
leader() {
  local i last
  for i in 1 2; do
    last=$(grep -E 'holds the lead|standing by' "$dir/worker$i.log" | tail -n 1 || true)
    if [[ $last == *"holds the lead"* ]] && kill -0 "${wpids[i]}" 2>/dev/null; then
      echo "$i"
      return
    fi
  done
}

kill_worker() {  # kill_worker analysis|clusterer
  local role=$1 lead i locks
  for _ in $(seq 1 100); do lead=$(leader); [ -n "$lead" ] && break; sleep 0.1; done
  if [ -z "$lead" ]; then event "$role: no worker holds the lead, skipped"; return; fi
  i=$lead
  [ "$role" = analysis ] && i=$((3 - lead))
  locks=$(psql_at "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted" \
    2>/dev/null || echo '?')
  kill -9 "${wpids[i]}"
  wait "${wpids[i]}" 2>/dev/null || true
  event "$role: killed worker$i (pid ${wpids[i]}; the lead: worker$lead; advisory locks held: $locks)"
  sleep 2
  start_worker "$i"
  event "$role: started worker$i again (pid ${wpids[i]})"
}

# The node whose log last announced itself the leader of RECOUPE_CLEANED (its lines start
# with "[pid] YYYY/MM/DD hh:mm:ss.us"); n1 when none did.
cleaned_stream_leader() {
  local n best="" node=n1 line
  for n in n1 n2 n3; do
    line=$(grep -h "new stream leader for '.* > RECOUPE_CLEANED'" "$work/$n/server.log" | tail -n 1 || true)
    line=${line#*] }
    if [ -n "$line" ] && [[ ${line:0:26} > $best ]]; then best=${line:0:26}; node=$n; fi
  done
  echo "$node"
}

kill_nats_node() {
  local n i
  n=$(cleaned_stream_leader); i=$((${n#n} - 1))
  kill -9 "${pids[i]}"
  wait "${pids[i]}" 2>/dev/null || true
  event "nats: killed $n (pid ${pids[i]}, leading RECOUPE_CLEANED)"
  sleep 5
  "$nats_server" -c "$work/$n/server.conf" >>"$work/$n/server.log" 2>&1 &
  pids[i]=$!
  event "nats: started $n again (pid ${pids[i]})"
}

inject_faults() {  # at each FAULTS percentage of the publishing time, from its start
  local begin=$1 f kind at
  for f in $faults; do
    kind=${f%%:*}; at=${f#*:}
    sleep "$(python3 -c "import time; print(max(0, $begin + $at / 100 * $count / $rate - time.time()))")"
    case $kind in
      analysis | clusterer) kill_worker "$kind" ;;
      nats) kill_nats_node ;;
      postgres) event "postgres: restart -m immediate"; restart_pg_server "$work"
                event "postgres: up again" ;;
      *) echo "unknown fault $kind (analysis, clusterer, nats, postgres)" >&2; return 1 ;;
    esac
  done
}

# Waits until the store holds WANT articles, then SETTLE s more (a message whose ack was
# lost comes back after the ack wait, 30 s: time for a late duplicate to show up).
wait_stored() {  # wait_stored WANT SETTLE
  local want=$1 settle=$2 deadline=$(($(date +%s) + timeout)) have=0
  while :; do
    have=$(psql_at "SELECT count(*) FROM articles" 2>/dev/null || echo "$have")
    [ "$have" -ge "$want" ] && break
    if [ "$(date +%s)" -ge "$deadline" ]; then
      event "FAILED: $have of $want articles stored ${timeout} s after the last publish"
      for i in 1 2; do echo "  worker$i, last lines:"; tail -n 5 "$dir/worker$i.log"; done
      return 1
    fi
    sleep 1
  done
  event "stored: $have of $want articles"
  [ "$settle" = 0 ] || { sleep "$settle"; event "after ${settle} s more: $(psql_at "SELECT count(*) FROM articles") articles"; }
}

dump_store() {
  psql_at "SELECT string_agg(a.id, ' ' ORDER BY a.id) FROM memberships m
           JOIN articles a ON a.seq = m.article_seq GROUP BY m.story_id ORDER BY 1" >"$dir/partition"
  psql_at "SELECT id FROM articles ORDER BY seq" >"$dir/placed.ids"  # the order placed
  psql_at "SELECT json_build_object(
      'articles', (SELECT count(*) FROM articles),
      'distinct_ids', (SELECT count(DISTINCT id) FROM articles),
      'memberships', (SELECT count(*) FROM memberships),
      'without_story', (SELECT count(*) FROM articles a WHERE NOT EXISTS
                          (SELECT 1 FROM memberships m WHERE m.article_seq = a.seq)),
      'revisions', (SELECT count(*) FROM article_revisions),
      'max_revision', (SELECT coalesce(max(revision), 0) FROM articles),
      'stories', (SELECT count(*) FROM stories),
      'unchecked', (SELECT count(*) FROM stories WHERE checked = 0),
      'batches', (SELECT count(*) FROM batches),
      'log_position', (SELECT coalesce(max(log_position), 0) FROM batches))" >"$dir/counts.json"
  # Does a clusterer starting now (replaying the store) come back to the stored stories?
  build/replay_check --store "$pg_store" >"$dir/replay.json" || true
}

run() {  # run NAME WITH_FAULTS
  local name=$1 with_faults=$2 begin ok=0
  dir="$out/$name"; rm -rf "$dir"; mkdir -p "$dir"
  echo "$name: $count articles at $rate/s, THREADS=$threads"
  work=$(mktemp -d /tmp/recoupe-faults-servers.XXXXXX)
  start_nats_cluster "$work"
  bus=$nats_urls
  start_pg_server "$work"
  start_worker 1; start_worker 2
  sleep 3
  echo "$(now) $(uptime)" >"$dir/load"
  begin=$(now)
  event "publishing"
  build/scale_bench --bus "$bus" --store "$pg_store" --rate "$rate" --count "$count" "${files[@]}" \
    >"$dir/scale_bench.json" 2>"$dir/scale_bench.err" &
  bench_pid=$!
  [ "$with_faults" = 0 ] || inject_faults "$begin"
  wait "$bench_pid" || true
  bench_pid=""
  event "scale_bench done: $(cat "$dir/scale_bench.json")"
  [ ! -s "$dir/scale_bench.err" ] || { echo "  scale_bench said:"; head -n 5 "$dir/scale_bench.err"; }
  wait_stored "$(wc -l <"$out/published.ids")" "$((with_faults ? settle : 0))" || ok=1
  echo "$(now) $(uptime)" >>"$dir/load"
  dump_store
  stop_servers
  return $ok
}

# The ids of the input: the first COUNT records of the files, in order.
for f in "${files[@]}"; do zstd -dcf "$f"; done |
  python3 -c 'import json, sys, itertools
for line in itertools.islice(sys.stdin, int(sys.argv[1])): print(json.loads(line)["id"])
sys.stdin.read()' "$count" >"$out/published.ids"
echo "results in $out; $(wc -l <"$out/published.ids") articles; load: $(uptime)"
status=0
for r in $(seq 1 "$clean_runs"); do run "clean$r" 0 || status=1; done
run faults 1 || status=1
python3 bench/scale_faults_report.py "$out" | tee "$out/report.md"
exit $status
