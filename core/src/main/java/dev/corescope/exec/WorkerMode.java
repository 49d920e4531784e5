package dev.corescope.exec;

import java.util.Locale;

/**
 * What a worker is: a platform thread of this JVM, a worker JVM talking over stdin/stdout, or a slot on a
 * cluster member. Written as {@code threads}, {@code processes} and {@code cluster} (summaries, records,
 * the cache, the command line).
 */
public enum WorkerMode implements Label {
    THREADS,
    PROCESSES,
    CLUSTER;

    @Override
    public String toString() {
        return label();
    }

    /**
     * The mode a user names: {@code threads} or {@code processes} (any case).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static WorkerMode parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.equals(THREADS.label())) {
            return THREADS;
        }
        if (t.equals(PROCESSES.label())) {
            return PROCESSES;
        }
        throw new IllegalArgumentException("mode must be threads or processes, got " + text);
    }
}
