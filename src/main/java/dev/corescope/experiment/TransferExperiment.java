package dev.corescope.experiment;

import dev.corescope.analysis.Units;
import dev.corescope.exec.BatchPlan;
import dev.corescope.exec.BatchResult;
import dev.corescope.exec.BatchRunner;
import dev.corescope.exec.ProcessWorkerPool;
import dev.corescope.exec.RecordSink;
import dev.corescope.exec.RunClock;
import dev.corescope.exec.Strategy;
import dev.corescope.exec.TaskRecord;
import dev.corescope.exec.TaskResult;
import dev.corescope.exec.ThreadWorkerPool;
import dev.corescope.exec.TransferTiming;
import dev.corescope.exec.WorkerPool;
import dev.corescope.store.RecordLog;
import dev.corescope.store.RunDirectory;
import dev.corescope.workload.SpinWorkload;
import dev.corescope.workload.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import dev.corescope.workload.algo.TransferWorkload;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * When does parallelism pay? For every (task duration, result size) cell: the time of the cell's tasks
 * run one after another on one in-process thread, the time of the same tasks on N workers (threads
 * and/or worker JVMs), the speedup, and per task the overhead split (dispatch, serialization,
 * transfer, deserialization). The workload is {@link TransferWorkload}: calibrated spin work, then a
 * payload of the cell's size. Tasks per cell are capped so that the sequential run takes about
 * {@code cellBudget}.
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
     * @param workersNote where the worker count came from (threshold cache or CPU count)
     */
    public record Config(List<Duration> durations, List<Long> sizes, int tasks, List<String> modes, int workers,
                         String workersNote, Duration cellBudget, long seed, Duration taskTimeout,
                         List<String> workerJvmOptions) {
        public Config {
            durations = List.copyOf(new TreeSet<>(durations));
            sizes = List.copyOf(new TreeSet<>(sizes));
            modes = List.copyOf(modes);
            workerJvmOptions = List.copyOf(workerJvmOptions);
        }
    }

    /** Mean per-task overhead of a parallel batch, milliseconds (thread workers: only dispatch is non-zero). */
    public record Overhead(double dispatchMs, double serializeMs, double transferMs, double deserializeMs) {
        public double totalMs() {
            return dispatchMs + serializeMs + transferMs + deserializeMs;
        }
    }

    /**
     * One measured cell.
     *
     * @param taskMs        mean task body time in the sequential run (spin + filling the payload)
     * @param transferGBps  payload bytes / transfer span (worker JVMs with a payload), else NaN
     * @param pathGBps      payload bytes / (serialization + transfer + deserialization), else NaN
     */
    public record Cell(String mode, double durationSeconds, long sizeBytes, long loops, int tasks, int workers,
                       double taskMs, double sequentialSeconds, double parallelSeconds, double speedup,
                       Overhead overhead, double transferGBps, double pathGBps, int failures) {
        public boolean slower() {
            return speedup < 1;
        }
    }

    /** Per mode: where parallel stops paying, and the sentence that says so. */
    public record ModeVerdict(String mode, List<String> crossovers, String conclusion) {
    }

    public record Calibrated(double durationSeconds, long loops, String description) {
    }

    /** The {@code summary.json} of a transfer run. */
    public record Summary(String runId, List<String> commandLine, String startedAt, String endedAt, boolean complete,
                          int workers, String workersNote, double cellBudgetSeconds, int requestedTasks,
                          List<Calibrated> calibrations, List<Cell> cells, List<ModeVerdict> verdicts,
                          int failures, List<String> failureReasons, List<String> events, List<String> notes) {
    }

    public static WorkloadSpec spec(long loops, long bytes) {
        return WorkloadSpec.of(TransferWorkload.class.getName(), "loops", loops, "bytes", bytes);
    }

    /** Runs every cell; records go to the run directory's records.jsonl as they finish. */
    public static Summary run(RunDirectory dir, List<String> commandLine, Config c, Progress progress) throws IOException {
        return run(dir, commandLine, c, progress, s -> { });
    }

    /**
     * Runs every cell; records go to the run directory's records.jsonl as they finish, and
     * {@code writer} receives the summary: the complete one at the end, or — on Ctrl-C (JVM shutdown)
     * before that — a partial one ({@code complete: false}) of the cells that finished.
     */
    public static Summary run(RunDirectory dir, List<String> commandLine, Config c, Progress progress,
                              Consumer<Summary> writer) throws IOException {
        Run run = new Run(dir, commandLine, c);
        RunClock clock = new RunClock();
        java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();
        try (RecordLog log = new RecordLog(dir.records());
             ThreadWorkerPool threads = new ThreadWorkerPool(c.taskTimeout());
             ProcessWorkerPool processes = c.modes().contains("processes")
                     ? new ProcessWorkerPool(c.taskTimeout(), jvmOptions(c), dir.file("workers.log")) : null) {
            RecordSink sink = log.andThen(r -> {
                if (!r.ok()) {
                    run.failed.add(r);
                }
            });
            Thread hook = new Thread(() -> {
                if (finished.get()) {
                    return;
                }
                threads.close();
                if (processes != null) {
                    processes.close();
                }
                interrupted(run, log, writer, threads, processes);
            }, "corescope-transfer-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                measure(run, clock, sink, threads, processes, progress);
                run.events.addAll(threads.events());
                if (processes != null) {
                    run.events.addAll(processes.events());
                }
            } catch (RuntimeException | Error e) {
                finished.set(true); // a failed run is not an interrupted one: its caller reports it
                throw e;
            } finally {
                if (finished.get()) {
                    removeHook(hook);
                }
            }
            log.close();
            Summary summary = run.summary(true, List.of());
            writer.accept(summary);
            finished.set(true);
            removeHook(hook);
            return summary;
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down
        }
    }

    /** On Ctrl-C: the partial summary of the cells that finished, and the line that says so. */
    private static void interrupted(Run run, RecordLog log, Consumer<Summary> writer, WorkerPool threads,
                                    WorkerPool processes) {
        try {
            List<String> events = new ArrayList<>(threads.events());
            if (processes != null) {
                events.addAll(processes.events());
            }
            writer.accept(run.summary(false, events));
            log.close();
            if (!Session.isExitingOnError()) {
                System.err.println("corescope: interrupted; " + log.written() + " completed task records kept in "
                        + run.dir.records());
            }
        } catch (IOException | RuntimeException e) {
            if (!Session.isExitingOnError()) {
                System.err.println("corescope: interrupted; could not write the partial summary: " + e.getMessage());
            }
        }
    }

    /** What a transfer run has measured so far; read by the shutdown hook while the run goes on. */
    private static final class Run {
        final RunDirectory dir;
        final List<String> commandLine;
        final Config c;
        final Instant started = Instant.now();
        final String loadBefore = loadAverage();
        final List<TaskRecord> failed = Collections.synchronizedList(new ArrayList<>());
        final List<Cell> cells = Collections.synchronizedList(new ArrayList<>());
        final List<Calibrated> calibrations = Collections.synchronizedList(new ArrayList<>());
        final List<String> events = Collections.synchronizedList(new ArrayList<>());

        Run(RunDirectory dir, List<String> commandLine, Config c) {
            this.dir = dir;
            this.commandLine = commandLine;
            this.c = c;
        }

        /** The summary of the cells measured so far ({@code extraEvents}: the pools' events, when not yet in). */
        Summary summary(boolean complete, List<String> extraEvents) {
            List<Cell> all = List.copyOf(cells);
            List<ModeVerdict> verdicts = new ArrayList<>();
            for (String mode : c.modes()) {
                verdicts.add(verdict(mode, c.workers(), all.stream().filter(x -> x.mode().equals(mode)).toList()));
            }
            List<String> notes = new ArrayList<>();
            if (!complete) {
                notes.add("Interrupted: " + all.size() + " of " + c.durations().size() * c.sizes().size()
                        * c.modes().size() + " cells measured; records.jsonl holds every finished task.");
            }
            notes.add(c.workersNote());
            String loadAfter = loadAverage();
            if (loadBefore != null && loadAfter != null) {
                notes.add("Load average (1 min) at start " + loadBefore + ", at end " + loadAfter + " on "
                        + Runtime.getRuntime().availableProcessors() + " CPUs; when it exceeds the CPU count other "
                        + "programs share the cores and the map is noisy.");
            }
            if (c.workers() == 1) {
                notes.add("With 1 worker the parallel run is a second sequential run: speedups near 1 at best.");
            }
            notes.add(String.format(Locale.ROOT, "Tasks per cell: at most %d, fewer when the sequential run would exceed "
                    + "about %s (a multiple of the %d workers, at least %d).", c.tasks(),
                    Units.duration(c.cellBudget().toNanos() / 1e9), c.workers(), 2 * c.workers()));
            notes.add("Sequential = the cell's tasks one after another on one in-process thread; its time includes "
                    + "filling the payload, as does every task's time in parallel.");
            List<TaskRecord> failures = List.copyOf(failed);
            List<String> reasons = failures.stream().map(r -> r.experiment() + " task " + r.taskIndex() + ": " + r.error())
                    .distinct().limit(20).toList();
            List<String> allEvents = new ArrayList<>(events);
            allEvents.addAll(extraEvents);
            return new Summary(dir.runId(), commandLine, started.toString(), Instant.now().toString(), complete,
                    c.workers(), c.workersNote(), c.cellBudget().toNanos() / 1e9, c.tasks(), List.copyOf(calibrations),
                    all, verdicts, failures.size(), reasons, allEvents, notes);
        }
    }

    private static void measure(Run run, RunClock clock, RecordSink sink, ThreadWorkerPool threads,
                                ProcessWorkerPool processes, Progress progress) {
        Config c = run.c;
        RunDirectory dir = run.dir;
        Map<String, BatchRunner> runners = new LinkedHashMap<>();
        BatchRunner seqRunner = new BatchRunner(threads, clock, sink, dir.runId());
        runners.put("threads", seqRunner);
        if (processes != null) {
            runners.put("processes", new BatchRunner(processes, clock, sink, dir.runId()));
        }
        threads.ensure(c.workers());
        if (processes != null) {
            processes.ensure(c.workers());
        }
        // Spin is linear in its loop count: calibrate once at a reference length long enough to
        // time well (after a JIT warm-up), then scale to each duration.
        Warmup.run(threads, 1, SpinWorkload.spec(2_000_000), 0, 40);
        Duration reference = Duration.ofMillis(100);
        Calibration cal = Calibration.calibrate(threads.worker(0), reference, c.seed());
        Map<Duration, Long> loops = new LinkedHashMap<>();
        for (Duration d : c.durations()) {
            long l = Math.round(cal.loops() * (d.toNanos() / (double) reference.toNanos()));
            loops.put(d, l);
            run.calibrations.add(new Calibrated(d.toNanos() / 1e9, l, String.format(Locale.ROOT,
                    "work %s = spin loops=%,d (scaled from the calibration: loops=%,d for %s)",
                    Units.duration(d.toNanos() / 1e9), l, cal.loops(), Units.duration(reference.toNanos() / 1e9))));
        }
        long warmLoops = Math.max(1, cal.loops() / 100);
        WorkloadSpec warm = spec(warmLoops, 64 << 10);
        Warmup.run(threads, c.workers(), warm, 0, WARMUP_ITERATIONS);
        if (processes != null) {
            Warmup.run(processes, c.workers(), warm, 0, WARMUP_ITERATIONS);
        }
        // One recorded warm-up batch per runner (experiment "transfer-warmup") exercises the
        // measured path itself (batch runner, record log) before the first cell.
        for (BatchRunner r : runners.values()) {
            r.run(new BatchPlan(WARMUP, c.workers(), 0, warm, Tasks.of(20 * c.workers(), 64 << 10, c.seed()),
                    Strategy.QUEUE));
        }
        seqRunner.run(new BatchPlan(WARMUP, 1, 0, warm, Tasks.of(20, 64 << 10, c.seed()), Strategy.QUEUE));
        progress.step("calibrated and warmed up");
        int cellIndex = 0;
        for (Duration d : c.durations()) {
            for (long size : c.sizes()) {
                WorkloadSpec spec = spec(loops.get(d), size);
                int n = tasksFor(spec, c, threads);
                List<TaskInput> tasks = Tasks.of(n, size, c.seed());
                BatchResult seq = seqRunner.run(new BatchPlan(SEQUENTIAL, 1, cellIndex, spec, tasks,
                        Strategy.QUEUE));
                for (String mode : c.modes()) {
                    BatchResult par = runners.get(mode).run(new BatchPlan(NAME + "-" + mode, c.workers(),
                            cellIndex, spec, tasks, Strategy.QUEUE));
                    run.cells.add(cell(mode, d, size, loops.get(d), seq, par));
                }
                progress.step(Units.duration(d.toNanos() / 1e9) + " x " + Units.bytes(size));
                cellIndex++;
            }
        }
    }

    /** The 1-minute load average from /proc/loadavg, or null where there is none. */
    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static List<String> jvmOptions(Config c) {
        List<String> all = new ArrayList<>(ProcessWorkerPool.DEFAULT_JVM_OPTIONS);
        all.addAll(c.workerJvmOptions());
        return all;
    }

    /** One unrecorded probe task on the sequential worker sizes the cell: tasks ≈ budget / probe time. */
    private static int tasksFor(WorkloadSpec spec, Config c, WorkerPool threads) {
        long t0 = System.nanoTime();
        TaskResult probe = threads.worker(0).submit(spec, new TaskInput(-1, 0, c.seed() - 1)).join();
        long each = Math.max(1, System.nanoTime() - t0);
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

    static Cell cell(String mode, Duration d, long size, long loops, BatchResult seq, BatchResult par) {
        double seqS = seq.wallSeconds();
        double parS = par.wallSeconds();
        double[] sum = new double[4];
        int n = 0;
        for (TaskRecord r : par.records()) {
            TransferTiming t = r.transfer();
            if (r.ok() && t != null && t.dispatchNanos() >= 0 && t.serializeNanos() >= 0 && t.transferNanos() >= 0
                    && t.deserializeNanos() >= 0) {
                sum[0] += t.dispatchNanos();
                sum[1] += t.serializeNanos();
                sum[2] += t.transferNanos();
                sum[3] += t.deserializeNanos();
                n++;
            }
        }
        Overhead o = n == 0 ? new Overhead(Double.NaN, Double.NaN, Double.NaN, Double.NaN)
                : new Overhead(sum[0] / n / 1e6, sum[1] / n / 1e6, sum[2] / n / 1e6, sum[3] / n / 1e6);
        boolean travelled = "processes".equals(mode) && size > 0 && n > 0;
        double transferGBps = travelled && o.transferMs() > 0 ? size / (o.transferMs() * 1e6) : Double.NaN;
        double path = o.serializeMs() + o.transferMs() + o.deserializeMs();
        double pathGBps = travelled && path > 0 ? size / (path * 1e6) : Double.NaN;
        double taskMs = seq.records().stream().filter(TaskRecord::ok).mapToLong(TaskRecord::wallNanos).average()
                .orElse(Double.NaN) / 1e6;
        int failures = (int) (seq.failures() + par.failures());
        return new Cell(mode, d.toNanos() / 1e9, size, loops, par.records().size(), par.plan().level(), taskMs, seqS,
                parS, seqS / parS, o, transferGBps, pathGBps, failures);
    }

    /**
     * Where speedup drops below 1, per size (from which duration on parallel pays) and as one sentence:
     * "tasks of X or shorter, or returning more than Y MB per ms of work, ran slower in parallel".
     */
    public static ModeVerdict verdict(String mode, int workers, List<Cell> cells) {
        String who = "processes".equals(mode) ? "With " + workers + " worker JVMs" : "With " + workers + " threads";
        List<String> crossovers = new ArrayList<>();
        List<Double> durations = cells.stream().map(Cell::durationSeconds).distinct().sorted().toList();
        final List<Long> sizes = cells.stream().map(Cell::sizeBytes).distinct().sorted().toList();
        for (long size : sizes) {
            List<Cell> row = cells.stream().filter(x -> x.sizeBytes() == size)
                    .sorted((a, b) -> Double.compare(a.durationSeconds(), b.durationSeconds())).toList();
            Double paysFrom = null;
            for (int i = row.size() - 1; i >= 0 && !row.get(i).slower(); i--) {
                paysFrom = row.get(i).durationSeconds();
            }
            String text;
            if (paysFrom == null) {
                text = "slower in parallel at every measured duration";
            } else if (paysFrom.equals(row.get(0).durationSeconds())) {
                text = "faster in parallel at every measured duration";
            } else {
                text = "parallel pays from " + Units.duration(paysFrom) + " of work per task";
            }
            crossovers.add("returning " + Units.bytes(size) + ": " + text);
        }
        List<Cell> losers = cells.stream().filter(Cell::slower).toList();
        if (cells.isEmpty()) {
            return new ModeVerdict(mode, crossovers, who + ": nothing was measured.");
        }
        if (losers.isEmpty()) {
            return new ModeVerdict(mode, crossovers, who + ", every measured cell ran faster in parallel than "
                    + "sequentially (up to " + Units.duration(durations.get(durations.size() - 1)) + " and "
                    + Units.bytes(sizes.get(sizes.size() - 1)) + " per task).");
        }
        // Short-task bound: on the smallest size's row, the duration b such that "d <= b loses" fits best.
        long smallest = sizes.get(0);
        List<Cell> row = cells.stream().filter(x -> x.sizeBytes() == smallest).toList();
        double shortBound = bestBound(row.stream().map(Cell::durationSeconds).toList(),
                row.stream().map(Cell::slower).toList(), true);
        List<String> parts = new ArrayList<>();
        if (shortBound >= 0) {
            parts.add("tasks of " + Units.duration(shortBound) + " or shorter"
                    + (smallest > 0 ? " (returning " + Units.bytes(smallest) + ")" : ""));
        }
        // Data bound: among longer tasks, the MB-per-ms ratio y such that "ratio >= y loses" fits best.
        List<Cell> rest = cells.stream().filter(x -> x.durationSeconds() > shortBound && x.sizeBytes() > 0).toList();
        double y = bestBound(rest.stream().map(TransferExperiment::mbPerMs).toList(),
                rest.stream().map(Cell::slower).toList(), false);
        if (y >= 0 && Double.isFinite(y)) {
            parts.add("returning more than about " + Units.ratio(y) + " MB per ms of work");
        }
        long misfits = cells.stream().filter(x -> x.slower() != predictedSlower(x, smallest, shortBound, y)).count();
        String conclusion;
        if (parts.isEmpty()) {
            conclusion = who + ", " + losers.size() + " of " + cells.size() + " cells ran slower in parallel than sequentially.";
        } else {
            conclusion = who + ", " + String.join(", or ", parts) + ", ran slower in parallel than sequentially "
                    + "(speedup < 1 in " + losers.size() + " of " + cells.size() + " cells"
                    + (misfits == 0 ? "" : "; " + misfits + " cell(s) do not fit this rule, see the table") + ").";
        }
        return new ModeVerdict(mode, crossovers, conclusion);
    }

    private static boolean predictedSlower(Cell c, long smallest, double shortBound, double y) {
        if (shortBound >= 0 && c.durationSeconds() <= shortBound) { // more data only makes short tasks worse
            return true;
        }
        return c.durationSeconds() > shortBound && c.sizeBytes() > 0 && y >= 0 && mbPerMs(c) >= y;
    }

    /**
     * The threshold that best separates losing from winning cells by one value: with {@code atOrBelow},
     * "value <= t loses"; otherwise "value >= t loses". Returns the t with fewest misclassified cells
     * (ties: the most conservative), or -1 when predicting "no cell loses" is at least as good.
     */
    static double bestBound(List<Double> values, List<Boolean> slower, boolean atOrBelow) {
        long bestErrors = slower.stream().filter(b -> b).count(); // t = none: every loser is a miss
        double best = -1;
        for (double t : new TreeSet<>(values)) {
            long errors = 0;
            for (int i = 0; i < values.size(); i++) {
                boolean predicted = atOrBelow ? values.get(i) <= t : values.get(i) >= t;
                if (predicted != slower.get(i)) {
                    errors++;
                }
            }
            boolean better = errors < bestErrors
                    || (errors == bestErrors && best >= 0 && (atOrBelow ? t < best : t > best));
            if (better) {
                bestErrors = errors;
                best = t;
            }
        }
        return best;
    }

    /** Megabytes (10^6) returned per millisecond of spin work; infinite for zero-duration tasks. */
    static double mbPerMs(Cell c) {
        return c.durationSeconds() <= 0 ? Double.POSITIVE_INFINITY : (c.sizeBytes() / 1e6) / (c.durationSeconds() * 1e3);
    }

    /** For the summary's cells of one mode, keyed by duration then size (for charts and tables). */
    public static List<Cell> ofMode(Summary s, String mode) {
        return s.cells().stream().filter(c -> c.mode().equals(mode)).toList();
    }
}
