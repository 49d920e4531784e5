package dev.corescope.analysis;

import org.hipparchus.distribution.continuous.FDistribution;

/**
 * Systematic curvature of a fit's log residuals: whether a quadratic in ln n explains them better than a straight
 * line (an F-test of the quadratic term, 1 and m − 3 degrees of freedom), and by how much the residuals bend: the
 * spread, over the measured sizes, of what the quadratic adds to the line, as a relative factor (e<sup>spread</sup>
 * − 1), signed like the quadratic term (positive: the times bend up against the model). A model of the wrong
 * growth class leaves such a bow (a power law through exponential times, n² through n³); noise does not. Needs 5
 * sizes (2 residual degrees of freedom); below that both are NaN.
 *
 * @param bow the signed relative bend
 * @param p   the F-test's p-value
 */
record ResidualBow(double bow, double p) {
    static final int MIN_SIZES = 5;
    static final ResidualBow NONE = new ResidualBow(Double.NaN, Double.NaN);

    /** @param x ln n per size; @param r the log residual per size */
    static ResidualBow of(double[] x, double[] r) {
        int m = x.length;
        if (m < MIN_SIZES) {
            return NONE;
        }
        double[] line = leastSquares(x, r, 2);
        double[] quad = leastSquares(x, r, 3);
        double ss1 = 0;
        double ss2 = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            double f1 = line[0] + line[1] * x[i];
            double f2 = quad[0] + quad[1] * x[i] + quad[2] * x[i] * x[i];
            ss1 += (r[i] - f1) * (r[i] - f1);
            ss2 += (r[i] - f2) * (r[i] - f2);
            lo = Math.min(lo, f2 - f1);
            hi = Math.max(hi, f2 - f1);
        }
        double spread = Math.signum(quad[2]) * (hi - lo);
        double bow = Math.signum(spread) * Math.expm1(Math.abs(spread));
        if (!(ss1 > 1e-24)) {
            return new ResidualBow(0, 1);
        }
        if (ss2 <= 1e-12 * ss1) {
            return new ResidualBow(bow, 0);
        }
        double f = (ss1 - ss2) / (ss2 / (m - 3));
        double p = 1 - new FDistribution(1, m - 3).cumulativeProbability(Math.max(0, f));
        return new ResidualBow(bow, p);
    }

    /** Least squares of r on 1, x, …, x^(k−1) (x centred and scaled inside for conditioning). */
    private static double[] leastSquares(double[] x, double[] r, int k) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double scale = 0;
        for (double v : x) {
            scale = Math.max(scale, Math.abs(v - mean));
        }
        scale = scale > 0 ? scale : 1;
        double[][] a = new double[k][k + 1];
        for (int i = 0; i < x.length; i++) {
            double u = (x[i] - mean) / scale;
            double[] p = new double[k];
            for (int j = 0; j < k; j++) {
                p[j] = j == 0 ? 1 : p[j - 1] * u;
            }
            for (int row = 0; row < k; row++) {
                for (int col = 0; col < k; col++) {
                    a[row][col] += p[row] * p[col];
                }
                a[row][k] += p[row] * r[i];
            }
        }
        double[] c = solve(a, k);
        // back to powers of x: the caller evaluates c0 + c1·x + c2·x²
        double[] out = new double[3];
        double s = 1 / scale;
        double m0 = -mean / scale;
        // u = s·x + m0; u² = s²x² + 2·s·m0·x + m0²
        out[0] = c[0] + (k > 1 ? c[1] * m0 : 0) + (k > 2 ? c[2] * m0 * m0 : 0);
        out[1] = (k > 1 ? c[1] * s : 0) + (k > 2 ? 2 * c[2] * s * m0 : 0);
        out[2] = k > 2 ? c[2] * s * s : 0;
        return out;
    }

    /** Gaussian elimination with partial pivoting of the augmented k×(k+1) system. */
    private static double[] solve(double[][] a, int k) {
        for (int col = 0; col < k; col++) {
            int piv = col;
            for (int row = col + 1; row < k; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[piv][col])) {
                    piv = row;
                }
            }
            double[] tmp = a[col];
            a[col] = a[piv];
            a[piv] = tmp;
            if (Math.abs(a[col][col]) < 1e-300) {
                continue;
            }
            for (int row = 0; row < k; row++) {
                if (row != col) {
                    double f = a[row][col] / a[col][col];
                    for (int j = col; j <= k; j++) {
                        a[row][j] -= f * a[col][j];
                    }
                }
            }
        }
        double[] c = new double[k];
        for (int i = 0; i < k; i++) {
            c[i] = Math.abs(a[i][i]) < 1e-300 ? 0 : a[i][k] / a[i][i];
        }
        return c;
    }
}
