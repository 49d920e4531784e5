package dev.corescope.api;

/**
 * What a task's own processes used, for a workload that runs them (an external command): when a task's
 * {@link TaskOutput} carries one, the harness records it in place of the waiting Java thread's figures.
 *
 * @param cpuNanos            their CPU time, -1 when not known
 * @param waitNanos           their run-queue wait, -1 when not known
 * @param involuntarySwitches their involuntary context switches, -1 when not known
 */
public record ProcessUsage(long cpuNanos, long waitNanos, long involuntarySwitches) {
    /** Nothing known. */
    public static final ProcessUsage UNKNOWN = new ProcessUsage(-1, -1, -1);
}
