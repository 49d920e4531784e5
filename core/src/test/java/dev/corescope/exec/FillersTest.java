package dev.corescope.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.api.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Measuring at P: with fillers every measured task runs while all the level's workers are busy, and the batch
 * says how full they were; a task whose run-queue wait exceeds the limit is marked disturbed. Simulated timings.
 */
class FillersTest {
    private static final WorkloadSpec SPEC = WorkloadSpec.of("fake");

    private static List<TaskInput> tasks(int n) {
        return IntStream.range(0, n).mapToObj(i -> new TaskInput(i, 100, i)).toList();
    }

    /** Tasks of 10 ms, one in five 50 ms: without fillers the stretch ends in a drain. */
    private static final VirtualPool.Model UNEVEN = (t, running, w, rng) -> t.index() % 5 == 0 ? 0.05 : 0.01;

    @Test
    void withFillersEveryWorkerIsBusyUntilTheLastMeasuredTaskEnds() {
        VirtualPool pool = new VirtualPool(UNEVEN, 1);
        List<TaskRecord> sunk = Collections.synchronizedList(new ArrayList<>());
        BatchRunner runner = new BatchRunner(pool, new RunClock(), sunk::add, "r");
        BatchResult b = runner.run(new BatchPlan("x", 4, 0, SPEC, tasks(20), Strategy.QUEUE, 0, true));
        assertThat(b.records()).hasSize(20);
        assertThat(sunk).as("fillers are not recorded").hasSize(20);
        assertThat(b.occupancy().fillers()).isPositive();
        assertThat(b.occupancy().full()).isGreaterThan(0.99);
        assertThat(pool.peak()).isEqualTo(4);
    }

    @Test
    void withoutFillersTheDrainShowsInTheOccupancy() {
        VirtualPool pool = new VirtualPool(UNEVEN, 1);
        BatchResult b = new BatchRunner(pool, new RunClock(), RecordSink.NONE, "r")
                .run(new BatchPlan("x", 4, 0, SPEC, tasks(20), Strategy.QUEUE, 0, false));
        assertThat(b.occupancy().fillers()).isZero();
        assertThat(b.occupancy().full()).isLessThan(0.95);
    }

    @Test
    void fewerTasksThanWorkersStillRunAtTheLevel() {
        VirtualPool pool = new VirtualPool((t, running, w, rng) -> 0.01, 2);
        BatchResult b = new BatchRunner(pool, new RunClock(), RecordSink.NONE, "r")
                .run(new BatchPlan("x", 8, 0, SPEC, tasks(3), Strategy.QUEUE, 0, true));
        assertThat(b.records()).hasSize(3);
        assertThat(pool.peak()).isEqualTo(8);
        assertThat(b.occupancy().full()).isGreaterThan(0.99);
    }

    @Test
    void aTaskThatWaitedForItsCpuIsMarkedDisturbed() {
        // task 1 waited 3 ms of its 20 ms (above 1 ms and 1%); task 2 waited 0.5 ms (below 1 ms); task 3 unknown
        long[] waits = {0, 3_000_000, 500_000, -1};
        WorkerPool pool = new StubWorkerPool("w") {
            @Override
            protected CompletableFuture<TaskResult> submit(WorkerInfo worker, WorkloadSpec workload, TaskInput input) {
                long t0 = System.nanoTime();
                return CompletableFuture.completedFuture(new TaskResult(TaskStatus.OK, t0, t0 + 20_000_000, 17_000_000,
                        waits[input.index()], 0, 1, 0, null, null));
            }
        };
        BatchResult b = new BatchRunner(pool, new RunClock(), RecordSink.NONE, "r")
                .run(new BatchPlan("x", 1, 0, SPEC, tasks(4), Strategy.QUEUE));
        assertThat(b.records()).extracting(TaskRecord::disturbed).containsExactly(false, true, false, null);
        assertThat(Disturbance.of(200_000_000, 1_500_000)).as("1.5 ms of a 200 ms task is under 1%").isFalse();
    }
}
