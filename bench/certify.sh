#!/usr/bin/env bash
# The real must-holds of the certification (issue 24), for the lead to run ALONE on a quiet machine.
# ROUNDS rounds (5); in each, in the same minutes:
#   - the references of whether two workers are clean on this machine without corescope: the C `mm`
#     (../shared/anchors/reference/mm.c: 2 pinned processes against 1, n=250) and JMH -t 1 / -t 2 of the same
#     kernels (bench/jmh: MatmulNaiveBench, SortMergeBench; -f 1 -wi 3 -i 5 -w 1 -r 1);
#   - for matmul-naive 250 and sort-merge 200000, -r REPEATS (200): `assess --workers 2` (a fixed level,
#     certified or not) and `assess --workers auto` (fresh CORESCOPE_HOME: it investigates the spin kernel first);
#   - the >= 20 s assessment `-a matmul-naive -n 300..600:100 -r 100` with --workers auto and with --workers 1:
#     the whole command's wall time, auto over one worker (must be <= 0.62 once certified);
#   - with INTERFERENCE=1 (default): bench/interference/burst.c pinned to CPU BURST_CPU (1), 2 ms of work every
#     20 ms (10% of that CPU), while `--workers 2` and `--workers auto` assess matmul-naive 250 again: 2 must not
#     be certified and auto must end at one worker.
# Then a table (python3) with the must-holds counted over the rounds where the references see 2 workers clean
# (C 2/1 mean within 3%, JMH -t 2/-t 1 within 5%).
#
# usage: bench/certify.sh [OUT_DIR]
# env:   ROUNDS (5), REPEATS (200), MODE (threads|processes, default threads), SKIP_BUILD=1, SKIP_REFS=1 (no C, no JMH),
#        INTERFERENCE=0, BURST_CPU (1), TINY=1 (tiny sizes and repeats, 1 round, no JMH: checks the script, not the machine)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="${1:-runs/bench-certify-$(date +%Y%m%d-%H%M%S)}"
rounds="${ROUNDS:-5}"
repeats="${REPEATS:-200}"
mode="${MODE:-threads}"
burst_cpu="${BURST_CPU:-1}"
matmul_n=250; sort_n=200000; long_sizes="300..600:100"; long_r=100; mm_reps=200
if [[ -n "${TINY:-}" ]]; then
  rounds=1; repeats=6; matmul_n=40; sort_n=2000; long_sizes="40..70:10"; long_r=6; mm_reps=5; SKIP_JMH=1
fi
mkdir -p "$out"
if [[ -z "${SKIP_BUILD:-}" ]]; then
  echo "== build" >&2
  mvn -q -B -DskipTests package
  [[ -n "${SKIP_REFS:-}${SKIP_JMH:-}" ]] || (cd bench/jmh && mvn -q -B package)
fi
refdir="$(mktemp -d)"
gcc -O2 -o "$refdir/burst" bench/interference/burst.c
if [[ -z "${SKIP_REFS:-}" ]]; then
  cp "$root"/../shared/anchors/reference/mm.c "$refdir"/
  (cd "$refdir" && gcc -O2 -o mm mm.c -lm)
fi
{
  echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
  echo "mode: $mode; rounds: $rounds; repeats: $repeats; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out/machine.txt" >&2

assess() { # label workers args...: one corescope command, timed as a whole, with a fresh home
  local label="$1" workers="$2"; shift 2
  local home s e
  home="$(mktemp -d)"
  s=$(date +%s%N)
  CORESCOPE_HOME="$home" "$root/corescope" assess "$@" --workers "$workers" --mode "$mode" -q --json \
    --out "$out/$label" > "$out/$label.json" 2> "$out/$label.err" || true
  e=$(date +%s%N)
  echo "$(( (e - s) / 1000000 ))" > "$out/$label.wall_ms"
  rm -rf "$home"
}

refs() { # round: the C reference and JMH, same minutes as the round's assessments
  local r="$1"
  [[ -z "${SKIP_REFS:-}" ]] || return 0
  (cd "$refdir" && ./mm 1 "$matmul_n" "$mm_reps" 0 && ./mm 2 "$matmul_n" "$mm_reps" 0) > "$out/ref-$r-c.txt" 2>&1 || true
  [[ -z "${SKIP_JMH:-}" ]] || return 0
  for bench in MatmulNaiveBench SortMergeBench; do
    for t in 1 2; do
      java -jar bench/jmh/target/benchmarks.jar "$bench" -t "$t" -f 1 -wi 3 -i 5 -w 1 -r 1 \
        -rf json -rff "$out/ref-$r-$bench-t$t.json" > "$out/ref-$r-$bench-t$t.txt" 2>&1 || true
    done
  done
}

for r in $(seq 1 "$rounds"); do
  echo "== round $r: references" >&2
  refs "$r"
  for w in "matmul-naive:$matmul_n" "sort-merge:$sort_n"; do
    name="${w%%:*}"; n="${w##*:}"
    echo "== round $r: $name n=$n: --workers 2, then auto" >&2
    assess "$name-two-$r" 2 -a "$name" -n "$n" -r "$repeats"
    assess "$name-auto-$r" auto -a "$name" -n "$n" -r "$repeats"
  done
  echo "== round $r: the long assessment, auto then one worker" >&2
  assess "long-auto-$r" auto -a matmul-naive -n "$long_sizes" -r "$long_r"
  assess "long-one-$r" 1 -a matmul-naive -n "$long_sizes" -r "$long_r"
  if [[ "${INTERFERENCE:-1}" != 0 ]]; then
    echo "== round $r: with interference on CPU $burst_cpu: --workers 2, then auto" >&2
    "$refdir/burst" "$burst_cpu" 2 20 > "$out/burst-$r.txt" 2>&1 &
    burst=$!
    sleep 1
    assess "busy-two-$r" 2 -a matmul-naive -n "$matmul_n" -r "$repeats"
    assess "busy-auto-$r" auto -a matmul-naive -n "$matmul_n" -r "$repeats"
    kill "$burst"; wait "$burst" 2>/dev/null || true
  fi
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt" >&2
rm -rf "$refdir"
python3 "$root/bench/certify-table.py" "$out" "$rounds"
