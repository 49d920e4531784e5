package dev.corescope.experiment;

import dev.corescope.exec.BatchPlan;
import dev.corescope.exec.BatchResult;
import dev.corescope.exec.BatchRunner;
import dev.corescope.exec.Machine;
import dev.corescope.exec.RecordSink;
import dev.corescope.exec.RunClock;
import dev.corescope.exec.TaskRecord;
import dev.corescope.exec.WorkerMode;
import dev.corescope.exec.WorkerPool;
import dev.corescope.exec.pin.CpuAssignment;
import dev.corescope.machine.MachineProbe;
import dev.corescope.machine.MachineProfile;
import dev.corescope.store.RecordLog;
import dev.corescope.store.RunDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One run: its directory, its append-only record log, its machine ({@link Machine}: this one, or a simulated
 * one, whose pools, clock, /proc and profile the run uses), its worker pool and clock. Every batch goes
 * through {@link #run}; its records are kept in memory while it runs and are in the file before it returns. On Ctrl-C (JVM shutdown before
 * {@link #close()}), the workers are stopped and the partial summary supplied by the experiment is
 * written, so nothing measured is lost: it covers the finished batches and what the running one has
 * recorded so far ({@link #batchesSoFar()}). A complete summary already written is never replaced by
 * the partial one ({@link dev.corescope.store.SummaryFiles}).
 */
public final class Session implements AutoCloseable {
    private final Settings settings;
    private final RunDirectory dir;
    private final RecordLog log;
    private final SessionPools pools;
    private final Map<WorkerPool, BatchRunner> runners = new ConcurrentHashMap<>();
    private final RecordSink sink;
    private final Machine machine;
    private final RunClock clock;
    private final Batches batches = new Batches();
    private final List<TaskRecord> failures = Collections.synchronizedList(new ArrayList<>());
    private final Instant started = Instant.now();
    private final CompletableFuture<MachineProfile> profile;
    private volatile CpuAssignment cpus;
    private final Thread shutdownHook;
    private volatile Supplier<? extends RunResult> partialSummary;
    private final Consumer<RunResult> summaryWriter;
    private volatile boolean closed;
    /** How the process is ending: on an error already reported, the hook keeps data but says nothing. */
    private final ProcessExit exit;

    private Session(Settings settings, RunDirectory dir, WorkerPool pool, RecordSink progress,
                    Consumer<RunResult> summaryWriter, Machine machine, ProcessExit exit) throws IOException {
        this.settings = settings;
        this.exit = exit;
        this.summaryWriter = summaryWriter;
        this.dir = dir;
        this.machine = machine;
        this.clock = new RunClock(machine::nanoTime);
        // the one probe of the run, beside its start: joined where the profile (or the pinned CPUs) is needed
        this.profile = CompletableFuture.supplyAsync(() -> quietly(machine::profile));
        this.log = new RecordLog(dir.records());
        this.pools = new SessionPools(settings, dir, pool, machine, this::cpus);
        this.sink = log.andThen(r -> {
            if (!r.ok()) {
                failures.add(r);
            }
            batches.recorded(r, clock.now());
        }).andThen(progress);
        this.shutdownHook = new Thread(this::interrupted, "corescope-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * @param summaryWriter writes a summary (used for the partial summary on Ctrl-C)
     */
    public static Session open(Settings settings, RunDirectory dir, RecordSink progress,
                               Consumer<RunResult> summaryWriter) throws IOException {
        return open(settings, dir, null, progress, summaryWriter, MachineProbe::probe);
    }

    /** A session on a given pool (e.g. a fake one in tests, or a cluster). */
    public static Session open(Settings settings, RunDirectory dir, WorkerPool pool, RecordSink progress,
                               Consumer<RunResult> summaryWriter) throws IOException {
        return open(settings, dir, pool, progress, summaryWriter, MachineProbe::probe);
    }

    /**
     * @param pool    the workers to run on (e.g. a cluster's, or a fake one in tests); null: local workers of the
     *                settings' mode, pinned when the settings say so to the CPUs of {@link #cpus()}
     * @param machine probes this machine, once, asynchronously from now ({@link MachineProbe#probe()} in a run;
     *                tests pass an invented profile)
     */
    public static Session open(Settings settings, RunDirectory dir, WorkerPool pool, RecordSink progress,
                               Consumer<RunResult> summaryWriter, Supplier<MachineProfile> machine) throws IOException {
        return new Session(settings, dir, pool, progress, summaryWriter, Machine.real(machine), new ProcessExit());
    }

    /**
     * A session on {@code machine}: this one ({@link Machine#real()}) or a simulated one, whose pools, clock,
     * /proc and profile the run then uses.
     *
     * @param pool the workers to run on; null: the machine's own, of the settings' mode
     */
    public static Session open(Settings settings, RunDirectory dir, WorkerPool pool, RecordSink progress,
                               Consumer<RunResult> summaryWriter, Machine machine) throws IOException {
        return new Session(settings, dir, pool, progress, summaryWriter, machine, new ProcessExit());
    }

    /**
     * A session on {@code machine} in a process whose ending {@code exit} tells (the command line's: its
     * shutdown hook then keeps quiet after an error already reported).
     */
    public static Session open(Settings settings, RunDirectory dir, WorkerPool pool, RecordSink progress,
                               Consumer<RunResult> summaryWriter, Machine machine, ProcessExit exit) throws IOException {
        return new Session(settings, dir, pool, progress, summaryWriter, machine, exit);
    }

    /**
     * The CPU of each local worker slot when the settings pin: the profile's, idle CPUs first (the per-CPU load
     * watched for {@link CpuAssignment#WATCH} before any worker runs); else none. Joins the probe on first use.
     */
    public CpuAssignment cpus() {
        CpuAssignment c = cpus;
        if (c == null) {
            MachineProfile p = settings.pin() ? profile() : null;
            boolean several = p != null && p.allowedCpus() != null && p.allowedCpus().size() > 1;
            c = p == null ? CpuAssignment.NONE
                    : CpuAssignment.of(p, several ? machine.cpuBusy(CpuAssignment.WATCH).orElse(null) : null);
            cpus = c;
        }
        return c;
    }

    /** Runs a batch on the session's pool; its records are on disk when it returns. */
    public BatchResult run(BatchPlan plan) {
        return run(pool(), plan);
    }

    /** Runs a batch on one of the session's pools ({@link #pool()} or {@link #pool(WorkerMode)}). */
    public BatchResult run(WorkerPool on, BatchPlan plan) {
        if (!pools.contains(on)) {
            throw new IllegalArgumentException("not a pool of this session: " + on.mode());
        }
        BatchRunner runner = runners.computeIfAbsent(on, p -> new BatchRunner(p, clock, sink, dir.runId()));
        batches.started(plan, clock.now());
        try {
            BatchResult r = runner.run(plan);
            batches.finished(r);
            return r;
        } catch (RuntimeException | Error e) {
            // the batch ended abnormally (e.g. Ctrl-C closed the pool under it): what it recorded stays a batch,
            // so that a partial summary written now or later still counts it
            batches.cutShort(plan);
            throw e;
        } finally {
            log.flush(); // the batch's records, kept in memory while it ran, are in the file before the next one
        }
    }

    /** Tells the session how to summarise what finished if the run is interrupted. */
    public void onInterrupt(Supplier<? extends RunResult> summary) {
        this.partialSummary = summary;
    }

    /** The partial summary the experiment registered with {@link #onInterrupt}, made now; null before it did. */
    public RunResult partialSummary() {
        Supplier<? extends RunResult> s = partialSummary;
        return s == null ? null : s.get();
    }

    private void interrupted() {
        if (closed) {
            return;
        }
        exit.signalled();
        pools.close();
        try {
            Supplier<? extends RunResult> s = partialSummary;
            Consumer<RunResult> w = summaryWriter;
            if (s != null && w != null) {
                w.accept(s.get());
            }
            log.close();
            if (!exit.isOnError()) {
                System.err.println("corescope: interrupted; " + log.written() + " completed task records kept in "
                        + dir.records());
            }
        } catch (IOException | RuntimeException e) {
            if (!exit.isOnError()) {
                System.err.println("corescope: interrupted; could not write the partial summary: " + e.getMessage());
            }
        }
    }

    /** The finished batches, in the order they ran. */
    public List<BatchResult> batches() {
        return batches.finished();
    }

    /**
     * The finished batches and, for each batch still running, what it has recorded so far (its span
     * ends at its last record): what a partial summary covers.
     */
    public List<BatchResult> batchesSoFar() {
        return batches.soFar();
    }

    public List<TaskRecord> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    /** The session's own workers (the pool given, or local ones made now on first use). */
    public WorkerPool pool() {
        return pools.own();
    }

    /**
     * The session's workers of {@code mode}: its own pool when it is of that mode, else a local pool of
     * that mode started now (once) with the same settings, owned by the session: closed with it, and on
     * Ctrl-C, its events in {@link #events()}.
     */
    public WorkerPool pool(WorkerMode m) {
        return pools.of(m);
    }

    /** The events of every pool of the session (replacements, abandoned threads), its own pool's first. */
    public List<String> events() {
        return pools.events();
    }

    public RunDirectory dir() {
        return dir;
    }

    public Settings settings() {
        return settings;
    }

    /** The machine profile read when the session opened (null if it could not be read); waits for the probe. */
    public MachineProfile profile() {
        return profile.join();
    }

    private static MachineProfile quietly(Supplier<MachineProfile> machine) {
        try {
            return machine.get();
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

    /** The machine the run measures (through which it reads /proc, sleeps, waits for the JIT). */
    public Machine machine() {
        return machine;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pools.close();
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
