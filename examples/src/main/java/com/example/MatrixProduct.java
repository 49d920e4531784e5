package com.example;

import dev.corescope.api.PreparedTask;
import dev.corescope.api.TaskInput;
import dev.corescope.api.TaskOutput;
import dev.corescope.api.Workload;
import java.util.SplittableRandom;

/**
 * A user's own matrix product C = A·B of two {@code size}×{@code size} matrices, in the cache-friendly i-k-j
 * loop order. The matrices are filled in {@link #prepare} (not timed); the timed {@code run} multiplies and
 * returns a checksum over all of C, so no part of the product is dead code. No parameters: a no-argument
 * constructor, so {@code --param} is refused for this class.
 */
public final class MatrixProduct implements Workload {

    @Override
    public String name() {
        return "matrix-product";
    }

    @Override
    public TaskOutput run(TaskInput input) {
        return PreparedTask.runWhole(this, input);
    }

    @Override
    public PreparedTask prepare(TaskInput input) {
        int n = Math.toIntExact(input.size());
        double[] a = random(n, input.seed());
        double[] b = random(n, input.seed() + 1);
        return () -> {
            double[] c = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < n; k++) {
                    double aik = a[i * n + k];
                    for (int j = 0; j < n; j++) {
                        c[i * n + j] += aik * b[k * n + j];
                    }
                }
            }
            double sum = 0;
            for (double v : c) {
                sum += v;
            }
            return TaskOutput.of(Double.doubleToLongBits(sum));
        };
    }

    private static double[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] m = new double[n * n];
        for (int i = 0; i < m.length; i++) {
            m[i] = r.nextDouble();
        }
        return m;
    }
}
