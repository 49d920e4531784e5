package dev.corescope.exec;

import dev.corescope.api.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/**
 * A pool on a simulated timeline, for timing logic tested on invented samples. A {@link Model} invents each
 * task's duration from the task, the number of tasks running when it starts (itself included), its worker and a
 * seeded random source. Nothing runs and no time passes: when the batch runner waits
 * ({@link #awaitTasks}), the pool completes its tasks in the order of their simulated end times, and the
 * runner's next submissions (the queue's next task, a filler) start at that simulated moment; so a batch runs
 * on the simulated timeline as a queue of P workers would. At most {@code slots} tasks run at once (a machine
 * that cannot run more): the others wait their turn, and their records show it. Deterministic for a seed.
 *
 * <p>This is the seam a simulated machine plugs into: anything that implements {@link WorkerPool} and completes
 * tasks in {@link #awaitTasks} drives the real batch runner, sessions and certified runs.
 */
public final class VirtualPool extends StubWorkerPool {
    /** Seconds of one task. */
    @FunctionalInterface
    public interface Model {
        double seconds(TaskInput task, int running, int worker, SplittableRandom rng);
    }

    private record Running(long end, long seq, long start, long nanos, CompletableFuture<TaskResult> future,
                           TaskInput input) {
    }

    private record Waiting(int worker, TaskInput input, CompletableFuture<TaskResult> future) {
    }

    private final Model model;
    private final SplittableRandom rng;
    private final int slots;
    private final PriorityQueue<Running> running = new PriorityQueue<>(
            Comparator.comparingLong(Running::end).thenComparingLong(Running::seq));
    private final Deque<Waiting> waiting = new ArrayDeque<>();
    private long now = System.nanoTime();
    private long seq;
    private int peak;
    private long tasks;

    public VirtualPool(Model model, long seed) {
        this(model, seed, Integer.MAX_VALUE);
    }

    public VirtualPool(Model model, long seed, int slots) {
        super("virtual");
        this.model = model;
        this.rng = new SplittableRandom(seed);
        this.slots = slots;
    }

    /** The most tasks that ran at once. */
    public synchronized int peak() {
        return peak;
    }

    /** Tasks completed so far (fillers included). */
    public synchronized long tasks() {
        return tasks;
    }

    @Override
    protected CompletableFuture<TaskResult> submit(WorkerInfo worker, WorkloadSpec workload, TaskInput input) {
        return submit((int) worker.tid() - 1, input);
    }

    private synchronized CompletableFuture<TaskResult> submit(int worker, TaskInput input) {
        CompletableFuture<TaskResult> f = new CompletableFuture<>();
        if (running.size() < slots) {
            start(worker, input, f);
        } else {
            waiting.add(new Waiting(worker, input, f));
        }
        return f;
    }

    private void start(int worker, TaskInput input, CompletableFuture<TaskResult> f) {
        int n = running.size() + 1;
        long nanos = Math.max(1, Math.round(model.seconds(input, n, worker, rng) * 1e9));
        running.add(new Running(now + nanos, seq++, now, nanos, f, input));
        peak = Math.max(peak, running.size());
    }

    @Override
    public void awaitTasks(CompletableFuture<?> done) {
        while (!done.isDone()) {
            Running r;
            synchronized (this) {
                r = running.poll();
                if (r == null) {
                    throw new IllegalStateException("waiting for tasks, but none is running");
                }
                now = r.end();
                tasks++;
                Waiting w = waiting.poll();
                if (w != null) {
                    start(w.worker(), w.input(), w.future());
                }
            }
            // completes on this thread: the runner's next submission arrives (re-entrantly) at the simulated now
            r.future().complete(new TaskResult(TaskStatus.OK, r.start(), r.end(), r.nanos(), 0, 0, r.input().seed(), 0,
                    null, null));
        }
    }
}
