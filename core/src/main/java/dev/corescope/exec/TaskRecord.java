package dev.corescope.exec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * One measured task, as written to {@code records.jsonl}: which task it was, who ran it, its times, how it
 * ended, and (when known) its round trip's overhead split and its JVM's activity. The four groups are
 * nested here and flat in the JSON (one object per line, as it always was). Times are nanoseconds on the
 * coordinator's monotonic timeline, counted from the start of the run; worker clocks are mapped onto it.
 * Fields that could not be measured are {@code -1} (numbers) or {@code null} (text).
 *
 * @param transfer overhead breakdown of the round trip (worker JVMs), or null
 * @param jvm      GC and JIT activity of the task's JVM while the task was timed, or null (older records)
 * @param disturbed true when its run-queue wait exceeded the limit of {@link Disturbance} (something else ran
 *                 on its CPU while it was timed), false when not, null when not judged (older records, fakes)
 */
public record TaskRecord(@JsonUnwrapped Task task, @JsonUnwrapped Ran ran, @JsonUnwrapped Timing timing,
                         @JsonUnwrapped TaskOutcome outcome, TransferTiming transfer, JvmActivity jvm,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Boolean disturbed) {

    /**
     * Which task: its run, the part of the run ({@code sweep}, {@code rounds}, {@code queue},
     * {@code sequential}...), the number of concurrent workers when it ran (the lab's {@code num_processes}),
     * the repetition of the level (0-based), the round within the trial (0 unless the plan has rounds), its
     * index in its batch, and its problem size (0 for size-less workloads).
     */
    public record Task(String runId, String experiment, int level, int trial, int round, int taskIndex, long size) {
    }

    /**
     * Who ran it: the worker ({@code thread-2}, {@code jvm-3}), its OS process and thread ids (-1 when
     * unknown), the cluster member (null on one machine), and the logical CPU it ran on: the CPU a real
     * worker is pinned to, the CPU a simulated task last ran on (null when unknown: not pinned, or a record
     * of an older version).
     */
    public record Ran(String workerId, long pid, long tid, String node, Integer cpu) {
        /** Without the CPU. */
        public Ran(String workerId, long pid, long tid, String node) {
            this(workerId, pid, tid, node, null);
        }
    }

    /**
     * Its times: start and end on the coordinator's timeline, the wall time the worker measured around the
     * task body, the CPU time of the worker thread, the run-queue wait (schedstat) and the involuntary
     * context switches during the task (-1 if unavailable).
     */
    public record Timing(long startNanos, long endNanos, long wallNanos, long cpuNanos, long waitNanos,
                         long involuntarySwitches) {
    }

    /** How it ended: the payload bytes it sent back, the workload's checksum, its status and the reason of a failure. */
    public record TaskOutcome(long bytesReturned, long checksum, TaskStatus status, String error) {
    }

    /** A group missing from a record (a line of another version, cut short) reads as unknown. */
    public TaskRecord {
        task = task != null ? task : new Task(null, null, 0, 0, 0, 0, 0);
        ran = ran != null ? ran : new Ran(null, -1, -1, null, null);
        timing = timing != null ? timing : new Timing(-1, -1, -1, -1, -1, -1);
        outcome = outcome != null ? outcome : new TaskOutcome(0, 0, null, null);
    }

    /** Not judged for disturbance. */
    public TaskRecord(Task task, Ran ran, Timing timing, TaskOutcome outcome, TransferTiming transfer, JvmActivity jvm) {
        this(task, ran, timing, outcome, transfer, jvm, null);
    }

    /** Without the JVM's activity (fakes, older records). */
    public TaskRecord(Task task, Ran ran, Timing timing, TaskOutcome outcome) {
        this(task, ran, timing, outcome, null, null, null);
    }

    /** Whether the record says it was disturbed (null reads as not). */
    public boolean wasDisturbed() {
        return Boolean.TRUE.equals(disturbed);
    }

    public boolean ok() {
        return outcome.status() == TaskStatus.OK;
    }

    public String runId() {
        return task.runId();
    }

    public String experiment() {
        return task.experiment();
    }

    public int level() {
        return task.level();
    }

    public int trial() {
        return task.trial();
    }

    public int round() {
        return task.round();
    }

    public int taskIndex() {
        return task.taskIndex();
    }

    public long size() {
        return task.size();
    }

    public String workerId() {
        return ran.workerId();
    }

    public long pid() {
        return ran.pid();
    }

    public long tid() {
        return ran.tid();
    }

    public String node() {
        return ran.node();
    }

    /** The logical CPU the task ran on, or -1 when unknown. */
    public int cpu() {
        return ran.cpu() == null ? -1 : ran.cpu();
    }

    public long startNanos() {
        return timing.startNanos();
    }

    public long endNanos() {
        return timing.endNanos();
    }

    public long wallNanos() {
        return timing.wallNanos();
    }

    public long cpuNanos() {
        return timing.cpuNanos();
    }

    public long waitNanos() {
        return timing.waitNanos();
    }

    public long involuntarySwitches() {
        return timing.involuntarySwitches();
    }

    public long bytesReturned() {
        return outcome.bytesReturned();
    }

    public long checksum() {
        return outcome.checksum();
    }

    public TaskStatus status() {
        return outcome.status();
    }

    public String error() {
        return outcome.error();
    }

    public double wallSeconds() {
        return wallNanos() / 1e9;
    }

    public double cpuSeconds() {
        return cpuNanos() < 0 ? Double.NaN : cpuNanos() / 1e9;
    }

    public double waitSeconds() {
        return waitNanos() < 0 ? Double.NaN : waitNanos() / 1e9;
    }
}
