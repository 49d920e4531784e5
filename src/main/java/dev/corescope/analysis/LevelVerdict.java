package dev.corescope.analysis;

/**
 * The verdict of one level against the single-worker baseline.
 *
 * @param workers   concurrency level
 * @param n         number of finite wall-time samples
 * @param mean      mean wall seconds per task
 * @param sd        sample standard deviation of wall seconds
 * @param median    median wall seconds per task
 * @param cv        coefficient of variation (sd / mean)
 * @param ratio     point estimate median(level) / median(1)
 * @param ratioLow  lower bound of the bootstrap percentile interval of the ratio
 * @param ratioHigh upper bound of the bootstrap percentile interval of the ratio
 * @param verdict   OK / WORSE / UNSETTLED
 * @param settled   true when the verdict follows from the interval; false when it was forced by
 *                  {@link ThresholdDetector#decide} from the point ratio (or is still UNSETTLED)
 * @param distribution the whole-distribution comparison (mean, median, sd ratios) when the detector
 *                  judges distributions (a workload's threshold), else null
 */
public record LevelVerdict(int workers, int n, double mean, double sd, double median, double cv,
                           double ratio, double ratioLow, double ratioHigh, Verdict verdict, boolean settled,
                           DistributionComparison distribution) {

    /** Without a distribution comparison (the spin kernel's threshold). */
    public LevelVerdict(int workers, int n, double mean, double sd, double median, double cv, double ratio,
                        double ratioLow, double ratioHigh, Verdict verdict, boolean settled) {
        this(workers, n, mean, sd, median, cv, ratio, ratioLow, ratioHigh, verdict, settled, null);
    }

    /** Copy with another verdict / settled flag. */
    LevelVerdict with(Verdict v, boolean isSettled) {
        return new LevelVerdict(workers, n, mean, sd, median, cv, ratio, ratioLow, ratioHigh, v, isSettled, distribution);
    }
}
