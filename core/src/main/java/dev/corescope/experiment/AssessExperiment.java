package dev.corescope.experiment;

import dev.corescope.analysis.BudgetEstimate;
import dev.corescope.analysis.ComplexityFit;
import dev.corescope.analysis.Equivalence;
import dev.corescope.analysis.SizeStats;
import dev.corescope.analysis.Throughput;
import dev.corescope.analysis.Units;
import dev.corescope.exec.JvmActivity;
import dev.corescope.exec.TaskRecord;
import dev.corescope.exec.WorkerMode;
import dev.corescope.api.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * {@code corescope assess}: every (size, repeat) task of each algorithm on {@code workers} concurrent
 * workers pulling from one queue, in a seeded random order, after a per-worker warm-up; per-size
 * statistics, a complexity fit, throughput. Each algorithm's run carries its own proof that the level
 * added no bias and no noise: one-worker controls of the same tasks interleaved at random moments
 * ({@link CertifiedRun}); {@code --workers auto} steps down from a level that fails.
 */
public final class AssessExperiment {
    public static final String ASSESS = "assess";
    public static final String PILOT = "pilot";
    /** Longest wait for the coordinator's JIT to go idle before tasks (re)start. */
    static final long QUIET_WAIT_MILLIS = 500;
    public static final String CI_METHOD = "two-sided 95% interval of the mean, never below zero: Student-t, mean ± "
            + "t(0.975, n-1)·sd/√n, from 30 samples; below 30 (or where that would reach zero), Cox's log-scale interval";

    private AssessExperiment() {
    }

    /** One algorithm to assess: its label (e.g. {@code matmul-naive}) and the spec the workers run. */
    public record Algo(String label, WorkloadSpec spec) {
    }

    /** How the level is checked: step down from a failing level (auto), keep it (N), or do not check. */
    public enum Check {
        STEP_DOWN(CertifiedRun.Policy.STEP_DOWN), FIXED(CertifiedRun.Policy.FIXED), NONE(CertifiedRun.Policy.UNCHECKED);

        final CertifiedRun.Policy policy;

        Check(CertifiedRun.Policy policy) {
            this.policy = policy;
        }
    }

    public record AssessConfig(List<Algo> algorithms, List<Long> sizes, int repeats, int workers, String workersSource,
                         int warmup, String warmupReason, Check check, Equivalence.Margins margins,
                         Duration budget, String pinNote) {
        public AssessConfig {
            algorithms = List.copyOf(algorithms);
            sizes = List.copyOf(sizes);
        }
    }

    /** @param measured the records each algorithm's statistics were computed from, by algorithm label */
    public record AssessMeasurement(AssessResult summary, Assessment assessment, Map<String, List<TaskRecord>> measured) {
    }

    /** The plan's estimate exceeds {@code --budget}; the message is the one-line refusal. */
    public static final class OverBudget extends RuntimeException {
        private final BudgetEstimate estimate;

        OverBudget(String message, BudgetEstimate estimate) {
            super(message);
            this.estimate = estimate;
        }

        public BudgetEstimate estimate() {
            return estimate;
        }
    }

    /**
     * Records per size beyond the R measured ones, at most, for a plan of {@code sizes} × {@code repeats} at
     * {@code workers} (2: a fixed level): each level tried runs the tasks once per certification look, plus controls.
     */
    public static int extraRecordsPerSize(int sizes, int repeats, int workers) {
        int tasks = Math.max(1, sizes * repeats);
        int looks = CertificationLooks.certificationLooks(tasks);
        int perLevel = repeats * looks + (ControlPlan.Shares.DEFAULT.controls(tasks) * looks + sizes - 1) / sizes;
        int levels = 0;
        for (int l = workers; l >= 2; l = (l + 1) / 2) {
            levels++;
        }
        return Math.max(0, perLevel * Math.max(1, levels) - repeats);
    }

    public static AssessMeasurement run(Session session, AssessConfig c, Progress progress) {
        String workloads = String.join(", ", c.algorithms().stream().map(Algo::label).toList());
        session.onInterrupt(() -> {
            Measured measured = Summaries.partial(session, workloads, null);
            Metadata m = Summaries.metadata(session);
            return new AssessResult(Summaries.info(session, false), measured,
                    Summaries.remarks(session, List.of(), Summaries.warnings(session, measured.levels(), m)), null, m);
        });
        long base = session.settings().seed();
        long orderSeed = base * 31 + 7;
        long started = session.clock().now();
        long deadline = c.budget() == null ? Long.MAX_VALUE : started + c.budget().toNanos();
        var pool = session.pool();
        pool.ensure(c.workers());

        BudgetEstimate estimate = c.budget() == null ? null : AssessPilot.run(session, c, base);

        List<Assessment.AlgorithmResult> results = new ArrayList<>();
        JvmActivity coordinator = new JvmActivity(0, 0, 0);
        Map<String, List<TaskRecord>> measured = new LinkedHashMap<>();
        Map<String, List<TaskRecord>> controls = new LinkedHashMap<>();
        Map<String, Integer> finalLevels = new LinkedHashMap<>();
        int[] warmFailed = {0};
        int[] warmTasks = {0};
        boolean[] warmQuiet = {true};
        long coordinatorWarmMillis = CoordinatorWarmup.run(session.machine(), pool, c.workers());
        List<TaskInput> order = AssessTasks.shuffled(AssessTasks.inOrder(c.sizes(), c.repeats(), c.repeats(), base),
                orderSeed);
        for (int a = 0; a < c.algorithms().size(); a++) {
            Algo algo = c.algorithms().get(a);
            int[] warmed = {0};
            IntConsumer warmUp = n -> {
                if (n > warmed[0]) {
                    Warmup.Result w = Warmup.untilQuiet(pool, warmed[0], n, algo.spec(), c.sizes(), c.warmup());
                    warmFailed[0] += w.failed();
                    warmTasks[0] = Math.max(warmTasks[0], w.tasksPerWorker());
                    warmQuiet[0] &= w.quiet();
                    warmed[0] = n;
                    session.machine().awaitJitQuiet(QUIET_WAIT_MILLIS);
                }
            };
            warmUp.accept(c.workers());
            progress.step(algo.label() + ": warm-up done");
            CertifiedRun.CertifiedRunResult out = new CertifiedRun(session, new CertifiedRun.Spec(algo.label(), algo.spec(), a,
                    order, c.workers(), c.check().policy, c.margins(), ControlPlan.Shares.DEFAULT, deadline, orderSeed + a),
                    warmUp, () -> session.machine().awaitJitQuiet(QUIET_WAIT_MILLIS)).run();
            coordinator = coordinator.plus(out.coordinator());
            measured.put(algo.label(), out.measured());
            controls.put(algo.label(), out.controls());
            finalLevels.put(algo.label(), out.certification().level());
            results.add(analyse(algo, c, out));
        }
        Assessment.Warm warm = new Assessment.Warm(warmTasks[0], c.sizes(), warmFailed[0], c.warmupReason() + "; at least " + c.warmup()
                + " task(s) per worker, then on until two rounds in a row saw no JIT compilation"
                + (warmQuiet[0] ? "" : " (the JIT was still busy after " + Warmup.EXTRA_ROUNDS + " more rounds)")
                + "; the coordinator's own per-task code warmed up beforehand (" + coordinatorWarmMillis + " ms)");
        Assessment.Pin pin = pin(session, c);
        double wall = results.stream().mapToDouble(Assessment.AlgorithmResult::wallSeconds).sum();
        int tasks = results.stream().mapToInt(r -> r.tasks() - r.failed()).sum();
        double throughput = Throughput.of(tasks, wall);
        double speedup = AssessFigures.speedup(results);
        Assessment.EndToEnd endToEnd = AssessFigures.endToEnd((session.clock().now() - started) / 1e9, measured, controls,
                finalLevels);
        String checkMethod = AssessFigures.checkMethod(c.margins(), ControlPlan.Shares.DEFAULT, order.size());
        Assessment assessment = new Assessment(new Assessment.Plan(c.workers(), c.workersSource(), session.pool().mode(),
                c.repeats(), c.sizes(), "seeded random order of all (size, repeat) tasks on a shared queue", orderSeed),
                new Assessment.Method(warm, pin, CI_METHOD, c.check() == Check.NONE ? "not checked (--no-verify)"
                        : checkMethod, estimate, AssessFigures.heap(session.pool().mode())), results, throughput, speedup,
                AssessFigures.speedupNote(results), coordinator, endToEnd);
        Measured levels = Summaries.measured(session, workloads, null, true);
        Metadata m = Summaries.metadata(session);
        Remarks remarks = Summaries.remarks(session, notes(assessment),
                withCertificationWarnings(Summaries.warnings(session, levels.levels(), m), results));
        return new AssessMeasurement(new AssessResult(Summaries.info(session, true), levels, remarks, assessment, m), assessment,
                measured);
    }

    /**
     * How the workers were pinned: every worker (thread, or worker JVM) pins itself to its slot's CPU with
     * sched_setaffinity; the problems are the pool's events about pins that failed.
     */
    private static Assessment.Pin pin(Session session, AssessConfig c) {
        var cpus = session.cpus();
        List<String> problems = session.pool().events().stream().filter(e -> e.contains("could not") && e.contains("pin"))
                .toList();
        if (!cpus.pins()) {
            return new Assessment.Pin(false, List.of(), "workers not pinned: " + c.pinNote(), problems);
        }
        List<Integer> used = new ArrayList<>();
        for (int i = 0; i < c.workers(); i++) {
            used.add(cpus.cpuOf(i));
        }
        String what = dev.corescope.exec.pin.AffinityPinner.forMode(session.pool().mode()).describe();
        return new Assessment.Pin(true, used, "workers pinned with sched_setaffinity, one CPU per physical core first (" + what
                + "): " + cpus.describe(c.workers()) + "; the one-worker controls run on worker 0 (CPU " + cpus.cpuOf(0)
                + "), the worker --workers 1 would use", problems);
    }

    /** A level that failed its check, or was kept unsettled, is a warning: the numbers may be biased. */
    private static List<String> withCertificationWarnings(List<String> warnings, List<Assessment.AlgorithmResult> results) {
        List<String> out = new ArrayList<>(warnings);
        for (Assessment.AlgorithmResult r : results) {
            String status = r.certification().status();
            if (status.equals(CertifiedRun.Status.FAILED.label) || status.equals(CertifiedRun.Status.NOT_SETTLED.label)) {
                out.add(r.algorithm() + ": " + r.certification().verdict() + ".");
            }
        }
        return out;
    }

    static Assessment.AlgorithmResult analyse(Algo algo, AssessConfig c, CertifiedRun.CertifiedRunResult out) {
        List<SizeStats> stats = new ArrayList<>();
        for (long n : c.sizes()) {
            List<TaskRecord> rs = out.measured().stream().filter(r -> r.size() == n)
                    .sorted(Comparator.comparingInt(TaskRecord::taskIndex)).toList();
            List<TaskRecord> ok = rs.stream().filter(TaskRecord::ok).toList();
            stats.add(SizeStats.of(algo.label(), n, ok.stream().mapToDouble(TaskRecord::wallSeconds).toArray(),
                    ok.stream().mapToInt(r -> AssessTasks.repeatOf(r.taskIndex(), c.repeats())).toArray(),
                    rs.size() - ok.size()));
        }
        Assessment.Fit fit;
        double[] ns = stats.stream().filter(s -> s.count() > 0).mapToDouble(SizeStats::size).toArray();
        double[] ms = stats.stream().filter(s -> s.count() > 0).mapToDouble(SizeStats::mean).toArray();
        try {
            fit = Assessment.Fit.of(ComplexityFit.fit(ns, ms));
        } catch (IllegalArgumentException e) {
            fit = new Assessment.Fit(null, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    "no complexity fit: " + e.getMessage());
        }
        int failed = (int) out.measured().stream().filter(r -> !r.ok()).count();
        int tasks = out.measured().size();
        double wall = out.wallSeconds();
        int controls = (int) out.controls().stream().filter(TaskRecord::ok).count();
        double controlWall = out.controlWallSeconds();
        double throughput = Throughput.of(tasks - failed, wall);
        Assessment.Speed speed = out.certification().speed();
        // a flagged figure is printed with its flag, never as a result (nor judged as one by the sanity layer)
        double speedup = speed == null || speed.flag() != null ? Double.NaN : speed.speedup();
        return new Assessment.AlgorithmResult(algo.label(), algo.spec().text(),
                new Assessment.AlgorithmRun(out.certification().level(), tasks, failed, wall, throughput), stats, fit,
                out.certification(), new Assessment.Controls(controls, controlWall, speedup));
    }

    /** The harness cost and the disturbed tasks of one algorithm's run, a line each. */
    private static List<String> certificationNotes(Assessment.AlgorithmResult r) {
        List<String> out = new ArrayList<>();
        Assessment.Certification c = r.certification();
        if (c == null) {
            return out;
        }
        if (c.harness() != null) {
            Assessment.Harness h = c.harness();
            out.add(String.format(Locale.ROOT, "harness of %s: corescope's own CPU time %.3f s while the workers used %.1f s "
                    + "in the parallel stretches (%.2f%%, worst stretch %.2f%%; the goal is below 1%%)", r.algorithm(),
                    h.coordinatorCpuSeconds(), h.workersCpuSeconds(), 100 * h.share(), 100 * h.worstStretchShare()));
        }
        if (c.disturbed() != null && c.disturbed().parallelTasks() + c.disturbed().controlTasks() > 0) {
            Assessment.Disturbed d = c.disturbed();
            out.add(String.format(Locale.ROOT, "disturbed tasks of %s (%s): %d of %d parallel tasks, %d of %d controls",
                    r.algorithm(), d.rule(), d.parallel(), d.parallelTasks(), d.controls(), d.controlTasks()));
        }
        return out;
    }

    private static List<String> notes(Assessment a) {
        List<String> notes = new ArrayList<>();
        notes.add("workers: " + a.plan().workers() + " (" + a.plan().workersSource() + ")");
        a.algorithms().forEach(r -> notes.add("check of " + r.algorithm() + ": " + r.certification().verdict()));
        notes.add("check: " + a.method().checkMethod());
        notes.add("pinning: " + a.method().pinning().message());
        a.method().pinning().problems().forEach(p -> notes.add("pinning problem: " + p));
        notes.add("warm-up: " + a.method().warmup().tasksPerWorker() + " task(s) per worker per algorithm, sizes "
                + a.method().warmup().sizes() + ", not recorded; " + a.method().warmup().reason());
        notes.add("order: " + a.plan().order() + " (order seed " + a.plan().orderSeed() + "); inputs seeded per (size, repeat)");
        notes.add("95% CI: " + a.method().ciMethod() + "; outliers: Tukey fences (1.5 IQR), flagged and kept");
        notes.add(String.format(Locale.ROOT, "assessment throughput: %.2f tasks/s on %d worker%s", a.throughput(),
                a.plan().workers(), a.plan().workers() == 1 ? "" : "s"));
        notes.add(a.speedupNote());
        if (a.endToEnd() != null) {
            notes.add("end to end: " + a.endToEnd().note());
        }
        if (a.method().heap() != null) {
            notes.add("heap: " + a.method().heap());
        }
        a.algorithms().forEach(r -> notes.addAll(certificationNotes(r)));
        if (a.coordinatorJvm() != null && a.coordinatorJvm().jitMillis() >= 0) {
            notes.add(String.format(Locale.ROOT, "the coordinator's JVM while tasks ran: %d ms of JIT compilation, %d GC(s) "
                    + "(%d ms)%s", a.coordinatorJvm().jitMillis(), a.coordinatorJvm().gcCount(), a.coordinatorJvm().gcMillis(),
                    a.plan().mode() == WorkerMode.THREADS ? ", the workers' compilations included (threads share this JVM)" : ""));
        }
        if (a.method().budget() != null) {
            notes.add(String.format(Locale.ROOT, "budget: estimated %s from the pilot (t ∝ n^%.2f)",
                    Units.human(a.method().budget().seconds()), a.method().budget().exponent()));
        }
        return notes;
    }
}
