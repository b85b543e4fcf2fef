#!/usr/bin/env bash
# Guard rails of a refactor: pins every user-visible output that a structural change must
# keep identical (the seeds report, the three clustering dev sets' reports and scores,
# extraction, NER and summary scores), with timings removed so two runs compare byte for byte.
#   bench/guard.sh pin OUT_DIR [BUILD_DIR]     write the outputs of BUILD_DIR/recoupe (default build)
#   bench/guard.sh compare OLD_DIR NEW_DIR     diff two pins; exit 1 when they differ
# About 3 minutes on 2 cores. Needs ../shared/data beside the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/data
case "${1:-}" in
  pin)
    out=${2:?OUT_DIR}; build=${3:-build}; bin="$build/recoupe"
    mkdir -p "$out"
    # Exit 1 (some inputs refused, e.g. blank records in a dev set) is a normal outcome here.
    ok1() { "$@" || [ $? -eq 1 ]; }
    untimed() { jq -S 'del(.. | objects | .seconds?, .tokens_per_second?, .pages_per_second?, .mb_per_second?, .articles_per_second?, .ms_per_article?)'; }
    ok1 "$bin" report examples/vostochny --format json >"$out/seeds.report.json"
    ok1 "$bin" report examples/vostochny --format text --color never >"$out/seeds.report.txt"
    ok1 "$bin" report examples/vostochny --format html >"$out/seeds.report.html"
    for set in ecbplus-dev rpm2-fr-dev newswcl50; do
      ok1 "$bin" report "$data/clustering/$set.jsonl" --format json >"$out/$set.report.json"
      ok1 "$bin" eval --gold "$data/clustering/$set.jsonl" --format json | untimed >"$out/$set.eval.json"
    done
    for gold in trafilatura-eval trafilatura-eval-text; do
      ok1 "$bin" eval-extract --gold "$data/extraction/trafilatura-eval/$gold.jsonl.zst" --format json |
        untimed >"$out/$gold.extract.json"
    done
    ok1 "$bin" extract "$data/clustering/rpm2-fr-dev.jsonl" >"$out/rpm2-fr-dev.extract.jsonl"
    ok1 "$bin" analyze examples/vostochny >"$out/seeds.analyze.jsonl"
    ok1 "$bin" eval-ner --format json | untimed >"$out/ner.json"
    ok1 "$bin" eval-summary --format json | untimed >"$out/summary.json"
    echo "guard: pinned $(ls "$out" | wc -l) outputs in $out"
    ;;
  compare)
    old=${2:?OLD_DIR}; new=${3:?NEW_DIR}
    if diff -rq "$old" "$new"; then echo "guard: identical"; else exit 1; fi
    ;;
  *)
    sed -n 2,8p "$0"; exit 2 ;;
esac
