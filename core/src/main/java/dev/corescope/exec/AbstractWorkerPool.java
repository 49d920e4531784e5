package dev.corescope.exec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shared bookkeeping of the pools: parallel start, replacement, start costs, events, the watchdog.
 * {@link #close()} never waits for a worker that is still starting: it marks the pool closed, aborts
 * the starts ({@link #abortStarts()}), and {@link #ensure(int)} gives up waiting for them.
 */
abstract class AbstractWorkerPool implements WorkerPool {
    /** How often a waiting {@link #ensure(int)} looks whether the pool was closed meanwhile. */
    private static final long CLOSED_POLL_MS = 50;
    private final List<Worker> workers = new ArrayList<>();
    private final List<Long> startCosts = new CopyOnWriteArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    protected final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "corescope-watchdog");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Starts one worker (blocking until it is ready); {@code id} is its sequence number. */
    protected abstract Worker start(int id, int slot);

    /** Makes the starts under way fail promptly (the pool is closing); called without the pool's lock. */
    protected void abortStarts() {
    }

    protected final boolean isClosed() {
        return closed.get();
    }

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
        for (int slot : missing) {
            int id = nextId.getAndIncrement();
            starts.add(CompletableFuture.supplyAsync(() -> timedStart(id, slot), r -> {
                Thread t = new Thread(r, "corescope-start-" + id);
                t.setDaemon(true);
                t.start();
            }));
        }
        RuntimeException failure = null;
        for (int k = 0; k < missing.size(); k++) {
            int index = missing.get(k);
            Worker w;
            try {
                w = await(starts.get(k));
            } catch (StartsAbandoned e) {
                // the rest finish (or fail) on their own threads: close what still comes up
                for (CompletableFuture<Worker> f : starts.subList(k, starts.size())) {
                    f.thenAccept(Worker::close);
                }
                throw new WorkerStartException(e.getMessage(), e.getCause());
            } catch (RuntimeException e) {
                failure = e;
                continue;
            }
            Worker old = workers.set(index, w);
            if (old != null) {
                events.add(old.info().id() + " (pid " + old.info().pid() + ") was lost; replaced by "
                        + w.info().id() + " (pid " + w.info().pid() + ")");
                old.close();
            }
        }
        if (failure != null) {
            throw new WorkerStartException("could not start a " + mode() + " worker: " + failure.getMessage(), failure);
        }
    }

    /** Thrown by {@link #await} when the pool closes or the caller is interrupted while workers start. */
    private static final class StartsAbandoned extends RuntimeException {
        StartsAbandoned(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The started worker; its start's failure as a RuntimeException; {@link StartsAbandoned} when closing. */
    private Worker await(CompletableFuture<Worker> start) {
        while (true) {
            if (closed.get()) {
                throw new StartsAbandoned("the " + mode() + " worker pool was closed while workers were starting", null);
            }
            try {
                return start.get(CLOSED_POLL_MS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // look at closed again
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new CompletionException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartsAbandoned("interrupted while " + mode() + " workers were starting", e);
            }
        }
    }

    private Worker timedStart(int id, int slot) {
        long t0 = System.nanoTime();
        Worker w = start(id, slot);
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
        if (closed.get()) {
            throw new IllegalStateException("worker pool is closed");
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        abortStarts();
        List<Worker> all;
        synchronized (this) { // an ensure() under way lets go within CLOSED_POLL_MS
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
