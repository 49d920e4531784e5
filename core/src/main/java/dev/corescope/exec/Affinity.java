package dev.corescope.exec;

import dev.corescope.workload.Libc;

/**
 * corescope's one pinning mechanism: Linux's {@code sched_setaffinity} through JNA direct mapping, always
 * called by the coordinator: on a thread worker's own thread, and on a worker JVM's task thread or every
 * thread of it (its JIT and GC threads too), by thread id, right after the worker says hello. Java has no
 * API for it; where this is not Linux or JNA is missing, the calls return false and nothing changes.
 */
public final class Affinity {
    private static final int MASK_LONGS = 16; // 1024 CPUs
    private static final boolean AVAILABLE = Libc.register(Affinity.class);

    private Affinity() {
    }


    static native int sched_setaffinity(int pid, long cpusetsize, long[] mask);

    /** Whether pinning works here (loads JNA on first use). */
    public static boolean available() {
        return AVAILABLE;
    }

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
        return pinProcess("self", cpu);
    }

    /**
     * Restricts every thread of process {@code pid} ({@code self}, or a number: a worker JVM pinned by its
     * coordinator) to {@code cpu}; false when one could not be pinned.
     */
    public static boolean pinProcess(String pid, int cpu) {
        java.io.File[] tasks = new java.io.File("/proc/" + pid + "/task").listFiles();
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
