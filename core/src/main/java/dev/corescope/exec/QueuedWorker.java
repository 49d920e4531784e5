package dev.corescope.exec;

import dev.corescope.api.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A worker driven by one dedicated platform thread that takes jobs from a queue, one at a time.
 * Subclasses say how a job runs (in this thread, or in a worker JVM) and how to abort a job that
 * ran past the timeout. A timed-out worker is dead: its pool replaces it. Every submitted job's
 * future completes, even when running it throws (an {@link Error} included): the worker is then dead.
 */
abstract class QueuedWorker implements Worker {
    /** {@code settled} is claimed by whoever completes the result: the worker loop or the watchdog. */
    private record Job(WorkloadSpec spec, TaskInput input, CompletableFuture<TaskResult> result, AtomicBoolean settled) {
        Job(WorkloadSpec spec, TaskInput input, CompletableFuture<TaskResult> result) {
            this(spec, input, result, new AtomicBoolean());
        }

        boolean claim() {
            return settled.compareAndSet(false, true);
        }
    }

    private static final Job STOP = new Job(null, null, null);

    private final BlockingQueue<Job> jobs = new LinkedTransferQueue<>();
    private final Duration timeout;
    private final ScheduledExecutorService watchdog;
    private final Consumer<String> events;
    protected final Thread thread;
    protected volatile boolean alive = true;

    QueuedWorker(String threadName, Duration timeout, ScheduledExecutorService watchdog, Consumer<String> events) {
        this.timeout = timeout;
        this.watchdog = watchdog;
        this.events = events;
        this.thread = new Thread(this::loop, threadName);
        thread.setDaemon(true);
    }

    /** Runs one job on the worker thread; must not throw. */
    protected abstract TaskResult execute(WorkloadSpec spec, TaskInput input);

    /**
     * Stops a job that ran past its timeout, or gives up on it (called from the watchdog thread).
     *
     * @return what was done, for the event log: "was killed", "was abandoned ..."
     */
    protected abstract String abort();

    /** Called on the worker thread before it takes its first job. */
    protected void started() {
    }

    /** Releases the worker's resources once the loop ends or the worker is closed. */
    protected void release() {
    }

    @Override
    public boolean alive() {
        return alive;
    }

    @Override
    public CompletableFuture<TaskResult> submit(WorkloadSpec spec, TaskInput input) {
        CompletableFuture<TaskResult> result = new CompletableFuture<>();
        if (!alive) {
            result.complete(TaskResult.failed(TaskStatus.FAILED, System.nanoTime(), info().id() + " is not alive"));
            return result;
        }
        Job job = new Job(spec, input, result);
        TaskTimeout.arm(watchdog, timeout, result, submitted -> {
            if (job.claim()) {
                // Dead before the result is published: completing it runs the caller's next step (e.g.
                // the batch runner submitting the next task), which must not pick this worker again.
                alive = false;
                String done = abort();
                events.accept(info().id() + " (pid " + info().pid() + ") ran past the "
                        + timeout.toMillis() + " ms task timeout and " + done);
                result.complete(TaskTimeout.result(submitted, timeout));
            }
        });
        jobs.add(job);
        return result;
    }

    private void loop() {
        started();
        try {
            while (alive) {
                Job job;
                try {
                    job = jobs.take();
                } catch (InterruptedException e) {
                    continue;
                }
                if (job == STOP) {
                    return;
                }
                if (!job.settled().get()) {
                    TaskResult r;
                    try {
                        r = execute(job.spec(), job.input());
                    } catch (Throwable e) {
                        alive = false; // whatever state the worker is in, it is not trusted with another task
                        r = TaskResult.failed(TaskStatus.FAILED, System.nanoTime(), info().id() + " failed: "
                                + TaskExecution.describe(e));
                        reportEvent(r.error());
                        abortQuietly();
                    }
                    if (job.claim()) {
                        job.result().complete(r);
                    }
                }
            }
        } finally {
            alive = false;
            Job left;
            while ((left = jobs.poll()) != null) {
                if (left != STOP && left.claim()) {
                    left.result().complete(TaskResult.failed(TaskStatus.FAILED, System.nanoTime(),
                            info().id() + " stopped before running the task"));
                }
            }
            release();
        }
    }

    private void abortQuietly() {
        try {
            abort();
        } catch (Throwable e) {
            // already failing: the job's result says why
        }
    }

    protected void reportEvent(String text) {
        events.accept(text);
    }

    @Override
    public void close() {
        alive = false;
        jobs.add(STOP);
        release();
    }
}
