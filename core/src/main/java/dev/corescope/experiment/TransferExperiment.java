package dev.corescope.experiment;

import dev.corescope.analysis.TransferCell;
import dev.corescope.analysis.TransferVerdict;
import dev.corescope.analysis.Units;
import dev.corescope.exec.BatchPlan;
import dev.corescope.exec.BatchResult;
import dev.corescope.exec.Strategy;
import dev.corescope.exec.TaskRecord;
import dev.corescope.exec.TaskResult;
import dev.corescope.exec.WorkerMode;
import dev.corescope.exec.WorkerPool;
import dev.corescope.machine.LoadSnapshot;
import dev.corescope.workload.SpinWorkload;
import dev.corescope.api.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import dev.corescope.workload.algo.TransferWorkload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * When does parallelism pay? For every (task duration, result size) cell: the time of the cell's tasks
 * run one after another on one in-process thread, the time of the same tasks on N workers (threads
 * and/or worker JVMs), the speedup, and per task the overhead split (dispatch, serialization,
 * transfer, deserialization). The workload is {@link TransferWorkload}: calibrated spin work, then a
 * payload of the cell's size. Tasks per cell are capped so that the sequential run takes about
 * {@code cellBudget}. Runs on a {@link Session} whose own pool is the threads one (the sequential runs
 * and threads mode); worker JVMs come from the session's processes pool.
 */
public final class TransferExperiment {
    public static final String NAME = "transfer";
    public static final String SEQUENTIAL = "transfer-sequential";
    public static final String WARMUP = "transfer-warmup";
    /** Warm-up tasks per worker (1 ms of spin, 64 KiB result each) before the first cell. */
    static final int WARMUP_ITERATIONS = 100;

    private TransferExperiment() {
    }

    /**
     * @param modes       the parallel worker modes, {@code threads} and/or {@code processes}
     * @param workersNote where the worker count came from (threshold cache or CPU count)
     */
    public record TransferConfig(List<Duration> durations, List<Long> sizes, int tasks, List<WorkerMode> modes, int workers,
                         String workersNote, Duration cellBudget) {
        public TransferConfig {
            durations = List.copyOf(new TreeSet<>(durations));
            sizes = List.copyOf(new TreeSet<>(sizes));
            modes = List.copyOf(modes);
        }
    }

    public static WorkloadSpec spec(long loops, long bytes) {
        return WorkloadSpec.of(TransferWorkload.class.getName(), "loops", loops, "bytes", bytes);
    }

    /**
     * Runs every cell; records go to the session's records.jsonl as they finish. On Ctrl-C the session
     * writes the partial result of the cells that finished.
     */
    public static TransferResult run(Session session, TransferConfig c, Progress progress) {
        TransferSoFar run = new TransferSoFar(session, c);
        session.onInterrupt(() -> run.result(false));
        measure(run, progress);
        return run.result(true);
    }

    /** What a transfer run has measured so far; read by the shutdown hook while the run goes on. */
    private static final class TransferSoFar {
        final Session session;
        final TransferConfig c;
        final List<TransferCell> cells = Collections.synchronizedList(new ArrayList<>());
        final List<TransferResult.Calibrated> calibrations = Collections.synchronizedList(new ArrayList<>());

        TransferSoFar(Session session, TransferConfig c) {
            this.session = session;
            this.c = c;
        }

        /** The result of the cells measured so far. */
        TransferResult result(boolean complete) {
            List<TransferCell> all = List.copyOf(cells);
            List<TransferVerdict> verdicts = new ArrayList<>();
            for (WorkerMode mode : c.modes()) {
                verdicts.add(TransferVerdict.of(mode, c.workers(), all.stream().filter(x -> x.mode() == mode).toList()));
            }
            Metadata metadata = Summaries.metadata(session);
            List<TaskRecord> failures = session.failures();
            List<String> reasons = failures.stream().map(r -> r.experiment() + " task " + r.taskIndex() + ": " + r.error())
                    .distinct().limit(20).toList();
            Remarks remarks = new Remarks(failures.size(), reasons, session.events(), notes(complete, all, metadata),
                    Summaries.warnings(session, List.of(), metadata));
            return new TransferResult(Summaries.info(session, complete),
                    new TransferResult.Setup(c.workers(), c.workersNote(), c.cellBudget().toNanos() / 1e9, c.tasks()),
                    List.copyOf(calibrations), all, verdicts, remarks, metadata);
        }

        private List<String> notes(boolean complete, List<TransferCell> all, Metadata m) {
            List<String> notes = new ArrayList<>();
            if (!complete) {
                notes.add("Interrupted: " + all.size() + " of " + c.durations().size() * c.sizes().size()
                        * c.modes().size() + " cells measured; records.jsonl holds every finished task.");
            }
            notes.add(c.workersNote());
            LoadSnapshot before = m.loadAtStart();
            LoadSnapshot after = m.loadAtEnd();
            if (before != null && after != null && before.known() && after.known()) {
                notes.add(Units.format("Load average (1 min) at start %.2f, at end %.2f on %d CPUs; when it exceeds the "
                        + "CPU count other programs share the cores and the map is noisy.", before.load1(), after.load1(),
                        session.machine().availableProcessors()));
            }
            if (c.workers() == 1) {
                notes.add("With 1 worker the parallel run is a second sequential run: speedups near 1 at best.");
            }
            notes.add(Units.format("Tasks per cell: at most %d, fewer when the sequential run would exceed "
                    + "about %s (a multiple of the %d workers, at least %d).", c.tasks(),
                    Units.duration(c.cellBudget().toNanos() / 1e9), c.workers(), 2 * c.workers()));
            notes.add("Sequential = the cell's tasks one after another on one in-process thread; its time includes "
                    + "filling the payload, as does every task's time in parallel.");
            return notes;
        }
    }

    private static void measure(TransferSoFar run, Progress progress) {
        TransferConfig c = run.c;
        Session session = run.session;
        long seed = session.settings().seed();
        WorkerPool threads = session.pool(WorkerMode.THREADS);
        Map<WorkerMode, WorkerPool> pools = new LinkedHashMap<>();
        pools.put(WorkerMode.THREADS, threads);
        for (WorkerMode mode : c.modes()) {
            pools.put(mode, session.pool(mode));
        }
        for (WorkerPool p : pools.values()) {
            p.ensure(c.workers());
        }
        // Spin is linear in its loop count: calibrate once at a reference length long enough to
        // time well (after a JIT warm-up), then scale to each duration.
        Warmup.run(threads, 1, SpinWorkload.spec(2_000_000), 0, 40);
        Duration reference = Duration.ofMillis(100);
        Calibration cal = Calibration.calibrate(threads.worker(0), reference, seed);
        Map<Duration, Long> loops = new LinkedHashMap<>();
        for (Duration d : c.durations()) {
            long l = Math.round(cal.loops() * (d.toNanos() / (double) reference.toNanos()));
            loops.put(d, l);
            run.calibrations.add(new TransferResult.Calibrated(d.toNanos() / 1e9, l, Units.format(
                    "work %s = spin loops=%,d (scaled from the calibration: loops=%,d for %s)",
                    Units.duration(d.toNanos() / 1e9), l, cal.loops(), Units.duration(reference.toNanos() / 1e9))));
        }
        long warmLoops = Math.max(1, cal.loops() / 100);
        WorkloadSpec warm = spec(warmLoops, 64 << 10);
        for (WorkerPool p : pools.values()) {
            Warmup.run(p, c.workers(), warm, 0, WARMUP_ITERATIONS);
        }
        // One recorded warm-up batch per pool (experiment "transfer-warmup") exercises the
        // measured path itself (batch runner, record log) before the first cell.
        for (WorkerPool p : pools.values()) {
            session.run(p, new BatchPlan(WARMUP, c.workers(), 0, warm, Tasks.of(20 * c.workers(), 64 << 10, seed),
                    Strategy.QUEUE));
        }
        session.run(threads, new BatchPlan(WARMUP, 1, 0, warm, Tasks.of(20, 64 << 10, seed), Strategy.QUEUE));
        progress.step("calibrated and warmed up");
        int cellIndex = 0;
        for (Duration d : c.durations()) {
            for (long size : c.sizes()) {
                WorkloadSpec spec = spec(loops.get(d), size);
                int n = tasksFor(session.machine(), spec, c, threads, seed);
                List<TaskInput> tasks = Tasks.of(n, size, seed);
                BatchResult seq = session.run(threads, new BatchPlan(SEQUENTIAL, 1, cellIndex, spec, tasks,
                        Strategy.QUEUE));
                for (WorkerMode mode : c.modes()) {
                    BatchResult par = session.run(pools.get(mode), new BatchPlan(NAME + "-" + mode, c.workers(),
                            cellIndex, spec, tasks, Strategy.QUEUE));
                    run.cells.add(TransferCell.of(mode, d.toNanos() / 1e9, size, loops.get(d), seq, par));
                }
                progress.step(Units.duration(d.toNanos() / 1e9) + " x " + Units.bytes(size));
                cellIndex++;
            }
        }
    }

    /** One unrecorded probe task on the sequential worker sizes the cell: tasks ≈ budget / probe time. */
    private static int tasksFor(dev.corescope.exec.Machine machine, WorkloadSpec spec, TransferConfig c, WorkerPool threads,
                                long seed) {
        long t0 = machine.nanoTime();
        TaskResult probe = threads.worker(0).submit(spec, new TaskInput(-1, 0, seed - 1)).join();
        long each = Math.max(1, machine.nanoTime() - t0);
        if (!probe.ok()) {
            return Math.min(c.tasks(), 2 * c.workers());
        }
        return tasksWithin(c.cellBudget().toNanos(), each, c.tasks(), c.workers());
    }

    /** {@code budget/each} tasks, capped at {@code max}, at least {@code 2*workers}, a multiple of workers. */
    static int tasksWithin(long budgetNanos, long eachNanos, int max, int workers) {
        long fit = budgetNanos / Math.max(1, eachNanos);
        long n = Math.min(max, Math.max(2L * workers, fit));
        if (n >= workers) {
            n -= n % workers;
        }
        return (int) Math.max(1, Math.min(n, max));
    }
}
