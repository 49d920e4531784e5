package dev.corescope.api;

/**
 * What a task's own processes used, for a workload that runs them (an external command): their CPU time, their
 * run-queue wait and their involuntary context switches, {@code -1} where not known. When a task's
 * {@link TaskOutput} carries one, the harness records it in place of the waiting Java thread's figures.
 */
public record ProcessUsage(long cpuNanos, long waitNanos, long involuntarySwitches) {
    public static final ProcessUsage UNKNOWN = new ProcessUsage(-1, -1, -1);
}
