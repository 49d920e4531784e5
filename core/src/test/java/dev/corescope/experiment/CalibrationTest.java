package dev.corescope.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Calibration on invented probes: a JIT that delivers its code in tiers, noise, an unknown JIT, no settling. */
class CalibrationTest {

    /**
     * A kernel at 3.2 ns per loop (tier 3) until {@code c2AfterMillis} of CPU, then 0.84 ns (C2); the probe in
     * which the C2 compilation finishes reports JIT time, and an earlier stable stretch at tier 3 does not.
     */
    static final class TieredKernel implements Calibration.Prober {
        final double c2AfterMillis;
        final double noise;
        final boolean jitKnown;
        final Random rng = new Random(11);
        double spentMillis;
        boolean compiled;

        TieredKernel(double c2AfterMillis, double noise, boolean jitKnown) {
            this.c2AfterMillis = c2AfterMillis;
            this.noise = noise;
            this.jitKnown = jitKnown;
        }

        @Override
        public Calibration.Probe run(long loops) {
            boolean c2 = spentMillis >= c2AfterMillis;
            double perLoop = (c2 ? 0.84 : 3.2) * (1 + noise * rng.nextGaussian());
            long nanos = (long) (loops * perLoop);
            spentMillis += nanos / 1e6;
            long jit = !jitKnown ? -1 : c2 && !compiled ? 12 : 0;
            compiled |= c2;
            return new Calibration.Probe(nanos, jit);
        }
    }

    @Test
    void waitsForTheCompilerRatherThanSettlingOnTierThreeSpeed() {
        // tier 3 is stable for up to 200 ms: two blocks of probes agree before C2 arrives
        for (double late : new double[] {0, 100, 150, 200}) {
            Calibration c = Calibration.calibrate(new TieredKernel(late, 0.005, true), Duration.ofMillis(20));
            assertThat(c.stable()).as("C2 after %s ms", late).isTrue();
            assertThat(c.nanosPerLoop()).as("C2 after %s ms", late).isBetween(0.82, 0.86);
            assertThat(c.spread()).isLessThan(0.05);
            assertThat(c.loops()).isBetween(23_000_000L, 24_500_000L);
        }
    }

    @Test
    void theCostPerLoopVariesLittleFromRunToRun() {
        double min = Double.MAX_VALUE;
        double max = 0;
        for (int run = 0; run < 20; run++) {
            TieredKernel k = new TieredKernel(10 * run, 0.01, true);
            Calibration c = Calibration.calibrate(k, Duration.ofMillis(20));
            min = Math.min(min, c.nanosPerLoop());
            max = Math.max(max, c.nanosPerLoop());
        }
        assertThat((max - min) / min).isLessThan(0.10);
    }

    @Test
    void withoutJitReportsItProbesForAQuarterSecondAtLeast() {
        TieredKernel k = new TieredKernel(150, 0.005, false);
        Calibration c = Calibration.calibrate(k, Duration.ofMillis(20));
        assertThat(c.stable()).isTrue();
        assertThat(k.spentMillis).isGreaterThanOrEqualTo(Calibration.MIN_TOTAL_MILLIS);
        assertThat(c.nanosPerLoop()).isBetween(0.82, 0.86);
    }

    @Test
    void aCostThatNeverSettlesSaysSo() {
        int[] n = {0};
        Calibration c = Calibration.calibrate(loops -> new Calibration.Probe(loops * (n[0]++ % 2 == 0 ? 1 : 3), 0),
                Duration.ofMillis(20));
        assertThat(c.stable()).isFalse();
        assertThat(c.probes()).isEqualTo(Calibration.MAX_PROBES);
        assertThat(c.describe()).contains("did not settle").contains("spread");
    }

    @Test
    void describeReportsTheSpread() {
        Calibration c = Calibration.calibrate(new TieredKernel(0, 0.002, true), Duration.ofMillis(20));
        assertThat(c.describe()).matches("calibrated spin: loops=[\\d,]+ for a 0.020 s task \\(0.8\\d\\d ns per loop of "
                + "CPU time; the last 6 of \\d+ probes within \\d+\\.\\d%, JIT quiet\\)");
    }
}
