#!/usr/bin/env bash
# The synthetic sweep of `corescope jmh`'s certification (issue 22): SEEDS (1000) whole runs of each scenario, pure
# computation (no JVM is started, nothing is timed, so it may run beside other work), through the real controls'
# placement, steering and equivalence test (dev.corescope.experiment.jmh.JmhSyntheticRun, test sources): a suite of
# JOBS (38, as bench/jmh-suite with -f 1) one-fork results at level 2, each fork 5 measured iterations, a control
# measuring its first two alone, the forks that drain before a control or end the run measuring their last two alone.
# Scenarios: clean (forks 2% apart, iterations 1%); noisy but equal (forks 5% apart, iterations 2%); every iteration
# beside others 5% slower; two iterations 3x slower beside others only; 5% of all iterations beside others 3x slower
# (the limit of a sampled check). Prints the Markdown table of docs/method.md.
#
# usage: bench/jmh-certify-synthetic.sh [SEEDS [THREADS [JOBS]]]     env: SKIP_BUILD=1
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if [[ -z "${SKIP_BUILD:-}" ]]; then
  mvn -q -B -DskipTests package # the jar (with its dependencies) and the test classes (compiled, not run)
fi
java -cp "cli/target/corescope.jar:core/target/test-classes" dev.corescope.experiment.jmh.JmhCertifySweep "${1:-1000}" \
  "${2:-1}" "${3:-38}"
