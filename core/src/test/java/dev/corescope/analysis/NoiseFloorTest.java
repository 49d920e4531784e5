package dev.corescope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NoiseFloorTest {
    private static LevelSample alone(int n, double cv, double waitShare, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] wall = new double[n];
        double[] cpu = new double[n];
        double[] wait = new double[n];
        for (int i = 0; i < n; i++) {
            wall[i] = 0.02 * Math.exp(cv * rng.nextGaussian());
            wait[i] = waitShare * wall[i];
            cpu[i] = wall[i] - wait[i];
        }
        return new LevelSample(1, wall, cpu, wait);
    }

    @Test
    void aSteadyBaselineCanBeJudged() {
        NoiseFloor f = NoiseFloor.of(alone(5, 0.02, 0, 1), 40);
        assertThat(f.judgeable(0.05)).isTrue();
        assertThat(f.reason(0.05)).isEmpty();
        // under a quota of half a CPU a task alone waits as long as it runs, steadily: still judgeable
        assertThat(NoiseFloor.of(alone(5, 0.02, 0.5, 2), 40).judgeable(0.05)).isTrue();
    }

    @Test
    void aBaselineTooNoisyToJudgeAnythingSaysWhy() {
        NoiseFloor f = NoiseFloor.of(alone(8, 1.0, 0.6, 3), 40);
        assertThat(f.judgeable(0.05)).isFalse();
        assertThat(f.reason(0.05)).contains("too noisy to judge a 5% tolerance").contains("robust CV")
                .contains("waited for a CPU");
        // the same spread over a budget four times larger would do for a 10% tolerance? not at CV 100%
        assertThat(NoiseFloor.of(alone(8, 1.0, 0, 3), 160).judgeable(0.10)).isFalse();
        assertThat(NoiseFloor.of(alone(8, 0.1, 0, 4), 160).judgeable(0.05)).isTrue();
    }
}
