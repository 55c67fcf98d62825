#!/usr/bin/env bash
# Runs the JMH benchmarks of src/jmh/java (compiled only under the Maven profile "bench").
#   bench/run.sh                      all benchmarks
#   bench/run.sh EvaluateBench        one class (any JMH regexp and options, e.g. -f 1 -wi 2 -i 3)
#   bench/run.sh -prof jfr ...        with a JMH profiler
set -euo pipefail
cd "$(dirname "$0")/.."
./tariff --version > /dev/null   # builds the jar first: its plain build would drop the bench classes
mvn -q -B -Pbench -DskipTests test-compile
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main "$@"
