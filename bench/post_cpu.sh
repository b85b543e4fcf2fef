#!/usr/bin/env bash
# CPU time of `recoupe serve` per single-article POST: less sensitive to the machine's load
# than wall-clock figures, so two binaries can be compared on a shared VM.
#
#   [CONNECTIONS=N] bench/post_cpu.sh BINARY STORE.db FEED.jsonl [PORT]
#
# Copies STORE.db (left untouched), serves the copy, reads the server's CPU time (utime +
# stime, /proc/PID/stat), POSTs every record of FEED one a POST (bench/serve_load.py post,
# one POST after the other on each of CONNECTIONS connections, default 1: with more, POSTs
# that arrive while a batch is stored are stored together, server/group_commit.h), reads it
# again and prints CPU ms per POST with the load and the batches the server committed.
# Bounded: the feed's length (at most 600 s); the server is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:?BINARY}; store=${2:?STORE.db}; feed=${3:?FEED.jsonl}; port=${4:-18481}
work=$(mktemp -d /tmp/recoupe-postcpu.XXXXXX)
db=$work/copy.db
sqlite3 "$store" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
cp "$store" "$db"
"$bin" serve --db "$db" --port "$port" --token t >"$work/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 600); do
  grep -q serving "$work/serve.log" && break
  kill -0 $pid 2>/dev/null || { cat "$work/serve.log"; exit 1; }
  sleep 0.2
done
cpu() { awk '{print $14 + $15}' /proc/$pid/stat; }
t0=$(cpu)
n=$(grep -c . "$feed")
/usr/bin/python3 bench/serve_load.py post "http://127.0.0.1:$port" t "$feed" --rate 100 \
  --seconds 600 --connections "${CONNECTIONS:-1}" | sed -n 2p
t1=$(cpu)
ms=$(((t1 - t0) * 1000 / $(getconf CLK_TCK)))
batches=$(/usr/bin/python3 -c "import urllib.request as u; print(next((l.split()[1] for l in \
  u.urlopen('http://127.0.0.1:$port/metrics').read().decode().splitlines() \
  if l.startswith('recoupe_ingest_batches_total ')), '?'))")
echo "$bin: $n POSTs over ${CONNECTIONS:-1} connection(s) in $batches batches, server CPU $ms ms," \
  "$((ms / n)) ms a POST [load $(cut -d' ' -f1-3 /proc/loadavg)]"
