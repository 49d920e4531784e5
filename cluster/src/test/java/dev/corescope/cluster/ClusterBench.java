package dev.corescope.cluster;

import dev.corescope.exec.BatchPlan;
import dev.corescope.exec.BatchResult;
import dev.corescope.exec.BatchRunner;
import dev.corescope.exec.RunClock;
import dev.corescope.exec.Strategy;
import dev.corescope.exec.TaskResult;
import dev.corescope.exec.Worker;
import dev.corescope.workload.SpinWorkload;
import dev.corescope.api.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Benchmark of a running cluster (used by {@code bench/cluster.sh}):
 * <ol>
 *   <li>dispatch overhead: {@code empty} tasks one at a time on slot 0, coordinator round trip
 *       (submit → result) minus the member's task time;</li>
 *   <li>throughput: {@code tasks} spin tasks of {@code loops} loops on all slots (queue strategy).</li>
 * </ol>
 * Usage: {@code ClusterBench CLUSTER_NAME host:port,... [emptyTasks] [spinTasks] [loops]}; the cluster key is
 * the default one ({@code $CORESCOPE_HOME/cluster.key}), or the file named by the system property
 * {@code corescope.secret.file}.
 */
public final class ClusterBench {
    private ClusterBench() {
    }

    public static void main(String[] args) {
        String name = args[0];
        List<String> members = List.of(args[1].split(","));
        int empties = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        int spins = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        long loops = args.length > 4 ? Long.parseLong(args[4]) : 60_000_000L;
        String secret = System.getProperty("corescope.secret.file");
        KeyFile.Key key = KeyFile.load(secret == null ? null : java.nio.file.Path.of(secret));
        try (ClusterWorkerPool pool = ClusterWorkerPool.connect(CoordinatorOptions.of(members).withClusterName(name)
                .withKey(key))) {
            Worker w = pool.worker(0);
            WorkloadSpec empty = WorkloadSpec.of("empty");
            for (int i = 0; i < 500; i++) { // warm-up of both JVMs' paths
                w.submit(empty, TaskInput.of(i, i)).join();
            }
            double[] rtt = new double[empties];
            double[] overhead = new double[empties];
            for (int i = 0; i < empties; i++) {
                long t0 = System.nanoTime();
                TaskResult r = w.submit(empty, TaskInput.of(i, i)).join();
                long t1 = System.nanoTime();
                rtt[i] = (t1 - t0) / 1e3;
                overhead[i] = (t1 - t0 - r.wallNanos()) / 1e3;
            }
            Arrays.sort(rtt);
            Arrays.sort(overhead);
            System.out.printf(Locale.ROOT, "members=%d slots=%d%n", pool.nodes().size(), pool.size());
            System.out.printf(Locale.ROOT, "empty round trip (us): median %.0f p90 %.0f p99 %.0f min %.0f (n=%d); overhead beyond the task: median %.0f%n",
                    rtt[empties / 2], rtt[(int) (empties * 0.9)], rtt[(int) (empties * 0.99)], rtt[0], empties,
                    overhead[empties / 2]);
            WorkloadSpec spin = SpinWorkload.spec(loops);
            BatchRunner runner = new BatchRunner(pool, new RunClock(), r -> { }, "bench");
            runner.run(new BatchPlan("warmup", pool.size(), 0, SpinWorkload.spec(loops / 10),
                    IntStream.range(0, pool.size() * 3).mapToObj(i -> TaskInput.of(i, i)).toList(), Strategy.QUEUE));
            BatchResult b = runner.run(new BatchPlan("throughput", pool.size(), 0, spin,
                    IntStream.range(0, spins).mapToObj(i -> TaskInput.of(i, i)).toList(), Strategy.QUEUE));
            double meanTask = b.records().stream().mapToDouble(r -> r.wallSeconds()).average().orElse(Double.NaN);
            System.out.printf(Locale.ROOT, "throughput: %d spin tasks in %.2f s = %.2f tasks/s (mean task %.3f s, failures %d)%n",
                    spins, b.wallSeconds(), spins / b.wallSeconds(), meanTask, b.failures());
            var stats = ClusterStats.of(List.of(b), pool.nodes());
            stats.levels().get(0).members().forEach(m -> System.out.printf(Locale.ROOT, "  %s: %d tasks, mean %.3f s%n",
                    m.node(), m.tasks(), m.perTask().mean()));
        }
    }
}
