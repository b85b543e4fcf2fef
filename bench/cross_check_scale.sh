#!/usr/bin/env bash
# Scale of the cross-check on hostile-size inputs (issue 11, items 2 and 5): wall time and
# peak RSS of `recoupe report` on
#   - one article of 1, 4 and 16 MB (real French article paragraphs, make_scale_inputs.py),
#   - 1,000 and 3,000 copies of one article (examples/vostochny, distinct ids and outlets),
#   - one HTML page whose <div> carries 1,000,000 attributes,
# each with and without --no-cross-check. Wall time on a shared machine varies with its
# load; user CPU time varies less. "notices": how many limits of the cross-check bit
# (synth.max_article_bytes, max_story_bytes, max_reprints_read), each said in the story.
#   bench/cross_check_scale.sh [BUILD_DIR] [WORK_DIR] [--quick]
# --quick skips the 16 MB article and the 3,000 copies. Needs ../shared/data and
# /usr/bin/time. Prints one Markdown table row per run.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
work=${2:-/tmp/recoupe_scale}
quick=${3:-}
bin="$build/recoupe"
mkdir -p "$work"

sizes=(1 4 16)
counts=(1000 3000)
if [ "$quick" = "--quick" ]; then
  sizes=(1 4)
  counts=(1000)
fi
for mb in "${sizes[@]}"; do
  [ -s "$work/big_${mb}mb.txt" ] || python3 bench/make_scale_inputs.py big "$work/big_${mb}mb.txt" "$mb"
done
for n in "${counts[@]}"; do
  [ -s "$work/copies_$n.jsonl" ] || python3 bench/make_scale_inputs.py copies "$work/copies_$n.jsonl" "$n"
done
if [ ! -s "$work/attrs_1m.html" ]; then
  python3 - "$work/attrs_1m.html" <<'EOF'
import sys
with open(sys.argv[1], "w") as f:
    f.write("<html><head><title>Attributs</title></head><body><div ")
    f.write(" ".join(f"data-a{i}=\"{i}\"" for i in range(1_000_000)))
    f.write("><p>Le texte de la page reste lisible malgré un million d'attributs sur un seul "
            "élément, et l'extraction le retrouve entier.</p></div></body></html>\n")
EOF
fi

# One run: label, then the recoupe arguments. Time limit 600 s per run.
run() {
  local label=$1
  shift
  local log="$work/time.log"
  local status=0
  timeout 600 /usr/bin/time -v "$bin" "$@" >"$work/out.json" 2>"$log" || status=$?
  local wall user rss
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log")
  user=$(sed -n 's/.*User time (seconds): //p' "$log")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
  local notices
  notices=$(jq -r '[.stories[]?.notices[]?] | length' "$work/out.json" 2>/dev/null || echo "-")
  printf '| %s | %s | %s | %s s | %s MB | %s |\n' "$label" "$status" "${wall:-killed}" \
    "${user:--}" "$(( ${rss:-0} / 1024 ))" "$notices"
}

echo "| input | exit | wall | user CPU | peak RSS | notices |"
echo "|---|---|---|---|---|---|"
for mb in "${sizes[@]}"; do
  run "article ${mb} MB" report "$work/big_${mb}mb.txt" --format json
  run "article ${mb} MB, --no-cross-check" report "$work/big_${mb}mb.txt" --format json --no-cross-check
done
for n in "${counts[@]}"; do
  run "$n copies" report "$work/copies_$n.jsonl" --format json
  run "$n copies, --no-cross-check" report "$work/copies_$n.jsonl" --format json --no-cross-check
done
run "1M attributes on one tag (extract)" extract "$work/attrs_1m.html"
