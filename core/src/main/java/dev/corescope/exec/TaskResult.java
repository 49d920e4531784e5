package dev.corescope.exec;

import java.nio.ByteBuffer;

/**
 * What a worker reports for one task. {@code startNanos}/{@code endNanos} are on the coordinator's
 * {@link System#nanoTime()} timeline (process workers map their clock onto it). {@code timeline} holds
 * the round trip's timestamps when the task travelled to a worker JVM and back, else null.
 * {@code node} names the cluster member that ran the task (null on one machine); it comes from the
 * attempt that produced the result, so a task re-dispatched after a member left names the member
 * that actually ran it. {@code jvm} is what the task's JVM did while it was timed (GC, JIT), or
 * {@link JvmActivity#UNKNOWN}.
 */
public record TaskResult(TaskStatus status, long startNanos, long endNanos, long cpuNanos, long waitNanos,
                         long involuntarySwitches, long checksum, long bytes, ByteBuffer payload,
                         String error, Timeline timeline, String node, JvmActivity jvm) {

    public TaskResult {
        jvm = jvm == null ? JvmActivity.UNKNOWN : jvm;
    }

    public TaskResult(TaskStatus status, long startNanos, long endNanos, long cpuNanos, long waitNanos,
                      long involuntarySwitches, long checksum, long bytes, ByteBuffer payload, String error,
                      Timeline timeline, String node) {
        this(status, startNanos, endNanos, cpuNanos, waitNanos, involuntarySwitches, checksum, bytes, payload, error,
                timeline, node, null);
    }

    /** The same result with the JVM's activity during the task. */
    public TaskResult withJvm(JvmActivity activity) {
        return new TaskResult(status, startNanos, endNanos, cpuNanos, waitNanos, involuntarySwitches, checksum, bytes,
                payload, error, timeline, node, activity);
    }

    /** A local result with a round-trip timeline (worker JVMs). */
    public TaskResult(TaskStatus status, long startNanos, long endNanos, long cpuNanos, long waitNanos,
                      long involuntarySwitches, long checksum, long bytes, ByteBuffer payload, String error,
                      Timeline timeline) {
        this(status, startNanos, endNanos, cpuNanos, waitNanos, involuntarySwitches, checksum, bytes, payload, error,
                timeline, null);
    }

    /** The same result, run by cluster member {@code member}. */
    public TaskResult withNode(String member) {
        return new TaskResult(status, startNanos, endNanos, cpuNanos, waitNanos, involuntarySwitches, checksum, bytes,
                payload, error, timeline, member, jvm);
    }

    /**
     * The timestamps of one round trip to a worker JVM, all on the coordinator's {@link System#nanoTime()}
     * timeline (worker readings are mapped with the ping offset); {@code -1} = not reached.
     *
     * @param sent           coordinator: just before writing the task frame
     * @param received       worker: task frame read
     * @param start          worker: task body starts
     * @param end            worker: task body ends
     * @param writeStart     worker: result ready (its CRC32C computed), about to write the header
     * @param writeEnd       worker: header and payload written and flushed
     * @param headerArrived  coordinator: the result's header frame read
     * @param payloadRead    coordinator: last payload byte read
     * @param usable         coordinator: payload checked (CRC32C) and wrapped; the result is usable
     * @param workerCrcNanos worker: time spent computing the payload's CRC32C (inside serialization)
     * @param crcNanos       coordinator: time spent verifying the CRC32C (inside deserialization)
     */
    public record Timeline(long sent, long received, long start, long end, long writeStart, long writeEnd,
                           long headerArrived, long payloadRead, long usable, long workerCrcNanos, long crcNanos) {

        /**
         * dispatch = sent → start, serialization = end → writeStart (result framing and the worker's
         * CRC), transfer = writeStart → payloadRead (bytes in flight), deserialization = payloadRead →
         * usable (CRC check). Spans that cannot be formed are -1.
         */
        public TransferTiming timing() {
            return new TransferTiming(span(sent, start), span(end, writeStart), span(writeStart, payloadRead),
                    span(payloadRead, usable));
        }

        private static long span(long from, long to) {
            return from < 0 || to < 0 ? -1 : Math.max(0, to - from);
        }

        Timeline shifted(long offset) {
            return new Timeline(sent + offset, received + offset, start + offset, end + offset, writeStart + offset,
                    writeEnd + offset, headerArrived + offset, payloadRead + offset, usable + offset,
                    workerCrcNanos, crcNanos);
        }
    }

    /** A result without a round-trip timeline (thread workers, failures before the transfer). */
    public TaskResult(TaskStatus status, long startNanos, long endNanos, long cpuNanos, long waitNanos,
                      long involuntarySwitches, long checksum, long bytes, ByteBuffer payload, String error) {
        this(status, startNanos, endNanos, cpuNanos, waitNanos, involuntarySwitches, checksum, bytes, payload, error,
                null, null);
    }

    public static TaskResult failed(TaskStatus status, long at, String error) {
        return new TaskResult(status, at, at, -1, -1, -1, 0, 0, null, error);
    }

    public boolean ok() {
        return status == TaskStatus.OK;
    }

    public long wallNanos() {
        return endNanos - startNanos;
    }

    /** The overhead split of the round trip, or null when the task did not travel (thread workers). */
    public TransferTiming transferTiming() {
        return timeline == null ? null : timeline.timing();
    }

    public TaskResult shifted(long offsetNanos) {
        return new TaskResult(status, startNanos + offsetNanos, endNanos + offsetNanos, cpuNanos, waitNanos,
                involuntarySwitches, checksum, bytes, payload, error,
                timeline == null ? null : timeline.shifted(offsetNanos), node, jvm);
    }
}
