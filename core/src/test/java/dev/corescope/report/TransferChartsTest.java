package dev.corescope.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.analysis.TransferCell;
import dev.corescope.exec.WorkerMode;
import dev.corescope.experiment.Remarks;
import dev.corescope.experiment.RunInfo;
import dev.corescope.experiment.TransferResult;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransferChartsTest {
    @Test
    void whiteSitsAtSpeedupOne() {
        for (int top : new int[] {2, 3, 8}) {
            Color[] c = TransferCharts.scaleColours(top);
            assertThat(c).hasSize(2 * top + 1);
            // stops are evenly spaced over [0, top] every 0.5: index 2 is speedup 1.0
            assertThat(c[2]).isEqualTo(Color.WHITE);
            assertThat(c[0].getRed()).isGreaterThan(c[0].getBlue());
            assertThat(c[c.length - 1].getBlue()).isGreaterThan(c[c.length - 1].getRed());
        }
        assertThat(TransferCharts.scaleTop(0.4)).isEqualTo(2);
        assertThat(TransferCharts.scaleTop(3.2)).isEqualTo(4);
    }

    @Test
    void oneHeatmapPerModeAsPngAndSvg(@TempDir Path dir) throws Exception {
        List<TransferCell> cells = new ArrayList<>();
        TransferCell.Overhead o = new TransferCell.Overhead(0.1, 0.2, 0.3, 0.1);
        for (WorkerMode mode : List.of(WorkerMode.THREADS, WorkerMode.PROCESSES)) {
            for (double d : new double[] {1e-4, 1e-3}) {
                for (long s : new long[] {0, 1 << 20}) {
                    cells.add(new TransferCell(mode, new TransferCell.Shape(d, s, 10, 4, 2),
                            new TransferCell.Times(1, 1, 1, d > 5e-4 ? 1.8 : 0.5), o, new TransferCell.Rates(1.5, 1.2), 0));
                }
            }
        }
        var summary = new TransferResult(new RunInfo("r", "transfer", List.of(), "", "", true),
                new TransferResult.Setup(2, "", 1, 4), List.of(), cells, List.of(),
                new Remarks(0, List.of(), List.of(), List.of(), List.of()), null);

        List<Path> files = TransferCharts.write(summary, dir);

        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder(
                "speedup-threads.png", "speedup-threads.svg", "speedup-processes.png", "speedup-processes.svg");
        for (Path f : files) {
            assertThat(Files.size(f)).isPositive();
        }
        assertThat(Files.readString(dir.resolve("speedup-processes.svg"))).contains("0.50").contains("1.80");
    }
}
