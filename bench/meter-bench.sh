#!/usr/bin/env bash
# Metering benchmark (docs/PERFORMANCE-METERING.md): generates seeded login, group and barrage events for APPS apps
# (about EVENTS logins in 2026-10), then meters them from Parquet and from CSV in Spark local mode on 1 and 2 cores,
# each run under /usr/bin/time -v (wall time, CPU, max RSS) with per-stage times, and checks every run's
# requests.jsonl against the generator's expected requests.
#
#   bench/meter-bench.sh [EVENTS] [APPS] [DIR]        defaults: 50000000 10000 /tmp/tariff-meter-bench
#   RUNS="parquet:2 csv:2" bench/meter-bench.sh …     only some of the runs (format:cores)
#   TARIFF_METER_JAVA_OPTS=-Xmx6g (default here)      heap of the one local-mode JVM
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
events="${1:-50000000}"
apps="${2:-10000}"
dir="${3:-/tmp/tariff-meter-bench}"
runs="${RUNS-parquet:1 parquet:2 csv:1 csv:2}"
export TARIFF_METER_JAVA_OPTS="${TARIFF_METER_JAVA_OPTS:--Xmx6g}"
data="$dir/data-$events-$apps"
mkdir -p "$dir"

if [ ! -f "$data/expected-requests.jsonl" ]; then
  echo "generating $events events for $apps apps into $data ..."
  /usr/bin/time -f "generate: %e s wall, %M KB max RSS" \
    "$root/tariff" meter-generate --apps "$apps" --events "$events" --month 2026-10 --seed 7 --out "$data"
fi
du -sh "$data"/logins.* 2>/dev/null || true

for run in $runs; do
  fmt="${run%%:*}"; cores="${run##*:}"
  out="$dir/out-$fmt-$cores"
  log="$dir/log-$fmt-$cores.txt"
  rm -rf "$out"
  echo "== $fmt, local[$cores]"
  /usr/bin/time -v "$root/tariff" meter --master "local[$cores]" --month 2026-10 --stage-times \
    --logins "$data/logins.$fmt" --groups "$data/groups.$fmt" --barrage "$data/barrage.$fmt" \
    --accounts "$data/accounts.jsonl" --out "$out" > /dev/null 2> "$log"
  grep -E '^meter:' "$log"
  grep -E 'Elapsed \(wall|Maximum resident|User time|System time' "$log" | sed 's/^\s*/  /'
  grep -E '^stage ' "$log" | sed 's/^/  /'
  if cmp -s "$out/requests.jsonl" "$data/expected-requests.jsonl"; then
    echo "  requests.jsonl = expected ($(wc -l < "$out/requests.jsonl") apps)"
  else
    echo "  requests.jsonl DIFFERS from the expected requests"; exit 1
  fi
done
