package dev.corescope.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.corescope.analysis.BudgetEstimate;
import dev.corescope.analysis.ComplexityResult;
import dev.corescope.analysis.DistributionComparison;
import dev.corescope.analysis.Equivalence;
import dev.corescope.analysis.ModelFit;
import dev.corescope.analysis.SizeStats;
import dev.corescope.exec.JvmActivity;
import dev.corescope.exec.WorkerMode;
import java.util.List;

/**
 * What {@code assess} found, the {@code analysis} of its summary: the plan (workers and where that
 * number came from, mode, repeats, sizes, task order), the method (warm-up, pinning, the CI and the
 * check against one worker, the budget estimate), and per algorithm its statistics, fit and
 * certification, with the run's throughput and speedup over one worker. The groups are nested here and
 * flat in the JSON.
 */
public record Assessment(@JsonUnwrapped Plan plan, @JsonUnwrapped Method method, List<AlgorithmResult> algorithms,
                         double throughput, double speedup, String speedupNote, JvmActivity coordinatorJvm,
                         EndToEnd endToEnd) {
    public Assessment {
        algorithms = algorithms == null ? List.of() : List.copyOf(algorithms);
    }

    /** Without the end-to-end figure (older summaries, tests). */
    public Assessment(Plan plan, Method method, List<AlgorithmResult> algorithms, double throughput, double speedup,
                      String speedupNote, JvmActivity coordinatorJvm) {
        this(plan, method, algorithms, throughput, speedup, speedupNote, coordinatorJvm, null);
    }

    /**
     * The whole command against one worker: this run's wall time from its first task to its last (warm-up,
     * controls, fillers, drains, extensions and abandoned levels included) and the time the same measured
     * tasks take on one worker alone, estimated from the controls' rate; {@code ratio} = wall / one worker.
     */
    public record EndToEnd(double wallSeconds, double oneWorkerSeconds, double ratio, String note) {
    }

    /**
     * What was run: {@code workers} concurrent workers ({@code workersSource} says why), in {@code mode},
     * {@code repeats} tasks per size, in {@code order} (seeded by {@code orderSeed}).
     */
    public record Plan(int workers, String workersSource, WorkerMode mode, int repeats, List<Long> sizes, String order,
                       long orderSeed) {
        public Plan {
            sizes = sizes == null ? List.of() : List.copyOf(sizes);
        }
    }

    /**
     * How it was measured: the warm-up, the pinning, the CI, the check against one worker, the budget, and
     * whether the workers share a heap (threads) or each has its own (worker JVMs), with the reason.
     */
    public record Method(Warm warmup, Pin pinning, String ciMethod, String checkMethod, BudgetEstimate budget,
                         String heap) {
        public Method(Warm warmup, Pin pinning, String ciMethod, String checkMethod, BudgetEstimate budget) {
            this(warmup, pinning, ciMethod, checkMethod, budget, null);
        }
    }

    /**
     * The complexity fit of one algorithm (null fields when fewer than 3 sizes were measured): the chosen model
     * ({@code bestModel}, with its {@code shape}: the power law's exponent or the exponential's base), its R² of ln t,
     * constant and intercept, the free log-log power law, and the model's {@code check} (cross-validated error,
     * worst residual, curvature). {@code noModelFits}: no model passed the checks, and {@code bestModel} is only the
     * closest candidate. Summaries of earlier versions have neither (their R² is on the seconds scale).
     */
    public record Fit(String bestModel, double rSquared, double constant, double intercept, double powerExponent,
                      double powerConstant, double powerRSquared, String note, double shape, boolean noModelFits,
                      ModelFit.Check check) {
        /** A fit without the checks (earlier versions, or no fit with {@code note}). */
        public Fit(String bestModel, double rSquared, double constant, double intercept, double powerExponent,
                   double powerConstant, double powerRSquared, String note) {
            this(bestModel, rSquared, constant, intercept, powerExponent, powerConstant, powerRSquared, note, Double.NaN,
                    false, null);
        }

        public static Fit of(ComplexityResult r) {
            ModelFit b = r.best();
            return new Fit(b.name(), b.check().rSquared(), b.constant(), b.intercept(), r.powerExponent(),
                    r.powerConstant(), r.powerRSquared(), null, b.shape(), !r.fits(), b.check());
        }

        /** Whether a fit was computed (3 sizes or more). */
        public boolean fitted() {
            return bestModel != null;
        }

        /** Whether a model fits: computed, and not "no model fits". */
        public boolean fits() {
            return fitted() && !noModelFits;
        }

        /** The model with its exponent or base, e.g. {@code O(n log n)}, {@code O(1.62^n)}. */
        public String label() {
            return fitted() ? ModelFit.label(bestModel, shape) : null;
        }

        /** Seconds predicted by the chosen model. */
        public double predict(double n) {
            return fitted() ? ModelFit.predict(bestModel, constant, intercept, shape, n) : Double.NaN;
        }
    }

    /**
     * One level tried for an algorithm: its parallel tasks (extensions included) and the one-worker controls
     * compared with them, whether the attempt was stopped early (clearly different), the equivalence test
     * ({@code comparison}: the distribution comparison of older versions, read only), in how many blocks, how
     * many tasks the extensions added, how many looks were taken, and how full the level's workers were while
     * its measured tasks ran (1 = all of them busy all the time).
     */
    public record Attempt(int level, int tasks, int controls, boolean stoppedEarly,
                          @JsonInclude(JsonInclude.Include.NON_NULL) DistributionComparison comparison,
                          Equivalence equivalence, int blocks, int extended, int looks, double occupancy) {
        /** An attempt of the versions before the equivalence test. */
        public Attempt(int level, int tasks, int controls, boolean stoppedEarly, DistributionComparison comparison) {
            this(level, tasks, controls, stoppedEarly, comparison, null, 0, 0, 0, Double.NaN);
        }
    }

    /**
     * The proof attached to an algorithm's numbers: {@code status} (certified, not settled, lowered, not
     * certified, not checked, one worker), the level asked for and the one measured, every attempt, the
     * one-line verdict, the speedup measured at the level, what the harness cost, and the disturbed tasks.
     */
    public record Certification(String status, int requested, int level, List<Attempt> attempts, String verdict,
                                Speed speed, Harness harness, Disturbed disturbed) {
        public Certification {
            attempts = attempts == null ? List.of() : List.copyOf(attempts);
        }

        public Certification(String status, int requested, int level, List<Attempt> attempts, String verdict) {
            this(status, requested, level, attempts, verdict, null, null, null);
        }
    }

    /**
     * Speed at the level against one worker: {@code speedup} = (parallel work / parallel wall) ÷ (control work /
     * control wall), with its 95% block-bootstrap interval. Work counts each task as its size's typical time, so
     * that parallel tasks and controls of different sizes compare (work in seconds: the sum of those times); a
     * wall is the time the level's workers spent on the measured tasks divided by the workers (they ran at full
     * occupancy), the controls' their own. {@code flag} says why the figure cannot be relied on (a speedup above
     * the workers: the parallel tasks ran faster than one worker alone), null when it can.
     */
    public record Speed(double speedup, double low, double high, int workers, int parallelTasks,
                        double parallelWorkSeconds, double parallelWallSeconds, int controls, double controlWorkSeconds,
                        double controlWallSeconds, @JsonInclude(JsonInclude.Include.NON_NULL) String flag) {
        /** The speedup and its interval, e.g. {@code 1.96x [1.90, 2.02]}, flagged when physics rules it out. */
        public String text() {
            return String.format(java.util.Locale.ROOT, "%.2fx [%.2f, %.2f]", speedup, low, high)
                    + (flag == null ? "" : " (flagged: " + flag + ")");
        }
    }

    /**
     * What the harness cost while the level's parallel stretches ran: corescope's own CPU time (the
     * coordinator: this process minus the thread workers' CPU), the workers' CPU time (measured tasks and
     * fillers), their ratio over all stretches and in the worst one, and the coordinator JVM's JIT and GC then.
     */
    public record Harness(double coordinatorCpuSeconds, double workersCpuSeconds, double share, double worstStretchShare,
                          int stretches, long jitMillis, long gcCount, long gcMillis) {
    }

    /**
     * Tasks whose run-queue wait exceeded the limit ({@code rule}), among the level's parallel tasks and among
     * its controls: something else ran on their CPU while they were timed.
     */
    public record Disturbed(int parallel, int parallelTasks, int controls, int controlTasks, String rule) {
    }

    /**
     * One algorithm's result: its statistics per size, its complexity fit, the certification of its level,
     * how it ran and how it compares with its one-worker controls. The groups are nested here and flat in
     * the JSON; {@code verify} is only read (the one-worker phase of older versions).
     */
    public record AlgorithmResult(String algorithm, String workload, @JsonUnwrapped AlgorithmRun run, List<SizeStats> sizes,
                                  Fit fit, Certification certification, @JsonUnwrapped Controls against,
                                  @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Verification> verify) {
        public AlgorithmResult {
            run = run != null ? run : new AlgorithmRun(0, 0, 0, Double.NaN, Double.NaN);
            against = against != null ? against : new Controls(0, Double.NaN, Double.NaN);
            sizes = sizes == null ? List.of() : List.copyOf(sizes);
            verify = verify == null ? List.of() : List.copyOf(verify);
        }

        public AlgorithmResult(String algorithm, String workload, AlgorithmRun run, List<SizeStats> sizes, Fit fit,
                               Certification certification, Controls against) {
            this(algorithm, workload, run, sizes, fit, certification, against, List.of());
        }

        public int workers() {
            return run.workers();
        }

        public int tasks() {
            return run.tasks();
        }

        public int failed() {
            return run.failed();
        }

        public double wallSeconds() {
            return run.wallSeconds();
        }

        public double throughput() {
            return run.throughput();
        }

        public int controls() {
            return against.controls();
        }

        public double controlWallSeconds() {
            return against.controlWallSeconds();
        }

        public double speedup() {
            return against.speedup();
        }
    }

    /**
     * How an algorithm ran: the level its statistics were measured at, its tasks (failed ones among them),
     * the wall time of its batches (controls and any abandoned level included) and its throughput.
     */
    public record AlgorithmRun(int workers, int tasks, int failed, double wallSeconds, double throughput) {
    }

    /**
     * Its one-worker controls: how many completed, in how much wall time, and the speedup of the run over
     * one worker's throughput measured on them (NaN without controls).
     */
    public record Controls(int controls, double controlWallSeconds, double speedup) {
    }

    /**
     * The separate one-worker phase of {@code --verify} before the in-run certification (issue 10), per
     * size: read from the summaries of those versions, never written now.
     */
    public record Verification(long size, Ratios ratios) {
    }

    /** Parallel against one worker, as that phase measured it: counts, mean and sd ratios with their CIs. */
    public record Ratios(int parallelCount, int singleCount, double meanRatio, double meanRatioLow, double meanRatioHigh,
                         double sdRatio, double sdRatioLow, double sdRatioHigh) {
    }

    public record Warm(int tasksPerWorker, List<Long> sizes, int failed, String reason) {
    }

    public record Pin(boolean pinned, List<Integer> cpus, String message, List<String> problems) {
    }
}
