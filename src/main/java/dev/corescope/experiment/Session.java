package dev.corescope.experiment;

import dev.corescope.exec.BatchPlan;
import dev.corescope.exec.BatchResult;
import dev.corescope.exec.BatchRunner;
import dev.corescope.exec.ProcessWorkerPool;
import dev.corescope.exec.RecordSink;
import dev.corescope.exec.RunClock;
import dev.corescope.exec.TaskRecord;
import dev.corescope.exec.ThreadWorkerPool;
import dev.corescope.exec.WorkerPool;
import dev.corescope.report.RecordLog;
import dev.corescope.report.RunDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import dev.corescope.machine.MachineProbe;
import dev.corescope.machine.MachineProfile;
import java.util.function.Supplier;

/**
 * One run: its directory, its append-only record log, its worker pool and clock. Every batch goes
 * through {@link #run}; records are on disk before the batch returns. On Ctrl-C (JVM shutdown before
 * {@link #close()}), the workers are stopped and the partial summary supplied by the experiment is
 * written, so nothing measured is lost.
 */
public final class Session implements AutoCloseable {
    private final Settings settings;
    private final RunDirectory dir;
    private final RecordLog log;
    private final WorkerPool pool;
    private final RunClock clock = new RunClock();
    private final BatchRunner runner;
    private final List<BatchResult> batches = Collections.synchronizedList(new ArrayList<>());
    private final List<TaskRecord> failures = Collections.synchronizedList(new ArrayList<>());
    private final Instant started = Instant.now();
    private volatile CompletableFuture<MachineProfile> profile = CompletableFuture.supplyAsync(Session::probeQuietly);
    private final Thread shutdownHook;
    private volatile Supplier<RunSummary> partialSummary;
    private final Consumer<RunSummary> summaryWriter;
    private volatile boolean closed;

    private Session(Settings settings, RunDirectory dir, WorkerPool pool, RecordSink progress,
                    Consumer<RunSummary> summaryWriter) throws IOException {
        this.settings = settings;
        this.summaryWriter = summaryWriter;
        this.dir = dir;
        this.log = new RecordLog(dir.records());
        this.pool = pool;
        RecordSink sink = log.andThen(r -> {
            if (!r.ok()) {
                failures.add(r);
            }
        }).andThen(progress);
        this.runner = new BatchRunner(pool, clock, sink, dir.runId());
        this.shutdownHook = new Thread(this::interrupted, "corescope-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * @param summaryWriter writes a summary (used for the partial summary on Ctrl-C)
     */
    public static Session open(Settings settings, RunDirectory dir, RecordSink progress,
                               Consumer<RunSummary> summaryWriter) throws IOException {
        WorkerPool pool = "processes".equals(settings.mode())
                ? new ProcessWorkerPool(settings.taskTimeout(), workerOptions(settings), dir.file("workers.log"))
                        .pinnedTo(settings.pinCpus())
                : new ThreadWorkerPool(settings.taskTimeout(), settings.pinCpus());
        return new Session(settings, dir, pool, progress, summaryWriter);
    }

    /** A session on a given pool (e.g. a fake one in tests, or a cluster). */
    public static Session open(Settings settings, RunDirectory dir, WorkerPool pool, RecordSink progress,
                               Consumer<RunSummary> summaryWriter) throws IOException {
        return new Session(settings, dir, pool, progress, summaryWriter);
    }

    private static List<String> workerOptions(Settings s) {
        List<String> all = new ArrayList<>(ProcessWorkerPool.DEFAULT_JVM_OPTIONS);
        all.addAll(s.workerJvmOptions());
        return all;
    }

    public BatchResult run(BatchPlan plan) {
        BatchResult r = runner.run(plan);
        batches.add(r);
        return r;
    }

    /** Tells the session how to summarise what finished if the run is interrupted. */
    public void onInterrupt(Supplier<RunSummary> summary) {
        this.partialSummary = summary;
    }

    private void interrupted() {
        if (closed) {
            return;
        }
        pool.close();
        try {
            Supplier<RunSummary> s = partialSummary;
            Consumer<RunSummary> w = summaryWriter;
            if (s != null && w != null) {
                w.accept(s.get());
            }
            log.close();
            System.err.println("corescope: interrupted; " + records() + " completed task records kept in " + dir.records());
        } catch (IOException | RuntimeException e) {
            System.err.println("corescope: interrupted; could not write the partial summary: " + e.getMessage());
        }
    }

    private long records() {
        synchronized (batches) {
            return batches.stream().mapToLong(b -> b.records().size()).sum();
        }
    }

    public List<BatchResult> batches() {
        synchronized (batches) {
            return List.copyOf(batches);
        }
    }

    public List<TaskRecord> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    public WorkerPool pool() {
        return pool;
    }

    public RunDirectory dir() {
        return dir;
    }

    public Settings settings() {
        return settings;
    }

    /** The machine profile read when the session opened (null if it could not be read). */
    public MachineProfile profile() {
        return profile.join();
    }

    /** The profile being read since the session opened. */
    public CompletableFuture<MachineProfile> profileFuture() {
        return profile;
    }

    /** Uses a profile read elsewhere (e.g. by investigate) instead of probing again. */
    public void useProfile(CompletableFuture<MachineProfile> p) {
        this.profile = p;
    }

    private static MachineProfile probeQuietly() {
        try {
            return MachineProbe.probe();
        } catch (RuntimeException e) {
            return null;
        }
    }

    public Instant started() {
        return started;
    }

    public RunClock clock() {
        return clock;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pool.close();
        try {
            log.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down
        }
    }
}
