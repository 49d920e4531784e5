package dev.corescope.workload.algo;

import dev.corescope.workload.BuiltIn;
import dev.corescope.api.PreparedTask;
import dev.corescope.api.TaskInput;
import dev.corescope.api.TaskOutput;
import dev.corescope.api.Workload;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * Multiplies two {@code n×n} matrices ({@code n = input.size()}) with entries uniform in [-1, 1)
 * drawn from {@code input.seed()}, verifies the product (see {@link MatmulVerifier}) and returns a
 * checksum of it. Only the product is timed: the inputs and the zeroed output are built in
 * {@link #prepare}, in per-thread buffers reused from task to task ({@link Scratch}), and the verification
 * and checksum run in {@link PreparedTask#check}, after the clock has stopped.
 *
 * <p>Parameters: {@code block} (tile edge of {@code matmul-blocked}, default
 * {@value MatmulKernels#DEFAULT_BLOCK}). All variants return the same checksum for the same input,
 * since their products are bit-for-bit equal (see {@link MatmulKernels}).
 */
public final class MatmulWorkload implements Workload {
    /** Largest n whose n² entries fit in one Java array. */
    static final long MAX_N = 46_340;

    private final MatmulVariant variant;
    private final int block;

    /**
     * Parameters, largest size and heap per task: A, B and the product C, n×n doubles each (the
     * verifier allocates nothing). Only {@code matmul-blocked} takes {@code block}.
     */
    static BuiltIn info(MatmulVariant variant) {
        Map<String, String> params = variant == MatmulVariant.BLOCKED
                ? Map.of("block", "tile edge (default " + MatmulKernels.DEFAULT_BLOCK + ")") : Map.of();
        return new BuiltIn(variant.workloadName(), params, MAX_N,
                (n, p) -> new BuiltIn.TaskMemory(3 * (8 * n * n + 16), 0, "three " + n + "x" + n + " double matrices"));
    }

    public MatmulWorkload(MatmulVariant variant, int block) {
        if (block < 1) {
            throw new IllegalArgumentException("block must be >= 1, got " + block);
        }
        this.variant = variant;
        this.block = block;
    }

    public MatmulWorkload(MatmulVariant variant, Map<String, String> params) {
        this(variant, (int) Params.longParam(params, "block", MatmulKernels.DEFAULT_BLOCK, 1, MAX_N));
    }

    @Override
    public String name() {
        return variant.workloadName();
    }

    @Override
    public TaskOutput run(TaskInput input) {
        return PreparedTask.runWhole(this, input);
    }

    @Override
    public PreparedTask prepare(TaskInput input) {
        int n = Params.checkSize(name(), input.size(), MAX_N);
        SplittableRandom random = new SplittableRandom(input.seed());
        double[] a = fillRandom(Scratch.doubles("matmul-a", n * n), random);
        double[] b = fillRandom(Scratch.doubles("matmul-b", n * n), random);
        double[] c = Scratch.doubles("matmul-c", n * n);
        java.util.Arrays.fill(c, 0); // ikj and blocked add into it
        return new PreparedTask() {
            @Override
            public TaskOutput run() {
                variant.multiply(a, b, c, n, block);
                return TaskOutput.of(n == 0 ? 0 : Double.doubleToLongBits(c[c.length - 1]));
            }

            @Override
            public TaskOutput check(TaskOutput output) {
                MatmulVerifier.verify(name(), a, b, c, n, input.seed());
                return TaskOutput.of(checksum(c));
            }
        };
    }

    /** An {@code n×n} row-major matrix of uniform values in [-1, 1). */
    static double[] randomMatrix(int n, SplittableRandom random) {
        return fillRandom(new double[n * n], random);
    }

    /** {@code m} filled with uniform values in [-1, 1); returns it. */
    static double[] fillRandom(double[] m, SplittableRandom random) {
        for (int i = 0; i < m.length; i++) {
            m[i] = random.nextDouble(-1, 1);
        }
        return m;
    }

    /** Folds the sum of all entries and a position-weighted sum of every 7th entry into a long. */
    static long checksum(double[] c) {
        double sum = 0;
        for (double v : c) {
            sum += v;
        }
        double weighted = 0;
        for (int i = 0; i < c.length; i += 7) {
            weighted += (i + 1) * c[i];
        }
        return 31 * Double.doubleToLongBits(sum) + Double.doubleToLongBits(weighted);
    }
}
