package dev.corescope.analysis;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * The group-sequential design of investigate's repeated looks at a level: a level is looked at after
 * {@code first} rounds, then after twice as many, and so on up to {@code max} rounds (5, 10, 20, 40 by
 * default), and may be decided at any look. Each direction (OK: the worst-off worker is within the
 * tolerance; WORSE: it is beyond it) may err with probability at most {@code alpha} over all the looks
 * together: the error is spent by the Kim–DeMets power spending function
 * {@code alpha(t) = alpha · t^RHO} of the information fraction {@code t = rounds / max}, and look k is
 * tested at the level spent since look k−1, {@code alpha(t_k) − alpha(t_{k−1})}. Summing the looks' levels
 * (a Bonferroni bound across looks, which needs no assumption about how the looks' statistics correlate)
 * keeps the total within {@code alpha}; it is slightly conservative against the exact recursive
 * boundaries of Lan and DeMets. With RHO = 2 the early looks are strict, as O'Brien and Fleming's, so a
 * level is decided at 5 rounds only when it is clear-cut.
 *
 * @param first rounds at the first look (at least 5)
 * @param max   rounds at the last look: the sample budget of a level
 * @param alpha one-sided error per direction over all looks ((1 − confidence) / 2)
 */
public record SpendingDesign(int first, int max, double alpha) {
    public static final int FIRST = 5;
    /** The power of the spending function. */
    public static final double RHO = 2;
    private static final NormalDistribution NORMAL = new NormalDistribution();

    public SpendingDesign {
        if (first < 2 || max < first) {
            throw new IllegalArgumentException("looks need 2 <= first <= max rounds, got " + first + " and " + max);
        }
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("alpha must be in (0, 0.5): " + alpha);
        }
    }

    /** The default design: first look at 5 rounds, at most {@code max}, at this two-sided confidence. */
    public static SpendingDesign of(int max, double confidence) {
        return new SpendingDesign(Math.min(FIRST, max), max, (1 - confidence) / 2);
    }

    /**
     * The design for a level of {@code workers} workers: the budget grows with P, because a level is OK only
     * when every worker's own bound is within the tolerance, and the largest of P equal workers' estimates is
     * above the common value by about √(2 ln P) standard errors: the budget is {@code max} times
     * {@code ((z + √(2 ln P)) / (z + √(2 ln 2)))²} (z = 1.96), so that a level of P workers gets the precision
     * per worker that 2 workers get with {@code max} rounds: 1× up to 2 workers, 1.9× at 16, 2.4× at 64,
     * 2.6× at 128.
     */
    public SpendingDesign forWorkers(int workers) {
        if (workers <= 2) {
            return this;
        }
        double z = 1.96;
        double f = Math.pow((z + Math.sqrt(2 * Math.log(workers))) / (z + Math.sqrt(2 * Math.log(2))), 2);
        return new SpendingDesign(first, (int) Math.ceil(max * f), alpha);
    }

    /** A single look (the fixed-sample design): all of {@code alpha} at once. */
    public static double single(double confidence) {
        return (1 - confidence) / 2;
    }

    /** The rounds at which a level is looked at: first, 2 × first, ... and max last. */
    public List<Integer> schedule() {
        List<Integer> out = new ArrayList<>();
        for (int r = first; r < max; r *= 2) {
            out.add(r);
        }
        out.add(max);
        return out;
    }

    /** The rounds of the next look after {@code rounds} (max when none is left). */
    public int next(int rounds) {
        for (int r : schedule()) {
            if (r > rounds) {
                return r;
            }
        }
        return max;
    }

    /** The error spent up to information fraction {@code t}: {@code alpha · t^RHO}. */
    public double spent(double t) {
        return alpha * Math.pow(Math.max(0, Math.min(1, t)), RHO);
    }

    /**
     * The one-sided level of the look at {@code rounds} (the largest scheduled look at or below it): the
     * error spent since the previous look. 0 before the first look.
     */
    public double levelAt(int rounds) {
        double previous = 0;
        double at = 0;
        for (int r : schedule()) {
            if (r > rounds) {
                break;
            }
            previous = at;
            at = spent((double) r / max);
        }
        return at - previous;
    }

    /** Whether {@code rounds} is the budget's end. */
    public boolean last(int rounds) {
        return rounds >= max;
    }

    /** Student's t quantile at {@code p} with {@code df} degrees of freedom. */
    static double t(double p, int df) {
        return new org.hipparchus.distribution.continuous.TDistribution(df).inverseCumulativeProbability(p);
    }

    /** The standard normal quantile at {@code p}. */
    static double z(double p) {
        return NORMAL.inverseCumulativeProbability(p);
    }
}
