#!/usr/bin/env bash
# Does corescope ever print a figure physics rules out? The must-holds of "Every number right or flagged":
#   RUNS runs each of  sweep  --max 3 --target 20ms
#                      rounds --tasks 8 --max 3 --target 20ms
#   under three conditions:
#     quiet       nothing else running
#     hog         another process spinning, pinned to CPU 1 (taskset -c 1)
#     transient   other work keeps every CPU busy for the first LOAD_SECONDS of the run, then stops
#   Checked per run, from its summary.json: a run either prints its levels (no refusal), and then no
#   efficiency above 105% and no speedup above 2.1 may be among them; or it is refused (exit 1, the reason
#   in summary.json's "refusals") and prints neither. Per condition: the spin calibration's ns per loop,
#   whose spread (max - min) / min must stay within 10% (quiet, and with the hog).
#   Then the --cmd measurement: a CPU-bound python3 loop, timed as a process (worker JVMs, one command at a
#   time each): its CPU time must be within 10% of its wall time (CMD_RUNS tasks, one worker).
# usage: bench/sanity.sh [RUNS] [OUT_DIR]      env: LOAD_SECONDS (1.6), CMD_N (3000000), CMD_RUNS (5)
# The lead runs it alone on a quiet machine (20 runs: bench/sanity.sh 20); helpers try it with 1-2 runs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs="${1:-${RUNS:-20}}"
out="${2:-runs/bench-sanity-$(date +%Y%m%d-%H%M%S)}"
load_seconds="${LOAD_SECONDS:-1.6}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
export CORESCOPE_HOME="$out/home"
[[ -f cli/target/corescope.jar ]] || mvn -q -B -DskipTests package
cpus=$(nproc)

run_one() { # condition command index
  local cond="$1" cmd="$2" i="$3" dir="$out/$1-$2-$3"
  local hogs=()
  case "$cond" in
    hog) taskset -c 1 sh -c 'while :; do :; done' & hogs+=($!); sleep 0.5 ;;
    transient)
      for _ in $(seq 1 "$cpus"); do timeout "$load_seconds" sh -c 'while :; do :; done' & hogs+=($!); done ;;
  esac
  local code=0
  if [[ "$cmd" == sweep ]]; then
    ./corescope sweep --max 3 --target 20ms --quiet --out "$dir" > "$dir.out" 2> "$dir.err" || code=$?
  else
    ./corescope rounds --tasks 8 --max 3 --target 20ms --quiet --out "$dir" > "$dir.out" 2> "$dir.err" || code=$?
  fi
  for h in "${hogs[@]}"; do kill "$h" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "$code" > "$dir.code"
}

echo "machine: $cpus CPUs, load before: $(cut -d' ' -f1-3 /proc/loadavg); $runs run(s) per condition and command"
for cond in quiet hog transient; do
  for cmd in sweep rounds; do
    for i in $(seq 1 "$runs"); do
      run_one "$cond" "$cmd" "$i"
    done
  done
done

python3 - "$out" "$runs" <<'EOF'
import json, os, sys
out, runs = sys.argv[1], int(sys.argv[2])
bad = 0
print(f"{'condition':<10} {'command':<7} {'runs':>4} {'refused':>7} {'printed max eff':>15} {'printed max speedup':>19} "
      f"{'violations':>10} {'ns/loop min..max':>17} {'spread':>7}")
for cond in ("quiet", "hog", "transient"):
    nsloop = []
    for cmd in ("sweep", "rounds"):
        refused = violations = 0
        max_eff = max_sp = 0.0
        for i in range(1, runs + 1):
            d = f"{out}/{cond}-{cmd}-{i}"
            try:
                s = json.load(open(f"{d}/summary.json"))
            except Exception as e:
                print(f"  {d}: no summary ({e}); stderr: {open(d + '.err').read().strip()[:200]}")
                violations += 1
                continue
            cal = s.get("calibration") or {}
            if cal.get("nanosPerLoop"):
                nsloop.append(cal["nanosPerLoop"])
            if s.get("refusals"):
                refused += 1
                continue
            for l in s.get("levels", []):
                if l["workers"] > 1:
                    eff, sp = l.get("efficiency") or 0, l.get("speedup") or 0
                    max_eff, max_sp = max(max_eff, eff), max(max_sp, sp)
                    if eff > 1.05 or sp > 2.1:
                        violations += 1
                        print(f"  VIOLATION {d}: {l['experiment']} {l['workers']} workers: efficiency {eff:.3f}, speedup {sp:.2f}")
        bad += violations
        spread = (max(nsloop) - min(nsloop)) / min(nsloop) if nsloop else float("nan")
        cal_text = f"{min(nsloop):.3f}..{max(nsloop):.3f}" if nsloop else "-"
        print(f"{cond:<10} {cmd:<7} {runs:>4} {refused:>7} {100 * max_eff:>14.1f}% {max_sp:>19.2f} {violations:>10} "
              f"{cal_text:>17} {100 * spread:>6.1f}%")
    if cond in ("quiet", "hog") and nsloop and (max(nsloop) - min(nsloop)) / min(nsloop) > 0.10:
        print(f"  calibration spread above 10% under '{cond}'")
        bad += 1
print("VIOLATIONS: %d" % bad)
EOF

# --cmd: CPU time of a CPU-bound command against its wall time
cmd_n="${CMD_N:-3000000}"
cmd_runs="${CMD_RUNS:-5}"
cmd='python3 -c "s=0
for i in range({n}): s+=i"'
./corescope assess --cmd "$cmd" -n "$cmd_n" -r "$cmd_runs" -w 1 --quiet --out "$out/cmd" > "$out/cmd.out" 2> "$out/cmd.err" \
  || echo "assess --cmd exited $? (see $out/cmd.err)"
python3 - "$out/cmd/records.jsonl" <<'EOF'
import json, sys
rs = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
rs = [r for r in rs if r.get("experiment", "").startswith("assess/") and r.get("status") == "ok"]
if not rs:
    print("--cmd: no measured task"); sys.exit(0)
for r in rs:
    print(f"--cmd task: wall {r['wallNanos'] / 1e6:.1f} ms, cpu {r['cpuNanos'] / 1e6:.1f} ms, "
          f"cpu/wall {r['cpuNanos'] / r['wallNanos']:.3f}, wait {'unknown' if r['waitNanos'] < 0 else r['waitNanos']}")
ratios = [r["cpuNanos"] / r["wallNanos"] for r in rs if r["cpuNanos"] >= 0]
ok = ratios and all(0.9 <= x <= 1.1 for x in ratios)
print(f"--cmd CPU within 10% of wall in every task: {'yes' if ok else 'NO'}")
EOF
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); files in $out"
