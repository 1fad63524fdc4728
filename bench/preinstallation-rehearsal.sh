#!/usr/bin/env bash
# Benchmark, not a test: wall time of a full preinstallation rehearsal of the sample estate with zero
# simulated durations and no pause between checks, forms answered from the answers file, and how many
# steps it ran.  Usage: bench/preinstallation-rehearsal.sh   (package first: mvn -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$(ls target/ece-ha-runbook-*.jar | grep -v original | head -1)
data=$(mktemp -d)
start=$(date +%s%N)
RUNBOOK_DATA_DIR=$data RUNBOOK_ADMIN_PASSWORD=benchmark-only-password RUNBOOK_REHEARSAL_DURATION_SCALE=0 \
  RUNBOOK_WAITS_REHEARSALPOLLINTERVAL=PT0S \
  java -jar "$jar" --rehearse=massivedynamic --process=Preinstallation --answers=rehearsals/massivedynamic-answers.yaml > "$data/console.log" 2>&1
end=$(date +%s%N)
grep -E "^rehearsal |finished " "$data/console.log"
echo "steps run (distinct step activities finished): $(grep -oE 'step [0-9]+ of [0-9]+' "$data/console.log" | tail -1)"
echo "human tasks answered: $(grep -c '^answering ' "$data/console.log")"
awk -v a="$start" -v b="$end" 'BEGIN {printf "wall time including JVM start: %.1f s\n", (b - a) / 1e9}'
rm -rf "$data"
