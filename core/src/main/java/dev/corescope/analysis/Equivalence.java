package dev.corescope.analysis;

import java.util.Locale;

/**
 * Whether a level's per-task costs equal one worker's within the machine's own noise: an equivalence test
 * (an interval wholly inside a margin, as in TOST), calibrated by an A/A band, on blocked samples
 * ({@link BlockedSamples}), with Chromium Pinpoint's three outcomes.
 *
 * <p>Three statistics, each the level against one worker alone, each with a bootstrap interval that
 * resamples whole blocks:
 * <ul>
 *   <li>{@code location}: the ratio of the 20%-trimmed means of the normalised costs (the bulk of the
 *       distribution, not moved by a rare stall);</li>
 *   <li>{@code spread}: the ratio of the interquartile ranges (Harrell–Davis quartiles);</li>
 *   <li>{@code tail}: the excess rate of tail events, samples beyond one worker's far fence
 *       Q3 + 3·IQR: (level's rate) − (one worker's rate).</li>
 * </ul>
 * The margin of each is the larger of the user's limit ({@link Margins}) and the upper bound of the A/A band:
 * the central 99% of the same statistic between two halves of one worker's own blocks, over random splits of
 * those blocks (whole blocks to each half; at least four blocks). {@link EquivalenceVerdict#EQUIVALENT} when every interval lies inside its margin
 * (location on both sides), {@link EquivalenceVerdict#DIFFERENT} when one lies wholly beyond it,
 * {@link EquivalenceVerdict#NEED_MORE_DATA} otherwise, and with fewer than {@link Design#minBlocks} blocks on a side or
 * {@link Design#minSamples} samples. Never decided by a point estimate.
 *
 * @param verdict      the three-way verdict
 * @param location     trimmed-mean ratio (level / one worker)
 * @param spread       interquartile-range ratio
 * @param tail         excess rate of tail events
 * @param blocks       blocks with samples of both sides or either
 * @param levelCount   samples of the level
 * @param aloneCount   samples of one worker
 * @param fence        the tail fence, as a ratio to its stratum's median
 * @param levelTail    share of the level's samples beyond the fence
 * @param aloneTail    share of one worker's samples beyond the fence
 * @param confidence   of the intervals (two-sided)
 * @param reason       in words, what decided
 */
public record Equivalence(EquivalenceVerdict verdict, Statistic location, Statistic spread, Statistic tail, int blocks,
                          int levelCount, int aloneCount, double fence, double levelTail, double aloneTail,
                          double confidence, String reason) {

    /** Pinpoint's three outcomes. */
    public enum EquivalenceVerdict {
        EQUIVALENT("equivalent"), DIFFERENT("different"), NEED_MORE_DATA("need more data");

        public final String label;

        EquivalenceVerdict(String label) {
            this.label = label;
        }
    }

    /** How the blocks are resampled. */
    public enum Resampling {
        /** Whole blocks with replacement, their samples as they are (a cluster bootstrap). */
        BLOCKS,
        /**
         * Whole blocks, then the samples of each drawn block with replacement: Kalibera &amp; Jones' hierarchical
         * bootstrap (libkalibera resamples every level); wider, for blocks whose samples are themselves noisy
         * draws (JMH iterations within a fork).
         */
        BLOCKS_THEN_SAMPLES
    }

    /**
     * The user's limits, the floor of each margin.
     *
     * @param tolerance   location: the level may be up to {@code 1 + tolerance} times one worker, or as much faster
     * @param spreadLimit spread: the interquartile-range ratio may be up to this (≥ 1)
     * @param tailExcess  tail: the level may have this many more tail events per sample than one worker
     */
    public record Margins(double tolerance, double spreadLimit, double tailExcess) {
        public static final Margins DEFAULT = new Margins(0.03, 1.3, 0.015);

        public Margins {
            if (!(tolerance > 0 && tolerance < 1) || !(spreadLimit >= 1 && Double.isFinite(spreadLimit))
                    || !(tailExcess > 0 && tailExcess < 1)) {
                throw new IllegalArgumentException("margins: tolerance in (0, 1), spread limit >= 1, tail excess in (0, 1): "
                        + tolerance + ", " + spreadLimit + ", " + tailExcess);
            }
        }
    }

    /**
     * How the intervals are made.
     *
     * @param confidence two-sided, of every interval and of the A/A band
     * @param resamples  bootstrap resamples
     * @param resampling what is resampled
     * @param minBlocks  fewest blocks with samples of each side before any verdict but need-more-data
     * @param minSamples fewest samples of each side
     * @param fenceFloor the tail's far fence is at least this ratio to a sample's stratum median (1: no floor, the
     *                   fence is one worker's Q3 + 3 IQR alone); for samples so few that their IQR is itself noisy
     */
    public record Design(double confidence, int resamples, Resampling resampling, int minBlocks, int minSamples,
                         double fenceFloor) {
        public static final Design DEFAULT = new Design(0.95, 2000, Resampling.BLOCKS, 3, 5);

        public Design {
            if (!(confidence > 0 && confidence < 1) || resamples < 100 || minBlocks < 2 || minSamples < 2
                    || !(fenceFloor >= 1 && Double.isFinite(fenceFloor))) {
                throw new IllegalArgumentException("design: confidence in (0, 1), resamples >= 100, minBlocks >= 2, "
                        + "minSamples >= 2, fence floor >= 1");
            }
        }

        /** Without a floor under the fence. */
        public Design(double confidence, int resamples, Resampling resampling, int minBlocks, int minSamples) {
            this(confidence, resamples, resampling, minBlocks, minSamples, 1);
        }

        public Design withConfidence(double c) {
            return new Design(c, resamples, resampling, minBlocks, minSamples, fenceFloor);
        }

        public Design withResamples(int r) {
            return new Design(confidence, r, resampling, minBlocks, minSamples, fenceFloor);
        }
    }

    /**
     * One statistic: its point, its interval, the bootstrap standard deviation (of the log ratio for location
     * and spread, of the rate for the tail), the margin it was judged against, and the A/A band.
     * Location and spread are ratios (1 = the same), the tail an excess rate (0 = the same).
     */
    public record Statistic(double point, double low, double high, double sd, double margin, double aaLow,
                            double aaHigh) {
        static final Statistic NONE = new Statistic(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN);

        /** e.g. {@code ×1.01 [0.99, 1.03] ≤ 1.03}. */
        public String ratioText() {
            return Double.isFinite(low) ? String.format(Locale.ROOT, "×%.2f [%.2f, %.2f]", point, low, high)
                    : String.format(Locale.ROOT, "×%.2f", point);
        }

        /** e.g. {@code +0.3% [-0.5%, +1.2%]}. */
        public String rateText() {
            return Double.isFinite(low) ? String.format(Locale.ROOT, "%+.1f%% [%+.1f%%, %+.1f%%]", 100 * point, 100 * low,
                    100 * high) : String.format(Locale.ROOT, "%+.1f%%", 100 * point);
        }
    }

    /** The test. Deterministic for a seed. */
    public static Equivalence test(BlockedSamples samples, Margins margins, Design design, long seed) {
        return new EquivalenceEngine(samples, design).judge(margins, seed);
    }

    /**
     * True when an interval of {@code z} bootstrap standard deviations around the point already lies wholly
     * beyond a margin: the early stop of a group-sequential design (Haybittle–Peto: z = 3 at interim looks).
     */
    public boolean clearlyDifferent(double z) {
        return ratioBeyond(location, z, true) || ratioBeyond(spread, z, false) || rateBeyond(tail, z);
    }

    private static boolean ratioBeyond(Statistic s, double z, boolean bothSides) {
        if (!(s.point() > 0) || !Double.isFinite(s.sd()) || !(s.margin() > 0)) {
            return false;
        }
        double p = Math.log(s.point());
        double m = Math.log(s.margin());
        return p - z * s.sd() > m || (bothSides && p + z * s.sd() < -m);
    }

    private static boolean rateBeyond(Statistic s, double z) {
        return Double.isFinite(s.point()) && Double.isFinite(s.sd()) && s.point() - z * s.sd() > s.margin();
    }

    /** e.g. {@code location ×1.01 [0.99, 1.03], spread ×1.10 [0.80, 1.52], tail +0.2% [-0.5%, +1.0%]}. */
    public String text() {
        return "location " + location.ratioText() + ", spread " + spread.ratioText() + ", tail " + tail.rateText();
    }
}
