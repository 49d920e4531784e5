#!/usr/bin/env bash
# Issue 18's benchmark: how long `./corescope investigate --simulate` takes in real time on simulated
# machines of 16, 64 and 128 CPUs (JVM start, simulation, analysis and charts included; the first build
# excluded), how many seconds of measurement it simulated, and what it found. Must hold: the 128-CPU
# investigate in at most 5 s of real time, on a quiet machine.
# usage: bench/simulate.sh [RUNS] [OUT_DIR]     (RUNS per machine, default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
out="${2:-$(mktemp -d)}"
mkdir -p "$out"
export CORESCOPE_HOME="$out/home"
[[ -f cli/target/corescope.jar ]] || mvn -q -B -DskipTests package
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A machines=(
  [cores-16]='{"cores": 16}'
  [cores-64]='{"cores": 64}'
  [cores-128]='{"cores": 128}'
  [smt-64x2]='{"cores": 64, "threadsPerCore": 2, "smtSlowdown": 1.25}'
)
for name in cores-16 cores-64 cores-128 smt-64x2; do
  echo "${machines[$name]}" > "$out/$name.json"
  for i in $(seq 1 "$runs"); do
    s=$(date +%s%N)
    ./corescope investigate --simulate "$out/$name.json" --quiet --json --out "$out/$name-$i" > "$out/$name-$i.out"
    e=$(date +%s%N)
    python3 - "$name" "$i" "$s" "$e" "$out/$name-$i.out" <<'PY'
import json, sys
name, i, s, e, f = sys.argv[1:]
d = json.load(open(f))
print(f"{name:10s} run {i}: {(int(e) - int(s)) / 1e9:5.2f} s real, {d['seconds']:6.2f} s simulated, "
      f"threshold {d['threshold']}, levels {[l['workers'] for l in d['levels']]}")
PY
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "outputs in $out"
