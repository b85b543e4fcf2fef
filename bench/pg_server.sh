# shellcheck shell=bash
# Sourced by the bench scripts that need a PostgreSQL 15 (scale_bench.sh, scale_faults.sh),
# after nats_cluster.sh (for free_port). PostgreSQL refuses to run as root: under root the
# server runs as the `postgres` user (setpriv), and DIR is handed to it.
#   start_pg_server DIR    initdb into DIR/pg, start it on a free loopback port (log:
#                          DIR/pg.log), create the database recoupe; sets `pg_store` (its
#                          postgresql:// URL) and `pg_admin` (the postgres database's URL)
#   restart_pg_server DIR  stop it at once (-m immediate: no checkpoint, as a crash) and
#                          start it again on the same port and data folder
#   stop_pg_server DIR     stop it (fast); quiet when it is not running
pg_bin=/usr/lib/postgresql/15/bin
as_pg=()
pg_ctl_in() {  # pg_ctl as the server's user, from a folder that user can enter
  local work=$1
  shift
  (cd "$work" && "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$work/pg" "$@")
}
start_pg_server() {
  local work=$1 port
  [ -x "$pg_bin/initdb" ] || { echo "postgresql-15 is missing (scripts/setup)" >&2; return 1; }
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$work"
    as_pg=(setpriv --reuid=postgres --regid=postgres --clear-groups)
  fi
  port=$(free_port)
  (cd "$work" && "${as_pg[@]}" "$pg_bin/initdb" -D "$work/pg" -U recoupe --auth=trust -E UTF8 \
    --locale=C.UTF-8 >"$work/initdb.log")
  pg_ctl_in "$work" -l "$work/pg.log" -w -o "-p $port -k $work -c listen_addresses=127.0.0.1" \
    start >/dev/null
  # shellcheck disable=SC2034 # read by the scripts that source this file
  pg_admin="postgresql://recoupe@127.0.0.1:$port/postgres"
  # shellcheck disable=SC2034
  pg_store="postgresql://recoupe@127.0.0.1:$port/recoupe"
  "$pg_bin/psql" -q "$pg_admin" -c "CREATE DATABASE recoupe"
}
restart_pg_server() {
  pg_ctl_in "$1" -l "$1/pg.log" -w -m immediate restart >/dev/null
}
stop_pg_server() {
  pg_ctl_in "$1" -m fast stop >/dev/null 2>&1 || true
}
