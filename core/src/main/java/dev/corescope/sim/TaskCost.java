package dev.corescope.sim;

import dev.corescope.workload.SpinWorkload;
import dev.corescope.workload.WorkloadSpec;
import java.util.Map;

/**
 * How much CPU work a task is on the simulated machine: nanoseconds on a core of its own at the machine's
 * nominal speed (before noise, drift and SMT). The constants are of the order of this project's 2-vCPU VM
 * (an AMD EPYC at about 2 GHz, JIT-compiled code) so that simulated runs take times of the right order;
 * they are a cost model, not a prediction of any real machine:
 * <ul>
 * <li>{@code spin}: {@value #NANOS_PER_SPIN_LOOP} ns per loop (the calibrated cost on the VM);</li>
 * <li>{@code empty}: {@value #EMPTY_NANOS} ns;</li>
 * <li>{@code transfer}: its spin loops, plus {@value #NANOS_PER_BYTE} ns per payload byte (filling it);</li>
 * <li>{@code sort-*} of n elements: a constant × n·log2(n) (insertion sort: × n²/4);</li>
 * <li>{@code matmul-*} of n × n matrices: a constant × n³.</li>
 * </ul>
 * Anything else (a user's class or command) cannot be simulated: {@link #of} refuses it.
 */
public final class TaskCost {
    static final double NANOS_PER_SPIN_LOOP = 1.2;
    static final double EMPTY_NANOS = 1_000;
    static final double NANOS_PER_BYTE = 0.1;
    private static final Map<String, Double> N_LOG_N = Map.of("sort-merge", 4.0, "sort-quick", 3.0, "sort-heap", 5.0,
            "sort-jdk", 2.5);
    private static final Map<String, Double> N_CUBED = Map.of("matmul-naive", 0.45, "matmul-ikj", 0.25,
            "matmul-blocked", 0.3);
    private static final double INSERTION_PER_PAIR = 0.5;

    private TaskCost() {
    }

    /** Whether a workload can run on the simulated machine. */
    public static boolean simulable(WorkloadSpec spec) {
        String n = spec.name();
        return n.equals(SpinWorkload.NAME) || n.equals("empty") || n.equals("transfer") || n.equals("sort-insertion")
                || N_LOG_N.containsKey(n) || N_CUBED.containsKey(n);
    }

    /**
     * Nanoseconds of work of one task of {@code spec} at {@code size}.
     *
     * @throws IllegalArgumentException for a workload the simulated machine cannot run
     */
    public static double of(WorkloadSpec spec, long size) {
        String name = spec.name();
        double n = Math.max(1, size);
        if (name.equals(SpinWorkload.NAME)) {
            return Math.max(EMPTY_NANOS, spec.longParam("loops", 1_000_000) * NANOS_PER_SPIN_LOOP);
        }
        if (name.equals("empty")) {
            return EMPTY_NANOS;
        }
        if (name.equals("transfer")) {
            return EMPTY_NANOS + spec.longParam("loops", 1_000_000) * NANOS_PER_SPIN_LOOP
                    + spec.longParam("bytes", 1 << 20) * NANOS_PER_BYTE;
        }
        if (name.equals("sort-insertion")) {
            return EMPTY_NANOS + INSERTION_PER_PAIR * n * n / 4;
        }
        Double c = N_LOG_N.get(name);
        if (c != null) {
            return EMPTY_NANOS + c * n * Math.max(1, Math.log(n) / Math.log(2));
        }
        c = N_CUBED.get(name);
        if (c != null) {
            return EMPTY_NANOS + c * n * n * n;
        }
        throw new IllegalArgumentException("the simulated machine runs only the built-in workloads (spin, sort-*, "
                + "matmul-*, transfer), not '" + name + "'");
    }

    /** The checksum a simulated task reports: the same for the same workload, size and seed, on any worker. */
    static long checksum(WorkloadSpec spec, long size, long seed) {
        long h = spec.text().hashCode() * 0x9E3779B97F4A7C15L + size;
        h ^= seed * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 29;
        return h * 0x165667B19E3779F9L;
    }
}
