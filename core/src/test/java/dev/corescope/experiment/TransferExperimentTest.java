package dev.corescope.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.analysis.TransferCell;
import dev.corescope.exec.TaskRecord;
import dev.corescope.exec.WorkerMode;
import dev.corescope.store.RecordLog;
import dev.corescope.store.RunDirectory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransferExperimentTest {
    @Test
    void tasksPerCellFitTheBudget() {
        long ms = 1_000_000;
        assertThat(TransferExperiment.tasksWithin(1000 * ms, 100 * ms, 64, 2)).isEqualTo(10);
        assertThat(TransferExperiment.tasksWithin(1000 * ms, 1 * ms, 64, 2)).isEqualTo(64);
        assertThat(TransferExperiment.tasksWithin(1000 * ms, 900 * ms, 64, 2)).isEqualTo(4);
        assertThat(TransferExperiment.tasksWithin(1000 * ms, 90 * ms, 64, 4)).isEqualTo(8);
        assertThat(TransferExperiment.tasksWithin(1000 * ms, 1 * ms, 3, 2)).isEqualTo(2);
        assertThat(TransferExperiment.tasksWithin(1000 * ms, 1 * ms, 1, 2)).isEqualTo(1);
    }

    @Test
    void aSmallThreadRunMeasuresEveryCellAndRecordsIt(@TempDir Path tmp) throws Exception {
        RunDirectory dir = RunDirectory.create(tmp.resolve("run"), "transfer");
        var config = new TransferExperiment.TransferConfig(List.of(Duration.ZERO, Duration.ofNanos(100_000)), List.of(0L, 4096L),
                4, List.of(WorkerMode.THREADS), 2, "Workers: 2 (test).", Duration.ofMillis(200));
        var settings = new Settings("transfer", List.of("corescope", "transfer"), WorkerMode.THREADS, null, Duration.ofMinutes(1),
                List.of(), 7, true);

        TransferResult s;
        try (Session session = Session.open(settings, dir, r -> { }, r -> { })) {
            s = TransferExperiment.run(session, config, Progress.NONE);
        }

        assertThat(s.cells()).hasSize(4);
        assertThat(s.failures()).isZero();
        assertThat(s.run().command()).isEqualTo("transfer");
        assertThat(s.calibrations()).hasSize(2);
        assertThat(s.calibrations().get(0).loops()).isZero();
        for (TransferCell c : s.cells()) {
            assertThat(c.mode()).isEqualTo(WorkerMode.THREADS);
            assertThat(c.tasks()).isBetween(1, 4);
            assertThat(c.speedup()).isPositive();
            assertThat(c.overhead().transferMs()).isZero();
        }
        assertThat(s.verdicts()).hasSize(1);
        List<TaskRecord> records = RecordLog.read(dir.records());
        assertThat(records).anyMatch(r -> r.experiment().equals(TransferExperiment.SEQUENTIAL));
        assertThat(records).anyMatch(r -> r.experiment().equals("transfer-threads") && r.transfer() != null);
    }
}
