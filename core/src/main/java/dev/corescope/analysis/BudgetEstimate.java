package dev.corescope.analysis;

import java.util.List;

/**
 * The estimated duration of an assessment, from a pilot on the smallest sizes: a free power law
 * t = c·n^k through the pilot's median times ({@link ComplexityFit} with 3 or more sizes; the line
 * through two points in log-log space with 2; a constant with 1) predicts each size, then
 * total ≈ warm-up + Σ repeats·t(n) / workers + verification Σ k·t(n).
 */
public record BudgetEstimate(double seconds, double exponent, double constant, List<Long> pilotSizes) {

    /** Power law through the pilot medians. */
    public static double[] powerLaw(double[] sizes, double[] medians) {
        if (sizes.length >= 3) {
            ComplexityResult r = ComplexityFit.fit(sizes, medians);
            return new double[] {r.powerConstant(), r.powerExponent()};
        }
        if (sizes.length == 2 && sizes[1] != sizes[0]) {
            double k = Math.log(medians[1] / medians[0]) / Math.log(sizes[1] / sizes[0]);
            return new double[] {medians[0] / Math.pow(sizes[0], k), k};
        }
        return new double[] {medians[0], 0};
    }

    /**
     * @param sizes          all sizes of the plan
     * @param repeats        repeats per size
     * @param workers        parallel workers
     * @param warmupPerWorker warm-up tasks per worker (cycling through the sizes)
     * @param verifyRepeats  one-worker repeats per size (0 without --verify)
     */
    public static BudgetEstimate of(double[] pilotSizes, double[] pilotMedians, List<Long> sizes, int repeats,
                                    int workers, int warmupPerWorker, int verifyRepeats) {
        double[] law = powerLaw(pilotSizes, pilotMedians);
        double c = law[0];
        double k = law[1];
        double perRepeat = 0;
        for (long n : sizes) {
            perRepeat += c * Math.pow(n, k);
        }
        double warm = 0;
        for (int i = 0; i < warmupPerWorker; i++) {
            warm += c * Math.pow(sizes.get(i % sizes.size()), k);
        }
        double total = warm + perRepeat * repeats / workers + perRepeat * verifyRepeats;
        return new BudgetEstimate(total, k, c, java.util.Arrays.stream(pilotSizes).mapToLong(d -> (long) d).boxed().toList());
    }
}
