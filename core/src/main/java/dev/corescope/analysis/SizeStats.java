package dev.corescope.analysis;

import java.util.Arrays;
import java.util.List;

/**
 * One (algorithm, size) cell of an assessment, in seconds: successful tasks' count, mean, sample sd,
 * CV, median, min, max, the two-sided 95% confidence interval of the mean ({@link SampleStats}: never below zero), and the repeats
 * flagged as outliers by Tukey's fences (1.5 × IQR). Outliers are kept in every statistic.
 */
public record SizeStats(String algorithm, long size, int count, int failed, double mean, double sd, double cv,
                        double median, double min, double max, double ciLow, double ciHigh, List<Integer> outlierRepeats) {
    public SizeStats {
        outlierRepeats = List.copyOf(outlierRepeats);
    }

    /**
     * @param seconds wall seconds of the successful tasks
     * @param repeats the repeat number of each value (same order)
     */
    public static SizeStats of(String algorithm, long size, double[] seconds, int[] repeats, int failed) {
        SampleStats s = SampleStats.of(seconds);
        int[] out = Outliers.tukey(seconds);
        List<Integer> flagged = Arrays.stream(out).map(i -> repeats[i]).sorted().boxed().toList();
        return new SizeStats(algorithm, size, s.n(), failed, s.mean(), s.sd(), s.cv(), s.median(), s.min(), s.max(),
                s.ciLow(), s.ciHigh(), flagged);
    }
}
