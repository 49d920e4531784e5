package dev.corescope.analysis;

import java.util.Comparator;
import java.util.List;

/**
 * Throughput knee: the smallest measured P whose throughput X(P) = P / mean wall seconds per task
 * reaches at least {@code (1 - 0.05)} of the maximum measured throughput — where adding workers stops
 * paying.
 *
 * @param workers       the knee level
 * @param throughput    X at the knee (tasks per second)
 * @param maxThroughput maximum measured X
 */
public record Knee(int workers, double throughput, double maxThroughput) {

    public static final double DEFAULT_SLACK = 0.05;

    /** Throughput of a level ({@link Throughput#ofLevel}); NaN when no finite positive mean. */
    public static double throughput(LevelSample level) {
        return Throughput.ofLevel(level.workers(), Samples.finiteMean(level.wallSeconds()));
    }

    /** Knee with the default 5% slack; null when no level has a finite throughput. */
    public static Knee of(List<LevelSample> levels) {
        return of(levels, DEFAULT_SLACK);
    }

    /** Knee: the smallest P with X(P) ≥ (1 - slack) · max X; null when no level has a finite throughput. */
    public static Knee of(List<LevelSample> levels, double slack) {
        List<LevelSample> sorted = levels.stream().sorted(Comparator.comparingInt(LevelSample::workers)).toList();
        int[] w = new int[sorted.size()];
        double[] x = new double[sorted.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = sorted.get(i).workers();
            x[i] = throughput(sorted.get(i));
        }
        return fromThroughput(w, x, slack);
    }

    /** Knee from (workers, throughput) pairs in any order; non-finite throughputs are ignored. */
    public static Knee fromThroughput(int[] workers, double[] throughput, double slack) {
        if (workers.length != throughput.length) {
            throw new IllegalArgumentException("workers and throughput differ in length");
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double x : throughput) {
            if (Double.isFinite(x) && x > max) {
                max = x;
            }
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return null;
        }
        int best = Integer.MAX_VALUE;
        double bestX = Double.NaN;
        for (int i = 0; i < workers.length; i++) {
            double x = throughput[i];
            if (Double.isFinite(x) && x >= (1 - slack) * max && workers[i] < best) {
                best = workers[i];
                bestX = x;
            }
        }
        return new Knee(best, bestX, max);
    }
}
