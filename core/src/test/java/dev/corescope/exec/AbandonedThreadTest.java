package dev.corescope.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.api.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A timed-out task in threads mode: Java cannot stop its thread, so the pool counts it as abandoned while it
 * still runs (a spin that ignores interrupts keeps a CPU busy), and no longer once it has ended.
 */
class AbandonedThreadTest {
    @Test
    void aThreadAbandonedInATimedOutTaskIsCountedUntilItEnds() throws Exception {
        WorkloadSpec busy = WorkloadSpec.of(BusyWorkload.class.getName(), "ms", 1500);
        try (ThreadWorkerPool pool = new ThreadWorkerPool(Duration.ofMillis(200))) {
            pool.ensure(1);
            assertThat(pool.abandonedThreads()).isZero();
            TaskResult r = pool.worker(0).submit(busy, new TaskInput(0, 0, 1)).get(30, TimeUnit.SECONDS);
            assertThat(r.status()).isEqualTo(TaskStatus.TIMEOUT);

            assertThat(pool.abandonedThreads()).as("the busy thread still runs").isEqualTo(1);
            assertThat(pool.events()).anySatisfy(e -> assertThat(e).contains("thread-1").contains("was abandoned")
                    .contains("may still be running").contains("--mode processes"));
            // the pool goes on with a fresh thread
            pool.ensure(1);
            assertThat(pool.worker(0).info().id()).isEqualTo("thread-2");

            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (pool.abandonedThreads() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(pool.abandonedThreads()).as("the thread ended when its task did").isZero();
        }
    }
}
