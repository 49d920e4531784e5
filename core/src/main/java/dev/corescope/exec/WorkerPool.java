package dev.corescope.exec;

import java.util.List;

/**
 * A set of workers indexed 0..size-1, reused across levels. Workers are started in parallel by
 * {@link #ensure(int)}; their start cost is measured and kept apart from task times. A worker that
 * died or timed out is replaced the next time {@link #worker(int)} is asked for it.
 */
public interface WorkerPool extends AutoCloseable {
    /** What the workers are: threads, worker JVMs, cluster slots. */
    WorkerMode mode();

    /** Makes sure workers 0..n-1 exist and are alive, starting the missing ones in parallel. */
    void ensure(int n);

    /** Live worker number {@code index} (replacing it first if it died). */
    Worker worker(int index);

    int size();

    /** Start costs (ns) of every worker started so far, in start order. */
    List<Long> startCosts();

    /** Human-readable events: replacements, abandoned threads. */
    List<String> events();

    /**
     * How many worker threads were abandoned in a timed-out task and are still running now (each may keep
     * a CPU busy). Only thread workers are abandoned: a timed-out worker JVM is killed.
     */
    default int abandonedThreads() {
        return 0;
    }

    /** The logical CPU worker slot {@code index} is pinned to, or -1 when it is not pinned (or not known). */
    default int cpuOf(int index) {
        return -1;
    }

    /**
     * Waits for {@code done}, which completes when the tasks submitted to this pool have: a real pool just
     * waits; a simulated pool (invented timings on a simulated timeline) completes its tasks here, in the
     * order of their simulated end times, the caller's next submissions included.
     */
    default void awaitTasks(java.util.concurrent.CompletableFuture<?> done) {
        done.join();
    }

    @Override
    void close();
}
