package dev.corescope.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.MultivariateJacobianFunction;
import org.hipparchus.util.Pair;

/**
 * Universal Scalability Law fit X(N) = λN / (1 + σ(N−1) + κN(N−1)) (Gunther), by Levenberg–Marquardt
 * with σ, κ ≥ 0 and λ &gt; 0 enforced by clamping each trial point (a {@code ParameterValidator}).
 *
 * @param lambda         throughput of one worker (tasks/s) in the model
 * @param sigma          contention (serialisation) coefficient, ≥ 0
 * @param kappa          coherency (crosstalk) coefficient, ≥ 0
 * @param peakWorkers    sqrt((1−σ)/κ); +Infinity when κ = 0 (and σ &lt; 1); 1 when σ ≥ 1
 * @param peakThroughput X at peakWorkers (the asymptote λ/σ when κ = 0; +Infinity when σ = κ = 0)
 * @param rSquared       1 − SSres/SStot of the fit on the throughput scale (NaN if SStot = 0)
 */
public record UslFit(double lambda, double sigma, double kappa, double peakWorkers, double peakThroughput,
                     double rSquared) {

    /** Model throughput at N workers. */
    public double predict(double n) {
        return lambda * n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
    }

    /** Fit from measured levels (throughput = workers / mean wall). Null if &lt; 3 usable levels or failure. */
    public static UslFit fit(List<LevelSample> levels) {
        List<LevelSample> sorted = levels.stream().sorted(Comparator.comparingInt(LevelSample::workers)).toList();
        double[] n = new double[sorted.size()];
        double[] x = new double[sorted.size()];
        for (int i = 0; i < n.length; i++) {
            n[i] = sorted.get(i).workers();
            x[i] = Knee.throughput(sorted.get(i));
        }
        return fit(n, x);
    }

    /**
     * Fit from (N, X) pairs. Pairs with non-finite or non-positive values are ignored. Returns null when
     * fewer than 3 distinct N remain or the optimiser fails; never throws on odd data.
     */
    public static UslFit fit(double[] workers, double[] throughput) {
        try {
            return doFit(workers, throughput);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static UslFit doFit(double[] workers, double[] throughput) {
        if (workers == null || throughput == null || workers.length != throughput.length) {
            return null;
        }
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < workers.length; i++) {
            if (Double.isFinite(workers[i]) && workers[i] > 0 && Double.isFinite(throughput[i]) && throughput[i] > 0) {
                pts.add(new double[] {workers[i], throughput[i]});
            }
        }
        pts.sort(Comparator.comparingDouble(p -> p[0]));
        if (pts.stream().mapToDouble(p -> p[0]).distinct().count() < 3) {
            return null;
        }
        double[] n = pts.stream().mapToDouble(p -> p[0]).toArray();
        double[] x = pts.stream().mapToDouble(p -> p[1]).toArray();

        double lambda0 = x[0] / n[0];   // throughput per worker at the smallest level
        List<double[]> starts = new ArrayList<>();
        starts.add(linearisedStart(n, x, lambda0));
        starts.add(new double[] {lambda0, 0.01, 1e-4});
        starts.add(new double[] {lambda0, 0.1, 0.01});
        starts.add(new double[] {lambda0, 0.0, 0.0});

        double[] best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (double[] s : starts) {
            double[] p;
            try {
                p = optimise(n, x, s);
            } catch (RuntimeException e) {
                continue;
            }
            double c = sse(n, x, p);
            if (Double.isFinite(c) && c < bestCost) {
                bestCost = c;
                best = p;
            }
        }
        if (best == null) {
            return null;
        }
        double lambda = best[0];
        double sigma = best[1];
        double kappa = best[2];
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double sst = 0;
        for (double v : x) {
            sst += (v - mean) * (v - mean);
        }
        double r2 = sst > 0 ? 1 - bestCost / sst : Double.NaN;

        double peakN;
        double peakX;
        if (sigma >= 1) {
            peakN = 1;
            peakX = lambda;
        } else if (kappa == 0) {
            peakN = Double.POSITIVE_INFINITY;
            peakX = sigma > 0 ? lambda / sigma : Double.POSITIVE_INFINITY;
        } else {
            peakN = Math.sqrt((1 - sigma) / kappa);
            peakX = lambda * peakN / (1 + sigma * (peakN - 1) + kappa * peakN * (peakN - 1));
        }
        return new UslFit(lambda, sigma, kappa, peakN, peakX, r2);
    }

    /**
     * Start point from the linearisation N/C(N) − 1 = σ(N−1) + κN(N−1), C = X/λ0, solved by least
     * squares through the origin (2×2 normal equations), clamped to ≥ 0.
     */
    private static double[] linearisedStart(double[] n, double[] x, double lambda0) {
        double s11 = 0;
        double s12 = 0;
        double s22 = 0;
        double t1 = 0;
        double t2 = 0;
        for (int i = 0; i < n.length; i++) {
            double c = x[i] / lambda0;
            double y = n[i] / c - 1;
            double a = n[i] - 1;
            double b = n[i] * (n[i] - 1);
            s11 += a * a;
            s12 += a * b;
            s22 += b * b;
            t1 += a * y;
            t2 += b * y;
        }
        double det = s11 * s22 - s12 * s12;
        double sigma = 0.01;
        double kappa = 1e-4;
        if (det != 0 && Double.isFinite(det)) {
            sigma = (t1 * s22 - t2 * s12) / det;
            kappa = (s11 * t2 - s12 * t1) / det;
        }
        if (!Double.isFinite(sigma) || sigma < 0) {
            sigma = 0;
        }
        if (!Double.isFinite(kappa) || kappa < 0) {
            kappa = 0;
        }
        return new double[] {lambda0, sigma, kappa};
    }

    private static double[] optimise(double[] n, double[] x, double[] start) {
        MultivariateJacobianFunction model = point -> {
            double l = point.getEntry(0);
            double s = point.getEntry(1);
            double k = point.getEntry(2);
            RealVector value = new ArrayRealVector(n.length);
            RealMatrix jac = new Array2DRowRealMatrix(n.length, 3);
            for (int i = 0; i < n.length; i++) {
                double ni = n[i];
                double d = 1 + s * (ni - 1) + k * ni * (ni - 1);
                value.setEntry(i, l * ni / d);
                jac.setEntry(i, 0, ni / d);
                jac.setEntry(i, 1, -l * ni * (ni - 1) / (d * d));
                jac.setEntry(i, 2, -l * ni * ni * (ni - 1) / (d * d));
            }
            return new Pair<>(value, jac);
        };
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .start(start)
                .model(model)
                .target(x)
                .lazyEvaluation(false)
                .maxEvaluations(10_000)
                .maxIterations(10_000)
                .parameterValidator(p -> {
                    RealVector q = p.copy();
                    q.setEntry(0, Math.max(q.getEntry(0), 1e-12));
                    q.setEntry(1, Math.max(q.getEntry(1), 0.0));
                    q.setEntry(2, Math.max(q.getEntry(2), 0.0));
                    return q;
                })
                .build();
        LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer().optimize(problem);
        double[] p = opt.getPoint().toArray();
        for (double v : p) {
            if (!Double.isFinite(v)) {
                throw new IllegalStateException("non-finite USL parameter");
            }
        }
        return p;
    }

    private static double sse(double[] n, double[] x, double[] p) {
        double s = 0;
        for (int i = 0; i < n.length; i++) {
            double d = 1 + p[1] * (n[i] - 1) + p[2] * n[i] * (n[i] - 1);
            double r = x[i] - p[0] * n[i] / d;
            s += r * r;
        }
        return s;
    }
}
