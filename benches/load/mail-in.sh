#!/usr/bin/env bash
# How many mails per second each source turns into requests, against a release build:
# MESSAGES messages to the service address (from 500 senders, each a new contact request
# with its confirmation mail queued) are delivered before the server starts, into the
# Maildir of a fresh data directory, or (SOURCE=imap) into the INBOX of a Dovecot started
# here on loopback, read over TLS. The run times from the server's first /healthz answer
# until nothing is waiting, and prints `osc status` (the request count) so the run shows
# every message became one request.
# Needs curl; for imap, Dovecot and OpenSSL (apt-get install dovecot-imapd openssl) and
# root. Traffic stays on 127.0.0.1.
#
#   benches/load/mail-in.sh [messages] [maildir|imap]
#
# BENCH_SKIP_BUILD=1 uses the release binary as it is (see common.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
messages=${1:-5000}
source=${2:-maildir}
port=18187
. benches/load/common.sh
bench_build
data=$(mktemp -d)
chmod 755 "$data"
dovecot_pid=
cleanup() {
  [ -z "$dovecot_pid" ] || kill "$dovecot_pid" 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT

case $source in
  maildir) box="$data/inbox"; done_dirs=("$box/cur"); held_dirs=("$box/.Held/cur") ;;
  imap) box="$data/dovecot/mail/service/Maildir"
    done_dirs=("$box/.Processed/new" "$box/.Processed/cur"); held_dirs=("$box/.Held/new" "$box/.Held/cur") ;;
  *) echo "source: maildir or imap" >&2; exit 2 ;;
esac
mkdir -p "$box/tmp" "$box/new" "$box/cur"
echo "== delivering $messages messages into $box/new"
for n in $(seq 1 "$messages"); do
  printf 'From: Kunde %s <kunde%s@example.net>\r\nTo: service@example.com\r\nSubject: Anfrage %s\r\nMessage-ID: <bench-%s@example.net>\r\n\r\nDer Wechselrichter 3001234567 zeigt Ereignis 3501.\r\nBitte um Rueckruf.\r\n' \
    $((n % 500)) $((n % 500)) "$n" "$n" > "$box/tmp/$n.bench.host"
  mv "$box/tmp/$n.bench.host" "$box/new/"
done

imap_env=()
if [ "$source" = imap ]; then
  # The same set-up as tests/it/dovecot.rs: an authority of its own, a certificate for
  # localhost, any user with one password, mail processes as Dovecot's user.
  dv="$data/dovecot"
  mkdir -p "$dv/run" "$dv/state"
  ec=(-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes)
  (cd "$dv" &&
    openssl req -x509 -days 2 -subj "/CN=osc bench authority" "${ec[@]}" -keyout ca.key -out ca.pem 2>/dev/null &&
    openssl req -subj /CN=localhost "${ec[@]}" -keyout key.pem -out server.csr 2>/dev/null &&
    printf 'basicConstraints=CA:FALSE\nsubjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth\n' > server.ext &&
    openssl x509 -req -days 2 -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -extfile server.ext -out cert.pem 2>/dev/null)
  cat > "$dv/dovecot.conf" <<CONF
base_dir = $dv/run
state_dir = $dv/state
log_path = $dv/dovecot.log
instance_name = osc-bench
protocols = imap
listen = 127.0.0.1
ssl = required
ssl_cert = <$dv/cert.pem
ssl_key = <$dv/key.pem
passdb {
  driver = static
  args = password=bench
}
userdb {
  driver = static
  args = uid=dovecot gid=dovecot home=$dv/mail/%u
}
first_valid_uid = 1
mail_location = maildir:~/Maildir
service imap-login {
  chroot =
  inet_listener imap {
    port = 0
  }
  inet_listener imaps {
    port = 18993
    ssl = yes
  }
}
service anvil {
  chroot =
}
CONF
  chown -R dovecot:dovecot "$dv/mail"
  dovecot -F -c "$dv/dovecot.conf" &
  dovecot_pid=$!
  until (exec 3<>/dev/tcp/127.0.0.1/18993) 2>/dev/null; do sleep 0.05; done
  imap_env=(OSC_MAIL_IN_SOURCE=imap OSC_MAIL_IN_IMAP_HOST=localhost OSC_MAIL_IN_IMAP_PORT=18993
    OSC_MAIL_IN_IMAP_USER=service OSC_MAIL_IN_IMAP_PASSWORD=bench OSC_MAIL_IN_IMAP_CA_FILE="$dv/ca.pem")
fi

files() { find "$@" -maxdepth 1 -type f 2>/dev/null | wc -l; }
# Dovecot moves what it has seen from new/ to cur/; both are still waiting in the INBOX.
waiting() { if [ "$source" = imap ]; then files "$box/new" "$box/cur"; else files "$box/new"; fi; }
start=$(date +%s%N)
bench_serve $port "$data/server.log" OSC_MAIL_TRANSPORT=log OSC_MAIL_IN_ADDRESS=service@example.com \
  OSC_MAIL_IN_PER_SENDER_PER_HOUR=4000000000 "${imap_env[@]}"
trap 'kill $server 2>/dev/null || true; cleanup' EXIT
until [ "$(waiting)" -eq 0 ]; do sleep 0.05; done
ms=$(( ($(date +%s%N) - start) / 1000000 ))
done_count=$(files "${done_dirs[@]}")
held=$(files "${held_dirs[@]}")
rss=$(awk '/VmHWM/ { print $2 }' /proc/$server/status)
echo "== $source: $done_count processed, $held held, in $ms ms (start-up included): $(( done_count * 1000 / (ms > 0 ? ms : 1) )) mails/s; server peak RSS ${rss} KB"
OSC_STORAGE_DATA_DIR="$data" target/release/osc status | grep -i -E "request|ticket" || true
kill $server
wait $server 2>/dev/null || true
