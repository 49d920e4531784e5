package dev.corescope.analysis;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The percentile bootstrap behind every interval corescope reports: the ratio of means of {@code compare}
 * ({@link Comparison}), the ratio of medians and the extra wait of {@code investigate}
 * ({@link ThresholdDetector}), and the mean, median and sd ratios of a workload's distribution
 * ({@link DistributionComparison}), and the equivalence test of a level against one worker alone
({@link Equivalence}), which resamples whole blocks ({@link #blocks}). A statistic is computed on {@code resamples} samples drawn with
 * replacement from one {@link SplittableRandom} seeded once, in a fixed order, so a seed always gives the
 * same interval; the two-sided interval is the {@code (1 - confidence) / 2} and {@code (1 + confidence) / 2}
 * quantiles of the values that are not NaN.
 */
final class Bootstrap {
    /** A statistic of one resample, drawing what it needs from {@code rng}. */
    @FunctionalInterface
    interface Statistic {
        double of(SplittableRandom rng);
    }

    /** Several statistics of the same resample. */
    @FunctionalInterface
    interface Statistics {
        double[] of(SplittableRandom rng);
    }

    private Bootstrap() {
    }

    /** {@code resamples} values of the statistic. */
    static double[] draws(int resamples, long seed, Statistic statistic) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] out = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            out[r] = statistic.of(rng);
        }
        return out;
    }

    /** {@code resamples} values of each of {@code k} statistics: {@code [statistic][resample]}. */
    static double[][] draws(int resamples, long seed, int k, Statistics statistics) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] out = new double[k][resamples];
        for (int r = 0; r < resamples; r++) {
            double[] v = statistics.of(rng);
            for (int i = 0; i < k; i++) {
                out[i][r] = v[i];
            }
        }
        return out;
    }

    /** The two-sided percentile interval {low, high} of the draws; NaN, NaN when every draw is NaN. */
    static double[] interval(double[] draws, double confidence) {
        double[] sorted = sorted(draws);
        if (sorted.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double alpha = 1 - confidence;
        return new double[] {Samples.quantileOfSorted(sorted, alpha / 2), Samples.quantileOfSorted(sorted, 1 - alpha / 2)};
    }

    /** Standard deviation of the draws that are not NaN; NaN with fewer than two. */
    static double sd(double[] draws) {
        double sum = 0;
        int n = 0;
        for (double d : draws) {
            if (!Double.isNaN(d)) {
                sum += d;
                n++;
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        double mean = sum / n;
        double ss = 0;
        for (double d : draws) {
            if (!Double.isNaN(d)) {
                ss += (d - mean) * (d - mean);
            }
        }
        return Math.sqrt(ss / (n - 1));
    }

    /** The lower end of {@link #interval}. */
    static double low(double[] draws, double confidence) {
        return interval(draws, confidence)[0];
    }

    private static double[] sorted(double[] draws) {
        return Arrays.stream(draws).filter(d -> !Double.isNaN(d)).sorted().toArray();
    }

    /** Fills {@code buf} with {@code buf.length} values drawn from {@code src} with replacement. */
    static double[] resample(double[] src, double[] buf, SplittableRandom rng) {
        for (int i = 0; i < buf.length; i++) {
            buf[i] = src[rng.nextInt(src.length)];
        }
        return buf;
    }

    /** Mean of {@code src.length} values drawn from {@code src} with replacement. */
    static double mean(double[] src, SplittableRandom rng) {
        double sum = 0;
        for (int i = 0; i < src.length; i++) {
            sum += src[rng.nextInt(src.length)];
        }
        return sum / src.length;
    }

    /**
     * One draw of {@code groups.length} groups of blocks for a block bootstrap: for every group, as many
     * block indices as it holds, drawn from it with replacement, written into {@code out} (same shape).
     * Blocks are what ran together (one moment, one CPU); resampling them whole keeps what they share
     * together, as the units that are independent are the blocks, not the samples in them.
     */
    static void blocks(int[][] groups, int[][] out, SplittableRandom rng) {
        for (int g = 0; g < groups.length; g++) {
            int[] from = groups[g];
            for (int i = 0; i < from.length; i++) {
                out[g][i] = from[rng.nextInt(from.length)];
            }
        }
    }

    /** Median of {@code src.length} values drawn from {@code src} with replacement (into {@code buf}). */
    static double median(double[] src, double[] buf, SplittableRandom rng) {
        resample(src, buf, rng);
        Arrays.sort(buf);
        return Samples.medianOfSorted(buf, buf.length);
    }
}
