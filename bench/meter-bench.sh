#!/usr/bin/env bash
# Metering benchmark (docs/PERFORMANCE-METERING.md): generates seeded events for APPS apps (about EVENTS logins in
# 2026-10, plus group snapshots and barrage samples) once, then meters them from Parquet and from CSV on the embedded
# engine (DuckDB, the default) and on Spark in local mode, and runs the plain DuckDB script (bench/PlainDuckDB.java:
# the same daily figures, no checks, no requests, no bills) on the same files. Every run is a whole process under
# /usr/bin/time -v (wall time, CPU, max RSS), and every metered requests.jsonl is checked against the generator's
# expected requests.
#
#   bench/meter-bench.sh [EVENTS] [APPS] [DIR]      defaults: 5000000 2000 /tmp/tariff-meter-bench
#   RUNS="duckdb:parquet plain:parquet" bench/…     only some runs (engine:format; spark:FORMAT:CORES for Spark)
#   TARIFF_METER_JAVA_OPTS=-Xmx6g                   heap of the Spark runs (the embedded engine needs no setting)
# Repeat the pairs you compare (A B A B) on a shared machine and quote the ratios.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
events="${1:-5000000}"
apps="${2:-2000}"
dir="${3:-/tmp/tariff-meter-bench}"
runs="${RUNS-duckdb:parquet plain:parquet duckdb:csv plain:csv spark:parquet:2 spark:csv:2}"
data="$dir/data-$events-$apps"
mkdir -p "$dir"

if [ ! -f "$data/expected-requests.jsonl" ]; then
  echo "generating $events events for $apps apps into $data ..."
  /usr/bin/time -f "generate: %e s wall, %M KB max RSS" \
    "$root/tariff" meter-generate --apps "$apps" --events "$events" --month 2026-10 --seed 7 --out "$data"
fi
du -sh "$data"/logins.* 2>/dev/null || true

# the plain DuckDB script, compiled once against the DuckDB driver the meter module uses
duckdb_jar="$(tr ':' '\n' < "$root/meter/target/classpath.txt" | grep '/duckdb_jdbc-' | head -1)"
mkdir -p "$dir/plain"
javac -d "$dir/plain" -cp "$duckdb_jar" "$root/bench/PlainDuckDB.java"

for run in $runs; do
  IFS=: read -r engine fmt cores <<< "$run"
  out="$dir/out-$engine-$fmt"
  log="$dir/log-$engine-$fmt.txt"
  rm -rf "$out"
  echo "== $engine, $fmt${cores:+, local[$cores]}"
  case "$engine" in
    plain)
      /usr/bin/time -v java -cp "$dir/plain:$duckdb_jar" PlainDuckDB "$data" "$fmt" "$dir/plain-$fmt.txt" \
        > /dev/null 2> "$log" ;;
    duckdb)
      /usr/bin/time -v "$root/tariff" meter --month 2026-10 --logins "$data/logins.$fmt" --groups "$data/groups.$fmt" \
        --barrage "$data/barrage.$fmt" --accounts "$data/accounts.jsonl" --out "$out" > /dev/null 2> "$log" ;;
    spark)
      TARIFF_METER_JAVA_OPTS="${TARIFF_METER_JAVA_OPTS:--Xmx6g}" /usr/bin/time -v "$root/tariff" meter --engine spark \
        --master "local[${cores:-2}]" --stage-times --month 2026-10 --logins "$data/logins.$fmt" \
        --groups "$data/groups.$fmt" --barrage "$data/barrage.$fmt" --accounts "$data/accounts.jsonl" --out "$out" \
        > /dev/null 2> "$log" ;;
  esac
  grep -E '^(meter|plain duckdb):' "$log" || true
  grep -E 'Elapsed \(wall|Maximum resident|User time|System time' "$log" | sed 's/^\s*/  /'
  grep -E '^stage ' "$log" | sed 's/^/  /' || true
  if [ "$engine" != plain ]; then
    if cmp -s "$out/requests.jsonl" "$data/expected-requests.jsonl"; then
      echo "  requests.jsonl = expected ($(wc -l < "$out/requests.jsonl") apps)"
    else
      echo "  requests.jsonl DIFFERS from the expected requests"; exit 1
    fi
  fi
done
