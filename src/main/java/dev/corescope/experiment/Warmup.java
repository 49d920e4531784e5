package dev.corescope.experiment;

import dev.corescope.exec.WorkerPool;
import dev.corescope.workload.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * JIT warm-up: each worker runs the workload a few times, all workers at once, before anything is
 * measured. Warm-up tasks are not recorded.
 */
public final class Warmup {
    private Warmup() {
    }

    /** Runs {@code iterations} tasks on each of workers 0..n-1; returns how many failed. */
    public static int run(WorkerPool pool, int workers, WorkloadSpec spec, long size, int iterations) {
        return run(pool, 0, workers, spec, size, iterations);
    }

    /** Runs {@code iterations} tasks on each of workers {@code from..to-1}, all at once; returns how many failed. */
    public static int run(WorkerPool pool, int from, int to, WorkloadSpec spec, long size, int iterations) {
        pool.ensure(to);
        List<CompletableFuture<Integer>> all = new ArrayList<>();
        for (int w = from; w < to; w++) {
            var worker = pool.worker(w);
            CompletableFuture<Integer> chain = CompletableFuture.completedFuture(0);
            for (int i = 0; i < iterations; i++) {
                TaskInput in = new TaskInput(-1 - i, size, 0x5eedL + i);
                chain = chain.thenCompose(f -> worker.submit(spec, in).thenApply(r -> f + (r.ok() ? 0 : 1)));
            }
            all.add(chain);
        }
        return all.stream().mapToInt(CompletableFuture::join).sum();
    }

}
