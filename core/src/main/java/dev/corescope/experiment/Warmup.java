package dev.corescope.experiment;

import dev.corescope.exec.WorkerPool;
import dev.corescope.api.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * JIT warm-up: each worker runs the workload a few times, all workers at once, before anything is
 * measured. Warm-up tasks are not recorded. {@link #untilQuiet} goes on until the JIT has finished:
 * HotSpot compiles a hot loop first as an on-stack replacement, then the method, at up to four tiers in
 * background threads, and a fixed number of warm-up tasks can end while that is still going on, so
 * the first measured tasks run slower code and share a CPU with the compiler. A warm-up task that fails
 * stops the run: {@link WarmupFailed}, with its reason.
 */
public final class Warmup {
    /** Quiet rounds in a row that end a warm-up. */
    static final int QUIET_ROUNDS = 2;
    /** Rounds beyond the minimum before the warm-up gives up waiting for the JIT. */
    static final int EXTRA_ROUNDS = 30;

    /**
     * @param tasksPerWorker warm-up tasks each worker ran
     * @param failed         how many of them failed (0: a failure throws {@link WarmupFailed})
     * @param quiet          true when the JIT was quiet at the end (false: gave up after the extra rounds)
     */
    public record Result(int tasksPerWorker, int failed, boolean quiet) {
    }

    private Warmup() {
    }

    /**
     * Rounds in which workers {@code from..to-1} each run one task (sizes taken in turn), at least
     * {@code minRounds}; then more, until {@value #QUIET_ROUNDS} rounds in a row saw no compilation in
     * any task's JVM while it ran (in threads mode that JVM is this one, coordinator included), at most
     * {@value #EXTRA_ROUNDS} more. Workloads whose JVM cannot report compilation stop at the minimum.
     */
    public static Result untilQuiet(WorkerPool pool, int from, int to, WorkloadSpec spec, List<Long> sizes,
                                    int minRounds) {
        pool.ensure(to);
        int failed = 0;
        List<String> reasons = new ArrayList<>();
        int quietRounds = 0;
        int round = 0;
        int max = minRounds + EXTRA_ROUNDS;
        while (round < minRounds || (quietRounds < QUIET_ROUNDS && round < max)) {
            long size = sizes.isEmpty() ? 0 : sizes.get(round % sizes.size());
            boolean quiet = true;
            List<dev.corescope.exec.TaskResult> results = round(pool, from, to, spec, size, round);
            for (int i = 0; i < results.size(); i++) {
                var r = results.get(i);
                if (!r.ok()) {
                    failed++;
                    reasons.add(pool.worker(from + i).info().id() + " (size " + size + "): " + r.status() + " - "
                            + r.error());
                }
                quiet &= r.jvm().jitMillis() <= 0;
            }
            if (failed > 0) {
                throw new WarmupFailed(failed, (round + 1) * (to - from), reasons);
            }
            quietRounds = quiet ? quietRounds + 1 : 0;
            round++;
        }
        return new Result(round, failed, quietRounds >= QUIET_ROUNDS);
    }

    /**
     * One task on each of workers {@code from..to-1}, all at once; a pool that runs whole batches itself (a
     * simulated machine's) gets them as one round, so that they overlap as they would on real workers.
     */
    private static List<dev.corescope.exec.TaskResult> round(WorkerPool pool, int from, int to, WorkloadSpec spec,
                                                             long size, int round) {
        List<TaskInput> tasks = new ArrayList<>();
        for (int w = from; w < to; w++) {
            tasks.add(new TaskInput(-1 - round, size, 0x5eedL + round));
        }
        if (pool instanceof dev.corescope.exec.BatchExecutor whole) {
            return whole.execute(new dev.corescope.exec.BatchPlan("warmup", to - from, -1 - round, spec, tasks,
                    dev.corescope.exec.Strategy.ROUNDS, from)).stream().map(r -> r.result()).toList();
        }
        List<CompletableFuture<dev.corescope.exec.TaskResult>> all = new ArrayList<>();
        for (int w = from; w < to; w++) {
            all.add(pool.worker(w).submit(spec, tasks.get(w - from)));
        }
        return all.stream().map(CompletableFuture::join).toList();
    }

    /** Runs {@code iterations} tasks on each of workers 0..n-1; returns how many failed. */
    public static int run(WorkerPool pool, int workers, WorkloadSpec spec, long size, int iterations) {
        return run(pool, 0, workers, spec, size, iterations);
    }

    /**
     * Runs {@code iterations} tasks on each of workers {@code from..to-1}, all at once; returns 0 (how many failed:
     * a failure throws {@link WarmupFailed} once all have ended).
     */
    public static int run(WorkerPool pool, int from, int to, WorkloadSpec spec, long size, int iterations) {
        pool.ensure(to);
        List<CompletableFuture<List<String>>> all = new ArrayList<>();
        for (int w = from; w < to; w++) {
            var worker = pool.worker(w);
            String id = worker.info().id();
            CompletableFuture<List<String>> chain = CompletableFuture.completedFuture(List.of());
            for (int i = 0; i < iterations; i++) {
                TaskInput in = new TaskInput(-1 - i, size, 0x5eedL + i);
                chain = chain.thenCompose(f -> worker.submit(spec, in).thenApply(r -> {
                    if (r.ok()) {
                        return f;
                    }
                    List<String> more = new ArrayList<>(f);
                    more.add(id + (size > 0 ? " (size " + size + ")" : "") + ": " + r.status() + " - " + r.error());
                    return more;
                }));
            }
            all.add(chain);
        }
        List<String> reasons = all.stream().flatMap(f -> f.join().stream()).toList();
        if (!reasons.isEmpty()) {
            throw new WarmupFailed(reasons.size(), iterations * (to - from), reasons);
        }
        return 0;
    }

}
