package dev.corescope.exec;

/**
 * When a task counts as disturbed: its run-queue wait (time runnable but not running, from schedstat)
 * exceeded 1 ms and 1% of its wall time, so something else ran on its CPU for a share of the task no
 * tolerance would ignore. One rule for every task, one-worker controls and parallel tasks alike. The 1 ms
 * floor keeps a thread's wake-up latency (tens of microseconds) from marking short tasks.
 */
public final class Disturbance {
    public static final long FLOOR_NANOS = 1_000_000;
    public static final double SHARE = 0.01;

    private Disturbance() {
    }

    /** True when disturbed, false when not, null when the wait was not measured. */
    public static Boolean of(long wallNanos, long waitNanos) {
        if (waitNanos < 0 || wallNanos < 0) {
            return null;
        }
        return waitNanos > Math.max(FLOOR_NANOS, SHARE * wallNanos);
    }

    /** The rule in words, for summaries. */
    public static String rule() {
        return "run-queue wait above 1 ms and above 1% of the task's wall time";
    }
}
