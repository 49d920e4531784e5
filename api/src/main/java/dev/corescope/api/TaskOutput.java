package dev.corescope.api;

import java.nio.ByteBuffer;

/**
 * What one task returns: a checksum of the work (always) and, for data-returning workloads, a payload
 * that has to travel back to the coordinator. The payload is a read-only view; its bytes are counted
 * and checksummed by the harness. A workload whose work runs in other processes also reports their
 * {@link ProcessUsage} (null otherwise: the worker thread's own CPU time and wait are the task's).
 */
public record TaskOutput(long checksum, ByteBuffer payload, ProcessUsage usage) {
    public TaskOutput(long checksum, ByteBuffer payload) {
        this(checksum, payload, null);
    }

    public static TaskOutput of(long checksum) {
        return new TaskOutput(checksum, null);
    }

    public int payloadBytes() {
        return payload == null ? 0 : payload.remaining();
    }
}
