package dev.corescope.suite;

import java.util.SplittableRandom;

/** Seeded inputs, the same in every fork, so forks measure the same work. */
final class Inputs {
    private Inputs() {
    }

    static int[] ints(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextInt();
        }
        return a;
    }

    static double[] doubles(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextDouble() - 0.5;
        }
        return a;
    }

    static byte[] bytes(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] a = new byte[n];
        for (int i = 0; i < n; i++) {
            a[i] = (byte) r.nextInt(256);
        }
        return a;
    }
}
