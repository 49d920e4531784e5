package dev.corescope.analysis;

import java.util.Arrays;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.stat.descriptive.DescriptiveStatistics;

/**
 * Descriptive statistics of one sample (e.g. the per-task seconds of one level): count, mean, sample
 * standard deviation, coefficient of variation, median, min, max, quartiles and a two-sided 95%
 * confidence interval of the mean that respects the domain of times: for a sample of positive values that
 * is small (n &lt; 30, where timing samples' right skew makes Student's interval too short and can take it
 * below zero) or whose Student interval would reach zero, Cox's interval on the log scale (the mean of a
 * lognormal sample: exp(ȳ + s²/2 ± t·√(s²/n + s⁴/(2(n−1))))), which stays above zero and, for a tight
 * sample, matches Student's; otherwise Student's t. A sample with zeros or negative values keeps Student's.
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
        double lo = Double.NaN;
        double hi = Double.NaN;
        if (v.length > 1) {
            double t = new TDistribution(v.length - 1).inverseCumulativeProbability(0.975);
            double half = t * sd / Math.sqrt(v.length);
            lo = mean - half;
            hi = mean + half;
            boolean positive = d.getMin() > 0;
            if (positive && sd > 0 && (lo <= 0 || v.length < LARGE)) {
                double[] cox = logScale(v, t);
                lo = cox[0];
                hi = cox[1];
            }
        }
        return new SampleStats(v.length, mean, sd, d.getPercentile(50), d.getMin(), d.getMax(),
                d.getPercentile(25), d.getPercentile(75), lo, hi);
    }

    /** From this many values the t interval's coverage holds for skewed timing samples too. */
    static final int LARGE = 30;

    /** Cox's 95% interval of the mean of a lognormal sample (all values positive), with the t quantile {@code t}. */
    static double[] logScale(double[] v, double t) {
        DescriptiveStatistics logs = new DescriptiveStatistics();
        for (double x : v) {
            logs.addValue(Math.log(x));
        }
        double s2 = logs.getVariance();
        double centre = logs.getMean() + s2 / 2;
        double se = Math.sqrt(s2 / v.length + s2 * s2 / (2.0 * (v.length - 1)));
        return new double[] {Math.exp(centre - t * se), Math.exp(centre + t * se)};
    }

    /**
     * Values that are not one sample (tasks of several sizes pooled): their count, mean, median, range and
     * quartiles describe the pool, but a spread or an interval of a mean across sizes would mean nothing, so
     * sd and the interval are NaN (shown as "-").
     */
    public static SampleStats pooled(double[] values) {
        SampleStats s = of(values);
        return new SampleStats(s.n, s.mean, Double.NaN, s.median, s.min, s.max, s.q1, s.q3, Double.NaN, Double.NaN);
    }

    /** sd / mean, NaN when undefined. */
    public double cv() {
        return mean == 0 ? Double.NaN : sd / mean;
    }
}
