#!/usr/bin/env bash
# The store's cost per article, SQLite against PostgreSQL: `recoupe ingest` of a JSONL set
# into an SQLite file and into a PostgreSQL 15 started here (a temporary folder, loopback,
# default settings: fsync on), first in batches of BATCH lines (one `recoupe ingest` process
# each, as a writer that commits as articles arrive), then the whole set as one batch. Prints
# the wall and CPU time of the recoupe processes and, for PostgreSQL, the CPU time of the
# server's processes, in total and per article. Both runs do the same analysis and
# clustering, so the difference between them is the difference of the stores.
#   bench/store_cost.sh SET.jsonl [BATCH]      (BATCH: 10 by default)
# Needs build/recoupe and Debian's postgresql-15 (scripts/setup); run as root, the server
# runs as the user postgres.
set -euo pipefail
cd "$(dirname "$0")/.."
set_file=${1:?usage: bench/store_cost.sh SET.jsonl [BATCH]}
batch=${2:-10}
bin=/usr/lib/postgresql/15/bin
recoupe=$PWD/build/recoupe
articles=$(wc -l <"$set_file")

dir=$(mktemp -d /tmp/recoupe-store-cost-XXXXXX)
as_pg=()
if [ "$(id -u)" = 0 ]; then
  chown postgres: "$dir"
  as_pg=(setpriv --reuid=postgres --regid=postgres --clear-groups)
fi
port=$((20000 + RANDOM % 20000))
stop() {
  (cd "$dir" && "${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1) || true
  rm -rf "$dir"
}
trap stop EXIT
(cd "$dir" && "${as_pg[@]}" "$bin/initdb" -D "$dir/data" -U recoupe --auth=trust -E UTF8 \
  --locale=C.UTF-8 >"$dir/initdb.log")
(cd "$dir" && "${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null)
url() { echo "postgresql://recoupe@127.0.0.1:$port/$1"; }
"$bin/psql" -q "$(url postgres)" -c "CREATE DATABASE batches" -c "CREATE DATABASE one"
# The schema first (an ingest of an empty file opens the store read-write): not counted.
: >"$dir/empty.jsonl"
for store in "$dir/batches.db" "$dir/one.db" "$(url batches)" "$(url one)"; do
  "$recoupe" ingest "$dir/empty.jsonl" --store "$store" >/dev/null 2>&1 || true
done

# CPU seconds of the server: the postmaster, its finished children (backends of closed
# connections) and its running ones (checkpointer, WAL writer…).
server_cpu() {
  local master ticks=0 pid f
  master=$(head -n 1 "$dir/data/postmaster.pid")
  for pid in $master $(pgrep -P "$master"); do
    f=($(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null)) || continue
    # After "(comm) ": state is field 0; utime, stime, cutime, cstime are 11..14.
    ticks=$((ticks + f[11] + f[12] + f[13] + f[14]))
  done
  echo "scale=2; $ticks / $(getconf CLK_TCK)" | bc
}

chunks=$dir/chunks
mkdir -p "$chunks"
split -l "$batch" -d -a 4 "$set_file" "$chunks/part-"
for f in "$chunks"/part-*; do mv "$f" "$f.jsonl"; done

# One run: `recoupe ingest` of each input given into STORE; prints wall, user+sys of recoupe.
run() {
  local store=$1
  shift
  local start end cpu=0 t
  start=$(date +%s.%N)
  for input in "$@"; do
    # Exit code 1 (some inputs refused, the rest stored) is a normal run here.
    t=$( { /usr/bin/time -f "%U %S" "$recoupe" ingest "$input" --store "$store" >/dev/null ||
      true; } 2>&1 | tail -n 1)
    cpu=$(echo "$cpu + ${t% *} + ${t#* }" | bc)
  done
  end=$(date +%s.%N)
  echo "$(echo "$end - $start" | bc) $cpu"
}

report() {
  local name=$1 wall=$2 cpu=$3 server=${4:-}
  printf '%-34s wall %7.2f s (%6.2f ms/article)  recoupe cpu %7.2f s' "$name" "$wall" \
    "$(echo "$wall * 1000 / $articles" | bc -l)" "$cpu"
  [ -n "$server" ] && printf '  postgres cpu %6.2f s (%5.2f ms/article)' "$server" \
    "$(echo "$server * 1000 / $articles" | bc -l)"
  echo
}

echo "store_cost: $articles articles of $set_file; load: $(uptime | sed 's/.*load average: //')"
parts=("$chunks"/part-*.jsonl)
read -r wall cpu < <(run "$dir/batches.db" "${parts[@]}")
report "sqlite, batches of $batch" "$wall" "$cpu"
before=$(server_cpu)
read -r wall cpu < <(run "$(url batches)" "${parts[@]}")
report "postgresql, batches of $batch" "$wall" "$cpu" "$(echo "$(server_cpu) - $before" | bc)"
read -r wall cpu < <(run "$dir/one.db" "$set_file")
report "sqlite, one batch" "$wall" "$cpu"
before=$(server_cpu)
read -r wall cpu < <(run "$(url one)" "$set_file")
report "postgresql, one batch" "$wall" "$cpu" "$(echo "$(server_cpu) - $before" | bc)"
echo "load after: $(uptime | sed 's/.*load average: //')"
