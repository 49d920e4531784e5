package dev.corescope.exec;

import dev.corescope.api.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;

/**
 * A pool whose workers do no work: each task "takes" an invented duration, reported as its wall and
 * CPU time, and completes asynchronously (so concurrency is real, timings are not). Like hyperfine's
 * MockExecutor. Records submission order and the peak number of tasks in flight.
 */
public final class FakeWorkerPool implements WorkerPool {
    private final ToLongFunction<TaskInput> nanosFor;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r);
        t.setDaemon(true);
        return t;
    });
    private final List<FakeWorker> workers = new ArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    public final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final List<String> events = new ArrayList<>();
    private int started;
    /** Task indices that fail; index -> "crash" kills the worker. */
    public final java.util.Map<Integer, String> failures = new java.util.concurrent.ConcurrentHashMap<>();

    public FakeWorkerPool(ToLongFunction<TaskInput> nanosFor) {
        this.nanosFor = nanosFor;
    }

    public int peakInFlight() {
        return peak.get();
    }

    public int started() {
        return started;
    }

    @Override
    public WorkerMode mode() {
        return WorkerMode.THREADS; // in this JVM
    }

    @Override
    public synchronized void ensure(int n) {
        while (workers.size() < n) {
            workers.add(new FakeWorker("fake-" + (++started)));
        }
        for (int i = 0; i < n; i++) {
            if (!workers.get(i).alive) {
                events.add(workers.get(i).info.id() + " replaced");
                workers.set(i, new FakeWorker("fake-" + (++started)));
            }
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
        return events;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private final class FakeWorker implements Worker {
        final WorkerInfo info;
        volatile boolean alive = true;

        FakeWorker(String id) {
            info = new WorkerInfo(id, 1000 + started, 2000 + started, 0);
        }

        @Override
        public WorkerInfo info() {
            return info;
        }

        @Override
        public CompletableFuture<TaskResult> submit(WorkloadSpec workload, TaskInput input) {
            int now = inFlight.incrementAndGet();
            peak.accumulateAndGet(now, Math::max);
            log.add("start " + input.index());
            return CompletableFuture.supplyAsync(() -> {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                long d = nanosFor.applyAsLong(input);
                long t0 = System.nanoTime();
                log.add("end " + input.index());
                inFlight.decrementAndGet();
                String failure = failures.get(input.index());
                if ("crash".equals(failure)) {
                    alive = false;
                    return TaskResult.failed(TaskStatus.FAILED, t0, info.id() + " died");
                }
                if (failure != null) {
                    return TaskResult.failed(TaskStatus.FAILED, t0, failure);
                }
                return new TaskResult(TaskStatus.OK, t0, t0 + d, d, 0, 0, input.seed(), 0, null, null);
            }, executor);
        }

        @Override
        public boolean alive() {
            return alive;
        }

        @Override
        public void close() {
            alive = false;
        }
    }
}
