# Sourced by the load scripts: the release build, the seeded data directory they share,
# starting the server and logging in. Traffic stays on 127.0.0.1.
#
# BENCH_SKIP_BUILD=1 uses the release binary as it is.

# bench_build: builds the release binary unless BENCH_SKIP_BUILD is set.
bench_build() {
  [ -n "${BENCH_SKIP_BUILD:-}" ] || cargo build --release --quiet
}

# bench_seed TICKETS: sets $data to target/bench-data-TICKETS, seeding it once, and
# $email / $password to the seeded administrator it printed.
bench_seed() {
  data="target/bench-data-$1"
  if [ ! -f "$data/osc.redb" ]; then
    echo "== seeding $1 tickets into $data"
    /usr/bin/env time -f "seed: %e s, peak RSS %M KB" \
      env OSC_STORAGE_DATA_DIR="$data" OSC_LOG=warn target/release/osc seed --tickets "$1" \
      | tee "$data.seed.txt"
  fi
  email=$(grep -o 'log in as [^ ]*' "$data.seed.txt" | head -1 | cut -d' ' -f4)
  password=$(grep -o 'the password [^ ]*' "$data.seed.txt" | cut -d' ' -f3)
}

# The load comes from one address with one token: the per-address form limits ([limits])
# and the per-token API limit ([api]) are lifted.
BENCH_NO_LIMITS="OSC_API_REQUESTS_PER_MINUTE=4000000000 OSC_LIMITS_REGISTRATIONS_PER_HOUR=4000000000 OSC_LIMITS_ANONYMOUS_REQUESTS_PER_HOUR=4000000000 OSC_LIMITS_RECOVERIES_PER_HOUR=4000000000 OSC_LIMITS_CONFIRMATION_RESENDS_PER_HOUR=4000000000 OSC_LIMITS_MAILS_PER_RECIPIENT_PER_HOUR=4000000000"

# The staff accounts of the load scripts log in with the password alone: the loads measure
# the desk's pages, not the log-in's second step.
BENCH_STAFF_PASSWORD_ONLY="OSC_SECURITY_STAFF_TWO_FACTOR=optional"

# bench_serve PORT LOG [VAR=VALUE …]: starts the server on $data (its log in LOG, the
# extra settings in its environment), sets $server, stops it on exit, and waits for its
# first /healthz answer, printing how long that took.
bench_serve() {
  local port=$1 log=$2
  shift 2
  local start
  start=$(date +%s%N)
  env ${BENCH_SERVER_ENV:-} $BENCH_NO_LIMITS $BENCH_STAFF_PASSWORD_ONLY OSC_STORAGE_DATA_DIR="$data" OSC_SERVER_BIND=127.0.0.1:$port OSC_LOG=warn "$@" \
    target/release/osc serve > "$log" 2>&1 &
  server=$!
  trap 'kill $server 2>/dev/null || true' EXIT
  until curl -fs "http://127.0.0.1:$port/healthz" >/dev/null; do
    kill -0 $server 2>/dev/null || { cat "$log"; exit 1; }
    sleep 0.01
  done
  echo "== start to first /healthz answer: $(( ($(date +%s%N) - start) / 1000000 )) ms"
}

# bench_login PORT EMAIL PASSWORD JAR: logs in through the real form; the session
# cookie ends up in JAR.
bench_login() {
  local token
  token=$(curl -fs -c "$4" "http://127.0.0.1:$1/login" | grep -o 'name="csrf_token" value="[0-9a-f]*"' | head -1 | cut -d'"' -f4)
  curl -fs -b "$4" -c "$4" -o /dev/null -w "log-in: %{http_code}\n" \
    --data-urlencode "csrf_token=$token" --data-urlencode "email=$2" \
    --data-urlencode "password=$3" "http://127.0.0.1:$1/login"
}

# bench_summary WIDTH NAME FILE: requests/s, p50, p99 and errors of one wrk output, the
# name padded to WIDTH.
bench_summary() {
  local rps p50 p99 errors
  rps=$(awk '/^Requests\/sec/ { print $2 }' "$3")
  p50=$(awk '$1 == "50%" { print $2 }' "$3")
  p99=$(awk '$1 == "99%" { print $2 }' "$3")
  errors=$(grep -E 'Non-2xx|Socket errors' "$3" | tr -s ' ' | paste -sd';' - || true)
  printf "   %-${1}s %10s req/s   p50 %8s   p99 %8s   %s\n" "$2" "$rps" "$p50" "$p99" "${errors:-no errors}"
}

# bench_sample_rss FILE: writes the server's resident memory (KiB) to FILE every half
# second until it stops; sets $sampler.
bench_sample_rss() {
  (
    while kill -0 $server 2>/dev/null; do
      awk '/VmRSS/ { print $2 }' /proc/$server/status
      sleep 0.5
    done
  ) > "$1" &
  sampler=$!
}

# bench_staff: sets $email / $password to the load scripts' staff account on $data, adding
# it once.
bench_staff() {
  email=bench-staff@service.example
  password=Kranich-Dachrinne-47
  if ! OSC_STORAGE_DATA_DIR="$data" OSC_LOG=warn target/release/osc staff list | grep -q "^$email"; then
    echo "$password" | OSC_STORAGE_DATA_DIR="$data" OSC_LOG=warn \
      target/release/osc staff add --email "$email" --name "Bench Staff"
  fi
}
