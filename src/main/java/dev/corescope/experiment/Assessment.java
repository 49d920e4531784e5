package dev.corescope.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.corescope.analysis.BudgetEstimate;
import dev.corescope.analysis.ComplexityResult;
import dev.corescope.analysis.DistributionComparison;
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
                         double throughput, double speedup, String speedupNote, JvmActivity coordinatorJvm) {
    public Assessment {
        algorithms = algorithms == null ? List.of() : List.copyOf(algorithms);
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

    /** How it was measured: the warm-up, the pinning, the CI, the check against one worker, the budget. */
    public record Method(Warm warmup, Pin pinning, String ciMethod, String checkMethod, BudgetEstimate budget) {
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
     * One level tried for an algorithm: its tasks, the one-worker controls compared with them, whether
     * the attempt was stopped early (clearly worse), and the comparison.
     */
    public record Attempt(int level, int tasks, int controls, boolean stoppedEarly, DistributionComparison comparison) {
    }

    /**
     * The proof attached to an algorithm's numbers: {@code status} (certified, kept not settled, lowered,
     * not certified, not checked, one worker), the level asked for and the one measured, every attempt,
     * and the one-line verdict.
     */
    public record Certification(String status, int requested, int level, List<Attempt> attempts, String verdict) {
        public Certification {
            attempts = attempts == null ? List.of() : List.copyOf(attempts);
        }
    }

    /**
     * One algorithm's result: its statistics per size, its complexity fit, the certification of its level,
     * how it ran and how it compares with its one-worker controls. The groups are nested here and flat in
     * the JSON; {@code verify} is only read (the one-worker phase of older versions).
     */
    public record AlgorithmResult(String algorithm, String workload, @JsonUnwrapped Run run, List<SizeStats> sizes,
                                  Fit fit, Certification certification, @JsonUnwrapped Controls against,
                                  @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Verification> verify) {
        public AlgorithmResult {
            run = run != null ? run : new Run(0, 0, 0, Double.NaN, Double.NaN);
            against = against != null ? against : new Controls(0, Double.NaN, Double.NaN);
            sizes = sizes == null ? List.of() : List.copyOf(sizes);
            verify = verify == null ? List.of() : List.copyOf(verify);
        }

        public AlgorithmResult(String algorithm, String workload, Run run, List<SizeStats> sizes, Fit fit,
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
    public record Run(int workers, int tasks, int failed, double wallSeconds, double throughput) {
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
