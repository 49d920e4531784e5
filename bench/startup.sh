#!/usr/bin/env bash
# Issue 13's benchmark: how fast corescope gets to work, side by side with the bare JVM and the seed lab.
#   1. `corescope --version`, cold (page cache dropped, when this user may) and warm: 5 runs each
#   2. worker JVM start, 1, 2 and 4 started in parallel (StartCost from bench/jmh, as the pool measures it:
#      launch -> hello -> 5 clock pings), with the JVM floor (an empty main) beside it
#   3. `corescope investigate` against the seed lab's sweep (`python3 lab.py sweep 10000000 19`), in turn,
#      RUNS times each: whole-command wall time, and the time until the verdict line is printed
#   4. classes loaded (-Xlog:class+load) and the JVM's own start phases (-Xlog:startuptime)
# Run it alone on the machine (no build, test or other benchmark beside it).
#
# usage: bench/startup.sh [OUT_DIR]        env: RUNS (5), SKIP_BUILD=1, SKIP_LAB=1
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="${1:-runs/bench-startup-$(date +%Y%m%d-%H%M%S)}"
runs="${RUNS:-5}"
mkdir -p "$out"
if [[ -z "${SKIP_BUILD:-}" ]]; then
  mvn -q -B -DskipTests install
  (cd bench/jmh && mvn -q -B package)
fi
export CORESCOPE_HOME="$out/home"
ms() { python3 -c "import sys; print(round((int(sys.argv[2]) - int(sys.argv[1])) / 1e6))" "$@"; }
stats() { python3 -c "
import sys, statistics as st
v = [float(x) for x in sys.argv[2:]]
print(f'{sys.argv[1]:<44} median {st.median(v):7.0f} ms   min {min(v):7.0f}   max {max(v):7.0f}   (n={len(v)})')" "$@"; }
{
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
./corescope --version >/dev/null # the archive, if the build did not make it
cold=(); warm=()
for i in $(seq 1 "$runs"); do
  if [[ -w /proc/sys/vm/drop_caches ]]; then sync; echo 3 > /proc/sys/vm/drop_caches; fi
  s=$(date +%s%N); ./corescope --version >/dev/null; e=$(date +%s%N); cold+=("$(ms "$s" "$e")")
  s=$(date +%s%N); ./corescope --version >/dev/null; e=$(date +%s%N); warm+=("$(ms "$s" "$e")")
done
[[ -w /proc/sys/vm/drop_caches ]] && stats "--version, cold (page cache dropped)" "${cold[@]}" \
  || stats "--version, first of a pair (page cache not dropped)" "${cold[@]}"
stats "--version, warm" "${warm[@]}"
hello=(); for i in $(seq 1 "$runs"); do s=$(date +%s%N); java -XX:+UseSerialGC -cp /tmp -version >/dev/null 2>&1; e=$(date +%s%N); hello+=("$(ms "$s" "$e")"); done
stats "java -version (the bare JVM)" "${hello[@]}"
echo
echo "== worker JVM start (StartCost, $((runs * 2)) repetitions)"
java -cp cli/target/corescope.jar:bench/jmh/target/benchmarks.jar dev.corescope.jmh.StartCost $((runs * 2))
echo
echo "== investigate against the seed lab's sweep, in turn"
./corescope --version >/dev/null   # untimed: builds the jar first if the sources are newer (not inside run 1)
inv=(); verdict=(); lab=()
for i in $(seq 1 "$runs"); do
  s=$(date +%s%N)
  ./corescope investigate --no-cache --quiet --out "$out/investigate-$i" | while IFS= read -r line; do
    case "$line" in Threshold:*) echo "$(date +%s%N)" > "$out/verdict-$i";; esac
  done
  e=$(date +%s%N); inv+=("$(ms "$s" "$e")"); verdict+=("$(ms "$s" "$(cat "$out/verdict-$i")")")
  if [[ -z "${SKIP_LAB:-}" ]]; then
    s=$(date +%s%N); (cd ../shared/anchors/seed_lab && python3 lab.py sweep 10000000 19 >/dev/null); e=$(date +%s%N)
    lab+=("$(ms "$s" "$e")")
  fi
done
{ echo -e "run\tverdict_ms\twhole_ms\tlab_ms"
  for i in $(seq 1 "$runs"); do echo -e "$i\t${verdict[$((i-1))]}\t${inv[$((i-1))]}\t${lab[$((i-1))]:-}"; done; } > "$out/investigate-runs.tsv"
stats "investigate, until the verdict is printed" "${verdict[@]}"
stats "investigate, whole command" "${inv[@]}"
if [[ ${#lab[@]} -gt 0 ]]; then
  stats "seed lab sweep (P = 1..19)" "${lab[@]}"
  python3 -c "
import sys, statistics as st
n = int(sys.argv[1]); v = [float(x) for x in sys.argv[2:2+n]]; t = [float(x) for x in sys.argv[2+n:2+2*n]]; l = [float(x) for x in sys.argv[2+2*n:]]
r1 = [a / b for a, b in zip(v, l)]; r2 = [a / b for a, b in zip(t, l)]
print(f'ratio to the seed sweep, pair by pair: verdict {st.median(r1):.3f} [{min(r1):.3f}-{max(r1):.3f}], whole command {st.median(r2):.3f} [{min(r2):.3f}-{max(r2):.3f}]')" \
    "${#verdict[@]}" "${verdict[@]}" "${inv[@]}" "${lab[@]}"
fi
for i in $(seq 1 "$runs"); do python3 -c "import json,sys; print('threshold', json.load(open(sys.argv[1]))['analysis']['threshold'])" "$out/investigate-$i/summary.json"; done | sort | uniq -c
echo
echo "== classes loaded, and the JVM's own start"
for what in "--version" "investigate --no-cache --quiet --out $out/classes-run"; do
  CORESCOPE_JAVA_OPTS="-Xlog:class+load:file=$out/classes.txt" ./corescope $what >/dev/null
  printf '%-40s %5d classes: %5d from the CDS archives, %5d from jars or the runtime image\n' "corescope ${what%% *}" \
    "$(grep -c . "$out/classes.txt")" "$(grep -c 'shared objects file' "$out/classes.txt")" \
    "$(grep -vc 'shared objects file' "$out/classes.txt")"
done
CORESCOPE_JAVA_OPTS="-Xlog:startuptime" ./corescope --version | grep -E "Create VM|Initialize java.lang classes" || true
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
} 2>&1 | tee "$out/startup.txt"
