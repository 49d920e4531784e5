package dev.corescope.exec;

import java.util.List;

/**
 * A finished batch: its plan, its wall-clock span on the run timeline, its task records, and how full the
 * workers were ({@link FillerOccupancy}; null when not measured).
 */
public record BatchResult(BatchPlan plan, long startNanos, long endNanos, List<TaskRecord> records, FillerOccupancy occupancy) {
    public BatchResult {
        records = List.copyOf(records);
    }

    public BatchResult(BatchPlan plan, long startNanos, long endNanos, List<TaskRecord> records) {
        this(plan, startNanos, endNanos, records, null);
    }

    /**
     * How full the level's workers were while its measured tasks ran, from the tasks' own start and end
     * times (fillers included).
     *
     * @param fillers        unrecorded filler tasks run (see {@link BatchPlan#fill()})
     * @param fillerCpuNanos their CPU time (-1 when not measured)
     * @param full           share of the measured tasks' time during which {@code level} tasks or more were
     *                       running (1 = every measured task ran at the full level; NaN without times)
     */
    public record FillerOccupancy(int fillers, long fillerCpuNanos, double full) {
    }

    public double wallSeconds() {
        return (endNanos - startNanos) / 1e9;
    }

    public long failures() {
        return records.stream().filter(r -> !r.ok()).count();
    }
}
