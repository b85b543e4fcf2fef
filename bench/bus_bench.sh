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
server=$(command -v nats-server || echo /usr/sbin/nats-server)
[ -x "$server" ] || { echo "bus_bench.sh: nats-server is missing (scripts/setup)" >&2; exit 1; }
[ -x build/bus_bench ] || cmake --build build --target bus_bench >/dev/null
work=$(mktemp -d /tmp/recoupe-busbench.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
client=(); route=()
for i in 1 2 3; do client+=("$(free_port)"); route+=("$(free_port)"); done
for i in 0 1 2; do
  n=n$((i + 1)); mkdir -p "$work/$n"
  routes=""
  for j in 0 1 2; do [ "$j" = "$i" ] || routes+="nats-route://127.0.0.1:${route[$j]}, "; done
  cat >"$work/$n/server.conf" <<CONF
server_name: $n
listen: 127.0.0.1:${client[$i]}
jetstream { store_dir: "$work/$n/store" }
cluster { name: recoupe_bench, listen: 127.0.0.1:${route[$i]}, routes: [ ${routes} ] }
CONF
  "$server" -c "$work/$n/server.conf" >"$work/$n/server.log" 2>&1 &
  pids+=($!)
done
urls="nats://127.0.0.1:${client[0]},nats://127.0.0.1:${client[1]},nats://127.0.0.1:${client[2]}"
# Ready when the cluster has a JetStream meta leader (its log says so), at most 60 s.
for _ in $(seq 1 600); do
  grep -qh "JetStream cluster new metadata leader\|Self is new JetStream cluster metadata leader" \
    "$work"/n*/server.log 2>/dev/null && break
  sleep 0.1
done
echo "load before: $(uptime)"
echo "nats-server $("$server" --version | awk '{print $2}'), libnats $(pkg-config --modversion libnats 2>/dev/null || echo '?')"
for replicas in 3 1; do  # production, then the baseline without replication
  build/bus_bench --servers "$urls" --server-pids "$(IFS=,; echo "${pids[*]}")" \
    --messages "$messages" --bytes "$bytes" --publishers "$publishers" --replicas "$replicas"
done
echo "load after: $(uptime)"
