package dev.corescope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.exec.BatchPlan;
import dev.corescope.exec.BatchResult;
import dev.corescope.exec.Strategy;
import dev.corescope.exec.TaskRecord;
import dev.corescope.exec.TaskStatus;
import dev.corescope.workload.WorkloadSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThroughputTest {
    private static TaskRecord rec(int i, TaskStatus status) {
        return new TaskRecord(new TaskRecord.Task("r", "sweep", 2, 0, 0, i, 0), new TaskRecord.Ran("w", 1, 1, null),
                new TaskRecord.Timing(0, 1, 1, 1, 0, 0), new TaskRecord.TaskOutcome(0, 0, status, null), null, null);
    }

    private static BatchResult batch(double seconds, TaskRecord... records) {
        return new BatchResult(new BatchPlan("sweep", 2, 0, WorkloadSpec.of("spin"), List.of(), Strategy.QUEUE), 0,
                Math.round(seconds * 1e9), List.of(records));
    }

    @Test
    void completedTasksPerSecondOfWallTimeWithTrialsPooled() {
        BatchResult one = batch(1.0, rec(0, TaskStatus.OK), rec(1, TaskStatus.OK));
        BatchResult two = batch(3.0, rec(0, TaskStatus.OK), rec(1, TaskStatus.FAILED), rec(2, TaskStatus.TIMEOUT));
        assertThat(Throughput.of(List.of(one))).isEqualTo(2.0);
        // 3 completed tasks in 4 s, not the mean of 2/s and 1/3 per s
        assertThat(Throughput.of(List.of(one, two))).isEqualTo(0.75);
        assertThat(Throughput.ofLevel(4, 0.5)).isEqualTo(8.0);
        assertThat(Throughput.of(3, 0)).isNaN();
    }
}
