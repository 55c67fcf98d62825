#!/usr/bin/env bash
# Every figure of docs/PERFORMANCE.md, in one go (about 12 minutes on 2 cores). Output: a log on stdout.
#   bench/measure.sh [COUNT]     COUNT requests for the end-to-end batch (default 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000000}
work=${BENCH_DIR:-/tmp/tariff-bench}
mkdir -p "$work"
echo "== $(date -u +%FT%TZ)  $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== cold tariff evaluate (5 runs each; the first CDS run also makes the archive)"
./tariff --version > /dev/null
for mode in cds nocds; do
  for i in 1 2 3 4 5; do
    if [ $mode = nocds ]; then export TARIFF_NO_CDS=1; fi
    /usr/bin/time -f "$mode: %e s wall, %U s user" ./tariff evaluate examples/pro-mid-month.json 2>&1 >/dev/null | tail -1
    unset TARIFF_NO_CDS
  done
done

echo "== batch end to end, rules vs hand-coded baseline ($count generated requests)"
BENCH_DIR="$work" bench/compare.sh "$count"

echo "== memory: 2,000,000 lines with -Xmx512m (heap after each full GC = live set)"
if [ ! -f "$work/in2m.jsonl" ]; then ./tariff generate --count 2000000 --seed 20261126 > "$work/in2m.jsonl"; fi
TARIFF_JAVA_OPTS="-XX:+UseParallelGC -Xmx512m -Xlog:gc:file=$work/gc2m.log" \
  /usr/bin/time -f "%e s wall, %U s user, max RSS %M KB" ./tariff batch "$work/in2m.jsonl" -o "$work/out2m.jsonl" 2>&1 | tail -2
grep 'Pause Full' "$work/gc2m.log" | awk '{print $1, $(NF-1)}' | sed -n '1p;$p'
grep 'Pause Full' "$work/gc2m.log" | sed -E 's/.*->([0-9]+)M.*/\1/' | sort -n | sed -n '1p;$p' | paste -sd' ' | sed 's/^/live set after full GC, min max MB: /'

echo "== JMH"
# iterations shortened for the steady-state ones; RuleBuildBench keeps its own (cold = first build of a fork)
bench/run.sh 'EvaluateBench|JsonBench|FactShapeBench|EndToEndBench' -wi 3 -i 3 -w 3 -r 3 2>&1 \
  | sed -n '/^Benchmark /,$p'
bench/run.sh RuleBuildBench 2>&1 | sed -n '/^Benchmark /,$p'
echo "== done $(date -u +%FT%TZ), load: $(cut -d' ' -f1-3 /proc/loadavg)"
