package dev.corescope.workload;

import dev.corescope.api.PreparedTask;
import dev.corescope.api.TaskInput;
import dev.corescope.api.Workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --prepare}: run untimed in {@link Workload#prepare}, with the task's {n}, its failure told with its cause. */
class CommandPrepareTest {
    @TempDir
    Path dir;

    @Test
    void prepareRunsBeforeTheTimedCommandWithTheSameSize() throws Exception {
        Path marker = dir.resolve("prepared-7");
        WorkloadSpec spec = CommandWorkload.spec("test -f " + dir + "/prepared-{n}", "touch " + dir + "/prepared-{n}");
        Workload w = Workloads.create(WorkloadSpec.parse(spec.text()));
        assertThat(((CommandWorkload) w).prepareTemplate()).isEqualTo("touch " + dir + "/prepared-{n}");
        PreparedTask task = w.prepare(new TaskInput(0, 7, 1));
        assertThat(Files.exists(marker)).as("prepared before the clock starts").isTrue();
        assertThat(task.run().checksum()).isZero();
        // without prepare, run() alone does not prepare: the timed part is only the command
        Files.delete(marker);
        assertThatThrownBy(() -> w.run(new TaskInput(0, 7, 1))).hasMessageContaining("exit code 1");
    }

    @Test
    void aFailingPrepareSaysSoWithItsExitCodeAndStderrAndNeverRunsTheCommand() {
        Path ran = dir.resolve("ran");
        Workload w = Workloads.create(CommandWorkload.spec("touch " + ran, "echo no data for {n} >&2; exit 4"));
        assertThatThrownBy(() -> w.prepare(new TaskInput(0, 3, 1))).isInstanceOf(IllegalStateException.class)
                .hasMessage("--prepare failed: exit code 4: no data for 3");
        assertThat(Files.exists(ran)).isFalse();
    }

    @Test
    void theHarnessRecordsAFailedPrepareAsAFailedTaskNotAMeasurement() {
        Workload w = Workloads.create(CommandWorkload.spec("true", "exit 5"));
        var r = dev.corescope.exec.TaskExecution.run(w, new TaskInput(0, 1, 1));
        assertThat(r.status()).isEqualTo(dev.corescope.exec.TaskStatus.FAILED);
        assertThat(r.error()).contains("preparing the task failed").contains("--prepare failed: exit code 5");
    }
}
