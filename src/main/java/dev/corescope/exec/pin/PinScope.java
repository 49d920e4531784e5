package dev.corescope.exec.pin;

import java.util.Locale;

/**
 * Which threads of a worker JVM are pinned to its CPU: only the thread that runs the tasks, or every
 * thread of the JVM (its JIT compiler and GC threads too, so they compete with the task on its own CPU
 * instead of with another worker's task). Thread workers are always pinned alone: their JVM is the
 * coordinator's. Chosen by measurement (docs/performance.md); the system property
 * {@value #PROPERTY} of the coordinator overrides it, for benchmarks.
 */
public enum PinScope {
    TASK_THREAD, WHOLE_JVM;

    public static final String PROPERTY = "corescope.pin-scope";
    /** What the measurement chose. */
    public static final PinScope DEFAULT = TASK_THREAD;

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
