package dev.corescope.exec;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the OS says about the calling thread: CPU time (JVM), and on Linux the scheduler's own account
 * from {@code /proc/thread-self/schedstat} (time on a CPU, time runnable but waiting on the run
 * queue) and {@code nonvoluntary_ctxt_switches} from {@code /proc/thread-self/status}. Values that
 * cannot be read are {@code -1}.
 */
public final class ThreadStats {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Path SCHEDSTAT = Path.of("/proc/thread-self/schedstat");
    private static final Path STATUS = Path.of("/proc/thread-self/status");
    private static final boolean PROC = Files.isReadable(SCHEDSTAT);
    private static final boolean CPU_TIME = initCpuTime();

    /** A reading for the calling thread. */
    public record Sample(long cpuNanos, long waitNanos, long involuntarySwitches) {
        public Sample minus(Sample before) {
            return new Sample(diff(cpuNanos, before.cpuNanos), diff(waitNanos, before.waitNanos),
                    diff(involuntarySwitches, before.involuntarySwitches));
        }

        private static long diff(long a, long b) {
            return a < 0 || b < 0 ? -1 : a - b;
        }
    }

    private ThreadStats() {
    }

    private static boolean initCpuTime() {
        try {
            if (THREADS.isCurrentThreadCpuTimeSupported()) {
                THREADS.setThreadCpuTimeEnabled(true);
                return true;
            }
        } catch (UnsupportedOperationException | SecurityException e) {
            // not measurable here: recorded as -1
        }
        return false;
    }

    /** Whether run-queue wait and context switches are measurable on this system. */
    public static boolean schedstatAvailable() {
        return PROC;
    }

    public static Sample sample() {
        long cpu = CPU_TIME ? THREADS.getCurrentThreadCpuTime() : -1;
        long wait = -1;
        long invol = -1;
        if (PROC) {
            wait = readWait();
            invol = readInvoluntary();
        }
        return new Sample(cpu, wait, invol);
    }

    /** The OS thread id of the calling thread, or -1. */
    public static long currentTid() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString();
            return Long.parseLong(target.substring(target.lastIndexOf('/') + 1));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long readWait() {
        try {
            String s = Files.readString(SCHEDSTAT).trim();
            String[] f = s.split(" ");
            return Long.parseLong(f[1]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long readInvoluntary() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("nonvoluntary_ctxt_switches:")) {
                    return Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
