package dev.corescope.exec.pin;

import dev.corescope.exec.Affinity;
import dev.corescope.exec.WorkerMode;

/**
 * The pinners of corescope's one pinning mechanism, {@code sched_setaffinity} through {@link Affinity} (the
 * single JNA call): a thread worker pins its own thread; a worker JVM is pinned by the coordinator, by thread
 * id, right after its hello: its task thread alone, or every thread of it ({@link PinScope}).
 */
public enum AffinityPinner implements Pinner {
    /** The calling thread: a thread worker, on its own thread before its first task. */
    OWN_THREAD("each worker thread pins itself"),
    /** A worker JVM's task thread, by its id. */
    TASK_THREAD("each worker JVM pins its task thread"),
    /** Every thread of a worker JVM (its JIT compiler and GC threads too), by their ids. */
    WHOLE_JVM("each worker JVM pins all its threads");

    private final String description;

    AffinityPinner(String description) {
        this.description = description;
    }

    /** The pinner of a worker JVM for {@code scope}. */
    public static AffinityPinner of(PinScope scope) {
        return scope == PinScope.TASK_THREAD ? TASK_THREAD : WHOLE_JVM;
    }

    /** The pinner of worker JVMs the coordinator is configured for ({@link PinScope#configured()}). */
    public static AffinityPinner forWorkerJvms() {
        return of(PinScope.configured());
    }

    @Override
    public boolean pin(long pid, long tid, int cpu) {
        return switch (this) {
            case OWN_THREAD -> Affinity.pinCurrentThread(cpu);
            case TASK_THREAD -> Affinity.pinThread((int) tid, cpu);
            case WHOLE_JVM -> Affinity.pinProcess(Long.toString(pid), cpu);
        };
    }

    @Override
    public String describe() {
        return description;
    }

    /** The pinner of a local pool of {@code mode}: thread workers pin themselves, worker JVMs are pinned by id. */
    public static AffinityPinner forMode(WorkerMode mode) {
        return mode == WorkerMode.PROCESSES ? forWorkerJvms() : OWN_THREAD;
    }

    /** Loads JNA now, on a thread of its own beside the workers' start, not after their hello. */
    @Override
    public void prepare() {
        Thread t = new Thread(Affinity::available, "corescope-affinity-load");
        t.setDaemon(true);
        t.start();
    }
}
