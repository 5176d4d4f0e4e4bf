#!/usr/bin/env bash
# The application core under load, in one run against a release build whose data
# directory `osc seed` filled (1,000,000 tickets by default):
#   1. ticket creation over HTTP at saturation (wrk -c16 on POST /contact, as a visitor);
#   2. Ticket Tracking with a search query paced at 3,000 requests/s *while* tickets are
#      created at about 500/s, /healthz alongside;
#   3. the same page paced at 8,000 requests/s alone, /healthz alongside;
# plus the time from start to the first answer and the server's peak resident memory.
# Needs wrk and curl (apt-get install wrk curl). Traffic stays on 127.0.0.1.
#
#   benches/load/core-load.sh [tickets] [seconds]
#
# BENCH_SKIP_BUILD=1 uses the release binary as it is (see common.sh).
#
# The data directory is shared with tickets-load.sh (target/bench-data-<tickets>); the
# tickets this run creates stay in it.
set -euo pipefail
cd "$(dirname "$0")/../.."
tickets=${1:-1000000}
secs=${2:-20}
port=18183
. benches/load/common.sh
bench_build
bench_seed "$tickets"
query=$(echo "$email" | cut -d@ -f1 | cut -d. -f2)
out=$(mktemp -d)
bench_serve $port "$out/server.log" OSC_MAIL_TRANSPORT=log
trap 'kill $server 2>/dev/null || true; rm -rf "$out"' EXIT

jar="$out/jar"
bench_login $port "$email" "$password" "$jar"
session=$(awk '$6 == "osc_session" { print $7 }' "$jar")
# The tickets are filed by a visitor without an account (its CSRF cookie and token).
visitor="$out/visitor"
token=$(curl -fs -c "$visitor" "http://127.0.0.1:$port/contact" | grep -o 'name="csrf_token" value="[0-9a-f]*"' | head -1 | cut -d'"' -f4)
BENCH_CSRF_SEED=$(awk '$6 == "osc_csrf" { print $7 }' "$visitor")
export BENCH_CSRF_SEED BENCH_TOKEN=$token
url="http://127.0.0.1:$port/tickets?q=$query"
echo "== searching $url as $email"

bench_sample_rss "$out/rss.txt"

summary() { bench_summary 34 "$@"; }

healthz() {
  RATE=100 THREADS=1 wrk -t1 -c2 -d"${secs}s" --latency -s benches/load/paced.lua \
    "http://127.0.0.1:$port/healthz" > "$out/healthz-$1.txt"
}

echo "== 1. ticket creation at saturation (wrk -t2 -c16 -d${secs}s)"
wrk -t2 -c16 -d"${secs}s" --latency -s benches/load/create.lua \
  "http://127.0.0.1:$port/contact" > "$out/create-sat.txt" &
load=$!
healthz 1
wait $load
summary "POST /contact" "$out/create-sat.txt"
summary "/healthz alongside (100/s)" "$out/healthz-1.txt"

echo "== 2. search paced at 3,000/s while tickets are created at ~500/s"
RATE=500 THREADS=1 wrk -t1 -c16 -d"${secs}s" --latency -s benches/load/create.lua \
  "http://127.0.0.1:$port/contact" > "$out/create-paced.txt" &
creating=$!
RATE=3000 THREADS=2 wrk -t2 -c32 -d"${secs}s" --latency -s benches/load/paced.lua \
  -H "Cookie: osc_session=$session" "$url" > "$out/search-mixed.txt" &
searching=$!
healthz 2
wait $creating $searching
summary "GET /tickets?q=$query" "$out/search-mixed.txt"
summary "POST /contact (paced)" "$out/create-paced.txt"
summary "/healthz alongside (100/s)" "$out/healthz-2.txt"

echo "== 3. search paced at 8,000/s alone"
RATE=8000 THREADS=2 wrk -t2 -c64 -d"${secs}s" --latency -s benches/load/paced.lua \
  -H "Cookie: osc_session=$session" "$url" > "$out/search-alone.txt" &
searching=$!
healthz 3
wait $searching
summary "GET /tickets?q=$query" "$out/search-alone.txt"
summary "/healthz alongside (100/s)" "$out/healthz-3.txt"

kill $sampler 2>/dev/null || true
peak=$(sort -n "$out/rss.txt" | tail -1)
echo "== peak resident memory of the server: $((peak / 1024)) MB"
if [ -n "${BENCH_KEEP:-}" ]; then cp "$out"/*.txt "$BENCH_KEEP"/; fi
