package dev.corescope.exec;

import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Pins the calling thread to one CPU with Linux's {@code sched_setaffinity(0, ...)} (0 = this
 * thread), through JNA direct mapping. Java has no API for it; where this is not Linux or JNA is
 * missing, {@link #pinCurrentThread} returns false and nothing changes.
 */
public final class Affinity {
    private static final int MASK_LONGS = 16; // 1024 CPUs
    private static final boolean AVAILABLE = register();

    private Affinity() {
    }

    private static boolean register() {
        if (!Platform.isLinux()) {
            return false;
        }
        try {
            Native.register(Affinity.class, Platform.C_LIBRARY_NAME);
            return true;
        } catch (Throwable e) {
            return false;
        }
    }

    static native int sched_setaffinity(int pid, long cpusetsize, long[] mask);

    /** Restricts the calling thread to {@code cpu}; false when not possible (the thread is unchanged). */
    public static boolean pinCurrentThread(int cpu) {
        if (!AVAILABLE || cpu < 0 || cpu >= MASK_LONGS * 64) {
            return false;
        }
        long[] mask = new long[MASK_LONGS];
        mask[cpu / 64] = 1L << (cpu % 64);
        try {
            return sched_setaffinity(0, MASK_LONGS * 8L, mask) == 0;
        } catch (Throwable e) {
            return false;
        }
    }
}
