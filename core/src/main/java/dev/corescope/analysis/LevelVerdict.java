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
 * @param ratio     the worst-off worker's time over one worker's: their 20% trimmed means (of all tasks
 *                  when the workers are not known)
 * @param ratioLow  lower bound of its interval: simultaneous over the level's workers, so that the largest
 *                  of P equal workers is not taken for a slow one
 * @param ratioHigh upper bound of its interval: every worker's own upper bound, the largest of them
 * @param verdict   OK / WORSE / UNSETTLED
 * @param settled   true when the verdict follows from the interval; false when it was forced by
 *                  {@link ThresholdDetector#decide} (an interval still unsettled at the budget's end: not OK)
 * @param distribution the whole-distribution comparison (mean, median, sd ratios) when the detector
 *                  judges distributions (a workload's threshold), else null
 * @param worst     who was worst off and what decided (null for verdicts made elsewhere)
 */
public record LevelVerdict(int workers, int n, double mean, double sd, double median, double cv,
                           double ratio, double ratioLow, double ratioHigh, Verdict verdict, boolean settled,
                           DistributionComparison distribution, Worst worst) {

    /**
     * Who was worst off at the level, and what decided its verdict.
     *
     * @param worker     the worst-off worker's label (its slot, 0-based; -1 when the workers are not known)
     * @param cpu        the CPU its tasks ran on (-1: unknown)
     * @param workersSeen how many workers' medians were compared (1: all tasks pooled)
     * @param rounds     the level's rounds (the resampled units)
     * @param pooledRatio the median of all the level's tasks over one worker's median
     * @param extraWait  the level's mean run-queue wait share minus one worker's (NaN: not measured)
     * @param meanRatio  the mean of all the level's tasks over one worker's mean (stalls and throttled rounds count)
     * @param alpha      the one-sided level this look was tested at (the group-sequential design's share)
     * @param decidedBy  what decided: {@code baseline}, {@code too few rounds}, {@code worst-off worker},
     *                   {@code run-queue wait}, {@code distribution}, {@code interval}, {@code budget}
     */
    public record Worst(int worker, int cpu, int workersSeen, int rounds, double pooledRatio, double extraWait,
                        double meanRatio, double alpha, String decidedBy) {
        /** The same with another reason. */
        public Worst because(String why) {
            return new Worst(worker, cpu, workersSeen, rounds, pooledRatio, extraWait, meanRatio, alpha, why);
        }
    }

    /** Without who was worst off (verdicts made outside the detector). */
    public LevelVerdict(int workers, int n, double mean, double sd, double median, double cv, double ratio,
                        double ratioLow, double ratioHigh, Verdict verdict, boolean settled,
                        DistributionComparison distribution) {
        this(workers, n, mean, sd, median, cv, ratio, ratioLow, ratioHigh, verdict, settled, distribution, null);
    }

    /** Without a distribution comparison (the spin kernel's threshold). */
    public LevelVerdict(int workers, int n, double mean, double sd, double median, double cv, double ratio,
                        double ratioLow, double ratioHigh, Verdict verdict, boolean settled) {
        this(workers, n, mean, sd, median, cv, ratio, ratioLow, ratioHigh, verdict, settled, null, null);
    }

    /** Copy with another verdict / settled flag. */
    LevelVerdict with(Verdict v, boolean isSettled) {
        return new LevelVerdict(workers, n, mean, sd, median, cv, ratio, ratioLow, ratioHigh, v, isSettled, distribution,
                worst);
    }

    /** Copy with another verdict, settled flag and reason. */
    LevelVerdict with(Verdict v, boolean isSettled, String decidedBy) {
        return new LevelVerdict(workers, n, mean, sd, median, cv, ratio, ratioLow, ratioHigh, v, isSettled, distribution,
                worst == null ? null : worst.because(decidedBy));
    }

    /** What decided the verdict ({@link Worst#decidedBy}), or {@code interval} when not recorded. */
    public String decidedBy() {
        return worst == null ? "interval" : worst.decidedBy();
    }
}
