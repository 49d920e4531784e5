package dev.corescope.api;

import java.nio.ByteBuffer;

/**
 * What one task returns: a checksum of the work (always) and, for data-returning workloads, a payload that
 * has to travel back to the coordinator. The checksum keeps the JIT from removing the work (dead-code
 * elimination) and lets corescope check that every worker computed the same result. The payload is a
 * read-only view; its bytes are counted and checksummed by the harness. A workload whose work runs in other
 * processes also reports their {@link ProcessUsage} (null otherwise: the worker thread's own CPU time and
 * wait are the task's).
 *
 * @param checksum a value derived from all the work done
 * @param payload  data returned to the coordinator, or null
 * @param usage    what the task's own child processes used, or null
 */
public record TaskOutput(long checksum, ByteBuffer payload, ProcessUsage usage) {

    /**
     * An output with a payload and no child processes.
     *
     * @param checksum a value derived from all the work done
     * @param payload  data returned to the coordinator, or null
     */
    public TaskOutput(long checksum, ByteBuffer payload) {
        this(checksum, payload, null);
    }

    /**
     * The usual output: a checksum only.
     *
     * @param checksum a value derived from all the work done
     * @return the output
     */
    public static TaskOutput of(long checksum) {
        return new TaskOutput(checksum, null);
    }

    /**
     * The payload's size.
     *
     * @return the bytes remaining in the payload, 0 without one
     */
    public int payloadBytes() {
        return payload == null ? 0 : payload.remaining();
    }
}
