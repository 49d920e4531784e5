package dev.corescope.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.corescope.machine.MachineSpec;
import dev.corescope.sim.LevelSampler;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UslFitTest {

    private static double usl(double lambda, double sigma, double kappa, double n) {
        return lambda * n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
    }

    @ParameterizedTest(name = "λ={0} σ={1} κ={2}")
    @CsvSource({"10,0.05,0.001", "3.5,0.02,0.0002", "100,0.2,0.01", "1,0.001,0.00005"})
    void recoversParametersFromNoiselessThroughput(double lambda, double sigma, double kappa) {
        double[] n = {1, 2, 4, 8, 12, 16, 24, 32, 48, 64};
        double[] x = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            x[i] = usl(lambda, sigma, kappa, n[i]);
        }
        UslFit f = UslFit.fit(n, x);
        assertThat(f).isNotNull();
        assertThat(f.lambda()).isCloseTo(lambda, withinPercentage(1));
        assertThat(f.sigma()).isCloseTo(sigma, withinPercentage(3));
        assertThat(f.kappa()).isCloseTo(kappa, withinPercentage(3));
        assertThat(f.peakWorkers()).isCloseTo(Math.sqrt((1 - sigma) / kappa), withinPercentage(3));
        assertThat(f.peakThroughput()).isCloseTo(f.predict(f.peakWorkers()), withinPercentage(0.001));
        assertThat(f.rSquared()).isGreaterThan(0.9999);
    }

    @Test
    void amdahlDataGivesZeroKappaAndInfinitePeak() {
        // κ = 0: pure contention (Amdahl); the κ ≥ 0 constraint must hold exactly at the boundary
        double[] n = {1, 2, 4, 8, 16, 32};
        double[] x = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            x[i] = usl(5, 0.1, 0, n[i]);
        }
        UslFit f = UslFit.fit(n, x);
        assertThat(f).isNotNull();
        assertThat(f.sigma()).isCloseTo(0.1, withinPercentage(3));
        assertThat(f.kappa()).isCloseTo(0.0, within(1e-6));
        if (f.kappa() == 0) {
            assertThat(f.peakWorkers()).isInfinite();
            assertThat(f.peakThroughput()).isCloseTo(5 / f.sigma(), withinPercentage(0.01));
        } else {
            assertThat(f.peakWorkers()).isGreaterThan(1000);
        }
    }

    @Test
    void superlinearDataStaysConstrainedNonNegative() {
        // throughput growing faster than linearly would need σ < 0; the fit must clamp at 0
        double[] n = {1, 2, 3, 4, 5};
        double[] x = {1, 2.2, 3.5, 4.9, 6.4};
        UslFit f = UslFit.fit(n, x);
        assertThat(f).isNotNull();
        assertThat(f.sigma()).isGreaterThanOrEqualTo(0);
        assertThat(f.kappa()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void fitsNoisyMeasurementsOfAUslCurve() {
        // A machine that follows the USL (λ = 10 tasks/s, σ = 0.03, κ = 0.0005), measured as per-task wall
        // times with 3% noise: per-task wall at N = N / X(N).
        Random rng = new Random(3);
        List<LevelSample> levels = new java.util.ArrayList<>();
        for (int n : new int[] {1, 2, 4, 8, 16, 24, 32, 48, 64}) {
            double wall = n / usl(10, 0.03, 0.0005, n);
            double[] w = new double[20];
            for (int i = 0; i < w.length; i++) {
                w[i] = wall * (1 + 0.03 * rng.nextGaussian());
            }
            levels.add(LevelSample.ofWall(n, w));
        }
        UslFit f = UslFit.fit(levels);
        assertThat(f).isNotNull();
        assertThat(f.lambda()).isCloseTo(10, withinPercentage(3));
        assertThat(f.sigma()).isCloseTo(0.03, within(0.01));
        assertThat(f.kappa()).isCloseTo(0.0005, within(0.0002));
        assertThat(f.peakWorkers()).isCloseTo(Math.sqrt(0.97 / 0.0005), withinPercentage(15));
        assertThat(f.rSquared()).isGreaterThan(0.98);
    }

    @Test
    void hardCeilingIsOnlyApproximated() {
        // 8 plain cores measured at 1..16: linear to 8 then flat at 80 tasks/s. The USL is smooth, so it
        // rounds the corner (λ biased up), but still describes the curve and puts the peak past 8.
        UslFit f = UslFit.fit(new LevelSampler(MachineSpec.cores(8).seed(3), Duration.ofMillis(100), true)
                .levels(IntStream.rangeClosed(1, 16).toArray(), 20));
        assertThat(f).isNotNull();
        assertThat(f.rSquared()).isGreaterThan(0.9);
        assertThat(f.predict(16)).isCloseTo(80, withinPercentage(15));
        assertThat(f.peakWorkers()).isGreaterThan(8);
    }

    @Test
    void tooFewLevelsGiveNull() {
        assertThat(UslFit.fit(new double[] {1, 2}, new double[] {1, 2})).isNull();
        assertThat(UslFit.fit(new double[] {1, 2, 2, 2}, new double[] {1, 2, 2, 2})).isNull();
        assertThat(UslFit.fit(List.of(LevelSample.ofWall(1, 0.1), LevelSample.ofWall(2, 0.1)))).isNull();
    }

    @Test
    void oddDataNeverThrows() {
        Random rng = new Random(1);
        assertThat(UslFit.fit(new double[] {1, 2, 3}, new double[] {Double.NaN, 1, Double.POSITIVE_INFINITY}))
                .isNull();
        assertThat(UslFit.fit(new double[] {1, 2, 3}, new double[] {0, 0, 0})).isNull();
        assertThat(UslFit.fit(null, null)).isNull();
        assertThat(UslFit.fit(new double[] {1, 2}, new double[] {1})).isNull();
        // constant throughput, wildly noisy data, decreasing data: a fit or null, but no exception
        UslFit flat = UslFit.fit(new double[] {1, 2, 3, 4}, new double[] {5, 5, 5, 5});
        if (flat != null) {
            assertThat(flat.sigma()).isGreaterThanOrEqualTo(0);
        }
        for (int k = 0; k < 50; k++) {
            double[] n = IntStream.rangeClosed(1, 3 + rng.nextInt(10)).asDoubleStream().toArray();
            double[] x = new double[n.length];
            for (int i = 0; i < n.length; i++) {
                x[i] = rng.nextDouble() * 1e3 * Math.pow(10, rng.nextInt(7) - 3);
            }
            UslFit f = UslFit.fit(n, x);
            if (f != null) {
                assertThat(f.sigma()).isGreaterThanOrEqualTo(0);
                assertThat(f.kappa()).isGreaterThanOrEqualTo(0);
            }
        }
    }
}
