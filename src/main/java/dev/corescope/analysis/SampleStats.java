package dev.corescope.analysis;

import java.util.Arrays;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.stat.descriptive.DescriptiveStatistics;

/**
 * Descriptive statistics of one sample (e.g. the per-task seconds of one level): count, mean, sample
 * standard deviation, coefficient of variation, median, min, max, quartiles and a two-sided 95%
 * Student-t confidence interval of the mean.
 */
public record SampleStats(int n, double mean, double sd, double median, double min, double max,
                          double q1, double q3, double ciLow, double ciHigh) {

    public static final SampleStats EMPTY = new SampleStats(0, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    public static SampleStats of(double[] values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).toArray();
        if (v.length == 0) {
            return EMPTY;
        }
        DescriptiveStatistics d = new DescriptiveStatistics(v);
        double mean = d.getMean();
        double sd = v.length > 1 ? d.getStandardDeviation() : 0.0;
        double half = Double.NaN;
        if (v.length > 1) {
            double t = new TDistribution(v.length - 1).inverseCumulativeProbability(0.975);
            half = t * sd / Math.sqrt(v.length);
        }
        return new SampleStats(v.length, mean, sd, d.getPercentile(50), d.getMin(), d.getMax(),
                d.getPercentile(25), d.getPercentile(75), mean - half, mean + half);
    }

    /** sd / mean, NaN when undefined. */
    public double cv() {
        return mean == 0 ? Double.NaN : sd / mean;
    }
}
