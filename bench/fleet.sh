#!/usr/bin/env bash
# Benchmark, not a test: 50 Install ECE HA rehearsals started at once, first on one node, then on two nodes
# sharing one (embedded) PostgreSQL, with zero simulated durations; their tasks answered over REST. Prints wall
# time, jobs run, failed jobs (must be 0), optimistic-locking conflicts run again and resident memory per node.
# Usage: bench/fleet.sh [runs, default 50]. Builds the jar and the test classes it needs (Maven goes online once
# for the dependency plugin on a fresh machine).
set -euo pipefail
runs=${1:-50}
cd "$(dirname "$0")/.."
ls target/ece-ha-runbook-*.jar > /dev/null 2>&1 || mvn -q -DskipTests package
mvn -q -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
status=0
for nodes in 1 2; do
  log=$(mktemp)
  java -cp "$classpath" com.eceops.runbook.it.Fleet "$nodes" "$runs" > "$log" 2>&1 || status=$?
  sed -n '/rehearsals of InstallEceHa on/,$p' "$log" | grep -v ' INFO '
  [ "$status" -eq 0 ] || { echo "failed (exit $status), see $log"; exit "$status"; }
  rm -f "$log"
done
