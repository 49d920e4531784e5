#!/usr/bin/env bash
# Issue 23's benchmark: the threshold on simulated machines (simulation, not real timing, so the figures do not
# depend on how busy this machine is; docs/method.md §1 and §7 quote them):
#   1. investigate on each machine of the table, seeds 1..SEEDS (default 20): how often the threshold is the truth
#   2. one level's decision under the sequential design over RATE_SEEDS seeds (default 1000), per-task CV 2%,
#      tolerance 5%: a clean level, one worker's tasks 7% slower, all tasks 7% slower, at 2, 8 and 64 workers;
#      and the cache's quick check of 64 workers beside one hogged CPU of 64 (and on a free machine)
#   3. the simulated measurement time of investigate on 16, 64 and 128 CPUs
# usage: bench/thresholds.sh [OUT_DIR]     env: SEEDS (20), RATE_SEEDS (1000), ONLY (machines|rates|timing)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="${1:-runs/bench-thresholds-$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$out"
export CORESCOPE_HOME="$out/home"
[[ -f cli/target/corescope.jar && -d core/target/test-classes ]] || mvn -q -B -DskipTests package
cp="core/target/test-classes:cli/target/corescope.jar"
run() { java -XX:+UseSerialGC -cp "$cp" dev.corescope.experiment.ThresholdSweep "$@"; }
{
echo "machine: $(nproc) CPUs, $(java -version 2>&1 | head -1), $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
if [[ -z "${ONLY:-}" || "${ONLY:-}" == machines ]]; then
  echo; echo "== investigate on simulated machines, seeds 1..${SEEDS:-20}"; run machines "${SEEDS:-20}"
fi
if [[ -z "${ONLY:-}" || "${ONLY:-}" == rates ]]; then
  echo; echo "== one level's decision, seeds 1..${RATE_SEEDS:-1000}"; run rates "${RATE_SEEDS:-1000}"
  echo; echo "== at the boundary"; run boundary "${RATE_SEEDS:-1000}"
fi
if [[ -z "${ONLY:-}" || "${ONLY:-}" == timing ]]; then
  echo; echo "== simulated measurement time"; run timing
fi
} 2>&1 | tee "$out/thresholds.txt"
