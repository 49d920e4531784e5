package dev.corescope;

import dev.corescope.analysis.Equivalence;
import dev.corescope.exec.BatchResult;
import dev.corescope.exec.RecordSink;
import dev.corescope.exec.TaskRecord;
import dev.corescope.experiment.AssessExperiment;
import dev.corescope.experiment.AssessPlanCheck;
import dev.corescope.experiment.AssessResult;
import dev.corescope.experiment.Assessment;
import dev.corescope.experiment.ControlPlan;
import dev.corescope.experiment.InvestigateExperiment;
import dev.corescope.experiment.PlanMemory;
import dev.corescope.experiment.PlanRefused;
import dev.corescope.experiment.Progress;
import dev.corescope.experiment.Results;
import dev.corescope.experiment.Session;
import dev.corescope.experiment.Settings;
import dev.corescope.experiment.WorkerCount;
import dev.corescope.machine.MachineProbe;
import dev.corescope.machine.MachineProfile;
import dev.corescope.report.ComplexityCharts;
import dev.corescope.store.RunDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code assess}: algorithms (or a workload class, or a command) over input sizes, R repeats per size, on
 * as many concurrent workers as the machine hosts without adding noise, proved in the run by one-worker
 * controls of the same tasks ({@code auto} steps down from a level that fails). Local workers are pinned
 * by default. The workers: {@code auto} (the threshold cached by investigate, or measured first), N, or
 * a count decided elsewhere ({@link #resolved}, e.g. a cluster's slots).
 */
public final class Assess extends ExperimentBuilder<Assess> {
    /** Warm-up tasks per worker and size when not set: enough for HotSpot's C2 to compile the hot loops. */
    public static final int DEFAULT_WARMUP = 5;
    public static final String JIT_WARMUP_REASON = "HotSpot compiles a hot method with C2 after ~10,000 invocations "
            + "or loop back-edges: the first task of a size already crosses that inside its loops, the next ones let "
            + "the background compilation finish and run the compiled method from its entry instead of an on-stack "
            + "replacement, so the measured tasks run compiled code";

    private List<AssessExperiment.Algo> algorithms = List.of();
    private List<Long> sizes = List.of();
    private int repeats = 30;
    private String workers = WorkerCount.AUTO;
    private WorkerCount.Resolved resolved;
    private boolean verify = true;
    private Equivalence.Margins margins = Equivalence.Margins.DEFAULT;
    private Duration budget;
    private int warmup = DEFAULT_WARMUP;
    private String warmupReason = JIT_WARMUP_REASON;
    private boolean logChart;
    private Consumer<String> notices = s -> { };
    private Supplier<MachineProfile> probe;

    Assess() {
        pin = true;
    }

    /** What to assess (at least one), each its label (distinct: it keys the results) and workload spec. */
    public Assess algorithms(List<AssessExperiment.Algo> algos) {
        if (algos.isEmpty()) {
            throw new IllegalArgumentException("at least one algorithm");
        }
        java.util.Set<String> labels = new java.util.HashSet<>();
        for (AssessExperiment.Algo a : algos) {
            if (!labels.add(a.label())) {
                throw new IllegalArgumentException("two algorithms are labelled '" + a.label() + "': labels must be distinct");
            }
        }
        this.algorithms = List.copyOf(algos);
        return this;
    }

    /** Built-in algorithms by name (e.g. {@code sort-jdk}, {@code matmul-naive}), with their default parameters. */
    public Assess algorithms(String... builtIns) {
        List<AssessExperiment.Algo> algos = new java.util.ArrayList<>();
        for (String name : builtIns) {
            if (!dev.corescope.workload.Workloads.isBuiltIn(name)) {
                throw new IllegalArgumentException("unknown algorithm '" + name + "'");
            }
            algos.add(new AssessExperiment.Algo(name, dev.corescope.workload.WorkloadSpec.of(name)));
        }
        return algorithms(algos);
    }

    /** Input sizes, ascending. */
    public Assess sizes(List<Long> ns) {
        if (ns.isEmpty()) {
            throw new IllegalArgumentException("at least one size");
        }
        this.sizes = ns.stream().distinct().sorted().toList();
        return this;
    }

    public Assess repeats(int r) {
        if (r < 1) {
            throw new IllegalArgumentException("repeats must be >= 1");
        }
        this.repeats = r;
        return this;
    }

    /** {@code auto} (default) or a number of concurrent workers. */
    public Assess workers(String autoOrN) {
        this.workers = autoOrN;
        this.resolved = null;
        return this;
    }

    /** Use this worker count, decided elsewhere (e.g. a cluster's slots, with where it came from). */
    public Assess resolved(WorkerCount.Resolved r) {
        this.resolved = r;
        return this;
    }

    /** Interleave one-worker controls to prove the level (default true). */
    public Assess verify(boolean on) {
        this.verify = on;
        return this;
    }

    /**
     * The floor of the certification's margins: the allowed slowdown (or speed-up) of the location, and the allowed
     * ratio of the spread (interquartile range), against one worker.
     */
    public Assess criteria(double tolerance, double sdLimit) {
        this.margins = new Equivalence.Margins(tolerance, sdLimit, margins.tailExcess());
        return this;
    }

    /** Refuse the plan when a pilot estimates it takes longer (null: no pilot). */
    public Assess budget(Duration d) {
        this.budget = d;
        return this;
    }

    /** Warm-up tasks per worker and size, not recorded, and why that many. */
    public Assess warmup(int tasks, String reason) {
        this.warmup = tasks;
        this.warmupReason = reason;
        return this;
    }

    /** Log-log complexity chart. */
    public Assess logChart(boolean on) {
        this.logChart = on;
        return this;
    }

    /** Told what the run does on its own before it measures (e.g. that investigate runs first). */
    public Assess notices(Consumer<String> sink) {
        this.notices = sink == null ? s -> { } : sink;
        return this;
    }

    /** Everything the run produced: the summary, the assessment, the measured records, the batches, the charts. */
    public record AssessOutput(AssessResult summary, Assessment assessment, Map<String, List<TaskRecord>> measured,
                          List<BatchResult> batches, List<Path> charts) {
    }

    public AssessResult run() throws IOException {
        return runWithDetails().summary();
    }

    /**
     * Refuses, before anything runs, a plan beyond the caps or the heap ({@link PlanRefused}), as for one worker:
     * the workers are resolved after, and the plan checked again for them.
     */
    public Assess checkPlan() {
        AssessPlanCheck.check(PlanMemory.of(mode, workerJvmOptions), algorithms, sizes, repeats, extraRecordsPerSize(1),
                budget != null, 1);
        return this;
    }

    /**
     * The workers: as {@link #resolved}, else {@code N}, else {@code auto}: the cached threshold that still holds,
     * else investigate measures it first (in this mode). A value that is not a count, or nothing usable, is a
     * {@link PlanRefused}.
     */
    public WorkerCount.Resolved resolveWorkers() {
        if (resolved == null) {
            String workloadKey = algorithms.size() == 1
                    ? InvestigateExperiment.UserWorkload.key(algorithms.get(0).spec(), sizes) : null;
            try {
                resolved = WorkerCount.resolve(workers, WorkerCount.Context.live(host(), workloadKey, this::investigateFirst));
            } catch (PlanRefused e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new PlanRefused(e.getMessage());
            }
        }
        return resolved;
    }

    /** The run's one probe: the threshold's key and the quick check's CPUs, then its session's profile. */
    private Supplier<MachineProfile> probe() {
        if (probe == null) {
            probe = MachineProbe.once(host != null ? host::profile : machine);
        }
        return probe;
    }

    /** The machine of the run, its profile read once ({@link #probe()}). */
    @Override
    dev.corescope.exec.Machine host() {
        return host != null ? host : dev.corescope.exec.Machine.real(probe());
    }

    private WorkerCount.MeasuredThreshold investigateFirst() {
        return InvestigateFirst.measure(mode, progress, probe(), host, notices);
    }

    /** Checks, resolves the workers, measures, writes summary.json and the charts. */
    public AssessOutput runWithDetails() throws IOException {
        checkPlan();
        WorkerCount.Resolved n = resolveWorkers();
        boolean local = pool == null;
        if (local) {
            AssessPlanCheck.check(PlanMemory.of(mode, workerJvmOptions), algorithms, sizes, repeats,
                    extraRecordsPerSize(n.workers()), budget != null, n.workers());
        }
        Settings settings = settings("assess").pinned(local && pin);
        String pinNote = !local ? "the cluster's members place their own workers" : !pin ? "--no-pin"
                : "the CPUs this process may use could not be read";
        AssessExperiment.Check check = !verify || !local ? AssessExperiment.Check.NONE
                : resolvedAuto() ? AssessExperiment.Check.STEP_DOWN : AssessExperiment.Check.FIXED;
        var config = new AssessExperiment.AssessConfig(algorithms, sizes, repeats, n.workers(), n.source(), warmup,
                warmupReason, check, margins, budget, pinNote);
        long total = (long) algorithms.size() * sizes.size() * repeats;
        RunDirectory dir = RunDirectory.create(out, "assess");
        Session[] self = new Session[1];
        try (Progress p = progress.open("assess", progressSteps(total) + algorithms.size());
             Session session = Session.open(settings, dir, pool, progressSink(p, total),
                     Results.writer(dir, () -> self[0]), host(), exit)) {
            self[0] = session;
            AssessExperiment.AssessMeasurement o = Results.measuring(session, dir, () -> AssessExperiment.run(session, config, p));
            p.close();
            var summary = Results.checked(session, dir, o.summary());
            var charts = ComplexityCharts.write(o.assessment(), host != null && host.simulated() != null, dir.path(),
                    logChart);
            return new AssessOutput(summary, o.assessment(), o.measured(), session.batches(), charts);
        }
    }

    private boolean resolvedAuto() {
        return workers != null && WorkerCount.AUTO.equalsIgnoreCase(workers.trim());
    }

    /**
     * Records per size beyond the R measured ones, at most: every certification look's tasks again (the extensions
     * of a level that needs more data) with their controls, at the level and, with {@code auto}, at every lower
     * level a failing level may step down to (halving: about log2 n of them).
     */
    private int extraRecordsPerSize(int n) {
        if (!verify) {
            return 0;
        }
        return AssessExperiment.extraRecordsPerSize(sizes.size(), repeats, resolvedAuto() ? n : Math.min(n, 2));
    }

    /** Progress steps for {@code total} measured tasks: one every ~5% (a line per task would flood a log). */
    public static long progressSteps(long total) {
        long every = Math.max(1, total / 20);
        return total / every + (total % every == 0 ? 0 : 1);
    }

    private static RecordSink progressSink(Progress progress, long total) {
        long every = Math.max(1, total / 20);
        AtomicLong seen = new AtomicLong();
        return r -> {
            if (r.experiment().startsWith(AssessExperiment.ASSESS + "/")) {
                long k = seen.incrementAndGet();
                if (k % every == 0 || k == total) {
                    progress.step(k + "/" + total + " measured tasks");
                }
            }
        };
    }
}
