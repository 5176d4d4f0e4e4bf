#!/usr/bin/env bash
# Times the service desk's pages (dashboard, queue with filters and search, people,
# audit log, mail queue) as a member of the service team, against a release build on a
# seeded data directory. Each page is fetched `rounds` times; the median and slowest
# times are printed. Needs curl. Traffic stays on 127.0.0.1.
#
#   benches/load/service-desk.sh [tickets] [rounds]
#
# Uses the data directory of benches/load/tickets-load.sh (target/bench-data-<tickets>),
# seeding it first if it is missing; adds a staff account to it once.
set -euo pipefail
cd "$(dirname "$0")/../.."
tickets=${1:-1000000}
rounds=${2:-21}
port=18183
. benches/load/common.sh
bench_build
bench_seed "$tickets"
bench_staff
bench_serve $port /dev/null
jar=$(mktemp)
bench_login $port "$email" "$password" "$jar"
printf '%-58s %10s %10s\n' page median slowest
for path in "/service" "/service/tickets" "/service/tickets?age=30" \
  "/service/tickets?state=all&sort=number" "/service/tickets?assignee=none&age=14" \
  "/service/tickets?kind=replacement&state=awaiting-return" "/service/tickets?q=bachmann" \
  "/service/users?q=bach" "/service/audit" "/service/mail"; do
  times=$(for _ in $(seq "$rounds"); do
    curl -fs -b "$jar" -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$port$path"
  done | sort -n)
  echo "$times" | awk -v p="$path" '{ t[NR] = $1 * 1000 }
    END { printf "%-58s %9.1fms %9.1fms\n", p, t[int((NR + 1) / 2)], t[NR] }'
done
