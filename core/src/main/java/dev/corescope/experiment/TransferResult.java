package dev.corescope.experiment;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.corescope.analysis.TransferCell;
import dev.corescope.analysis.TransferVerdict;
import dev.corescope.analysis.Units;
import dev.corescope.exec.WorkerMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of {@code transfer}: the setup (workers and where that number came from, the cell budget,
 * tasks per cell at most), the spin calibration of every task duration, one {@link TransferCell} per
 * (mode, duration, size) and one {@link TransferVerdict} per mode. {@code summary.csv} has one row per
 * cell.
 */
public record TransferResult(@JsonUnwrapped RunInfo run, @JsonUnwrapped Setup setup, List<Calibrated> calibrations,
                             List<TransferCell> cells, List<TransferVerdict> verdicts, @JsonUnwrapped Remarks remarks,
                             Metadata metadata) implements RunResult {
    public static final String CSV_HEADER = "mode,duration_s,size_bytes,loops,tasks,workers,task_ms,sequential_s,"
            + "parallel_s,speedup,dispatch_ms,serialize_ms,transfer_ms,deserialize_ms,transfer_gbps,path_gbps,failures";

    public TransferResult {
        calibrations = Lists.copy(calibrations);
        cells = Lists.copy(cells);
        verdicts = Lists.copy(verdicts);
    }

    /** {@code workers} parallel workers ({@code workersNote}: why), tasks per cell at most and the cell budget. */
    public record Setup(int workers, String workersNote, double cellBudgetSeconds, int requestedTasks) {
    }

    /** The spin loops of one task duration, scaled from the calibration. */
    public record Calibrated(double durationSeconds, long loops, String description) {
    }

    /** The modes measured, in the order of the cells. */
    public List<WorkerMode> modes() {
        return cells.stream().map(TransferCell::mode).distinct().toList();
    }

    /** The cells of one mode. */
    public List<TransferCell> cellsOf(WorkerMode mode) {
        return cells.stream().filter(c -> c.mode() == mode).toList();
    }

    /** Per mode: its conclusion, then where parallel starts to pay for each result size. */
    @Override
    public List<String> findings() {
        if (remarks.refused()) {
            return SanityGate.findings(remarks);
        }
        List<String> out = new ArrayList<>();
        for (TransferVerdict v : verdicts) {
            if (v.conclusion() != null) {
                out.add(v.conclusion());
            }
            out.addAll(v.crossovers());
        }
        return out;
    }

    @Override
    public String csv() {
        StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
        for (TransferCell c : cells) {
            var o = c.overhead();
            sb.append(String.join(",", c.mode().label(), Units.csv(c.durationSeconds()), Long.toString(c.sizeBytes()),
                    Long.toString(c.loops()), Integer.toString(c.tasks()), Integer.toString(c.workers()),
                    Units.csv(c.taskMs()), Units.csv(c.sequentialSeconds()), Units.csv(c.parallelSeconds()),
                    Units.csv(c.speedup()), Units.csv(o.dispatchMs()), Units.csv(o.serializeMs()),
                    Units.csv(o.transferMs()), Units.csv(o.deserializeMs()), Units.csv(c.transferGBps()),
                    Units.csv(c.pathGBps()), Integer.toString(c.failures()))).append('\n');
        }
        return sb.toString();
    }

    @Override
    public TransferResult withRemarks(Remarks r) {
        return new TransferResult(run, setup, calibrations, cells, verdicts, r, metadata);
    }
}
