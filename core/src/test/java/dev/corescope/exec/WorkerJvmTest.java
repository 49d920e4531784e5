package dev.corescope.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corescope.OsProcesses;
import dev.corescope.experiment.Tasks;
import dev.corescope.workload.SpinWorkload;
import dev.corescope.api.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real workers: two worker JVMs ({@link ProcessWorkerPool}, launched with this JVM's
 * {@code java.class.path}, which under surefire is a manifest-only booter jar whose Class-Path holds
 * target/classes and target/test-classes) and platform threads. No assertion depends on speed.
 */
class WorkerJvmTest {
    private static final long SEED = 42;
    /** Generous: a shared 2-core machine may be slow; the timeout is not what these tests measure. */
    private static final Duration NO_TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    private WorkerPool pool(String mode, Duration timeout) {
        return mode.equals("threads") ? new ThreadWorkerPool(timeout)
                : new ProcessWorkerPool(timeout, ProcessWorkerPool.DEFAULT_JVM_OPTIONS, dir.resolve("workers.log"));
    }

    private String workerLog() throws IOException {
        Path log = dir.resolve("workers.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private static BatchResult run(WorkerPool pool, List<TaskRecord> sink, int level, WorkloadSpec spec, int tasks,
                                   Strategy strategy) {
        // the sink is called from worker threads: it must be thread-safe
        List<TaskRecord> safe = java.util.Collections.synchronizedList(sink);
        BatchRunner runner = new BatchRunner(pool, new RunClock(), safe::add, "it");
        return runner.run(new BatchPlan("it", level, 0, spec, Tasks.of(tasks, 0, SEED), strategy));
    }

    /**
     * One task on each of the first {@code level} workers (seeds below the sleeper's), until a round has
     * none timed out: a fresh worker JVM's first task loads the workload's classes, which on a loaded
     * machine can take longer than a short task timeout, and this test is about the task that sleeps.
     */
    private static void warm(WorkerPool pool, int level, WorkloadSpec spec) {
        for (int attempt = 0; attempt < 3; attempt++) {
            if (run(pool, new ArrayList<>(), level, spec, level, Strategy.ROUNDS).records().stream()
                    .allMatch(TaskRecord::ok)) {
                return;
            }
        }
    }

    private static TaskRecord bySeed(BatchResult r, long seed) {
        return r.records().get((int) (seed - SEED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"threads", "processes"})
    void eachRecordSaysWhatItsJvmDidWhileTheTaskWasTimed(String mode) throws Exception {
        List<TaskRecord> sink = new ArrayList<>();
        try (WorkerPool pool = pool(mode, NO_TIMEOUT)) {
            BatchResult r = run(pool, sink, 1, WorkloadSpec.of(CollectingWorkload.class.getName()), 4, Strategy.QUEUE);
            assertThat(r.records()).hasSize(4).allSatisfy(rec -> {
                assertThat(rec.ok()).as(rec.error()).isTrue();
                assertThat(rec.jvm()).isNotNull();
                assertThat(rec.jvm().gcCount()).isGreaterThanOrEqualTo(0);
                assertThat(rec.jvm().gcMillis()).isGreaterThanOrEqualTo(0);
                assertThat(rec.jvm().jitMillis()).isGreaterThanOrEqualTo(0);
            });
            // System.gc() inside the task; a worker JVM's first task may find the collector held off (JNA loading
            // beside it holds the GC locker) and see its collection land in the next task
            assertThat(r.records().subList(1, 4)).allSatisfy(rec -> assertThat(rec.jvm().gcCount())
                    .as("System.gc() inside the task").isGreaterThanOrEqualTo(1));
        }
    }

    @Test
    void workerMainIsLoadableFromThisJvmsClassPath() throws Exception {
        // Surefire may hand us a manifest-only booter jar as java.class.path: the worker JVM must still find WorkerMain.
        try (WorkerPool pool = pool("processes", NO_TIMEOUT)) {
            pool.ensure(1);
            WorkerInfo info = pool.worker(0).info();
            assertThat(info.pid()).as("classpath %s; log %s", System.getProperty("java.class.path"), workerLog())
                    .isPositive().isNotEqualTo(ProcessHandle.current().pid());
            assertThat(pool.worker(0).alive()).isTrue();
        }
    }

    @Test
    void twoWorkerJvmsRunABatch() throws Exception {
        List<TaskRecord> sunk = Collections.synchronizedList(new ArrayList<>());
        long loops = 20_000;
        try (WorkerPool pool = pool("processes", NO_TIMEOUT)) {
            BatchResult r = run(pool, sunk, 2, SpinWorkload.spec(loops), 6, Strategy.ROUNDS);

            assertThat(r.records()).as(workerLog()).hasSize(6).allSatisfy(rec -> assertThat(rec.ok()).isTrue());
            assertThat(sunk).hasSize(6);
            assertThat(pool.startCosts()).hasSize(2).allSatisfy(ns -> assertThat(ns).isPositive());
            assertThat(pool.events()).isEmpty();

            Set<Long> pids = r.records().stream().map(TaskRecord::pid).collect(Collectors.toSet());
            assertThat(pids).hasSize(2).doesNotContain(ProcessHandle.current().pid());
            assertThat(r.records()).extracting(TaskRecord::workerId).containsOnly("jvm-1", "jvm-2");
            assertThat(r.records()).allSatisfy(rec -> {
                assertThat(rec.tid()).as("thread id").isPositive();
                assertThat(rec.startNanos()).isLessThanOrEqualTo(rec.endNanos());
                assertThat(rec.wallNanos()).isEqualTo(rec.endNanos() - rec.startNanos());
                assertThat(rec.checksum()).isEqualTo(SpinWorkload.spin(loops, SEED + rec.taskIndex()));
                assertThat(rec.level()).isEqualTo(2);
                assertThat(rec.round()).isEqualTo(rec.taskIndex() / 2);
            });
            assertThat(r.startNanos()).isLessThanOrEqualTo(r.endNanos());
            // Each worker's clock is mapped onto ours by a constant offset: its tasks follow one another exactly.
            Map<String, List<TaskRecord>> byWorker = r.records().stream()
                    .collect(Collectors.groupingBy(TaskRecord::workerId));
            for (List<TaskRecord> own : byWorker.values()) {
                for (int i = 1; i < own.size(); i++) {
                    assertThat(own.get(i).startNanos()).as("worker %s timeline", own.get(i).workerId())
                            .isGreaterThanOrEqualTo(own.get(i - 1).endNanos());
                }
            }
            // Across workers, the offsets are estimates (half a ping round trip): allow a generous slack.
            long slack = Duration.ofMillis(50).toNanos();
            for (TaskRecord rec : r.records()) {
                assertThat(rec.startNanos()).isGreaterThanOrEqualTo(r.startNanos() - slack);
                assertThat(rec.endNanos()).isLessThanOrEqualTo(r.endNanos() + slack);
            }
            for (int round = 1; round < 3; round++) {
                int k = round;
                long prevEnd = r.records().stream().filter(x -> x.round() == k - 1).mapToLong(TaskRecord::endNanos).max().getAsLong();
                long start = r.records().stream().filter(x -> x.round() == k).mapToLong(TaskRecord::startNanos).min().getAsLong();
                assertThat(start).as("round %d starts after round %d ends", k, k - 1).isGreaterThanOrEqualTo(prevEnd - slack);
            }
        }
    }

    @Test
    void sameSeedsGiveTheSameChecksumsInBothModes() {
        WorkloadSpec spec = SpinWorkload.spec(50_000);
        Map<String, Map<Integer, Long>> checksums = new HashMap<>();
        for (String mode : List.of("threads", "processes")) {
            try (WorkerPool pool = pool(mode, NO_TIMEOUT)) {
                BatchResult r = run(pool, new ArrayList<>(), 2, spec, 8, Strategy.QUEUE);
                assertThat(r.records()).allSatisfy(rec -> assertThat(rec.ok()).isTrue());
                checksums.put(mode, r.records().stream()
                        .collect(Collectors.toMap(TaskRecord::taskIndex, TaskRecord::checksum)));
            }
        }
        assertThat(checksums.get("processes")).hasSize(8).isEqualTo(checksums.get("threads"));
        checksums.get("threads").forEach((i, c) -> assertThat(c).isEqualTo(SpinWorkload.spin(50_000, SEED + i)));
    }

    @Test
    void aWorkerJvmThatDiesFailsItsTaskAndIsReplaced() throws Exception {
        long crashSeed = SEED + 2; // round 1, worker 0
        WorkloadSpec spec = WorkloadSpec.of(CrashingWorkload.class.getName(), "crash", crashSeed);
        try (WorkerPool pool = pool("processes", NO_TIMEOUT)) {
            pool.ensure(2);
            long firstPid = pool.worker(0).info().pid();
            BatchResult r = run(pool, new ArrayList<>(), 2, spec, 6, Strategy.ROUNDS);

            TaskRecord crashed = bySeed(r, crashSeed);
            assertThat(crashed.status()).isEqualTo(TaskStatus.FAILED);
            assertThat(crashed.pid()).isEqualTo(firstPid);
            assertThat(crashed.error()).contains("died").contains("pid " + firstPid).contains("exit code 3");
            assertThat(r.records()).filteredOn(rec -> rec != crashed)
                    .allSatisfy(rec -> assertThat(rec.ok()).as(rec.toString()).isTrue());
            assertThat(r.failures()).isEqualTo(1);
            // the next round ran on a new worker JVM in slot 0
            TaskRecord after = bySeed(r, SEED + 4);
            assertThat(after.pid()).isNotEqualTo(firstPid).isNotEqualTo(ProcessHandle.current().pid());
            assertThat(after.workerId()).isEqualTo("jvm-3");
            assertThat(pool.worker(0).info().pid()).isEqualTo(after.pid());
            assertThat(pool.events()).anySatisfy(e -> assertThat(e).contains("replaced by jvm-3"));
            assertThat(pool.startCosts()).hasSize(3);
            assertThat(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        }
    }

    static Stream<Arguments> timeoutCases() {
        // QUEUE on one worker: the tasks after the timeout must go to a fresh worker, not the stopped one.
        return Stream.of(Arguments.of("threads", Strategy.ROUNDS, 2), Arguments.of("threads", Strategy.QUEUE, 1),
                Arguments.of("processes", Strategy.ROUNDS, 2), Arguments.of("processes", Strategy.QUEUE, 1));
    }

    @ParameterizedTest(name = "{0}, {1}, {2} worker(s)")
    @MethodSource("timeoutCases")
    void aTaskPastTheTimeoutIsStoppedAndItsWorkerReplaced(String mode, Strategy strategy, int level) throws Exception {
        long sleepSeed = SEED + 2;
        WorkloadSpec spec = WorkloadSpec.of(SleepingWorkload.class.getName(), "sleep", sleepSeed, "ms", 60_000);
        try (WorkerPool pool = pool(mode, Duration.ofMillis(300))) {
            pool.ensure(level);
            warm(pool, level, spec);
            BatchResult r = run(pool, new ArrayList<>(), level, spec, 6, strategy);

            TaskRecord slow = bySeed(r, sleepSeed);
            assertThat(slow.status()).as(workerLog()).isEqualTo(TaskStatus.TIMEOUT);
            assertThat(slow.error()).contains("timed out after 300 ms");
            assertThat(r.records()).filteredOn(rec -> rec != slow)
                    .allSatisfy(rec -> assertThat(rec.ok()).as(rec.toString()).isTrue());
            // every task submitted after the timeout ran on another worker
            assertThat(r.records()).filteredOn(rec -> rec.taskIndex() > slow.taskIndex())
                    .allSatisfy(rec -> assertThat(rec.workerId()).isNotEqualTo(slow.workerId()));
            assertThat(pool.events()).anySatisfy(e -> assertThat(e).contains(slow.workerId()).contains("task timeout"));
            pool.ensure(level);
            for (int i = 0; i < level; i++) {
                assertThat(pool.worker(i).info().id()).isNotEqualTo(slow.workerId());
                assertThat(pool.worker(i).alive()).isTrue();
            }
            if (mode.equals("processes")) {
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (ProcessHandle.of(slow.pid()).map(ProcessHandle::isAlive).orElse(false)
                        && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(ProcessHandle.of(slow.pid()).map(ProcessHandle::isAlive).orElse(false))
                        .as("timed-out worker JVM killed").isFalse();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"threads", "processes"})
    void aThrowingTaskFailsWithItsMessageAndTheWorkerLivesOn(String mode) {
        long failSeed = SEED + 2;
        WorkloadSpec spec = WorkloadSpec.of(ThrowingWorkload.class.getName(), "fail", failSeed);
        try (WorkerPool pool = pool(mode, NO_TIMEOUT)) {
            BatchResult r = run(pool, new ArrayList<>(), 2, spec, 6, Strategy.ROUNDS);

            TaskRecord failed = bySeed(r, failSeed);
            assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
            assertThat(failed.error()).isEqualTo("IllegalStateException: boom on seed " + failSeed);
            assertThat(r.records()).filteredOn(rec -> rec != failed)
                    .allSatisfy(rec -> assertThat(rec.ok()).isTrue());
            assertThat(r.records()).extracting(TaskRecord::checksum).filteredOn(c -> c != 0)
                    .containsExactly(SEED, SEED + 1, SEED + 3, SEED + 4, SEED + 5);
            // same two workers throughout: nothing was replaced
            assertThat(r.records()).extracting(TaskRecord::workerId).containsOnly(
                    pool.worker(0).info().id(), pool.worker(1).info().id());
            assertThat(pool.worker(0).info().id()).isEqualTo(failed.workerId());
            assertThat(pool.worker(0).alive()).isTrue();
            assertThat(pool.startCosts()).hasSize(2);
            assertThat(pool.events()).isEmpty();
            TaskResult again = pool.worker(0).submit(spec, new TaskInput(9, 0, 7)).join();
            assertThat(again.ok()).isTrue();
            assertThat(again.checksum()).isEqualTo(7);
        }
    }

    private ProcessWorkerPool pool(Duration timeout, String... extraJvmOptions) {
        List<String> options = new ArrayList<>(ProcessWorkerPool.DEFAULT_JVM_OPTIONS);
        options.addAll(List.of(extraJvmOptions));
        return new ProcessWorkerPool(timeout, options, dir.resolve("workers.log"));
    }

    @Test
    void nothingAWorkerJvmPrintsCanCorruptAFrame() throws Exception {
        // -Xlog:gc prints on stdout before main() runs and on every GC; the workload prints via System.out,
        // native write(1) and a child process, and its child reads stdin to its end.
        try (WorkerPool pool = pool(Duration.ofMinutes(1), "-Xlog:gc", "-Xlog:gc+heap+exit")) {
            BatchResult r = run(pool, new ArrayList<>(), 2, WorkloadSpec.of(NoisyWorkload.class.getName()), 6,
                    Strategy.QUEUE);

            assertThat(r.records()).as(workerLog()).hasSize(6)
                    .allSatisfy(rec -> assertThat(rec.ok()).as(rec.toString()).isTrue());
            assertThat(r.records()).extracting(TaskRecord::checksum).containsExactlyInAnyOrder(
                    SEED, SEED + 1, SEED + 2, SEED + 3, SEED + 4, SEED + 5);
            assertThat(pool.events()).isEmpty();
        }
        String log = workerLog();
        assertThat(log).as("what the JVM printed before main() went straight to the worker log, not to the pipe")
                .contains("Using Serial").doesNotContain("bytes on stdout before its hello");
        assertThat(log).as("stdout after main() goes to the worker log").contains("noisy: System.out.println")
                .contains("noisy: native write(1)").contains("noisy: child on stdout").contains("[gc");
        assertThat(log).doesNotContain("protocol kept on stdin/stdout");
    }

    @Test
    void aWorkloadSpecOver64KiBReachesTheWorkerJvm() {
        // DataOutputStream.writeUTF, the old encoding, refuses strings over 65,535 bytes
        String pad = "é".repeat(50_000); // 100,000 bytes of UTF-8
        WorkloadSpec spec = WorkloadSpec.of(ThrowingWorkload.class.getName(), "fail", SEED + 1, "pad", pad);
        try (WorkerPool pool = pool("processes", NO_TIMEOUT)) {
            BatchResult r = run(pool, new ArrayList<>(), 1, spec, 3, Strategy.QUEUE);
            assertThat(r.records().get(0).ok()).as(r.records().get(0).toString()).isTrue();
            assertThat(r.records().get(1).error()).isEqualTo("IllegalStateException: boom on seed " + (SEED + 1));
            assertThat(r.records().get(2).checksum()).isEqualTo(SEED + 2);
            assertThat(pool.events()).isEmpty();

            // past the frame limit the task fails with the reason, before anything is sent: the worker lives on
            WorkloadSpec huge = spec.with("pad", "x".repeat(Frames.MAX_FRAME));
            TaskResult tooBig = pool.worker(0).submit(huge, new TaskInput(0, 0, SEED)).join();
            assertThat(tooBig.status()).isEqualTo(TaskStatus.FAILED);
            assertThat(tooBig.error()).contains("cannot be sent to a worker JVM").contains("over the 16 MiB limit");
            assertThat(pool.worker(0).alive()).isTrue();
            assertThat(pool.worker(0).submit(spec, new TaskInput(0, 0, SEED)).join().ok()).isTrue();
        }
    }

    @Test
    void aWorkerJvmThatNeverSaysHelloIsKilledAfterTheStartTimeout() throws Exception {
        String marker = "-Dcorescope.test.marker=" + UUID.randomUUID();
        // suspend=y: the JVM waits for a debugger before main(), forever (it also prints on stdout)
        try (ProcessWorkerPool pool = pool(NO_TIMEOUT, marker,
                "-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=127.0.0.1:0")) {
            pool.startTimeout(Duration.ofSeconds(2));
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> pool.ensure(1)).isInstanceOf(WorkerStartException.class)
                    .hasMessageContaining("jvm-1 did not say hello within 2 s and was killed");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(60));
            assertThat(OsProcesses.awaitNone(marker, Duration.ofSeconds(10))).as("the hung worker JVM").isEmpty();
        } finally {
            OsProcesses.killAll(marker);
        }
    }

    @Test
    void closingThePoolWhileWorkersStartDoesNotWaitForThem() throws Exception {
        String marker = "-Dcorescope.test.marker=" + UUID.randomUUID();
        ProcessWorkerPool pool = pool(NO_TIMEOUT, marker,
                "-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=127.0.0.1:0");
        pool.startTimeout(Duration.ofHours(1));
        try {
            CompletableFuture<Void> ensure = CompletableFuture.runAsync(() -> pool.ensure(2));
            assertThat(OsProcesses.awaitAtLeast(marker, 2, Duration.ofSeconds(60))).as("two JVMs starting").isTrue();

            // what Ctrl-C does (the session's shutdown hook): it must not wait on the pool's lock for the starts
            CompletableFuture.runAsync(pool::close).get(10, TimeUnit.SECONDS);

            assertThatThrownBy(() -> ensure.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(WorkerStartException.class)
                    .hasMessageContaining("closed while workers were starting");
            assertThat(OsProcesses.awaitNone(marker, Duration.ofSeconds(10))).as("the starting JVMs").isEmpty();
        } finally {
            OsProcesses.killAll(marker);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"threads", "processes"})
    void aTimedOutCommandLeavesNoChildBehind(String mode) throws Exception {
        String sleep = OsProcesses.uniqueSleep();
        WorkloadSpec spec = dev.corescope.workload.CommandWorkload.spec(sleep + " & " + sleep);
        try (WorkerPool pool = pool(mode, Duration.ofMillis(1500))) {
            pool.ensure(1);
            TaskResult r = pool.worker(0).submit(spec, new TaskInput(0, 0, 1)).get(60, TimeUnit.SECONDS);
            assertThat(r.status()).as(workerLog()).isEqualTo(TaskStatus.TIMEOUT);
            assertThat(OsProcesses.awaitNone(sleep, Duration.ofSeconds(10))).as("the command and its background child")
                    .isEmpty();
        } finally {
            OsProcesses.killAll(sleep);
        }
    }
}
