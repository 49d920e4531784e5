package dev.corescope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.exec.WorkerMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verdict of a transfer map, on synthetic cells. */
class TransferVerdictTest {
    private static final TransferCell.Overhead NONE = new TransferCell.Overhead(0, 0, 0, 0);

    private static TransferCell cell(double seconds, long bytes, double speedup) {
        return new TransferCell(WorkerMode.PROCESSES, new TransferCell.Shape(seconds, bytes, 1, 8, 2),
                new TransferCell.Times(seconds * 1e3, 1, 1 / speedup, speedup), NONE,
                new TransferCell.Rates(Double.NaN, Double.NaN), 0);
    }

    /** A synthetic map: short tasks lose, and tasks returning >= 1 MB per ms of work lose. */
    private static List<TransferCell> map() {
        List<TransferCell> cells = new ArrayList<>();
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
        var v = TransferVerdict.of(WorkerMode.PROCESSES, 2, map());

        assertThat(v.conclusion()).startsWith("With 2 worker JVMs, tasks of 100us or shorter, or returning more than about")
                .contains("MB per ms of work").contains("ran slower in parallel than sequentially")
                .doesNotContain("do not fit");
        assertThat(v.crossovers()).contains("returning 0 B: parallel pays from 1ms of work per task",
                "returning 64 MiB: parallel pays from 100ms of work per task");
    }

    @Test
    void allFasterSaysSo() {
        var v = TransferVerdict.of(WorkerMode.THREADS, 2, List.of(cell(1e-3, 0, 1.9), cell(1e-2, 1024, 1.8)));
        assertThat(v.conclusion()).contains("every measured cell ran faster in parallel");
        assertThat(v.crossovers()).containsExactly("returning 0 B: faster in parallel at every measured duration",
                "returning 1 KiB: faster in parallel at every measured duration");
    }

    @Test
    void aNoisyCellDoesNotMoveTheBoundButIsCounted() {
        List<TransferCell> cells = new ArrayList<>(map());
        cells.replaceAll(c -> c.durationSeconds() == 1e-2 && c.sizeBytes() == 1024 ? cell(1e-2, 1024, 0.9) : c);
        var v = TransferVerdict.of(WorkerMode.PROCESSES, 2, cells);
        assertThat(v.conclusion()).contains("tasks of 100us or shorter").contains("1 cell(s) do not fit");
    }

    @Test
    void bestBoundMinimisesMisclassifiedCells() {
        assertThat(TransferVerdict.bestBound(List.of(1.0, 2.0, 3.0, 4.0), List.of(true, true, false, false), true))
                .isEqualTo(2.0);
        assertThat(TransferVerdict.bestBound(List.of(1.0, 2.0, 3.0, 4.0), List.of(false, false, true, true), false))
                .isEqualTo(3.0);
        assertThat(TransferVerdict.bestBound(List.of(1.0, 2.0), List.of(false, false), true)).isEqualTo(-1);
    }
}
