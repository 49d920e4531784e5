#!/usr/bin/env bash
# Cluster benchmark: dispatch overhead (empty tasks) and throughput with 1, 2, 3 members on this machine.
# Members are separate JVMs on loopback, each pinned to one CPU with taskset (member k -> CPU (k-1) mod nproc);
# each has threshold 1 (and runs its tasks in one worker JVM, which inherits the pinning). The coordinator JVM is
# not pinned. Members and coordinator share a throw-away CORESCOPE_HOME, so they share a fresh cluster key and
# never touch ~/.corescope. Usage: bench/cluster.sh [maxMembers] [spinTasks] [loops]
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=cli/target/corescope.jar
[ -f "$JAR" ] && [ -d cluster/target/test-classes ] || mvn -B -q package -DskipTests # ClusterBench: a test class of cluster
MAX=${1:-3}; SPINS=${2:-60}; LOOPS=${3:-60000000}
NAME="corescope-bench-$$"
BASE=${CORESCOPE_BENCH_PORT:-5851}
CPUS=$(nproc)
PIDS=()
export CORESCOPE_HOME; CORESCOPE_HOME=$(mktemp -d)
cleanup() {
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true
  rm -rf "$CORESCOPE_HOME"
}
trap cleanup EXIT
start_member() { # $1 = index (0-based)
  local i=$1 port=$((BASE + $1)) join=()
  [ "$i" -gt 0 ] && join=(--members "127.0.0.1:$BASE")
  local out; out=$(mktemp)
  taskset -c $((i % CPUS)) java -XX:+UseSerialGC -Xmx256m -jar "$JAR" member --port "$port" --threshold 1 \
      --cluster-name "$NAME" "${join[@]}" >"$out" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 600); do grep -q '^ready' "$out" && return 0; sleep 0.1; done
  echo "member $i did not start:"; cat "$out"; exit 1
}
echo "# $(date -u +%FT%TZ) $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
ADDRS=""
for k in $(seq 1 "$MAX"); do
  start_member $((k - 1))
  ADDRS="${ADDRS:+$ADDRS,}127.0.0.1:$((BASE + k - 1))"
  echo "## $k member(s)"
  java -XX:+UseSerialGC -cp "$JAR:cluster/target/test-classes" dev.corescope.cluster.ClusterBench "$NAME" "$ADDRS" 2000 "$SPINS" "$LOOPS"
done
