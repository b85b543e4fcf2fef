#!/usr/bin/env bash
# Runs recoupe eval-extract and the readability baseline (python3-readability) on the same
# gold set, one after the other, and prints quality and speed side by side.
#   bench/extract_compare.sh [GOLD.jsonl[.zst]]
# Speed is wall time of extraction only (both tools exclude loading); on a loaded machine
# compare the ratio, or use build/extract_bench for CPU-time figures.
set -euo pipefail
cd "$(dirname "$0")/.."
GOLD="${1:-../shared/data/extraction/trafilatura-eval/trafilatura-eval.jsonl.zst}"
BASELINE="${BASELINE:-../shared/tools/baseline_extract.py}"
ours=$(build/recoupe eval-extract --gold "$GOLD" --format json)
theirs=$(/usr/bin/python3 "$BASELINE" snippets "$GOLD")
python3 - "$ours" "$theirs" <<'PY'
import json, sys
o = json.loads(sys.argv[1]); p, r, f, pps = (float(x) for x in sys.argv[2].split())
s = o["snippets"]
print(f"{'':12} {'precision':>9} {'recall':>7} {'F1':>7} {'pages/s':>8}")
print(f"{'recoupe':12} {s['precision']:9.4f} {s['recall']:7.4f} {s['f1']:7.4f} {o['pages_per_second']:8.1f}")
print(f"{'readability':12} {p:9.4f} {r:7.4f} {f:7.4f} {pps:8.1f}")
print(f"speed ratio recoupe/readability: {o['pages_per_second'] / pps:.1f}x  "
      f"(recoupe {o['mb_per_second']:.1f} MB/s)")
m = o["metadata"]
print("recoupe metadata: " + ", ".join(f"{k} {v['correct']}/{v['gold']}" for k, v in m.items()))
PY
