package dev.corescope.exec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/** Shared bookkeeping of the pools: parallel start, replacement, start costs, events, the watchdog. */
abstract class AbstractWorkerPool implements WorkerPool {
    private final List<Worker> workers = new ArrayList<>();
    private final List<Long> startCosts = new CopyOnWriteArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    protected final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "corescope-watchdog");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    /** Starts one worker (blocking until it is ready); {@code id} is its sequence number. */
    protected abstract Worker start(int id);

    @Override
    public synchronized void ensure(int n) {
        checkOpen();
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i >= workers.size()) {
                workers.add(null);
            }
            if (workers.get(i) == null || !workers.get(i).alive()) {
                missing.add(i);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        List<CompletableFuture<Worker>> starts = new ArrayList<>();
        for (int ignored : missing) {
            int id = nextId.getAndIncrement();
            starts.add(CompletableFuture.supplyAsync(() -> timedStart(id), r -> {
                Thread t = new Thread(r, "corescope-start-" + id);
                t.setDaemon(true);
                t.start();
            }));
        }
        RuntimeException failure = null;
        for (int k = 0; k < missing.size(); k++) {
            int index = missing.get(k);
            try {
                Worker w = starts.get(k).join();
                Worker old = workers.set(index, w);
                if (old != null) {
                    events.add(old.info().id() + " (pid " + old.info().pid() + ") was lost; replaced by "
                            + w.info().id() + " (pid " + w.info().pid() + ")");
                    old.close();
                }
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null) {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            throw new WorkerStartException("could not start a " + mode() + " worker: " + cause.getMessage(), cause);
        }
    }

    private Worker timedStart(int id) {
        long t0 = System.nanoTime();
        Worker w = start(id);
        startCosts.add(System.nanoTime() - t0);
        return w;
    }

    @Override
    public synchronized Worker worker(int index) {
        checkOpen();
        if (index >= workers.size() || workers.get(index) == null || !workers.get(index).alive()) {
            ensure(Math.max(index + 1, workers.size()));
        }
        return workers.get(index);
    }

    @Override
    public synchronized int size() {
        return workers.size();
    }

    @Override
    public List<Long> startCosts() {
        return Collections.unmodifiableList(startCosts);
    }

    @Override
    public List<String> events() {
        return Collections.unmodifiableList(events);
    }

    protected void event(String text) {
        events.add(text);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("worker pool is closed");
        }
    }

    @Override
    public void close() {
        List<Worker> all;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            all = new ArrayList<>(workers);
        }
        for (Worker w : all) {
            if (w != null) {
                w.close();
            }
        }
        watchdog.shutdownNow();
    }
}
