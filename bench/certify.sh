#!/usr/bin/env bash
# Issue 10's benchmark: does `assess --workers auto` give clean numbers faster than one worker?
# For matmul-naive n=250 and sort-merge n=200000, 200 repeats each, threads mode (the default):
# ROUNDS alternating pairs of `--workers auto` (fresh cache: it investigates the spin kernel first) and
# `--workers 1`, each pair followed in the same minute by an independent reference of whether two
# concurrent workers slow each other down without corescope's harness: JMH `-t 1` then `-t 2` on the same
# kernel (`-f 1 -wi 3 -i 5`, 1 s each), and for matmul also ../shared/anchors/reference's C `mm` (two
# pinned processes) and `MM.java` (two threads in one JVM).
# With BUSY=1 it runs auto once more per workload while another process keeps CPU 1 busy. With TWO=1 every
# round also runs `--workers 2` (a fixed level: certified or not, never stepped down), which shows what
# the certification says of two workers on this machine when auto chose fewer.
#
# Figures per pair: the level auto chose and its verdict; mean and sd of the auto run over those of the
# one-worker run; throughput ratio = (tasks / measurement wall) of auto over that of one worker, the
# measurement wall of auto including its one-worker controls and drains; whole-command wall ratio; and the
# references' 2/1 ratios of mean time per operation (sd ratio for the plain programs).
#
# corescope runs through its launcher, as a user runs it (serial collector, CDS archive).
# usage: bench/certify.sh [OUT_DIR]   env: ROUNDS (3), SKIP_BUILD=1, SKIP_REFS=1, BUSY=1, TWO=1, REPEATS (200)
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
  [[ -n "${SKIP_REFS:-}" ]] || (cd bench/jmh && mvn -q -B package)
fi
refdir="$(mktemp -d)"
if [[ -z "${SKIP_REFS:-}" ]]; then
  cp "$root"/../shared/anchors/reference/mm.c "$root"/../shared/anchors/reference/MM.java "$refdir"/
  (cd "$refdir" && gcc -O2 -o mm mm.c -lm && javac -nowarn MM.java 2>/dev/null)
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

refs() { # name label: the references for this workload, right after its pair
  [[ -z "${SKIP_REFS:-}" ]] || return 0
  local name="$1" label="$2" bench
  case "$name" in matmul-naive) bench=MatmulNaiveBench ;; sort-merge) bench=SortMergeBench ;; esac
  for t in 1 2; do
    java -jar bench/jmh/target/benchmarks.jar "$bench" -t "$t" -f 1 -wi 3 -i 5 -w 1 -r 1 \
      -rf json -rff "$out/$label-jmh-t$t.json" > "$out/$label-jmh-t$t.txt" 2>&1 || true
  done
  if [[ "$name" == matmul-naive ]]; then
    (cd "$refdir" && ./mm 1 250 200 0 && ./mm 2 250 200 0) > "$out/$label-c.txt" 2>&1 || true
    (cd "$refdir" && java -XX:+UseSerialGC -cp . MM 1 200 && java -XX:+UseSerialGC -cp . MM 2 200) \
      > "$out/$label-java.txt" 2>&1 || true
  fi
}

workloads=("matmul-naive:250" "sort-merge:200000")
for w in "${workloads[@]}"; do
  name="${w%%:*}"; n="${w##*:}"
  for r in $(seq 1 "$rounds"); do
    echo "== $name n=$n round $r: auto, then 1 worker$([[ -z "${TWO:-}" ]] || echo ", then 2"), then the references" >&2
    assess "$name" auto "$name-auto-$r" -a "$name" -n "$n"
    assess "$name" 1 "$name-one-$r" -a "$name" -n "$n"
    [[ -z "${TWO:-}" ]] || assess "$name" 2 "$name-two-$r" -a "$name" -n "$n"
    refs "$name" "$name-ref-$r"
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
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt" >&2

python3 - "$out" "$rounds" <<'PY'
import json, os, re, sys, statistics as st
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
def jmh(label, t):
    try:
        pm = json.load(open(os.path.join(out, f"{label}-jmh-t{t}.json")))[0]["primaryMetric"]
        return pm["score"], pm["scoreError"]
    except Exception:
        return None
def plain(label, kind):
    vals = {}
    try:
        for line in open(os.path.join(out, f"{label}-{kind}.txt")):
            m = re.match(r"k=(\d).*mean=([\d.]+).*sd=([\d.]+)", line)
            if m:
                vals[int(m.group(1))] = (float(m.group(2)), float(m.group(3)))
    except OSError:
        pass
    return (vals[2][0] / vals[1][0], vals[2][1] / vals[1][1]) if 1 in vals and 2 in vals else None
def refs(label):
    parts = []
    j1, j2 = jmh(label, 1), jmh(label, 2)
    if j1 and j2:
        parts.append(f"JMH -t 2/-t 1 {j2[0] / j1[0]:.3f} ({j1[0]:.2f}±{j1[1]:.2f} -> {j2[0]:.2f}±{j2[1]:.2f} ms/op)")
    for kind, what in (("c", "C mm"), ("java", "MM.java")):
        p = plain(label, kind)
        if p:
            parts.append(f"{what} 2/1 mean {p[0]:.3f} sd {p[1]:.2f}")
    return "  " + (" reference: " + "; ".join(parts) if parts else " reference: none")
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
        print(refs(f"{name}-ref-{r}"))
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
print("outputs in", out)
PY
