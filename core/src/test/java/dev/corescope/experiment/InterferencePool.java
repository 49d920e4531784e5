package dev.corescope.experiment;

import dev.corescope.exec.StubWorkerPool;
import dev.corescope.exec.TaskResult;
import dev.corescope.exec.TaskStatus;
import dev.corescope.exec.WorkerInfo;
import dev.corescope.api.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pool whose tasks report invented times that depend on how many tasks run at once: an invented
 * workload's distribution, not a machine (machines are simulated: {@code dev.corescope.sim}). Its {@link Model} gives a task's seconds from its size, the number of tasks in flight and a
 * standard normal draw. Concurrency is real (each task holds its worker for 2 ms of real time, so the
 * tasks of a parallel batch overlap and a solo task runs alone), the reported times are not.
 */
final class InterferencePool extends StubWorkerPool {
    /** Seconds of one task. */
    interface Model {
        double seconds(long size, int concurrent, double gaussian);
    }

    /** Median 10 ms × size/100, CV 2% alone; {@code shift} per extra concurrent task, {@code widen} of the spread. */
    static Model lognormal(double shiftPerWorker, double widenPerWorker) {
        double sigma = Math.sqrt(Math.log(1 + 0.02 * 0.02));
        return (size, c, g) -> 0.01 * size / 100.0 * (1 + shiftPerWorker * (c - 1))
                * Math.exp(sigma * (1 + widenPerWorker * (c - 1)) * g);
    }

    private final Model model;
    private final Random rng = new Random(17);
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "interference");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger inFlight = new AtomicInteger();

    InterferencePool(Model model) {
        super("model");
        this.model = model;
    }

    private synchronized double gaussian() {
        return rng.nextGaussian();
    }

    @Override
    protected CompletableFuture<TaskResult> submit(WorkerInfo worker, WorkloadSpec workload, TaskInput input) {
        int atStart = inFlight.incrementAndGet();
        return CompletableFuture.supplyAsync(() -> {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int concurrent = Math.max(atStart, inFlight.get());
            inFlight.decrementAndGet();
            long nanos = (long) (model.seconds(Math.max(1, input.size()), concurrent, gaussian()) * 1e9);
            long t0 = System.nanoTime();
            return new TaskResult(TaskStatus.OK, t0, t0 + nanos, nanos, 0, 0, input.seed(), 0, null, null);
        }, executor);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
