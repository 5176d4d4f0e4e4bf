#!/usr/bin/env bash
# A throw-away PostgreSQL cluster on loopback for the tests: `start` makes it (once) and
# starts it, then prints the URL to give the suite as TEST_POSTGRES_URL; `stop` stops it.
# Durability is switched off (fsync = off): the cluster lives for one test run, and the
# tests that kill a node check what PostgreSQL acknowledged, not the disk under it.
#   tools/postgres/throwaway.sh start   # postgres://osc@127.0.0.1:55432/postgres
set -euo pipefail
dir=${OSC_PG_DIR:-/tmp/osc-test-postgres}
port=${OSC_PG_PORT:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ]; then
  echo "PostgreSQL is not installed (apt-get install postgresql)" >&2
  exit 1
fi
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "${1:-start}" in
  start)
    if [ ! -f "$dir/PG_VERSION" ]; then
      mkdir -p "$dir"
      [ "$(id -u)" = 0 ] && chown postgres: "$dir"
      as_owner "$bin/initdb" -D "$dir" -U osc --auth=trust -E UTF8 --no-sync >/dev/null
    fi
    if ! as_owner "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
      as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -o \
        "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off -c max_connections=600 -c shared_buffers=256MB" \
        start >/dev/null
    fi
    echo "postgres://osc@127.0.0.1:$port/postgres"
    ;;
  stop)
    as_owner "$bin/pg_ctl" -D "$dir" -m fast stop >/dev/null
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
