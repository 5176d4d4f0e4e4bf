#!/usr/bin/env bash
# Ticket Tracking with a search query under `wrk -c64` against a release build whose data
# directory `osc seed` filled, with /healthz measured in the same run, the time from
# start to the first answer, and the server's resident memory sampled throughout.
# Needs wrk and curl (apt-get install wrk curl). Traffic stays on 127.0.0.1.
#
#   benches/load/tickets-load.sh [tickets] [seconds] [query]
#
# The query defaults to the seeded administrator's last name: a customer-name search
# with a full page of hits.
# The data directory is kept in target/bench-data-<tickets> for the next run.
set -euo pipefail
cd "$(dirname "$0")/../.."
tickets=${1:-1000000}
secs=${2:-20}
query=${3:-}
port=18182
. benches/load/common.sh
bench_build
bench_seed "$tickets"
query=${query:-$(echo "$email" | cut -d@ -f1 | cut -d. -f2)}
bench_serve $port /dev/null
jar=$(mktemp)
bench_login $port "$email" "$password" "$jar"
session=$(awk '$6 == "osc_session" { print $7 }' "$jar")
rm -f "$jar"
url="http://127.0.0.1:$port/tickets?q=$query"
hits=$(curl -fs -H "Cookie: osc_session=$session" "$url" | grep -o '<td><a href="/tickets/[0-9]*"' | wc -l)
echo "== $url as $email: $hits hits on the page"

(
  while kill -0 $server 2>/dev/null; do
    awk '/VmRSS/ { print $2 }' /proc/$server/status
    sleep 0.5
  done
) > "$data.rss.txt" &
sampler=$!

# run [paced]: wrk on Ticket Tracking and, alongside, on /healthz (paced too when asked:
# 5,500 and 100 requests/s, as wrk's pacing leaves out the time of each answer).
run() {
  local tickets_args=() healthz_args=()
  if [ "${1:-}" = paced ]; then
    tickets_args=(-s benches/load/paced.lua)
    healthz_args=(-s benches/load/paced.lua)
  fi
  RATE=5500 THREADS=2 wrk -t2 -c64 -d"${secs}s" --latency -H "Cookie: osc_session=$session" \
    "${tickets_args[@]}" "$url" > "$data.tickets.txt" &
  load=$!
  RATE=100 THREADS=1 wrk -t1 -c2 -d"${secs}s" --latency "${healthz_args[@]}" \
    "http://127.0.0.1:$port/healthz" > "$data.healthz.txt"
  wait $load
  sleep 1
  echo "-- /tickets?q=$query"
  cat "$data.tickets.txt"
  echo "-- /healthz in the same run"
  cat "$data.healthz.txt"
}
echo "== Ticket Tracking with a query at saturation: wrk -t2 -c64 -d${secs}s, /healthz alongside (-c2)"
run
echo "== the same at about 5,000 requests/s (benches/load/paced.lua), /healthz alongside at 100/s"
run paced
kill $sampler 2>/dev/null || true
peak=$(sort -n "$data.rss.txt" | tail -1)
echo "== peak resident memory of the server during the run: $((peak / 1024)) MB"
