package dev.corescope.exec;

import dev.corescope.api.PreparedTask;
import dev.corescope.api.TaskInput;
import dev.corescope.api.TaskOutput;
import dev.corescope.api.Workload;

/**
 * Runs one task on the calling thread and measures it: the workload prepares the task's inputs first
 * (not timed), then only {@link PreparedTask#run} is timed, wall time from {@link System#nanoTime()},
 * CPU time, run-queue wait and involuntary switches of this thread; the result is checked after the
 * clock has stopped. The CPU clock is read right beside the wall clock, inside the scheduler readings (a
 * procfs read and a system call, whose own kernel time would otherwise count as the task's CPU time and
 * put it above its wall time on short tasks). Used by thread workers and by worker JVMs alike, so both modes time exactly the
 * same way. A task whose work ran in processes of its own (an external command) reports their
 * {@link dev.corescope.api.ProcessUsage}, which is recorded instead of the waiting thread's.
 */
public final class TaskExecution {
    private TaskExecution() {
    }

    public static TaskResult run(Workload workload, TaskInput input) {
        PreparedTask task;
        try {
            task = workload.prepare(input);
        } catch (RuntimeException | Error e) {
            return TaskResult.failed(TaskStatus.FAILED, System.nanoTime(), "preparing the task failed: " + describe(e));
        }
        JvmActivity jvmBefore = JvmActivity.sample();
        ThreadStats.Sample before = ThreadStats.sample();
        long cpu0 = ThreadStats.cpuNanos();
        long start = System.nanoTime();
        TaskOutput out;
        try {
            out = task.run();
        } catch (RuntimeException | Error e) {
            long end = System.nanoTime();
            long cpu1 = ThreadStats.cpuNanos();
            ThreadStats.Sample d = cpu(ThreadStats.sample().minus(before), cpu0, cpu1);
            return new TaskResult(TaskStatus.FAILED, start, end, d.cpuNanos(), d.waitNanos(),
                    d.involuntarySwitches(), 0, 0, null, describe(e)).withJvm(JvmActivity.sample().minus(jvmBefore));
        }
        long end = System.nanoTime();
        long cpu1 = ThreadStats.cpuNanos();
        ThreadStats.Sample d = cpu(ThreadStats.sample().minus(before), cpu0, cpu1);
        JvmActivity jvm = JvmActivity.sample().minus(jvmBefore);
        try {
            out = task.check(out);
        } catch (RuntimeException | Error e) {
            return new TaskResult(TaskStatus.FAILED, start, end, d.cpuNanos(), d.waitNanos(),
                    d.involuntarySwitches(), 0, 0, null, describe(e)).withJvm(jvm);
        }
        if (out.usage() != null) {
            var u = out.usage();
            return new TaskResult(TaskStatus.OK, start, end, u.cpuNanos(), u.waitNanos(), u.involuntarySwitches(),
                    out.checksum(), out.payloadBytes(), out.payload(), null).withJvm(jvm);
        }
        return new TaskResult(TaskStatus.OK, start, end, d.cpuNanos(), d.waitNanos(), d.involuntarySwitches(),
                out.checksum(), out.payloadBytes(), out.payload(), null).withJvm(jvm);
    }

    /** The scheduler's deltas with the CPU time read beside the wall clock. */
    private static ThreadStats.Sample cpu(ThreadStats.Sample d, long cpu0, long cpu1) {
        return new ThreadStats.Sample(cpu0 < 0 || cpu1 < 0 ? -1 : cpu1 - cpu0, d.waitNanos(), d.involuntarySwitches());
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
    }
}
