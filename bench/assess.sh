#!/usr/bin/env bash
# Performance benchmark of `corescope assess` (issue 4): 100 repeats of matmul-naive 250 on W workers
# (default 2, this machine's threshold), in processes (pinned) and threads mode, each with --verify on all
# 100 tasks (the one-worker run), then JMH on the same kernel side by side (`-f 3 -wi 3 -i 5 -w 1 -r 1`):
# MatmulNaiveBench (kernel only) and MatmulNaiveTaskBench (the whole task, as corescope times it).
#
# usage: bench/assess.sh [OUT_DIR] [WORKERS]      (default OUT_DIR: runs/bench-assess-<timestamp>)
# env:   SKIP_JMH=1 to skip JMH; ROUNDS=k to repeat the assess runs k times (default 3)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="${1:-runs/bench-assess-$(date +%Y%m%d-%H%M%S)}"
workers="${2:-2}"
rounds="${ROUNDS:-3}"
mkdir -p "$out"
echo "== build" >&2
mvn -q -B -DskipTests package
if [[ -z "${SKIP_JMH:-}" ]]; then
  mvn -q -B -DskipTests install
  (cd bench/jmh && mvn -q -B package)
fi
uptime | tee "$out/load-before.txt" >&2
for round in $(seq 1 "$rounds"); do
  for mode in processes threads; do
    run="$out/assess-$mode-$round"
    echo "== assess, $mode, round $round" >&2
    ./corescope assess -a matmul-naive -n 250 -r 100 -w "$workers" --mode "$mode" --verify --verify-repeats 100 \
      -q --json --out "$run" --jmh-json "$run.jmh.json" > "$run.json"
  done
done
if [[ -z "${SKIP_JMH:-}" ]]; then
  echo "== JMH (side by side, same machine, right after)" >&2
  java -jar bench/jmh/target/benchmarks.jar 'MatmulNaive(Task)?Bench' -f 3 -wi 3 -i 5 -w 1 -r 1 \
    -rf json -rff "$out/jmh.json" > "$out/jmh.txt"
fi
uptime | tee "$out/load-after.txt" >&2
python3 - "$out" "$workers" <<'PY'
import json, glob, os, sys
out, workers = sys.argv[1], int(sys.argv[2])
print(f"{'run':<22}{'mean P ms':>10}{'sd P ms':>9}{'mean 1 ms':>10}{'sd 1 ms':>9}{'mean P/1':>9}{'95% CI':>15}{'sd P/1':>8}{'speedup':>9}")
rows = []
for f in sorted(glob.glob(os.path.join(out, "assess-*-[0-9]*.json"))):
    if f.endswith(".jmh.json"):
        continue
    a = json.load(open(f))["analysis"]
    alg = a["algorithms"][0]
    s = alg["sizes"][0]
    v = alg["verify"][0]["ratios"]
    single_mean = s["mean"] / v["meanRatio"]
    single_sd = s["sd"] / v["sdRatio"] if v["sdRatio"] else float("nan")
    name = os.path.basename(f)[:-5]
    rows.append((name, s["mean"], a["speedup"]))
    print(f"{name:<22}{s['mean']*1e3:>10.3f}{s['sd']*1e3:>9.3f}{single_mean*1e3:>10.3f}{single_sd*1e3:>9.3f}"
          f"{v['meanRatio']:>9.3f}{v['meanRatioLow']:>7.3f}..{v['meanRatioHigh']:<6.3f}{v['sdRatio']:>8.2f}{a['speedup']:>9.2f}")
jmh_file = os.path.join(out, "jmh.json")
if os.path.exists(jmh_file):
    for b in json.load(open(jmh_file)):
        pm = b["primaryMetric"]
        print(f"JMH {b['benchmark'].split('.')[-2]}.{b['benchmark'].split('.')[-1]}: {pm['score']:.3f} ± {pm['scoreError']:.3f} ms/op (99.9% CI)")
        if "TaskBench" in b["benchmark"]:
            for name, mean, _ in rows:
                print(f"  {name}: corescope mean / JMH task = {mean*1e3/pm['score']:.3f}")
print(f"targets: speedup >= {0.9*workers:.2f}; mean P/1 within 0.98..1.02; sd P/1 <= 1.25; corescope/JMH within 0.95..1.05")
PY
