#!/usr/bin/env bash
# Issue 3's benchmark: how long `./corescope investigate` takes to reach its verdict (JVM start
# included, first build excluded), side by side with the seed lab's own sweep, and whether the
# adaptive verdict agrees with a full sweep. Usage: bench/investigate.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
lab="../shared/anchors/seed_lab/lab.py"
[[ -f cli/target/corescope.jar ]] || mvn -q -B -DskipTests package
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
out=$(mktemp -d)
for i in $(seq 1 "$runs"); do
  s=$(date +%s%N)
  ./corescope investigate --no-cache --quiet --json --out "$out/adaptive-$i" > "$out/adaptive-$i.json"
  e=$(date +%s%N)
  printf 'investigate (adaptive) run %d: %.2f s wall, threshold %s, levels %s\n' "$i" "$(python3 -c "print(($e - $s) / 1e9)")" \
    "$(python3 -c "import json;print(json.load(open('$out/adaptive-$i.json'))['threshold'])")" \
    "$(python3 -c "import json;print([l['workers'] for l in json.load(open('$out/adaptive-$i.json'))['levels']])")"
done
s=$(date +%s%N)
./corescope investigate --full --no-cache --quiet --json --out "$out/full" > "$out/full.json"
e=$(date +%s%N)
printf 'investigate --full: %.2f s wall, threshold %s\n' "$(python3 -c "print(($e - $s) / 1e9)")" \
  "$(python3 -c "import json;print(json.load(open('$out/full.json'))['threshold'])")"
if [[ -f "$lab" ]]; then
  s=$(date +%s%N)
  (cd "$(dirname "$lab")" && python3 lab.py sweep 10000000 19 > "$out/lab.txt")
  e=$(date +%s%N)
  printf 'seed lab sweep (python3 lab.py sweep 10000000 19): %.2f s wall\n' "$(python3 -c "print(($e - $s) / 1e9)")"
else
  echo "seed lab not found at $lab: anchor not measured"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "outputs in $out"
