package dev.corescope.exec;

import dev.corescope.api.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The plumbing of the tests' invented pools: workers in this JVM ({@link WorkerMode#THREADS}), made on
 * demand, always alive (never replaced), no start costs, no events. A subclass says what a task reports
 * ({@link #submit}); {@link #close()} does nothing unless it says otherwise.
 */
public abstract class StubWorkerPool implements WorkerPool {
    private final String prefix;
    private final List<Worker> workers = new ArrayList<>();

    /** Workers named {@code prefix-1}, {@code prefix-2}, ... (see {@link #info}). */
    protected StubWorkerPool(String prefix) {
        this.prefix = prefix;
    }

    /** What worker {@code worker} reports for a task. */
    protected abstract CompletableFuture<TaskResult> submit(WorkerInfo worker, WorkloadSpec workload, TaskInput input);

    /** Worker number {@code id} (1-based): {@code prefix-id}, pid 1, thread id {@code id}. */
    protected WorkerInfo info(int id) {
        return new WorkerInfo(prefix + "-" + id, 1, id, 0);
    }

    @Override
    public WorkerMode mode() {
        return WorkerMode.THREADS; // in this JVM
    }

    @Override
    public synchronized void ensure(int n) {
        while (workers.size() < n) {
            WorkerInfo info = info(workers.size() + 1);
            workers.add(new Worker() {
                @Override
                public WorkerInfo info() {
                    return info;
                }

                @Override
                public CompletableFuture<TaskResult> submit(WorkloadSpec workload, TaskInput input) {
                    return StubWorkerPool.this.submit(info, workload, input);
                }

                @Override
                public boolean alive() {
                    return true;
                }

                @Override
                public void close() {
                }
            });
        }
    }

    @Override
    public synchronized Worker worker(int index) {
        ensure(index + 1);
        return workers.get(index);
    }

    @Override
    public synchronized int size() {
        return workers.size();
    }

    @Override
    public List<Long> startCosts() {
        return List.of();
    }

    @Override
    public List<String> events() {
        return List.of();
    }

    @Override
    public void close() {
    }
}
