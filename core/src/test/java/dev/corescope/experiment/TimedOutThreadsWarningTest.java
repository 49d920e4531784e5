package dev.corescope.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.analysis.Warnings;
import dev.corescope.exec.BatchPlan;
import dev.corescope.exec.BusyWorkload;
import dev.corescope.exec.Strategy;
import dev.corescope.exec.TaskRecord;
import dev.corescope.exec.TaskStatus;
import dev.corescope.exec.WorkerMode;
import dev.corescope.store.RunDirectory;
import dev.corescope.workload.SpinWorkload;
import dev.corescope.workload.WorkloadSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A task that times out in threads mode leaves a thread that may keep a CPU busy: the run says so, per level. */
class TimedOutThreadsWarningTest {
    @TempDir
    Path dir;

    private static TaskRecord timedOut(String experiment, int level) {
        return new TaskRecord(new TaskRecord.Task("r", experiment, level, 0, 0, 0, 0), new TaskRecord.Ran("thread-1", 1, 1, null),
                new TaskRecord.Timing(0, 0, 0, -1, -1, -1), new TaskRecord.TaskOutcome(0, 0, TaskStatus.TIMEOUT, "timed out after 100 ms"), null, null);
    }

    @Test
    void oneWarningPerLevelWithTimeoutsInThreadsModeOnly() {
        List<TaskRecord> failures = List.of(timedOut("sweep", 2), timedOut("sweep", 2), timedOut("sweep", 3));
        assertThat(Warnings.timedOutThreads(WorkerMode.THREADS, failures, 1)).containsExactly(
                "sweep, 2 workers: 2 tasks timed out in threads mode; Java cannot stop their threads, so a CPU may "
                        + "still be busy with them, which skews this level and every later one (1 abandoned thread "
                        + "was still running when this summary was written). Use --mode processes: a timed-out "
                        + "worker JVM is killed.",
                "sweep, 3 workers: 1 task timed out in threads mode; Java cannot stop its thread, so a CPU may "
                        + "still be busy with it, which skews this level and every later one (1 abandoned thread "
                        + "was still running when this summary was written). Use --mode processes: a timed-out "
                        + "worker JVM is killed.");
        assertThat(Warnings.timedOutThreads(WorkerMode.PROCESSES, failures, 0)).as("a timed-out worker JVM is killed").isEmpty();
        assertThat(Warnings.timedOutThreads(WorkerMode.THREADS, List.of(), 0)).isEmpty();
    }

    @Test
    void aRunWhoseTaskTimedOutInThreadsModeWarnsThatACpuMayStillBeBusy() throws Exception {
        Settings settings = new Settings("sweep", List.of(), WorkerMode.THREADS, null, Duration.ofMillis(300), List.of(), 42, true);
        RunDirectory dir = RunDirectory.create(this.dir.resolve("run"), "sweep");
        try (Session s = Session.open(settings, dir, r -> { }, x -> { })) {
            s.run(new BatchPlan("sweep", 1, 0, SpinWorkload.spec(1000), Tasks.of(2, 0, 1), Strategy.QUEUE));
            // about 2 s of CPU, ignoring the interrupt: the timeout gives up on it after 300 ms
            s.run(new BatchPlan("sweep", 2, 0, WorkloadSpec.of(BusyWorkload.class.getName(), "ms", 2000),
                    Tasks.of(2, 0, 1), Strategy.QUEUE));
            RunResult summary = Summaries.levelRun(s, "busy", null, true, List.of());

            assertThat(summary.warnings()).filteredOn(w -> w.contains("timed out")).singleElement().satisfies(w ->
                    assertThat(w).startsWith("sweep, 2 workers: 2 tasks timed out in threads mode")
                            .contains("a CPU may still be busy").contains("abandoned threads were still running")
                            .contains("Use --mode processes"));
        }
    }
}
