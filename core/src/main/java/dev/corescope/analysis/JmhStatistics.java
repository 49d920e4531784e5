package dev.corescope.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.stat.descriptive.rank.Percentile;

/**
 * A score as JMH computes it, so a merged result reads as JMH's own: over iteration scores, JMH's
 * {@code ListStatistics} (mean; the 99.9% Student-t interval, NaN with fewer than 3 values; percentiles by the
 * legacy estimator of commons-math, which Hipparchus shares, the minimum at rank 0); over the samples of
 * {@code sample} mode, its {@code MultisetStatistics} (value-count pairs, percentiles by rank × (n + 1) / 100).
 */
public final class JmhStatistics {
    /** The ranks of {@code scorePercentiles}, in JMH's order. */
    public static final List<Double> RANKS = List.of(0.0, 50.0, 90.0, 95.0, 99.0, 99.9, 99.99, 99.999, 99.9999, 100.0);
    /** JMH's {@code scoreError}: the half-width of this interval. */
    public static final double CONFIDENCE = 0.999;

    /**
     * @param error       the interval's half-width (NaN with fewer than 3 values)
     * @param percentiles by JMH's key ({@code "0.0"}, {@code "50.0"}... {@code "100.0"})
     */
    public record Score(double mean, double error, long n, Map<String, Double> percentiles) {
        public double low() {
            return mean - error;
        }

        public double high() {
            return mean + error;
        }
    }

    private JmhStatistics() {
    }

    /** Over values (iteration scores). */
    public static Score of(List<Double> values) {
        double[] x = values.stream().mapToDouble(Double::doubleValue).toArray();
        int n = x.length;
        double mean = n == 0 ? Double.NaN : sum(x) / n;
        double var = Double.NaN;
        if (n > 1) {
            double v = 0;
            for (double d : x) {
                v += (d - mean) * (d - mean);
            }
            var = v / (n - 1);
        }
        Map<String, Double> pct = new LinkedHashMap<>();
        for (double r : RANKS) {
            double p;
            if (n == 0) {
                p = Double.NaN;
            } else if (r == 0) {
                p = java.util.Arrays.stream(x).min().getAsDouble();
            } else {
                p = new Percentile().evaluate(x, r);
            }
            pct.put(key(r), p);
        }
        return new Score(mean, error(n, var), n, pct);
    }

    /** Over value-count pairs ({@code sample} mode's histograms, joined). */
    public static Score ofHistogram(List<double[]> pairs) {
        TreeMap<Double, Long> counts = counts(pairs);
        long n = counts.values().stream().mapToLong(Long::longValue).sum();
        double s = 0;
        for (var e : counts.entrySet()) {
            s += e.getKey() * e.getValue();
        }
        double mean = n == 0 ? Double.NaN : s / n;
        double v = 0;
        for (var e : counts.entrySet()) {
            v += (e.getKey() - mean) * (e.getKey() - mean) * e.getValue();
        }
        double var = n > 0 ? v / (n - 1) : Double.NaN;
        Map<String, Double> pct = new LinkedHashMap<>();
        for (double r : RANKS) {
            pct.put(key(r), percentile(counts, n, r));
        }
        return new Score(mean, error(n, var), n, pct);
    }

    /** The percentile at {@code rank} (0-100) of value-count pairs, as JMH's {@code MultisetStatistics}. */
    public static double percentile(List<double[]> pairs, double rank) {
        TreeMap<Double, Long> counts = counts(pairs);
        return percentile(counts, counts.values().stream().mapToLong(Long::longValue).sum(), rank);
    }

    private static double percentile(TreeMap<Double, Long> counts, long n, double rank) {
        if (n == 0) {
            return Double.NaN;
        }
        if (rank == 0) {
            return counts.firstKey();
        }
        double pos = rank * (n + 1) / 100;
        double floor = Math.floor(pos);
        double a = nth(counts, (long) floor);
        double b = nth(counts, (long) floor + 1);
        return a + (b - a) * (pos - floor);
    }

    private static TreeMap<Double, Long> counts(List<double[]> pairs) {
        TreeMap<Double, Long> counts = new TreeMap<>();
        for (double[] p : pairs) {
            counts.merge(p[0], (long) p[1], Long::sum);
        }
        return counts;
    }

    /** JMH's key of a rank: {@code String.valueOf(rank)}. */
    public static String key(double rank) {
        return String.valueOf(rank);
    }

    private static double nth(TreeMap<Double, Long> counts, long index) {
        long cur = 0;
        for (var e : counts.entrySet()) {
            cur += e.getValue();
            if (cur >= index) {
                return e.getKey();
            }
        }
        return counts.lastKey();
    }

    private static double error(long n, double var) {
        if (n <= 2 || !Double.isFinite(var)) {
            return Double.NaN;
        }
        double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
        return t * Math.sqrt(var) / Math.sqrt(n);
    }

    private static double sum(double[] x) {
        double s = 0;
        for (double d : x) {
            s += d;
        }
        return s;
    }
}
