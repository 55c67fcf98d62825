#!/usr/bin/env bash
# Batch end to end, rules vs the hand-coded baseline, in one run on the same generated input.
#   bench/compare.sh [--mix uniform|month-end] [COUNT] [SEED]   (default uniform, 1000000 requests, seed 20261126)
# Prints both summaries and the rules' throughput as a fraction of the baseline's, and checks that both
# wrote the very same bills (byte for byte).
set -euo pipefail
cd "$(dirname "$0")/.."
mix=uniform
if [ "${1:-}" = "--mix" ]; then mix=$2; shift 2; fi
count=${1:-1000000}
seed=${2:-20261126}
work=${BENCH_DIR:-/tmp/tariff-bench}
mkdir -p "$work"
./tariff --version > /dev/null   # builds the jar first: its plain build would drop the bench classes
mvn -q -B -Pbench -DskipTests test-compile
./tariff generate --mix "$mix" --count "$count" --seed "$seed" > "$work/in.jsonl"
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
opts=${TARIFF_JAVA_OPTS:--XX:+UseParallelGC -Xmx512m}
rules_line=$(./tariff batch "$work/in.jsonl" -o "$work/rules.jsonl" 2>&1 | tail -1)
base_line=$(java $opts -Dfile.encoding=UTF-8 -cp "$cp" im.tariff.bench.BaselineBatch "$work/in.jsonl" "$work/base.jsonl" 2>&1 | tail -1)
echo "rules:    $rules_line"
echo "baseline: $base_line"
r=$(sed -E 's/.* ([0-9]+) bills\/s.*/\1/' <<<"$rules_line")
b=$(sed -E 's/.* ([0-9]+) bills\/s.*/\1/' <<<"$base_line")
awk -v r="$r" -v b="$b" 'BEGIN { printf "rules / hand-coded = %.2f\n", r / b }'
if cmp -s "$work/rules.jsonl" "$work/base.jsonl"; then
  echo "outputs identical ($(wc -l < "$work/rules.jsonl") lines)"
else
  echo "OUTPUTS DIFFER: first difference:"; cmp "$work/rules.jsonl" "$work/base.jsonl" | head -1
  exit 1
fi
