#!/usr/bin/env bash
# Benchmark, not a test: wall time of a whole rehearsal of one process on the sample estate with zero
# simulated durations and no pause between checks, forms answered from the answers file, and how many
# steps it ran.  Usage: bench/rehearsal.sh [process key, default InstallEceHa]
# (package first: mvn -DskipTests package).  bench/preinstallation-rehearsal.sh and
# bench/install-rehearsal.sh are the two figures the docs quote.
set -euo pipefail
process=${1:-InstallEceHa}
cd "$(dirname "$0")/.."
jar=$(ls target/ece-ha-runbook-*.jar | grep -v original | head -1)
data=$(mktemp -d)
rc=0
start=$(date +%s%N)
RUNBOOK_DATA_DIR=$data RUNBOOK_ADMIN_PASSWORD=benchmark-only-password RUNBOOK_REHEARSAL_DURATION_SCALE=0 \
  RUNBOOK_WAITS_REHEARSALPOLLINTERVAL=PT0S \
  java -jar "$jar" --rehearse=massivedynamic --process="$process" --answers=rehearsals/massivedynamic-answers.yaml > "$data/console.log" 2>&1 || rc=$?
end=$(date +%s%N)
echo "process: $process (exit code $rc)"
grep -E "^rehearsal |finished " "$data/console.log"
echo "steps run (distinct step activities finished): $(grep -oE 'step [0-9]+ of [0-9]+' "$data/console.log" | tail -1)"
echo "human tasks answered: $(grep -c '^answering ' "$data/console.log")"
awk -v a="$start" -v b="$end" 'BEGIN {printf "wall time including JVM start: %.1f s\n", (b - a) / 1e9}'
rm -rf "$data"
