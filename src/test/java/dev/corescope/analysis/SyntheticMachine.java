package dev.corescope.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Invented machine for tests. Per-task times at P concurrent workers:
 * <pre>
 *   available = min(logical CPUs − busy, quota)            logical = 2·cores with SMT, else cores
 *   cpu       = base × (smtFactor if SMT and P + busy &gt; cores, else 1) × noise    (noise: lognormal, median 1)
 *   wall      = cpu × max(1, P / available)                (time slicing)
 *   wait      = wall − cpu                                 (run-queue delay)
 * </pre>
 * Because the lognormal noise has median 1 and the same spread at every level, the true ratio of medians
 * median(P)/median(1) is exactly {@link #trueRatio(int)}.
 */
record SyntheticMachine(int cores, boolean smt, double smtFactor, double quota, int busy, double cv, double base) {

    static SyntheticMachine cores(int c) {
        return new SyntheticMachine(c, false, 1.25, Double.POSITIVE_INFINITY, 0, 0.02, 0.1);
    }

    SyntheticMachine withSmt(double factor) {
        return new SyntheticMachine(cores, true, factor, quota, busy, cv, base);
    }

    SyntheticMachine withQuota(double q) {
        return new SyntheticMachine(cores, smt, smtFactor, q, busy, cv, base);
    }

    SyntheticMachine withBusy(int b) {
        return new SyntheticMachine(cores, smt, smtFactor, quota, b, cv, base);
    }

    SyntheticMachine withCv(double c) {
        return new SyntheticMachine(cores, smt, smtFactor, quota, busy, c, base);
    }

    double available() {
        int logical = smt ? 2 * cores : cores;
        return Math.min(logical - busy, quota);
    }

    double cpuFactor(int p) {
        return smt && p + busy > cores ? smtFactor : 1.0;
    }

    double trueRatio(int p) {
        return cpuFactor(p) * Math.max(1.0, p / available());
    }

    LevelSample level(int p, int n, Random rng) {
        double sigma = Math.sqrt(Math.log(1 + cv * cv));
        double[] wall = new double[n];
        double[] cpu = new double[n];
        double[] wait = new double[n];
        for (int i = 0; i < n; i++) {
            double noise = Math.exp(sigma * rng.nextGaussian());
            cpu[i] = base * cpuFactor(p) * noise;
            wall[i] = cpu[i] * Math.max(1.0, p / available());
            wait[i] = wall[i] - cpu[i];
        }
        return new LevelSample(p, wall, cpu, wait);
    }

    List<LevelSample> levels(int[] ps, int n, long seed) {
        Random rng = new Random(seed);
        List<LevelSample> out = new ArrayList<>();
        for (int p : ps) {
            out.add(level(p, n, rng));
        }
        return out;
    }

    /** 1..max contiguous. */
    static int[] range(int max) {
        int[] r = new int[max];
        for (int i = 0; i < max; i++) {
            r[i] = i + 1;
        }
        return r;
    }
}
