#!/usr/bin/env bash
# The synthetic must-holds of the certification (issue 24): SEEDS (1000) certified runs of each scenario through the
# real session, batch runner, record log and equivalence test, on a simulated pool with invented timings
# (dev.corescope.exec.VirtualPool; no real timing, so it may run beside other work). Scenarios (level 2, auto):
# identical lognormal CV 3% with 0.2% of tasks 3x slower on both sides at -r 10 and -r 30 over 10 sizes and at
# 1 size x 200; the level 5% slower; 2% of the level's tasks 3x slower with clean controls at 400 tasks; and a
# perfectly scaling pool at --workers 8. Prints a Markdown table (the one in docs/method.md).
#
# usage: bench/certify-synthetic.sh [SEEDS [THREADS [SCENARIO...]]]     env: SKIP_BUILD=1
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
seeds="${1:-1000}"
threads="${2:-1}"
shift $(( $# > 2 ? 2 : $# )) || true
if [[ -z "${SKIP_BUILD:-}" ]]; then
  mvn -q -B -DskipTests package # the jar (with its dependencies) and the test classes (compiled, not run)
fi
java -cp "cli/target/corescope.jar:core/target/test-classes" dev.corescope.experiment.CertifySweep "$seeds" "$threads" "$@"
