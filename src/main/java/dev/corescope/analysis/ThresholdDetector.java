package dev.corescope.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the critical threshold: the largest number of concurrent workers whose per-task wall times are
 * statistically no worse than one worker alone by more than a tolerance.
 *
 * <p>For every level P the statistic is the ratio of medians {@code median(P) / median(1)} with a
 * two-sided percentile bootstrap interval at the configured confidence (both samples resampled
 * independently). A level is {@link Verdict#OK} when the upper bound is ≤ 1 + tolerance, {@link
 * Verdict#WORSE} when the lower bound is &gt; 1 + tolerance, else {@link Verdict#UNSETTLED}. Levels with
 * fewer than {@code minSamples} finite samples (or a baseline that small) are always UNSETTLED.
 *
 * <p>Oversubscription guard: a level whose tasks spend, with the same confidence, more than
 * {@code tolerance / 5} of their wall time in additional run-queue wait (runnable, no CPU free; from
 * the scheduler's counters: bootstrap interval of the difference of mean per-task wait shares) is WORSE
 * even when the slowdown is inside the tolerance: on a C-core machine C+1 workers are only 1/C slower,
 * inside 5% for C &gt; 20, yet every task is time-sliced. Without wait data the ratio alone decides.
 *
 * <p>Distribution mode ({@link #judgingDistributions}, for a user's workload): a level must also pass a
 * {@link DistributionComparison} with the same tolerance and confidence, so its mean and its spread
 * count, not only its median. The spin kernel's threshold judges medians alone, on purpose: it
 * measures how many workers the CPUs can carry, and a rare stall (another process waking up) must not
 * move it; an assessment's numbers are means and standard deviations, so a workload's threshold must
 * keep them clean.
 *
 * <p>Pure and deterministic: each level gets its own RNG stream derived from {@code (seed, workers)}, so
 * a level's interval does not depend on which other levels are present or on their order.
 */
public final class ThresholdDetector {

    public static final double DEFAULT_TOLERANCE = 0.05;
    public static final double DEFAULT_CONFIDENCE = 0.95;
    public static final int DEFAULT_RESAMPLES = 2000;
    public static final long DEFAULT_SEED = 0x5EEDL;
    /** Below this many samples the bootstrap interval is not trusted and the level stays UNSETTLED. */
    public static final int DEFAULT_MIN_SAMPLES = 5;

    private final double tolerance;
    private final double confidence;
    private final int resamples;
    private final long seed;
    private final int minSamples;
    /** Not null in distribution mode: the sd limit and the rest of the criteria. */
    private final DistributionComparison.Criteria distribution;

    /** Defaults: 5% tolerance, 95% confidence, 2000 resamples. */
    public ThresholdDetector() {
        this(DEFAULT_TOLERANCE, DEFAULT_CONFIDENCE, DEFAULT_RESAMPLES, DEFAULT_SEED);
    }

    public ThresholdDetector(double tolerance, double confidence, int resamples, long seed) {
        this(tolerance, confidence, resamples, seed, DEFAULT_MIN_SAMPLES);
    }

    public ThresholdDetector(double tolerance, double confidence, int resamples, long seed, int minSamples) {
        this(tolerance, confidence, resamples, seed, minSamples, Double.NaN);
    }

    private ThresholdDetector(double tolerance, double confidence, int resamples, long seed, int minSamples,
                              double sdLimit) {
        if (!(tolerance >= 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be finite and >= 0: " + tolerance);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
        }
        if (resamples < 100) {
            throw new IllegalArgumentException("resamples must be >= 100: " + resamples);
        }
        if (minSamples < 2) {
            throw new IllegalArgumentException("minSamples must be >= 2: " + minSamples);
        }
        this.tolerance = tolerance;
        this.confidence = confidence;
        this.resamples = resamples;
        this.seed = seed;
        this.minSamples = minSamples;
        this.distribution = Double.isNaN(sdLimit) ? null
                : new DistributionComparison.Criteria(tolerance, sdLimit, confidence, minSamples);
    }

    /** The same detector judging whole distributions: mean, median and sd (the sd within {@code sdLimit}). */
    public ThresholdDetector judgingDistributions(double sdLimit) {
        return new ThresholdDetector(tolerance, confidence, resamples, seed, minSamples, sdLimit);
    }

    public double tolerance() {
        return tolerance;
    }

    public double confidence() {
        return confidence;
    }

    public int resamples() {
        return resamples;
    }

    public long seed() {
        return seed;
    }

    public int minSamples() {
        return minSamples;
    }

    /**
     * Strict mode: UNSETTLED levels stop the threshold (the result is then {@code settled=false} and
     * the adaptive search should sample {@link #levelsNeedingSamples} further).
     *
     * @throws IllegalArgumentException if level 1 is missing or has no finite sample, or a level repeats
     */
    public ThresholdResult detect(List<LevelSample> levels) {
        return evaluate(levels, false);
    }

    /**
     * Budget-exhausted mode: an UNSETTLED level is decided by its point ratio (OK if ≤ 1 + tolerance,
     * else WORSE) and flagged {@code settled=false}.
     */
    public ThresholdResult decide(List<LevelSample> levels) {
        return evaluate(levels, true);
    }

    /** True when the level's verdict is not (yet) backed by its confidence interval. */
    public boolean needsMoreSamples(LevelVerdict v) {
        return v.verdict() == Verdict.UNSETTLED || !v.settled();
    }

    /**
     * The levels whose extra samples could change the threshold: the unsettled levels at or below the
     * first settled WORSE level (levels above a settled WORSE level cannot matter). Sorted ascending.
     */
    public List<Integer> levelsNeedingSamples(ThresholdResult result) {
        List<Integer> out = new ArrayList<>();
        for (LevelVerdict v : result.levels()) {
            if (needsMoreSamples(v)) {
                out.add(v.workers());
            } else if (v.verdict() == Verdict.WORSE) {
                break;
            }
        }
        return out;
    }

    /** Compares one level with the baseline (strict verdict, no decide fallback). */
    public LevelVerdict compare(LevelSample base, LevelSample level) {
        double[] b = Samples.finite(base.wallSeconds());
        Arrays.sort(b);
        return verdictOf(b, base.waitShares(), level);
    }

    private ThresholdResult evaluate(List<LevelSample> levels, boolean decide) {
        if (levels == null || levels.isEmpty()) {
            throw new IllegalArgumentException("no levels");
        }
        List<LevelSample> sorted = new ArrayList<>(levels);
        sorted.sort(Comparator.comparingInt(LevelSample::workers));
        Set<Integer> seen = new HashSet<>();
        for (LevelSample s : sorted) {
            if (!seen.add(s.workers())) {
                throw new IllegalArgumentException("level " + s.workers() + " appears more than once");
            }
        }
        LevelSample base = sorted.get(0);
        if (base.workers() != 1) {
            throw new IllegalArgumentException("levels must include workers=1 (the baseline)");
        }
        double[] b = Samples.finite(base.wallSeconds());
        if (b.length == 0) {
            throw new IllegalArgumentException("the workers=1 level has no finite wall time");
        }
        Arrays.sort(b);

        List<LevelVerdict> verdicts = new ArrayList<>(sorted.size());
        for (LevelSample s : sorted) {
            LevelVerdict v = verdictOf(b, base.waitShares(), s);
            if (decide && v.verdict() == Verdict.UNSETTLED) {
                boolean ok = v.ratio() <= 1 + tolerance // NaN -> not OK
                        && (v.distribution() == null || v.distribution().decided(distribution).verdict() == Verdict.OK);
                v = v.with(ok ? Verdict.OK : Verdict.WORSE, false);
            }
            verdicts.add(v);
        }

        int threshold = 1;
        boolean settled = true;
        for (LevelVerdict v : verdicts) {
            settled &= v.settled() && v.verdict() != Verdict.UNSETTLED;
            if (v.verdict() != Verdict.OK) {
                break;
            }
            threshold = v.workers();
        }
        UslFit usl = UslFit.fit(sorted);
        Knee knee = Knee.of(sorted);
        return new ThresholdResult(threshold, verdicts, knee, usl, settled);
    }

    private LevelVerdict verdictOf(double[] sortedBase, double[] baseWait, LevelSample level) {
        double[] x = Samples.finite(level.wallSeconds());
        SampleStats st = SampleStats.of(x);
        Arrays.sort(x);
        double ratio = Samples.medianOfSorted(x, x.length) / Samples.medianOfSorted(sortedBase, sortedBase.length);
        double[] ci = x.length == 0
                ? new double[] {Double.NaN, Double.NaN}
                : bootstrapRatioInterval(sortedBase, x, streamSeed(level.workers()));
        Verdict verdict;
        boolean settled;
        if (level.workers() == 1) {
            verdict = Verdict.OK;       // the baseline is OK by definition
            settled = true;
            ratio = 1.0;
        } else if (x.length < minSamples || sortedBase.length < minSamples
                || !Double.isFinite(ci[0]) || !Double.isFinite(ci[1])) {
            verdict = Verdict.UNSETTLED;
            settled = false;
        } else if (extraWaitLowerBound(baseWait, level, streamSeed(-level.workers())) > tolerance / 5) {
            verdict = Verdict.WORSE;      // slower, and the slowdown is time-slicing: oversubscribed
            settled = true;
        } else if (ci[1] <= 1 + tolerance) {
            verdict = Verdict.OK;
            settled = true;
        } else if (ci[0] > 1 + tolerance) {
            verdict = Verdict.WORSE;
            settled = true;
        } else {
            verdict = Verdict.UNSETTLED;
            settled = false;
        }
        DistributionComparison d = null;
        if (distribution != null && level.workers() > 1) {
            d = DistributionComparison.of(x, sortedBase, distribution, streamSeed(1000 + level.workers()));
            if (verdict != Verdict.WORSE && d.verdict() == Verdict.WORSE) {
                verdict = Verdict.WORSE;
                settled = true;
            } else if (verdict == Verdict.OK && d.verdict() != Verdict.OK) {
                verdict = Verdict.UNSETTLED;
                settled = false;
            }
        }
        return new LevelVerdict(level.workers(), st.n(), st.mean(), st.sd(), st.median(), st.cv(),
                ratio, ci[0], ci[1], verdict, settled, d);
    }

    /**
     * Lower bound (at the configured confidence, one-sided like the ratio's) of mean wait share of the
     * level minus that of the baseline; -Infinity when either was not measured or is too small.
     */
    private double extraWaitLowerBound(double[] base, LevelSample level, long streamSeed) {
        double[] w = level.waitShares();
        if (w.length < minSamples || base.length < minSamples) {
            return Double.NEGATIVE_INFINITY;
        }
        return Bootstrap.low(Bootstrap.draws(resamples, streamSeed,
                rng -> Bootstrap.mean(w, rng) - Bootstrap.mean(base, rng)), confidence);
    }

    private long streamSeed(int workers) {
        long z = seed + 0x9E3779B97F4A7C15L * (workers + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Two-sided percentile bootstrap interval of median(level)/median(base), both samples resampled
     * independently with replacement. For workers=1 (level == base data) this is the "noise floor":
     * the interval one gets comparing the baseline with itself.
     */
    double[] bootstrapRatioInterval(double[] base, double[] level, long streamSeed) {
        double[] bufB = new double[base.length];
        double[] bufL = new double[level.length];
        return Bootstrap.interval(Bootstrap.draws(resamples, streamSeed,
                rng -> {
                    double mb = Bootstrap.median(base, bufB, rng);
                    return Bootstrap.median(level, bufL, rng) / mb;
                }), confidence);
    }
}
