package dev.corescope.exec;

import java.nio.ByteBuffer;

/**
 * What a worker reports for one task. {@code startNanos}/{@code endNanos} are on the coordinator's
 * {@link System#nanoTime()} timeline (process workers map their clock onto it).
 */
public record TaskResult(String status, long startNanos, long endNanos, long cpuNanos, long waitNanos,
                         long involuntarySwitches, long checksum, long bytes, ByteBuffer payload,
                         String error) {

    public static TaskResult failed(String status, long at, String error) {
        return new TaskResult(status, at, at, -1, -1, -1, 0, 0, null, error);
    }

    public boolean ok() {
        return TaskRecord.OK.equals(status);
    }

    public long wallNanos() {
        return endNanos - startNanos;
    }

    public TaskResult shifted(long offsetNanos) {
        return new TaskResult(status, startNanos + offsetNanos, endNanos + offsetNanos, cpuNanos, waitNanos,
                involuntarySwitches, checksum, bytes, payload, error);
    }
}
