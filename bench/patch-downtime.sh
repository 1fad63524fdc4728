#!/usr/bin/env bash
# Benchmark, not a test: the patch rehearsal's simulated downtime (Cisco service stop to validated start) with
# the document's durations on the lab's virtual clock, against the sum of the steps' own durations, and the wall
# time of the same patch with zero durations. Prints figures, asserts nothing.
# Usage: bench/patch-downtime.sh [clock speed, default 600]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -q -B test -Dtest=PatchDowntimeBenchmark -Dbench.clockSpeed="${1:-600}" -Dsurefire.failIfNoSpecifiedTests=false 2>&1 \
  | sed -n '/patch downtime benchmark/,/wall time with zero durations/p'
