#!/bin/sh
# Library search benchmark (not run by ./mvnw verify). Usage: bench/run.sh [resources] [runs]
# Writes target/library-benchmark.md; copy its lines into docs/benchmarks.md.
cd "$(dirname "$0")/.." || exit 1
exec ./mvnw -q test -Dtest=LibrarySearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.resources="${1:-100000}" -Dbench.runs="${2:-200}" -DargLine="-Xmx3g"
