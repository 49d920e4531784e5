package dev.corescope.analysis;

import static dev.corescope.analysis.ModelFit.CONSTANT;
import static dev.corescope.analysis.ModelFit.CUBIC;
import static dev.corescope.analysis.ModelFit.EXPONENTIAL;
import static dev.corescope.analysis.ModelFit.LINEAR;
import static dev.corescope.analysis.ModelFit.LOG;
import static dev.corescope.analysis.ModelFit.N_LOG_N;
import static dev.corescope.analysis.ModelFit.POWER;
import static dev.corescope.analysis.ModelFit.QUADRATIC;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.stat.regression.SimpleRegression;

/**
 * Empirical complexity of mean times per input size, which says when no model fits.
 *
 * <p><b>Models.</b> t = a + c·f(n) for f ∈ {0, ln n, n, n ln n, n², n³} (O(1) … O(n³)), fitted by least squares on
 * relative residuals (Σ((t − a − c·f)/t)², times spanning decades), with the overhead a ≥ 0 (a negative one is refitted
 * as a = 0) and c &gt; 0; a power law t = c·n<sup>k</sup> (k &gt; 0) and an exponential t = c·b<sup>n</sup> (b &gt; 1),
 * each a regression of ln t (on ln n, on n).
 *
 * <p><b>Checks.</b> On log residuals r = ln(t / predicted): R² of ln t, the worst relative residual, and the
 * residuals' systematic curvature ({@link ResidualBow}). A model fits when its worst residual is within
 * {@value #MAX_RESIDUAL}, its R² of ln t is at least {@value #MIN_R_SQUARED} (not asked of O(1), nor when the times
 * span less than {@value #FLAT}×), and its residuals do not bow by more than {@value #MAX_BOW} with p &lt;
 * {@value #BOW_P}.
 *
 * <p><b>Selection.</b> Leave-one-out cross-validation: each size is predicted by the model fitted to the others,
 * and the RMS of those log errors is the criterion, so a model does not gain by bending through the noise. Among the
 * models that fit, a named class (O(1) … O(n³), exponential) before the free power law, which only describes times no
 * named class fits (its exponent, free to follow the noise, would otherwise win half the time against the class it
 * approximates); among those, the one-standard-error rule (Hastie, Tibshirani &amp; Friedman, ESL §7.10): of the
 * models whose cross-validated mean squared error is within one standard error of the smallest, the simplest (fewest
 * parameters, then the smallest error). When no model fits, {@code best} is the
 * candidate with the smallest cross-validated error and {@code fits} is false: "no model fits".
 */
public final class ComplexityFit {
    public static final double MAX_RESIDUAL = 0.25;
    public static final double MIN_R_SQUARED = 0.9;
    public static final double MAX_BOW = 0.10;
    public static final double BOW_P = 0.01;
    public static final double FLAT = 2.0;
    /** A held-out prediction off by more than this factor (or not positive) counts as off by this factor. */
    static final double CAP = Math.log(1000);
    private static final String[] MODELS = {CONSTANT, LOG, LINEAR, N_LOG_N, QUADRATIC, CUBIC, POWER, EXPONENTIAL};

    private ComplexityFit() {
    }

    /**
     * @param sizes       problem sizes (&gt; 0)
     * @param meanSeconds mean seconds per task at each size (&gt; 0)
     * @throws IllegalArgumentException on length mismatch or fewer than 3 distinct usable sizes
     */
    public static ComplexityResult fit(double[] sizes, double[] meanSeconds) {
        if (sizes.length != meanSeconds.length) {
            throw new IllegalArgumentException("sizes and meanSeconds differ in length");
        }
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            if (Double.isFinite(sizes[i]) && sizes[i] > 0 && Double.isFinite(meanSeconds[i]) && meanSeconds[i] > 0) {
                points.add(new double[] {sizes[i], meanSeconds[i]});
            }
        }
        if (points.stream().mapToDouble(p -> p[0]).distinct().count() < 3) {
            throw new IllegalArgumentException("need at least 3 distinct sizes with positive finite times");
        }
        points.sort(Comparator.comparingDouble(p -> p[0]));
        double[] n = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] t = points.stream().mapToDouble(p -> p[1]).toArray();

        List<ModelFit> models = new ArrayList<>();
        Map<String, double[]> folds = new HashMap<>();
        for (String name : MODELS) {
            double[] p = parameters(name, n, t);
            if (p == null) {
                models.add(new ModelFit(name, Double.NaN, Double.NaN, Double.NaN, ModelFit.Check.NONE));
                continue;
            }
            double[] held = heldOut(name, n, t);
            folds.put(name, held);
            models.add(new ModelFit(name, p[0], p[1], p[2], check(name, p, n, t, held)));
        }
        List<ModelFit> fitting = models.stream().filter(m -> m.check().fits()).toList();
        ModelFit best = fitting.isEmpty()
                ? models.stream().filter(m -> folds.containsKey(m.name()))
                        .min(Comparator.comparingDouble(m -> m.check().cvError())).orElseThrow()
                : simplestWithinOneSe(fitting, folds);

        SimpleRegression loglog = new SimpleRegression();
        for (int i = 0; i < n.length; i++) {
            loglog.addData(Math.log(n[i]), Math.log(t[i]));
        }
        return new ComplexityResult(models, best, !fitting.isEmpty(), loglog.getSlope(),
                Math.exp(loglog.getIntercept()), loglog.getRSquare());
    }

    /**
     * A named class before the free power law, which is only a description of times no named class fits; among them
     * the one-standard-error rule over the held-out squared errors.
     */
    private static ModelFit simplestWithinOneSe(List<ModelFit> fitting, Map<String, double[]> folds) {
        List<ModelFit> named = fitting.stream().filter(ModelFit::named).toList();
        List<ModelFit> pool = named.isEmpty() ? fitting : named;
        ModelFit min = pool.stream().min(Comparator.comparingDouble(m -> m.check().cvError())).orElseThrow();
        double[] sq = squares(folds.get(min.name()));
        double mse = mean(sq);
        double se = Math.sqrt(variance(sq, mse) / sq.length);
        return pool.stream().filter(m -> mean(squares(folds.get(m.name()))) <= mse + se + 1e-15)
                .min(Comparator.comparingInt(ModelFit::parameters).thenComparingDouble(m -> m.check().cvError()))
                .orElse(min);
    }

    /** {constant, intercept, shape} of model {@code name} fitted to (n, t); null when it is no growth model there. */
    static double[] parameters(String name, double[] n, double[] t) {
        switch (name) {
            case CONSTANT -> {
                double su = 0;
                double suu = 0;
                for (double x : t) {
                    su += 1 / x;
                    suu += 1 / (x * x);
                }
                return new double[] {0, su / suu, Double.NaN};
            }
            case POWER, EXPONENTIAL -> {
                SimpleRegression r = new SimpleRegression();
                for (int i = 0; i < n.length; i++) {
                    r.addData(name.equals(POWER) ? Math.log(n[i]) : n[i], Math.log(t[i]));
                }
                double slope = r.getSlope();
                if (!(slope > 0) || !Double.isFinite(r.getIntercept())) {
                    return null;
                }
                return new double[] {Math.exp(r.getIntercept()), 0, name.equals(POWER) ? slope : Math.exp(slope)};
            }
            default -> {
                return fixed(name, n, t);
            }
        }
    }

    /** Weighted LS with weights 1/t²: minimise Σ(1 − a·u − c'·v)², u = 1/t, v = f'/t, f' = f/max f; a ≥ 0, c &gt; 0. */
    private static double[] fixed(String name, double[] n, double[] t) {
        double fmax = 0;
        for (double x : n) {
            fmax = Math.max(fmax, Math.abs(ModelFit.basis(name, x)));
        }
        if (!(fmax > 0) || !Double.isFinite(fmax)) {
            return null;
        }
        double suu = 0;
        double suv = 0;
        double svv = 0;
        double su = 0;
        double sv = 0;
        for (int i = 0; i < n.length; i++) {
            double u = 1 / t[i];
            double v = ModelFit.basis(name, n[i]) / fmax / t[i];
            suu += u * u;
            suv += u * v;
            svv += v * v;
            su += u;
            sv += v;
        }
        double det = suu * svv - suv * suv;
        double a = Double.NaN;
        double c = Double.NaN;
        if (det > 1e-12 * suu * svv) {
            a = (su * svv - sv * suv) / det;
            c = (suu * sv - suv * su) / det;
        }
        if (!(a >= 0)) { // no overhead below zero: the constrained optimum is on a = 0
            a = 0;
            c = sv / svv;
        }
        c /= fmax;
        return c > 0 && Double.isFinite(c) ? new double[] {c, a, Double.NaN} : null;
    }

    /** ln(t_i / prediction of the model fitted without size i), capped at ±{@link #CAP}. */
    private static double[] heldOut(String name, double[] n, double[] t) {
        double[] e = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            double[] ln = new double[n.length - 1];
            double[] lt = new double[n.length - 1];
            for (int j = 0, k = 0; j < n.length; j++) {
                if (j != i) {
                    ln[k] = n[j];
                    lt[k++] = t[j];
                }
            }
            double[] p = distinct(ln) >= 2 ? parameters(name, ln, lt) : null;
            e[i] = p == null ? CAP : logResidual(t[i], ModelFit.predict(name, p[0], p[1], p[2], n[i]));
        }
        return e;
    }

    private static double logResidual(double t, double predicted) {
        if (!(predicted > 0) || Double.isNaN(predicted)) {
            return CAP;
        }
        double r = Math.log(t / predicted);
        return Math.max(-CAP, Math.min(CAP, r));
    }

    private static ModelFit.Check check(String name, double[] p, double[] n, double[] t, double[] held) {
        int m = n.length;
        double[] r = new double[m];
        double[] x = new double[m];
        double meanLog = 0;
        double worst = 0;
        double worstAt = Double.NaN;
        for (int i = 0; i < m; i++) {
            double pred = ModelFit.predict(name, p[0], p[1], p[2], n[i]);
            r[i] = logResidual(t[i], pred);
            x[i] = Math.log(n[i]);
            meanLog += Math.log(t[i]);
            double rel = pred > 0 ? t[i] / pred - 1 : Double.POSITIVE_INFINITY;
            if (Double.isNaN(worstAt) || Math.abs(rel) > Math.abs(worst)) {
                worst = rel;
                worstAt = n[i];
            }
        }
        meanLog /= m;
        double ssRes = 0;
        double ssTot = 0;
        double tMin = Double.POSITIVE_INFINITY;
        double tMax = 0;
        for (int i = 0; i < m; i++) {
            ssRes += r[i] * r[i];
            ssTot += (Math.log(t[i]) - meanLog) * (Math.log(t[i]) - meanLog);
            tMin = Math.min(tMin, t[i]);
            tMax = Math.max(tMax, t[i]);
        }
        double r2 = name.equals(CONSTANT) || !(ssTot > 0) ? Double.NaN : 1 - ssRes / ssTot;
        double cv = Math.sqrt(mean(squares(held)));
        ResidualBow bow = ResidualBow.of(x, r);
        boolean flat = tMax < FLAT * tMin;
        boolean fits = Double.isFinite(cv) && Math.abs(worst) <= MAX_RESIDUAL
                && (name.equals(CONSTANT) || flat || r2 >= MIN_R_SQUARED)
                && !(bow.p() < BOW_P && Math.abs(bow.bow()) > MAX_BOW);
        return new ModelFit.Check(r2, cv, worst, worstAt, bow.bow(), bow.p(), fits);
    }

    private static long distinct(double[] v) {
        return java.util.Arrays.stream(v).distinct().count();
    }

    private static double[] squares(double[] e) {
        double[] s = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            s[i] = e[i] * e[i];
        }
        return s;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double variance(double[] v, double mean) {
        if (v.length < 2) {
            return 0;
        }
        double s = 0;
        for (double x : v) {
            s += (x - mean) * (x - mean);
        }
        return s / (v.length - 1);
    }
}
