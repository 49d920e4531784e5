package dev.corescope.analysis;

import org.hipparchus.distribution.continuous.FDistribution;
import org.hipparchus.stat.regression.OLSMultipleLinearRegression;

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
        double mean = java.util.Arrays.stream(x).average().orElse(0);
        double[][] line = new double[m][1];
        double[][] quad = new double[m][2];
        for (int i = 0; i < m; i++) {
            double u = x[i] - mean; // centred, for conditioning
            line[i][0] = u;
            quad[i][0] = u;
            quad[i][1] = u * u;
        }
        OLSMultipleLinearRegression lin = new OLSMultipleLinearRegression();
        lin.newSampleData(r, line);
        OLSMultipleLinearRegression sq = new OLSMultipleLinearRegression();
        sq.newSampleData(r, quad);
        double[] b1 = lin.estimateRegressionParameters();
        double[] b2 = sq.estimateRegressionParameters();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            double u = x[i] - mean;
            double added = b2[0] + b2[1] * u + b2[2] * u * u - (b1[0] + b1[1] * u);
            lo = Math.min(lo, added);
            hi = Math.max(hi, added);
        }
        double spread = Math.signum(b2[2]) * (hi - lo);
        double bow = Math.signum(spread) * Math.expm1(Math.abs(spread));
        double ss1 = lin.calculateResidualSumOfSquares();
        double ss2 = sq.calculateResidualSumOfSquares();
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
}
