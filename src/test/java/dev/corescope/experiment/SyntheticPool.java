package dev.corescope.experiment;

import dev.corescope.exec.StubWorkerPool;
import dev.corescope.exec.TaskResult;
import dev.corescope.exec.TaskStatus;
import dev.corescope.exec.Worker;
import dev.corescope.exec.WorkerInfo;
import dev.corescope.workload.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * A pool that models a machine instead of running anything: a task at concurrency P (the last
 * {@link #ensure} request, which the batch runner makes before every batch) takes
 * {@code cpu = base × smtFactor(P) × noise} of CPU and {@code wall = cpu × max(1, P / available)},
 * the difference being run-queue wait. Completes at once; the timings are invented.
 */
final class SyntheticPool extends StubWorkerPool {
    final int cores;
    final boolean smt;
    final double quota;
    final int busy;
    final double cv;
    final double baseSeconds = 0.05;
    private final Random rng = new Random(7);
    private volatile int level = 1;
    private long clock = 1_000_000_000L;

    SyntheticPool(int cores, boolean smt, double quota, int busy, double cv) {
        super("synthetic");
        this.cores = cores;
        this.smt = smt;
        this.quota = quota;
        this.busy = busy;
        this.cv = cv;
    }

    double available() {
        return Math.min((smt ? 2 * cores : cores) - busy, quota);
    }

    private synchronized TaskResult task() {
        double sigma = Math.sqrt(Math.log(1 + cv * cv));
        double noise = Math.exp(sigma * rng.nextGaussian());
        double cpu = baseSeconds * (smt && level + busy > cores ? 1.25 : 1.0) * noise;
        double wall = cpu * Math.max(1.0, level / available());
        long start = clock;
        clock += (long) (wall * 1e9) + 1000;
        return new TaskResult(TaskStatus.OK, start, start + (long) (wall * 1e9), (long) (cpu * 1e9),
                (long) ((wall - cpu) * 1e9), 0, 1, 0, null, null);
    }

    @Override
    protected CompletableFuture<TaskResult> submit(WorkerInfo worker, WorkloadSpec workload, TaskInput input) {
        return CompletableFuture.completedFuture(task());
    }

    /** A batch's concurrency is its {@code ensure}: the runner makes one before every batch. */
    @Override
    public synchronized void ensure(int n) {
        level = n;
        super.ensure(n);
    }

    /** Asking for a worker is no new batch: the level stays. */
    @Override
    public synchronized Worker worker(int index) {
        int keep = level;
        try {
            return super.worker(index);
        } finally {
            level = keep;
        }
    }
}
