package dev.corescope.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.exec.pin.CpuAssignment;
import dev.corescope.exec.pin.AffinityPinner;
import dev.corescope.api.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One pinning mechanism in both modes: every worker pins itself to its slot's CPU with sched_setaffinity,
 * a thread worker its thread, a worker JVM its task thread or all its threads. Checked from inside the
 * task, through /proc.
 */
class PinningTest {
    static final WorkloadSpec WHERE = WorkloadSpec.of(AffinityWorkload.class.getName());
    static final Duration TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    @BeforeEach
    void twoCpus() {
        Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() >= 2
                        && java.nio.file.Files.isReadable(Path.of("/proc/thread-self/status")),
                "needs Linux and 2 CPUs");
    }

    static long where(WorkerPool pool, int slot) {
        TaskResult r = pool.worker(slot).submit(WHERE, new TaskInput(0, 0, 1)).join();
        assertThat(r.ok()).as(r.error()).isTrue();
        return r.checksum();
    }

    @Test
    void threadWorkersPinTheirThreadToTheirSlotsCpu() {
        try (ThreadWorkerPool pool = new ThreadWorkerPool(TIMEOUT, new CpuAssignment(List.of(1, 0)))) {
            pool.ensure(2);
            assertThat(where(pool, 0) / 1000).isEqualTo(1);
            assertThat(where(pool, 1) / 1000).isEqualTo(0);
        }
    }

    @Test
    void workerJvmsPinTheTaskThreadOnlyOrTheWholeJvm() {
        try (ProcessWorkerPool task = new ProcessWorkerPool(TIMEOUT, ProcessWorkerPool.DEFAULT_JVM_OPTIONS,
                dir.resolve("a.log"), new CpuAssignment(List.of(1)), AffinityPinner.TASK_THREAD);
             ProcessWorkerPool jvm = new ProcessWorkerPool(TIMEOUT, ProcessWorkerPool.DEFAULT_JVM_OPTIONS,
                     dir.resolve("b.log"), new CpuAssignment(List.of(1)), AffinityPinner.WHOLE_JVM)) {
            long t = where(task, 0);
            long j = where(jvm, 0);
            assertThat(t / 1000).isEqualTo(1);
            assertThat(j / 1000).isEqualTo(1);
            // the whole JVM: JIT, GC and the other threads were pinned too; the task thread only: just it
            // (and threads it started later)
            assertThat(j % 1000).isGreaterThan(5);
            assertThat(t % 1000).isLessThan(j % 1000);
        }
    }

    @Test
    void aReplacementWorkerJvmIsPinnedToItsSlotsCpuNotTheNextOne() throws Exception {
        try (ProcessWorkerPool pool = new ProcessWorkerPool(TIMEOUT, ProcessWorkerPool.DEFAULT_JVM_OPTIONS,
                dir.resolve("c.log"), new CpuAssignment(List.of(1, 0)), AffinityPinner.TASK_THREAD)) {
            pool.ensure(2);
            assertThat(where(pool, 0) / 1000).isEqualTo(1);
            long pid = pool.worker(0).info().pid();
            ProcessHandle worker = ProcessHandle.of(pid).orElseThrow();
            worker.destroyForcibly();
            worker.onExit().get();
            // the 3rd JVM started, for slot 0 again: slot 0's CPU, not the one the start count would give
            TaskResult lost = pool.worker(0).submit(WHERE, new TaskInput(0, 0, 1)).join();
            assertThat(lost.ok()).isFalse();
            assertThat(pool.worker(0).info().pid()).isNotEqualTo(pid);
            assertThat(where(pool, 0) / 1000).isEqualTo(1);
            assertThat(where(pool, 1) / 1000).isEqualTo(0);
        }
    }
}
