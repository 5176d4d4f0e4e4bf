#!/usr/bin/env bash
# How many mails per second the Maildir source turns into requests, against a release
# build: MESSAGES messages to the service address (from 500 senders, each a new contact
# request with its confirmation mail queued) are delivered into the Maildir of a fresh
# data directory before the server starts; the run times from the server's first
# /healthz answer until new/ is empty, and prints `osc status` (the request count) so
# the run shows every message became one request.
# Needs curl. Traffic stays on 127.0.0.1.
#
#   benches/load/mail-in.sh [messages]
#
# BENCH_SKIP_BUILD=1 uses the release binary as it is (see common.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
messages=${1:-5000}
port=18187
. benches/load/common.sh
bench_build
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
mkdir -p "$data/inbox/tmp" "$data/inbox/new" "$data/inbox/cur"
echo "== delivering $messages messages into $data/inbox/new"
for n in $(seq 1 "$messages"); do
  printf 'From: Kunde %s <kunde%s@example.net>\r\nTo: service@example.com\r\nSubject: Anfrage %s\r\nMessage-ID: <bench-%s@example.net>\r\n\r\nDer Wechselrichter 3001234567 zeigt Ereignis 3501.\r\nBitte um Rueckruf.\r\n' \
    $((n % 500)) $((n % 500)) "$n" "$n" > "$data/inbox/tmp/$n.bench.host"
  mv "$data/inbox/tmp/$n.bench.host" "$data/inbox/new/"
done
start=$(date +%s%N)
bench_serve $port "$data/server.log" OSC_MAIL_TRANSPORT=log OSC_MAIL_IN_ADDRESS=service@example.com \
  OSC_MAIL_IN_PER_SENDER_PER_HOUR=4000000000
while [ "$(ls "$data/inbox/new" | wc -l)" -gt 0 ]; do sleep 0.05; done
ms=$(( ($(date +%s%N) - start) / 1000000 ))
done_count=$(ls "$data/inbox/cur" | wc -l)
held=$(ls "$data/inbox/.Held/cur" | wc -l)
rss=$(awk '/VmHWM/ { print $2 }' /proc/$server/status)
echo "== $done_count processed, $held held, in $ms ms (start-up included): $(( done_count * 1000 / (ms > 0 ? ms : 1) )) mails/s; server peak RSS ${rss} KB"
OSC_STORAGE_DATA_DIR="$data" target/release/osc status | grep -i -E "request|ticket" || true
kill $server
wait $server 2>/dev/null || true
