package dev.corescope.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.corescope.machine.MachineSpec;
import dev.corescope.sim.LevelSampler;
import java.time.Duration;
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
    void simulatedMachineMixOfSmtAndSlicing() {
        // 1 core with SMT (CPUs 0 and 1), 4 pinned workers: two on each CPU, time-sliced, while the sibling is
        // busy: cpu ×1.25 (0.125 s), and wall ×2 of that (0.25 s). Extra wall 0.15 s: cpu 0.025, wait 0.125.
        LevelSampler sim = new LevelSampler(MachineSpec.cores(1).smt(1.25).seed(3), Duration.ofMillis(100), true);
        Attribution a = Attribution.of(sim.level(1, 30), sim.level(4, 30));
        assertThat(a.cpuShare()).isCloseTo(0.025 / 0.15, within(0.03));
        assertThat(a.waitShare()).isCloseTo(0.125 / 0.15, within(0.03));
        assertThat(a.unexplainedShare()).isCloseTo(0.0, within(1e-6));   // wall = cpu + wait
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
