package dev.corescope.analysis;

import java.util.HashMap;
import java.util.Map;
import org.hipparchus.special.Beta;

/**
 * The robust statistics of the equivalence test ({@link Equivalence}), on sorted samples: the trimmed
 * mean, and quantiles by the Harrell–Davis estimator (a weighted sum of all order statistics, with
 * Beta((n+1)p, (n+1)(1-p)) weights: Harrell & Davis, Biometrika 1982). Harrell–Davis quantiles are smooth
 * in the data, so a bootstrap of an interquartile range is not stuck on the few values a type-7 quantile
 * of a small resample can take. The weights depend only on n and p: one instance caches them for the
 * sample sizes it meets (not thread-safe; one per test).
 */
final class RobustStats {
    /** Share trimmed from each end by {@link #trimmedMean}. */
    static final double TRIM = 0.2;
    private final Map<Long, double[]> weights = new HashMap<>();

    /** Mean of the sorted values after dropping ⌊trim·n⌋ from each end. */
    static double trimmedMean(double[] sorted, int n, double trim) {
        if (n == 0) {
            return Double.NaN;
        }
        int k = (int) Math.floor(trim * n);
        double sum = 0;
        for (int i = k; i < n - k; i++) {
            sum += sorted[i];
        }
        return sum / (n - 2 * k);
    }

    /** The Harrell–Davis estimate of the {@code p}-quantile of the first {@code n} sorted values. */
    double quantile(double[] sorted, int n, double p) {
        if (n == 0) {
            return Double.NaN;
        }
        if (n == 1) {
            return sorted[0];
        }
        double[] w = weights.computeIfAbsent(((long) n << 20) | Math.round(p * 1_000_000), k -> weights(n, p));
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += w[i] * sorted[i];
        }
        return sum;
    }

    /** Interquartile range (Harrell–Davis quartiles) of the first {@code n} sorted values. */
    double iqr(double[] sorted, int n) {
        return quantile(sorted, n, 0.75) - quantile(sorted, n, 0.25);
    }

    /** w_i = I_{i/n}(a, b) − I_{(i−1)/n}(a, b), a = (n+1)p, b = (n+1)(1−p). */
    private static double[] weights(int n, double p) {
        double a = (n + 1) * p;
        double b = (n + 1) * (1 - p);
        double[] w = new double[n];
        double prev = 0;
        for (int i = 1; i <= n; i++) {
            double c = i == n ? 1.0 : Beta.regularizedBeta((double) i / n, a, b);
            w[i - 1] = c - prev;
            prev = c;
        }
        return w;
    }
}
