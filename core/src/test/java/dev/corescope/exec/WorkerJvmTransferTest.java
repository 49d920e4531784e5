package dev.corescope.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.corescope.api.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import dev.corescope.workload.algo.TransferWorkload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Real worker JVMs: results arrive intact and timed; a worker dying mid-transfer is a recorded failure. */
class WorkerJvmTransferTest {
    private static ProcessWorkerPool pool() {
        return new ProcessWorkerPool(Duration.ofMinutes(2), ProcessWorkerPool.DEFAULT_JVM_OPTIONS, null);
    }

    @Test
    void aLargeResultComesBackIntactWithItsOverheadSplit() {
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            try (ProcessWorkerPool pool = pool()) {
                int bytes = 16 << 20;
                WorkloadSpec spec = WorkloadSpec.of(TransferWorkload.class.getName(), "loops", 1000, "bytes", bytes);
                TaskResult local = TaskExecution.run(new TransferWorkload(1000, bytes), new TaskInput(0, 0, 9));
                TaskResult r = pool.worker(0).submit(spec, new TaskInput(0, 0, 9)).join();

                assertThat(r.ok()).as(r.error()).isTrue();
                assertThat(r.bytes()).isEqualTo(bytes);
                assertThat(r.payload()).isEqualTo(local.payload());
                assertThat(r.checksum()).isEqualTo(local.checksum());
                TransferTiming t = r.transferTiming();
                assertThat(t).isNotNull();
                assertThat(t.dispatchNanos()).isNotNegative();
                assertThat(t.serializeNanos()).isNotNegative();
                assertThat(t.transferNanos()).isPositive();
                assertThat(t.deserializeNanos()).isNotNegative();
                assertThat(r.timeline().usable()).isGreaterThanOrEqualTo(r.timeline().payloadRead());
            }
        });
    }

    @Test
    void aWorkerDyingMidTransferFailsThatTaskIsRecordedAndDoesNotHang() throws Exception {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/self/io")), "needs /proc/self/io (Linux)");
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            try (ProcessWorkerPool pool = pool()) {
                List<TaskRecord> records = Collections.synchronizedList(new ArrayList<>());
                BatchRunner runner = new BatchRunner(pool, new RunClock(), records::add, "t");
                WorkloadSpec halting = WorkloadSpec.of(HaltingWorkload.class.getName(), "bytes", 256 << 20);

                BatchResult b = runner.run(new BatchPlan("transfer", 1, 0, halting, List.of(new TaskInput(0, 0, 1)),
                        Strategy.QUEUE));

                assertThat(b.records()).hasSize(1);
                TaskRecord rec = b.records().get(0);
                assertThat(rec.ok()).isFalse();
                assertThat(rec.status()).isEqualTo(TaskStatus.FAILED);
                assertThat(rec.error()).contains("worker JVM died").contains("truncated");
                assertThat(records).containsExactly(rec);
                assertThat(pool.events()).anyMatch(e -> e.contains("died"));

                // the pool replaces the dead worker and carries on
                WorkloadSpec small = WorkloadSpec.of(TransferWorkload.class.getName(), "loops", 10, "bytes", 1024);
                BatchResult next = runner.run(new BatchPlan("transfer", 1, 1, small, List.of(new TaskInput(0, 0, 1)),
                        Strategy.QUEUE));
                assertThat(next.records().get(0).ok()).isTrue();
                assertThat(next.records().get(0).transfer()).isNotNull();
            }
        });
    }

    @Test
    void threadTasksRecordOnlyTheirDispatch() {
        try (ThreadWorkerPool pool = new ThreadWorkerPool(Duration.ofMinutes(1))) {
            List<TaskRecord> records = Collections.synchronizedList(new ArrayList<>());
            BatchRunner runner = new BatchRunner(pool, new RunClock(), records::add, "t");
            WorkloadSpec spec = WorkloadSpec.of(TransferWorkload.class.getName(), "loops", 10, "bytes", 4096);
            BatchResult b = runner.run(new BatchPlan("transfer", 2, 0, spec,
                    List.of(new TaskInput(0, 0, 1), new TaskInput(1, 0, 2), new TaskInput(2, 0, 3)), Strategy.QUEUE));
            for (TaskRecord r : b.records()) {
                assertThat(r.ok()).isTrue();
                assertThat(r.bytesReturned()).isEqualTo(4096);
                assertThat(r.transfer()).isNotNull();
                assertThat(r.transfer().dispatchNanos()).isNotNegative();
                assertThat(r.transfer().serializeNanos()).isZero();
                assertThat(r.transfer().transferNanos()).isZero();
                assertThat(r.transfer().deserializeNanos()).isZero();
            }
        }
    }
}
