package dev.corescope.exec;

/**
 * Where the time of a task's round trip went, beyond the task itself (nanoseconds, -1 = unknown):
 * dispatch (coordinator sends → worker starts the task), serialization (worker: task end → result
 * bytes written), transfer (bytes in flight: first byte written → last byte read by the coordinator)
 * and deserialization (coordinator: bytes read → result usable).
 */
public record TransferTiming(long dispatchNanos, long serializeNanos, long transferNanos, long deserializeNanos) {
}
