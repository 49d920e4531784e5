package dev.corescope.exec;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the OS says about the calling thread: CPU time (JVM), and on Linux the scheduler's own account
 * from {@code /proc/thread-self/schedstat} (time runnable but waiting on the run queue) and the
 * involuntary context switches from {@code getrusage(RUSAGE_THREAD)}. Values that cannot be read are
 * {@code -1}.
 *
 * <p>Sampling sits on every task's path (twice), so it is kept to a few microseconds: the schedstat
 * file is opened once per thread and re-read from offset 0 (procfs regenerates it), and the switch
 * count comes from one system call rather than from parsing {@code /proc/thread-self/status}.
 */
public final class ThreadStats {
    private static final Path SCHEDSTAT = Path.of("/proc/thread-self/schedstat");
    private static final boolean PROC = Files.isReadable(SCHEDSTAT);
    private static final ThreadLocal<PerThread> LOCAL = ThreadLocal.withInitial(PerThread::new);

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

    /** JMX is initialised on the first sample, not when a worker JVM starts. */
    private static final class Cpu {
        static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        static final boolean AVAILABLE = init();

        private static boolean init() {
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
    }

    /** The calling thread's CPU time alone (-1 when not measurable): the cheapest reading, next to the wall clock's. */
    public static long cpuNanos() {
        return Cpu.AVAILABLE ? Cpu.THREADS.getCurrentThreadCpuTime() : -1;
    }

    public static Sample sample() {
        long cpu = Cpu.AVAILABLE ? Cpu.THREADS.getCurrentThreadCpuTime() : -1;
        PerThread t = LOCAL.get();
        return new Sample(cpu, t.waitNanos(), NATIVE_LOADED.get() || !DEFER_NATIVE.get()
                ? RUsage.involuntarySwitches(t.usage) : -1);
    }

    /** Set in a worker JVM: JNA is loaded by {@link #loadNative} off the start path, not by the first sample. */
    private static final java.util.concurrent.atomic.AtomicBoolean DEFER_NATIVE = new java.util.concurrent.atomic.AtomicBoolean();
    /** Whether this JVM has loaded the native library: a fact about the JVM, shared by its threads. */
    private static final java.util.concurrent.atomic.AtomicBoolean NATIVE_LOADED = new java.util.concurrent.atomic.AtomicBoolean();

    /** From now on the first sample does not load JNA: {@link #loadNative} will (involuntary switches read -1 until then). */
    static void deferNative() {
        DEFER_NATIVE.set(true);
    }

    /** Loads the native counter (JNA); samples report involuntary switches from then on. */
    static void loadNative() {
        RUsage.init();
        NATIVE_LOADED.set(true);
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

    /** The calling thread's open schedstat file and buffers. */
    private static final class PerThread {
        private final FileChannel schedstat = open();
        private final ByteBuffer buf = ByteBuffer.allocate(128);
        final long[] usage = new long[RUsage.LONGS];

        private static FileChannel open() {
            if (!PROC) {
                return null;
            }
            try {
                return FileChannel.open(SCHEDSTAT);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        /** Second field of schedstat: nanoseconds spent runnable on a run queue. */
        long waitNanos() {
            if (schedstat == null) {
                return -1;
            }
            try {
                buf.clear();
                int n = schedstat.read(buf, 0);
                long value = 0;
                int field = 0;
                for (int i = 0; i < n; i++) {
                    byte c = buf.get(i);
                    if (c == ' ') {
                        if (++field > 1) {
                            break;
                        }
                        value = 0;
                    } else if (c >= '0' && c <= '9') {
                        value = value * 10 + (c - '0');
                    }
                }
                return field >= 1 ? value : -1;
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
    }

    /** {@code getrusage(RUSAGE_THREAD)} through JNA direct mapping (Linux x86-64/aarch64 layout). */
    static final class RUsage {
        /** struct rusage: two struct timeval (2 longs each) then 14 longs; ru_nivcsw is the last. */
        static final int LONGS = 18;
        private static final int RUSAGE_THREAD = 1;
        private static final boolean AVAILABLE = register();

        private RUsage() {
        }

        /** Initialises the class: registers getrusage through JNA, or finds it unavailable. */
        static void init() {
            // the static initialiser has run once this returns
        }

        private static boolean register() {
            if (!Platform.isLinux() || !Platform.is64Bit()) {
                return false;
            }
            try {
                Native.register(RUsage.class, Platform.C_LIBRARY_NAME);
                return true;
            } catch (Throwable e) {   // UnsatisfiedLinkError, no JNA: not measurable here
                return false;
            }
        }

        static native int getrusage(int who, long[] usage);

        static long involuntarySwitches(long[] usage) {
            if (!AVAILABLE) {
                return -1;
            }
            try {
                return getrusage(RUSAGE_THREAD, usage) == 0 ? usage[LONGS - 1] : -1;
            } catch (Throwable e) {
                return -1;
            }
        }
    }
}
