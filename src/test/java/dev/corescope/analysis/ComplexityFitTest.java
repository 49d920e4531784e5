package dev.corescope.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ComplexityFitTest {

    /** Sizes 1000·2^k, k = 0..10 (three decades), mean times = a + c·f(n) with lognormal noise (CV). */
    private static double[][] data(DoubleUnaryOperator truth, double cv, long seed) {
        Random rng = new Random(seed);
        double sigma = Math.sqrt(Math.log(1 + cv * cv));
        double[] n = new double[11];
        double[] t = new double[11];
        for (int k = 0; k < n.length; k++) {
            n[k] = 1000.0 * (1 << k);
            t[k] = truth.applyAsDouble(n[k]) * Math.exp(sigma * rng.nextGaussian());
        }
        return new double[][] {n, t};
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void quadratic(long seed) {
        double[][] d = data(n -> 2e-4 + 1e-9 * n * n, 0.03, seed);
        ComplexityResult r = ComplexityFit.fit(d[0], d[1]);
        assertThat(r.best().name()).isEqualTo(ModelFit.QUADRATIC);
        assertThat(r.powerExponent()).isCloseTo(2.0, within(0.1));
        assertThat(r.best().constant()).isCloseTo(1e-9, withinPercentage(5));
        assertThat(r.predict(2e6)).isCloseTo(4000, withinPercentage(5));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void nLogN(long seed) {
        double[][] d = data(n -> 5e-8 * n * Math.log(n), 0.03, seed);
        ComplexityResult r = ComplexityFit.fit(d[0], d[1]);
        assertThat(r.best().name()).isEqualTo(ModelFit.N_LOG_N);
        // a power law sees n ln n as n^(1 + 1/ln n) ≈ n^1.1 over this range
        assertThat(r.powerExponent()).isBetween(1.03, 1.2);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void cubic(long seed) {
        double[][] d = data(n -> 1e-13 * n * n * n, 0.03, seed);
        ComplexityResult r = ComplexityFit.fit(d[0], d[1]);
        assertThat(r.best().name()).isEqualTo(ModelFit.CUBIC);
        assertThat(r.powerExponent()).isCloseTo(3.0, within(0.1));
        assertThat(r.powerRSquared()).isGreaterThan(0.99);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void linearWithFixedOverhead(long seed) {
        // a large fixed overhead bends the log-log slope below 1; the fixed model still identifies O(n)
        double[][] d = data(n -> 0.01 + 1e-6 * n, 0.02, seed);
        ComplexityResult r = ComplexityFit.fit(d[0], d[1]);
        assertThat(r.best().name()).isEqualTo(ModelFit.LINEAR);
        assertThat(r.best().intercept()).isCloseTo(0.01, withinPercentage(20));
        assertThat(r.powerExponent()).isLessThan(0.95);
    }

    @Test
    void noiselessFitIsExact() {
        double[][] d = data(n -> 3e-3 + 2e-10 * n * n, 0.0, 1);
        ComplexityResult r = ComplexityFit.fit(d[0], d[1]);
        ModelFit q = r.best();
        assertThat(q.name()).isEqualTo(ModelFit.QUADRATIC);
        assertThat(q.constant()).isCloseTo(2e-10, withinPercentage(1e-6));
        assertThat(q.intercept()).isCloseTo(3e-3, withinPercentage(1e-6));
        assertThat(q.rSquared()).isCloseTo(1.0, within(1e-12));
        assertThat(q.rmse()).isLessThan(1e-9);
        assertThat(r.models()).extracting(ModelFit::name)
                .containsExactly(ModelFit.LINEAR, ModelFit.N_LOG_N, ModelFit.QUADRATIC, ModelFit.CUBIC);
    }

    @Test
    void rejectsTooFewSizes() {
        assertThatThrownBy(() -> ComplexityFit.fit(new double[] {1, 2}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ComplexityFit.fit(new double[] {1, 2, 3}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ComplexityFit.fit(new double[] {1, 2, 3}, new double[] {1, Double.NaN, -1}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
