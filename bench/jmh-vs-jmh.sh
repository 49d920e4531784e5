#!/usr/bin/env bash
# Issue 22's must-hold: `corescope jmh --workers auto` against JMH itself, on bench/jmh-suite (38 results).
# Each round runs, in an order that rotates from round to round:
#   A  java -jar benchmarks.jar $JMH_OPTS -rf json        (the reference)
#   B  java -jar benchmarks.jar $JMH_OPTS -rf json        (the A/A run: how often JMH agrees with itself)
#   C  corescope jmh benchmarks.jar --workers auto -- $JMH_OPTS
# and reports each one's wall time, C's over A's, and for every benchmark result whether B and C agree with A:
# JMH's 99.9% intervals (score ± scoreError) overlap. Must hold (quiet 2-CPU machine): C's wall <= 0.6 x A's;
# C agrees with A at least as often as B does; at most 10% of the results rerun alone ("solo (rerun)").
# `corescope jmh` runs through its launcher, as a user runs it; CORESCOPE_HOME is the user's, so `auto` takes
# the threshold `corescope investigate` cached (run it first, on the quiet machine), else investigates first.
#
# usage: bench/jmh-vs-jmh.sh [OUT_DIR]
# env: ROUNDS (3), JMH_OPTS ("-f 1 -wi 3 -i 5 -w 1s -r 1s"), PATTERN (regex; default: the whole suite),
#      WORKERS (auto), SKIP_BUILD=1
# try it small:  ROUNDS=1 JMH_OPTS="-f 1 -wi 1 -i 1 -w 100ms -r 100ms" PATTERN=Hashing.crc32 bench/jmh-vs-jmh.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="$(realpath -m "${1:-runs/bench-jmh-vs-jmh-$(date +%Y%m%d-%H%M%S)}")"
rounds="${ROUNDS:-3}"
jmh_opts="${JMH_OPTS:--f 1 -wi 3 -i 5 -w 1s -r 1s}"
pattern="${PATTERN:-}"
workers="${WORKERS:-auto}"
jar="$root/bench/jmh-suite/target/benchmarks.jar"
mkdir -p "$out"
if [[ -z "${SKIP_BUILD:-}" ]]; then
  echo "== build" >&2
  mvn -q -B -DskipTests package
  (cd bench/jmh-suite && mvn -q -B package)
fi
{
  echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "JMH options: $jmh_opts; pattern: ${pattern:-(all)}; workers: $workers"
} | tee "$out/machine.txt" >&2

now() { date +%s.%N; }
# shellcheck disable=SC2086
run_jmh() { # $1 = result file, $2 = log
  java -jar "$jar" $pattern $jmh_opts -rf json -rff "$1" > "$2" 2>&1
}
# shellcheck disable=SC2086
run_corescope() { # $1 = run directory, $2 = log
  ./corescope jmh "$jar" $pattern --workers "$workers" --out "$1" -q -- $jmh_opts > "$2" 2>&1 || true
}

for ((r = 1; r <= rounds; r++)); do
  dir="$out/round-$r"
  mkdir -p "$dir"
  case $(( (r - 1) % 3 )) in
    0) order="A B C" ;;
    1) order="B C A" ;;
    *) order="C A B" ;;
  esac
  for who in $order; do
    echo "== round $r: $who (load $(cut -d' ' -f1 /proc/loadavg))" >&2
    t0=$(now)
    case $who in
      A) run_jmh "$dir/A.json" "$dir/A.log" ;;
      B) run_jmh "$dir/B.json" "$dir/B.log" ;;
      C) run_corescope "$dir/C" "$dir/C.log" ;;
    esac
    t1=$(now)
    echo "$who $(echo "$t1 - $t0" | bc -l)" >> "$dir/walls.txt"
  done
done

python3 - "$out" "$rounds" <<'PY'
import json, os, sys
out, rounds = sys.argv[1], int(sys.argv[2])

def results(path):
    res = {}
    for e in json.load(open(path)):
        key = (e["benchmark"], e["mode"], tuple(sorted(e.get("params", {}).items())))
        pm = e["primaryMetric"]
        err = pm["scoreError"]
        err = float("nan") if isinstance(err, str) else err
        res[key] = (pm["score"], err)
    return res

def agree(a, b):
    (sa, ea), (sb, eb) = a, b
    if ea != ea or eb != eb:
        return None
    return sa - ea <= sb + eb and sb - eb <= sa + ea

lines = ["| round | order | A (JMH) s | B (JMH, A/A) s | C (corescope) s | C / A | B agrees with A | C agrees with A | "
         "reruns | C's level |", "|---|---|---|---|---|---|---|---|---|---|"]
tot = {"ab": 0, "ac": 0, "n": 0, "ratio": [], "reruns": 0, "results": 0}
for r in range(1, rounds + 1):
    d = os.path.join(out, f"round-{r}")
    walls, order = {}, []
    for line in open(os.path.join(d, "walls.txt")):
        who, s = line.split()
        walls[who] = float(s)
        order.append(who)
    a, b = results(os.path.join(d, "A.json")), results(os.path.join(d, "B.json"))
    cfile = os.path.join(d, "C", "jmh-result.json")
    c = results(cfile) if os.path.exists(cfile) else {}
    summary = json.load(open(os.path.join(d, "C", "summary.json"))) if os.path.exists(os.path.join(d, "C", "summary.json")) else None
    ab = [agree(a[k], b[k]) for k in a if k in b]
    ac = [agree(a[k], c[k]) for k in a if k in c]
    reruns = sum(1 for x in summary["jmh"]["benchmarks"] if "rerun" in x["certified"]) if summary else 0
    level = "-"
    if summary:
        s = summary["jmh"]["setup"]
        levels = summary["jmh"]["certification"]["levels"]
        level = f'{s["workers"]}->{s["finalWorkers"]}' if s["finalWorkers"] != s["workers"] else str(s["workers"])
        if levels:
            level += " " + levels[-1]["verdict"]
    ratio = walls.get("C", float("nan")) / walls["A"]
    tot["ab"] += sum(1 for x in ab if x); tot["ac"] += sum(1 for x in ac if x); tot["n"] += len(a)
    tot["ratio"].append(ratio); tot["reruns"] += reruns; tot["results"] += len(c)
    lines.append(f'| {r} | {" ".join(order)} | {walls["A"]:.1f} | {walls["B"]:.1f} | {walls.get("C", float("nan")):.1f} | '
                 f'{ratio:.3f} | {sum(1 for x in ab if x)}/{len(ab)} | {sum(1 for x in ac if x)}/{len(ac)} of {len(a)} | '
                 f'{reruns} | {level} |')
lines.append("")
lines.append(f'C / A: {", ".join(f"{x:.3f}" for x in tot["ratio"])} (must be <= 0.6); '
             f'agreement with A: B {tot["ab"]}/{tot["n"]}, C {tot["ac"]}/{tot["n"]} (C must be >= B); '
             f'reruns {tot["reruns"]} of {tot["results"]} results (must be <= 10%).')
text = "\n".join(lines)
print(text)
open(os.path.join(out, "table.md"), "w").write(text + "\n")
PY
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt" >&2
echo "tables: $out/table.md" >&2
