#!/usr/bin/env bash
# The cost of the bus per message (issue 15's docs/scale.md: "the cost per article of the
# bus"): starts a three-node nats-server cluster with JetStream on loopback (free ports, a
# temp folder per node), runs build/bus_bench on it (publish rate, consume+ack rate, CPU per
# message in the client and in the three servers; replicas 3, then replicas 1 as the
# baseline), and removes everything at the end.
#
#   bench/bus_bench.sh [MESSAGES] [BYTES] [PUBLISHERS]     # defaults: 5000 2000 4
#
# Needs nats-server (scripts/setup) and the bench target: cmake --build build --target bus_bench
set -euo pipefail
cd "$(dirname "$0")/.."
messages=${1:-5000}; bytes=${2:-2000}; publishers=${3:-4}
[ -x build/bus_bench ] || cmake --build build --target bus_bench >/dev/null
work=$(mktemp -d /tmp/recoupe-busbench.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
# shellcheck source=bench/nats_cluster.sh
. bench/nats_cluster.sh
start_nats_cluster "$work"
urls=$nats_urls
echo "load before: $(uptime)"
echo "nats-server $("$nats_server" --version | awk '{print $2}'), libnats $(pkg-config --modversion libnats 2>/dev/null || echo '?')"
for replicas in 3 1; do  # production, then the baseline without replication
  build/bus_bench --servers "$urls" --server-pids "$(IFS=,; echo "${pids[*]}")" \
    --messages "$messages" --bytes "$bytes" --publishers "$publishers" --replicas "$replicas"
done
echo "load after: $(uptime)"
