package dev.corescope.analysis;


/**
 * Change detection between two samples of the same measurement (like criterion's): the ratio of
 * means {@code mean(after) / mean(before)} with a percentile bootstrap CI, and a three-way verdict decided
 * by the interval, never by the point estimate (Chromium Pinpoint's different / same / need more data):
 * {@code faster} / {@code slower} when the whole CI lies beyond the noise threshold, {@code no change}
 * when the whole CI lies within it (equivalence, as TOST decides it), {@code inconclusive} when it
 * straddles the threshold: more samples are needed to tell, and with fewer than {@value #MIN_SAMPLES} tasks a side
 * (no interval worth the name: the CI is NaN).
 */
public record Comparison(int nBefore, int nAfter, double meanBefore, double meanAfter, double ratio, double ciLow,
                         double ciHigh, String verdict) {

    public static final String FASTER = "faster";
    public static final String SLOWER = "slower";
    public static final String NO_CHANGE = "no change";
    public static final String INCONCLUSIVE = "inconclusive";
    /** Fewer tasks than this on either side decide nothing. */
    public static final int MIN_SAMPLES = 5;

    public static Comparison of(double[] before, double[] after, double noise, double confidence, int resamples,
                                long seed) {
        double[] a = Samples.finite(before);
        double[] b = Samples.finite(after);
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("both samples need at least one value");
        }
        double ma = Samples.finiteMean(a);
        double mb = Samples.finiteMean(b);
        if (a.length < MIN_SAMPLES || b.length < MIN_SAMPLES) {
            return new Comparison(a.length, b.length, ma, mb, mb / ma, Double.NaN, Double.NaN, INCONCLUSIVE);
        }
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
            verdict = INCONCLUSIVE;
        }
        return new Comparison(a.length, b.length, ma, mb, mb / ma, lo, hi, verdict);
    }

    /** A regression beyond {@code limit}: slower, with the CI's lower bound above 1 + limit. */
    public boolean regressionBeyond(double limit) {
        return SLOWER.equals(verdict) && ciLow > 1 + limit;
    }
}
