package dev.corescope.experiment;

import dev.corescope.analysis.SampleStats;
import java.util.SplittableRandom;

/**
 * The ratios that say whether parallel assessment added bias or noise: mean(parallel) / mean(one
 * worker) and sd(parallel) / sd(one worker), each with a 95% percentile-bootstrap confidence interval
 * (the two samples resampled independently, 2000 resamples, fixed seed, so the interval is
 * reproducible).
 */
public record RatioStats(int parallelCount, int singleCount, double meanRatio, double meanRatioLow,
                         double meanRatioHigh, double sdRatio, double sdRatioLow, double sdRatioHigh) {
    static final int RESAMPLES = 2000;

    public static RatioStats of(double[] parallel, double[] single, long seed) {
        SampleStats p = SampleStats.of(parallel);
        SampleStats s = SampleStats.of(single);
        double meanRatio = p.mean() / s.mean();
        double sdRatio = s.sd() > 0 ? p.sd() / s.sd() : Double.NaN;
        if (parallel.length < 2 || single.length < 2) {
            return new RatioStats(parallel.length, single.length, meanRatio, Double.NaN, Double.NaN, sdRatio,
                    Double.NaN, Double.NaN);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] means = new double[RESAMPLES];
        double[] sds = new double[RESAMPLES];
        double[] a = new double[parallel.length];
        double[] b = new double[single.length];
        for (int k = 0; k < RESAMPLES; k++) {
            for (int i = 0; i < a.length; i++) {
                a[i] = parallel[random.nextInt(parallel.length)];
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = single[random.nextInt(single.length)];
            }
            double ma = mean(a);
            double mb = mean(b);
            means[k] = ma / mb;
            double sb = sd(b, mb);
            sds[k] = sb > 0 ? sd(a, ma) / sb : Double.NaN;
        }
        java.util.Arrays.sort(means);
        double[] finiteSds = java.util.Arrays.stream(sds).filter(Double::isFinite).sorted().toArray();
        return new RatioStats(parallel.length, single.length, meanRatio, quantile(means, 0.025),
                quantile(means, 0.975), sdRatio, quantile(finiteSds, 0.025), quantile(finiteSds, 0.975));
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double sd(double[] v, double mean) {
        double s = 0;
        for (double x : v) {
            s += (x - mean) * (x - mean);
        }
        return Math.sqrt(s / (v.length - 1));
    }

    private static double quantile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
