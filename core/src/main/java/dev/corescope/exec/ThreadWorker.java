package dev.corescope.exec;

import dev.corescope.exec.pin.Pinner;
import dev.corescope.api.TaskInput;
import dev.corescope.api.Workload;
import dev.corescope.workload.WorkloadSpec;
import dev.corescope.workload.Workloads;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * A worker that is one dedicated platform thread of this JVM. A task that runs past the timeout is
 * reported as timed out and its thread is interrupted and abandoned (Java cannot kill a thread): a
 * task that ignores the interrupt, such as a spin, goes on using a CPU until it ends. The pool is told
 * ({@code onAbandon}) so that it can count the abandoned threads still running ({@link #running()}).
 */
final class ThreadWorker extends QueuedWorker {
    private final Map<WorkloadSpec, Workload> workloads = new HashMap<>();
    private final CompletableFuture<Long> tid = new CompletableFuture<>();
    private final WorkerInfo info;

    private final int cpu;
    private final Pinner pinner;
    private final Consumer<ThreadWorker> onAbandon;

    /**
     * @param cpu       the CPU to pin this worker's thread to, or -1 for none
     * @param pinner    pins it, called on the worker's own thread
     * @param onAbandon told when a timed-out task's thread is given up on
     */
    ThreadWorker(String id, Duration timeout, ScheduledExecutorService watchdog, Consumer<String> events, int cpu,
                 Pinner pinner, Consumer<ThreadWorker> onAbandon) {
        super(id, timeout, watchdog, events);
        this.cpu = cpu;
        this.pinner = pinner;
        this.onAbandon = onAbandon;
        long t0 = System.nanoTime();
        thread.start();
        info = new WorkerInfo(id, ProcessHandle.current().pid(), tid.join(), System.nanoTime() - t0);
    }

    @Override
    protected void started() {
        long self = ThreadStats.currentTid();
        if (cpu >= 0 && !pinner.pin(ProcessHandle.current().pid(), self, cpu)) {
            reportEvent(Thread.currentThread().getName() + " could not be pinned to CPU " + cpu);
        }
        tid.complete(self);
    }

    @Override
    public WorkerInfo info() {
        return info;
    }

    @Override
    protected TaskResult execute(WorkloadSpec spec, TaskInput input) {
        try {
            Workload w = workloads.computeIfAbsent(spec, Workloads::create);
            return TaskExecution.run(w, input);
        } catch (RuntimeException e) {
            return TaskResult.failed(TaskStatus.FAILED, System.nanoTime(), TaskExecution.describe(e));
        }
    }

    @Override
    protected String abort() {
        if (Thread.currentThread() == thread) {
            return "failed"; // the thread itself gives up: it ends, nothing is left running
        }
        thread.interrupt();
        onAbandon.accept(this);
        return "was abandoned: its thread was interrupted, but Java cannot stop a thread, so it may still be "
                + "running (use --mode processes: a timed-out worker JVM is killed)";
    }

    /** Whether this worker's thread is still running (a task it was abandoned in may not have ended). */
    boolean running() {
        return thread.isAlive();
    }
}
