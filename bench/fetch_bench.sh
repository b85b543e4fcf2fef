#!/usr/bin/env bash
# The watcher against loopback news sites (bench/fetch_sites.py): pages fetched, cleaned and
# stored per second by `recoupe watch --once`, its peak memory, the same pages read by
# `recoupe fetch` (one feed after the other, printed, not stored) as the baseline, and the
# hostile-case table (each case beside a good feed: its outcome, message and time).
#
#   bench/fetch_bench.sh [BINARY] [SITES]      # defaults: build/recoupe, 8
#
# Articles: ../shared/data/clustering/{ecbplus-dev,rpm2-fr-dev,newswcl50}.jsonl (1,022
# pages, spread over SITES sites). Loopback only; everything is removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-build/recoupe}"); sites=${2:-8}
data=../shared/data/clustering
work=$(mktemp -d /tmp/recoupe-fetchbench.XXXXXX)
python3 bench/fetch_sites.py "$work" "$sites" "$data/ecbplus-dev.jsonl" "$data/rpm2-fr-dev.jsonl" \
  "$data/newswcl50.jsonl" >"$work/sites.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 300); do grep -q ready "$work/sites.log" && break; sleep 0.1; done
pages=$(awk '/ready/ {print $2}' "$work/sites.log")
cat >"$work/config.json" <<JSON
{"fetch": {"per_host_delay_ms": 0, "total_timeout_ms": 5000, "max_body_bytes": 4194304},
 "watch": {"pages_per_batch": 50}}
JSON
echo "load before: $(uptime)"
echo "== recoupe watch --once: $pages pages on $sites sites, fetched, cleaned and stored"
/usr/bin/time -v "$bin" watch --once --sources "$work/sources.txt" --db "$work/news.db" \
  --config "$work/config.json" >"$work/watch.out" 2>"$work/watch.err" || true
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/watch.err")
rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/watch.err")
stored=$(sqlite3 "$work/news.db" 'SELECT count(*) FROM articles')
stories=$(sqlite3 "$work/news.db" 'SELECT count(*) FROM stories')
secs=$(python3 -c "t='$wall'.split(':'); print(sum(float(x) * 60 ** i for i, x in enumerate(reversed(t))))")
echo "wall $wall, peak RSS $((rss / 1024)) MB, $stored articles in $stories stories stored"
python3 -c "print(f'pages/s (fetch + clean + store): {$pages / $secs:.1f}')"
echo "== the same again (a second --once run on the same store: nothing new)"
/usr/bin/time -v "$bin" watch --once --sources "$work/sources.txt" --db "$work/news.db" \
  --config "$work/config.json" >/dev/null 2>"$work/again.err" || true
again=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/again.err")
fetched=$(grep -oE '[0-9]+ new, [0-9]+ pages stored' "$work/again.err" | awk '{s += $3} END {print s + 0}')
echo "wall $again, $fetched pages fetched again (the feeds are read, their stored entries skipped)"
echo "== baseline: recoupe fetch of the same feeds (sequential, printed to /dev/null)"
urls=$(awk '{print $1}' "$work/sources.txt" | tr '\n' ' ')
/usr/bin/time -v "$bin" fetch $urls --delay-ms 0 >/dev/null 2>"$work/fetch.err" || true
fwall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/fetch.err")
frss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/fetch.err")
fsecs=$(python3 -c "t='$fwall'.split(':'); print(sum(float(x) * 60 ** i for i, x in enumerate(reversed(t))))")
python3 -c "print(f'recoupe fetch: wall $fwall, peak RSS {$frss // 1024} MB, pages/s (fetch + clean): {$pages / $fsecs:.1f}')"
echo "== hostile cases (beside a good feed), one round"
/usr/bin/time -v "$bin" watch --once --sources "$work/hostile.txt" --db "$work/hostile.db" \
  --config "$work/config.json" >/dev/null 2>"$work/hostile.err" || true
echo "(fetch: no pause per host, 5 s transfer limit, 4 MB body limit, 2 retries; watch.max_entries 500)"
echo "| case | outcome (message) | time |"
echo "|---|---|---|"
grep -E '^recoupe watch: .*hostile.txt:[0-9]+ .* s( \(|$)' "$work/hostile.err" |
  sed -E 's/^recoupe watch: [^ ]*hostile.txt:[0-9]+ http:\/\/127.0.0.1:[0-9]+\/([^:]*): ([a-z_]+), .*, ([0-9.]+) s( \((.*)\))?$/| \1 | \2 \5 | \3 s |/'
hwall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/hostile.err")
hrss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/hostile.err")
echo "whole round: wall $hwall, peak RSS $((hrss / 1024)) MB"
echo "load after: $(uptime)"
