#!/bin/sh
# Library search benchmark (not run by ./mvnw verify). Usage: bench/run.sh [resources] [runs]
# Defaults: 100,000 resources, 40 timed runs per query (after a few warm-up runs). Prints lines starting with
# "BENCH" as they are measured, writes the table to target/library-benchmark.md (copy it into docs/benchmarks.md),
# and the machine's load before and after (the numbers mean little on a loaded machine).
cd "$(dirname "$0")/.." || exit 1
echo "load before: $(uptime)"
./mvnw -q test -Dtest=LibrarySearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.resources="${1:-100000}" -Dbench.runs="${2:-40}" -DargLine="-Xmx4g"
status=$?
echo "load after: $(uptime)"
exit $status
