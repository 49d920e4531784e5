package dev.corescope.exec;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.regex.Pattern;

/**
 * The CPU time of this JVM that is corescope's own (the coordinator: dispatch, results, records, checks,
 * a worker JVM's I/O thread on this side) rather than the tasks': the process's CPU time minus that of the
 * thread workers that run tasks in this JVM ({@link ThreadWorkerPool}'s {@code thread-N}). Worker JVMs are
 * other processes and never counted. {@code -1} where the JVM cannot say.
 *
 * @param processNanos       CPU time of this process so far
 * @param workerThreadsNanos CPU time of its live thread workers so far
 */
public record CoordinatorCpu(long processNanos, long workerThreadsNanos) {
    private static final Pattern WORKER = Pattern.compile("thread-\\d+");

    public static CoordinatorCpu sample() {
        long process = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            process = os.getProcessCpuTime();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long workers = 0;
        if (threads.isThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled()) {
            for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (t != null && WORKER.matcher(t.getThreadName()).matches()) {
                    workers += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
                }
            }
        }
        return new CoordinatorCpu(process, workers);
    }

    /** The coordinator's CPU nanoseconds since {@code before}, -1 when unknown. */
    public long coordinatorSince(CoordinatorCpu before) {
        if (processNanos < 0 || before.processNanos < 0) {
            return -1;
        }
        return Math.max(0, (processNanos - before.processNanos) - (workerThreadsNanos - before.workerThreadsNanos));
    }
}
