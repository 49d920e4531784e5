package dev.corescope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.exec.JvmActivity;
import dev.corescope.exec.TaskRecord;
import dev.corescope.exec.TaskStatus;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class LevelSamplesTest {
    private static TaskRecord record(String worker, int trial, int round, long waitNanos, JvmActivity jvm, TaskStatus s) {
        return new TaskRecord(new TaskRecord.Task("r", "investigate", 2, trial, round, 0, 0),
                new TaskRecord.Ran(worker, 1, 2, null, 3),
                new TaskRecord.Timing(0, 20_000_000, 20_000_000, 15_000_000, waitNanos, 0),
                new TaskRecord.TaskOutcome(0, 0, s, null), null, jvm);
    }

    @Test
    void labelsEachTaskWithItsWorkerSlotBlockAndCpu() {
        LevelSample s = LevelSamples.of(2, List.of(
                record("thread-1", 4, 0, 0, null, TaskStatus.OK),
                record("jvm-2", 4, 0, 0, null, TaskStatus.OK),
                record("thread-1", 5, 0, 0, null, TaskStatus.FAILED)));
        assertThat(s.n()).isEqualTo(2);
        assertThat(s.worker()).containsExactly(0, 1);
        assertThat(s.round()).containsExactly(LevelSamples.roundId(4, 0), LevelSamples.roundId(4, 0));
        assertThat(s.cpu()).containsExactly(3, 3);
        assertThat(LevelSamples.roundId(4, 0)).isNotEqualTo(LevelSamples.roundId(4, 1)).isNotEqualTo(LevelSamples.roundId(5, 0));
        assertThat(LevelSamples.slot("member-a", new HashMap<>())).isGreaterThanOrEqualTo(1_000_000);
    }

    @Test
    void theWaitCountsTheWorkersCompetitionNotTheirJvmsCompilerOrCollector() {
        LevelSample s = LevelSamples.of(2, List.of(
                record("thread-1", 0, 0, 5_000_000, new JvmActivity(1, 1, 3), TaskStatus.OK),
                record("thread-2", 0, 0, 2_000_000, new JvmActivity(0, 0, 9), TaskStatus.OK),
                record("thread-3", 0, 0, 2_000_000, JvmActivity.UNKNOWN, TaskStatus.OK)));
        assertThat(s.waitSeconds()).containsExactly(0.001, 0.0, 0.002);
    }
}
