#!/usr/bin/env bash
# Issue 10's benchmark: does `assess --workers auto` give clean numbers faster than one worker?
# For matmul-naive n=250 and sort-merge n=200000, 200 repeats each, threads mode (the default):
# ROUNDS alternating pairs of `--workers auto` (fresh cache: it investigates the spin kernel first) and
# `--workers 1`, then JMH's -t 1 and -t 2 on the same kernels in the same run, as the independent
# reference of whether two concurrent workers slow each other down without corescope's harness.
# With BUSY=1 it runs auto once more per workload while another process keeps CPU 1 busy. With TWO=1 every
# round also runs `--workers 2` (a fixed level: certified or not, never stepped down), which shows what
# the certification says of two workers on this machine when auto chose fewer.
#
# Figures per pair: the level auto chose and its verdict; mean and sd of the auto run over those of the
# one-worker run; throughput ratio = (tasks / measurement wall) of auto over that of one worker, the
# measurement wall of auto including its one-worker controls and drains; whole-command wall ratio.
#
# corescope runs through its launcher, as a user runs it (serial collector, CDS archive).
# usage: bench/certify.sh [OUT_DIR]          env: ROUNDS (3), SKIP_BUILD=1, SKIP_JMH=1, BUSY=1, TWO=1, REPEATS (200)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="${1:-runs/bench-certify-$(date +%Y%m%d-%H%M%S)}"
rounds="${ROUNDS:-3}"
repeats="${REPEATS:-200}"
mkdir -p "$out"
if [[ -z "${SKIP_BUILD:-}" ]]; then
  echo "== build" >&2
  mvn -q -B -DskipTests install
  [[ -n "${SKIP_JMH:-}" ]] || (cd bench/jmh && mvn -q -B package)
fi
{
  echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out/machine.txt" >&2

assess() { # name workers label args...
  local name="$1" workers="$2" label="$3"; shift 3
  local home; home="$(mktemp -d)"
  local s e
  s=$(date +%s%N)
  CORESCOPE_HOME="$home" "$root/corescope" assess "$@" -r "$repeats" --workers "$workers" -q --json \
    --out "$out/$label" > "$out/$label.json" 2> "$out/$label.err" || true
  e=$(date +%s%N)
  echo "$(( (e - s) / 1000000 ))" > "$out/$label.wall_ms"
  rm -rf "$home"
}

workloads=("matmul-naive:250" "sort-merge:200000")
for w in "${workloads[@]}"; do
  name="${w%%:*}"; n="${w##*:}"
  for r in $(seq 1 "$rounds"); do
    echo "== $name n=$n round $r: auto, then 1 worker" >&2
    assess "$name" auto "$name-auto-$r" -a "$name" -n "$n"
    assess "$name" 1 "$name-one-$r" -a "$name" -n "$n"
    [[ -z "${TWO:-}" ]] || assess "$name" 2 "$name-two-$r" -a "$name" -n "$n"
  done
  if [[ -n "${BUSY:-}" ]]; then
    echo "== $name n=$n with CPU 1 kept busy by another process" >&2
    taskset -c 1 python3 -c 'while True: pass' &
    hog=$!
    sleep 1
    assess "$name" auto "$name-busy" -a "$name" -n "$n"
    kill "$hog"
  fi
done
if [[ -z "${SKIP_JMH:-}" ]]; then
  echo "== JMH references, -t 1 and -t 2 (same run)" >&2
  for t in 1 2; do
    java -jar bench/jmh/target/benchmarks.jar 'MatmulNaiveBench|SortMergeBench' -t "$t" -f 2 -wi 3 -i 5 -w 1 -r 1 \
      -rf json -rff "$out/jmh-t$t.json" > "$out/jmh-t$t.txt" 2>&1
  done
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt" >&2

python3 - "$out" "$rounds" <<'PY'
import json, os, sys, statistics as st
out, rounds = sys.argv[1], int(sys.argv[2])
def load(label):
    p = os.path.join(out, label + ".json")
    try:
        d = json.load(open(p))
    except Exception:
        return None
    a = d["analysis"]["algorithms"][0]
    s = a["sizes"][0]
    wall = int(open(os.path.join(out, label + ".wall_ms")).read()) / 1000
    return dict(source=d["analysis"]["workersSource"], level=a["workers"], status=a["certification"]["status"], verdict=a["certification"]["verdict"],
                mean=s["mean"], sd=s["sd"], median=s["median"], tps=a["throughput"], wall=wall)
print(open(os.path.join(out, "machine.txt")).read().strip())
print(f"{'workload':<14}{'round':>6}{'level':>6}{'status':>20}{'mean ratio':>12}{'sd ratio':>10}{'tput ratio':>12}{'wall ratio':>12}")
ok_all = True
for name in ("matmul-naive", "sort-merge"):
    rows = []
    for r in range(1, rounds + 1):
        a, o = load(f"{name}-auto-{r}"), load(f"{name}-one-{r}")
        if not a or not o:
            print(f"{name:<14}{r:>6}  missing output (see {out})"); ok_all = False; continue
        mr, sr, tr, wr = a["mean"] / o["mean"], a["sd"] / o["sd"], a["tps"] / o["tps"], o["wall"] / a["wall"]
        rows.append((a["level"], mr, sr, tr))
        print(f"{name:<14}{r:>6}{a['level']:>6}{a['status']:>20}{mr:>12.3f}{sr:>10.2f}{tr:>12.2f}{wr:>12.2f}")
        t = load(f"{name}-two-{r}")
        if t:
            print(f"{'  --workers 2':<14}{r:>6}{t['level']:>6}{t['status']:>20}{t['mean'] / o['mean']:>12.3f}"
                  f"{t['sd'] / o['sd']:>10.2f}{t['tps'] / o['tps']:>12.2f}{o['wall'] / t['wall']:>12.2f}")
    if rows:
        levels = {x[0] for x in rows}
        mrs = [x[1] for x in rows]; srs = [x[2] for x in rows]; trs = [x[3] for x in rows]
        clean = all(l >= 2 for l in levels) and all(abs(m - 1) <= 0.03 for m in mrs) and all(s <= 1.3 for s in srs) \
            and all(t >= 1.7 for t in trs)
        print(f"  {name}: levels {sorted(levels)}, mean ratio {min(mrs):.3f}-{max(mrs):.3f}, sd ratio {min(srs):.2f}-{max(srs):.2f}, "
              f"throughput {min(trs):.2f}-{max(trs):.2f}x: " + ("clean and fast (>= 2 workers, mean within 3%, sd <= 1.3, >= 1.7x)"
              if clean else "not the >= 2-worker case: see the verdicts and the reference"))
    b = load(f"{name}-busy")
    if b:
        print(f"  {name} with CPU 1 busy: {b['level']} worker(s), {b['status']}; workers from: {b['source']}")
for t in (1, 2):
    f = os.path.join(out, f"jmh-t{t}.json")
    if os.path.exists(f):
        for bm in json.load(open(f)):
            pm = bm["primaryMetric"]
            print(f"JMH -t {t} {bm['benchmark'].split('.')[-2]}: {pm['score']:.3f} ± {pm['scoreError']:.3f} ms/op (99.9% CI)")
print("outputs in", out)
PY
