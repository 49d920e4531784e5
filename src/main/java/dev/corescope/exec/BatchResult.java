package dev.corescope.exec;

import java.util.List;

/** A finished batch: its plan, its wall-clock span on the run timeline, and its task records. */
public record BatchResult(BatchPlan plan, long startNanos, long endNanos, List<TaskRecord> records) {
    public BatchResult {
        records = List.copyOf(records);
    }

    public double wallSeconds() {
        return (endNanos - startNanos) / 1e9;
    }

    public long failures() {
        return records.stream().filter(r -> !r.ok()).count();
    }
}
