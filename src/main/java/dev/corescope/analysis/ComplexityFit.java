package dev.corescope.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.hipparchus.stat.regression.SimpleRegression;

/**
 * Empirical complexity: fits t = a + c·f(n) for f ∈ {n, n ln n, n², n³} and a free power law
 * t = c·n^k.
 *
 * <p>Mean times typically span several decades across sizes, so an ordinary least-squares fit would be
 * decided almost entirely by the largest size. The fixed models are therefore fitted by least squares on
 * <em>relative</em> residuals, minimising Σ((t − a − c·f(n))/t)² (weighted least squares, weights 1/t²,
 * solved in closed form), and the best model is the one with the smallest relative RMS error
 * sqrt(mean(((t − pred)/t)²)) among models with c &gt; 0 (a shrinking-with-n fit is not a growth
 * model; if none has c &gt; 0 all are eligible). The power law is an ordinary regression of ln t on ln n
 * ({@link SimpleRegression}).
 */
public final class ComplexityFit {

    private static final String[] NAMES = {ModelFit.LINEAR, ModelFit.N_LOG_N, ModelFit.QUADRATIC, ModelFit.CUBIC};

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
        List<Double> ns = new ArrayList<>();
        List<Double> ts = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            if (Double.isFinite(sizes[i]) && sizes[i] > 0 && Double.isFinite(meanSeconds[i]) && meanSeconds[i] > 0) {
                ns.add(sizes[i]);
                ts.add(meanSeconds[i]);
            }
        }
        if (ns.stream().distinct().count() < 3) {
            throw new IllegalArgumentException("need at least 3 distinct sizes with positive finite times");
        }
        double[] n = ns.stream().mapToDouble(Double::doubleValue).toArray();
        double[] t = ts.stream().mapToDouble(Double::doubleValue).toArray();

        List<ModelFit> models = new ArrayList<>();
        for (String name : NAMES) {
            models.add(fitModel(name, n, t));
        }
        boolean anyGrowing = models.stream().anyMatch(m -> m.constant() > 0);
        ModelFit best = null;
        double bestErr = Double.POSITIVE_INFINITY;
        for (ModelFit m : models) {
            if (anyGrowing && !(m.constant() > 0)) {
                continue;
            }
            double e = relativeRmse(m, n, t);
            if (best == null || e < bestErr) {
                best = m;
                bestErr = e;
            }
        }

        SimpleRegression loglog = new SimpleRegression();
        for (int i = 0; i < n.length; i++) {
            loglog.addData(Math.log(n[i]), Math.log(t[i]));
        }
        return new ComplexityResult(models, best, loglog.getSlope(), Math.exp(loglog.getIntercept()),
                loglog.getRSquare());
    }

    /** sqrt(mean(((t − pred)/t)²)): the selection criterion. */
    public static double relativeRmse(ModelFit model, double[] sizes, double[] seconds) {
        double s = 0;
        int k = 0;
        for (int i = 0; i < sizes.length; i++) {
            if (seconds[i] > 0 && Double.isFinite(seconds[i]) && sizes[i] > 0) {
                double r = (seconds[i] - model.predict(sizes[i])) / seconds[i];
                s += r * r;
                k++;
            }
        }
        return k == 0 ? Double.NaN : Math.sqrt(s / k);
    }

    /** Weighted LS with weights 1/t²: minimise Σ(1 − a·u − c'·v)², u = 1/t, v = f'/t, f' = f/max f. */
    private static ModelFit fitModel(String name, double[] n, double[] t) {
        DoubleUnaryOperator f = ModelFit.basis(name);
        double fmax = 0;
        for (double x : n) {
            fmax = Math.max(fmax, Math.abs(f.applyAsDouble(x)));
        }
        if (fmax == 0) {
            fmax = 1;
        }
        double suu = 0;
        double suv = 0;
        double svv = 0;
        double su = 0;
        double sv = 0;
        for (int i = 0; i < n.length; i++) {
            double u = 1 / t[i];
            double v = f.applyAsDouble(n[i]) / fmax / t[i];
            suu += u * u;
            suv += u * v;
            svv += v * v;
            su += u;
            sv += v;
        }
        double det = suu * svv - suv * suv;
        double a;
        double c;
        if (Math.abs(det) > 1e-12 * Math.abs(suu * svv) && det != 0) {
            a = (su * svv - sv * suv) / det;
            c = (suu * sv - suv * su) / det / fmax;
        } else {   // degenerate: fall back to pure proportional fit t = c·f(n)
            a = 0;
            c = sv / svv / fmax;
        }
        double mean = 0;
        for (double x : t) {
            mean += x;
        }
        mean /= t.length;
        double ssr = 0;
        double sst = 0;
        for (int i = 0; i < n.length; i++) {
            double r = t[i] - (a + c * f.applyAsDouble(n[i]));
            ssr += r * r;
            sst += (t[i] - mean) * (t[i] - mean);
        }
        double r2 = sst > 0 ? 1 - ssr / sst : Double.NaN;
        return new ModelFit(name, c, a, r2, Math.sqrt(ssr / n.length));
    }
}
