package dev.corescope.workload.algo;

import java.util.SplittableRandom;

/**
 * Checks a computed product against dot products computed directly: every entry for small matrices,
 * a few seeded random entries (O(k·n) work) for larger ones.
 */
final class MatmulVerifier {
    /** Matrices up to this edge are checked entry by entry. */
    static final int FULL_CHECK_MAX_N = 64;
    /** Entries checked in larger matrices. */
    static final int SAMPLED_ENTRIES = 8;
    /** Allowed error relative to {@code Σ|a_ik·b_kj|}, far above the rounding of any summation order. */
    static final double RELATIVE_TOLERANCE = 1e-9;

    private MatmulVerifier() {
    }

    /**
     * @throws IllegalStateException naming {@code workload} and the first wrong entry
     */
    static void verify(String workload, double[] a, double[] b, double[] c, int n, long seed) {
        if (n <= FULL_CHECK_MAX_N) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    checkEntry(workload, a, b, c, n, i, j);
                }
            }
        } else {
            SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
            for (int s = 0; s < SAMPLED_ENTRIES; s++) {
                checkEntry(workload, a, b, c, n, random.nextInt(n), random.nextInt(n));
            }
        }
    }

    private static void checkEntry(String workload, double[] a, double[] b, double[] c, int n, int i, int j) {
        double dot = 0;
        double magnitude = 0;
        for (int k = 0; k < n; k++) {
            double p = a[i * n + k] * b[k * n + j];
            dot += p;
            magnitude += Math.abs(p);
        }
        double actual = c[i * n + j];
        if (!(Math.abs(actual - dot) <= RELATIVE_TOLERANCE * magnitude)) {
            throw new IllegalStateException(workload + " produced a wrong product: C[" + i + "][" + j + "] = "
                    + actual + ", expected " + dot);
        }
    }
}
