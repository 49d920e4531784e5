package dev.corescope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutliersTest {

    @Test
    void flagsValuesOutsideTukeyFences() {
        double[] v = {0.10, 0.11, 0.10, 0.12, 0.09, 0.10, 0.11, 0.35, 0.10, 0.01};
        assertThat(Outliers.tukey(v)).containsExactly(7, 9);
        assertThat(v[7]).isEqualTo(0.35);   // flagged, not removed
    }

    @Test
    void cleanDataHasNoOutliers() {
        assertThat(Outliers.tukey(new double[] {1, 2, 3, 4, 5, 6, 7, 8})).isEmpty();
    }

    @Test
    void ignoresNaNAndTinySamples() {
        assertThat(Outliers.tukey(new double[] {1, Double.NaN, 1, 1, 1, 9, 1})).containsExactly(5);
        assertThat(Outliers.tukey(new double[] {1, 100, 1})).isEmpty();
        assertThat(Outliers.tukey(new double[0])).isEmpty();
    }

    @Test
    void farOutFenceIsWider() {
        // Q1 = 10, Q3 = 12 (Hipparchus default estimator), IQR 2: upper fences 15 (k=1.5) and 18 (k=3)
        double[] v = {10, 11, 10, 12, 9, 10, 11, 10, 11, 10, 10, 12, 16, 40};
        assertThat(Outliers.tukey(v, 1.5)).containsExactly(12, 13);
        assertThat(Outliers.tukey(v, 3.0)).containsExactly(13);
    }
}
