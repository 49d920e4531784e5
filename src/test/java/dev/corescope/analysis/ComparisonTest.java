package dev.corescope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ComparisonTest {
    private static double[] sample(double mean, double cv, int n, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = mean * (1 + cv * r.nextGaussian());
        }
        return v;
    }

    @Test
    void clearRegressionIsSlowerAndFailsTheGate() {
        Comparison c = Comparison.of(sample(1.0, 0.01, 30, 1), sample(1.10, 0.01, 30, 2), 0.02, 0.95, 2000, 1);
        assertThat(c.verdict()).isEqualTo(Comparison.SLOWER);
        assertThat(c.ratio()).isBetween(1.08, 1.12);
        assertThat(c.regressionBeyond(0.05)).isTrue();
        assertThat(c.regressionBeyond(0.15)).isFalse();
    }

    @Test
    void clearImprovementIsFaster() {
        Comparison c = Comparison.of(sample(1.0, 0.01, 30, 3), sample(0.8, 0.01, 30, 4), 0.02, 0.95, 2000, 1);
        assertThat(c.verdict()).isEqualTo(Comparison.FASTER);
        assertThat(c.regressionBeyond(0.0)).isFalse();
    }

    @Test
    void identicalDistributionsShowNoChange() {
        Comparison c = Comparison.of(sample(1.0, 0.005, 50, 5), sample(1.0, 0.005, 50, 6), 0.02, 0.95, 2000, 1);
        assertThat(c.verdict()).isEqualTo(Comparison.NO_CHANGE);
        assertThat(c.ciLow()).isLessThan(1).isGreaterThan(0.98);
    }

    @Test
    void tooNoisyToTellIsWithinNoise() {
        Comparison c = Comparison.of(sample(1.0, 0.2, 5, 7), sample(1.03, 0.2, 5, 8), 0.02, 0.95, 2000, 1);
        assertThat(c.verdict()).isEqualTo(Comparison.WITHIN_NOISE);
    }
}
