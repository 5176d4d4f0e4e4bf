#!/usr/bin/env bash
# Resident memory under ordinary browsing: SESSIONS people of different companies signed in
# at once (50 by default), each going through their pages (start page, plants and a
# plant, Ticket Tracking with and without a search, a ticket, profile, access data, help)
# under `wrk -c<SESSIONS>` for SECONDS, against a release build on a seeded data directory.
# The server's resident memory is sampled every second; its start, peak and end are
# printed with the request rate and latency.
# Needs wrk and curl (apt-get install wrk curl). Traffic stays on 127.0.0.1.
#
#   benches/load/sessions-load.sh [tickets] [seconds] [sessions]
#
# BENCH_SKIP_BUILD=1 uses the release binary as it is (see common.sh). The people are
# found through the service desk's People page, as a staff account added once.
set -euo pipefail
cd "$(dirname "$0")/../.."
tickets=${1:-20000}
secs=${2:-60}
sessions=${3:-50}
port=18184
. benches/load/common.sh
bench_build
bench_seed "$tickets"
password_seeded=$password
staff=bench-staff@service.example
staff_password=Kranich-Dachrinne-47
if ! OSC_STORAGE_DATA_DIR="$data" OSC_LOG=warn target/release/osc staff list | grep -q "^$staff"; then
  echo "$staff_password" | OSC_STORAGE_DATA_DIR="$data" OSC_LOG=warn \
    target/release/osc staff add --email "$staff" --name "Bench Staff" >/dev/null
fi
out=$(mktemp -d)
bench_serve $port "$out/server.log" OSC_MAIL_TRANSPORT=log
trap 'kill $server 2>/dev/null || true; rm -rf "$out"' EXIT
base="http://127.0.0.1:$port"
rss() { awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$server/status"; }
echo "== resident at start: $(rss) MB"

# One person per seeded company: the first e-mail of each company's domain.
bench_login $port "$staff" "$staff_password" "$out/staff" >/dev/null
: > "$out/emails"
for q in a e i o u; do
  curl -fs -b "$out/staff" "$base/service/users?q=$q" |
    grep -o '[a-z0-9.-]*@[a-z0-9-]*-[0-9]*\.example' >> "$out/emails" || true
done
awk -F@ -v n="$sessions" '!seen[$2]++ && c++ < n' "$out/emails" > "$out/people"
found=$(wc -l < "$out/people")
echo "== $found people of $found companies sign in"

# Each person's pages, with their session cookie: one Lua table row per request.
echo "requests = {" > "$out/requests.lua"
n=0
while read -r email; do
  n=$((n + 1))
  jar="$out/jar$n"
  bench_login $port "$email" "$password_seeded" "$jar" >/dev/null
  cookie="osc_session=$(awk '$6 == "osc_session" { print $7 }' "$jar")"
  ticket=$(curl -fs -b "$jar" "$base/tickets" | { grep -o 'href="/tickets/[0-9]*"' || true; } |
    head -1 | cut -d'"' -f2)
  plant=$(curl -fs -b "$jar" "$base/plants" | { grep -o 'href="/plants/[0-9]*"' || true; } |
    head -1 | cut -d'"' -f2)
  last=$(echo "$email" | cut -d@ -f1 | cut -d. -f2 | tr -d '0-9')
  for path in / /plants ${plant:-/plants} /tickets "/tickets?q=$last" ${ticket:-/tickets} \
    /profile /account/access /help; do
    echo "  { \"$cookie\", \"$path\" }," >> "$out/requests.lua"
  done
done < "$out/people"
echo "}" >> "$out/requests.lua"

cat > "$out/browse.lua" <<EOF
dofile("$out/requests.lua")
local i = 0
function setup(thread) thread:set("offset", math.random(#requests)) end
function request()
  i = i + 1
  local r = requests[((i + offset) % #requests) + 1]
  return wrk.format("GET", r[2], { ["Cookie"] = r[1] })
end
EOF

( while kill -0 $server 2>/dev/null; do rss; sleep 1; done ) > "$out/rss" &
sampler=$!
wrk -t2 -c"$sessions" -d"${secs}s" --latency -s "$out/browse.lua" "$base" |
  grep -E 'Requests/sec|50%|99%|requests in|Non-2xx|Socket errors'
end=$(rss)
kill $sampler 2>/dev/null || true
peak=$(sort -n "$out/rss" | tail -1)
hwm=$(awk '/^VmHWM/ { print int($2 / 1024) }' "/proc/$server/status")
echo "== resident: peak sampled ${peak} MB, high-water mark ${hwm} MB, at the end ${end} MB"
