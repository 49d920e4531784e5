package dev.corescope.exec;

import java.time.Duration;

/**
 * Workers that are platform threads of this JVM. A thread abandoned in a timed-out task is kept in
 * view until it ends ({@link #abandonedThreads()}).
 */
public final class ThreadWorkerPool extends AbstractWorkerPool {
    private final Duration taskTimeout;
    private final java.util.List<ThreadWorker> abandoned = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.List<Integer> pinCpus;

    public ThreadWorkerPool(Duration taskTimeout) {
        this(taskTimeout, java.util.List.of());
    }

    /**
     * @param pinCpus CPUs to pin worker threads to, in order (worker k gets {@code pinCpus[(k-1) mod n]});
     *                empty = not pinned
     */
    public ThreadWorkerPool(Duration taskTimeout, java.util.List<Integer> pinCpus) {
        this.taskTimeout = taskTimeout;
        this.pinCpus = java.util.List.copyOf(pinCpus);
    }

    @Override
    public String mode() {
        return "threads";
    }

    @Override
    protected Worker start(int id) {
        int cpu = pinCpus.isEmpty() ? -1 : pinCpus.get((id - 1) % pinCpus.size());
        return new ThreadWorker("thread-" + id, taskTimeout, watchdog, this::event, cpu, abandoned::add);
    }

    @Override
    public int abandonedThreads() {
        abandoned.removeIf(w -> !w.running());
        return abandoned.size();
    }
}
