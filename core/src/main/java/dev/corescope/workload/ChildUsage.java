package dev.corescope.workload;

import dev.corescope.api.ProcessUsage;

import com.sun.jna.Platform;

/**
 * The CPU time of this JVM's finished child processes, from {@code getrusage(RUSAGE_CHILDREN)}: the kernel adds a
 * child's user and system time (its own waited-for children's included) to its parent's account when the parent
 * reaps it, which the JDK does as soon as the child exits. The difference across one command is that command's
 * CPU time, as long as no other child of this JVM was reaped meanwhile: {@link #begin} and {@link #end} count the
 * commands in flight in this JVM and report the difference only for a command that ran alone (one command at a
 * time per worker JVM: processes mode), else unknown.
 *
 * <p>Its run-queue wait the kernel reports only through delay accounting (taskstats, which needs
 * {@code CAP_NET_ADMIN} and the {@code delayacct} boot option): unknown here.
 */
final class ChildUsage {
    private static final int RUSAGE_CHILDREN = -1;
    /** struct rusage: ru_utime, ru_stime (two longs each), then 14 longs; ru_nivcsw is the last. */
    private static final int LONGS = 18;
    private static final boolean AVAILABLE = Platform.is64Bit() && Libc.register(ChildUsage.class);

    private int inFlight;
    private long changes;

    /** A command's start: the reading, and whether it started alone. */
    record Window(long cpuNanos, long switches, long token, boolean alone) {
    }

    private static native int getrusage(int who, long[] usage);

    /** The JVM's account (one per process, like the kernel's). */
    static ChildUsage get() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final ChildUsage INSTANCE = new ChildUsage();
    }

    synchronized Window begin() {
        inFlight++;
        changes++;
        long[] u = read();
        return new Window(cpu(u), u == null ? -1 : u[LONGS - 1], changes, inFlight == 1);
    }

    /** The command's usage since {@code w}: known when it ran alone and the kernel's account could be read. */
    synchronized ProcessUsage end(Window w) {
        long[] u = read();
        boolean alone = w.alone() && changes == w.token();
        changes++;
        inFlight--;
        if (!alone || u == null || w.cpuNanos() < 0) {
            return ProcessUsage.UNKNOWN;
        }
        return new ProcessUsage(cpu(u) - w.cpuNanos(), -1, u[LONGS - 1] - w.switches());
    }

    private static long[] read() {
        if (!AVAILABLE) {
            return null;
        }
        long[] u = new long[LONGS];
        try {
            return getrusage(RUSAGE_CHILDREN, u) == 0 ? u : null;
        } catch (Throwable e) {
            return null;
        }
    }

    private static long cpu(long[] u) {
        return u == null ? -1 : (u[0] + u[2]) * 1_000_000_000L + (u[1] + u[3]) * 1_000L;
    }
}
