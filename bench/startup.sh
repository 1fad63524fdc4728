#!/usr/bin/env bash
# Benchmark, not a test: start-up time and resident memory of the packaged application.
# Usage: bench/startup.sh [runs]   (package first: mvn -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
jar=$(ls target/ece-ha-runbook-*.jar | grep -v original | head -1)
port=18080
echo "jar: $jar ($(du -h "$jar" | cut -f1)), runs: $runs, cores: $(nproc)"
for i in $(seq 1 "$runs"); do
  data=$(mktemp -d)
  start=$(date +%s%N)
  RUNBOOK_DATA_DIR=$data RUNBOOK_PORT=$port RUNBOOK_ADMIN_PASSWORD=benchmark-only-password \
    java -jar "$jar" > "$data/console.log" 2>&1 &
  pid=$!
  until curl -fs "http://localhost:$port/actuator/health" > /dev/null 2>&1; do
    if ! kill -0 $pid 2>/dev/null; then echo "run $i: the application stopped"; tail -20 "$data/console.log"; exit 1; fi
    sleep 0.1
  done
  ready=$(date +%s%N)
  sleep 2
  rss_kb=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  reported=$(grep -o 'Started RunbookApplication in [0-9.]* seconds' "$data/console.log" | grep -o '[0-9.]*' | head -1)
  printf 'run %d: healthy after %5.2f s (Spring reports %s s), resident memory %d MB\n' \
    "$i" "$(awk -v a="$start" -v b="$ready" 'BEGIN {print (b - a) / 1e9}')" "${reported:-?}" "$((rss_kb / 1024))"
  kill $pid; wait $pid 2>/dev/null || true
  rm -rf "$data"
done
