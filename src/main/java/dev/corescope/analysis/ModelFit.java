package dev.corescope.analysis;

import java.util.function.DoubleUnaryOperator;

/**
 * One fixed complexity model t = intercept + constant · f(n).
 *
 * @param name      one of {@code O(n)}, {@code O(n log n)}, {@code O(n^2)}, {@code O(n^3)}
 * @param constant  c, seconds per unit of f(n)
 * @param intercept a, fixed overhead in seconds
 * @param rSquared  1 − SSres/SStot on the raw seconds scale
 * @param rmse      root-mean-square error in seconds (raw scale)
 */
public record ModelFit(String name, double constant, double intercept, double rSquared, double rmse) {

    public static final String LINEAR = "O(n)";
    public static final String N_LOG_N = "O(n log n)";
    public static final String QUADRATIC = "O(n^2)";
    public static final String CUBIC = "O(n^3)";

    /** Predicted seconds at size n. */
    public double predict(double n) {
        return intercept + constant * basis(name).applyAsDouble(n);
    }

    /** f(n) of a model name (natural log for n log n; the base only rescales the constant). */
    static DoubleUnaryOperator basis(String name) {
        return switch (name) {
            case LINEAR -> n -> n;
            case N_LOG_N -> n -> n * Math.log(n);
            case QUADRATIC -> n -> n * n;
            case CUBIC -> n -> n * n * n;
            default -> throw new IllegalArgumentException("unknown model " + name);
        };
    }
}
