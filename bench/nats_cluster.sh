# shellcheck shell=bash
# Sourced by the bench scripts that need a NATS JetStream cluster (bus_bench.sh,
# scale_bench.sh): start_nats_cluster DIR starts three nats-server nodes with JetStream on
# free loopback ports, a folder of DIR per node, routes between them; appends their pids to
# the caller's `pids` array, sets `nats_urls` (comma-separated client URLs), and returns
# once the cluster has a JetStream meta leader (its log says so), at most 60 s.
nats_server=$(command -v nats-server || echo /usr/sbin/nats-server)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
start_nats_cluster() {
  local work=$1 client=() route=() i j n routes
  [ -x "$nats_server" ] || { echo "nats-server is missing (scripts/setup)" >&2; return 1; }
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
    "$nats_server" -c "$work/$n/server.conf" >"$work/$n/server.log" 2>&1 &
    pids+=($!)
  done
  # shellcheck disable=SC2034 # read by the scripts that source this file
  nats_urls="nats://127.0.0.1:${client[0]},nats://127.0.0.1:${client[1]},nats://127.0.0.1:${client[2]}"
  for _ in $(seq 1 600); do
    grep -qh "JetStream cluster new metadata leader\|Self is new JetStream cluster metadata leader" \
      "$work"/n*/server.log 2>/dev/null && return 0
    sleep 0.1
  done
}
