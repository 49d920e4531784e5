package dev.corescope.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Whether the per-task times measured at a level are distributed like those of one worker alone:
 * the ratios of means, of medians and of standard deviations (level / one worker), each with a
 * two-sided percentile-bootstrap interval. Used for a workload's threshold ({@code investigate -a}) and
 * for the proof that an assessment's parallel numbers match one worker ({@code assess}).
 *
 * <p>Samples may be stratified, one stratum per input size: the mean and median ratios are the weighted
 * geometric means of the per-stratum ratios (weight: the smaller of the two counts of the stratum); the sd ratio
 * is that of the pooled relative standard deviations, corrected for its small-sample bias; the bootstrap
 * resamples within strata, both samples independently. With one stratum each statistic is the plain ratio
 * (the sd ratio bias-corrected).
 *
 * <p>Verdict against a {@link Criteria}: {@link Verdict#WORSE} when an interval shows the level worse
 * (mean or median ratio's lower bound above 1 + tolerance, or the sd ratio's lower bound above the sd
 * limit); {@link Verdict#OK} when the mean and median ratios' upper bounds are within 1 + tolerance and
 * the sd ratio's point estimate is within the limit; else {@link Verdict#UNSETTLED}: more samples are
 * needed. The sd ratio's interval is wide for the sample sizes a run can afford (±27% for 40 against
 * 200), so it can fail a level but need not prove one clean. {@link #decided} turns an unsettled verdict
 * into OK or WORSE by the point estimates when no more samples can be had.
 *
 * @param levelCount    finite samples of the level (all strata)
 * @param baselineCount finite samples of one worker (all strata)
 * @param mean          mean(level) / mean(one worker)
 * @param median        median(level) / median(one worker)
 * @param sd            sd(level) / sd(one worker)
 * @param verdict       against the criteria
 * @param settled       true when the verdict follows from the intervals (false: decided from points, or unsettled)
 * @param reason        which statistic decided, in words
 */
public record DistributionComparison(int levelCount, int baselineCount, Ratio mean, Ratio median, Ratio sd,
                                     Verdict verdict, boolean settled, String reason) {

    /** A ratio with its interval; NaN where it cannot be formed. */
    public record Ratio(double point, double low, double high) {
        static final Ratio NONE = new Ratio(Double.NaN, Double.NaN, Double.NaN);

        /** e.g. {@code ×1.01 [0.99, 1.03]}. */
        public String text() {
            return Double.isFinite(low) && Double.isFinite(high)
                    ? String.format(Locale.ROOT, "×%.2f [%.2f, %.2f]", point, low, high)
                    : String.format(Locale.ROOT, "×%.2f", point);
        }
    }

    /**
     * What "no worse than one worker" means.
     *
     * @param tolerance  allowed slowdown of the mean and of the median (e.g. 0.03)
     * @param sdLimit    allowed inflation of the standard deviation (e.g. 1.3)
     * @param confidence of the two-sided intervals (e.g. 0.95)
     * @param minSamples below this many samples on either side the verdict is UNSETTLED
     */
    public record Criteria(double tolerance, double sdLimit, double confidence, int minSamples) {
        public static final double DEFAULT_TOLERANCE = 0.03;
        public static final double DEFAULT_SD_LIMIT = 1.3;

        public Criteria {
            if (!(tolerance >= 0 && tolerance < 1)) {
                throw new IllegalArgumentException("tolerance must be in [0, 1): " + tolerance);
            }
            if (!(sdLimit >= 1) || !Double.isFinite(sdLimit)) {
                throw new IllegalArgumentException("sd limit must be finite and >= 1: " + sdLimit);
            }
            if (!(confidence > 0 && confidence < 1)) {
                throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
            }
            if (minSamples < 2) {
                throw new IllegalArgumentException("minSamples must be >= 2: " + minSamples);
            }
        }

        public static Criteria defaults() {
            return new Criteria(DEFAULT_TOLERANCE, DEFAULT_SD_LIMIT, 0.95, 5);
        }

        public Criteria withConfidence(double c) {
            return new Criteria(tolerance, sdLimit, c, minSamples);
        }

        public Criteria withTolerance(double t) {
            return new Criteria(t, sdLimit, confidence, minSamples);
        }
    }

    /** One stratum (e.g. one input size): the level's per-task seconds and one worker's. */
    public record Stratum(double[] level, double[] baseline) {
        public Stratum {
            level = Samples.finite(level);
            baseline = Samples.finite(baseline);
        }
    }

    static final int RESAMPLES = 2000;

    /** One stratum. */
    public static DistributionComparison of(double[] level, double[] baseline, Criteria c, long seed) {
        return of(List.of(new Stratum(level, baseline)), c, seed);
    }

    public static DistributionComparison of(List<Stratum> strata, Criteria c, long seed) {
        List<Stratum> usable = new ArrayList<>();
        int nLevel = 0;
        int nBase = 0;
        for (Stratum s : strata) {
            nLevel += s.level().length;
            nBase += s.baseline().length;
            if (s.level().length >= 2 && s.baseline().length >= 2) {
                usable.add(s);
            }
        }
        if (usable.isEmpty()) {
            return new DistributionComparison(nLevel, nBase, Ratio.NONE, Ratio.NONE, Ratio.NONE, Verdict.UNSETTLED,
                    false, "too few samples to compare");
        }
        double[] weights = usable.stream().mapToDouble(s -> Math.min(s.level().length, s.baseline().length)).toArray();
        double[] point = pooled(usable, weights, null, null);
        double[][] bufL = usable.stream().map(s -> new double[s.level().length]).toArray(double[][]::new);
        double[][] bufB = usable.stream().map(s -> new double[s.baseline().length]).toArray(double[][]::new);
        double[][] boot = Bootstrap.draws(RESAMPLES, seed, 3, rng -> pooled(usable, weights, rng,
                new double[][][] {bufL, bufB}));
        Ratio[] ratios = new Ratio[3];
        for (int k = 0; k < 3; k++) {
            double[] ci = Bootstrap.interval(boot[k], c.confidence()); // pooled ratios are finite or NaN
            ratios[k] = new Ratio(point[k], ci[0], ci[1]);
        }
        return judge(nLevel, nBase, ratios[0], ratios[1], ratios[2], c);
    }

    private static DistributionComparison judge(int nLevel, int nBase, Ratio mean, Ratio median, Ratio sd, Criteria c) {
        double limit = 1 + c.tolerance();
        if (nLevel < c.minSamples() || nBase < c.minSamples()) {
            return new DistributionComparison(nLevel, nBase, mean, median, sd, Verdict.UNSETTLED, false,
                    "fewer than " + c.minSamples() + " samples on a side");
        }
        List<String> worse = new ArrayList<>();
        if (mean.low() > limit) {
            worse.add("the mean is slower than the tolerance allows");
        }
        if (median.low() > limit) {
            worse.add("the median is slower than the tolerance allows");
        }
        if (sd.low() > c.sdLimit()) {
            worse.add("the spread is wider than the sd limit allows");
        }
        if (!worse.isEmpty()) {
            return new DistributionComparison(nLevel, nBase, mean, median, sd, Verdict.WORSE, true, String.join("; ", worse));
        }
        if (mean.high() <= limit && median.high() <= limit && sd.point() <= c.sdLimit()) {
            return new DistributionComparison(nLevel, nBase, mean, median, sd, Verdict.OK, true,
                    "mean and median within the tolerance, spread within the sd limit");
        }
        return new DistributionComparison(nLevel, nBase, mean, median, sd, Verdict.UNSETTLED, false,
                "the intervals straddle the limits: more samples needed");
    }

    /** An unsettled verdict decided by the point estimates (settled stays false); others unchanged. */
    public DistributionComparison decided(Criteria c) {
        if (verdict != Verdict.UNSETTLED) {
            return this;
        }
        double limit = 1 + c.tolerance();
        boolean ok = mean.point() <= limit && median.point() <= limit && sd.point() <= c.sdLimit(); // NaN: not ok
        return new DistributionComparison(levelCount, baselineCount, mean, median, sd, ok ? Verdict.OK : Verdict.WORSE,
                false, (ok ? "within the limits by the point estimates" : "outside the limits by the point estimates")
                + ", not settled by the intervals");
    }

    /** e.g. {@code mean ×1.01 [0.99, 1.03], median ×1.00 [0.98, 1.02], sd ×1.10 [0.85, 1.41]}. */
    public String text() {
        return "mean " + mean.text() + ", median " + median.text() + ", sd " + sd.text();
    }

    /**
     * Pooled (mean, median, sd) ratios; with {@code rng}, of one bootstrap resample of every stratum
     * (buffers: [level buffers, baseline buffers]). Mean and median: the weighted geometric mean of the strata's
     * ratios. Sd: the ratio of the pooled relative standard deviations (each stratum's squared deviations from its
     * mean, relative to that mean, summed over strata and divided by the summed degrees of freedom), corrected for
     * the small-sample bias of a log standard deviation ({@link #logSdBias}): a geometric mean of per-stratum sd
     * ratios over 2 to 7 samples a stratum is biased upward by ×1.85 to ×1.07, this by a percent or two at most.
     */
    private static double[] pooled(List<Stratum> strata, double[] weights, SplittableRandom rng, double[][][] bufs) {
        double[] logSum = new double[2];
        double[] wSum = new double[2];
        double[] ss = new double[2];
        double[] df = new double[2];
        for (int i = 0; i < strata.size(); i++) {
            Stratum s = strata.get(i);
            double[] l = rng == null ? s.level() : Bootstrap.resample(s.level(), bufs[0][i], rng);
            double[] b = rng == null ? s.baseline() : Bootstrap.resample(s.baseline(), bufs[1][i], rng);
            double[] ls = stats(l);
            double[] bs = stats(b);
            for (int k = 0; k < 2; k++) {
                double q = ls[k] / bs[k];
                if (q > 0 && Double.isFinite(q)) {
                    logSum[k] += weights[i] * Math.log(q);
                    wSum[k] += weights[i];
                }
            }
            ss[0] += ls[2] * ls[2] * (l.length - 1) / (ls[0] * ls[0]);
            df[0] += l.length - 1;
            ss[1] += bs[2] * bs[2] * (b.length - 1) / (bs[0] * bs[0]);
            df[1] += b.length - 1;
        }
        double[] out = new double[3];
        for (int k = 0; k < 2; k++) {
            out[k] = wSum[k] > 0 ? Math.exp(logSum[k] / wSum[k]) : Double.NaN;
        }
        double sdRatio = Math.sqrt((ss[0] / df[0]) / (ss[1] / df[1]));
        out[2] = sdRatio > 0 && Double.isFinite(sdRatio) ? sdRatio * Math.exp(logSdBias(df[1]) - logSdBias(df[0])) : Double.NaN;
        return out;
    }

    /**
     * E[log s] − log σ for a sample standard deviation with {@code df} degrees of freedom (normal samples):
     * ½(ψ(df/2) − log(df/2)), −0.64 at 1, −0.09 at 6, −0.01 at 40.
     */
    static double logSdBias(double df) {
        return 0.5 * (org.hipparchus.special.Gamma.digamma(df / 2) - Math.log(df / 2));
    }

    /** (mean, median, sample sd) of {@code v}; sorts a copy for the median. */
    private static double[] stats(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        double mean = sum / v.length;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        return new double[] {mean, Samples.medianOfSorted(sorted, sorted.length), Math.sqrt(ss / (v.length - 1))};
    }
}
