package dev.corescope.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.analysis.Units;
import dev.corescope.exec.TaskRecord;
import dev.corescope.experiment.TransferExperiment.Cell;
import dev.corescope.experiment.TransferExperiment.Overhead;
import dev.corescope.store.RecordLog;
import dev.corescope.store.RunDirectory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransferExperimentTest {
    private static final Overhead NONE = new Overhead(0, 0, 0, 0);

    private static Cell cell(double seconds, long bytes, double speedup) {
        return new Cell("processes", seconds, bytes, 1, 8, 2, seconds * 1e3, 1, 1 / speedup, speedup, NONE,
                Double.NaN, Double.NaN, 0);
    }

    /** A synthetic map: short tasks lose, and tasks returning >= 1 MB per ms of work lose. */
    private static List<Cell> map() {
        List<Cell> cells = new ArrayList<>();
        double[] durations = {1e-4, 1e-3, 1e-2, 1e-1};
        long[] sizes = {0, 1024, 1 << 20, 16 << 20, 64 << 20};
        for (double d : durations) {
            for (long s : sizes) {
                boolean slow = d <= 1e-4 || (s / 1e6) / (d * 1e3) >= 1.0;
                cells.add(cell(d, s, slow ? 0.6 : 1.7));
            }
        }
        return cells;
    }

    @Test
    void theConclusionNamesTheShortTaskAndTheDataBounds() {
        var v = TransferExperiment.verdict("processes", 2, map());

        assertThat(v.conclusion()).startsWith("With 2 worker JVMs, tasks of 100us or shorter, or returning more than about")
                .contains("MB per ms of work").contains("ran slower in parallel than sequentially")
                .doesNotContain("do not fit");
        assertThat(v.crossovers()).contains("returning 0 B: parallel pays from 1ms of work per task",
                "returning 64 MiB: parallel pays from 100ms of work per task");
    }

    @Test
    void allFasterSaysSo() {
        var v = TransferExperiment.verdict("threads", 2, List.of(cell(1e-3, 0, 1.9), cell(1e-2, 1024, 1.8)));
        assertThat(v.conclusion()).contains("every measured cell ran faster in parallel");
        assertThat(v.crossovers()).containsExactly("returning 0 B: faster in parallel at every measured duration",
                "returning 1 KiB: faster in parallel at every measured duration");
    }

    @Test
    void aNoisyCellDoesNotMoveTheBoundButIsCounted() {
        List<Cell> cells = new ArrayList<>(map());
        cells.replaceAll(c -> c.durationSeconds() == 1e-2 && c.sizeBytes() == 1024 ? cell(1e-2, 1024, 0.9) : c);
        var v = TransferExperiment.verdict("processes", 2, cells);
        assertThat(v.conclusion()).contains("tasks of 100us or shorter").contains("1 cell(s) do not fit");
    }

    @Test
    void bestBoundMinimisesMisclassifiedCells() {
        assertThat(TransferExperiment.bestBound(List.of(1.0, 2.0, 3.0, 4.0), List.of(true, true, false, false), true))
                .isEqualTo(2.0);
        assertThat(TransferExperiment.bestBound(List.of(1.0, 2.0, 3.0, 4.0), List.of(false, false, true, true), false))
                .isEqualTo(3.0);
        assertThat(TransferExperiment.bestBound(List.of(1.0, 2.0), List.of(false, false), true)).isEqualTo(-1);
    }

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
    void unitsPrintPlainly() {
        assertThat(Units.duration(1e-4)).isEqualTo("100us");
        assertThat(Units.duration(0.001)).isEqualTo("1ms");
        assertThat(Units.duration(1.5)).isEqualTo("1.50s");
        assertThat(Units.duration(0)).isEqualTo("0");
        assertThat(Units.bytes(0)).isEqualTo("0 B");
        assertThat(Units.bytes(1024)).isEqualTo("1 KiB");
        assertThat(Units.bytes(64L << 20)).isEqualTo("64 MiB");
    }

    @Test
    void aSmallThreadRunMeasuresEveryCellAndRecordsIt(@TempDir Path tmp) throws Exception {
        RunDirectory dir = RunDirectory.create(tmp.resolve("run"), "transfer");
        var config = new TransferExperiment.Config(List.of(Duration.ZERO, Duration.ofNanos(100_000)), List.of(0L, 4096L),
                4, List.of("threads"), 2, "Workers: 2 (test).", Duration.ofMillis(200), 7, Duration.ofMinutes(1), List.of());

        var s = TransferExperiment.run(dir, List.of("corescope", "transfer"), config, Progress.NONE);

        assertThat(s.cells()).hasSize(4);
        assertThat(s.failures()).isZero();
        assertThat(s.calibrations()).hasSize(2);
        assertThat(s.calibrations().get(0).loops()).isZero();
        for (Cell c : s.cells()) {
            assertThat(c.mode()).isEqualTo("threads");
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
