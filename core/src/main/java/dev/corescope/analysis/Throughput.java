package dev.corescope.analysis;

import dev.corescope.exec.BatchResult;
import dev.corescope.exec.TaskRecord;
import java.util.List;

/**
 * Throughput, one definition for every table, knee, fit and cluster: tasks completed (status ok) per
 * second of wall time. Over batches it is their completed tasks over their summed wall time (trials
 * pooled); for a level known only by its per-task times, P workers at once complete P tasks per mean
 * task time.
 */
public final class Throughput {
    private Throughput() {
    }

    /** {@code tasks / seconds}; NaN when {@code seconds} is not a positive number. */
    public static double of(double tasks, double seconds) {
        return seconds > 0 ? tasks / seconds : Double.NaN;
    }

    /** The completed tasks of the batches over their summed wall time. */
    public static double of(List<BatchResult> batches) {
        long ok = batches.stream().flatMap(b -> b.records().stream()).filter(TaskRecord::ok).count();
        return of(ok, batches.stream().mapToDouble(BatchResult::wallSeconds).sum());
    }

    /** {@code workers} tasks at once, each taking {@code meanTaskSeconds}: {@code workers / meanTaskSeconds}. */
    public static double ofLevel(int workers, double meanTaskSeconds) {
        return of(workers, meanTaskSeconds);
    }
}
