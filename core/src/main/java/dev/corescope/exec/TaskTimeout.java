package dev.corescope.exec;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * The task timeout of every worker (threads, worker JVMs, cluster slots): a watchdog that fires once the
 * task has run {@code timeout} since it was submitted, unless its result completed first (the watchdog
 * is then cancelled). What firing does — claim the result, stop the task — is the worker's; the result it
 * records is {@link #result}.
 */
public final class TaskTimeout {
    private TaskTimeout() {
    }

    /**
     * Arms the watchdog of a task submitted now; no-op when {@code timeout} is null.
     *
     * @param onTimeout receives the submission time ({@link System#nanoTime()})
     */
    public static void arm(ScheduledExecutorService watchdog, Duration timeout, CompletableFuture<?> result,
                           LongConsumer onTimeout) {
        if (timeout == null) {
            return;
        }
        long submitted = System.nanoTime();
        ScheduledFuture<?> fire = watchdog.schedule(() -> onTimeout.accept(submitted), timeout.toNanos(),
                TimeUnit.NANOSECONDS);
        result.whenComplete((r, e) -> fire.cancel(false));
    }

    /** The record of a task that timed out: from its submission to now. */
    public static TaskResult result(long submittedNanos, Duration timeout) {
        return new TaskResult(TaskStatus.TIMEOUT, submittedNanos, System.nanoTime(), -1, -1, -1, 0, 0, null,
                "timed out after " + timeout.toMillis() + " ms");
    }
}
