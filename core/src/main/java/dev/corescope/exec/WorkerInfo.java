package dev.corescope.exec;

/** Identity of a worker: e.g. {@code thread-2} or {@code jvm-3}, its pid, and how long it took to start. */
public record WorkerInfo(String id, long pid, long tid, long startNanos) {
}
