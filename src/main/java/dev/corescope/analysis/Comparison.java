package dev.corescope.analysis;


/**
 * Change detection between two samples of the same measurement (like criterion's): the ratio of
 * means {@code mean(after) / mean(before)} with a percentile bootstrap CI, and a verdict:
 * {@code faster} / {@code slower} when the whole CI lies beyond the noise threshold, {@code no change}
 * when it lies within it, {@code within noise} when it straddles the threshold (not enough evidence).
 */
public record Comparison(int nBefore, int nAfter, double meanBefore, double meanAfter, double ratio, double ciLow,
                         double ciHigh, String verdict) {

    public static final String FASTER = "faster";
    public static final String SLOWER = "slower";
    public static final String NO_CHANGE = "no change";
    public static final String WITHIN_NOISE = "within noise";

    public static Comparison of(double[] before, double[] after, double noise, double confidence, int resamples,
                                long seed) {
        double[] a = Samples.finite(before);
        double[] b = Samples.finite(after);
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("both samples need at least one value");
        }
        double ma = Samples.finiteMean(a);
        double mb = Samples.finiteMean(b);
        double[] ci = Bootstrap.interval(Bootstrap.draws(resamples, seed,
                rng -> Bootstrap.mean(b, rng) / Bootstrap.mean(a, rng)), confidence);
        double lo = ci[0];
        double hi = ci[1];
        String verdict;
        if (hi < 1 - noise) {
            verdict = FASTER;
        } else if (lo > 1 + noise) {
            verdict = SLOWER;
        } else if (lo >= 1 - noise && hi <= 1 + noise) {
            verdict = NO_CHANGE;
        } else {
            verdict = WITHIN_NOISE;
        }
        return new Comparison(a.length, b.length, ma, mb, mb / ma, lo, hi, verdict);
    }

    /** A regression beyond {@code limit}: slower, with the CI's lower bound above 1 + limit. */
    public boolean regressionBeyond(double limit) {
        return SLOWER.equals(verdict) && ciLow > 1 + limit;
    }
}
