package dev.corescope.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.api.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchRunnerTest {
    private static final WorkloadSpec SPEC = WorkloadSpec.of("fake");

    private static List<TaskInput> tasks(int n) {
        return IntStream.range(0, n).mapToObj(i -> new TaskInput(i, 0, 100 + i)).toList();
    }

    @Test
    void roundsRunEveryTaskOnceWithABarrierBetweenRounds() {
        FakeWorkerPool pool = new FakeWorkerPool(t -> 1_000_000);
        List<TaskRecord> sunk = Collections.synchronizedList(new ArrayList<>());
        BatchRunner runner = new BatchRunner(pool, new RunClock(), sunk::add, "run-1");
        BatchResult r = runner.run(new BatchPlan("rounds", 4, 0, SPEC, tasks(10), Strategy.ROUNDS));

        assertThat(r.records()).hasSize(10);
        assertThat(sunk).hasSize(10);
        assertThat(r.records()).extracting(TaskRecord::taskIndex).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(r.records()).extracting(TaskRecord::round).containsExactly(0, 0, 0, 0, 1, 1, 1, 1, 2, 2);
        assertThat(pool.peakInFlight()).isLessThanOrEqualTo(4);
        // barrier: every task of round k ends before any task of round k+1 starts
        List<String> log = List.copyOf(pool.log);
        assertThat(log.indexOf("start 4")).isGreaterThan(IntStream.range(0, 4).map(i -> log.indexOf("end " + i)).max().getAsInt());
        assertThat(log.indexOf("start 8")).isGreaterThan(IntStream.range(4, 8).map(i -> log.indexOf("end " + i)).max().getAsInt());
        // in a round, each worker gets one task
        assertThat(r.records().subList(0, 4)).extracting(TaskRecord::workerId).doesNotHaveDuplicates();
    }

    @Test
    void queueRunsEveryTaskOnceWithAtMostPInFlight() {
        FakeWorkerPool pool = new FakeWorkerPool(t -> 1_000_000);
        BatchRunner runner = new BatchRunner(pool, new RunClock(), RecordSink.NONE, "run-1");
        BatchResult r = runner.run(new BatchPlan("queue", 3, 0, SPEC, tasks(20), Strategy.QUEUE));

        assertThat(r.records()).extracting(TaskRecord::taskIndex).containsExactlyElementsOf(
                IntStream.range(0, 20).boxed().toList());
        assertThat(r.records()).extracting(TaskRecord::workerId).containsOnly("fake-1", "fake-2", "fake-3");
        assertThat(pool.peakInFlight()).isBetween(1, 3);
        assertThat(r.records()).allSatisfy(rec -> {
            assertThat(rec.level()).isEqualTo(3);
            assertThat(rec.runId()).isEqualTo("run-1");
            assertThat(rec.checksum()).isEqualTo(100 + rec.taskIndex());
        });
    }

    @Test
    void inventedTimingsBecomeRecordTimes() {
        FakeWorkerPool pool = new FakeWorkerPool(t -> (t.index() + 1) * 10_000_000L);
        BatchRunner runner = new BatchRunner(pool, new RunClock(), RecordSink.NONE, "r");
        BatchResult r = runner.run(new BatchPlan("sweep", 3, 0, SPEC, tasks(3), Strategy.ROUNDS));
        assertThat(r.records()).extracting(TaskRecord::wallNanos).containsExactly(10_000_000L, 20_000_000L, 30_000_000L);
        assertThat(r.records()).allSatisfy(rec -> assertThat(rec.endNanos() - rec.startNanos()).isEqualTo(rec.wallNanos()));
    }

    @Test
    void failedTaskIsRecordedAndCrashedWorkerReplaced() {
        FakeWorkerPool pool = new FakeWorkerPool(t -> 1_000_000);
        pool.failures.put(1, "IllegalStateException: boom");
        pool.failures.put(2, "crash");
        BatchRunner runner = new BatchRunner(pool, new RunClock(), RecordSink.NONE, "r");
        BatchResult r = runner.run(new BatchPlan("rounds", 3, 0, SPEC, tasks(6), Strategy.ROUNDS));

        assertThat(r.records()).hasSize(6);
        assertThat(r.failures()).isEqualTo(2);
        assertThat(r.records().get(1).status()).isEqualTo(TaskStatus.FAILED);
        assertThat(r.records().get(1).error()).contains("boom");
        assertThat(r.records().get(5).ok()).isTrue();
        assertThat(r.records().get(5).workerId()).isNotEqualTo(r.records().get(2).workerId());
        assertThat(pool.events()).anyMatch(e -> e.contains("replaced"));
    }
}
