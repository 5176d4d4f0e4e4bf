#!/usr/bin/env bash
# The JSON API next to the page it mirrors, in one run against a release build on the
# seeded data directory (1,000,000 tickets by default): Ticket Tracking with a search
# query as HTML (GET /tickets?q=…, the session's cookie) and as JSON
# (GET /api/v1/requests?q=…, a personal access token made through the form), each at
# saturation (wrk -t2 -c64), then the server's peak resident memory.
# Needs wrk and curl (apt-get install wrk curl). Traffic stays on 127.0.0.1.
#
#   benches/load/api-load.sh [tickets] [seconds]
#
# BENCH_SKIP_BUILD=1 uses the release binary as it is (see common.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
tickets=${1:-1000000}
secs=${2:-20}
port=18184
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
csrf=$(curl -fs -b "$jar" "http://127.0.0.1:$port/account/tokens" | grep -o 'name="csrf_token" value="[0-9a-f]*"' | head -1 | cut -d'"' -f4)
token=$(curl -fs -b "$jar" --data-urlencode "csrf_token=$csrf" --data-urlencode "name=Load test" \
  --data-urlencode "read=on" --data-urlencode "company_wide=on" --data-urlencode "lifetime=30" \
  "http://127.0.0.1:$port/account/tokens" | grep -o 'id="api-token">osc_[0-9a-f]*' | cut -d'>' -f2)
[ -n "$token" ] || { echo "no token made"; exit 1; }
html="http://127.0.0.1:$port/tickets?q=$query"
json="http://127.0.0.1:$port/api/v1/requests?q=$query"
echo "== $(curl -fs -H "Authorization: Bearer $token" "$json" | grep -o '"number"' | wc -l) hits for \"$query\" as $email"

bench_sample_rss "$out/rss.txt"

summary() { bench_summary 44 "$@"; }

echo "== Ticket Tracking searched, at saturation (wrk -t2 -c64 -d${secs}s each)"
wrk -t2 -c64 -d"${secs}s" --latency -H "Cookie: osc_session=$session" "$html" > "$out/html.txt"
summary "GET /tickets?q=$query (HTML)" "$out/html.txt"
wrk -t2 -c64 -d"${secs}s" --latency -H "Authorization: Bearer $token" "$json" > "$out/json.txt"
summary "GET /api/v1/requests?q=$query (JSON)" "$out/json.txt"

kill $sampler 2>/dev/null || true
peak=$(sort -n "$out/rss.txt" | tail -1)
echo "== peak resident memory of the server: $((peak / 1024)) MB"
