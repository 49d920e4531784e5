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
        assertThat(r.fits()).isTrue();
        assertThat(q.constant()).isCloseTo(2e-10, withinPercentage(1e-6));
        assertThat(q.intercept()).isCloseTo(3e-3, withinPercentage(1e-6));
        assertThat(q.check().rSquared()).isCloseTo(1.0, within(1e-12));
        assertThat(q.check().cvError()).isLessThan(1e-9);
        assertThat(q.check().worstResidual()).isCloseTo(0, within(1e-9));
        assertThat(r.models()).extracting(ModelFit::name).containsExactly(ModelFit.CONSTANT, ModelFit.LOG,
                ModelFit.LINEAR, ModelFit.N_LOG_N, ModelFit.QUADRATIC, ModelFit.CUBIC, ModelFit.POWER,
                ModelFit.EXPONENTIAL);
    }

    /** Recursive Fibonacci: t = c·φ^n at n = 20..30, with a little overhead and noise. */
    private static double[][] fib(double cv, long seed) {
        Random rng = new Random(seed);
        double sigma = Math.sqrt(Math.log(1 + cv * cv));
        double phi = (1 + Math.sqrt(5)) / 2;
        double[] n = new double[11];
        double[] t = new double[11];
        for (int k = 0; k < n.length; k++) {
            n[k] = 20 + k;
            t[k] = (2e-6 + 3e-9 * Math.pow(phi, n[k])) * Math.exp(sigma * rng.nextGaussian());
        }
        return new double[][] {n, t};
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void recursiveFibonacciIsExponentialNotAPolynomial(long seed) {
        ComplexityResult r = ComplexityFit.fit(fib(0.03, seed)[0], fib(0.03, seed)[1]);
        assertThat(r.fits()).isTrue();
        assertThat(r.best().name()).isEqualTo(ModelFit.EXPONENTIAL);
        assertThat(r.best().shape()).isCloseTo(1.618, within(0.05));
        assertThat(r.best().label()).startsWith("O(1.6");
        // a polynomial cannot follow it: n³ is off by an order of magnitude, the power law bows
        assertThat(r.model(ModelFit.CUBIC).check().fits()).isFalse();
        assertThat(r.model(ModelFit.POWER).check().fits()).isFalse();
        assertThat(r.model(ModelFit.POWER).check().curved()).isTrue();
    }

    @Test
    void fibonacciWithoutTheExponentialIsNoModelFits() {
        // what the earlier fit did with these times: "O(n^3), R² -0.15"; now only the exponential fits them
        double[][] d = fib(0.03, 1);
        ComplexityResult r = ComplexityFit.fit(d[0], d[1]);
        assertThat(r.models().stream().filter(m -> m.check().fits()).map(ModelFit::name))
                .containsExactly(ModelFit.EXPONENTIAL);
    }

    @Test
    void aCacheCliffIsNoModelFits() {
        double[] n = {1000, 2000, 4000, 8000, 16000, 32000, 64000};
        double[] t = {1e-5, 2e-5, 4e-5, 8e-4, 1.6e-3, 3.2e-3, 6.4e-3};
        ComplexityResult r = ComplexityFit.fit(n, t);
        assertThat(r.fits()).isFalse();
        assertThat(r.models()).noneMatch(m -> m.check().fits());
        assertThat(Math.abs(r.best().check().worstResidual())).isGreaterThan(ComplexityFit.MAX_RESIDUAL);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void flatTimesAreConstant(long seed) {
        double[][] d = data(n -> 1e-5, 0.03, seed);
        ComplexityResult r = ComplexityFit.fit(d[0], d[1]);
        assertThat(r.best().name()).isEqualTo(ModelFit.CONSTANT);
        assertThat(r.fits()).isTrue();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void logarithmicTimes(long seed) {
        double[][] d = data(n -> 1e-6 * Math.log(n), 0.03, seed);
        assertThat(ComplexityFit.fit(d[0], d[1]).best().name()).isEqualTo(ModelFit.LOG);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void aFreeExponentIsChosenOnlyWhenNoNamedClassFits(long seed) {
        // n^1.5 is no named class: the power law, with its exponent
        double[][] d = data(n -> 1e-9 * Math.pow(n, 1.5), 0.03, seed);
        ComplexityResult r = ComplexityFit.fit(d[0], d[1]);
        assertThat(r.best().name()).isEqualTo(ModelFit.POWER);
        assertThat(r.best().shape()).isCloseTo(1.5, within(0.05));
        // n^2 data: the power law fits too, with an in-sample error as small, but the named class is chosen
        double[][] q = data(n -> 1e-9 * n * n, 0.03, seed);
        ComplexityResult rq = ComplexityFit.fit(q[0], q[1]);
        assertThat(rq.model(ModelFit.POWER).check().fits()).isTrue();
        assertThat(rq.best().name()).isEqualTo(ModelFit.QUADRATIC);
    }

    @Test
    void residualCurvatureNeedsFiveSizes() {
        ComplexityResult r = ComplexityFit.fit(new double[] {100, 200, 400, 800}, new double[] {1e-3, 2e-3, 4e-3, 8e-3});
        assertThat(r.best().name()).isEqualTo(ModelFit.LINEAR);
        assertThat(r.best().check().bowP()).isNaN();
        assertThat(r.best().check().curved()).isFalse();
    }

    /**
     * Real timings from this 2-vCPU VM under load (other builds running), 2026-12-05: the means of
     * {@code assess --class Fib -n 20..30 -r 10 -w 1} (recursive Fibonacci), and the medians of
     * {@code assess -a sort-merge,sort-jdk -n 2000..256000 (doubling) -r 20 -w 1} and
     * {@code assess -a matmul-ikj,matmul-naive -n 48..240:24 -r 10 -w 1} (their means were spoiled by the load: CV up to
     * 200% at some sizes).
     */
    @Test
    void realTimings() {
        double[] fibN = {20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30};
        ComplexityResult fib = ComplexityFit.fit(fibN, new double[] {3.018e-05, 4.131e-05, 7.358e-05, 0.0001167,
            0.0001759, 0.0002736, 0.0005148, 0.0007736, 0.001226, 0.002476, 0.004311});
        assertThat(fib.best().name()).isEqualTo(ModelFit.EXPONENTIAL);
        assertThat(fib.fits()).isTrue();
        assertThat(fib.best().shape()).isCloseTo(1.618, within(0.05));

        double[] sortN = {2000, 4000, 8000, 16000, 32000, 64000, 128000, 256000};
        ComplexityResult merge = ComplexityFit.fit(sortN, new double[] {1.477e-4, 3.186e-4, 6.774e-4, 1.414e-3,
            2.933e-3, 6.361e-3, 1.311e-2, 2.878e-2});
        assertThat(merge.best().name()).isEqualTo(ModelFit.N_LOG_N);
        ComplexityResult jdk = ComplexityFit.fit(sortN, new double[] {7.661e-05, 1.682e-4, 3.69e-4, 7.745e-4, 1.699e-3,
            3.597e-3, 7.72e-3, 1.677e-2});
        assertThat(jdk.best().name()).isEqualTo(ModelFit.N_LOG_N);

        double[] matN = {48, 72, 96, 120, 144, 168, 192, 216, 240};
        ComplexityResult ikj = ComplexityFit.fit(matN, new double[] {5.307e-05, 0.0001687, 0.0004152, 0.0008018,
            0.00141, 0.002214, 0.00329, 0.004784, 0.006673});
        assertThat(ikj.best().name()).isEqualTo(ModelFit.CUBIC);
        // the naive product's column walk falls out of cache at 192 (x3.8 for 1.14x the size): nothing fits it
        ComplexityResult naive = ComplexityFit.fit(matN, new double[] {6.86e-05, 0.0002246, 0.000536, 0.001031,
            0.001773, 0.002824, 0.01084, 0.009171, 0.01297});
        assertThat(naive.fits()).isFalse();
        assertThat(naive.best().check().worstAt()).isEqualTo(192);
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
