package dev.corescope.workload;

import dev.corescope.api.TaskOutput;
import dev.corescope.api.TaskInput;
import dev.corescope.api.Workload;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * The lab's {@code work_that_CPU(num_loops)}: draw {@code loops} pseudo-random numbers from a seeded
 * generator and fold them into a checksum. Pure CPU, no allocation in the loop, a working set of a
 * few registers: it measures a core, not the memory system.
 */
public final class SpinWorkload implements Workload {
    public static final String NAME = "spin";
    private final long loops;

    /** Declares {@code loops}; a spin task keeps nothing on the heap. */
    static final BuiltIn INFO = BuiltIn.small(NAME, Map.of("loops", "spin loops per task (default 1000000)"));

    public SpinWorkload(long loops) {
        if (loops < 0) {
            throw new IllegalArgumentException("loops must be >= 0, got " + loops);
        }
        this.loops = loops;
    }

    public SpinWorkload(Map<String, String> params) {
        this(Long.parseLong(params.getOrDefault("loops", "1000000")));
    }

    public static WorkloadSpec spec(long loops) {
        return WorkloadSpec.of(NAME, "loops", loops);
    }

    public long loops() {
        return loops;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public TaskOutput run(TaskInput input) {
        return TaskOutput.of(spin(loops, input.seed()));
    }

    /** The kernel: sum of {@code loops} uniform doubles, folded with the raw bits into a checksum. */
    public static long spin(long loops, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double sum = 0;
        long bits = 0;
        for (long i = 0; i < loops; i++) {
            long r = random.nextLong();
            bits ^= r;
            sum += (r >>> 11) * 0x1.0p-53;
        }
        return Double.doubleToLongBits(sum) * 31 + bits;
    }
}
