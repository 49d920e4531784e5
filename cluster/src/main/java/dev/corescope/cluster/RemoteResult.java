package dev.corescope.cluster;

import dev.corescope.exec.TaskResult;
import dev.corescope.exec.TaskStatus;
import java.io.Serializable;
import java.nio.ByteBuffer;

/**
 * The fields of a {@link TaskResult} as a member sends them back. {@code startNanos}/{@code endNanos}
 * are on the member's {@link System#nanoTime()} clock (its own timeline); the coordinator maps them
 * onto its own with the member's clock offset. {@code pid} is the process that ran the task (the
 * member's worker JVM).
 */
public record RemoteResult(String status, long startNanos, long endNanos, long cpuNanos, long waitNanos,
                           long involuntarySwitches, long checksum, long bytes, byte[] payload, String error,
                           long pid) implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Status of a task that was cancelled before it started. */
    public static final String CANCELLED = "cancelled";
    /** Status of a task the member did not run: unauthenticated, another protocol, or not allowed there. */
    public static final String REFUSED = "refused";

    static RemoteResult refused(String why) {
        long now = System.nanoTime();
        return new RemoteResult(REFUSED, now, now, -1, -1, -1, 0, 0, null, why, ProcessHandle.current().pid());
    }

    /** A task that was cancelled (its coordinator stopped) before it ran. */
    static RemoteResult cancelled(String why, long pid) {
        long now = System.nanoTime();
        return new RemoteResult(CANCELLED, now, now, -1, -1, -1, 0, 0, null, why, pid);
    }

    static RemoteResult of(TaskResult r, long pid) {
        byte[] data = null;
        if (r.payload() != null && r.payload().remaining() > 0) {
            ByteBuffer b = r.payload().duplicate();
            data = new byte[b.remaining()];
            b.get(data);
        }
        String error = r.error() == null || r.error().length() <= 2000 ? r.error() : r.error().substring(0, 2000);
        return new RemoteResult(r.status().label(), r.startNanos(), r.endNanos(), r.cpuNanos(), r.waitNanos(),
                r.involuntarySwitches(), r.checksum(), r.bytes(), data, error, pid);
    }

    /** On the coordinator's timeline: member times plus {@code clockOffset}, labelled with {@code node}. */
    TaskResult toTaskResult(long clockOffset, String node) {
        ByteBuffer p = payload == null ? null : ByteBuffer.wrap(payload).asReadOnlyBuffer();
        TaskStatus s = TaskStatus.of(status);
        return new TaskResult(s == null ? TaskStatus.FAILED : s, startNanos + clockOffset, endNanos + clockOffset, cpuNanos, waitNanos,
                involuntarySwitches, checksum, bytes, p, error, null, node);
    }
}
