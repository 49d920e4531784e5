package dev.corescope.analysis;

import java.util.List;

/**
 * Result of {@link ComplexityFit#fit}.
 *
 * @param models         the four fixed models, in order O(n), O(n log n), O(n^2), O(n^3)
 * @param best           the fixed model with the smallest relative RMS error (see {@link ComplexityFit})
 * @param powerExponent  k of the free power law t = c · n^k (log-log regression)
 * @param powerConstant  c of the power law
 * @param powerRSquared  R² of the log-log regression
 */
public record ComplexityResult(List<ModelFit> models, ModelFit best, double powerExponent, double powerConstant,
                               double powerRSquared) {

    public ComplexityResult {
        models = List.copyOf(models);
    }

    /** Seconds predicted by the best fixed model at size n. */
    public double predict(double n) {
        return best.predict(n);
    }
}
