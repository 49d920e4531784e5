package dev.corescope.experiment;

import dev.corescope.analysis.ComplexityFit;
import dev.corescope.analysis.ComplexityResult;
import dev.corescope.exec.BatchPlan;
import dev.corescope.exec.BatchResult;
import dev.corescope.exec.Strategy;
import dev.corescope.exec.TaskRecord;
import dev.corescope.report.Progress;
import dev.corescope.workload.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code corescope assess}: every (size, repeat) task of each algorithm on {@code workers} concurrent
 * workers pulling from one queue, in a seeded random order, after a per-worker warm-up; per-size
 * statistics, a complexity fit, throughput; optionally the same tasks (a sample) on one worker to show
 * that running in parallel added no bias and no noise.
 */
public final class AssessExperiment {
    public static final String ASSESS = "assess";
    public static final String VERIFY = "verify";
    public static final String PILOT = "pilot";
    public static final String CI_METHOD = "two-sided 95% Student-t interval of the mean: mean ± t(0.975, n-1)·sd/√n";

    private AssessExperiment() {
    }

    /** One algorithm to assess: its label (e.g. {@code matmul-naive}) and the spec the workers run. */
    public record Algo(String label, WorkloadSpec spec) {
    }

    public record Config(List<Algo> algorithms, List<Long> sizes, int repeats, int workers, String workersSource,
                         int warmup, String warmupReason, boolean verify, int verifyRepeats, Duration budget,
                         Pinning pinning) {
        public Config {
            algorithms = List.copyOf(algorithms);
            sizes = List.copyOf(sizes);
        }
    }

    /** The complexity fit of one algorithm (null fields when fewer than 3 sizes were measured). */
    public record Fit(String bestModel, double rSquared, double constant, double intercept, double powerExponent,
                      double powerConstant, double powerRSquared, String note) {
        static Fit of(ComplexityResult r) {
            return new Fit(r.best().name(), r.best().rSquared(), r.best().constant(), r.best().intercept(),
                    r.powerExponent(), r.powerConstant(), r.powerRSquared(), null);
        }

        public boolean fitted() {
            return bestModel != null;
        }

        /** Seconds predicted by the best fixed model. */
        public double predict(double n) {
            if (!fitted()) {
                return Double.NaN;
            }
            double f = switch (bestModel) {
                case "O(n)" -> n;
                case "O(n log n)" -> n * Math.log(n);
                case "O(n^2)" -> n * n;
                default -> n * n * n;
            };
            return intercept + constant * f;
        }
    }

    public record VerifyRow(long size, RatioStats ratios) {
    }

    public record AlgorithmResult(String algorithm, String workload, int tasks, int failed, double wallSeconds,
                                  double throughput, List<SizeStats> sizes, Fit fit, int singleTasks,
                                  double singleWallSeconds, double speedup, List<VerifyRow> verify) {
    }

    public record Warm(int tasksPerWorker, List<Long> sizes, int failed, String reason) {
    }

    public record Pin(boolean pinned, List<Integer> cpus, String message, List<String> problems) {
    }

    /** The experiment-specific part of {@code summary.json}. */
    public record Assessment(int workers, String workersSource, String mode, int repeats, List<Long> sizes,
                             String order, long orderSeed, Warm warmup, Pin pinning, String ciMethod,
                             BudgetEstimate budget, List<AlgorithmResult> algorithms, double throughput,
                             double speedup, String speedupNote) {
    }

    public record Outcome(RunSummary summary, Assessment assessment) {
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

    public static Outcome run(Session session, Config c, Progress progress) {
        String workloads = String.join(", ", c.algorithms().stream().map(Algo::label).toList());
        session.onInterrupt(() -> Summaries.of(session, workloads, null, false, List.of(), null));
        long base = session.settings().seed();
        long orderSeed = base * 31 + 7;
        var pool = session.pool();
        pool.ensure(c.workers());
        c.pinning().apply(pool, c.workers());

        BudgetEstimate estimate = c.budget() == null ? null : pilot(session, c, base);

        List<AlgorithmResult> results = new ArrayList<>();
        int warmFailed = 0;
        List<Long> warmSizes = new ArrayList<>();
        for (int i = 0; i < c.warmup(); i++) {
            warmSizes.add(c.sizes().get(i % c.sizes().size()));
        }
        List<TaskInput> all = AssessTasks.inOrder(c.sizes(), c.repeats(), c.repeats(), base);
        List<TaskInput> order = AssessTasks.shuffled(all, orderSeed);
        List<TaskInput> sample = c.verify()
                ? AssessTasks.shuffled(AssessTasks.inOrder(c.sizes(), c.repeats(), c.verifyRepeats(), base), orderSeed)
                : List.of();
        for (int a = 0; a < c.algorithms().size(); a++) {
            Algo algo = c.algorithms().get(a);
            for (long size : warmSizes) {
                warmFailed += Warmup.run(pool, c.workers(), algo.spec(), size, 1);
            }
            progress.step(algo.label() + ": warm-up done");
            c.pinning().apply(pool, c.workers());
            BatchResult par = session.run(new BatchPlan(ASSESS + "/" + algo.label(), c.workers(), a, algo.spec(), order,
                    Strategy.QUEUE));
            BatchResult one = null;
            if (c.verify()) {
                c.pinning().apply(pool, 1);
                one = session.run(new BatchPlan(VERIFY + "/" + algo.label(), 1, a, algo.spec(), sample, Strategy.QUEUE));
            }
            results.add(analyse(algo, c, par, one, base));
        }
        Warm warm = new Warm(c.warmup(), warmSizes, warmFailed, c.warmupReason());
        Pinning.Plan plan = c.pinning().plan();
        Pin pin = new Pin(plan.pinned(), plan.cpus(), plan.message(), c.pinning().problems());
        double wall = results.stream().mapToDouble(AlgorithmResult::wallSeconds).sum();
        int tasks = results.stream().mapToInt(AlgorithmResult::tasks).sum();
        double throughput = wall > 0 ? tasks / wall : Double.NaN;
        double speedup = Double.NaN;
        String speedupNote;
        if (c.verify()) {
            double singleWall = results.stream().mapToDouble(AlgorithmResult::singleWallSeconds).sum();
            int singleTasks = results.stream().mapToInt(AlgorithmResult::singleTasks).sum();
            speedup = singleWall > 0 && singleTasks > 0 ? throughput / (singleTasks / singleWall) : Double.NaN;
            speedupNote = String.format(Locale.ROOT, "speedup over one worker: %.2fx (%d workers; throughput %.2f vs "
                    + "%.2f tasks/s on the same task mix on one worker)", speedup, c.workers(), throughput,
                    singleTasks / singleWall);
        } else {
            speedupNote = "speedup over one worker not measured (run with --verify to measure it)";
        }
        Assessment assessment = new Assessment(c.workers(), c.workersSource(), session.pool().mode(), c.repeats(),
                c.sizes(), "seeded random order of all (size, repeat) tasks on a shared queue", orderSeed, warm, pin,
                CI_METHOD, estimate, results, throughput, speedup, speedupNote);
        RunSummary s = Summaries.of(session, workloads, null, true, notes(assessment), assessment);
        return new Outcome(s, assessment);
    }

    /** Runs the pilot (recorded) and refuses the plan when its estimate exceeds the budget. */
    private static BudgetEstimate pilot(Session session, Config c, long base) {
        List<Long> sorted = c.sizes().stream().sorted().toList();
        List<Long> pilotSizes = sorted.subList(0, Math.min(3, sorted.size()));
        int perSize = 3;
        double total = 0;
        BudgetEstimate worst = null;
        for (int a = 0; a < c.algorithms().size(); a++) {
            Algo algo = c.algorithms().get(a);
            Warmup.run(session.pool(), 1, algo.spec(), pilotSizes.get(0), 1);
            List<TaskInput> tasks = new ArrayList<>();
            for (long n : pilotSizes) {
                int s = c.sizes().indexOf(n);
                for (int r = 0; r < perSize; r++) {
                    tasks.add(new TaskInput(s * c.repeats() + r, n, AssessTasks.seed(base, n, r)));
                }
            }
            BatchResult b = session.run(new BatchPlan(PILOT + "/" + algo.label(), 1, a, algo.spec(), tasks, Strategy.QUEUE));
            double[] ns = new double[pilotSizes.size()];
            double[] med = new double[pilotSizes.size()];
            for (int i = 0; i < pilotSizes.size(); i++) {
                long n = pilotSizes.get(i);
                ns[i] = n;
                med[i] = dev.corescope.analysis.SampleStats.of(b.records().stream().filter(r -> r.ok() && r.size() == n)
                        .mapToDouble(TaskRecord::wallSeconds).toArray()).median();
            }
            if (java.util.Arrays.stream(med).anyMatch(m -> !(m > 0))) {
                throw new OverBudget("cannot estimate the plan's time: pilot tasks of " + algo.label() + " failed", null);
            }
            BudgetEstimate e = BudgetEstimate.of(ns, med, c.sizes(), c.repeats(), c.workers(), c.warmup(),
                    c.verify() ? c.verifyRepeats() : 0);
            total += e.seconds();
            if (worst == null || e.seconds() > worst.seconds()) {
                worst = e;
            }
        }
        BudgetEstimate estimate = new BudgetEstimate(total, worst.exponent(), worst.constant(), worst.pilotSizes());
        double budget = c.budget().toNanos() / 1e9;
        if (total > budget) {
            throw new OverBudget(String.format(Locale.ROOT, "plan refused: estimated %s exceeds --budget %s "
                    + "(pilot on sizes %s, fitted t ∝ n^%.2f); use fewer sizes or repeats, or a larger budget",
                    human(total), human(budget), pilotSizes, worst.exponent()), estimate);
        }
        return estimate;
    }

    static String human(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", (long) seconds / 60, (long) seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm", (long) seconds / 3600, ((long) seconds % 3600) / 60);
    }

    static AlgorithmResult analyse(Algo algo, Config c, BatchResult par, BatchResult one, long base) {
        List<SizeStats> stats = new ArrayList<>();
        List<VerifyRow> verify = new ArrayList<>();
        for (long n : c.sizes()) {
            List<TaskRecord> rs = par.records().stream().filter(r -> r.size() == n)
                    .sorted(Comparator.comparingInt(TaskRecord::taskIndex)).toList();
            List<TaskRecord> ok = rs.stream().filter(TaskRecord::ok).toList();
            stats.add(SizeStats.of(algo.label(), n, ok.stream().mapToDouble(TaskRecord::wallSeconds).toArray(),
                    ok.stream().mapToInt(r -> AssessTasks.repeatOf(r.taskIndex(), c.repeats())).toArray(),
                    rs.size() - ok.size()));
            if (one != null) {
                Map<Integer, Double> single = new TreeMap<>();
                one.records().stream().filter(r -> r.ok() && r.size() == n)
                        .forEach(r -> single.put(r.taskIndex(), r.wallSeconds()));
                double[] p = ok.stream().filter(r -> single.containsKey(r.taskIndex()))
                        .mapToDouble(TaskRecord::wallSeconds).toArray();
                double[] s = single.values().stream().mapToDouble(Double::doubleValue).toArray();
                verify.add(new VerifyRow(n, RatioStats.of(p, s, base ^ n)));
            }
        }
        Fit fit;
        double[] ns = stats.stream().filter(s -> s.count() > 0).mapToDouble(SizeStats::size).toArray();
        double[] ms = stats.stream().filter(s -> s.count() > 0).mapToDouble(SizeStats::mean).toArray();
        try {
            fit = Fit.of(ComplexityFit.fit(ns, ms));
        } catch (IllegalArgumentException e) {
            fit = new Fit(null, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    "no complexity fit: " + e.getMessage());
        }
        int failed = (int) par.failures();
        double wall = par.wallSeconds();
        int tasks = par.records().size();
        double singleWall = one == null ? Double.NaN : one.wallSeconds();
        int singleTasks = one == null ? 0 : one.records().size();
        double speedup = one == null || singleWall <= 0 ? Double.NaN : (tasks / wall) / (singleTasks / singleWall);
        return new AlgorithmResult(algo.label(), algo.spec().text(), tasks, failed, wall, wall > 0 ? tasks / wall : Double.NaN,
                stats, fit, singleTasks, singleWall, speedup, verify);
    }

    private static List<String> notes(Assessment a) {
        List<String> notes = new ArrayList<>();
        notes.add("workers: " + a.workers() + " (" + a.workersSource() + ")");
        notes.add("pinning: " + a.pinning().message());
        a.pinning().problems().forEach(p -> notes.add("pinning problem: " + p));
        notes.add("warm-up: " + a.warmup().tasksPerWorker() + " task(s) per worker per algorithm, sizes "
                + a.warmup().sizes() + ", not recorded; " + a.warmup().reason());
        notes.add("order: " + a.order() + " (order seed " + a.orderSeed() + "); inputs seeded per (size, repeat)");
        notes.add("95% CI: " + a.ciMethod() + "; outliers: Tukey fences (1.5 IQR), flagged and kept");
        notes.add(String.format(Locale.ROOT, "assessment throughput: %.2f tasks/s on %d workers", a.throughput(),
                a.workers()));
        notes.add(a.speedupNote());
        if (a.budget() != null) {
            notes.add(String.format(Locale.ROOT, "budget: estimated %s from the pilot (t ∝ n^%.2f)",
                    human(a.budget().seconds()), a.budget().exponent()));
        }
        return notes;
    }
}
