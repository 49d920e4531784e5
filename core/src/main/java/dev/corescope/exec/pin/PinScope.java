package dev.corescope.exec.pin;

import java.util.Locale;

/**
 * Which threads of a worker JVM are pinned to its CPU: only the thread that runs the tasks, or every
 * thread of the JVM (its JIT compiler and GC threads too). The whole JVM is the default: when a worker
 * runs one of its one-worker controls, the other CPUs are idle and its JIT and GC threads would run there
 * for free, while in the parallel stretches they take another worker's CPU; pinned with their worker, they
 * cost the same in both, so the comparison is fair. Measured (docs/performance.md, bench/harness-noise.sh):
 * mean ratio 1.00 [0.93-1.12] whole JVM against 1.06 [1.01-1.13] task thread only, 5 runs each, on a
 * machine whose own noise is of that size. Thread workers are always pinned alone: their JVM is the
 * coordinator's. The system property {@value #PROPERTY} of the coordinator overrides it, for benchmarks.
 */
public enum PinScope {
    TASK_THREAD, WHOLE_JVM;

    public static final String PROPERTY = "corescope.pin-scope";
    /** What the measurement chose. */
    public static final PinScope DEFAULT = WHOLE_JVM;

    /** {@code task} or {@code jvm}, as it travels to a worker JVM. */
    public String word() {
        return this == TASK_THREAD ? "task" : "jvm";
    }

    public static PinScope parse(String word) {
        return switch (word == null ? "" : word.trim().toLowerCase(Locale.ROOT)) {
            case "jvm" -> WHOLE_JVM;
            case "task" -> TASK_THREAD;
            default -> throw new IllegalArgumentException("pin scope must be task or jvm, got '" + word + "'");
        };
    }

    /** The coordinator's choice: the property when set, else {@link #DEFAULT}. */
    public static PinScope configured() {
        String p = System.getProperty(PROPERTY);
        return p == null ? DEFAULT : parse(p);
    }
}
