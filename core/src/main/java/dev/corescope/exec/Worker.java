package dev.corescope.exec;

import dev.corescope.api.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.util.concurrent.CompletableFuture;

/**
 * One worker: a platform thread, or a worker JVM. It runs one task at a time. The returned future
 * always completes normally with a {@link TaskResult}; failures, crashes and timeouts are results
 * too. After a crash or a timeout the worker is no longer {@link #alive()} and its pool replaces it.
 */
public interface Worker extends AutoCloseable {
    WorkerInfo info();

    CompletableFuture<TaskResult> submit(WorkloadSpec workload, TaskInput input);

    boolean alive();

    @Override
    void close();
}
