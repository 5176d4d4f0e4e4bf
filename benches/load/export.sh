#!/usr/bin/env bash
# Exports at 1,000,000 tickets: the service team's whole queue (every state, every page)
# as CSV and as XLSX, downloaded with curl from a release build on the seeded data
# directory while the server's resident memory is sampled every 0.1 s. Prints rows,
# size, time to the first byte and to the last, and the server's peak resident memory
# before and during each export: the rows are streamed a batch at a time, so the peak
# must not grow with the list. Needs curl. Traffic stays on 127.0.0.1.
#
#   benches/load/export.sh [tickets]
#
# Uses the data directory of the other load scripts (target/bench-data-<tickets>),
# seeding it first if it is missing; adds a staff account to it once.
# BENCH_SKIP_BUILD=1 uses the release binary as it is (see common.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
tickets=${1:-1000000}
port=18186
. benches/load/common.sh
bench_build
bench_seed "$tickets"
bench_staff
out=$(mktemp -d)
bench_serve $port "$out/server.log"
trap 'kill $server 2>/dev/null || true; rm -rf "$out"' EXIT
jar="$out/jar"
bench_login $port "$email" "$password" "$jar"
# A page of the queue first, so the figure "before" holds what serving pages costs.
curl -fs -b "$jar" -o /dev/null "http://127.0.0.1:$port/service/tickets?state=all"
before=$(awk '/VmRSS/ { print $2 }' /proc/$server/status)
echo "== server resident memory before: $((before / 1024)) MB"

for format in csv xlsx; do
  path="/service/tickets/export?state=all&sort=number&format=$format"
  (
    while kill -0 $server 2>/dev/null; do
      awk '/VmRSS/ { print $2 }' /proc/$server/status
      sleep 0.1
    done
  ) > "$out/rss-$format.txt" &
  sampler=$!
  curl -fs -b "$jar" -o "$out/queue.$format" \
    -w "   $format: %{size_download} bytes, first byte after %{time_starttransfer} s, all after %{time_total} s\n" \
    "http://127.0.0.1:$port$path"
  kill $sampler 2>/dev/null || true
  wait $sampler 2>/dev/null || true
  if [ "$format" = csv ]; then
    echo "   csv: $(($(wc -l < "$out/queue.csv") - 1)) rows"
  fi
  peak=$(sort -n "$out/rss-$format.txt" | tail -1)
  echo "   $format: peak resident memory of the server during the export: $((peak / 1024)) MB"
  rm -f "$out/queue.$format"
done
