package dev.corescope.analysis;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.stat.descriptive.rank.Percentile;

/** Outlier flagging. Outliers are reported, never removed: the threshold test uses medians anyway. */
public final class Outliers {

    private Outliers() {
    }

    /**
     * Tukey's fences: indices of values below Q1 − 1.5·IQR or above Q3 + 1.5·IQR, ascending.
     * Quartiles use Hipparchus' default {@link Percentile} (as {@link SampleStats} does). Non-finite values
     * are ignored for the quartiles and never flagged. Fewer than 4 finite values: nothing is flagged.
     */
    public static int[] tukey(double[] values) {
        return tukey(values, 1.5);
    }

    /** Tukey's fences with a custom multiplier k (1.5 = "outlier", 3 = "far out"). */
    public static int[] tukey(double[] values, double k) {
        double[] v = Samples.finite(values);
        if (v.length < 4) {
            return new int[0];
        }
        Percentile p = new Percentile();
        p.setData(v);
        double q1 = p.evaluate(25);
        double q3 = p.evaluate(75);
        double iqr = q3 - q1;
        double lo = q1 - k * iqr;
        double hi = q3 + k * iqr;
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            double x = values[i];
            if (Double.isFinite(x) && (x < lo || x > hi)) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
