#!/usr/bin/env bash
# Result-transfer throughput of worker JVMs vs Python's multiprocessing.Pool, side by side.
#
# Java: `corescope transfer --mode processes --workers 2 --durations 0` (tasks do no spin work, they
# only fill and return their payload), 16 tasks per size. Three figures per size:
#   end-to-end  = tasks x size / wall time of the batch on 2 worker JVMs (includes filling the payload:
#                 the same measure as Python's `pool.map(payload, [size]*reps)`)
#   path        = size / (serialization + transfer + deserialization) per task: CRC32C on both sides
#                 and the pipe, i.e. what it costs to bring one result back
#   pipe        = size / transfer span per task (bytes in flight only)
# Python: ../shared/anchors/seed_lab/overhead.py (Pool(2)), run right after, on the same machine.
# Usage: bench/transfer.sh [rounds]   (default 2 rounds, alternating Java and Python)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
anchor="${ANCHOR:-$here/../shared/anchors/seed_lab/overhead.py}"
rounds="${1:-2}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1); python: $(python3 --version 2>&1)"
for r in $(seq 1 "$rounds"); do
  echo "== round $r: corescope (2 worker JVMs)"
  "$here/corescope" transfer --mode processes --workers 2 --durations 0 --bytes 1MB,16MB,64MB --tasks 16 \
      --cell-budget 30s --json --out "$tmp/run$r" > "$tmp/run$r.json"
  python3 - "$tmp/run$r.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
for c in s["cells"]:
    size = c["sizeBytes"]; n = c["tasks"]
    e2e = n * size / c["parallelSeconds"] / 1e9
    print(f"java return {size >> 20:>2} MiB x{n}: end-to-end {e2e:.2f} GB/s, path {c['pathGBps'] or 0:.2f} GB/s, "
          f"pipe {c['transferGBps'] or 0:.2f} GB/s  (per task ms: task {c['taskMs']:.1f}, serialize "
          f"{c['overhead']['serializeMs']:.2f}, transfer {c['overhead']['transferMs']:.2f}, deserialize "
          f"{c['overhead']['deserializeMs']:.2f})")
PY
  if [[ -f "$anchor" ]]; then
    echo "== round $r: python multiprocessing.Pool(2) ($anchor)"
    python3 "$anchor" | sed 's/^/python /'
  else
    echo "(python anchor not found at $anchor; set ANCHOR=...)"
  fi
done
