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
        assertThat(c.verdict()).isEqualTo(Comparison.INCONCLUSIVE);
    }

    @Test
    void fewerThanFiveTasksASideDecideNothing() {
        Comparison c = Comparison.of(new double[] {1.0}, new double[] {2.0}, 0.02, 0.95, 2000, 1);
        assertThat(c.verdict()).isEqualTo(Comparison.INCONCLUSIVE);
        assertThat(c.ciLow()).isNaN();
        assertThat(c.regressionBeyond(0)).isFalse();
    }

    /**
     * The self-test: two runs of the same distribution (lognormal task times, CV 3%) are "no change" in at least 95%
     * of 1000 pairs at 100 tasks a side (noise threshold 2%), and called faster or slower in at most 5% of pairs
     * even at 10 tasks a side, where most pairs are inconclusive. (Rare stalls make a mean's interval wider: such
     * pairs come out inconclusive, never changed.)
     */
    @Test
    void selfTestTwoIdenticalRunsAreNoChange() {
        Random r = new Random(2024);
        int noChange = 0;
        int changedSmall = 0;
        int pairs = 1000;
        for (int i = 0; i < pairs; i++) {
            Comparison big = Comparison.of(lognormal(r, 100), lognormal(r, 100), 0.02, 0.95, 1000, i);
            noChange += Comparison.NO_CHANGE.equals(big.verdict()) ? 1 : 0;
            Comparison small = Comparison.of(lognormal(r, 10), lognormal(r, 10), 0.02, 0.95, 1000, i);
            changedSmall += small.verdict().equals(Comparison.FASTER) || small.verdict().equals(Comparison.SLOWER) ? 1 : 0;
        }
        assertThat((double) noChange / pairs).isGreaterThanOrEqualTo(0.95);
        assertThat((double) changedSmall / pairs).isLessThanOrEqualTo(0.05);
    }

    @Test
    void rareStallsOnBothSidesAreNeverCalledAChange() {
        Random r = new Random(7);
        int changed = 0;
        for (int i = 0; i < 300; i++) {
            double[] a = lognormal(r, 100);
            double[] b = lognormal(r, 100);
            a[r.nextInt(100)] *= 3;
            b[r.nextInt(100)] *= 3;
            String v = Comparison.of(a, b, 0.02, 0.95, 1000, i).verdict();
            changed += v.equals(Comparison.FASTER) || v.equals(Comparison.SLOWER) ? 1 : 0;
        }
        assertThat(changed).isLessThanOrEqualTo(15);
    }

    private static double[] lognormal(Random r, int n) {
        double cv = 0.03;
        double sigma = Math.sqrt(Math.log(1 + cv * cv));
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 0.010 * Math.exp(sigma * r.nextGaussian());
        }
        return v;
    }
}
