#!/usr/bin/env bash
# Log-in throughput of a release build, and the latency of a plain page while 20 clients
# keep logging in. Needs wrk (apt-get install wrk). Traffic stays on 127.0.0.1.
#
#   benches/load/login-load.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-15}
port=18181
cargo build --release --quiet
dir=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$dir"' EXIT
(cd "$dir" && exec env OSC_LIMITS_REGISTRATIONS_PER_HOUR=4000000000 OSC_SERVER_BIND=127.0.0.1:$port OSC_LOG=warn "$OLDPWD/target/release/osc" serve) &
server=$!
until curl -fs "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.05; done

# One confirmed account, registered through the real forms.
python3 benches/load/register.py "http://127.0.0.1:$port" "$dir/data/outbox"

export OSC_BENCH_EMAIL=bench@example.com OSC_BENCH_PASSWORD=Kranich-Dachrinne-47
export OSC_BENCH_SEED=$(printf 'b%.0s' $(seq 64))
export OSC_BENCH_TOKEN=$(printf 'osc-csrf\0%s' "$OSC_BENCH_SEED" | sha256sum | cut -d' ' -f1)

echo "== log-ins alone: 20 connections, ${secs}s"
wrk -t2 -c20 -d"${secs}s" -s benches/load/login.lua "http://127.0.0.1:$port/login"

echo "== the start page while 20 clients keep logging in"
wrk -t1 -c20 -d"$((secs + 2))s" -s benches/load/login.lua "http://127.0.0.1:$port/login" > "$dir/logins.txt" &
sleep 1
wrk -t1 -c4 -d"${secs}s" --latency "http://127.0.0.1:$port/"
wait %2 2>/dev/null || true
grep "log-ins/s" "$dir/logins.txt"
echo "== the start page alone"
wrk -t1 -c4 -d"${secs}s" --latency "http://127.0.0.1:$port/"
