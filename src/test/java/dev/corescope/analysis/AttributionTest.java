package dev.corescope.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AttributionTest {

    private static double[] fill(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    @Test
    void timeSlicedLevelIsExplainedByRunQueueWait() {
        // 2 workers on 1 CPU: wall doubles, CPU per task unchanged, the extra is run-queue wait
        LevelSample base = new LevelSample(1, fill(10, 0.1), fill(10, 0.1), fill(10, 0.0));
        LevelSample sliced = new LevelSample(2, fill(10, 0.2), fill(10, 0.1), fill(10, 0.1));
        Attribution a = Attribution.of(base, sliced);
        assertThat(a.workers()).isEqualTo(2);
        assertThat(a.extraWallSeconds()).isCloseTo(0.1, within(1e-12));
        assertThat(a.extraWaitSeconds()).isCloseTo(0.1, within(1e-12));
        assertThat(a.extraCpuSeconds()).isCloseTo(0.0, within(1e-12));
        assertThat(a.waitShare()).isCloseTo(1.0, within(1e-9));
        assertThat(a.cpuShare()).isCloseTo(0.0, within(1e-9));
        assertThat(a.unexplainedShare()).isCloseTo(0.0, within(1e-9));
        assertThat(a.complete()).isTrue();
    }

    @Test
    void smtLevelIsExplainedByExtraCpu() {
        LevelSample base = new LevelSample(1, fill(10, 0.1), fill(10, 0.1), fill(10, 0.0));
        LevelSample smt = new LevelSample(8, fill(10, 0.13), fill(10, 0.13), fill(10, 0.0));
        Attribution a = Attribution.of(base, smt);
        assertThat(a.cpuShare()).isCloseTo(1.0, within(1e-9));
        assertThat(a.waitShare()).isCloseTo(0.0, within(1e-9));
        assertThat(a.unexplainedShare()).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void syntheticMachineMixOfSmtAndSlicing() {
        // 2 cores + SMT (4 logical), 6 workers: cpu ×1.25 (siblings) and wall ×1.5 on top (slicing)
        SyntheticMachine m = SyntheticMachine.cores(2).withSmt(1.25).withCv(0.02);
        Random rng = new Random(3);
        Attribution a = Attribution.of(m.level(1, 30, rng), m.level(6, 30, rng));
        // extra wall = 0.1·(1.25·1.5 − 1) = 0.0875: cpu part 0.025, wait part 0.0625
        assertThat(a.cpuShare()).isCloseTo(0.025 / 0.0875, within(0.03));
        assertThat(a.waitShare()).isCloseTo(0.0625 / 0.0875, within(0.03));
        assertThat(a.unexplainedShare()).isCloseTo(0.0, within(1e-9));   // wall = cpu + wait exactly
    }

    @Test
    void blockedTimeIsUnexplained() {
        // wall +50% with neither more CPU nor more wait: e.g. I/O or lock blocking
        LevelSample base = new LevelSample(1, fill(5, 0.1), fill(5, 0.1), fill(5, 0.0));
        LevelSample blocked = new LevelSample(4, fill(5, 0.15), fill(5, 0.1), fill(5, 0.0));
        assertThat(Attribution.of(base, blocked).unexplainedShare()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void missingSeriesAreNaN() {
        LevelSample base = new LevelSample(1, fill(5, 0.1), fill(5, 0.1), new double[0]);
        LevelSample lvl = new LevelSample(2, fill(5, 0.2), fill(5, 0.1), fill(5, Double.NaN));
        Attribution a = Attribution.of(base, lvl);
        assertThat(a.extraWallSeconds()).isCloseTo(0.1, within(1e-12));
        assertThat(a.cpuShare()).isCloseTo(0.0, within(1e-9));
        assertThat(a.extraWaitSeconds()).isNaN();
        assertThat(a.waitShare()).isNaN();
        assertThat(a.unexplainedShare()).isNaN();
        assertThat(a.complete()).isFalse();
    }

    @Test
    void noExtraWallMeansNoShares() {
        LevelSample base = new LevelSample(1, fill(5, 0.1), fill(5, 0.1), fill(5, 0.0));
        Attribution a = Attribution.of(base, new LevelSample(2, fill(5, 0.1), fill(5, 0.1), fill(5, 0.0)));
        assertThat(a.extraWallSeconds()).isEqualTo(0.0);
        assertThat(a.waitShare()).isNaN();
        assertThat(a.cpuShare()).isNaN();
    }
}
