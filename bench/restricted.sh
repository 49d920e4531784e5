#!/usr/bin/env bash
# Is investigate still right when the process gets less than the machine? RUNS runs each of
#   affinity   taskset -c 0 (one allowed CPU)                        expected threshold: 1
#   quota 1.0  cgroup v1 cpu.cfs_quota_us = 1 x the period            expected: 1
#   quota 1.5  cgroup v1 cpu.cfs_quota_us = 1.5 x the period          expected: 1
#   busy core  another process spinning on CPU 1                      expected: 1
#   free       nothing restricted                                     (the machine's own answer)
# The quota cases need root and a cgroup v1 cpu controller at /sys/fs/cgroup/cpu (skipped otherwise).
# usage: bench/restricted.sh [OUT_DIR]     env: RUNS (5), MODE (threads)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="${1:-runs/bench-restricted-$(date +%Y%m%d-%H%M%S)}"
runs="${RUNS:-5}"
mode="${MODE:-threads}"
mkdir -p "$out"
export CORESCOPE_HOME="$out/home"
[[ -f cli/target/corescope.jar ]] || mvn -q -B -DskipTests package
inv() { # label prefix...
  local label="$1"; shift
  local got=()
  for i in $(seq 1 "$runs"); do
    "$@" ./corescope investigate --mode "$mode" --no-cache --quiet --json --out "$out/$label-$i" > "$out/$label-$i.json" 2>"$out/$label-$i.err" || true
    got+=("$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(d.get('threshold', d.get('analysis', {}).get('threshold', '?')))" "$out/$label-$i.json" 2>/dev/null || echo '?')")
  done
  printf '%-12s thresholds: %s\n' "$label" "${got[*]}"
}
echo "machine: $(nproc) CPUs, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
inv free env
inv affinity taskset -c 0
cg=/sys/fs/cgroup/cpu
if [[ -w "$cg" ]]; then
  for q in 1.0 1.5; do
    d="$cg/corescope-bench-$$-${q/./}"
    mkdir -p "$d"
    period=$(cat "$d/cpu.cfs_period_us")
    quota=$(python3 -c "print(int($q * $period))")
    echo "$quota" > "$d/cpu.cfs_quota_us"
    inv "quota-$q" sh -c 'echo $$ > '"$d"'/tasks; exec "$@"' sh
    rmdir "$d" 2>/dev/null || true
  done
else
  echo "quota cases skipped: $cg is not writable (needs root and cgroup v1)"
fi
taskset -c 1 python3 -c 'while True: pass' &
hog=$!
sleep 1
inv busy-core env
kill "$hog"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
