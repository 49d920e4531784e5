package dev.corescope.workload;

import java.nio.ByteBuffer;

/**
 * What one task returns: a checksum of the work (always) and, for data-returning workloads, a payload
 * that has to travel back to the coordinator. The payload is a read-only view; its bytes are counted
 * and checksummed by the harness.
 */
public record TaskOutput(long checksum, ByteBuffer payload) {
    public static TaskOutput of(long checksum) {
        return new TaskOutput(checksum, null);
    }

    public int payloadBytes() {
        return payload == null ? 0 : payload.remaining();
    }
}
