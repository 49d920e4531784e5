package dev.corescope.experiment;

/**
 * The caps on a plan, in one place: the CLI refuses input beyond them before any work starts, and
 * the API ({@code dev.corescope.Corescope}) refuses the same plans. Memory is checked separately
 * against the real heap ({@link PlanMemory}).
 */
public final class Limits {
    /** Concurrent workers (more only with {@code --force}). */
    public static final int MAX_WORKERS = 1024;
    /** Task records one run may produce: each is kept in memory until the summary is written. */
    public static final long MAX_TASKS = 10_000_000;
    /**
     * Heap one task record takes while it is kept for the summary, rounded up: the record's fields
     * (about 150 bytes), its overhead split, its input, its slots in the batch's lists.
     */
    public static final long RECORD_BYTES = 512;
    /**
     * Largest input size: 2^53, the last integer a double holds exactly — the statistics, fits and
     * charts of sizes beyond it could not tell neighbouring sizes apart.
     */
    public static final long MAX_SIZE = 1L << 53;
    /** Input sizes in one {@code assess} plan. */
    public static final int MAX_SIZES = 10_000;
    /** Warm-up tasks per worker and algorithm. */
    public static final int MAX_WARMUP = 10_000;
    /** Samples per level of {@code investigate}. */
    public static final int MAX_SAMPLES = 100_000;
    /** Cells (durations × sizes) of one {@code transfer} map. */
    public static final int MAX_CELLS = 10_000;
    /**
     * Shortest task timeout: below it a timeout fires on ordinary scheduling delays and collector pauses rather
     * than on a hung task, and every firing kills and replaces a worker (a worker JVM takes 100-300 ms to start).
     */
    public static final java.time.Duration MIN_TASK_TIMEOUT = java.time.Duration.ofMillis(100);
    /** Share of a heap a plan may fill; the rest is the collector's headroom. */
    public static final double HEAP_SHARE = 0.8;

    private Limits() {
    }

    /** {@code a × b}, or {@link Long#MAX_VALUE} when that overflows (for counting planned tasks). */
    public static long times(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return (hi == 0 && lo >= 0) ? lo : Long.MAX_VALUE;
    }

    /** {@code a + b}, or {@link Long#MAX_VALUE} when that overflows. */
    public static long plus(long a, long b) {
        long s = a + b;
        return ((a ^ s) & (b ^ s)) < 0 ? Long.MAX_VALUE : s;
    }

    /**
     * @throws PlanRefused when {@code tasks} exceeds {@link #MAX_TASKS}; {@code what} names the plan
     *                     (e.g. "rounds: 2000000000 repeats x 1 levels x 2 strategies")
     */
    public static void checkTasks(String what, long tasks) {
        if (tasks > MAX_TASKS) {
            throw new PlanRefused(what + (tasks == Long.MAX_VALUE ? " is too many tasks" : " = " + tasks + " tasks")
                    + ", more than the cap of " + MAX_TASKS + " per run (every task record is kept until the "
                    + "summary is written)");
        }
    }

    /**
     * @throws PlanRefused when the task timeout is below {@link #MIN_TASK_TIMEOUT}, or shorter than twice the
     *                     task's own target length ({@code target}, null when none)
     */
    public static void checkTaskTimeout(String option, java.time.Duration timeout, java.time.Duration target) {
        if (timeout.compareTo(MIN_TASK_TIMEOUT) < 0) {
            throw new PlanRefused(option + " " + text(timeout) + " is below the floor of " + text(MIN_TASK_TIMEOUT)
                    + ": a shorter timeout fires on ordinary scheduling delays, not on a hung task, and every firing "
                    + "kills and replaces a worker");
        }
        if (target != null && timeout.compareTo(target.multipliedBy(2)) < 0) {
            throw new PlanRefused(option + " " + text(timeout) + " is shorter than twice the task's target of "
                    + text(target) + ": tasks would time out instead of being measured");
        }
    }

    private static String text(java.time.Duration d) {
        long nanos = d.toNanos();
        return nanos % 1_000_000_000L == 0 ? d.toSeconds() + "s" : nanos % 1_000_000 == 0 ? d.toMillis() + "ms"
                : nanos % 1_000 == 0 ? nanos / 1_000 + "us" : nanos + "ns";
    }

    /**
     * @throws PlanRefused when {@code value} is outside [min, max]
     */
    public static void checkRange(String option, long value, long min, long max) {
        if (value < min) {
            throw new PlanRefused(option + " must be at least " + min + ", got " + value);
        }
        if (value > max) {
            throw new PlanRefused(option + " " + value + " is above the cap of " + max);
        }
    }
}
