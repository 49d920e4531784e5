package dev.corescope.exec.pin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.exec.ProcessWorkerPool;
import dev.corescope.exec.ThreadWorkerPool;
import dev.corescope.exec.WorkerMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pools pin each worker through the {@link Pinner} they were given, to its slot's CPU, by pid and tid. */
class PinnerTest {
    @TempDir
    Path dir;

    record Call(long pid, long tid, int cpu) {
    }

    /** Records the calls; pins nothing; answers {@code ok}. */
    static final class Recording implements Pinner {
        final List<Call> calls = new CopyOnWriteArrayList<>();
        final boolean ok;
        int prepared;

        Recording(boolean ok) {
            this.ok = ok;
        }

        @Override
        public boolean pin(long pid, long tid, int cpu) {
            calls.add(new Call(pid, tid, cpu));
            return ok;
        }

        @Override
        public String describe() {
            return "recorded";
        }

        @Override
        public void prepare() {
            prepared++;
        }
    }

    @Test
    void threadWorkersArePinnedThroughTheGivenPinnerToTheirSlotsCpu() {
        Recording pinner = new Recording(true);
        try (ThreadWorkerPool pool = new ThreadWorkerPool(Duration.ofSeconds(30), new CpuAssignment(List.of(7, 3)),
                pinner)) {
            pool.ensure(3);
            assertThat(pinner.calls).extracting(Call::cpu).containsExactlyInAnyOrder(7, 3, 7);
            for (int slot = 0; slot < 3; slot++) {
                long tid = pool.worker(slot).info().tid();
                int cpu = slot % 2 == 0 ? 7 : 3;
                assertThat(pinner.calls).contains(new Call(ProcessHandle.current().pid(), tid, cpu));
            }
            assertThat(pool.events()).isEmpty();
        }
    }

    @Test
    void aPinThatFailsIsAnEventAndNoAssignmentMeansNoCall() {
        Recording failing = new Recording(false);
        try (ThreadWorkerPool pool = new ThreadWorkerPool(Duration.ofSeconds(30), new CpuAssignment(List.of(5)),
                failing)) {
            pool.ensure(1);
            assertThat(pool.events()).singleElement().asString().contains("could not be pinned to CPU 5");
        }
        Recording unused = new Recording(true);
        try (ThreadWorkerPool pool = new ThreadWorkerPool(Duration.ofSeconds(30), CpuAssignment.NONE, unused)) {
            pool.ensure(2);
            assertThat(unused.calls).isEmpty();
        }
    }

    @Test
    void aWorkerJvmIsPinnedByItsPidAndTaskThreadAfterItsHello() {
        Recording pinner = new Recording(false);
        try (ProcessWorkerPool pool = new ProcessWorkerPool(Duration.ofMinutes(2),
                ProcessWorkerPool.DEFAULT_JVM_OPTIONS, dir.resolve("w.log"), new CpuAssignment(List.of(4)), pinner)) {
            assertThat(pinner.prepared).isEqualTo(1);
            pool.ensure(1);
            var info = pool.worker(0).info();
            assertThat(pinner.calls).containsExactly(new Call(info.pid(), info.tid(), 4));
            assertThat(info.pid()).isNotEqualTo(ProcessHandle.current().pid());
            assertThat(pool.events()).singleElement().asString()
                    .contains("(pid " + info.pid() + ") could not be pinned to CPU 4");
        }
    }

    @Test
    void eachModeHasItsPinner() {
        assertThat(AffinityPinner.forMode(WorkerMode.THREADS)).isEqualTo(AffinityPinner.OWN_THREAD);
        assertThat(AffinityPinner.of(PinScope.TASK_THREAD).describe()).isEqualTo("each worker JVM pins its task thread");
        assertThat(AffinityPinner.of(PinScope.WHOLE_JVM).describe()).isEqualTo("each worker JVM pins all its threads");
        assertThat(AffinityPinner.OWN_THREAD.describe()).isEqualTo("each worker thread pins itself");
    }
}
