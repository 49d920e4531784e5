#!/usr/bin/env bash
# The simulated twin of bench/restricted.sh: the same configurations as simulated machines of this VM's
# shape (2 cores, no SMT), each run RUNS times with seeds 1..RUNS, so that the threshold simulated can be
# set beside the threshold measured for real (docs/method.md, "Same threshold simulated as real"):
#   affinity   1 allowed CPU (simulated as a 1-core machine)          expected threshold: 1
#   quota 1.0  quotaCpus 1.0                                           expected: 1
#   quota 1.5  quotaCpus 1.5                                           expected: 1
#   busy core  busyCpus [1] (a program spinning on CPU 1)              expected: 1
#   free       nothing restricted                                      expected: 2
# NOISE sets noiseCv (default 0.02, about this VM's spread of a 20 ms spin task).
# usage: bench/restricted-sim.sh [OUT_DIR]     env: RUNS (5), MODE (threads), NOISE (0.02)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="${1:-runs/bench-restricted-sim-$(date +%Y%m%d-%H%M%S)}"
runs="${RUNS:-5}"
mode="${MODE:-threads}"
noise="${NOISE:-0.02}"
mkdir -p "$out"
export CORESCOPE_HOME="$out/home"
[[ -f cli/target/corescope.jar ]] || mvn -q -B -DskipTests package
sim() { # label machine-json-without-seed
  local label="$1" spec="$2"
  local got=()
  for i in $(seq 1 "$runs"); do
    echo "{$spec, \"noiseCv\": $noise, \"seed\": $i}" > "$out/$label-$i.machine.json"
    ./corescope investigate --simulate "$out/$label-$i.machine.json" --mode "$mode" --quiet --json \
      --out "$out/$label-$i" > "$out/$label-$i.json" 2>"$out/$label-$i.err" || true
    got+=("$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['threshold'])" "$out/$label-$i.json" 2>/dev/null || echo '?')")
  done
  printf '%-12s thresholds: %s\n' "$label" "${got[*]}"
}
echo "simulated twins of this VM ($(nproc) CPUs), $runs seeds each, noise CV $noise"
sim free '"cores": 2'
sim affinity '"cores": 1'
sim quota-1.0 '"cores": 2, "quotaCpus": 1.0'
sim quota-1.5 '"cores": 2, "quotaCpus": 1.5'
sim busy-core '"cores": 2, "busyCpus": [1]'
echo "outputs in $out"
