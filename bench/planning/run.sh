#!/bin/sh
# Planning benchmark: a plan template applied to 1,000 organisations as a background job (JobRunr), timed from
# the request to the job's end, on the test configuration (embedded H2). Not part of ./mvnw verify.
# Usage: bench/planning/run.sh [number of organisations, default 1000]
set -e
cd "$(dirname "$0")/../.."
./mvnw -q test -Dtest=PlanTemplateBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.organisations="${1:-1000}" | grep BENCHMARK
