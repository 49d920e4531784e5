package dev.corescope.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.corescope.exec.BatchPlan;
import dev.corescope.exec.BatchResult;
import dev.corescope.exec.Strategy;
import dev.corescope.exec.TaskRecord;
import dev.corescope.exec.TaskStatus;
import dev.corescope.workload.WorkloadSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LevelAggregatorTest {
    private static TaskRecord rec(int level, int index, double wall, double cpu, TaskStatus status) {
        long w = Math.round(wall * 1e9);
        return new TaskRecord(new TaskRecord.Task("r", "sweep", level, 0, 0, index, 0), new TaskRecord.Ran("w" + index, 1, 1, null),
                new TaskRecord.Timing(0, w, w, Math.round(cpu * 1e9), Math.round((wall - cpu) * 1e9), 0), new TaskRecord.TaskOutcome(0, 0, status, null), null, null);
    }

    private static BatchResult batch(int level, double total, double... walls) {
        List<TaskRecord> rs = new ArrayList<>();
        for (int i = 0; i < walls.length; i++) {
            rs.add(rec(level, i, walls[i], Math.min(walls[i], 1.0), TaskStatus.OK));
        }
        return new BatchResult(new BatchPlan("sweep", level, 0, WorkloadSpec.of("spin"), List.of(), Strategy.ROUNDS),
                0, Math.round(total * 1e9), rs);
    }

    @Test
    void statisticsSpeedupAndEfficiencyFromInventedTimings() {
        // 2 cores: P=1 and P=2 at 1 s per task; P=4 time-sliced: 2 s per task.
        List<LevelSummary> levels = LevelAggregator.summarize(List.of(
                batch(1, 1.0, 1.0),
                batch(2, 1.0, 1.0, 1.0),
                batch(4, 2.0, 2.0, 2.0, 1.9, 2.1)));
        assertThat(levels).extracting(LevelSummary::workers).containsExactly(1, 2, 4);
        LevelSummary p2 = levels.get(1);
        assertThat(p2.speedup()).isCloseTo(2.0, within(1e-9));
        assertThat(p2.efficiency()).isCloseTo(1.0, within(1e-9));
        LevelSummary p4 = levels.get(2);
        assertThat(p4.perTask().mean()).isCloseTo(2.0, within(1e-9));
        assertThat(p4.perTask().sd()).isCloseTo(Math.sqrt(0.02 / 3), within(1e-9));
        assertThat(p4.perTask().min()).isCloseTo(1.9, within(1e-9));
        assertThat(p4.perTask().max()).isCloseTo(2.1, within(1e-9));
        assertThat(p4.speedup()).isCloseTo(2.0, within(1e-9));
        assertThat(p4.efficiency()).isCloseTo(0.5, within(1e-9));
        assertThat(p4.cpuPerTask()).isCloseTo(1.0, within(1e-9));
        assertThat(p4.waitPerTask()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void trialsAreAveragedAndFailuresExcludedFromTimings() {
        BatchResult t1 = batch(2, 1.0, 1.0, 1.0);
        List<TaskRecord> rs = List.of(rec(2, 0, 1.2, 1.0, TaskStatus.OK), rec(2, 1, 0.0, 0, TaskStatus.FAILED));
        BatchResult t2 = new BatchResult(new BatchPlan("sweep", 2, 1, WorkloadSpec.of("spin"), List.of(), Strategy.ROUNDS),
                0, 1_400_000_000L, rs);
        LevelSummary s = LevelAggregator.summarize(List.of(batch(1, 1.0, 1.0), t1, t2)).get(1);
        assertThat(s.trials()).isEqualTo(2);
        assertThat(s.tasks()).isEqualTo(4);
        assertThat(s.failures()).isEqualTo(1);
        assertThat(s.perTask().n()).isEqualTo(3);
        assertThat(s.totalSeconds()).isCloseTo(1.2, within(1e-9));
    }

    @Test
    void experimentsAreSummarisedSeparately() {
        BatchResult rounds = new BatchResult(new BatchPlan("rounds", 1, 0, WorkloadSpec.of("spin"), List.of(),
                Strategy.ROUNDS), 0, 2_000_000_000L, List.of(rec(1, 0, 1, 1, TaskStatus.OK), rec(1, 1, 1, 1, TaskStatus.OK)));
        BatchResult queue = new BatchResult(new BatchPlan("queue", 1, 0, WorkloadSpec.of("spin"), List.of(),
                Strategy.QUEUE), 0, 2_000_000_000L, List.of(rec(1, 0, 1, 1, TaskStatus.OK), rec(1, 1, 1, 1, TaskStatus.OK)));
        assertThat(LevelAggregator.summarize(List.of(rounds, queue))).extracting(LevelSummary::experiment)
                .containsExactlyInAnyOrder("rounds", "queue");
    }
}
