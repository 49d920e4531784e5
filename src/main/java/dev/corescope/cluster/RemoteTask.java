package dev.corescope.cluster;

import dev.corescope.exec.TaskExecution;
import dev.corescope.exec.TaskResult;
import dev.corescope.workload.TaskInput;
import dev.corescope.workload.Workload;
import dev.corescope.workload.WorkloadSpec;
import dev.corescope.workload.Workloads;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * One task sent to a member: the workload spec as text and the {@link TaskInput} fields, no code.
 * The member resolves the workload by name: a built-in, or a class already on its own classpath that
 * implements {@link dev.corescope.workload.Workload} (checked before the class is initialised). It runs
 * the task with {@link TaskExecution#run} on one executor thread and returns the result fields, timed
 * on the member's clock.
 *
 * <p>Cancellation: a task is CPU-bound and runs to completion once started; a cancelled task that has
 * not started yet sees its thread's interrupt flag and returns {@code cancelled} without running.
 */
public record RemoteTask(String spec, int index, long size, long seed) implements Callable<RemoteResult>, Serializable {
    private static final long serialVersionUID = 1L;
    private static final ThreadLocal<Map<String, Workload>> WORKLOADS = ThreadLocal.withInitial(HashMap::new);

    static RemoteTask of(WorkloadSpec spec, TaskInput input) {
        return new RemoteTask(spec.text(), input.index(), input.size(), input.seed());
    }

    @Override
    public RemoteResult call() {
        long pid = ProcessHandle.current().pid();
        if (Thread.currentThread().isInterrupted()) {
            return RemoteResult.of(TaskResult.failed(RemoteResult.CANCELLED, System.nanoTime(),
                    "cancelled before it started"), pid);
        }
        TaskResult r;
        try {
            Workload w = WORKLOADS.get().computeIfAbsent(spec, RemoteTask::resolve);
            r = TaskExecution.run(w, new TaskInput(index, size, seed));
        } catch (RuntimeException e) {
            r = TaskResult.failed(dev.corescope.exec.TaskRecord.FAILED, System.nanoTime(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return RemoteResult.of(r, pid);
    }

    /** Built-in by name, or a class on this member's classpath that is a workload (checked before initialising it). */
    static Workload resolve(String text) {
        WorkloadSpec spec = WorkloadSpec.parse(text);
        if (!Workloads.isBuiltIn(spec.name())) {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader == null) {
                loader = RemoteTask.class.getClassLoader();
            }
            Class<?> type;
            try {
                type = Class.forName(spec.name(), false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalArgumentException("workload class not found on this member: " + spec.name());
            }
            if (!Workload.class.isAssignableFrom(type)) {
                throw new IllegalArgumentException(spec.name() + " does not implement " + Workload.class.getName());
            }
        }
        return Workloads.create(spec);
    }
}
