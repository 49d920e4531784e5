package dev.corescope.analysis;

import java.util.Arrays;

/** Small numeric helpers shared by the analysis package (package-private, allocation-light). */
final class Samples {

    private Samples() {
    }

    /** The finite values of {@code values} (null-safe; NaN and infinities dropped). */
    static double[] finite(double[] values) {
        if (values == null) {
            return new double[0];
        }
        return Arrays.stream(values).filter(Double::isFinite).toArray();
    }

    /** Mean of the finite values, NaN when there are none ("not measured"). */
    static double finiteMean(double[] values) {
        double[] v = finite(values);
        if (v.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** Median of an already sorted array (average of the two middle values when even); NaN if empty. */
    static double medianOfSorted(double[] sorted, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        int mid = n >>> 1;
        return (n & 1) == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
    }

    /** Median of the values (copied, not modified). */
    static double median(double[] values) {
        double[] c = values.clone();
        Arrays.sort(c);
        return medianOfSorted(c, c.length);
    }

    /**
     * Quantile of a sorted array with linear interpolation between order statistics
     * (Hyndman–Fan type 7, the R / NumPy default).
     */
    static double quantileOfSorted(double[] sorted, double p) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        if (n == 1) {
            return sorted[0];
        }
        double h = (n - 1) * Math.min(1.0, Math.max(0.0, p));
        int lo = (int) Math.floor(h);
        int hi = Math.min(n - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
