#!/usr/bin/env bash
# Issue 10's harness-noise investigation: which of corescope's own doings make 2 workers look slower or
# noisier than 1 on matmul-naive n=250 (200 repeats), measured side by side with plain references.
# Builds corescope at the revisions that added each fix (git worktrees, cached under runs/bench-jars) and
# runs, in turn, ROUNDS times:
#   0.1.0 threads        e37cdd7: inputs generated/verified inside the timed region, no pinning of threads,
#                        5 warm-up tasks, its opt-in --verify phase after the run (40 one-worker repeats)
#   split threads|procs  651c583: only the algorithm timed, all workers pinned, per-task GC/JIT counters
#   scratch threads      1adbcad: + inputs refilled into reused per-thread buffers (no allocation per task)
#   quiet threads|procs  03a0f12: + coordinator warm-up, warm-up until the JIT is quiet
#   quiet procs-jvm      the same, worker JVMs pinned whole (-Dcorescope.pin-scope=jvm)
#   refs                 ../shared/anchors/reference: C mm (2 pinned processes) and MM.java (2 threads)
# Each corescope run compares its 2-worker tasks with the one-worker tasks of the same run (interleaved
# controls since 651c583); the table gives per-config medians over the rounds and the range.
#
# usage: bench/harness-noise.sh [OUT_DIR]      env: ROUNDS (5), REVS_ONLY=1 (build only)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="${1:-runs/bench-harness-noise-$(date +%Y%m%d-%H%M%S)}"
rounds="${ROUNDS:-5}"
jars="$root/runs/bench-jars"
refs="$root/../shared/anchors/reference"
mkdir -p "$out" "$jars"
build() { # rev -> jar path
  local rev="$1" jar="$jars/$1.jar"
  if [[ ! -f "$jar" ]]; then
    local wt; wt="$(mktemp -d)"
    git worktree add -q --detach "$wt" "$rev"
    (cd "$wt" && mvn -q -B -DskipTests package) >&2
    cp "$wt/cli/target/corescope.jar" "$jar" 2>/dev/null || cp "$wt/target/corescope.jar" "$jar" # single-module revisions
    git worktree remove --force "$wt"
  fi
  echo "$jar"
}
J010=$(build e37cdd7); JSPLIT=$(build 651c583); JSCR=$(build 1adbcad); JQ=$(build 03a0f12)
[[ -z "${REVS_ONLY:-}" ]] || exit 0
refdir="$(mktemp -d)"
cp "$refs"/mm.c "$refs"/MM.java "$refdir"/
(cd "$refdir" && gcc -O2 -o mm mm.c -lm && javac -nowarn MM.java 2>/dev/null)
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)" | tee "$out/machine.txt"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt"
home="$(mktemp -d)"
cs() { # label jar [java opts...] -- [assess args...]
  local label="$1" jar="$2"; shift 2
  local jopts=()
  while [[ "$1" != "--" ]]; do jopts+=("$1"); shift; done; shift
  CORESCOPE_HOME="$home" java -Djava.awt.headless=true "${jopts[@]}" -jar "$jar" assess -a matmul-naive -n 250 -r 200 -w 2 \
    -q --out "$out/$label" "$@" > "$out/$label.txt" 2>&1 || true
}
for r in $(seq 1 "$rounds"); do
  echo "== round $r" >&2
  cs "v010-threads-$r" "$J010" -- --verify --verify-repeats 40
  cs "split-threads-$r" "$JSPLIT" --
  cs "split-procs-$r" "$JSPLIT" -- --mode processes
  cs "scratch-threads-$r" "$JSCR" --
  cs "quiet-threads-$r" "$JQ" --
  cs "quiet-procs-$r" "$JQ" -- --mode processes
  cs "quiet-procsjvm-$r" "$JQ" -Dcorescope.pin-scope=jvm -- --mode processes
  (cd "$refdir" && ./mm 1 250 200 0 && ./mm 2 250 200 0) > "$out/ref-c-$r.txt"
  (cd "$refdir" && java -XX:+UseSerialGC -cp . MM 1 200 && java -XX:+UseSerialGC -cp . MM 2 200) > "$out/ref-java-$r.txt"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt"
python3 - "$out" "$rounds" <<'PY'
import json, os, re, sys, statistics as st
out, rounds = sys.argv[1], int(sys.argv[2])
def runstats(d):
    recs = [json.loads(l) for l in open(os.path.join(d, "records.jsonl")) if l.strip()]
    ok = [r for r in recs if r["status"] == "ok"]
    par = [r for r in ok if r["experiment"].startswith("assess/")]
    one = [r for r in ok if r["experiment"].startswith(("control/", "verify/"))]
    if not par or len(one) < 2:
        return None
    w = lambda rs: [r["wallNanos"] / 1e6 for r in rs]
    c = lambda rs: [r["cpuNanos"] / 1e6 for r in rs]
    jit = sum(1 for r in par if (r.get("jvm") or {}).get("jitMillis", -1) > 0)
    gc = sum(1 for r in par if (r.get("jvm") or {}).get("gcCount", -1) > 0)
    known = any(r.get("jvm") for r in par)
    note = ""
    txt = open(d + ".txt").read()
    m = re.search(r"the coordinator's JVM while tasks ran: (\d+) ms of JIT", txt)
    return dict(mean=st.mean(w(par)) / st.mean(w(one)), median=st.median(w(par)) / st.median(w(one)),
                sd=st.stdev(w(par)) / st.stdev(w(one)), cpu=st.median(c(par)) / st.median(c(one)),
                ms=st.median(w(par)), jit=jit if known else None, gc=gc if known else None,
                cjit=int(m.group(1)) if m else None)
def fmt(v, f): return "-" if v is None else f % v
print(open(os.path.join(out, "machine.txt")).read().strip())
print(f"{'config':<18}{'runs':>5}{'task ms':>9}{'mean 2/1':>16}{'median 2/1':>16}{'sd 2/1':>15}{'cpu med 2/1':>13}"
      f"{'jit tasks':>10}{'gc tasks':>9}{'coord jit ms':>13}")
for cfg in ("v010-threads", "split-threads", "split-procs", "scratch-threads", "quiet-threads", "quiet-procs", "quiet-procsjvm"):
    rows = [s for s in (runstats(os.path.join(out, f"{cfg}-{r}")) for r in range(1, rounds + 1)
                        if os.path.exists(os.path.join(out, f"{cfg}-{r}", "records.jsonl"))) if s]
    if not rows:
        continue
    def col(k, f="%.3f"):
        v = [x[k] for x in rows if x[k] is not None]
        return "-" if not v else (f % st.median(v)) + " [" + (f % min(v)) + "-" + (f % max(v)) + "]" if k in ("mean", "median", "sd") \
            else f % st.median(v)
    print(f"{cfg:<18}{len(rows):>5}{col('ms', '%.2f'):>9}{col('mean'):>16}{col('median'):>16}{col('sd', '%.2f'):>15}"
          f"{col('cpu'):>13}{col('jit', '%.0f'):>10}{col('gc', '%.0f'):>9}{col('cjit', '%.0f'):>13}")
for kind in ("c", "java"):
    ratios, sds = [], []
    for r in range(1, rounds + 1):
        f = os.path.join(out, f"ref-{kind}-{r}.txt")
        if not os.path.exists(f):
            continue
        vals = {}
        for line in open(f):
            m = re.match(r"k=(\d).*mean=([\d.]+).*sd=([\d.]+)", line)
            if m:
                vals[int(m.group(1))] = (float(m.group(2)), float(m.group(3)))
        if 1 in vals and 2 in vals:
            ratios.append(vals[2][0] / vals[1][0]); sds.append(vals[2][1] / vals[1][1])
    if ratios:
        print(f"ref {kind:<14}{len(ratios):>5}{'':>9}{'%.3f [%.3f-%.3f]' % (st.median(ratios), min(ratios), max(ratios)):>16}"
              f"{'':>16}{'%.2f [%.2f-%.2f]' % (st.median(sds), min(sds), max(sds)):>15}")
print("outputs in", out)
PY
