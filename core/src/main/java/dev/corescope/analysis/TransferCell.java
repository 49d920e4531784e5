package dev.corescope.analysis;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.corescope.exec.BatchResult;
import dev.corescope.exec.TaskRecord;
import dev.corescope.exec.TransferTiming;
import dev.corescope.exec.WorkerMode;

/**
 * One measured cell of {@code transfer}: tasks of {@code durationSeconds} of spin work returning
 * {@code sizeBytes}, run one after another on one thread and on {@code workers} workers of {@code mode}.
 * The groups are nested here and flat in the JSON.
 */
public record TransferCell(WorkerMode mode, @JsonUnwrapped Shape shape, @JsonUnwrapped Times times,
                           Overhead overhead, @JsonUnwrapped Rates rates, int failures) {
    public TransferCell {
        shape = shape != null ? shape : new Shape(Double.NaN, 0, 0, 0, 0);
        times = times != null ? times : new Times(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        rates = rates != null ? rates : new Rates(Double.NaN, Double.NaN);
    }

    /** The cell: work per task (and its spin loops), bytes returned per task, tasks and parallel workers. */
    public record Shape(double durationSeconds, long sizeBytes, long loops, int tasks, int workers) {
    }

    /**
     * @param taskMs  mean task body time in the sequential run (spin + filling the payload)
     * @param speedup sequential time / parallel time
     */
    public record Times(double taskMs, double sequentialSeconds, double parallelSeconds, double speedup) {
    }

    /**
     * @param transferGBps payload bytes / transfer span (worker JVMs with a payload), else NaN
     * @param pathGBps     payload bytes / (serialization + transfer + deserialization), else NaN
     */
    public record Rates(double transferGBps, double pathGBps) {
    }

    public double durationSeconds() {
        return shape.durationSeconds();
    }

    public long sizeBytes() {
        return shape.sizeBytes();
    }

    public long loops() {
        return shape.loops();
    }

    public int tasks() {
        return shape.tasks();
    }

    public int workers() {
        return shape.workers();
    }

    public double taskMs() {
        return times.taskMs();
    }

    public double sequentialSeconds() {
        return times.sequentialSeconds();
    }

    public double parallelSeconds() {
        return times.parallelSeconds();
    }

    public double speedup() {
        return times.speedup();
    }

    public double transferGBps() {
        return rates.transferGBps();
    }

    public double pathGBps() {
        return rates.pathGBps();
    }

    /** Mean per-task overhead of a parallel batch, milliseconds (thread workers: only dispatch is non-zero). */
    public record Overhead(double dispatchMs, double serializeMs, double transferMs, double deserializeMs) {
        public double totalMs() {
            return dispatchMs + serializeMs + transferMs + deserializeMs;
        }
    }

    public boolean slower() {
        return speedup() < 1;
    }

    /** Megabytes (10^6) returned per millisecond of spin work; infinite for zero-duration tasks. */
    public double mbPerMs() {
        return durationSeconds() <= 0 ? Double.POSITIVE_INFINITY : (sizeBytes() / 1e6) / (durationSeconds() * 1e3);
    }

    /** The cell of a sequential and a parallel batch of the same tasks. */
    public static TransferCell of(WorkerMode mode, double durationSeconds, long size, long loops, BatchResult seq,
                                  BatchResult par) {
        double seqS = seq.wallSeconds();
        double parS = par.wallSeconds();
        double[] sum = new double[4];
        int n = 0;
        for (TaskRecord r : par.records()) {
            TransferTiming t = r.transfer();
            if (r.ok() && t != null && t.dispatchNanos() >= 0 && t.serializeNanos() >= 0 && t.transferNanos() >= 0
                    && t.deserializeNanos() >= 0) {
                sum[0] += t.dispatchNanos();
                sum[1] += t.serializeNanos();
                sum[2] += t.transferNanos();
                sum[3] += t.deserializeNanos();
                n++;
            }
        }
        Overhead o = n == 0 ? new Overhead(Double.NaN, Double.NaN, Double.NaN, Double.NaN)
                : new Overhead(sum[0] / n / 1e6, sum[1] / n / 1e6, sum[2] / n / 1e6, sum[3] / n / 1e6);
        boolean travelled = mode == WorkerMode.PROCESSES && size > 0 && n > 0;
        double transferGBps = travelled && o.transferMs() > 0 ? size / (o.transferMs() * 1e6) : Double.NaN;
        double path = o.serializeMs() + o.transferMs() + o.deserializeMs();
        double pathGBps = travelled && path > 0 ? size / (path * 1e6) : Double.NaN;
        double taskMs = seq.records().stream().filter(TaskRecord::ok).mapToLong(TaskRecord::wallNanos).average()
                .orElse(Double.NaN) / 1e6;
        int failures = (int) (seq.failures() + par.failures());
        return new TransferCell(mode, new Shape(durationSeconds, size, loops, par.records().size(), par.plan().level()),
                new Times(taskMs, seqS, parS, seqS / parS), o, new Rates(transferGBps, pathGBps), failures);
    }
}
