package dev.corescope.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.exec.BatchPlan;
import dev.corescope.exec.BatchResult;
import dev.corescope.exec.BatchRunner;
import dev.corescope.exec.RunClock;
import dev.corescope.exec.Strategy;
import dev.corescope.exec.TaskRecord;
import dev.corescope.exec.TaskStatus;
import dev.corescope.workload.SpinWorkload;
import dev.corescope.api.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Three members in separate JVMs (threshold 1 each), a coordinator pool in this JVM; one member is
 * killed mid-batch. No speed is asserted: only completeness, uniqueness, identity and the per-member
 * concurrency limit.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ClusterFaultTest {
    private static final int TASKS = 30;
    private static MemberProcesses members;

    @BeforeAll
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    static void startMembers() {
        members = MemberProcesses.start(3);
    }

    @AfterAll
    static void stopMembers() {
        if (members != null) {
            members.close();
        }
    }

    /** Spin loops for roughly {@code millis} ms on this machine (not asserted anywhere). */
    private static long loopsFor(long millis) {
        long loops = 200_000;
        SpinWorkload.spin(loops, 1); // warm-up
        long t0 = System.nanoTime();
        SpinWorkload.spin(loops, 2);
        long ns = Math.max(1, System.nanoTime() - t0);
        return Math.max(10_000, loops * millis * 1_000_000 / ns);
    }

    @Test
    void aMemberKilledMidRunLosesNoTaskAndCountsNoneTwice() throws Exception {
        CoordinatorOptions o = CoordinatorOptions.of(members.addresses)
                .withClusterName(members.clusterName).withJoinTimeout(Duration.ofSeconds(30)).withKey(members.key());
        try (ClusterWorkerPool pool = ClusterWorkerPool.connect(o)) {
            assertThat(pool.size()).isEqualTo(3);
            assertThat(pool.nodes()).extracting(ClusterWorkerPool.NodeInfo::threshold).containsOnly(1);
            assertThat(pool.worker(0).info().id()).isEqualTo("node-1/slot-0");
            assertThat(pool.worker(1).info().id()).isEqualTo("node-2/slot-0");

            WorkloadSpec spec = SpinWorkload.spec(loopsFor(80));
            List<TaskInput> tasks = IntStream.range(0, TASKS).mapToObj(i -> new TaskInput(i, 0, 1000 + i)).toList();
            List<TaskRecord> sunk = Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<Void> eightDone = new CompletableFuture<>();
            BatchRunner runner = new BatchRunner(pool, new RunClock(), r -> {
                sunk.add(r);
                if (sunk.size() >= 8) {
                    eightDone.complete(null);
                }
            }, "cluster-test");

            ClusterWorkerPool.NodeInfo victim = pool.nodes().get(1);
            CompletableFuture<BatchResult> batch = CompletableFuture.supplyAsync(() ->
                    runner.run(new BatchPlan("cluster", pool.size(), 0, spec, tasks, Strategy.QUEUE)));
            eightDone.get(60, TimeUnit.SECONDS);
            members.byPid(victim.pid()).destroyForcibly();
            BatchResult result = batch.get(75, TimeUnit.SECONDS);

            // every task recorded exactly once, all ok, each with the member that ran it
            assertThat(result.records()).extracting(TaskRecord::taskIndex)
                    .containsExactlyElementsOf(IntStream.range(0, TASKS).boxed().toList());
            assertThat(sunk).hasSize(TASKS);
            assertThat(result.records()).allSatisfy(r -> {
                assertThat(r.status()).as("task %d: %s", r.taskIndex(), r.error()).isEqualTo(TaskStatus.OK);
                assertThat(r.node()).isNotNull().matches("node-\\d@127\\.0\\.0\\.1:\\d+");
            });
            pool.events().forEach(e -> System.out.println("event: " + e));
            assertThat(pool.nodes().get(1).alive()).isFalse();
            // the task in flight on the killed member was re-dispatched (its slot's chain was waiting on it)
            assertThat(pool.events()).anyMatch(e -> e.contains("in flight on " + victim.label()) && e.contains("re-dispatched to"));
            assertThat(pool.events()).anyMatch(e -> e.contains(victim.label()) && e.contains("slot(s) are served"));
            // the tasks that came back after the kill ran on the surviving members
            Map<String, Long> perNode = result.records().stream()
                    .collect(Collectors.groupingBy(TaskRecord::node, Collectors.counting()));
            assertThat(perNode.keySet()).contains(pool.nodes().get(0).label(), pool.nodes().get(2).label());

            // no member ever ran more than its threshold (1) at once: instrumented, and from the records
            assertThat(pool.nodes()).allSatisfy(n -> assertThat(n.maxInFlight()).isLessThanOrEqualTo(n.threshold()));
            Map<String, List<TaskRecord>> byNode = result.records().stream()
                    .collect(Collectors.groupingBy(TaskRecord::node));
            byNode.forEach((node, recs) -> assertThat(maxOverlap(recs)).as(node).isLessThanOrEqualTo(1));
        }
    }

    /** Most intervals [start, end) of one member open at the same instant (its own clock, mapped by one offset). */
    static int maxOverlap(List<TaskRecord> recs) {
        List<long[]> points = new ArrayList<>();
        for (TaskRecord r : recs) {
            points.add(new long[] {r.startNanos(), +1});
            points.add(new long[] {r.endNanos(), -1});
        }
        points.sort(Comparator.<long[]>comparingLong(p -> p[0]).thenComparingLong(p -> p[1]));
        int open = 0;
        int max = 0;
        for (long[] p : points) {
            open += (int) p[1];
            max = Math.max(max, open);
        }
        return max;
    }

}
