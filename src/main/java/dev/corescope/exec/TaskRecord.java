package dev.corescope.exec;

/**
 * One measured task, as written to {@code records.jsonl}. Times are nanoseconds on the coordinator's
 * monotonic timeline, counted from the start of the run; worker clocks are mapped onto it.
 * Fields that could not be measured are {@code -1} (numbers) or {@code null} (text).
 *
 * @param runId        the run this task belongs to
 * @param experiment   which part of the run (e.g. {@code sweep}, {@code rounds}, {@code queue}, {@code sequential})
 * @param level        number of concurrent workers when the task ran (the lab's {@code num_processes})
 * @param trial        repetition of the level (0-based)
 * @param round        round within the trial (0 unless the plan has rounds)
 * @param taskIndex    index of the task in its batch
 * @param size         problem size (0 for size-less workloads)
 * @param workerId     e.g. {@code thread-2} or {@code jvm-3}
 * @param pid          OS process id of the worker
 * @param tid          OS thread id of the worker thread (-1 when unknown)
 * @param startNanos   task start, coordinator timeline
 * @param endNanos     task end, coordinator timeline
 * @param wallNanos    end - start as measured by the worker around the task body
 * @param cpuNanos     CPU time consumed by the worker thread during the task
 * @param waitNanos    time runnable but waiting for a CPU (schedstat run-queue delay), -1 if unavailable
 * @param involuntarySwitches involuntary context switches during the task, -1 if unavailable
 * @param bytesReturned payload bytes the task sent back
 * @param checksum     the workload's checksum (consumes the result)
 * @param status       ok, failed or timeout (an unknown one, from another version, reads as null)
 * @param error        the failure reason, or null
 * @param node         cluster member that ran it, or null on one machine
 * @param transfer     overhead breakdown of the round trip (worker JVMs), or null
 * @param jvm          GC and JIT activity of the task's JVM while the task was timed, or null (older records)
 */
public record TaskRecord(
        String runId,
        String experiment,
        int level,
        int trial,
        int round,
        int taskIndex,
        long size,
        String workerId,
        long pid,
        long tid,
        long startNanos,
        long endNanos,
        long wallNanos,
        long cpuNanos,
        long waitNanos,
        long involuntarySwitches,
        long bytesReturned,
        long checksum,
        TaskStatus status,
        String error,
        String node,
        TransferTiming transfer,
        JvmActivity jvm) {

    /** Without the JVM's activity (fakes, older records). */
    public TaskRecord(String runId, String experiment, int level, int trial, int round, int taskIndex, long size,
                      String workerId, long pid, long tid, long startNanos, long endNanos, long wallNanos,
                      long cpuNanos, long waitNanos, long involuntarySwitches, long bytesReturned, long checksum,
                      TaskStatus status, String error, String node, TransferTiming transfer) {
        this(runId, experiment, level, trial, round, taskIndex, size, workerId, pid, tid, startNanos, endNanos, wallNanos,
                cpuNanos, waitNanos, involuntarySwitches, bytesReturned, checksum, status, error, node, transfer, null);
    }

    public boolean ok() {
        return status == TaskStatus.OK;
    }

    public double wallSeconds() {
        return wallNanos / 1e9;
    }

    public double cpuSeconds() {
        return cpuNanos < 0 ? Double.NaN : cpuNanos / 1e9;
    }

    public double waitSeconds() {
        return waitNanos < 0 ? Double.NaN : waitNanos / 1e9;
    }
}
