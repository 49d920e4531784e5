package dev.corescope.exec;

import dev.corescope.workload.Libc;

/**
 * corescope's one pinning mechanism: Linux's {@code sched_setaffinity} through JNA direct mapping, for
 * the calling thread (thread workers pin themselves; a worker JVM pins its task thread) or for every
 * thread of this process (a worker JVM with its JIT and GC threads). Java has no API for it; where
 * this is not Linux or JNA is missing, the calls return false and nothing changes.
 */
public final class Affinity {
    private static final int MASK_LONGS = 16; // 1024 CPUs
    private static final boolean AVAILABLE = Libc.register(Affinity.class);

    private Affinity() {
    }


    static native int sched_setaffinity(int pid, long cpusetsize, long[] mask);

    /** Restricts the calling thread to {@code cpu}; false when not possible (the thread is unchanged). */
    public static boolean pinCurrentThread(int cpu) {
        return pinThread(0, cpu);
    }

    /** Restricts thread {@code tid} (0: the calling thread) to {@code cpu}; false when not possible. */
    public static boolean pinThread(int tid, int cpu) {
        if (!AVAILABLE || cpu < 0 || cpu >= MASK_LONGS * 64) {
            return false;
        }
        long[] mask = new long[MASK_LONGS];
        mask[cpu / 64] = 1L << (cpu % 64);
        try {
            return sched_setaffinity(tid, MASK_LONGS * 8L, mask) == 0;
        } catch (Throwable e) {
            return false;
        }
    }

    /**
     * Restricts every thread of this process to {@code cpu} (the threads in {@code /proc/self/task} now;
     * threads started later inherit their creator's mask); false when one could not be pinned.
     */
    public static boolean pinProcess(int cpu) {
        java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        if (tasks == null) {
            return false;
        }
        boolean all = true;
        for (java.io.File t : tasks) {
            try {
                all &= pinThread(Integer.parseInt(t.getName()), cpu);
            } catch (NumberFormatException e) {
                all = false;
            }
        }
        return all;
    }
}
