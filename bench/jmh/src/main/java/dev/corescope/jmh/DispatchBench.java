package dev.corescope.jmh;

import dev.corescope.exec.BatchPlan;
import dev.corescope.exec.BatchResult;
import dev.corescope.exec.BatchRunner;
import dev.corescope.exec.ProcessWorkerPool;
import dev.corescope.exec.RecordSink;
import dev.corescope.exec.RunClock;
import dev.corescope.exec.Strategy;
import dev.corescope.exec.TaskResult;
import dev.corescope.exec.ThreadStats;
import dev.corescope.exec.ThreadWorkerPool;
import dev.corescope.exec.Worker;
import dev.corescope.exec.WorkerPool;
import dev.corescope.workload.EmptyWorkload;
import dev.corescope.api.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What corescope's harness costs per task, measured with an empty task ({@link EmptyWorkload}, name
 * {@code empty}) so that only dispatch is left:
 * <ul>
 *   <li>{@code roundTrip}: {@code worker.submit(spec, input).join()} on one worker — a platform thread
 *       ({@code threads}) or a worker JVM over stdin/stdout frames ({@code processes}); the counterpart
 *       of Python's {@code pool.apply}. {@code timeout=on} arms the per-task watchdog, as the CLI always does
 *       ({@code --task-timeout}, default 10 min); {@code off} passes no timeout.</li>
 *   <li>{@code queueBatch}: 1,000 empty tasks through {@link BatchRunner} with the queue strategy on two
 *       workers, per task; the counterpart of {@code pool.map(noop, range(n), chunksize=1)} on {@code Pool(2)}.</li>
 *   <li>{@code threadStatsSample}: one {@link ThreadStats#sample()}, which every task takes twice
 *       (before and after) to record CPU time, run-queue wait and involuntary switches.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DispatchBench {
    static final WorkloadSpec EMPTY = WorkloadSpec.of(EmptyWorkload.NAME);
    static final int BATCH = 1000;

    static WorkerPool pool(String mode, boolean timeout) {
        Duration t = timeout ? Duration.ofMinutes(10) : null;
        return mode.equals("threads") ? new ThreadWorkerPool(t)
                : new ProcessWorkerPool(t, ProcessWorkerPool.DEFAULT_JVM_OPTIONS, null);
    }

    @State(Scope.Benchmark)
    public static class One {
        @Param({"threads", "processes"})
        public String mode;

        @Param({"on", "off"})
        public String timeout;

        WorkerPool pool;
        Worker worker;
        final TaskInput input = TaskInput.of(0, 12345);

        @Setup(Level.Trial)
        public void start() {
            pool = pool(mode, timeout.equals("on"));
            pool.ensure(1);
            worker = pool.worker(0);
        }

        @TearDown(Level.Trial)
        public void stop() {
            pool.close();
        }
    }

    @State(Scope.Benchmark)
    public static class Two {
        @Param({"threads", "processes"})
        public String mode;

        WorkerPool pool;
        BatchRunner runner;
        List<TaskInput> tasks;

        @Setup(Level.Trial)
        public void start() {
            pool = pool(mode, true);
            pool.ensure(2);
            runner = new BatchRunner(pool, new RunClock(), RecordSink.NONE, "bench");
            tasks = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                tasks.add(TaskInput.of(i, i));
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            pool.close();
        }
    }

    @Benchmark
    public TaskResult roundTrip(One s) {
        TaskResult r = s.worker.submit(EMPTY, s.input).join();
        if (!r.ok()) {
            throw new IllegalStateException("empty task failed: " + r.error());
        }
        return r;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public BatchResult queueBatch(Two s) {
        BatchResult r = s.runner.run(new BatchPlan("bench", 2, 0, EMPTY, s.tasks, Strategy.QUEUE));
        if (r.failures() > 0) {
            throw new IllegalStateException(r.failures() + " empty tasks failed");
        }
        return r;
    }

    @Benchmark
    public ThreadStats.Sample threadStatsSample() {
        return ThreadStats.sample();
    }
}
