package dev.corescope.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.exec.JvmActivity;
import dev.corescope.exec.StubWorkerPool;
import dev.corescope.exec.TaskResult;
import dev.corescope.exec.TaskStatus;
import dev.corescope.exec.WorkerInfo;
import dev.corescope.exec.WorkerPool;
import dev.corescope.api.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Warm-up until the JIT is quiet, on a pool whose results report invented compilation. */
class WarmupTest {
    /** Each task reports {@code jitMillis} > 0 while fewer than {@code compilingTasks} tasks have run. */
    static WorkerPool compilingFor(int compilingTasks, AtomicInteger ran, List<Long> sizes) {
        return new StubWorkerPool("w") {
            @Override
            protected WorkerInfo info(int id) {
                return new WorkerInfo("w" + (id - 1), 1, 1, 0);
            }

            @Override
            protected CompletableFuture<TaskResult> submit(WorkerInfo worker, WorkloadSpec w, TaskInput in) {
                sizes.add(in.size());
                long jit = ran.incrementAndGet() <= compilingTasks ? 7 : 0;
                return CompletableFuture.completedFuture(new TaskResult(TaskStatus.OK, 0, 1, 1, 0, 0, 0, 0,
                        null, null).withJvm(new JvmActivity(0, 0, jit)));
            }
        };
    }

    @Test
    void goesOnUntilTwoRoundsSawNoCompilation() {
        AtomicInteger ran = new AtomicInteger();
        List<Long> sizes = new ArrayList<>();
        Warmup.Result r = Warmup.untilQuiet(compilingFor(13, ran, sizes), 0, 2, WorkloadSpec.of("x"), List.of(10L, 20L), 3);
        // 2 workers: tasks 1..13 compile, so round 7 (tasks 13, 14) is the last busy one; rounds 8 and 9 are quiet
        assertThat(r.tasksPerWorker()).isEqualTo(9);
        assertThat(r.quiet()).isTrue();
        assertThat(r.failed()).isZero();
        assertThat(sizes.subList(0, 4)).containsExactly(10L, 10L, 20L, 20L); // sizes in turn, a round each
    }

    @Test
    void runsTheMinimumWhenTheJitIsAlreadyQuiet() {
        Warmup.Result r = Warmup.untilQuiet(compilingFor(0, new AtomicInteger(), new ArrayList<>()), 0, 1,
                WorkloadSpec.of("x"), List.of(5L), 5);
        assertThat(r.tasksPerWorker()).isEqualTo(5);
        assertThat(r.quiet()).isTrue();
    }

    @Test
    void givesUpAfterTheExtraRoundsAndSaysSo() {
        Warmup.Result r = Warmup.untilQuiet(compilingFor(Integer.MAX_VALUE, new AtomicInteger(), new ArrayList<>()), 0, 1,
                WorkloadSpec.of("x"), List.of(5L), 2);
        assertThat(r.tasksPerWorker()).isEqualTo(2 + Warmup.EXTRA_ROUNDS);
        assertThat(r.quiet()).isFalse();
    }
}
