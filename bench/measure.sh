#!/usr/bin/env bash
# Every figure of docs/PERFORMANCE.md, in one go (about 12 minutes on 2 cores). Output: a log on stdout.
#   bench/measure.sh [COUNT]     COUNT requests for the end-to-end batch (default 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000000}
work=${BENCH_DIR:-/tmp/tariff-bench}
mkdir -p "$work"
echo "== $(date -u +%FT%TZ)  $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== cold tariff evaluate against the hand-coded process (HandEvaluate), in turn, 5 pairs"
./tariff --version > /dev/null
mvn -q -B -Pbench -DskipTests test-compile
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
for i in 1 2 3 4 5; do
  /usr/bin/time -f "rules: %e s wall, %U s user" ./tariff evaluate examples/pro-mid-month.json 2>&1 >/dev/null | tail -1
  /usr/bin/time -f "hand:  %e s wall, %U s user" java -XX:+UseParallelGC -XX:TieredStopAtLevel=1 -cp "$cp" \
    im.tariff.bench.HandEvaluate examples/pro-mid-month.json 2>&1 >/dev/null | tail -1
done

echo "== cold tariff check of the bundled rules (3 runs)"
for i in 1 2 3; do /usr/bin/time -f "check: %e s wall, %U s user" ./tariff check 2>&1 >/dev/null | tail -1; done

echo "== batch end to end, rules vs hand-coded baseline ($count generated requests), both mixes"
BENCH_DIR="$work" bench/compare.sh --mix month-end "$count"
BENCH_DIR="$work" bench/compare.sh --mix uniform "$count"

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
