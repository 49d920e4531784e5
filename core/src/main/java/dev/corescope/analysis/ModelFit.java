package dev.corescope.analysis;

import java.util.Locale;

/**
 * One complexity model fitted to mean times, and how well it fits.
 *
 * <p>The fixed models are t = intercept + constant · f(n) with f ∈ {0 (O(1)), ln n, n, n ln n, n², n³}; the free ones
 * are a power law t = constant · n<sup>shape</sup> and an exponential t = constant · shape<sup>n</sup>.
 *
 * @param name      one of the name constants below
 * @param constant  c: seconds per unit of f(n) (the power law's and the exponential's factor)
 * @param intercept a: fixed overhead in seconds (0 for the power law and the exponential)
 * @param shape     the power law's exponent k, the exponential's base b; NaN for the fixed models
 * @param check     how well it fits ({@link Check})
 */
public record ModelFit(String name, double constant, double intercept, double shape, Check check) {

    public static final String CONSTANT = "O(1)";
    public static final String LOG = "O(log n)";
    public static final String LINEAR = "O(n)";
    public static final String N_LOG_N = "O(n log n)";
    public static final String QUADRATIC = "O(n^2)";
    public static final String CUBIC = "O(n^3)";
    public static final String POWER = "O(n^k)";
    public static final String EXPONENTIAL = "O(b^n)";

    /**
     * How well a model fits the mean times (log residuals r = ln(t / predicted)).
     *
     * @param rSquared      R² of ln t (1 − Σr² / Σ(ln t − mean ln t)²); NaN when the times do not vary or for O(1)
     * @param cvError       leave-one-out cross-validated RMS of the log residuals (each size predicted by the model
     *                      fitted to the others): the selection criterion, which over-fitting does not lower
     * @param worstResidual the largest |t / predicted − 1| in the fit, signed (positive: measured slower)
     * @param worstAt       the size it is at
     * @param bow           systematic curvature of the residuals: the spread of a quadratic trend in ln n through the
     *                      log residuals (positive: the times bend up against the model, negative: down); NaN below
     *                      5 sizes
     * @param bowP          p-value of that curvature (F-test of the quadratic term); NaN below 5 sizes
     * @param fits          whether it passes the checks ({@link ComplexityFit})
     */
    public record Check(double rSquared, double cvError, double worstResidual, double worstAt, double bow, double bowP,
                        boolean fits) {
        public static final Check NONE = new Check(Double.NaN, Double.POSITIVE_INFINITY, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, false);

        /** Whether the residuals curve systematically (p &lt; {@link ComplexityFit#BOW_P}). */
        public boolean curved() {
            return bowP < ComplexityFit.BOW_P;
        }
    }

    /** Predicted seconds at size n. */
    public double predict(double n) {
        return predict(name, constant, intercept, shape, n);
    }

    /** Predicted seconds at size n of the model {@code name} with these parameters. */
    public static double predict(String name, double constant, double intercept, double shape, double n) {
        return switch (name) {
            case POWER -> constant * Math.pow(n, shape);
            case EXPONENTIAL -> Math.exp(Math.log(constant) + n * Math.log(shape));
            default -> intercept + constant * basis(name, n);
        };
    }

    /** The model's name with its exponent or base: {@code O(n^1.52)}, {@code O(1.618^n)}. */
    public String label() {
        return label(name, shape);
    }

    /** {@code name} with the power law's exponent or the exponential's base. */
    public static String label(String name, double shape) {
        if (POWER.equals(name) && Double.isFinite(shape)) {
            return String.format(Locale.ROOT, "O(n^%.2f)", shape);
        }
        if (EXPONENTIAL.equals(name) && Double.isFinite(shape)) {
            return String.format(Locale.ROOT, "O(%.3g^n)", shape);
        }
        return name;
    }

    /** Number of free parameters. */
    public int parameters() {
        return CONSTANT.equals(name) ? 1 : 2;
    }

    /** Whether the exponent or base is fixed by the model (all but the power law). */
    public boolean named() {
        return !POWER.equals(name);
    }

    /** f(n) of a fixed model (natural log; the base only rescales the constant). */
    static double basis(String name, double n) {
        return switch (name) {
            case CONSTANT -> 0;
            case LOG -> Math.log(n);
            case LINEAR -> n;
            case N_LOG_N -> n * Math.log(n);
            case QUADRATIC -> n * n;
            case CUBIC -> n * n * n;
            default -> throw new IllegalArgumentException("unknown model " + name);
        };
    }
}
