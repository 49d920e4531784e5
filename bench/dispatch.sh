#!/usr/bin/env bash
# Dispatch cost of corescope's workers, beside the seed lab's multiprocessing.Pool, on this machine:
#   - empty-task round trip through a thread worker and a worker JVM (JMH, DispatchBench)
#   - empty tasks pipelined through BatchRunner on 2 workers (JMH, DispatchBench.queueBatch)
#   - what ThreadStats.sample() costs, piece by piece (JMH, ThreadStatsBench)
#   - worker JVM start: 1, 2 and 4 started in parallel with pool.ensure(n) (StartCost), also with an AppCDS archive
#   - the Python anchor: ../shared/anchors/seed_lab/overhead.py (Pool(2).apply / map(chunksize=1) / returns)
# Env: JMH_OPTS (default "-f 2 -wi 3 -i 5 -w 1 -r 1"), START_REPS (default 5), ANCHOR (path of overhead.py),
#      OUT (directory for JMH JSON and logs, default bench/target/dispatch-<timestamp>), SKIP_BUILD=1.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
jmh_opts=${JMH_OPTS:--f 2 -wi 3 -i 5 -w 1 -r 1}
start_reps=${START_REPS:-5}
anchor=${ANCHOR:-$repo/../shared/anchors/seed_lab/overhead.py}
out=${OUT:-$here/target/dispatch-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$out"

if [[ -z "${SKIP_BUILD:-}" ]]; then
  echo "== build: corescope (mvn install, for the bench's compile dependency) and bench/jmh" >&2
  (cd "$repo" && mvn -B -q -DskipTests install) >&2
  (cd "$here/jmh" && mvn -B -q package) >&2
fi
# This copy's own classes first (its plain jar, as AppCDS accepts jars only): the corescope jar in ~/.m2,
# shaded into benchmarks.jar, may have been installed from another checkout since.
cp="$repo/cli/target/corescope.jar:$here/jmh/target/benchmarks.jar"

echo "== machine"
echo "nproc: $(nproc); $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'); kernel $(uname -r)"
java -version 2>&1 | sed 's/^/  /'
python3 --version 2>&1 | sed 's/^/  /'
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "JMH options: $jmh_opts"

echo
echo "== JMH: DispatchBench (us/op; roundTrip = submit(empty).join(); queueBatch = per task, 1000 tasks on 2 workers)"
# shellcheck disable=SC2086
java -cp "$cp" org.openjdk.jmh.Main 'DispatchBench' $jmh_opts -rf json -rff "$out/dispatch.json" \
  > "$out/dispatch.log" 2>&1 || { tail -40 "$out/dispatch.log"; exit 1; }
sed -n '/^Benchmark/,$p' "$out/dispatch.log"

echo
echo "== JMH: ThreadStatsBench (what one ThreadStats.sample() is made of; each task takes two samples)"
java -cp "$cp" org.openjdk.jmh.Main 'ThreadStatsBench' -f 1 -wi 2 -i 5 -w 1 -r 1 -rf json -rff "$out/threadstats.json" \
  > "$out/threadstats.log" 2>&1 || { tail -40 "$out/threadstats.log"; exit 1; }
sed -n '/^Benchmark/,$p' "$out/threadstats.log"

echo
echo "== worker JVM start (pool.ensure(n), pool.startCosts(): launch -> hello frame -> 5 clock pings)"
java -cp "$cp" dev.corescope.jmh.StartCost "$start_reps"
echo
echo "-- the same with an AppCDS archive of the worker's classes (-XX:SharedArchiveFile), for comparison"
jsa="$out/worker.jsa"
java -XX:ArchiveClassesAtExit="$jsa" -XX:+UseSerialGC -Djava.awt.headless=true -cp "$cp" dev.corescope.exec.WorkerMain \
  < /dev/null > /dev/null 2> "$out/cds.log"
java -cp "$cp" dev.corescope.jmh.StartCost "$start_reps" -XX:SharedArchiveFile="$jsa"

echo
echo "== Python anchor: $anchor (multiprocessing Pool(2))"
(cd "$(dirname "$anchor")" && python3 "$(basename "$anchor")")

echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "JMH JSON and logs: $out"
