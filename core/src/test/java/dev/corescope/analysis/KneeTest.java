package dev.corescope.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.corescope.machine.MachineSpec;
import dev.corescope.sim.LevelSampler;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class KneeTest {

    @Test
    void kneeIsWhereAddingWorkersStopsPaying() {
        // 8 cores: X(P) = P / 0.1 up to 8, then no higher than 80 tasks/s (71-81: pinned, some tasks of a round share)
        Knee k = Knee.of(new LevelSampler(MachineSpec.cores(8).noise(0.01).seed(5), Duration.ofMillis(100), true)
                .levels(new int[] {1, 2, 4, 6, 8, 10, 12, 16}, 20));
        assertThat(k.workers()).isEqualTo(8);
        assertThat(k.maxThroughput()).isCloseTo(80, withinPercentage(3));
        assertThat(k.throughput()).isGreaterThanOrEqualTo(0.95 * k.maxThroughput());
    }

    @Test
    void smallestLevelWithinSlackOfMaximum() {
        // 10 -> 19 -> 28 -> 30 -> 31: 28 is 90% of 31 (no), 30 is 96.8% (yes)
        Knee k = Knee.fromThroughput(new int[] {16, 1, 2, 4, 8}, new double[] {31, 10, 19, 28, 30}, 0.05);
        assertThat(k).isEqualTo(new Knee(8, 30, 31));
    }

    @Test
    void throughputDroppingAfterPeakStillGivesFirstLevelNearPeak() {
        Knee k = Knee.fromThroughput(new int[] {1, 2, 3, 4, 5}, new double[] {10, 19.5, 20, 15, 12}, 0.05);
        assertThat(k.workers()).isEqualTo(2);
        assertThat(k.maxThroughput()).isEqualTo(20);
    }

    @Test
    void throughputIsWorkersOverMeanWall() {
        assertThat(Knee.throughput(LevelSample.ofWall(4, 0.1, 0.3))).isCloseTo(20, withinPercentage(1e-9));
        assertThat(Knee.throughput(LevelSample.ofWall(4))).isNaN();
        assertThat(Knee.of(List.of(LevelSample.ofWall(1)))).isNull();
    }
}
