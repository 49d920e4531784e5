package dev.corescope.report;

import dev.corescope.analysis.ComplexityFit;
import dev.corescope.analysis.ModelFit;
import dev.corescope.analysis.Units;
import dev.corescope.experiment.Assessment.Fit;
import java.util.List;

/**
 * The words of a complexity fit, the same on the console, in report.html and on the chart: the model (or "no model
 * fits"), its cross-validated error, its worst residual and whether the residuals curve.
 */
public final class FitText {
    /** The columns of the fit table. */
    public static final List<String> HEADER = List.of("algorithm", "model", "R² (ln t)", "CV error", "worst residual",
            "residuals", "constant (s/unit)", "intercept ms", "power law k");

    private FitText() {
    }

    /** {@code O(n log n)}, {@code O(1.62^n)}, or {@code no model fits (closest O(n^3))}; the note when not fitted. */
    public static String model(Fit f) {
        if (f == null) {
            return "-";
        }
        if (!f.fitted()) {
            return f.note() == null ? "-" : f.note();
        }
        return f.noModelFits() ? "no model fits (closest " + f.label() + ")" : f.label();
    }

    /** The table's cells after the algorithm's name. */
    public static List<String> cells(Fit f) {
        if (f == null || !f.fitted()) {
            return List.of(model(f), "-", "-", "-", "-", "-", "-", "-");
        }
        ModelFit.Check c = f.check();
        return List.of(model(f), Units.num(f.rSquared(), 4), c == null ? "-" : relative(c.cvError()),
                c == null ? "-" : worst(c), c == null ? "-" : residuals(c),
                Double.isFinite(f.constant()) ? Units.format("%.4g", f.constant()) : "-", Units.ms(f.intercept()),
                Units.num(f.powerExponent(), 3));
    }

    /** The cross-validated RMS log error as a relative error: {@code ±4.1%}. */
    static String relative(double logError) {
        return Double.isFinite(logError) ? "±" + Units.pct(Math.expm1(logError)) : "-";
    }

    /** {@code +6.3% at n=20}. */
    static String worst(ModelFit.Check c) {
        if (!Double.isFinite(c.worstResidual())) {
            return "-";
        }
        return signedPct(c.worstResidual()) + " at n=" + Units.format("%,.0f", c.worstAt());
    }

    /** {@code no systematic curve}, {@code curved: bow +37% (p=2e-08)}, or why it cannot be judged. */
    static String residuals(ModelFit.Check c) {
        if (!Double.isFinite(c.bowP())) {
            return "fewer than 5 sizes: curve not judged";
        }
        if (!c.curved()) {
            return "no systematic curve";
        }
        String bow = "bow " + signedPct(c.bow()) + Units.format(" (p=%.1g)", c.bowP());
        return Math.abs(c.bow()) > ComplexityFit.MAX_BOW ? "curved: " + bow : "slight " + bow;
    }

    /** One line for an algorithm's fit: what fits, or that nothing does and why. */
    public static String line(String algorithm, Fit f) {
        if (f == null || !f.fitted()) {
            return algorithm + ": " + model(f);
        }
        ModelFit.Check c = f.check();
        if (c == null) {
            return algorithm + ": best model " + f.label() + Units.format(", R² %.3f", f.rSquared());
        }
        String facts = "cross-validated error " + relative(c.cvError()) + ", worst residual " + worst(c) + ", "
                + residuals(c);
        return f.noModelFits()
                ? algorithm + ": no model fits; the closest, " + f.label() + ", has " + facts
                : algorithm + ": " + f.label() + " fits (" + facts + ")";
    }

    private static String signedPct(double fraction) {
        if (!Double.isFinite(fraction)) {
            return "-";
        }
        if (Math.abs(fraction) >= 10) {
            return (fraction > 0 ? "+" : "-") + Units.format("%.0fx", 1 + Math.abs(fraction));
        }
        return (fraction >= 0 ? "+" : "") + Units.pct(fraction);
    }
}
