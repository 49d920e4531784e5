package dev.corescope.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.exec.BatchPlan;
import dev.corescope.exec.Strategy;
import dev.corescope.exec.StubWorkerPool;
import dev.corescope.exec.TaskResult;
import dev.corescope.exec.TaskStatus;
import dev.corescope.exec.WorkerInfo;
import dev.corescope.exec.WorkerMode;
import dev.corescope.store.RunDirectory;
import dev.corescope.api.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partial summary (what Ctrl-C writes) counts the batch that was running: its records so far, not
 * only the finished batches. A single-algorithm assess is one batch, so without this it had no levels.
 */
class PartialSummaryTest {
    @TempDir
    Path tmp;

    /** Tasks with index below {@code open} complete at once; the others wait for {@link #release}. */
    static final class GatedPool extends StubWorkerPool {
        final int open;
        final CompletableFuture<Void> release = new CompletableFuture<>();
        private long clock = 1_000_000_000L;

        GatedPool(int open) {
            super("gated");
            this.open = open;
        }

        @Override
        protected CompletableFuture<TaskResult> submit(WorkerInfo worker, WorkloadSpec workload, TaskInput input) {
            TaskResult r = result();
            return input.index() < open ? CompletableFuture.completedFuture(r) : release.thenApply(v -> r);
        }

        private synchronized TaskResult result() {
            long start = clock;
            clock += 10_000_000;
            return new TaskResult(TaskStatus.OK, start, clock, 10_000_000, 0, 0, 1, 0, null, null, null);
        }

        @Override
        public void close() {
            release.complete(null);
        }
    }

    @Test
    @Timeout(30)
    void theRunningBatchIsCounted() throws Exception {
        GatedPool pool = new GatedPool(5);
        Settings settings = new Settings("assess", List.of(), WorkerMode.THREADS, null, Duration.ofMinutes(1), List.of(), 42, true);
        RunDirectory dir = RunDirectory.create(tmp.resolve("run"), "assess");
        try (Session s = Session.open(settings, dir, pool, r -> { }, x -> { })) {
            Thread run = new Thread(() -> s.run(new BatchPlan("assess/sort-jdk", 1, 0, WorkloadSpec.of("spin"),
                    Tasks.of(20, 10, 1), Strategy.QUEUE)));
            run.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (s.batchesSoFar().stream().mapToInt(b -> b.records().size()).sum() < 5) {
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(5);
            }
            assertThat(s.batches()).as("nothing finished yet").isEmpty();

            Measured partial = Summaries.measured(s, "sort-jdk", null, false);
            assertThat(partial.levels()).hasSize(1);
            assertThat(partial.levels().get(0).experiment()).isEqualTo("assess/sort-jdk");
            assertThat(partial.levels().get(0).tasks()).isEqualTo(5);
            assertThat(partial.levels().get(0).perTask().n()).isEqualTo(5);
            assertThat(partial.levels().get(0).throughput()).isPositive().isFinite();

            pool.release.complete(null);
            run.join(10_000);
            assertThat(s.batches()).hasSize(1);
            assertThat(s.batchesSoFar()).as("no batch counted twice once it finished").hasSize(1);
            assertThat(Summaries.measured(s, "sort-jdk", null, true).levels().get(0).tasks()).isEqualTo(20);
        }
    }
}
