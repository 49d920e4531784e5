package dev.corescope.cluster;

import dev.corescope.exec.ProcessWorkerPool;
import dev.corescope.exec.TaskResult;
import dev.corescope.exec.TaskStatus;
import dev.corescope.exec.Worker;
import dev.corescope.api.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Where a member runs the tasks it accepted: one worker JVM per slot ({@link ProcessWorkerPool}, the
 * same worker protocol as {@code --mode processes}), {@code threshold} slots, all started before the
 * member publishes its card (no JVM start-up competes with measured tasks later). A task that runs past
 * its timeout, or whose coordinator cancels it (the executor thread is interrupted), has its worker JVM
 * and the processes it started killed ({@code SIGKILL}): the task really stops, and the slot gets a
 * fresh JVM for its next task. A crashed worker JVM is replaced the same way.
 */
final class WorkerSlots implements TaskGate.Backend, AutoCloseable {
    private final ProcessWorkerPool pool;
    private final int slots;
    private final BlockingQueue<Integer> free = new LinkedBlockingQueue<>();
    private final Consumer<String> log;

    WorkerSlots(int slots, Consumer<String> log) {
        this.slots = slots;
        this.log = log;
        this.pool = new ProcessWorkerPool(null, ProcessWorkerPool.DEFAULT_JVM_OPTIONS, null);
        for (int i = 0; i < slots; i++) {
            free.add(i);
        }
    }

    /** Starts every slot's worker JVM (in parallel), blocking until they are ready. */
    void start() {
        pool.ensure(slots);
    }

    @Override
    public RemoteResult run(WorkloadSpec spec, TaskInput input, Duration timeout) {
        Integer slot = free.poll();
        if (slot == null) { // the executor has exactly `slots` threads: not expected
            return failed("no free worker slot on this member");
        }
        try {
            Worker w;
            try {
                w = pool.worker(slot);
            } catch (RuntimeException e) {
                return failed("could not start a worker JVM: " + e.getMessage());
            }
            long submitted = System.nanoTime();
            CompletableFuture<TaskResult> f = w.submit(spec, input);
            try {
                TaskResult r = timeout == null ? f.get() : f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
                return RemoteResult.of(r, w.info().pid());
            } catch (TimeoutException e) {
                kill(w);
                log.accept("task " + input.index() + " ran past its " + timeout.toMillis() + " ms timeout; worker JVM (pid "
                        + w.info().pid() + ") killed");
                return RemoteResult.of(new TaskResult(TaskStatus.TIMEOUT, submitted, System.nanoTime(), -1, -1, -1, 0, 0,
                        null, "timed out after " + timeout.toMillis() + " ms; the member killed its worker JVM"),
                        w.info().pid());
            } catch (InterruptedException e) {
                kill(w);
                Thread.currentThread().interrupt();
                log.accept("task " + input.index() + " cancelled by the coordinator; worker JVM (pid " + w.info().pid()
                        + ") killed");
                return RemoteResult.cancelled("cancelled by the coordinator; the member killed its worker JVM",
                        w.info().pid());
            } catch (ExecutionException e) {
                return failed("worker failed: " + e.getCause());
            }
        } finally {
            free.add(slot);
        }
    }

    /**
     * Kills the worker JVM now, and first every process it started (a {@code --cmd} task's shell and its
     * children, which would otherwise outlive the JVM); the pool starts a new JVM for the slot's next
     * task. A process that left the tree (double fork, {@code setsid}) escapes this.
     */
    static void kill(Worker w) {
        long pid = w.info().pid();
        ProcessHandle.of(pid).ifPresent(jvm -> {
            jvm.descendants().forEach(ProcessHandle::destroyForcibly);
            jvm.destroyForcibly();
        });
        w.close();
    }

    private static RemoteResult failed(String why) {
        return RemoteResult.of(TaskResult.failed(TaskStatus.FAILED, System.nanoTime(), why), ProcessHandle.current().pid());
    }

    @Override
    public void close() {
        pool.close();
    }
}
