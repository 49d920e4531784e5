package dev.corescope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BootstrapTest {
    private static final double[] SAMPLE = {1.0, 1.2, 0.9, 1.1, 1.05, 0.95, 1.3, 0.85};

    @Test
    void aSeedGivesTheSameIntervalAndAnotherSeedAnother() {
        double[] a = Bootstrap.interval(Bootstrap.draws(500, 7, rng -> Bootstrap.mean(SAMPLE, rng)), 0.95);
        double[] b = Bootstrap.interval(Bootstrap.draws(500, 7, rng -> Bootstrap.mean(SAMPLE, rng)), 0.95);
        double[] c = Bootstrap.interval(Bootstrap.draws(500, 8, rng -> Bootstrap.mean(SAMPLE, rng)), 0.95);
        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
        assertThat(a[0]).isLessThan(1.04).isGreaterThan(SAMPLE[7]);
        assertThat(a[1]).isGreaterThan(1.04).isLessThan(SAMPLE[6]);
    }

    @Test
    void aConstantSampleHasAPointIntervalAndNaNDrawsAreLeftOut() {
        double[] constant = {2, 2, 2};
        double[] buf = new double[3];
        assertThat(Bootstrap.interval(Bootstrap.draws(100, 1, rng -> Bootstrap.median(constant, buf, rng)), 0.9))
                .containsExactly(2.0, 2.0);
        assertThat(Bootstrap.interval(new double[] {Double.NaN, 1, 3, Double.NaN}, 0.0)).containsExactly(2.0, 2.0);
        assertThat(Bootstrap.interval(new double[] {Double.NaN}, 0.95)).containsExactly(Double.NaN, Double.NaN);
    }

    @Test
    void severalStatisticsComeFromTheSameResamples() {
        double[][] d = Bootstrap.draws(200, 3, 2, rng -> {
            double m = Bootstrap.mean(SAMPLE, rng);
            return new double[] {m, 2 * m};
        });
        for (int r = 0; r < 200; r++) {
            assertThat(d[1][r]).isEqualTo(2 * d[0][r]);
        }
    }
}
