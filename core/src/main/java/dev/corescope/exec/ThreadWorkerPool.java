package dev.corescope.exec;

import dev.corescope.exec.pin.AffinityPinner;
import dev.corescope.exec.pin.CpuAssignment;
import dev.corescope.exec.pin.Pinner;
import java.time.Duration;

/**
 * Workers that are platform threads of this JVM. A thread abandoned in a timed-out task is kept in
 * view until it ends ({@link #abandonedThreads()}).
 */
public final class ThreadWorkerPool extends AbstractWorkerPool {
    private final Duration taskTimeout;
    private final java.util.List<ThreadWorker> abandoned = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final CpuAssignment cpus;
    private final Pinner pinner;

    public ThreadWorkerPool(Duration taskTimeout) {
        this(taskTimeout, CpuAssignment.NONE);
    }

    /** @param cpus the CPU of each worker slot (each worker thread pins itself to its slot's CPU) */
    public ThreadWorkerPool(Duration taskTimeout, CpuAssignment cpus) {
        this(taskTimeout, cpus, AffinityPinner.OWN_THREAD);
    }

    /** @param pinner called on each worker's own thread before its first task: {@link AffinityPinner#OWN_THREAD} */
    public ThreadWorkerPool(Duration taskTimeout, CpuAssignment cpus, Pinner pinner) {
        this.taskTimeout = taskTimeout;
        this.cpus = cpus;
        this.pinner = pinner;
    }

    @Override
    public WorkerMode mode() {
        return WorkerMode.THREADS;
    }

    @Override
    protected Worker start(int id, int slot) {
        int cpu = cpus.cpuOf(slot);
        return new ThreadWorker("thread-" + id, taskTimeout, watchdog, this::event, cpu, pinner, abandoned::add);
    }

    @Override
    public int abandonedThreads() {
        abandoned.removeIf(w -> !w.running());
        return abandoned.size();
    }

    @Override
    public int cpuOf(int index) {
        return cpus.cpuOf(index);
    }
}
