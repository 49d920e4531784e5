package dev.corescope.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the critical threshold: the largest number of concurrent workers whose tasks are statistically no
 * worse than one worker alone by more than a tolerance, judged by the worst-off worker.
 *
 * <p>A level is judged by its most-affected worker ({@link LevelJudgement}): each worker's task time (the
 * 20% trimmed mean of its rounds) over one worker's, with an interval from a bootstrap that resamples
 * rounds ({@link WorstOff}): the upper bound is every worker's own (all must be within the tolerance), the
 * lower bound simultaneous over the P workers (the largest of P equal workers is above the rest by chance). A level is
 * {@link Verdict#OK} when the upper bound is ≤ 1 + tolerance, {@link Verdict#WORSE} when the lower bound
 * is &gt; 1 + tolerance, or when its tasks are measurably slower at all and the extra time is run-queue wait
 * beyond {@code tolerance / 5} of their wall time (time-slicing); else {@link Verdict#UNSETTLED}. Pinned
 * workers past the CPUs slow only the tasks that share a CPU; the median of all tasks never sees them, the
 * worst-off worker does.
 *
 * <p>{@link #detect} and {@link #decide} look once at every level (the fixed-sample design, at the
 * configured confidence); investigate looks repeatedly and tests each look at the level its
 * group-sequential design spends ({@link SpendingDesign}, {@link #judge}), then assembles its frozen verdicts with
 * {@link #result}. A level still unsettled when the budget ends is not OK ({@link #decide}).
 *
 * <p>With a cap ({@link #capped}): a CPU-bound threshold, and the throughput knee, never exceed the
 * effective CPUs rounded down; when the levels alone would say more, the cap decides and says so.
 *
 * <p>Distribution mode ({@link #judgingDistributions}, for a user's workload): a level must also pass a
 * {@link DistributionComparison} with the same tolerance, so its mean and its spread count, not only its
 * median.
 *
 * <p>Pure and deterministic: each level gets its own RNG stream derived from {@code (seed, workers)}.
 */
public final class ThresholdDetector {

    public static final double DEFAULT_TOLERANCE = 0.05;
    public static final double DEFAULT_CONFIDENCE = 0.95;
    public static final int DEFAULT_RESAMPLES = 2000;
    public static final long DEFAULT_SEED = 0x5EEDL;
    /** Below this many rounds (at the level or the baseline) the level stays UNSETTLED. */
    public static final int DEFAULT_MIN_SAMPLES = 5;

    private final double tolerance;
    private final double confidence;
    private final int resamples;
    private final long seed;
    private final int minSamples;
    /** Not null in distribution mode: the sd limit and the rest of the criteria. */
    private final DistributionComparison.Criteria distribution;
    /** Not null with a cap: the most workers, and why. */
    private final ThresholdResult.Cap cap;

    /** Defaults: 5% tolerance, 95% confidence, 2000 resamples. */
    public ThresholdDetector() {
        this(DEFAULT_TOLERANCE, DEFAULT_CONFIDENCE, DEFAULT_RESAMPLES, DEFAULT_SEED);
    }

    public ThresholdDetector(double tolerance, double confidence, int resamples, long seed) {
        this(tolerance, confidence, resamples, seed, DEFAULT_MIN_SAMPLES);
    }

    public ThresholdDetector(double tolerance, double confidence, int resamples, long seed, int minSamples) {
        this(tolerance, confidence, resamples, seed, minSamples, null, null);
    }

    private ThresholdDetector(double tolerance, double confidence, int resamples, long seed, int minSamples,
                              DistributionComparison.Criteria distribution, ThresholdResult.Cap cap) {
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
        this.distribution = distribution;
        this.cap = cap;
    }

    /** The same detector judging whole distributions: mean, median and sd (the sd within {@code sdLimit}). */
    public ThresholdDetector judgingDistributions(double sdLimit) {
        return new ThresholdDetector(tolerance, confidence, resamples, seed, minSamples,
                new DistributionComparison.Criteria(tolerance, sdLimit, confidence, minSamples), cap);
    }

    /**
     * The same detector with the CPUs' cap: the threshold and the knee are at most {@code workers}
     * ({@code why}, e.g. "a CPU quota of 12.50 CPUs"); {@code workers < 1}: no cap.
     */
    public ThresholdDetector capped(int workers, String why) {
        return new ThresholdDetector(tolerance, confidence, resamples, seed, minSamples, distribution,
                workers < 1 ? null : new ThresholdResult.Cap(workers, why, false, workers, false));
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

    /** The cap, or -1. */
    public int cap() {
        return cap == null ? -1 : cap.workers();
    }

    /**
     * Strict mode: one look at every level; UNSETTLED levels stop the threshold (the result is then
     * {@code settled=false} and more rounds may settle them).
     *
     * @throws IllegalArgumentException if level 1 is missing or has no finite sample, or a level repeats
     */
    public ThresholdResult detect(List<LevelSample> levels) {
        return evaluate(levels, false);
    }

    /**
     * Budget-exhausted mode: one look at every level, and an UNSETTLED level is not OK: it becomes WORSE,
     * flagged {@code settled=false}, and stops the threshold.
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

    /** Compares one level with the baseline: one look at the configured confidence. */
    public LevelVerdict compare(LevelSample base, LevelSample level) {
        return judge(base, level, SpendingDesign.single(confidence));
    }

    /**
     * One look of a sequential design: the level against the baseline, each direction tested at the
     * one-sided level {@code alpha} (the share the design spends on this look).
     */
    public LevelVerdict judge(LevelSample base, LevelSample level, double alpha) {
        LevelVerdict v = new LevelJudgement(tolerance, resamples, minSamples)
                .judge(base, level, alpha, streamSeed(level.workers()));
        if (distribution == null || level.workers() == 1) {
            return v;
        }
        DistributionComparison d = DistributionComparison.of(Samples.finite(level.wallSeconds()),
                Samples.finite(base.wallSeconds()), distribution.withConfidence(1 - 2 * alpha),
                streamSeed(1000 + level.workers()));
        Verdict verdict = v.verdict();
        boolean settled = v.settled();
        String why = v.decidedBy();
        if (verdict != Verdict.WORSE && d.verdict() == Verdict.WORSE) {
            verdict = Verdict.WORSE;
            settled = true;
            why = "distribution";
        } else if (verdict == Verdict.OK && d.verdict() != Verdict.OK) {
            verdict = Verdict.UNSETTLED;
            settled = false;
            why = "distribution";
        }
        return new LevelVerdict(v.workers(), v.n(), v.mean(), v.sd(), v.median(), v.cv(), v.ratio(), v.ratioLow(),
                v.ratioHigh(), verdict, settled, d, v.worst() == null ? null : v.worst().because(why));
    }

    /** A verdict at the budget's end: still UNSETTLED is not OK (WORSE, not settled); any other as it is. */
    public LevelVerdict budgetEnded(LevelVerdict v) {
        return v.verdict() == Verdict.UNSETTLED ? v.with(Verdict.WORSE, false, "budget") : v;
    }

    /**
     * The threshold from verdicts already made (a sequential design's, each frozen at the look that
     * decided it), the levels' samples giving the knee and the USL fit. An UNSETTLED verdict stops the
     * threshold; with {@code budgetEnded} it is not OK (WORSE, not settled).
     */
    public ThresholdResult result(List<LevelSample> levels, Map<Integer, LevelVerdict> verdicts, boolean budgetEnded) {
        List<LevelSample> sorted = sorted(levels);
        List<LevelVerdict> vs = new ArrayList<>();
        for (LevelSample s : sorted) {
            LevelVerdict v = verdicts.get(s.workers());
            if (v == null) {
                throw new IllegalArgumentException("no verdict for level " + s.workers());
            }
            vs.add(budgetEnded ? budgetEnded(v) : v);
        }
        return assemble(sorted, vs);
    }

    private ThresholdResult evaluate(List<LevelSample> levels, boolean decide) {
        List<LevelSample> sorted = sorted(levels);
        LevelSample base = sorted.get(0);
        List<LevelVerdict> verdicts = new ArrayList<>(sorted.size());
        for (LevelSample s : sorted) {
            LevelVerdict v = compare(base, s);
            verdicts.add(decide ? budgetEnded(v) : v);
        }
        return assemble(sorted, verdicts);
    }

    private ThresholdResult assemble(List<LevelSample> sorted, List<LevelVerdict> verdicts) {
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
        if (cap == null) {
            return new ThresholdResult(threshold, verdicts, Knee.of(sorted), usl, settled, null);
        }
        List<LevelSample> within = sorted.stream().filter(s -> s.workers() <= cap.workers()).toList();
        Knee all = Knee.of(sorted);
        Knee knee = Knee.of(within);
        ThresholdResult.Cap c = new ThresholdResult.Cap(cap.workers(), cap.why(), threshold > cap.workers(), threshold,
                all != null && all.workers() > cap.workers());
        return new ThresholdResult(Math.min(threshold, cap.workers()), verdicts, knee, usl, settled, c);
    }

    private static List<LevelSample> sorted(List<LevelSample> levels) {
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
        if (sorted.get(0).workers() != 1) {
            throw new IllegalArgumentException("levels must include workers=1 (the baseline)");
        }
        if (Samples.finite(sorted.get(0).wallSeconds()).length == 0) {
            throw new IllegalArgumentException("the workers=1 level has no finite wall time");
        }
        return sorted;
    }

    private long streamSeed(int workers) {
        long z = seed + 0x9E3779B97F4A7C15L * (workers + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
